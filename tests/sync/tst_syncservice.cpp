// The GUI's sync (SyncService over a SyncWorker thread) against the simulator process: the worker reaches the
// database by path and survives its caller's Database object; stopping it mid-run neither hangs nor crashes
// and loses nothing; when the platform comes back after an outage the service finds it by itself (shorter
// probe interval while unreachable) or at once when the system reports the network back; a damaged database
// stops sync with db_damaged and is copied aside, never deleted (sync-rules.md rule 9); records pulled in a
// run are announced (pulled) as soon as their page is applied.
#include "synctestsupport.h"

#include <windowdesk/sync/syncservice.h>
#include <windowdesk/sync/syncworker.h>

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
// Overwrites the middle of a checkpointed database file (every page but the first few and the last)
// so that quick_check fails, as a failing disk would leave it.
bool damage(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const qint64 size = f.size();
    if (size < 16 * 4096)
        return false;
    f.seek(4 * 4096);
    const QByteArray junk(int(size - 8 * 4096), '\x5a');
    return f.write(junk) == junk.size() && f.flush();
}
} // namespace

class TstSyncService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // No keychain in this test (tokens stay in memory): never the user's own.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/windowdesk-test-bus");
    }

    void workerOutlivesTheCallersDatabaseObject() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client c;
        QVERIFY(c.open(sim));
        QCOMPARE(c.seed(3), 3);
        const QString path = c.db->path();
        auto worker = std::make_unique<sync::SyncWorker>(*c.db, c.config, SystemClock::instance(), QString());
        c.db.reset(); // the GUI destroys its connection before a deferred session delete: the file remains
        sync::SyncRunOptions o;
        o.username = kUser;
        o.password = kPassword;
        o.maxSeconds = 60;
        const sync::SyncSummary s = worker->syncAndWait(o);
        QVERIFY2(s.errors.isEmpty(), qPrintable(summaryText(s)));
        QCOMPARE(s.pushed, 3);
        worker.reset();
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 3);
        QVERIFY(QFile::exists(path));
    }

    void stoppingMidRunNeitherHangsNorLosesAnything() {
        Sim sim;
        QVERIFY(sim.start({u"--faults"_s, u"delay-ms=200"_s}));
        Client c;
        QVERIFY(c.open(sim));
        QCOMPARE(c.seed(12), 12);
        for (int round = 0; round < 3; ++round) {
            // A run under way (requests in flight, answers 200 ms away) when the worker is destroyed.
            auto worker =
                std::make_unique<sync::SyncWorker>(*c.db, c.config, SystemClock::instance(), QString());
            sync::SyncRunOptions o;
            o.username = kUser;
            o.password = kPassword;
            worker->runSync(o);
            QTest::qWait(150 + 100 * round);
            QElapsedTimer t;
            t.start();
            worker.reset();
            QVERIFY2(t.elapsed() < 15000, "stopping the worker must not wait for the whole run");
        }
        // A later run finishes the work: every case on the platform exactly once.
        QVERIFY(sim.setFaults(QString()));
        sync::SyncWorker worker(*c.db, c.config, SystemClock::instance(), QString());
        sync::SyncRunOptions o;
        o.username = kUser;
        o.password = kPassword;
        o.pull = false;
        const sync::SyncSummary s = worker.syncAndWait(o);
        QCOMPARE(s.pending, 0);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 12);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state = 'done'"_s), 12);
        QCOMPARE(c.scalar(u"SELECT count(DISTINCT case_no) FROM cases WHERE case_no IS NOT NULL"_s), 12);
    }

    void platformBackIsFoundWithoutTheSystemsNetworkState() {
        QTemporaryDir simDir;
        const QString simData = simDir.filePath(u"platform.db"_s);
        Sim sim;
        QVERIFY(sim.start({u"--data"_s, simData}));
        const int port = sim.port;
        Client c;
        QVERIFY(c.open(sim, 50, 400, 2000));
        sync::SyncService service(*c.db, SystemClock::instance(), c.config);
        service.setInterval(3600 * 1000); // online: only the runs this test causes
        service.setOfflineInterval(500);  // unreachable: look again every half second
        QSignalSpy finished(&service, &sync::SyncService::finished);
        QSignalSpy login(&service, &sync::SyncService::loginFinished);
        service.login(kUser, kPassword); // memory only (no keychain); a sync follows the login
        QTRY_VERIFY_WITH_TIMEOUT(!login.isEmpty(), 20000);
        QVERIFY(login.first().first().value<sync::LoginOutcome>().status.ok());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY(service.status()->online());
        finished.clear();
        service.start(); // the timer (and a first run of its own)
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);

        // The platform goes away mid-morning; the window keeps taking cases.
        sim.stop();
        QCOMPARE(c.seed(5), 5);
        finished.clear();
        service.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY(!service.status()->online());
        QCOMPARE(service.currentInterval(), 500);
        QVERIFY(service.status()->pendingCount() >= 5);

        // It comes back at the same address with its state (tokens included): found by the probe alone.
        Sim back;
        QVERIFY(back.start({u"--data"_s, simData, u"--port"_s, QString::number(port)}));
        QCOMPARE(back.port, port);
        QTRY_VERIFY_WITH_TIMEOUT(service.status()->online(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(service.status()->pendingCount(), 0, 30000);
        QCOMPARE(back.stats().value(u"cases"_s).toInt(), 5);
        QCOMPARE(service.currentInterval(), 3600 * 1000);
        QVERIFY(!service.status()->loginRequired());
    }

    // The pages that show pulled records (the supervisor's board, the ledger) refresh on `pulled`: it comes
    // once a stream's page with new records is applied and readable, before the run ends.
    void pulledRecordsAreAnnouncedBeforeTheRunEnds() {
        Sim sim;
        QVERIFY(sim.start({u"--faults"_s, u"delay-ms=150"_s}));
        Client c;
        QVERIFY(c.open(sim));
        QCOMPARE(c.seed(3), 3);
        sync::SyncService service(*c.db, SystemClock::instance(), c.config);
        service.setInterval(3600 * 1000);
        service.setOfflineInterval(3600 * 1000);
        QSignalSpy finished(&service, &sync::SyncService::finished);
        QSignalSpy login(&service, &sync::SyncService::loginFinished);
        QStringList streams;
        int numberedWhenAnnounced = -1;
        int finishedWhenAnnounced = -1;
        connect(&service, &sync::SyncService::pulled, this, [&](const QString &stream) {
            streams.append(stream);
            if (stream == u"case_changes"_s && numberedWhenAnnounced < 0) {
                numberedWhenAnnounced =
                    c.scalar(u"SELECT count(*) FROM cases WHERE case_no IS NOT NULL AND case_no <> ''"_s);
                finishedWhenAnnounced = int(finished.count());
            }
        });
        service.login(kUser, kPassword); // a sync follows the login: push the 3 cases, pull their numbers
        QTRY_VERIFY_WITH_TIMEOUT(!login.isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY2(streams.contains(u"case_changes"_s), qPrintable(streams.join(u',')));
        QCOMPARE(numberedWhenAnnounced, 3);
        QCOMPARE(finishedWhenAnnounced, 0);
        QCOMPARE(streams.count(u"case_changes"_s), 1); // one page, announced once
        // A run with nothing new announces nothing.
        streams.clear();
        finished.clear();
        QVERIFY(sim.setFaults(QString()));
        service.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QVERIFY2(!streams.contains(u"case_changes"_s), qPrintable(streams.join(u',')));
    }

    void networkBackStartsARunAtOnce() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client c;
        QVERIFY(c.open(sim));
        sync::SyncService service(*c.db, SystemClock::instance(), c.config);
        service.setInterval(3600 * 1000);
        service.setOfflineInterval(3600 * 1000); // no timer run in this test
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.networkReachabilityChanged(false);
        QVERIFY(!service.status()->online());
        QTest::qWait(200);
        QCOMPARE(finished.count(), 0); // losing the network starts nothing
        service.networkReachabilityChanged(true);
        QVERIFY(service.status()->syncing()); // started synchronously, before any timer
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    }

    void damagedDatabaseStopsSyncAndIsCopiedAside() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client c;
        QVERIFY(c.open(sim));
        QCOMPARE(c.seed(200), 200); // enough pages to damage some in the middle
        QVERIFY(c.db->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s).ok());
        const QString path = c.db->path();
        QVERIFY(damage(path));
        sync::SyncWorker worker(*c.db, c.config, SystemClock::instance(), QString());
        sync::SyncRunOptions o;
        o.username = kUser;
        o.password = kPassword;
        const sync::SyncSummary s = worker.syncAndWait(o);
        QVERIFY2(summaryText(s).contains(u"db_damaged"_s), qPrintable(summaryText(s)));
        QCOMPARE(s.pushed, 0);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 0); // nothing sent from a damaged file
        QVERIFY(QFile::exists(path));                       // never deleted
        const QStringList copies =
            QFileInfo(path).dir().entryList({QFileInfo(path).fileName() + u".damaged-*"_s}, QDir::Files);
        QVERIFY2(!copies.isEmpty(), "the damaged file must be copied aside");
    }
};

QTEST_GUILESS_MAIN(TstSyncService)
#include "tst_syncservice.moc"
