// The soak (label "soak"): 2,000 cases pushed while the simulator drops 20% of answers after committing,
// answers 503 to 10%, truncates 5% and expires access tokens every 3 seconds. Afterwards the platform holds
// exactly 2,000 cases, the outbox is empty and nothing needs attention. Short backoff base/cap (a setting).
#include "synctestsupport.h"

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

class TstSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoThousandCasesUnderFaults() {
        const int n = qEnvironmentVariableIntValue("SYNC_SOAK_CASES") > 0
                          ? qEnvironmentVariableIntValue("SYNC_SOAK_CASES")
                          : 2000;
        QTemporaryDir logDir;
        Sim sim;
        QVERIFY(
            sim.start({u"--catalog-size"_s, u"30"_s, u"--no-demo-catalog"_s}, logDir.filePath(u"sim.log"_s)));
        Client c;
        QVERIFY(c.open(sim, 100, 1500, 4000));
        QVERIFY(c.run(60, false, true).success());
        // Cases keep coming while the faults are on: ten rounds of n/10 new cases, each followed by a sync.
        QVERIFY(sim.setFaults(u"drop-after-commit=0.2,http-503=0.1,truncate=0.05,token-ttl-s=1"_s));
        QElapsedTimer t;
        t.start();
        int runs = 0;
        sync::SyncSummary s;
        for (int round = 0; round < 10; ++round) {
            QCOMPARE(c.seed(n / 10), n / 10);
            ++runs;
            s = c.run(20);
            qInfo("round %d: %s", round, qPrintable(summaryText(s)));
        }
        while (t.elapsed() < 170000 && !(s.pending == 0 && s.needsAttention == 0)) {
            ++runs;
            s = c.run(60);
            qInfo("run %d: %s", runs, qPrintable(summaryText(s)));
        }
        const QJsonObject stats = sim.stats();
        const QJsonObject faults = stats.value(u"faults"_s).toObject();
        qInfo("refreshes: %d", stats.value(u"requests"_s).toObject().value(u"POST /auth/refresh"_s).toInt());
        // Tokens expired during the soak and were refreshed, never logging the clerk out.
        QVERIFY(stats.value(u"requests"_s).toObject().value(u"POST /auth/refresh"_s).toInt() > 0);
        QVERIFY(sim.setFaults(QString()));
        qInfo("soak: %d runs, %lld ms; faults %s", runs, t.elapsed(),
              QJsonDocument(faults).toJson(QJsonDocument::Compact).constData());
        QVERIFY(faults.value(u"drop_after_commit"_s).toInt() > 0);
        QVERIFY(faults.value(u"truncate"_s).toInt() > 0);
        QCOMPARE(s.pending, 0);
        QCOMPARE(s.needsAttention, 0);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), n);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE case_no IS NULL"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(DISTINCT case_no) FROM cases"_s), n);
    }
};

QTEST_GUILESS_MAIN(TstSoak)
#include "tst_soak.moc"
