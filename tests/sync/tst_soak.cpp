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
        QElapsedTimer seedTime;
        seedTime.start();
        QCOMPARE(c.seed(n), n);
        qInfo("seeded %d cases in %lld ms", n, seedTime.elapsed());
        QVERIFY(sim.setFaults(u"drop-after-commit=0.2,http-503=0.1,truncate=0.05,token-ttl-s=3"_s));
        QElapsedTimer t;
        t.start();
        int runs = 0;
        sync::SyncSummary s;
        while (t.elapsed() < 170000) {
            ++runs;
            s = c.run(60);
            if (s.pending == 0 && s.needsAttention == 0)
                break;
        }
        const QJsonObject faults = sim.stats().value(u"faults"_s).toObject();
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
