// Migrations: fresh, upgrade (with backup), newer refused untouched, failing step rolled back, SQL splitting.
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/migrator.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

namespace {
QString dataDir(const QString &name) {
    return QStringLiteral(WINDOWDESK_SOURCE_DIR "/tests/storage/data/") + name;
}

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QVariant scalar(Database &db, const QString &sql, const QVariantList &binds = {}) {
    auto q = db.query(sql, binds);
    if (!q.ok() || !q->next())
        return {};
    return q->value(0);
}

bool tableExists(Database &db, const QString &name) {
    return scalar(db, u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s, {name})
               .toInt() == 1;
}

// Sets user_version behind the library's back, as a newer WindowDesk would have.
void setUserVersionRaw(const QString &path, int version) {
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(version)));
        QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}
} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void splitStatements_data();
    void splitStatements();
    void listRejectsGaps();
    void freshDatabaseHasLatestSchemaAndCalendars();
    void shippedV1UpgradesToLatest();
    void upgradeKeepsDataAndBacksUpFirst();
    void newerSchemaRefusedAndFileUntouched();
    void newerSchemaWithPendingWalUntouched();
    void failingStepRollsBackEverything();
};

void TestMigrations::splitStatements_data() {
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("lastStartsWith");
    QTest::addRow("two plain") << u"CREATE TABLE a (x); CREATE TABLE b (y);"_s << 2 << u"CREATE TABLE b"_s;
    QTest::addRow("semicolon in string")
        << u"INSERT INTO a VALUES ('x;y'); SELECT 1;"_s << 2 << u"SELECT 1"_s;
    QTest::addRow("doubled quote") << u"INSERT INTO a VALUES ('it''s;'); SELECT 2"_s << 2 << u"SELECT 2"_s;
    QTest::addRow("quoted identifier") << u"CREATE TABLE \"we;ird\" (x); SELECT 3;"_s << 2 << u"SELECT 3"_s;
    QTest::addRow("line comment") << u"-- a; b; c\nSELECT 1; -- trailing;\n"_s << 1 << u"-- a; b; c"_s;
    QTest::addRow("block comment") << u"/* x; y */ SELECT 1; /* only a comment; */"_s << 1 << u"/* x; y */"_s;
    QTest::addRow("trigger with case")
        << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = CASE WHEN 1 THEN 2 ELSE 3 END; "
           u"DELETE FROM b; END; SELECT 4;"_s
        << 2 << u"SELECT 4"_s;
    QTest::addRow("temp trigger") << u"CREATE TEMP TRIGGER t AFTER INSERT ON a BEGIN DELETE FROM b; END;"_s
                                  << 1 << u"CREATE TEMP TRIGGER"_s;
    QTest::addRow("empty pieces") << u";;  ;\n"_s << 0 << QString();
}

void TestMigrations::splitStatements() {
    QFETCH(QString, script);
    QFETCH(int, count);
    QFETCH(QString, lastStartsWith);
    const QStringList parts = Migrator::splitStatements(script);
    QCOMPARE(parts.size(), count);
    if (count > 0)
        QVERIFY2(parts.last().startsWith(lastStartsWith), qPrintable(parts.last()));
}

void TestMigrations::listRejectsGaps() {
    const auto gap = Migrator::list(dataDir(u"migrations-gap"_s));
    QVERIFY(!gap.ok());
    QCOMPARE(gap.error().code, u"migration_invalid"_s);
    QVERIFY(gap.error().message.contains(u"0003_tags.sql"_s));
    const auto good = Migrator::list(dataDir(u"migrations-v2"_s));
    QVERIFY(good.ok());
    QCOMPARE(good->size(), 2);
    QCOMPARE(good->at(1).fileName, u"0002_tags.sql"_s);
    // Every shipped migration splits into statements (the real files, not just the test ones).
    const auto shipped = Migrator::list(u":/db/migrations"_s);
    QVERIFY(shipped.ok());
    QVERIFY(!shipped->isEmpty());
    QCOMPARE(Database::codeSchemaVersion(), int(shipped->size()));
}

void TestMigrations::freshDatabaseHasLatestSchemaAndCalendars() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"fresh.db"_s);
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Database::codeSchemaVersion());
    QVERIFY(tableExists(*db.value(), u"audit_log"_s));
    QVERIFY(tableExists(*db.value(), u"outbox"_s));
    // The official calendars are public data: every new database holds them.
    QCOMPARE(
        scalar(*db.value(), u"SELECT group_concat(year) FROM (SELECT year FROM calendars ORDER BY year)"_s)
            .toString(),
        u"2025,2026,2027"_s);
    QCOMPARE(scalar(*db.value(), u"SELECT provisional FROM calendars WHERE year = 2027"_s).toInt(), 1);
    QVERIFY(db.value()->lastBackupPath().isEmpty()); // nothing to back up in a new file
}

void TestMigrations::shippedV1UpgradesToLatest() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"v1.db"_s);
    {
        OpenOptions v1;
        v1.targetVersion = 1;
        auto db = Database::open(path, v1);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), 1);
        QVERIFY(db.value()
                    ->exec(u"INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"_s,
                           {u"window.no"_s, u"07"_s, u"2026-03-06T01:02:03Z"_s})
                    .ok());
    }
    auto db = Database::open(path);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Database::codeSchemaVersion());
    QCOMPARE(scalar(*db.value(), u"SELECT value FROM settings WHERE key = 'window.no'"_s).toString(),
             u"07"_s);
    if (Database::codeSchemaVersion() > 1)
        QVERIFY(QFile::exists(db.value()->lastBackupPath()));
}

void TestMigrations::upgradeKeepsDataAndBacksUpFirst() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"notes.db"_s);
    OpenOptions o;
    o.migrationsDir = dataDir(u"migrations-v2"_s);
    {
        OpenOptions v1 = o;
        v1.targetVersion = 1;
        auto db = Database::open(path, v1);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(db.value()->schemaVersion(), 1);
        QVERIFY(db.value()->exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"keep me"_s}).ok());
        QVERIFY(!tableExists(*db.value(), u"note_log"_s));
    }
    auto db = Database::open(path, o);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), 2);
    QCOMPARE(scalar(*db.value(), u"SELECT tag FROM notes WHERE body = 'keep me'"_s).toString(),
             u"migrated"_s);
    // The trigger (one statement despite its inner ';') works, and the quoted default kept its ';'.
    QVERIFY(db.value()->exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"new"_s}).ok());
    QCOMPARE(scalar(*db.value(), u"SELECT kind FROM note_log"_s).toString(), u"plain"_s);
    QCOMPARE(scalar(*db.value(), u"SELECT tag FROM notes WHERE body = 'new'"_s).toString(), u"none;x"_s);

    // The backup was taken before migrating: it is the v1 database with the v1 data.
    const QString backup = db.value()->lastBackupPath();
    QVERIFY2(backup.startsWith(path + u".bak-v1-"_s), qPrintable(backup));
    QVERIFY(QFile::exists(backup));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"backup"_s);
        raw.setDatabaseName(backup);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(u"SELECT body FROM notes"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"keep me"_s);
        QVERIFY(!q.exec(u"SELECT tag FROM notes"_s)); // no v2 column in the backup
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"backup"_s);
}

void TestMigrations::newerSchemaRefusedAndFileUntouched() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"newer.db"_s);
    {
        auto db = Database::open(path);
        QVERIFY(db.ok());
    }
    setUserVersionRaw(path, Database::codeSchemaVersion() + 5);
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(tmp.path()).entryList(QDir::Files);

    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, u"db_newer_than_code"_s);
    QVERIFY(db.error().message.contains(QString::number(Database::codeSchemaVersion() + 5)));
    QCOMPARE(fileBytes(path), before);
    // No backup, no damaged copy: nothing written anywhere.
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), filesBefore);
}

void TestMigrations::newerSchemaWithPendingWalUntouched() {
    // A newer program crashed: its last changes (user_version among them) are still only in the WAL.
    // Refusing must not checkpoint them into the file.
    QTemporaryDir tmp;
    const QString live = tmp.filePath(u"live.db"_s);
    const QString path = tmp.filePath(u"crashed.db"_s);
    {
        auto db = Database::open(live);
        QVERIFY(db.ok());
    }
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        raw.setDatabaseName(live);
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA wal_autocheckpoint = 0"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(Database::codeSchemaVersion() + 1)));
        QVERIFY(q.exec(u"INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 't')"_s));
        // Copy the files while the writer still holds them: the state a crash leaves behind.
        QVERIFY(QFile::copy(live, path));
        QVERIFY(QFile::copy(live + u"-wal"_s, path + u"-wal"_s));
        raw.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray before = fileBytes(path);
    QVERIFY(QFileInfo(path + u"-wal"_s).size() > 0);

    auto db = Database::open(path);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, u"db_newer_than_code"_s);
    QCOMPARE(fileBytes(path), before);
    QVERIFY(QFileInfo(path + u"-wal"_s).size() >
            0); // the pending changes are still there for the newer program
}

void TestMigrations::failingStepRollsBackEverything() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"fail.db"_s);
    OpenOptions o;
    o.migrationsDir = dataDir(u"migrations-fail"_s);
    {
        OpenOptions v1 = o;
        v1.targetVersion = 1;
        auto db = Database::open(path, v1);
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"before"_s}).ok());
    }
    auto failed = Database::open(path, o);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, u"migration_failed"_s);
    QVERIFY2(failed.error().message.contains(u"0002_broken.sql"_s), qPrintable(failed.error().message));

    OpenOptions v1 = o;
    v1.targetVersion = 1;
    auto db = Database::open(path, v1);
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), 1);
    QVERIFY(!tableExists(*db.value(), u"half_done"_s));
    QCOMPARE(scalar(*db.value(), u"SELECT group_concat(body) FROM notes"_s).toString(), u"before"_s);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
