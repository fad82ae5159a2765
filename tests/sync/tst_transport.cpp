// Transport rules: HTTPS except loopback, the hall CA (never ignoreSslErrors), Retry-After in both forms, and
// the status object the GUI shows (pending, oldest age, needs attention with the server's message, retry).
#include "synctestsupport.h"

#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/sync/apiclient.h>
#include <windowdesk/sync/synclock.h>
#include <windowdesk/sync/syncservice.h>
#include <windowdesk/sync/syncstatus.h>

#include <QFile>
#include <QLocale>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

class TstTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void platformUrl_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::addRow("https") << u"https://gov.example/hall-api"_s << QString();
        QTest::addRow("http loopback v4") << u"http://127.0.0.1:8080"_s << QString();
        QTest::addRow("http loopback 127/8") << u"http://127.3.4.5:8080"_s << QString();
        QTest::addRow("http localhost") << u"http://localhost:8080/base"_s << QString();
        QTest::addRow("http ::1") << u"http://[::1]:8080"_s << QString();
        QTest::addRow("http remote") << u"http://gov.example/hall-api"_s << u"insecure_url"_s;
        QTest::addRow("http lan") << u"http://192.168.1.10/hall-api"_s << u"insecure_url"_s;
        QTest::addRow("http localhost lookalike") << u"http://localhost.evil.example"_s << u"insecure_url"_s;
        QTest::addRow("ftp") << u"ftp://gov.example"_s << u"invalid_url"_s;
        QTest::addRow("no host") << u"https://"_s << u"invalid_url"_s;
    }
    void platformUrl() {
        QFETCH(QString, url);
        QFETCH(QString, error);
        const Status s = storage::validatePlatformUrl(url);
        QCOMPARE(s.ok() ? QString() : s.error().code, error);
    }

    void retryAfter_data() {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("minMs");
        QTest::addColumn<qint64>("maxMs");
        const QDateTime now = QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), QTimeZone::utc());
        QTest::addRow("seconds") << QByteArray("7") << qint64(7000) << qint64(7000);
        QTest::addRow("zero") << QByteArray("0") << qint64(0) << qint64(0);
        QTest::addRow("http-date")
            << QLocale::c().toString(now.addSecs(30), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1()
            << qint64(30000) << qint64(30000);
        QTest::addRow("date in the past")
            << QByteArray("Thu, 01 Jan 2026 00:00:00 GMT") << qint64(0) << qint64(0);
        QTest::addRow("absent") << QByteArray() << qint64(-1) << qint64(-1);
        QTest::addRow("garbage") << QByteArray("soon") << qint64(-1) << qint64(-1);
    }
    void retryAfter() {
        QFETCH(QByteArray, value);
        QFETCH(qint64, minMs);
        QFETCH(qint64, maxMs);
        const QDateTime now = QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), QTimeZone::utc());
        const qint64 ms = sync::retryAfterMs(value, now);
        QVERIFY2(ms >= minMs && ms <= maxMs, qPrintable(QString::number(ms)));
    }

    void hallCaCertificateIsRequiredForHttps() {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s), key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, key,
                                     u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                     u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            QSKIP("openssl could not make a test certificate");
        Sim sim;
        QVERIFY(sim.start({u"--catalog-size"_s, u"5"_s, u"--tls-cert"_s, cert, u"--tls-key"_s, key}));
        auto call = [&](const QString &ca) -> sync::ApiResponse {
            sync::SyncConfig config;
            config.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(sim.port));
            config.caCertPath = ca;
            config.timeoutMs = 5000;
            sync::ApiClient api(config);
            sync::ApiResponse answer;
            bool done = false;
            sync::ApiRequest rq;
            rq.path = u"/keys"_s;
            rq.authenticated = false;
            api.send(rq, [&](const sync::ApiResponse &r) {
                answer = r;
                done = true;
            });
            QElapsedTimer t;
            t.start();
            while (!done && t.elapsed() < 15000)
                QTest::qWait(20);
            return answer;
        };
        // Without the hall CA the self-signed platform is refused (no blanket ignoreSslErrors)…
        const auto refused = call(QString());
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.networkError, QNetworkReply::SslHandshakeFailedError);
        // …with it, the platform is trusted.
        const auto trusted = call(cert);
        QVERIFY2(trusted.ok(), qPrintable(trusted.errorMessage));
        QVERIFY(trusted.body.contains("keys"));
    }

    void statusShowsPendingAttentionAndRetry() {
        QTemporaryDir dir;
        auto opened = storage::Database::open(dir.filePath(u"w.db"_s));
        QVERIFY(opened.ok());
        auto db = std::move(opened).value();
        cases::SeedOptions o;
        o.count = 3;
        o.days = 1;
        QVERIFY(cases::DemoCaseSeeder(*db, SystemClock::instance()).seed(o).ok());
        FixedClock clock(QDateTime::currentDateTimeUtc().addSecs(3600));
        sync::SyncStatus status(*db, clock);
        QSignalSpy changed(&status, &sync::SyncStatus::changed);
        QVERIFY(status.refresh().ok());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(status.pendingCount(), 3);
        QVERIFY(status.oldestPendingAgeSecs() >= 3600);
        QCOMPARE(status.needsAttentionCount(), 0);
        storage::OutboxRepository outbox(*db, SystemClock::instance());
        const QString op = outbox.due(1)->first().opId;
        QVERIFY(outbox.markInFlight(op).ok());
        QVERIFY(outbox
                    .markNeedsAttention(op, 422, u"validation: 办件内容未通过校验"_s,
                                        R"({"error":{"code":"validation","message":"办件内容未通过校验",)"
                                        R"("details":{"fields":{"applicant.name":"请填写姓名"}}}})")
                    .ok());
        QVERIFY(status.refresh().ok());
        QCOMPARE(status.pendingCount(), 2);
        QCOMPARE(status.needsAttentionCount(), 1);
        QCOMPARE(status.needsAttention().first().message, u"办件内容未通过校验"_s);
        QVERIFY(status.needsAttention().first().fieldsJson.contains(u"请填写姓名"_s));
        QVERIFY(status.retry(op).ok());
        QCOMPARE(status.pendingCount(), 3);
        QCOMPARE(status.needsAttentionCount(), 0);
        QCOMPARE(outbox.find(op)->opId, op); // same key
    }

    void serviceSkipsWhileAnotherSyncRunsAndAsksForLogin() {
        Sim sim;
        QVERIFY(sim.start({u"--catalog-size"_s, u"5"_s}));
        Client c;
        QVERIFY(c.open(sim));
        sync::SyncService service(*c.db, SystemClock::instance(), c.config);
        QSignalSpy finished(&service, &sync::SyncService::finished);
        {
            sync::SyncLock cli(c.db->path()); // e.g. `windowdeskctl sync` running
            QVERIFY(cli.tryLock());
            service.syncNow();
            QVERIFY(!service.running());
            QVERIFY(!service.status()->syncing());
        }
        service.syncNow();
        QVERIFY(finished.wait(20000));
        // No tokens anywhere: the clerk is asked to log in; nothing queued is touched.
        QVERIFY(service.status()->loginRequired());
        QSignalSpy loggedIn(&service, &sync::SyncService::loginFinished);
        service.login(kUser, kPassword);
        QVERIFY(loggedIn.wait(20000));
        QVERIFY(loggedIn.first().first().value<sync::LoginOutcome>().status.ok());
        QVERIFY(finished.wait(20000)); // a login starts a sync
        const auto s = finished.last().first().value<sync::SyncSummary>();
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QVERIFY(!service.status()->loginRequired());
        QVERIFY(service.status()->online());
        QVERIFY(service.status()->lastSuccess().isValid());
    }

    void lockIsExclusivePerDatabase() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        sync::SyncLock a(db), b(db), other(dir.filePath(u"x.db"_s));
        QVERIFY(a.tryLock());
        QVERIFY(!b.tryLock());
        QVERIFY(other.tryLock());
        a.unlock();
        QVERIFY(b.tryLock());
    }

    // Issue 18 item 9: a hard link is the same database under a name no path resolution leads back to.
    void aHardLinkIsTheSameDatabase() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        const QString link = dir.filePath(u"other-name.db"_s);
        {
            auto opened = storage::Database::open(db);
            QVERIFY(opened.ok());
        }
        QCOMPARE(::link(QFile::encodeName(db).constData(), QFile::encodeName(link).constData()), 0);
        sync::SyncLock a(db), b(link);
        QVERIFY(a.tryLock());
        QVERIFY2(!b.tryLock(), "a second sync of the same file through a hard link");
        a.unlock();
        QVERIFY(b.tryLock());
        QVERIFY(!a.tryLock());
        b.unlock();
    }
};

QTEST_GUILESS_MAIN(TstTransport)
#include "tst_transport.moc"
