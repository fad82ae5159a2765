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

// Runs a started-or-not job until it finishes; returns false on timeout.
bool runJob(QKeychain::Job &job) {
    bool done = false;
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    job.start();
    if (!done) {
        timeout.start(JobTimeoutMs);
        loop.exec();
    }
    return done;
}

Error keychainError(const QKeychain::Job &job) {
    if (job.error() == QKeychain::EntryNotFound)
        return {u"not_found"_s, u"no keychain entry %1"_s.arg(job.key())};
    return {u"keychain_unavailable"_s,
            u"系统钥匙串不可用：%1 / The system keychain is not available: %1"_s.arg(job.errorString())};
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
    QKeychain::ReadPasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    if (!runJob(job)) {
        markUnavailable(u"系统钥匙串无应答 / The system keychain did not answer."_s);
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, m_unavailable);
    }
    if (job.error() != QKeychain::NoError) {
        const Error e = keychainError(job);
        if (e.code == u"keychain_unavailable") {
            qCWarning(lcKeychain) << "keychain unavailable:" << job.errorString();
            markUnavailable(e.message);
        }
        return Result<QByteArray>(e);
    }
    const QByteArray secret = job.binaryData();
    m_cache.insert(key, secret);
    return secret;
}

Status KeychainSecretStore::write(const QString &key, const QByteArray &secret) {
    if (unavailableRecently())
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    QKeychain::WritePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    job.setBinaryData(secret);
    if (!runJob(job)) {
        markUnavailable(u"系统钥匙串无应答 / The system keychain did not answer."_s);
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    }
    if (job.error() != QKeychain::NoError) {
        Error e = keychainError(job);
        e.code = u"keychain_unavailable"_s; // "not found" makes no sense for a write
        markUnavailable(e.message);
        qCWarning(lcKeychain) << "keychain write failed:" << job.errorString();
        return Status(e);
    }
    m_cache.insert(key, secret);
    return {};
}

Status KeychainSecretStore::remove(const QString &key) {
    m_cache.remove(key);
    if (unavailableRecently())
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    QKeychain::DeletePasswordJob job(m_service);
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    if (!runJob(job))
        return Status::failure(u"keychain_unavailable"_s,
                               u"系统钥匙串无应答 / The system keychain did not answer."_s);
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return {}; // removing an absent entry leaves the wanted state
    return Status(keychainError(job));
}

} // namespace windowdesk::storage
