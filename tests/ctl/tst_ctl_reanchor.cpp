// Issue 18: a database moved to another machine or keychain could not re-anchor its audit chain.
// `windowdeskctl audit re-anchor` verifies the whole chain and the records it vouches for first and refuses
// on any tampering (exit 4, nothing written), then anchors the chain under this keychain, recording the old
// and the new anchor in an audit row. "Moved" here is a move to another path: the anchor key is kept per
// database file, so the keychain has no key for the file under its new name, as on another machine.
#include "ctlrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::ctlEnv;
using ctltest::Run;

namespace {
QVariant rawExec(const QString &path, const QString &sql) {
    QVariant v;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        if (raw.open()) {
            QSqlQuery q(raw);
            if (q.exec(sql))
                v = q.next() ? q.value(0) : QVariant(true);
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return v;
}

// A seeded, anchored database, then moved (closed first: a WAL database moves with its checkpoint done).
QString seededAndMoved(const QTemporaryDir &tmp, const QString &name) {
    const QString first = tmp.filePath(name + u"-first.db"_s);
    const Run seeded = ctl(first, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"3"_s});
    if (seeded.exitCode != 0)
        return {};
    rawExec(first, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    QDir().mkpath(tmp.filePath(u"moved"_s));
    const QString moved = tmp.filePath(u"moved/"_s + name + u".db"_s);
    return QFile::rename(first, moved) ? moved : QString();
}
} // namespace

class TestCtlReanchor : public QObject {
    Q_OBJECT
private slots:
    void init() {
        const QString probe = m_tmp.filePath(u"probe.db"_s);
        QCOMPARE(ctl(probe, {u"audit"_s, u"append"_s, u"--action"_s, u"probe"_s}).exitCode, 0);
        if (!ctl(probe, {u"audit"_s, u"verify"_s}).json.value(u"anchor_checked"_s).toBool())
            QSKIP("no Secret Service: re-anchoring needs a keychain (./test runs it with one)");
    }

    void aMovedDatabaseIsAnchoredAgain() {
        const QString db = seededAndMoved(m_tmp, u"moved"_s);
        QVERIFY(!db.isEmpty());
        const Run before = ctl(db, {u"audit"_s, u"verify"_s});
        QCOMPARE(before.exitCode, 4);
        QCOMPARE(before.json.value(u"anchor"_s).toString(), u"key_missing"_s);
        const qint64 oldHead = rawExec(db, u"SELECT head_seq FROM audit_anchor"_s).toLongLong();
        const QString oldHmac = rawExec(db, u"SELECT head_hmac FROM audit_anchor"_s).toString();
        QVERIFY(oldHead > 0);

        const Run r = ctlEnv(db, {u"audit"_s, u"re-anchor"_s}, {u"USER=hall-it"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"reanchored"_s).toBool(), true);
        QCOMPARE(r.json.value(u"previous"_s).toString(), u"key_missing"_s);
        QCOMPARE(r.json.value(u"old_anchor"_s).toObject().value(u"head_seq"_s).toInteger(), oldHead);
        const qint64 head = r.json.value(u"head_seq"_s).toInteger();
        QCOMPARE(head, oldHead + 1);

        // The audit row names who, the old anchor and the new key's entry; it is the new anchor's head.
        QCOMPARE(rawExec(db, u"SELECT user_id || '|' || action FROM audit_log WHERE seq = %1"_s.arg(head))
                     .toString(),
                 u"windowdeskctl:hall-it|audit_reanchored"_s);
        const QJsonObject details =
            QJsonDocument::fromJson(
                rawExec(db, u"SELECT details_json FROM audit_log WHERE seq = %1"_s.arg(head))
                    .toString()
                    .toUtf8())
                .object();
        QCOMPARE(details.value(u"old_anchor"_s).toObject().value(u"head_hmac"_s).toString(), oldHmac);
        QCOMPARE(details.value(u"previous_status"_s).toString(), u"key_missing"_s);
        QVERIFY(details.value(u"new_key_ref"_s).toString().startsWith(u"audit-anchor-key/"_s));
        QCOMPARE(rawExec(db, u"SELECT head_seq FROM audit_anchor"_s).toLongLong(), head);

        const Run after = ctl(db, {u"audit"_s, u"verify"_s});
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QCOMPARE(after.json.value(u"anchor"_s).toString(), u"checked"_s);
        QCOMPARE(ctl(db, {u"db"_s, u"check"_s}).exitCode, 0);
        // New rows move the new anchor on as usual.
        QCOMPARE(ctl(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s}).exitCode, 0);
        QCOMPARE(ctl(db, {u"audit"_s, u"verify"_s}).json.value(u"anchor"_s).toString(), u"checked"_s);

        // Asked again: the anchor already checks here; nothing is written.
        const qint64 rows = rawExec(db, u"SELECT count(*) FROM audit_log"_s).toLongLong();
        const Run again = ctl(db, {u"audit"_s, u"re-anchor"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json.value(u"reanchored"_s).toBool(), false);
        QCOMPARE(rawExec(db, u"SELECT count(*) FROM audit_log"_s).toLongLong(), rows);
    }

    void tamperingIsNeverReanchored_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("moved"); // false: tampered where the key still is (the anchor shows it)
        QTest::addRow("case edited, moved")
            << u"UPDATE cases SET decision = 'rejected' WHERE rowid = 1"_s << true;
        QTest::addRow("audit row deleted, moved") << u"DELETE FROM audit_log WHERE seq = 2"_s << true;
        QTest::addRow("audit row edited, moved")
            << u"UPDATE audit_log SET user_id = 'x' WHERE seq = 1"_s << true;
        QTest::addRow("outbox row deleted, moved") << u"DELETE FROM outbox WHERE seq = 1"_s << true;
        QTest::addRow("tail cut, in place") << u"DELETE FROM audit_log WHERE seq = 3"_s << false;
        QTest::addRow("anchor removed, in place") << u"DELETE FROM audit_anchor"_s << false;
    }

    void tamperingIsNeverReanchored() {
        QFETCH(QString, sql);
        QFETCH(bool, moved);
        QTemporaryDir tmp;
        QString db;
        if (moved) {
            db = seededAndMoved(tmp, u"t"_s);
        } else {
            db = tmp.filePath(u"t.db"_s);
            if (ctl(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"3"_s}).exitCode != 0)
                db.clear();
        }
        QVERIFY(!db.isEmpty());
        QVERIFY(rawExec(db, sql).isValid());
        const QVariant anchorBefore = rawExec(db, u"SELECT head_seq || head_hmac FROM audit_anchor"_s);
        const qint64 rowsBefore = rawExec(db, u"SELECT count(*) FROM audit_log"_s).toLongLong();
        const Run r = ctl(db, {u"audit"_s, u"re-anchor"_s});
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.json.value(u"error"_s).toString(), u"audit_tampered"_s);
        QCOMPARE(rawExec(db, u"SELECT count(*) FROM audit_log"_s).toLongLong(), rowsBefore);
        QCOMPARE(rawExec(db, u"SELECT head_seq || head_hmac FROM audit_anchor"_s), anchorBefore);
        QCOMPARE(ctl(db, {u"audit"_s, u"verify"_s}).exitCode, 4);
    }

    void withoutAKeychainNothingChanges() {
        const QString db = seededAndMoved(m_tmp, u"nokeychain"_s);
        QVERIFY(!db.isEmpty());
        const Run r =
            ctlEnv(db, {u"audit"_s, u"re-anchor"_s}, {u"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"_s});
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.json.value(u"error"_s).toString(), u"keychain_unavailable"_s);
        QVERIFY(rawExec(db, u"SELECT count(*) FROM audit_log WHERE action = 'audit_reanchored'"_s).toInt() ==
                0);
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestCtlReanchor)
#include "tst_ctl_reanchor.moc"
