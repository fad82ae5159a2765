// Issue 18 #3 and #14 through windowdeskctl, as an attacker with file access and hall IT meet it: seeded
// cases are audited like any case (case_seeded rows) and verify; a case edited or deleted, or an outbox row
// deleted or altered behind the program's back, fails `audit verify` and `db check` (exit 4, naming it);
// what the platform legitimately changes later (status, case number) does not.
#include "ctlrun.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using ctltest::ctl;
using ctltest::Run;

QVariant rawExec(const QString &path, const QString &sql) {
    QVariant v;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        if (raw.open()) {
            QSqlQuery q(raw);
            q.exec(u"PRAGMA foreign_keys = ON"_s);
            if (q.exec(sql))
                v = q.next() ? q.value(0) : QVariant(true);
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return v;
}
} // namespace

class TestCtlRecords : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void seededCasesAreAuditedAndMarked();
    void tamperIsReported_data();
    void tamperIsReported();
    void platformChangesAreNotTamper();

private:
    // A database with 4 seeded cases. Made anew for each test at its own path, not copied: with a keychain a
    // copied database has no anchor key under its new name and fails for that reason alone.
    static bool seed(const QString &path) {
        const Run r = ctl(path, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"4"_s});
        return r.exitCode == 0 && r.json.value(u"created"_s).toInt() == 4;
    }
    QTemporaryDir m_tmp;
    QString m_seeded;
};

void TestCtlRecords::initTestCase() {
    m_seeded = m_tmp.filePath(u"seeded.db"_s);
    QVERIFY(seed(m_seeded));
}

void TestCtlRecords::seededCasesAreAuditedAndMarked() {
    // One case_seeded row per case (the mark the chain vouches for), none claiming to be a window's decision.
    QCOMPARE(rawExec(m_seeded, u"SELECT count(*) FROM audit_log WHERE action = 'case_seeded' AND target IN "
                               u"(SELECT local_id FROM cases)"_s)
                 .toInt(),
             4);
    QCOMPARE(rawExec(m_seeded, u"SELECT count(*) FROM audit_log WHERE action = 'case_decided'"_s).toInt(), 0);
    QCOMPARE(rawExec(m_seeded,
                     u"SELECT count(*) FROM audit_log WHERE action = 'case_seeded' AND details_json "
                     u"LIKE '%\"demo\":true%'"_s)
                 .toInt(),
             4);
    const Run v = ctl(m_seeded, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.json.value(u"ok"_s).toBool(), true);
    QCOMPARE(v.json.value(u"records"_s).toObject().value(u"cases_checked"_s).toInt(), 4);
}

void TestCtlRecords::tamperIsReported_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("named"); // what the message must name ("" = the first case's local id)
    QTest::addRow("decision changed") << u"UPDATE cases SET decision = 'rejected' WHERE rowid = 1"_s << u""_s;
    QTest::addRow("applicant changed")
        << u"UPDATE cases SET applicant_name = applicant_name || '甲' WHERE rowid = 1"_s << u""_s;
    QTest::addRow("phone changed") << u"UPDATE cases SET applicant_phone = '13800138000' WHERE rowid = 1"_s
                                   << u""_s;
    QTest::addRow("time changed") << u"UPDATE cases SET created_at = '2020-01-01T00:00:00Z' WHERE rowid = 1"_s
                                  << u""_s;
    QTest::addRow("material changed") << u"UPDATE case_materials SET status = 'commitment' WHERE "
                                         u"case_local_id = (SELECT local_id FROM cases "
                                         u"WHERE rowid = 1)"_s
                                      << u""_s;
    QTest::addRow("case deleted") << u"DELETE FROM cases WHERE rowid = 1"_s << u""_s;
    QTest::addRow("outbox row deleted")
        << u"DELETE FROM outbox WHERE seq = (SELECT max(seq) FROM outbox)"_s << u"outbox"_s;
    QTest::addRow("first outbox row deleted") << u"DELETE FROM outbox WHERE seq = 1"_s << u"outbox"_s;
    QTest::addRow("outbox payload altered")
        // One character of the stored body, whatever it holds: with a keychain the body is sealed (issue 18
        // #4) and a text replace inside it would change nothing; clear or sealed, one changed byte is caught.
        << u"UPDATE outbox SET payload = substr(payload, 1, 40) || CASE substr(payload, 41, 1) WHEN 'A' THEN "
           u"'B' ELSE 'A' END || substr(payload, 42) WHERE seq = 1"_s
        << u"outbox"_s;
}

void TestCtlRecords::tamperIsReported() {
    QFETCH(QString, sql);
    QFETCH(QString, named);
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"t.db"_s);
    QVERIFY(seed(db));
    if (named.isEmpty())
        named = rawExec(db, u"SELECT local_id FROM cases WHERE rowid = 1"_s).toString();
    QVERIFY(rawExec(db, sql).isValid());
    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 4);
    QCOMPARE(v.json.value(u"ok"_s).toBool(), false);
    QVERIFY2(v.err.contains(named), qPrintable(v.err));
    const Run c = ctl(db, {u"db"_s, u"check"_s});
    QCOMPARE(c.exitCode, 4);
    QCOMPARE(c.json.value(u"audit"_s).toObject().value(u"records"_s).toObject().value(u"ok"_s).toBool(),
             false);
    // The chain itself is intact: it is the records that no longer match what it vouches for.
    QCOMPARE(c.json.value(u"integrity"_s).toString(), u"ok"_s);
}

void TestCtlRecords::platformChangesAreNotTamper() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"p.db"_s);
    QVERIFY(seed(db));
    // What a sync does to a case and its outbox row: case number, status, due dates, the row acknowledged.
    QVERIFY(rawExec(db,
                    u"UPDATE cases SET case_no = 'HN2026A07000001', status = 'in_progress', promised_due = "
                    u"'2026-12-31', remote_version = 3 WHERE rowid = 1"_s)
                .isValid());
    QVERIFY(rawExec(db, u"UPDATE outbox SET state = 'done', attempts = 1, done_at = '2026-03-06T01:00:00Z', "
                        u"response_json = '{}' WHERE seq = 1"_s)
                .isValid());
    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCtlRecords)
#include "tst_ctl_records.moc"
