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
class SyncWorker::Inner : public QObject {
public:
    Inner(const storage::Database &main, SyncConfig config, const Clock &clock, QString service)
        : m_main(main)
        , m_config(std::move(config))
        , m_clock(clock)
        , m_service(std::move(service)) {}

    SyncEngine *engine(QString *error) {
        if (m_engine)
            return m_engine.get();
        // Created in this thread: one named connection per thread.
        auto own = m_main.openAnotherConnection();
        if (!own.ok()) {
            *error = own.error().message;
            return nullptr;
        }
        m_db = std::move(own).value();
        if (!m_service.isEmpty())
            m_secrets = std::make_unique<storage::KeychainSecretStore>(m_service);
        m_engine = std::make_unique<SyncEngine>(*m_db, m_clock, m_secrets.get(), m_config);
        return m_engine.get();
    }
    void shutdown() {
        m_engine.reset();
        m_secrets.reset();
        m_db.reset();
    }

private:
    const storage::Database &m_main;
    SyncConfig m_config;
    const Clock &m_clock;
    QString m_service;
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::KeychainSecretStore> m_secrets;
    std::unique_ptr<SyncEngine> m_engine;
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
        QString error;
        SyncEngine *e = m_inner->engine(&error);
        if (!e) {
            SyncSummary s;
            s.errors.append(QJsonObject{
                {u"stream"_s, u"database"_s}, {u"code"_s, u"db_unreadable"_s}, {u"message"_s, error}});
            QMetaObject::invokeMethod(this, [this, s] {
                m_busy = false;
                Q_EMIT syncFinished(s);
            });
            return;
        }
        e->setFailNthWriteForTest(failNth);
        connect(e, &SyncEngine::progress, this, &SyncWorker::progress, Qt::UniqueConnection);
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
        QString error;
        SyncEngine *e = m_inner->engine(&error);
        if (!e) {
            LoginOutcome o;
            o.status = Status::failure(u"db_unreadable"_s, error);
            QMetaObject::invokeMethod(this, [this, o] {
                m_busy = false;
                Q_EMIT loginFinished(o);
            });
            return;
        }
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
