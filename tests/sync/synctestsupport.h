#pragma once
// Shared by the sync tests: the simulator process on a free loopback port, a client database pointed at it,
// and a sync run driven in-process (a SyncEngine in the test thread) or through SyncWorker.
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/syncengine.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <memory>

namespace synctest {
using namespace Qt::StringLiterals;
using namespace windowdesk;

inline const QString kUser = u"clerk"_s;
inline const QString kPassword = u"Clerk@2026"_s;

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// One simulator process on a free loopback port; its request log goes to `logFile`.
class Sim {
public:
    bool start(const QStringList &args, const QString &logFile = {}) {
        m_process = std::make_unique<QProcess>();
        if (!logFile.isEmpty())
            m_process->setStandardErrorFile(logFile, QIODevice::Append);
        else
            m_process->setStandardErrorFile(QProcess::nullDevice());
        // SYNC_TEST_SIM: another simulator (e.g. a wrapper under a debugger) for investigations.
        m_process->start(qEnvironmentVariable("SYNC_TEST_SIM", QStringLiteral(WINDOWDESK_PLATFORM_SIM)),
                         QStringList{u"--port"_s, u"0"_s, u"--tickets-s"_s, u"0"_s} + args);
        if (!m_process->waitForStarted(10000))
            return false;
        QElapsedTimer t;
        t.start();
        while (!m_process->canReadLine() && t.elapsed() < 30000)
            m_process->waitForReadyRead(200);
        const QByteArray line = m_process->readLine().trimmed();
        if (!line.startsWith("LISTENING "))
            return false;
        port = line.mid(10).toInt();
        return port > 0;
    }
    void stop() {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    ~Sim() { stop(); }
    QString base() const { return u"http://127.0.0.1:%1"_s.arg(port); }

    HttpAnswer http(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {}) const {
        QNetworkAccessManager nam;
        QNetworkRequest rq(QUrl(base() + u"/api/v1"_s + path));
        rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        rq.setRawHeader("X-Request-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
        for (const auto &[k, v] : headers)
            rq.setRawHeader(k, v);
        QNetworkReply *reply = nam.sendCustomRequest(rq, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        HttpAnswer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (a.status == 0)
            a.body = reply->errorString().toUtf8();
        delete reply;
        return a;
    }
    bool setFaults(const QString &spec) const {
        for (int attempt = 0; attempt < 3; ++attempt) {
            const HttpAnswer a =
                http("POST", u"/sim/faults"_s,
                     QJsonDocument(QJsonObject{{u"faults"_s, spec}}).toJson(QJsonDocument::Compact));
            if (a.status == 200)
                return true;
            qWarning("setFaults: status %d %s", a.status, a.body.constData());
        }
        return false;
    }
    QJsonObject stats() const { return http("GET", u"/sim/stats"_s).json(); }
    QString login() const {
        return http("POST", u"/auth/login"_s,
                    QJsonDocument(QJsonObject{{u"username"_s, kUser},
                                              {u"password"_s, kPassword},
                                              {u"device_id"_s, u"t"_s}})
                        .toJson(QJsonDocument::Compact))
            .json()
            .value(u"access_token"_s)
            .toString();
    }
    int port = 0;

private:
    std::unique_ptr<QProcess> m_process;
};

// A client database in a temporary directory, configured for the simulator with a short backoff.
struct Client {
    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;
    sync::SyncConfig config;
    bool open(const Sim &sim, qint64 backoffBaseMs = 50, qint64 backoffCapMs = 400, int timeoutMs = 5000) {
        // Cases and evaluations are applied by their module, registered as the programs do at start.
        cases::registerSyncAppliers();
        auto r = storage::Database::open(dir.filePath(u"windowdesk.db"_s));
        if (!r.ok())
            return false;
        db = std::move(r).value();
        namespace key = storage::settingkey;
        const Status set =
            storage::SettingsRepository(*db, SystemClock::instance())
                .apply({u"sync-test"_s, true},
                       {{QString::fromLatin1(key::platformUrl), sim.base()},
                        {QString::fromLatin1(key::syncBackoffBaseMs), QString::number(backoffBaseMs)},
                        {QString::fromLatin1(key::syncBackoffCapMs), QString::number(backoffCapMs)},
                        {QString::fromLatin1(key::syncTimeoutMs), QString::number(timeoutMs)}});
        if (!set.ok()) {
            qWarning("settings: %s", qPrintable(set.error().message));
            return false;
        }
        auto c = sync::loadSyncConfig(*db);
        if (!c.ok())
            return false;
        config = c.value();
        return true;
    }
    // One run of the engine in this thread, logged in for the run (no keychain).
    sync::SyncSummary run(int maxSeconds = 60, bool push = true, bool pull = true, int failNthWrite = 0) {
        sync::SyncEngine engine(*db, SystemClock::instance(), config);
        engine.setFailNthWriteForTest(failNthWrite);
        QSignalSpy spy(&engine, &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.username = kUser;
        o.password = kPassword;
        o.maxSeconds = maxSeconds;
        o.push = push;
        o.pull = pull;
        engine.start(o);
        if (!spy.wait((maxSeconds + 30) * 1000))
            return {};
        return spy.first().first().value<sync::SyncSummary>();
    }
    int seed(int count) {
        cases::SeedOptions o;
        o.count = count;
        o.days = 10;
        auto r = cases::DemoCaseSeeder(*db, SystemClock::instance()).seed(o);
        return r.ok() ? r->cases : -1;
    }
    int scalar(const QString &sql, const QVariantList &binds = {}) const {
        auto q = db->query(sql, binds);
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }
    QString text(const QString &sql, const QVariantList &binds = {}) const {
        auto q = db->query(sql, binds);
        return q.ok() && q->next() ? q->value(0).toString() : QString();
    }
};

inline QString summaryText(const sync::SyncSummary &s) {
    return QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact));
}

} // namespace synctest

namespace synctest {
// An engine logged in before the faults are switched on (so the login itself is not hit by them).
struct LoggedInEngine {
    std::unique_ptr<sync::SyncEngine> engine;
    bool login(Client &c) {
        engine = std::make_unique<sync::SyncEngine>(*c.db, SystemClock::instance(), c.config);
        QSignalSpy spy(engine.get(), &sync::SyncEngine::loginFinished);
        engine->login(kUser, kPassword);
        return spy.wait(20000) && spy.first().first().value<sync::LoginOutcome>().status.ok();
    }
    sync::SyncSummary run(int maxSeconds, bool push = true, bool pull = false) {
        QSignalSpy spy(engine.get(), &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.maxSeconds = maxSeconds;
        o.push = push;
        o.pull = pull;
        engine->start(o);
        if (!spy.wait((maxSeconds + 30) * 1000))
            return {};
        return spy.first().first().value<sync::SyncSummary>();
    }
};
} // namespace synctest
