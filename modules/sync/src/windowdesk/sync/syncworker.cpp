#include "syncworker.h"

#include "synclogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/toplevelwait.h>
#include <windowdesk/storage/database.h>

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

// Everything that touches the database or the network; created and destroyed in the thread. No keychain here
// (see KeychainSecretStore: all keychain jobs of the program run in its main thread). The database is reached
// by path, never through the caller's object, which may be gone before this thread runs its first job.
class SyncWorker::Inner : public QObject {
public:
    Inner(const storage::Database &main, SyncConfig config, const Clock &clock)
        : m_path(main.path())
        , m_openOptions(main.anotherConnectionOptions())
        , m_config(std::move(config))
        , m_clock(clock) {}

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
        m_engine = std::make_unique<SyncEngine>(*m_db, m_clock, m_config);
        m_connected = false;
        m_engine->adoptTokens(m_tokens);
        return m_engine.get();
    }
    // The holder's tokens: handed to the engine now, or when it is made.
    void adopt(const Tokens &tokens) {
        m_tokens = tokens;
        if (m_engine)
            m_engine->adoptTokens(tokens);
    }
    // True once per engine: the worker's connections to it are made then.
    bool firstUse() { return !std::exchange(m_connected, true); }
    void shutdown() {
        m_stopping = true;
        m_engine.reset();
        m_db.reset();
    }

private:
    QString m_path;
    storage::OpenOptions m_openOptions;
    SyncConfig m_config;
    const Clock &m_clock;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<SyncEngine> m_engine;
    Tokens m_tokens;
    bool m_stopping = false;
    bool m_connected = false;
    bool m_checked = false; // quick_check passed once in this worker's life
};

SyncWorker::SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock,
                       TokenHolder *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens) {
    Q_ASSERT(tokens);
    init(database, std::move(config), clock);
}

SyncWorker::SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock,
                       QString secretService, QObject *parent)
    : QObject(parent)
    , m_ownTokens(std::make_unique<TokenHolder>(secretService))
    , m_tokens(m_ownTokens.get()) {
    init(database, std::move(config), clock);
}

void SyncWorker::init(const storage::Database &database, SyncConfig config, const Clock &clock) {
    qRegisterMetaType<windowdesk::sync::SyncSummary>();
    qRegisterMetaType<windowdesk::sync::LoginOutcome>();
    qRegisterMetaType<windowdesk::sync::Tokens>();
    m_thread.setObjectName(u"windowdesk-sync"_s);
    m_inner = new Inner(database, std::move(config), clock);
    m_inner->moveToThread(&m_thread);
    m_thread.start();
    // Whatever pair the holder has now or gets later (a login, the online calls' refresh) reaches the engine.
    connect(m_tokens, &TokenHolder::changed, this, [this](const Tokens &t) {
        QMetaObject::invokeMethod(m_inner, [inner = m_inner, t] { inner->adopt(t); });
    });
    const Tokens now = m_tokens->tokens();
    QMetaObject::invokeMethod(m_inner, [inner = m_inner, now] { inner->adopt(now); });
}

SyncWorker::~SyncWorker() {
    // Nothing in the worker thread waits in an event loop of its own: the engine goes at once, there.
    QMetaObject::invokeMethod(
        m_inner, [inner = m_inner] { inner->shutdown(); }, Qt::BlockingQueuedConnection);
    m_inner->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

void SyncWorker::runSync(const SyncRunOptions &options) {
    m_busy = true;
    if (!options.username.isEmpty()) {
        dispatchSync(options); // logs in for this run only: no stored tokens needed
        return;
    }
    // The keychain's tokens (read once, or again after a run that needed a login) before the run.
    const bool again = std::exchange(m_reloadTokens, false);
    m_tokens->load(
        this, [this, options] { dispatchSync(options); }, again);
}

void SyncWorker::dispatchSync(const SyncRunOptions &options) {
    const int failNth = m_failNthWrite;
    QMetaObject::invokeMethod(m_inner, [this, options, failNth] {
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
        if (m_inner->firstUse())
            connectEngine(e);
        connect(
            e, &SyncEngine::finished, this,
            [this](const SyncSummary &s) {
                QMetaObject::invokeMethod(this, [this, s] {
                    m_busy = false;
                    m_reloadTokens = s.loginRequired;
                    Q_EMIT syncFinished(s);
                });
            },
            Qt::SingleShotConnection);
        e->start(options);
    });
}

// In the worker thread, once per engine.
void SyncWorker::connectEngine(SyncEngine *e) {
    connect(e, &SyncEngine::progress, this, &SyncWorker::progress);
    connect(e, &SyncEngine::problem, this, &SyncWorker::problem);
    // A refreshed pair: to the holder (which stores it when the old one was stored), then to listeners.
    connect(e, &SyncEngine::tokensChanged, this, [this](const Tokens &t) {
        QMetaObject::invokeMethod(this, [this, t] {
            m_tokens->adoptRefreshed(t);
            Q_EMIT tokensChanged(t);
        });
    });
}

void SyncWorker::runLogin(const QString &username, const QString &password, bool persist) {
    m_busy = true;
    QMetaObject::invokeMethod(m_inner, [this, username, password, persist] {
        Error error;
        SyncEngine *e = m_inner->engine(&error);
        if (!e) {
            LoginOutcome o;
            o.status = Status(error);
            QMetaObject::invokeMethod(this, [this, o] { loginAnswered(o, false); });
            return;
        }
        if (m_inner->firstUse())
            connectEngine(e);
        connect(
            e, &SyncEngine::loginFinished, this,
            [this, persist](const LoginOutcome &o) {
                QMetaObject::invokeMethod(this, [this, o, persist] { loginAnswered(o, persist); });
            },
            Qt::SingleShotConnection);
        e->login(username, password);
    });
}

void SyncWorker::loginAnswered(LoginOutcome outcome, bool persist) {
    if (!outcome.status.ok()) {
        m_busy = false;
        Q_EMIT loginFinished(outcome);
        return;
    }
    // The holder keeps the pair (and stores it, here in this thread); the login is over once it answered.
    m_tokens->adoptLogin(outcome.tokens, persist, this, [this, outcome](const Status &stored) mutable {
        outcome.keychainStored = stored.ok();
        if (!stored.ok())
            outcome.keychainMessage = stored.error().message;
        m_busy = false;
        Q_EMIT loginFinished(outcome);
    });
}

SyncSummary SyncWorker::syncAndWait(const SyncRunOptions &options) {
    SyncSummary out;
    if (!TopLevelWait::canWait()) {
        qCWarning(lcSync) << "syncAndWait called inside an event loop: refused";
        out.errors.append(QJsonObject{{u"stream"_s, u"sync"_s},
                                      {u"code"_s, u"internal"_s},
                                      {u"message"_s, u"syncAndWait inside an event loop"_s}});
        return out;
    }
    TopLevelWait wait;
    QObject guard; // the answers reach this frame only while it waits
    connect(
        this, &SyncWorker::syncFinished, &guard,
        [&](const SyncSummary &s) {
            out = s;
            if (m_tokens->keychainJobs() == 0)
                wait.finish();
            else // a rotated pair is still being stored
                connect(m_tokens, &TokenHolder::keychainIdle, &guard, [&wait] { wait.finish(); });
        },
        Qt::SingleShotConnection);
    runSync(options);
    wait.exec();
    return out;
}

LoginOutcome SyncWorker::loginAndWait(const QString &username, const QString &password, bool persist) {
    LoginOutcome out;
    if (!TopLevelWait::canWait()) {
        qCWarning(lcSync) << "loginAndWait called inside an event loop: refused";
        out.status = Status::failure(u"internal"_s, u"loginAndWait inside an event loop"_s);
        return out;
    }
    TopLevelWait wait;
    QObject guard;
    connect(
        this, &SyncWorker::loginFinished, &guard,
        [&](const LoginOutcome &o) {
            out = o;
            wait.finish();
        },
        Qt::SingleShotConnection);
    runLogin(username, password, persist);
    wait.exec();
    return out;
}

} // namespace windowdesk::sync
