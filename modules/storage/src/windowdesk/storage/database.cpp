#include "database.h"

#include "calendarrepository.h"
#include "migrator.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSqlError>
#include <QStandardPaths>
#include <QtEndian>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
Q_LOGGING_CATEGORY(lcDb, "windowdesk.storage", QtInfoMsg)

constexpr int BusyTimeoutMs = 5000;
const QFile::Permissions OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

QString uniqueConnectionName() {
    static QAtomicInt counter;
    return u"windowdesk-db-%1"_s.arg(counter.fetchAndAddOrdered(1) + 1);
}

void dropConnection(const QString &name) {
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString utcStamp() {
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss'Z'"_s);
}

// `base`, or `base-2`, `base-3`… when a file of that name already exists (two events in one second).
QString freeName(const QString &base) {
    QString name = base;
    for (int i = 2; QFileInfo::exists(name); ++i)
        name = u"%1-%2"_s.arg(base).arg(i);
    return name;
}

// chmod on the path name: a descriptor of the database opened and closed here would drop every POSIX lock
// this process holds on the file through SQLite (see RawDatabaseFile).
void restrictMode(const QString &path) {
#ifdef Q_OS_UNIX
    ::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR);
#else
    if (QFileInfo::exists(path))
        QFile::setPermissions(path, OwnerOnly);
#endif
}

// The bytes of a database file, read through SQLite's own descriptor of it.
//
// POSIX advisory locks belong to the process, not to the descriptor: closing ANY descriptor of the file
// drops every lock the process holds on it, including those of its live SQLite connections (the GUI's, the
// sync worker's). Another process then takes itself for the last connection, checkpoints and unlinks the
// -wal and -shm under the connections still writing into them: committed data is lost and the file is
// corrupted (SQLite's "How To Corrupt" §2.2, issue 11). So this program never opens a descriptor of its own
// on a database file. SQLite knows the locks of every connection of the process to the same inode and defers
// closing a descriptor while any of them holds a lock; a read-only connection that runs no statement takes
// no lock, and its descriptor (SQLITE_FCNTL_FILE_POINTER) reads the raw bytes, damaged or not.
// The -wal file carries no lock (WAL locks live in the -shm), so reading it directly is harmless; the -shm is
// never opened by this program.
class RawDatabaseFile {
public:
    explicit RawDatabaseFile(const QString &path) {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
        if (rc != SQLITE_OK) {
            m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
            return;
        }
        if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &m_file) != SQLITE_OK || !m_file ||
            !m_file->pMethods) {
            m_file = nullptr;
            m_error = u"no file handle"_s;
        }
    }
    ~RawDatabaseFile() { sqlite3_close_v2(m_db); }
    RawDatabaseFile(const RawDatabaseFile &) = delete;
    RawDatabaseFile &operator=(const RawDatabaseFile &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    QString errorString() const { return m_error; }
    qint64 size() const {
        sqlite3_int64 n = -1;
        if (!m_file || m_file->pMethods->xFileSize(m_file, &n) != SQLITE_OK)
            return -1;
        return n;
    }
    // Up to `length` bytes from `offset` (fewer at the end of the file); empty on a read error.
    QByteArray read(qint64 offset, qint64 length) const {
        const qint64 total = size();
        if (total < 0 || offset >= total)
            return {};
        const qint64 n = std::min(length, total - offset);
        QByteArray buf(n, Qt::Uninitialized);
        if (m_file->pMethods->xRead(m_file, buf.data(), int(n), offset) != SQLITE_OK)
            return {};
        return buf;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_file *m_file = nullptr;
    QString m_error;
};

// Copies the database file at `path` to `target` (a new file, 0600) through RawDatabaseFile.
bool copyDatabaseBytes(const QString &path, const QString &target, QString *error) {
    RawDatabaseFile raw(path);
    if (!raw.isOpen()) {
        *error = raw.errorString();
        return false;
    }
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly)) {
        *error = out.errorString();
        return false;
    }
    const qint64 total = raw.size();
    constexpr qint64 Chunk = 1 << 20;
    for (qint64 at = 0; at < total; at += Chunk) {
        const QByteArray part = raw.read(at, Chunk);
        if (part.isEmpty() || out.write(part) != part.size()) {
            *error = part.isEmpty() ? u"read error at offset %1"_s.arg(at) : out.errorString();
            out.close();
            QFile::remove(target);
            return false;
        }
    }
    return true;
}

bool isNotADatabase(const QSqlError &e) {
    return e.nativeErrorCode() == u"26" ||
           e.databaseText().contains(u"not a database"_s, Qt::CaseInsensitive);
}

bool isCorrupt(const QSqlError &e) {
    return e.nativeErrorCode() == u"11" || e.databaseText().contains(u"malformed"_s, Qt::CaseInsensitive);
}

QString errorText(const QSqlError &e) {
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

// Copies a damaged database (and its WAL, which may hold committed data) aside; the original stays in place.
Result<QString> copyFileAside(const QString &path) {
    const QString copy = freeName(u"%1.damaged-%2"_s.arg(path, utcStamp()));
    QString error;
    if (!copyDatabaseBytes(path, copy, &error))
        return Result<QString>::failure(u"db_damaged"_s,
                                        u"could not copy %1 to %2: %3"_s.arg(path, copy, error));
    // The -wal holds no lock (see RawDatabaseFile): a plain copy is safe.
    if (QFileInfo::exists(path + u"-wal"_s)) {
        QFile::copy(path + u"-wal"_s, copy + u"-wal"_s);
        restrictMode(copy + u"-wal"_s);
    }
    return copy;
}

using OpenResult = Result<std::unique_ptr<Database>>;

QString newerMessage(const QString &path, int fileVersion, int codeVersion) {
    return u"数据库 %1 的结构版本 (v%2) 比本程序支持的版本 (v%3) 新，请升级 WindowDesk；数据库未作任何改动。"
           u" / The database schema (v%2) is newer than this program (v%3): upgrade WindowDesk. Nothing was written."_s
               .arg(path)
               .arg(fileVersion)
               .arg(codeVersion);
}

OpenResult fail(const QString &connection, const QString &code, const QString &message) {
    if (!connection.isEmpty())
        dropConnection(connection);
    return OpenResult::failure(code, message);
}

OpenResult damaged(const QString &connection, const QString &path, const QString &detail) {
    dropConnection(connection);
    qCWarning(lcDb) << "database damaged:" << detail;
    const auto copy = copyFileAside(path);
    if (!copy.ok())
        return OpenResult::failure(
            u"db_damaged"_s,
            u"数据库文件已损坏（%1），且无法复制备份：%2 / The database is damaged and could "
            u"not be copied aside."_s.arg(detail, copy.error().message));
    return OpenResult::failure(
        u"db_damaged"_s,
        u"数据库文件已损坏（%1）。已将其复制到 %2，原文件未删除。/ The database %3 is damaged (%1); "
        u"a copy was saved as %2 and the original was kept."_s.arg(detail, copy.value(), path));
}

} // namespace

Database::Database(QString path, QString connection)
    : m_path(std::move(path))
    , m_connection(std::move(connection)) {}

Database::~Database() {
    dropConnection(m_connection);
}

Result<QString> Database::copyAside(const QString &path) {
    return copyFileAside(path);
}

QString Database::defaultPath() {
    const QString env = QProcessEnvironment::systemEnvironment().value(u"WINDOWDESK_DB"_s);
    if (!env.isEmpty())
        return env;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/share"_s;
    const QString dir = base + u"/WindowDesk"_s;
    QDir().mkpath(dir);
    return dir + u"/windowdesk.db"_s;
}

int Database::codeSchemaVersion(const QString &migrationsDir) {
    const auto list = Migrator::list(migrationsDir);
    return list.ok() ? int(list->size()) : 0;
}

QSqlDatabase Database::sql() const {
    return QSqlDatabase::database(m_connection, false);
}

int Database::schemaVersion() const {
    QSqlQuery q(sql());
    if (q.exec(u"PRAGMA user_version"_s) && q.next())
        return q.value(0).toInt();
    return -1;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const OpenOptions &options) {
    if (path.isEmpty())
        return OpenResult::failure(u"db_unreadable"_s, u"no database path given"_s);
    const auto migrations = Migrator::list(options.migrationsDir);
    if (!migrations.ok())
        return OpenResult::failure(u"migration_failed"_s, migrations.error().message);
    const int codeVersion = int(migrations->size());

    QFileInfo info(path);
    QByteArray header;
    if (!info.exists()) {
        if (!options.createIfMissing)
            return OpenResult::failure(u"db_unreadable"_s,
                                       u"数据库文件不存在：%1 / The database %1 does not exist."_s.arg(path));
        QDir().mkpath(info.absolutePath());
        // Created empty with mode 0600 before SQLite sees it, so the data is never readable by others. (A
        // descriptor of a file that did not exist cannot hold any connection's lock.)
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly))
            return OpenResult::failure(
                u"db_unreadable"_s,
                u"无法创建数据库文件 %1：%2 / Cannot create the database."_s.arg(path, f.errorString()));
        f.close();
    } else if (info.isDir()) {
        return OpenResult::failure(u"db_unreadable"_s, u"%1 is a directory, not a database"_s.arg(path));
    } else if (info.size() > 0) {
        // Through SQLite's descriptor, never our own: this process may already have the file open (the GUI's
        // connection when the sync worker opens its own), and closing a second descriptor would drop its locks.
        RawDatabaseFile f(path);
        if (!f.isOpen())
            return OpenResult::failure(
                u"db_unreadable"_s,
                u"无法读取数据库文件 %1：%2 / Cannot read the database."_s.arg(path, f.errorString()));
        header = f.read(0, 100);
        if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
            return OpenResult::failure(
                u"db_unreadable"_s,
                u"%1 不是 WindowDesk 数据库文件 / %1 is not a database file."_s.arg(path));
    }

    // A database newer than the code must not be touched at all. Without a pending WAL the header's
    // user_version (offset 60, big-endian) is authoritative and needs no connection; with one, a read-only
    // connection reads it (a read-write one would checkpoint the newer program's WAL into the file when it
    // closes).
    if (header.size() == 100) {
        int probeVersion = int(qFromBigEndian<quint32>(header.constData() + 60));
        if (QFileInfo(path + u"-wal"_s).size() > 0) {
            probeVersion = -1;
            const QString probe = uniqueConnectionName() + u"-probe"_s;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, probe);
                db.setDatabaseName(path);
                db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(u"PRAGMA user_version"_s) && q.next())
                        probeVersion = q.value(0).toInt();
                }
            }
            dropConnection(probe);
        }
        if (probeVersion > codeVersion)
            return OpenResult::failure(u"db_newer_than_code"_s,
                                       newerMessage(path, probeVersion, codeVersion));
        // Any other outcome (including a failed probe) is judged below on the real connection.
    }

    const QString name = uniqueConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(BusyTimeoutMs));
        if (!db.open())
            return fail(
                name, u"db_unreadable"_s,
                u"无法打开数据库 %1：%2 / Cannot open the database."_s.arg(path, errorText(db.lastError())));
    }
    // Read-only look first: a newer or unreadable file must not be touched.
    int fileVersion = 0;
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
            const QSqlError e = q.lastError();
            q.finish();
            if (isCorrupt(e))
                return damaged(name, path, errorText(e));
            return fail(name, u"db_unreadable"_s,
                        u"无法读取数据库 %1：%2 / Cannot read the database."_s.arg(path, errorText(e)));
        }
        fileVersion = q.value(0).toInt();
    }
    if (fileVersion > codeVersion)
        return fail(name, u"db_newer_than_code"_s, newerMessage(path, fileVersion, codeVersion));

    if (!options.skipQuickCheck) {
        QSqlQuery q(QSqlDatabase::database(name, false));
        if (!q.exec(u"PRAGMA quick_check"_s)) {
            const QSqlError e = q.lastError();
            q.finish();
            if (isNotADatabase(e))
                return fail(name, u"db_unreadable"_s, u"%1 is not a database: %2"_s.arg(path, errorText(e)));
            return damaged(name, path, errorText(e));
        }
        QStringList problems;
        while (q.next())
            problems.append(q.value(0).toString());
        q.finish();
        if (problems != QStringList{u"ok"_s}) {
            // quick_check packs several findings into one row, one per line; the first few say enough.
            const QStringList lines = problems.join(u'\n').split(u'\n', Qt::SkipEmptyParts);
            return damaged(name, path, lines.mid(0, 3).join(u"; "_s));
        }
    }

    // From here on the Database owns the connection (its destructor drops it).
    std::unique_ptr<Database> self(new Database(path, name));
    self->m_migrationsDir = options.migrationsDir;
    if (auto st = self->configure(); !st.ok())
        return OpenResult(st.error());
    restrictMode(path);
    restrictMode(path + u"-wal"_s);
    restrictMode(path + u"-shm"_s);

    if (auto st = self->migrate(options, fileVersion); !st.ok())
        return OpenResult(st.error());

    // Every database holds the official calendars (public data), so due dates work before any platform pull.
    {
        auto hasTable = self->query(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s,
                                    {u"calendars"_s});
        if (hasTable.ok() && hasTable->next() && hasTable->value(0).toInt() == 1) {
            auto years = self->query(u"SELECT count(*) FROM calendars"_s);
            if (years.ok() && years->next() && years->value(0).toInt() == 0) {
                if (auto st = CalendarRepository(*self).loadShippedCalendars(); !st.ok())
                    return OpenResult(st.error());
            }
        }
    }
    return self;
}

Status Database::configure() {
    QSqlQuery q(sql());
    if (!q.exec(u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs)))
        return Status::failure(u"db_unreadable"_s, errorText(q.lastError()));
    if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next() ||
        q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        const QString detail = q.lastError().isValid() ? errorText(q.lastError()) : q.value(0).toString();
        return Status::failure(
            u"db_unreadable"_s,
            u"无法将数据库 %1 切换到 WAL 模式：%2 / Cannot switch the database to WAL."_s.arg(m_path,
                                                                                              detail));
    }
    q.finish();
    // 32 MB of page cache (SQLite's default is 2 MB): the catalog's search index outgrows 2 MB at a few
    // thousand items, and each keystroke's search then re-reads pages (0.52 ms instead of 0.35 ms per search
    // measured on 10,000 items). Memory is taken only as pages are read.
    for (const QString &pragma :
         {u"PRAGMA synchronous = FULL"_s, u"PRAGMA foreign_keys = ON"_s, u"PRAGMA cache_size = -32768"_s}) {
        if (!q.exec(pragma))
            return Status::failure(u"db_unreadable"_s, errorText(q.lastError()));
    }
    return {};
}

Status Database::migrate(const OpenOptions &options, int fromVersion) {
    const auto list = Migrator::list(options.migrationsDir);
    if (!list.ok())
        return Status::failure(u"migration_failed"_s, list.error().message);
    const int last = int(list->size());
    const int target = options.targetVersion < 0 ? last : std::min(options.targetVersion, last);
    if (fromVersion >= target)
        return {};

    QSqlDatabase db = sql();
    if (fromVersion > 0) {
        // A consistent copy of the old database, taken before anything changes.
        const QString backup = freeName(u"%1.bak-v%2-%3"_s.arg(m_path).arg(fromVersion).arg(utcStamp()));
        QSqlQuery q(db);
        q.prepare(u"VACUUM INTO ?"_s);
        q.addBindValue(backup);
        if (!q.exec())
            return Status::failure(
                u"migration_failed"_s,
                u"迁移前无法备份数据库到 %1：%2 / Could not back up the database before migrating."_s.arg(
                    backup, errorText(q.lastError())));
        restrictMode(backup);
        m_lastBackup = backup;
        qCInfo(lcDb) << "backed up schema version" << fromVersion << "before migrating";
    }

    // Table rebuilds inside a migration need foreign keys off; the keys are checked before each COMMIT
    // instead.
    QSqlQuery q(db);
    q.exec(u"PRAGMA foreign_keys = OFF"_s);
    auto restoreKeys = qScopeGuard([&] { QSqlQuery(db).exec(u"PRAGMA foreign_keys = ON"_s); });

    for (const Migration &m : list.value()) {
        if (m.version <= fromVersion || m.version > target)
            continue;
        QFile f(m.path);
        if (!f.open(QIODevice::ReadOnly))
            return Status::failure(u"migration_failed"_s, u"cannot read migration %1"_s.arg(m.fileName));
        const QStringList statements = Migrator::splitStatements(QString::fromUtf8(f.readAll()));

        auto failStep = [&](const QString &detail) {
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            qCWarning(lcDb) << "migration failed and was rolled back:" << m.fileName << detail;
            return Status::failure(
                u"migration_failed"_s,
                u"数据库迁移 %1 失败，已回滚，数据库保持原版本：%2 / Migration %1 failed and was "
                u"rolled back: %2"_s.arg(m.fileName, detail));
        };
        if (!q.exec(u"BEGIN IMMEDIATE"_s))
            return Status::failure(u"migration_failed"_s,
                                   u"数据库迁移 %1 无法开始：%2"_s.arg(m.fileName, errorText(q.lastError())));
        // Another process may have migrated while we waited for the lock.
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
            return failStep(errorText(q.lastError()));
        const int now = q.value(0).toInt();
        q.finish();
        if (now >= m.version) {
            q.exec(u"ROLLBACK"_s);
            continue;
        }
        for (const QString &statement : statements) {
            QSqlQuery s(db);
            if (!s.exec(statement))
                return failStep(errorText(s.lastError()));
        }
        if (!q.exec(u"PRAGMA foreign_key_check"_s))
            return failStep(errorText(q.lastError()));
        if (q.next())
            return failStep(u"foreign key violation in table %1"_s.arg(q.value(0).toString()));
        q.finish();
        if (!q.exec(u"PRAGMA user_version = %1"_s.arg(m.version)))
            return failStep(errorText(q.lastError()));
        if (!q.exec(u"COMMIT"_s))
            return failStep(errorText(q.lastError()));
        qCDebug(lcDb) << "applied migration" << m.fileName;
    }
    return {};
}

OpenOptions Database::anotherConnectionOptions() const {
    OpenOptions o;
    o.createIfMissing = false;
    o.skipQuickCheck = true;
    o.migrationsDir = m_migrationsDir;
    return o;
}

Result<std::unique_ptr<Database>> Database::openAnotherConnection() const {
    return open(m_path, anotherConnectionOptions());
}

Status Database::write(const std::function<Status()> &fn) {
    if (m_writeDepth > 0) {
        ++m_writeDepth;
        Status st = fn();
        --m_writeDepth;
        return st;
    }
    QSqlDatabase db = sql();
    QSqlQuery q(db);
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return Status::failure(u"sql"_s, errorText(q.lastError()));
    ++m_writeDepth;
    Status st = fn();
    --m_writeDepth;
    if (!st.ok()) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return st;
    }
    if (!q.exec(u"COMMIT"_s)) {
        const QString detail = errorText(q.lastError());
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return Status::failure(u"sql"_s, detail);
    }
    return {};
}

Result<QSqlQuery> Database::query(const QString &sqlText, const QVariantList &binds) const {
    QSqlQuery q(sql());
    if (!q.prepare(sqlText))
        return Result<QSqlQuery>::failure(u"sql"_s, errorText(q.lastError()));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return Result<QSqlQuery>::failure(u"sql"_s, errorText(q.lastError()));
    return q;
}

Status Database::exec(const QString &sqlText, const QVariantList &binds) {
    auto r = query(sqlText, binds);
    if (!r.ok())
        return Status(r.error());
    return {};
}

} // namespace windowdesk::storage
