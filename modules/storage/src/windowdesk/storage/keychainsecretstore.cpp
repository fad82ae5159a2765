#include "keychainsecretstore.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
Q_LOGGING_CATEGORY(lcKeychain, "windowdesk.storage.keychain")

constexpr int JobTimeoutMs = 30000;

// What a finished job said, copied out of it: the job may outlive the wait (see runJob).
struct JobOutcome {
    bool done = false; // false: no answer within the timeout, or this thread's event loops were told to quit
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data;
};

// Starts `job` (heap-allocated, deleting itself once finished) and waits for it in a nested event loop.
// On a timeout, or when the thread is stopping (QThread::quit ends nested loops too), the job is left to
// finish and delete itself: destroying it while the backend may still answer it would crash later.
JobOutcome runJob(QKeychain::Job *job) {
    JobOutcome out;
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QEventLoop loop;
    // The loop is the context: once this function returns, a late answer reaches nobody.
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&out, &loop](QKeychain::Job *j) {
        out.done = true;
        out.error = j->error();
        out.errorString = j->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            out.data = read->binaryData();
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    if (!out.done) {
        timeout.start(JobTimeoutMs);
        loop.exec();
    }
    return out;
}

Error keychainError(const JobOutcome &job, const QString &key) {
    if (job.error == QKeychain::EntryNotFound)
        return {u"not_found"_s, u"no keychain entry %1"_s.arg(key)};
    return {u"keychain_unavailable"_s,
            u"系统钥匙串不可用：%1 / The system keychain is not available: %1"_s.arg(job.errorString)};
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service)) {}

bool KeychainSecretStore::unavailableRecently() const {
    constexpr qint64 RetryAfterMs = 60000;
    return !m_unavailable.isEmpty() && m_unavailableSince.isValid() &&
           m_unavailableSince.elapsed() < RetryAfterMs;
}

void KeychainSecretStore::markUnavailable(const QString &message) {
    m_unavailable = message;
    m_unavailableSince.start();
}

Result<QByteArray> KeychainSecretStore::read(const QString &key) {
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return it.value();
    if (unavailableRecently())
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, m_unavailable);
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const JobOutcome out = runJob(job);
    if (!out.done) {
        markUnavailable(u"系统钥匙串无应答 / The system keychain did not answer."_s);
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, m_unavailable);
    }
    if (out.error != QKeychain::NoError) {
        const Error e = keychainError(out, key);
        if (e.code == u"keychain_unavailable") {
            qCWarning(lcKeychain) << "keychain unavailable:" << out.errorString;
            markUnavailable(e.message);
        }
        return Result<QByteArray>(e);
    }
    const QByteArray secret = out.data;
    m_cache.insert(key, secret);
    return secret;
}

Status KeychainSecretStore::write(const QString &key, const QByteArray &secret) {
    if (unavailableRecently())
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    const JobOutcome out = runJob(job);
    if (!out.done) {
        markUnavailable(u"系统钥匙串无应答 / The system keychain did not answer."_s);
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    }
    if (out.error != QKeychain::NoError) {
        Error e = keychainError(out, key);
        e.code = u"keychain_unavailable"_s; // "not found" makes no sense for a write
        markUnavailable(e.message);
        qCWarning(lcKeychain) << "keychain write failed:" << out.errorString;
        return Status(e);
    }
    m_cache.insert(key, secret);
    return {};
}

Status KeychainSecretStore::remove(const QString &key) {
    m_cache.remove(key);
    if (unavailableRecently())
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const JobOutcome out = runJob(job);
    if (!out.done)
        return Status::failure(u"keychain_unavailable"_s,
                               u"系统钥匙串无应答 / The system keychain did not answer."_s);
    if (out.error == QKeychain::NoError || out.error == QKeychain::EntryNotFound)
        return {}; // removing an absent entry leaves the wanted state
    return Status(keychainError(out, key));
}

} // namespace windowdesk::storage
