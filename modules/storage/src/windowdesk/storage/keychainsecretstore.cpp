#include "keychainsecretstore.h"

#include <windowdesk/core/toplevelwait.h>

#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
Q_LOGGING_CATEGORY(lcKeychain, "windowdesk.storage.keychain")

// A keychain that has not answered by then is taken as unavailable; its late answer goes nowhere.
constexpr int JobTimeoutMs = 30000;
constexpr int NoAnswer = -1;

QString noAnswerMessage() {
    return u"系统钥匙串无应答 / The system keychain did not answer."_s;
}

Error keychainError(int error, const QString &message, const QString &key) {
    if (error == QKeychain::EntryNotFound)
        return {u"not_found"_s, u"no keychain entry %1"_s.arg(key)};
    if (error == NoAnswer)
        return {u"keychain_unavailable"_s, noAnswerMessage()};
    return {u"keychain_unavailable"_s,
            u"系统钥匙串不可用：%1 / The system keychain is not available: %1"_s.arg(message)};
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, Mode mode, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_mode(mode) {}

// Jobs still running delete themselves once answered; their connections to this store end here.
KeychainSecretStore::~KeychainSecretStore() = default;

bool KeychainSecretStore::unavailableRecently() const {
    constexpr qint64 RetryAfterMs = 60000;
    return !m_unavailable.isEmpty() && m_unavailableSince.isValid() &&
           m_unavailableSince.elapsed() < RetryAfterMs;
}

void KeychainSecretStore::markUnavailable(const QString &message) {
    m_unavailable = message;
    m_unavailableSince.start();
}

bool KeychainSecretStore::mayWait() const {
    return m_mode == Mode::WaitAtTopLevel && TopLevelWait::canWait();
}

void KeychainSecretStore::startJob(
    Op op, const QString &key, const QByteArray &secret,
    std::function<void(int error, const QString &message, const QByteArray &data)> answered) {
    Q_ASSERT(QThread::currentThread() == thread()); // see the header: one thread for every keychain job
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_service);
        w->setBinaryData(secret);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    // No parent: a job is deleted only by itself, after its answer (deleting one the backend still answers
    // would crash later).
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    ++m_running;
    // One answer per job: the keychain's, or the timeout's.
    auto done = std::make_shared<bool>(false);
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    auto finish = [this, done, timeout, answered](int error, const QString &message, const QByteArray &data) {
        if (*done)
            return;
        *done = true;
        timeout->deleteLater();
        --m_running;
        answered(error, message, data);
        if (m_running == 0)
            Q_EMIT idle();
    };
    connect(job, &QKeychain::Job::finished, this, [finish](QKeychain::Job *j) {
        QByteArray data;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
            data = read->binaryData();
        finish(int(j->error()), j->errorString(), data);
    });
    connect(timeout, &QTimer::timeout, this, [finish] { finish(NoAnswer, QString(), {}); });
    timeout->start(JobTimeoutMs);
    job->start();
}

void KeychainSecretStore::readAsync(const QString &key, QObject *context, ReadDone done) {
    QPointer<QObject> ctx(context);
    auto reply = [ctx, done = std::move(done)](const Result<QByteArray> &r) {
        if (ctx)
            done(r);
    };
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd()) {
        QTimer::singleShot(0, this, [reply, v = it.value()] { reply(v); });
        return;
    }
    if (unavailableRecently()) {
        QTimer::singleShot(0, this, [reply, m = m_unavailable] {
            reply(Result<QByteArray>::failure(u"keychain_unavailable"_s, m));
        });
        return;
    }
    startJob(
        Op::Read, key, {}, [this, key, reply](int error, const QString &message, const QByteArray &data) {
            m_fetching.remove(key);
            if (error == QKeychain::NoError) {
                m_absent.remove(key);
                // A write asked for after this read may have answered first: the cache holds the newest
                // value.
                if (!m_cache.contains(key))
                    m_cache.insert(key, data);
                reply(m_cache.value(key));
                return;
            }
            const Error e = keychainError(error, message, key);
            if (e.code == u"not_found") {
                if (!m_cache.contains(key))
                    m_absent.insert(key);
            } else {
                qCWarning(lcKeychain) << "keychain unavailable:" << e.message;
                markUnavailable(e.message);
            }
            reply(m_cache.contains(key) ? Result<QByteArray>(m_cache.value(key)) : Result<QByteArray>(e));
        });
}

void KeychainSecretStore::writeAsync(const QString &key, const QByteArray &secret, QObject *context,
                                     Done done) {
    QPointer<QObject> ctx(context);
    m_cache.insert(key, secret);
    m_absent.remove(key);
    startJob(Op::Write, key, secret,
             [this, ctx, done = std::move(done)](int error, const QString &message, const QByteArray &) {
                 Status s;
                 if (error != QKeychain::NoError) {
                     Error e = keychainError(error, message, QString());
                     e.code = u"keychain_unavailable"_s; // "not found" makes no sense for a write
                     qCWarning(lcKeychain) << "keychain write failed:" << e.message;
                     markUnavailable(e.message);
                     s = Status(e);
                 }
                 if (ctx && done)
                     done(s);
             });
}

void KeychainSecretStore::removeAsync(const QString &key, QObject *context, Done done) {
    QPointer<QObject> ctx(context);
    m_cache.remove(key);
    m_absent.insert(key);
    startJob(Op::Remove, key, {},
             [ctx, key, done = std::move(done)](int error, const QString &message, const QByteArray &) {
                 Status s;
                 // Removing an absent entry leaves the wanted state.
                 if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
                     s = Status(keychainError(error, message, key));
                 if (ctx && done)
                     done(s);
             });
}

void KeychainSecretStore::prefetch(const QStringList &keys, QObject *context,
                                   std::function<void(bool available)> done) {
    auto left = std::make_shared<qsizetype>(keys.size());
    auto available = std::make_shared<bool>(true);
    if (keys.isEmpty()) {
        QPointer<QObject> ctx(context);
        QTimer::singleShot(0, this, [ctx, done] {
            if (ctx)
                done(true);
        });
        return;
    }
    for (const QString &key : keys)
        readAsync(key, context, [left, available, done](const Result<QByteArray> &r) {
            if (!r.ok() && r.error().code != u"not_found")
                *available = false;
            if (--*left == 0)
                done(*available);
        });
}

Result<QByteArray> KeychainSecretStore::read(const QString &key) {
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return it.value();
    if (m_absent.contains(key))
        return Result<QByteArray>::failure(u"not_found"_s, u"no keychain entry %1"_s.arg(key));
    if (unavailableRecently())
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, m_unavailable);
    if (mayWait()) {
        std::optional<Result<QByteArray>> got;
        TopLevelWait wait;
        QObject guard; // the answer reaches this frame only while it waits
        readAsync(key, &guard, [&got, &wait](const Result<QByteArray> &r) {
            got = r;
            wait.finish();
        });
        wait.exec();
        if (got)
            return *got;
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, noAnswerMessage());
    }
    // Never block the caller's event loop: the answer lands in the cache for the next call.
    if (!m_fetching.contains(key)) {
        m_fetching.insert(key);
        readAsync(key, this, [](const Result<QByteArray> &) {});
    }
    return Result<QByteArray>::failure(u"keychain_not_ready"_s,
                                       u"系统钥匙串尚未应答 / The system keychain has not answered yet."_s);
}

Status KeychainSecretStore::write(const QString &key, const QByteArray &secret) {
    if (unavailableRecently())
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    if (mayWait()) {
        std::optional<Status> got;
        TopLevelWait wait;
        QObject guard;
        writeAsync(key, secret, &guard, [&got, &wait](const Status &s) {
            got = s;
            wait.finish();
        });
        wait.exec();
        if (!got) {
            m_cache.remove(key);
            return Status::failure(u"keychain_unavailable"_s, noAnswerMessage());
        }
        if (!got->ok())
            m_cache.remove(key);
        return *got;
    }
    writeAsync(key, secret, this, [this, key](const Status &s) {
        if (!s.ok())
            m_cache.remove(key); // what the keychain does not hold must not be vouched for by the cache
    });
    return {};
}

Status KeychainSecretStore::remove(const QString &key) {
    if (unavailableRecently()) {
        m_cache.remove(key);
        return Status::failure(u"keychain_unavailable"_s, m_unavailable);
    }
    if (mayWait()) {
        std::optional<Status> got;
        TopLevelWait wait;
        QObject guard;
        removeAsync(key, &guard, [&got, &wait](const Status &s) {
            got = s;
            wait.finish();
        });
        wait.exec();
        return got ? *got : Status::failure(u"keychain_unavailable"_s, noAnswerMessage());
    }
    removeAsync(key, this, {});
    return {};
}

} // namespace windowdesk::storage
