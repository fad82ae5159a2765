#include "syncworker.h"

#include "synclogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/keychainsecretstore.h>

#include <QEventLoop>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

// Everything that touches the database, the network or the keychain; created and destroyed in the thread.
//
// Shutting down while the engine waits in a nested event loop (a keychain job runs one) must not destroy the
// engine under its own stack frame: the shutdown then only marks the stop, and the engine goes with this
// object, deleted when the thread finishes (its deferred delete), with no engine frame left on the stack.
// The database is reached by path, never through the caller's object, which may be gone before this thread
// runs its first job.
class SyncWorker::Inner : public QObject {
public:
    Inner(const storage::Database &main, SyncConfig config, const Clock &clock, QString service)
        : m_path(main.path())
        , m_openOptions(main.anotherConnectionOptions())
        , m_config(std::move(config))
        , m_clock(clock)
        , m_service(std::move(service)) {}

    // Held by every job that calls into the engine, for the length of that call.
    class Entry {
    public:
        explicit Entry(Inner &inner)
            : m_inner(inner) {
            ++m_inner.m_depth;
        }
        ~Entry() { --m_inner.m_depth; }
        Entry(const Entry &) = delete;
        Entry &operator=(const Entry &) = delete;

    private:
        Inner &m_inner;
    };

    // Null once stopping, or when the database cannot be opened or is damaged (`error` says why).
    SyncEngine *engine(Error *error) {
        if (m_stopping) {
            *error = Error{u"sync_stopped"_s, u"sync stopped"_s};
            return nullptr;
        }
        if (m_engine)
            return m_engine.get();
        // Created in this thread: one named connection per thread. Its first open runs quick_check
        // (sync-rules.md rule 9): a damaged file is copied aside, never deleted, and sync stops there.
        storage::OpenOptions options = m_openOptions;
        options.skipQuickCheck = m_checked;
        auto own = storage::Database::open(m_path, options);
        if (!own.ok()) {
            *error = own.error();
            return nullptr;
        }
        m_checked = true;
        m_db = std::move(own).value();
        if (!m_service.isEmpty())
            m_secrets = std::make_unique<GuardedSecrets>(*this, m_service);
        m_engine = std::make_unique<SyncEngine>(*m_db, m_clock, m_secrets.get(), m_config);
        m_engine->adoptTokens(m_tokens);
        m_tokens = {};
        return m_engine.get();
    }
    // Tokens got elsewhere in this program: handed to the engine now, or when it is made.
    void adopt(const Tokens &tokens) {
        if (m_engine)
            m_engine->adoptTokens(tokens);
        else
            m_tokens = tokens;
    }
    void shutdown() {
        m_stopping = true;
        if (m_depth == 0)
            release();
    }

private:
    // The keychain store, each call counted as an Entry: its job waits in a nested event loop.
    class GuardedSecrets : public SecretStore {
    public:
        GuardedSecrets(Inner &inner, const QString &service)
            : m_inner(inner)
            , m_store(service) {}
        Result<QByteArray> read(const QString &key) override {
            Entry e(m_inner);
            return m_store.read(key);
        }
        Status write(const QString &key, const QByteArray &secret) override {
            Entry e(m_inner);
            return m_store.write(key, secret);
        }
        Status remove(const QString &key) override {
            Entry e(m_inner);
            return m_store.remove(key);
        }

    private:
        Inner &m_inner;
        storage::KeychainSecretStore m_store;
    };

    void release() {
        m_engine.reset();
        m_secrets.reset();
        m_db.reset();
    }

    QString m_path;
    storage::OpenOptions m_openOptions;
    SyncConfig m_config;
    const Clock &m_clock;
    QString m_service;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<GuardedSecrets> m_secrets;
    std::unique_ptr<SyncEngine> m_engine;
    Tokens m_tokens;
    int m_depth = 0;
    bool m_stopping = false;
    bool m_checked = false; // quick_check passed once in this worker's life
};

SyncWorker::SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock,
                       QString secretService, QObject *parent)
    : QObject(parent) {
    qRegisterMetaType<windowdesk::sync::SyncSummary>();
    qRegisterMetaType<windowdesk::sync::LoginOutcome>();
    m_thread.setObjectName(u"windowdesk-sync"_s);
    m_inner = new Inner(database, std::move(config), clock, std::move(secretService));
    m_inner->moveToThread(&m_thread);
    m_thread.start();
}

SyncWorker::~SyncWorker() {
    // If the engine is inside a nested event loop (a keychain job), shutdown() only marks the stop; quit()
    // then ends that loop too, the engine's call returns and the Entry releases it, in its own thread.
    QMetaObject::invokeMethod(
        m_inner, [inner = m_inner] { inner->shutdown(); }, Qt::BlockingQueuedConnection);
    m_inner->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

void SyncWorker::runSync(const SyncRunOptions &options) {
    m_busy = true;
    const int failNth = m_failNthWrite;
    QMetaObject::invokeMethod(m_inner, [this, options, failNth] {
        Inner::Entry entry(*m_inner);
        Error error;
        SyncEngine *e = m_inner->engine(&error);
        if (!e) {
            SyncSummary s;
            s.errors.append(QJsonObject{
                {u"stream"_s, u"database"_s}, {u"code"_s, error.code}, {u"message"_s, error.message}});
            QMetaObject::invokeMethod(this, [this, s] {
                m_busy = false;
                Q_EMIT syncFinished(s);
            });
            return;
        }
        e->setFailNthWriteForTest(failNth);
        connect(e, &SyncEngine::progress, this, &SyncWorker::progress, Qt::UniqueConnection);
        connect(e, &SyncEngine::tokensChanged, this, &SyncWorker::tokensChanged, Qt::UniqueConnection);
        connect(
            e, &SyncEngine::finished, this,
            [this](const SyncSummary &s) {
                QMetaObject::invokeMethod(this, [this, s] {
                    m_busy = false;
                    Q_EMIT syncFinished(s);
                });
            },
            Qt::SingleShotConnection);
        e->start(options);
    });
}

void SyncWorker::runLogin(const QString &username, const QString &password, bool persist) {
    m_busy = true;
    QMetaObject::invokeMethod(m_inner, [this, username, password, persist] {
        Inner::Entry entry(*m_inner);
        Error error;
        SyncEngine *e = m_inner->engine(&error);
        if (!e) {
            LoginOutcome o;
            o.status = Status(error);
            QMetaObject::invokeMethod(this, [this, o] {
                m_busy = false;
                Q_EMIT loginFinished(o);
            });
            return;
        }
        connect(e, &SyncEngine::tokensChanged, this, &SyncWorker::tokensChanged, Qt::UniqueConnection);
        connect(
            e, &SyncEngine::loginFinished, this,
            [this](const LoginOutcome &o) {
                QMetaObject::invokeMethod(this, [this, o] {
                    m_busy = false;
                    Q_EMIT loginFinished(o);
                });
            },
            Qt::SingleShotConnection);
        e->login(username, password, persist);
    });
}

void SyncWorker::setTokens(const Tokens &tokens) {
    QMetaObject::invokeMethod(m_inner, [inner = m_inner, tokens] { inner->adopt(tokens); });
}

SyncSummary SyncWorker::syncAndWait(const SyncRunOptions &options) {
    SyncSummary out;
    QEventLoop loop;
    connect(
        this, &SyncWorker::syncFinished, &loop,
        [&](const SyncSummary &s) {
            out = s;
            loop.quit();
        },
        Qt::SingleShotConnection);
    runSync(options);
    loop.exec();
    return out;
}

LoginOutcome SyncWorker::loginAndWait(const QString &username, const QString &password, bool persist) {
    LoginOutcome out;
    QEventLoop loop;
    connect(
        this, &SyncWorker::loginFinished, &loop,
        [&](const LoginOutcome &o) {
            out = o;
            loop.quit();
        },
        Qt::SingleShotConnection);
    runLogin(username, password, persist);
    loop.exec();
    return out;
}

} // namespace windowdesk::sync
