// `windowdeskctl db check` and `audit verify` as processes: JSON, stderr warnings and exit codes of cli.md.
#include "ctlrun.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using ctltest::ctl;
using ctltest::Run;

// Tampering behind the program's back, as an attacker with file access would.
bool rawExec(const QString &path, const QString &sql) {
    bool ok = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        if (raw.open()) {
            QSqlQuery q(raw);
            ok = q.exec(sql);
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return ok;
}

bool appendRows(const QString &db, int n) {
    for (int i = 1; i <= n; ++i) {
        if (ctl(db, {u"audit"_s, u"append"_s, u"--action"_s, u"case_changed"_s, u"--user"_s, u"u-1"_s,
                     u"--target"_s, u"case-%1"_s.arg(i), u"--details"_s, u"{\"n\":%1}"_s.arg(i)})
                .exitCode != 0)
            return false;
    }
    return true;
}
} // namespace

class TestCtlDb : public QObject {
    Q_OBJECT
private slots:
    void dbCheckOnAGoodDatabase();
    void tamperedRowFailsBothCommands();
    void cutTailNeedsTheKeychain();
    void anchorCannotBeSwitchedOffInTheFile();
    void newerDatabaseRefused();
    void damagedDatabaseReported();
    void usageErrors();
};

void TestCtlDb::dbCheckOnAGoodDatabase() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"good.db"_s);
    QVERIFY(appendRows(db, 3));
    const Run r = ctl(db, {u"db"_s, u"check"_s});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.value(u"ok"_s).toBool(), true);
    QCOMPARE(r.json.value(u"integrity"_s).toString(), u"ok"_s);
    QVERIFY(r.json.value(u"schema_version"_s).toInt() >= 1);
    QCOMPARE(r.json.value(u"schema_version"_s).toInt(), r.json.value(u"code_schema_version"_s).toInt());
    const QJsonObject audit = r.json.value(u"audit"_s).toObject();
    QCOMPARE(audit.value(u"ok"_s).toBool(), true);
    QCOMPARE(audit.value(u"rows"_s).toInt(), 3);
    // Without a keychain the tail is unchecked, and db check says so rather than pretend.
    if (!audit.value(u"anchor_checked"_s).toBool())
        QVERIFY2(r.err.contains(u"审计链尾部无法校验"_s), qPrintable(r.err));
    else
        QVERIFY(!r.err.contains(u"审计链尾部无法校验"_s));

    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.json.value(u"ok"_s).toBool(), true);
    QCOMPARE(v.json.value(u"rows"_s).toInt(), 3);
}

void TestCtlDb::tamperedRowFailsBothCommands() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"tampered.db"_s);
    QVERIFY(appendRows(db, 5));
    QVERIFY(rawExec(db, u"UPDATE audit_log SET details_json = '{\"n\":999}' WHERE seq = 3"_s));
    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 4);
    QCOMPARE(v.json.value(u"ok"_s).toBool(), false);
    QCOMPARE(v.json.value(u"first_bad_seq"_s).toInt(), 3);
    QVERIFY2(v.err.contains(u"3"_s), qPrintable(v.err));
    const Run c = ctl(db, {u"db"_s, u"check"_s});
    QCOMPARE(c.exitCode, 4);
    QCOMPARE(c.json.value(u"audit"_s).toObject().value(u"first_bad_seq"_s).toInt(), 3);

    QVERIFY(rawExec(db, u"DELETE FROM audit_log WHERE seq = 2"_s));
    QCOMPARE(ctl(db, {u"audit"_s, u"verify"_s}).json.value(u"first_bad_seq"_s).toInt(), 2);
}

void TestCtlDb::cutTailNeedsTheKeychain() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"cut.db"_s);
    QVERIFY(appendRows(db, 4));
    const bool keychain = ctl(db, {u"audit"_s, u"verify"_s}).json.value(u"anchor_checked"_s).toBool();
    QVERIFY(rawExec(db, u"DELETE FROM audit_log WHERE seq >= 3"_s));
    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    if (keychain) {
        QCOMPARE(v.exitCode, 4);
        QCOMPARE(v.json.value(u"first_bad_seq"_s).toInt(), 3);
    } else {
        // The chain that is left holds; the warning tells that the tail could not be checked.
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.err.contains(u"审计链尾部无法校验"_s), qPrintable(v.err));
    }
}

// Issue 18 #1: the anchor's key used to be looked up under the key_ref stored in the database, so pointing it
// at a keychain entry that does not exist turned the tail check into a warning (exit 0).
void TestCtlDb::anchorCannotBeSwitchedOffInTheFile() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"anchor.db"_s);
    QVERIFY(appendRows(db, 4));
    const Run before = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(before.exitCode, 0);
    if (!before.json.value(u"anchor_checked"_s).toBool()) {
        // No keychain in this run: never anchored, the 1.0 behaviour, said loudly on every run.
        QCOMPARE(before.json.value(u"anchor"_s).toString(), u"no_keychain"_s);
        QVERIFY2(before.err.contains(u"从未锚定"_s), qPrintable(before.err));
        QSKIP("no Secret Service: the anchor is checked in the keychain run (./test)");
    }
    QCOMPARE(before.json.value(u"anchor"_s).toString(), u"checked"_s);
    QVERIFY(rawExec(db, u"UPDATE audit_anchor SET key_ref = 'audit-anchor-key/0000'"_s));
    const Run pointed = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(pointed.exitCode, 0);
    QCOMPARE(pointed.json.value(u"anchor_checked"_s).toBool(),
             true); // key_ref is not where the key is looked up
    // The tail cut as well: the anchor (still at seq 4) names the cut.
    QVERIFY(rawExec(db, u"DELETE FROM audit_log WHERE seq = 4"_s));
    const Run cut = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(cut.exitCode, 4);
    QCOMPARE(cut.json.value(u"first_bad_seq"_s).toInt(), 4);
    QCOMPARE(ctl(db, {u"db"_s, u"check"_s}).exitCode, 4);
    // The anchor row deleted too: a file that has an anchor key never verifies without its anchor.
    QVERIFY(rawExec(db, u"DELETE FROM audit_anchor"_s));
    const Run removed = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(removed.exitCode, 4);
    QCOMPARE(removed.json.value(u"anchor"_s).toString(), u"removed"_s);
    QVERIFY2(removed.err.contains(u"audit_anchor"_s), qPrintable(removed.err));
}

void TestCtlDb::newerDatabaseRefused() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"newer.db"_s);
    QCOMPARE(ctl(db, {u"db"_s, u"check"_s}).exitCode, 0);
    QVERIFY(rawExec(db, u"PRAGMA user_version = 999"_s));
    const Run c = ctl(db, {u"db"_s, u"check"_s});
    QCOMPARE(c.exitCode, 4);
    QCOMPARE(c.json.value(u"error"_s).toString(), u"db_newer_than_code"_s);
    QVERIFY(c.err.contains(u"999"_s));
    QCOMPARE(ctl(db, {u"audit"_s, u"verify"_s}).exitCode, 4);
}

void TestCtlDb::damagedDatabaseReported() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"damaged.db"_s);
    QCOMPARE(ctl(db, {u"db"_s, u"check"_s}).exitCode, 0);
    QVERIFY(rawExec(db, u"CREATE TABLE junk (x)"_s));
    QVERIFY(rawExec(db, u"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 20000) "
                        u"INSERT INTO junk SELECT printf('row %d with some padding text', i) FROM c"_s));
    QVERIFY(rawExec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    QByteArray bytes;
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        bytes = f.readAll();
        const qsizetype pages = bytes.size() / 4096;
        QVERIFY(pages > 40);
        // Garbage over six pages near the end: the junk table's b-tree pages.
        for (qsizetype i = (pages - 10) * 4096; i < (pages - 4) * 4096; ++i)
            bytes[i] = char((i * 131 + 7) % 251);
        f.seek(0);
        f.write(bytes);
    }
    const Run c = ctl(db, {u"db"_s, u"check"_s});
    QCOMPARE(c.exitCode, 4);
    QCOMPARE(c.json.value(u"ok"_s).toBool(), false);
    QVERIFY(c.json.value(u"integrity"_s).isArray());
    QVERIFY(c.err.contains(u"integrity_check"_s));
    // db check copies the damaged file aside (rule 9) and says where; the original stays.
    const QString copy = c.json.value(u"copied_to"_s).toString();
    QVERIFY2(copy.contains(u"damaged.db.damaged-"_s) && QFile::exists(copy), qPrintable(copy));
    QVERIFY2(c.err.contains(copy), qPrintable(c.err));
    QVERIFY(QFile::exists(db));
    QCOMPARE(QFileInfo(copy).size(), QFileInfo(db).size());
    // Any other command refuses the damaged file, never deletes it, and names the copy of these same bytes
    // that is already there (one copy per damage, not one per command: issue 18 item 7).
    const Run v = ctl(db, {u"audit"_s, u"verify"_s});
    QCOMPARE(v.exitCode, 4);
    QVERIFY2(v.err.contains(copy), qPrintable(v.err));
    QVERIFY(QFile::exists(db));
    QStringList copies = QDir(tmp.path()).entryList({u"damaged.db.damaged-*"_s}, QDir::Files);
    copies.removeIf(
        [](const QString &n) { return n.endsWith(u"-wal"_s); }); // each copy keeps its WAL beside it
    QCOMPARE(copies.size(), 1);
}

void TestCtlDb::usageErrors() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"u.db"_s);
    QCOMPARE(ctl(db, {u"db"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"db"_s, u"fix"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"audit"_s, u"append"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"audit"_s, u"append"_s, u"--action"_s, u"x"_s, u"--details"_s, u"[1]"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCtlDb)
#include "tst_ctl_db.moc"
