// `windowdeskctl seed demo-cases --hall`: several windows and clerks, the back office's statuses and
// suspensions (closed and still open), evaluations with 差评, every case and evaluation queued in the outbox
// as the window's own, and a board with cards to show.
#include "ctlrun.h"

#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestHallSeed : public QObject {
    Q_OBJECT
private slots:
    void seedsAWholeHall() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"hall.db"_s);
        const auto r = ctltest::ctl(
            path, {u"seed"_s, u"demo-cases"_s, u"--hall"_s, u"--count"_s, u"300"_s, u"--days"_s, u"40"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json.value(u"created"_s).toInt(), 300);
        QVERIFY(r.json.value(u"windows"_s).toInt() >= 5);
        QVERIFY(r.json.value(u"bad_evaluations"_s).toInt() > 0);

        auto db = storage::Database::open(path);
        QVERIFY(db.ok());
        auto one = [&](const QString &sql) {
            auto q = db.value()->query(sql);
            return q.ok() && q->next() ? q->value(0).toInt() : -1;
        };
        QVERIFY(one(u"SELECT count(DISTINCT window_no) FROM cases"_s) >= 5);
        QVERIFY(one(u"SELECT count(DISTINCT clerk_id) FROM cases"_s) >= 5);
        // Each window's clerk is a user of the hall (named on the board).
        QCOMPARE(one(u"SELECT count(*) FROM (SELECT DISTINCT clerk_id FROM cases) c LEFT JOIN users u ON "
                     u"u.id = c.clerk_id WHERE u.id IS NULL"_s),
                 0);
        for (const QString &status : {u"in_progress"_s, u"suspended"_s, u"completed"_s, u"delivered"_s})
            QVERIFY2(one(u"SELECT count(*) FROM cases WHERE status = '%1'"_s.arg(status)) > 0,
                     qPrintable(status));
        QVERIFY(one(u"SELECT count(*) FROM case_suspensions WHERE to_date IS NULL"_s) > 0);
        QVERIFY(one(u"SELECT count(*) FROM case_suspensions WHERE to_date IS NOT NULL"_s) > 0);
        // A suspended case has its open suspension.
        QCOMPARE(one(u"SELECT count(*) FROM cases c WHERE status = 'suspended' AND NOT EXISTS (SELECT 1 FROM "
                     u"case_suspensions s WHERE s.case_local_id = c.local_id AND s.to_date IS NULL)"_s),
                 0);
        // Queued as the window's own: one case row and one evaluation row per record, pending.
        QCOMPARE(one(u"SELECT count(*) FROM outbox WHERE kind = 'case' AND state = 'pending'"_s), 300);
        QCOMPARE(one(u"SELECT count(*) FROM outbox o JOIN evaluations e ON e.local_id = o.local_id WHERE "
                     u"o.kind = 'evaluation' AND o.parent_local_id = e.case_local_id"_s),
                 one(u"SELECT count(*) FROM evaluations"_s));
        // 差评 carry their reasons (the platform refuses them without).
        QCOMPARE(one(u"SELECT count(*) FROM evaluations WHERE level <= 2 AND reasons_json = '[]'"_s), 0);
        QVERIFY(one(u"SELECT count(*) FROM evaluations WHERE level <= 2"_s) > 0);

        const auto board = ctltest::ctl(path, {u"board"_s, u"--json"_s});
        QCOMPARE(board.exitCode, 0);
        QVERIFY(board.json.value(u"open"_s).toInt() > 0);
        QVERIFY(board.json.value(u"yellow"_s).toInt() + board.json.value(u"red"_s).toInt() > 0);
        QVERIFY(board.json.value(u"rows"_s).toArray().size() >= 5);
    }

    // Issue 18 #14: the hall's seeded cases are audited like any case — case_seeded rows by whoever ran the
    // command, marked demo, anchored with the keychain's key when there is one — on a database that has real
    // audit rows already, and on a new one. A database seeded the plain way shows whether this run has a
    // keychain: `--hall` must then be anchored just the same.
    void hallSeedIsAuditedLikeAnyCase() {
        QTemporaryDir dir;
        const QStringList env{
            u"WINDOWDESK_KEYCHAIN_SERVICE=WindowDeskHallSeed-%1"_s.arg(QCoreApplication::applicationPid()),
            u"USER=hall-it"_s};
        const QString plain = dir.filePath(u"plain.db"_s);
        QCOMPARE(ctltest::ctlEnv(plain, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"2"_s}, env).exitCode, 0);
        const auto plainVerify = ctltest::ctlEnv(plain, {u"audit"_s, u"verify"_s}, env);
        QCOMPARE(plainVerify.exitCode, 0);
        const QString keychainAnchor = plainVerify.json.value(u"anchor"_s).toString(); // checked: a keychain

        for (const bool onPlain : {false, true}) {
            const QString path = onPlain ? plain : dir.filePath(u"hall.db"_s);
            const auto r = ctltest::ctlEnv(
                path, {u"seed"_s, u"demo-cases"_s, u"--hall"_s, u"--count"_s, u"12"_s, u"--days"_s, u"10"_s},
                env);
            QCOMPARE(r.exitCode, 0);
            auto db = storage::Database::open(path);
            QVERIFY(db.ok());
            auto one = [&](const QString &sql) {
                auto q = db.value()->query(sql);
                return q.ok() && q->next() ? q->value(0).toInt() : -1;
            };
            // Every case has its case_seeded row, by the person who ran the command, marked demo.
            QCOMPARE(one(u"SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE "
                         u"a.action = 'case_seeded' AND a.target = c.local_id AND a.user_id = "
                         u"'windowdeskctl:hall-it' AND a.details_json LIKE '%\"demo\":true%')"_s),
                     0);
            QCOMPARE(one(u"SELECT count(*) FROM audit_log WHERE action = 'case_decided'"_s), 0);
            // Every outbox row belongs to a seeded case (the sync engine keeps them off a real platform).
            QCOMPARE(
                one(u"SELECT count(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE "
                    u"a.action = 'case_seeded' AND a.target = coalesce(o.parent_local_id, o.local_id))"_s),
                0);
            db.value().reset();
            const auto v = ctltest::ctlEnv(path, {u"audit"_s, u"verify"_s}, env);
            QVERIFY2(v.exitCode == 0, v.out.constData());
            QCOMPARE(v.json.value(u"records"_s).toObject().value(u"cases_checked"_s).toInt(),
                     onPlain ? 14 : 12);
            QVERIFY2(v.json.value(u"anchor"_s).toString() == keychainAnchor, v.out.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestHallSeed)
#include "tst_hallseed.moc"
