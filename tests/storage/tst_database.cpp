// The connection: default path, file mode, PRAGMAs, damage and unreadable files, write() transactions.
#include <windowdesk/storage/database.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <sys/stat.h>
#include <thread>

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

int fileMode(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

QVariant scalar(Database &db, const QString &sql, const QVariantList &binds = {}) {
    auto q = db.query(sql, binds);
    if (!q.ok() || !q->next())
        return {};
    return q->value(0);
}

OpenOptions notesSchema() {
    OpenOptions o;
    o.migrationsDir = dataDir(u"migrations-v2"_s);
    return o;
}
} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
    void defaultPathFollowsEnvironment();
    void freshFileIsPrivateAndConfigured();
    void writeCommitsAndRollsBack();
    void nestedWriteJoinsOuterTransaction();
    void queryBindsValues();
    void anotherConnectionSeesCommittedData();
    void secondWriterWaitsForTheFirst();
    void missingFileNotCreatedWhenAsked();
    void notADatabaseIsRefusedUntouched();
    void damagedFileCopiedAsideNeverDeleted();
};

void TestDatabase::defaultPathFollowsEnvironment() {
    QTemporaryDir tmp;
    const QByteArray oldDb = qgetenv("WINDOWDESK_DB");
    const QByteArray oldXdg = qgetenv("XDG_DATA_HOME");
    qunsetenv("WINDOWDESK_DB");
    qputenv("XDG_DATA_HOME", QFile::encodeName(tmp.path()));
    const QString path = Database::defaultPath();
    QCOMPARE(path, tmp.path() + u"/WindowDesk/windowdesk.db"_s);
    QVERIFY(QDir(tmp.path() + u"/WindowDesk"_s).exists()); // created, so the first open can make the file
    qputenv("WINDOWDESK_DB", "/somewhere/else.db");
    QCOMPARE(Database::defaultPath(), u"/somewhere/else.db"_s);
    oldDb.isNull() ? qunsetenv("WINDOWDESK_DB") : qputenv("WINDOWDESK_DB", oldDb);
    oldXdg.isNull() ? qunsetenv("XDG_DATA_HOME") : qputenv("XDG_DATA_HOME", oldXdg);
}

void TestDatabase::freshFileIsPrivateAndConfigured() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"sub/dir/w.db"_s); // parent directories are created
    auto db = Database::open(path, notesSchema());
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    Database &d = *db.value();
    QVERIFY(d.exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"x"_s}).ok()); // makes the WAL exist
    QCOMPARE(fileMode(path), 0600);
    QCOMPARE(fileMode(path + u"-wal"_s), 0600);
    QCOMPARE(fileMode(path + u"-shm"_s), 0600);
    QCOMPARE(scalar(d, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(d, u"PRAGMA synchronous"_s).toInt(), 2); // FULL
    QCOMPARE(scalar(d, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(d, u"PRAGMA busy_timeout"_s).toInt(), 5000);
    QCOMPARE(d.schemaVersion(), 2);
    QCOMPARE(d.path(), path);
}

void TestDatabase::writeCommitsAndRollsBack() {
    QTemporaryDir tmp;
    auto db = Database::open(tmp.filePath(u"w.db"_s), notesSchema());
    QVERIFY(db.ok());
    Database &d = *db.value();
    QVERIFY(d.write([&] { return d.exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"kept"_s}); }).ok());
    QVERIFY(!d.inTransaction());
    const Status failed = d.write([&]() -> Status {
        if (auto st = d.exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"lost"_s}); !st.ok())
            return st;
        return Status::failure(u"test"_s, u"refused"_s);
    });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, u"test"_s);
    QCOMPARE(scalar(d, u"SELECT group_concat(body) FROM notes"_s).toString(), u"kept"_s);
    // A failing statement is reported with code "sql" and rolls back the rest.
    const Status sqlFailed = d.write([&]() -> Status {
        if (auto st = d.exec(u"INSERT INTO notes (body) VALUES (?)"_s, {u"lost too"_s}); !st.ok())
            return st;
        return d.exec(u"INSERT INTO notes (id, body) VALUES (1, 'duplicate id')"_s);
    });
    QVERIFY(!sqlFailed.ok());
    QCOMPARE(sqlFailed.error().code, u"sql"_s);
    QCOMPARE(scalar(d, u"SELECT count(*) FROM notes"_s).toInt(), 1);
}

void TestDatabase::nestedWriteJoinsOuterTransaction() {
    QTemporaryDir tmp;
    auto db = Database::open(tmp.filePath(u"w.db"_s), notesSchema());
    QVERIFY(db.ok());
    Database &d = *db.value();
    const Status st = d.write([&]() -> Status {
        const Status inner = d.write([&] { return d.exec(u"INSERT INTO notes (body) VALUES ('inner')"_s); });
        if (!inner.ok())
            return inner;
        if (!d.inTransaction())
            return Status::failure(u"test"_s, u"transaction closed by the inner write"_s);
        return Status::failure(u"test"_s, u"outer fails after the inner write"_s);
    });
    QCOMPARE(st.error().message, u"outer fails after the inner write"_s);
    // The inner write did not commit on its own: the outer rollback removed it.
    QCOMPARE(scalar(d, u"SELECT count(*) FROM notes"_s).toInt(), 0);
}

void TestDatabase::queryBindsValues() {
    QTemporaryDir tmp;
    auto db = Database::open(tmp.filePath(u"w.db"_s), notesSchema());
    QVERIFY(db.ok());
    Database &d = *db.value();
    const QString tricky = u"Robert'); DROP TABLE notes; --"_s;
    QVERIFY(d.exec(u"INSERT INTO notes (body, tag) VALUES (?, ?)"_s, {tricky, u"t"_s}).ok());
    QCOMPARE(scalar(d, u"SELECT body FROM notes WHERE tag = ?"_s, {u"t"_s}).toString(), tricky);
    auto bad = d.query(u"SELECT nope FROM notes"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, u"sql"_s);
}

void TestDatabase::anotherConnectionSeesCommittedData() {
    QTemporaryDir tmp;
    auto db = Database::open(tmp.filePath(u"w.db"_s), notesSchema());
    QVERIFY(db.ok());
    auto other = db.value()->openAnotherConnection();
    QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message));
    QVERIFY(other.value()->connectionName() != db.value()->connectionName());
    QVERIFY(db.value()->exec(u"INSERT INTO notes (body) VALUES ('shared')"_s).ok());
    QCOMPARE(scalar(*other.value(), u"SELECT body FROM notes"_s).toString(), u"shared"_s);
    QCOMPARE(scalar(*other.value(), u"PRAGMA foreign_keys"_s).toInt(), 1);
}

void TestDatabase::secondWriterWaitsForTheFirst() {
    // One connection per thread; BEGIN IMMEDIATE plus the busy timeout make a second writer wait, not fail.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"w.db"_s);
    auto db = Database::open(path, notesSchema());
    QVERIFY(db.ok());
    Database &d = *db.value();
    std::atomic<bool> threadOk{false};
    std::atomic<qint64> waitedMs{0};
    std::thread other;
    const Status st = d.write([&]() -> Status {
        if (auto s = d.exec(u"INSERT INTO notes (body) VALUES ('first')"_s); !s.ok())
            return s;
        other = std::thread([&] {
            OpenOptions o = notesSchema();
            o.skipQuickCheck = true;
            auto mine = Database::open(path, o);
            if (!mine.ok())
                return;
            QElapsedTimer t;
            t.start();
            threadOk = mine.value()
                           ->write([&] {
                               return mine.value()->exec(u"INSERT INTO notes (body) VALUES ('second')"_s);
                           })
                           .ok();
            waitedMs = t.elapsed();
        });
        QThread::msleep(300); // hold the write lock a while
        return {};
    });
    QVERIFY(st.ok());
    other.join();
    QVERIFY(threadOk);
    QVERIFY2(waitedMs >= 200, qPrintable(QString::number(waitedMs)));
    QCOMPARE(scalar(d, u"SELECT group_concat(body) FROM (SELECT body FROM notes ORDER BY id)"_s).toString(),
             u"first,second"_s);
}

void TestDatabase::missingFileNotCreatedWhenAsked() {
    QTemporaryDir tmp;
    OpenOptions o = notesSchema();
    o.createIfMissing = false;
    auto db = Database::open(tmp.filePath(u"none.db"_s), o);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, u"db_unreadable"_s);
    QVERIFY(!QFile::exists(tmp.filePath(u"none.db"_s)));
}

void TestDatabase::notADatabaseIsRefusedUntouched() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"text.db"_s);
    QByteArray text;
    for (int i = 0; i < 200; ++i)
        text += "this is not a database\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }
    auto db = Database::open(path, notesSchema());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, u"db_foreign"_s);
    QCOMPARE(fileBytes(path), text);
}

void TestDatabase::damagedFileCopiedAsideNeverDeleted() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"damaged.db"_s);
    {
        auto db = Database::open(path, notesSchema());
        QVERIFY(db.ok());
        Database &d = *db.value();
        QVERIFY(d.write([&]() -> Status {
                     for (int i = 0; i < 3000; ++i) {
                         if (auto st = d.exec(u"INSERT INTO notes (body) VALUES (?)"_s,
                                              {u"note number %1 with some padding text"_s.arg(i)});
                             !st.ok())
                             return st;
                     }
                     return {};
                 }).ok());
    } // closing the last connection checkpoints the WAL into the file
    QByteArray bytes = fileBytes(path);
    const int pageSize = 4096;
    QVERIFY(bytes.size() > 20 * pageSize);
    // Garbage over pages 4..9: table and index b-tree pages.
    QRandomGenerator rng(42);
    for (qsizetype i = 3 * pageSize; i < 9 * pageSize; ++i)
        bytes[i] = char(rng.bounded(256));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    auto db = Database::open(path, notesSchema());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, u"db_damaged"_s);
    const QStringList copies = QDir(tmp.path()).entryList({u"damaged.db.damaged-*"_s}, QDir::Files);
    QCOMPARE(copies.size(), 1);
    QVERIFY2(db.error().message.contains(tmp.filePath(copies.first())), qPrintable(db.error().message));
    QCOMPARE(fileBytes(tmp.filePath(copies.first())), bytes);
    QCOMPARE(fileMode(tmp.filePath(copies.first())), 0600);
    QCOMPARE(fileBytes(path), bytes); // the original stays, untouched

    // Skipping the quick_check (as `db check` does, to report damage itself) still opens the file.
    OpenOptions skip = notesSchema();
    skip.skipQuickCheck = true;
    QVERIFY(Database::open(path, skip).ok());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
