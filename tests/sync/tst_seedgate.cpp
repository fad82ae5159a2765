// Issue 18 #14: cases made by `seed demo-cases` are synthetic and never go to a platform that is not on this
// machine; the window's own cases still do. The engine runs against a non-loopback address that cannot be
// reached (nothing listens there), so every row it tries to send shows attempts > 0, and a seeded row must
// show none.
#include "synctestsupport.h"

#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/sync/syncengine.h>

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestSeedGate : public QObject {
    Q_OBJECT
private slots:
    void seededCasesStayOffARealPlatform();
};

void TestSeedGate::seededCasesStayOffARealPlatform() {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"windowdesk.db"_s));
    QVERIFY(opened.ok());
    storage::Database &db = *opened.value();
    cases::SeedOptions o;
    o.count = 3;
    o.days = 5;
    QVERIFY(cases::DemoCaseSeeder(db, SystemClock::instance()).seed(o).ok());
    // One of the window's own cases: the outbox row of a case that was not seeded.
    QVERIFY(db.exec(u"INSERT INTO outbox (op_id, kind, local_id, path, payload, payload_sha256, state, "
                    u"created_at) VALUES ('op-real', 'case', 'real-case', '/cases', '{}', "
                    u"'44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', 'pending', "
                    u"'2026-03-06T01:00:00Z')"_s)
                .ok());

    sync::SyncConfig config;
    config.baseUrl = QUrl(u"https://192.0.2.1:9"_s); // TEST-NET-1: a real (non-loopback) address, unreachable
    config.timeoutMs = 1500;
    config.backoffBaseMs = 100;
    config.backoffCapMs = 200;
    config.deviceId = u"t"_s;
    sync::Tokens tokens;
    tokens.accessToken = u"a"_s;
    tokens.refreshToken = u"r"_s;
    tokens.username = u"clerk"_s;
    sync::SyncEngine engine(db, SystemClock::instance(), config);
    engine.adoptTokens(tokens); // logged in: the run goes straight to the push
    QSignalSpy spy(&engine, &sync::SyncEngine::finished);
    sync::SyncRunOptions run;
    run.pull = false;
    run.maxSeconds = 3;
    run.stopWhenUnreachable = true;
    engine.start(run);
    QVERIFY(spy.wait(40000));

    auto q =
        db.query(u"SELECT local_id, state, attempts, coalesce(last_error, '') FROM outbox ORDER BY seq"_s);
    QVERIFY(q.ok());
    int seeded = 0;
    while (q->next()) {
        const QString localId = q->value(0).toString();
        if (localId == u"real-case") {
            QVERIFY2(q->value(2).toInt() > 0, "the window's own case is sent"); // and fails: nothing there
            continue;
        }
        ++seeded;
        QVERIFY(storage::AuditLog::isSeededCase(db, localId));
        QCOMPARE(q->value(1).toString(), u"needs_attention"_s);
        QCOMPARE(q->value(2).toInt(), 0); // never sent
        QVERIFY2(q->value(3).toString().startsWith(u"demo_case"_s), qPrintable(q->value(3).toString()));
    }
    QCOMPARE(seeded, 3);
}

QTEST_GUILESS_MAIN(TestSeedGate)
#include "tst_seedgate.moc"
