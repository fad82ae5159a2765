// What windowdeskctl does with a file that is not (or no longer readably) a WindowDesk database (issue 18
// items 6, 7 and 8, cli.md): a foreign SQLite file, or any other file, is refused untouched with exit 2 —
// even by `db check`; our own 1.0 file without the application id is recognised by its schema and marked; a
// damaged header (page 1) is damage: exit 4, one copy aside, and `outbox --json` still lists the writes it
// owes; every further command on the same damaged bytes reuses that copy instead of making another.
#include "ctlrun.h"

#include <windowdesk/storage/database.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::Run;

namespace {
QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Runs SQL on a file with a plain SQLite connection (another program's).
bool sqlOn(const QString &path, const QStringList &statements) {
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
        db.setDatabaseName(path);
        ok = db.open();
        for (const QString &s : statements)
            ok = ok && QSqlQuery(db).exec(s);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"plain"_s);
    return ok;
}

qint64 pragmaOn(const QString &path, const QString &pragma) {
    qint64 v = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA "_s + pragma) && q.next())
                v = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"plain"_s);
    return v;
}

QStringList copiesIn(const QString &dir) {
    QStringList out;
    for (const QString &n : QDir(dir).entryList({u"*.damaged-*"_s}, QDir::Files))
        if (!n.endsWith(u"-wal"_s))
            out.append(n);
    return out;
}

QStringList opIds(const Run &r) {
    QStringList ids;
    for (const QJsonValue &e : r.json.value(u"entries"_s).toArray())
        ids.append(e.toObject().value(u"op_id"_s).toString());
    ids.sort();
    return ids;
}

const QList<QStringList> kCommands = {{u"db"_s, u"check"_s},
                                      {u"catalog"_s, u"count"_s},
                                      {u"outbox"_s, u"--json"_s},
                                      {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s}};
} // namespace

class TestCtlForeignDamage : public QObject {
    Q_OBJECT

private slots:
    void foreignFilesAreRefusedUntouched_data() {
        QTest::addColumn<QStringList>("make"); // SQL run on a new file; empty: a text file
        QTest::addRow("another program's SQLite database")
            << QStringList{u"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"_s,
                           u"INSERT INTO notes (body) VALUES ('mine')"_s};
        QTest::addRow("another application id, no table") << QStringList{u"PRAGMA application_id = 1234"_s};
        QTest::addRow("another program's database with a settings table")
            << QStringList{u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, updated_at TEXT)"_s,
                           u"PRAGMA user_version = 2"_s};
        QTest::addRow("not SQLite") << QStringList{};
    }
    void foreignFilesAreRefusedUntouched() {
        QFETCH(QStringList, make);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.db"_s);
        if (make.isEmpty())
            writeBytes(path, QByteArray("name,phone\nsomeone,13800138000\n").repeated(200));
        else
            QVERIFY(sqlOn(path, make));
        const QByteArray before = bytesOf(path);
        const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
        for (const QStringList &args : kCommands) {
            const Run r = ctl(path, args);
            QVERIFY2(r.exitCode == 2,
                     qPrintable(args.join(u' ') + u": exit %1 %2"_s.arg(r.exitCode).arg(r.err)));
            QVERIFY2(r.err.contains(u"not a WindowDesk database"_s), qPrintable(r.err));
            QCOMPARE(bytesOf(path), before);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore); // no copy, no backup, no -wal
        }
    }

    void ourFilesCarryTheApplicationId() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        QCOMPARE(ctl(path, {u"catalog"_s, u"count"_s}).exitCode, 0);
        QCOMPARE(pragmaOn(path, u"application_id"_s), qint64(windowdesk::storage::Database::ApplicationId));

        // A 1.0 file (no application id) is ours by its schema: opened, checked and marked.
        QVERIFY(sqlOn(path, {u"PRAGMA application_id = 0"_s}));
        QCOMPARE(pragmaOn(path, u"application_id"_s), 0);
        const Run check = ctl(path, {u"db"_s, u"check"_s});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QCOMPARE(pragmaOn(path, u"application_id"_s), qint64(windowdesk::storage::Database::ApplicationId));
    }

    void damagedHeaderIsDamageWithOneCopyAndTheOutboxListed_data() {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("length");
        // Page 1's b-tree (the schema's root) overwritten: SQLite cannot switch the file to WAL.
        QTest::addRow("page 1 after the header") << 100 << 400;
        // The header itself, magic string included.
        QTest::addRow("file header") << 0 << 100;
    }
    void damagedHeaderIsDamageWithOneCopyAndTheOutboxListed() {
        QFETCH(int, offset);
        QFETCH(int, length);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        const Run seeded = ctl(path, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"3"_s});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const Run sound = ctl(path, {u"outbox"_s, u"--json"_s});
        QCOMPARE(sound.exitCode, 0);
        const QStringList owed = opIds(sound);
        QVERIFY(owed.size() >= 3);
        QVERIFY(!QFile::exists(path + u"-wal"_s)); // checkpointed by the last close

        QByteArray bytes = bytesOf(path);
        for (int i = offset; i < offset + length; ++i)
            bytes[i] = char(0xab);
        writeBytes(path, bytes);

        const Run check = ctl(path, {u"db"_s, u"check"_s});
        QVERIFY2(check.exitCode == 4, qPrintable(u"exit %1: %2"_s.arg(check.exitCode).arg(check.err)));
        QVERIFY2(check.err.contains(u"damaged"_s), qPrintable(check.err));
        QCOMPARE(copiesIn(dir.path()).size(), 1);

        const Run outbox = ctl(path, {u"outbox"_s, u"--json"_s});
        QVERIFY2(outbox.exitCode == 4, qPrintable(outbox.err));
        QCOMPARE(opIds(outbox), owed);

        // More commands on the same damaged bytes: still the one copy, identical to the file.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(ctl(path, {u"catalog"_s, u"count"_s}).exitCode, 4);
            QCOMPARE(ctl(path, {u"db"_s, u"check"_s}).exitCode, 4);
        }
        const QStringList copies = copiesIn(dir.path());
        QCOMPARE(copies.size(), 1);
        QCOMPARE(bytesOf(dir.filePath(copies.first())), bytes);
        QCOMPARE(bytesOf(path), bytes); // the original is never changed or deleted
    }

    void otherDamageIsCopiedOncePerBytes() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        QCOMPARE(ctl(path, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"3"_s}).exitCode, 0);
        QByteArray bytes = bytesOf(path);
        QVERIFY(bytes.size() > 40 * 4096);
        // Garbage over whole b-tree pages in the middle of the file.
        for (qsizetype i = 10 * 4096; i < 30 * 4096; ++i)
            bytes[i] = char(0x5a);
        writeBytes(path, bytes);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(ctl(path, {u"outbox"_s, u"--json"_s}).exitCode, 4);
            QCOMPARE(ctl(path, {u"db"_s, u"check"_s}).exitCode, 4);
        }
        QCOMPARE(copiesIn(dir.path()).size(), 1);
        // Different damage, different bytes: a second copy.
        bytes[20 * 4096 + 100] = char(0x11);
        writeBytes(path, bytes);
        QCOMPARE(ctl(path, {u"db"_s, u"check"_s}).exitCode, 4);
        QCOMPARE(copiesIn(dir.path()).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlForeignDamage)
#include "tst_ctl_foreign_damage.moc"
