#include "database.h"

#include "storagelogging.h"

#include "calendarrepository.h"
#include "migrator.h"
#include "rawdatabasefile.h"

#include <optional>

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QtEndian>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {

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

// SQLite's primary result code of a driver error (Qt puts the code in nativeErrorCode), -1 if none.
int sqliteCode(const QSqlError &e) {
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

bool isBusy(const QSqlError &e) {
    const int code = sqliteCode(e);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED ||
           e.databaseText().contains(u"database is locked"_s, Qt::CaseInsensitive);
}

// Whether this process may write the file and create the -wal/-shm beside it (access(2): no descriptor).
bool canWrite(const QString &path) {
    const QFileInfo info(path);
#ifdef Q_OS_UNIX
    return ::access(QFile::encodeName(info.absoluteFilePath()).constData(), W_OK) == 0 &&
           ::access(QFile::encodeName(info.absolutePath()).constData(), W_OK) == 0;
#else
    return info.isWritable() && QFileInfo(info.absolutePath()).isWritable();
#endif
}

bool isReadOnly(const QSqlError &e, const QString &path) {
    const int code = sqliteCode(e);
    if (code == SQLITE_READONLY || e.databaseText().contains(u"readonly database"_s, Qt::CaseInsensitive))
        return true;
    // A file in WAL mode whose -shm cannot be made: "unable to open database file".
    return (code == SQLITE_CANTOPEN || code == SQLITE_IOERR) && !canWrite(path);
}

// "db_busy", "db_readonly" or empty.
QString lockProblemOf(const QSqlError &e, const QString &path) {
    if (isBusy(e))
        return u"db_busy"_s;
    if (isReadOnly(e, path))
        return u"db_readonly"_s;
    return {};
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
// SHA-256 of a database file's bytes (read through SQLite's descriptor) followed by its -wal's; empty when
// the file cannot be read.
QByteArray damageDigest(const QString &path, qint64 *size) {
    RawDatabaseFile raw(path);
    if (!raw.isOpen())
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 total = raw.size();
    constexpr qint64 Chunk = 1 << 20;
    for (qint64 at = 0; at < total; at += Chunk) {
        const QByteArray part = raw.read(at, Chunk);
        if (part.isEmpty())
            return {};
        hash.addData(part);
    }
    hash.addData(QByteArrayView("\0wal\0"));
    QFile wal(path + u"-wal"_s); // no lock lives on the -wal
    if (wal.exists() && wal.open(QIODevice::ReadOnly))
        hash.addData(&wal);
    *size = total;
    return hash.result();
}

// An earlier copy of exactly these bytes (one copy per damage, not one per command that meets it).
QString existingCopyOf(const QString &path, const QByteArray &digest, qint64 size) {
    const QFileInfo info(path);
    const QDir dir = info.absoluteDir();
    const QStringList names = dir.entryList({info.fileName() + u".damaged-*"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (name.endsWith(u"-wal"_s) || QFileInfo(dir.filePath(name)).size() != size)
            continue;
        qint64 copySize = -1;
        // A copy is no live database of this process: reading it directly would be harmless, but one reader
        // for both keeps the digests comparable.
        if (damageDigest(dir.filePath(name), &copySize) == digest)
            return dir.filePath(name);
    }
    return {};
}

Result<QString> copyFileAside(const QString &path) {
    qint64 size = -1;
    const QByteArray digest = damageDigest(path, &size);
    if (!digest.isEmpty()) {
        if (const QString earlier = existingCopyOf(path, digest, size); !earlier.isEmpty())
            return earlier;
    }
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

constexpr quint32 ApplicationId = Database::ApplicationId;

// The fixed fields of an SQLite header (fileformat.html §1.3) as SQLite writes them; anything else there is
// damage (or not SQLite at all).
bool headerIsSound(const QByteArray &h) {
    if (h.size() < 100 || !h.startsWith(QByteArray("SQLite format 3\0", 16)))
        return false;
    const auto u8 = [&](int i) {
        return quint8(h.at(i));
    };
    const quint32 pageSize = qFromBigEndian<quint16>(h.constData() + 16);
    const bool pageSizeOk =
        pageSize == 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) == 0);
    return pageSizeOk && (u8(18) == 1 || u8(18) == 2) && (u8(19) == 1 || u8(19) == 2) && u8(21) == 64 &&
           u8(22) == 32 && u8(23) == 32 && qFromBigEndian<quint32>(h.constData() + 44) <= 4 &&
           qFromBigEndian<quint32>(h.constData() + 56) <= 3;
}

// The tables the first migration creates: a WindowDesk database of any version has them all.
QStringList signatureTables(const QString &migrationsDir) {
    const auto list = Migrator::list(migrationsDir);
    if (!list.ok() || list->isEmpty())
        return {};
    QFile f(list->first().path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression create(u"CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?(\\w+)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    QStringList tables;
    for (auto it = create.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();)
        tables.append(it.next().captured(1));
    return tables;
}

// A file without our application id is ours when it is empty (no table yet) or has our schema (1.0).
bool isOurSchema(const QStringList &tables, int userVersion, const QString &migrationsDir) {
    if (tables.isEmpty())
        return userVersion == 0;
    const QStringList signature = signatureTables(migrationsDir);
    if (signature.isEmpty())
        return false;
    for (const QString &t : signature) {
        if (!tables.contains(t, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

// Whether a file whose header or schema cannot be read was ours: our application id still in place, or the
// text of our first tables' CREATE statements in its first pages (sqlite_master keeps the SQL as written).
bool looksLikeOurs(const RawDatabaseFile &f, const QByteArray &header, const QString &migrationsDir) {
    if (header.size() >= 72 && qFromBigEndian<quint32>(header.constData() + 68) == ApplicationId)
        return true;
    const QStringList signature = signatureTables(migrationsDir).mid(0, 3);
    if (signature.isEmpty())
        return false;
    const QByteArray head = f.read(0, 2 << 20);
    for (const QString &t : signature) {
        if (!head.contains("CREATE TABLE " + t.toUtf8()))
            return false;
    }
    return true;
}

OpenResult foreign(const QString &path) {
    return OpenResult::failure(
        u"db_foreign"_s,
        u"%1 不是 WindowDesk 数据库，未作任何改动。/ %1 is not a WindowDesk database; it was left untouched."_s
            .arg(path));
}

struct Probe {
    bool ok = false;
    QSqlError error;
    int userVersion = -1;
    quint32 applicationId = 0;
    QStringList tables;
};

// A read-only look at a file (it cannot checkpoint or change anything).
Probe probeFile(const QString &path, int busyTimeoutMs) {
    Probe p;
    const QString probe = uniqueConnectionName() + u"-probe"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, probe);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open()) {
            p.error = db.lastError();
        } else {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA user_version"_s) && q.next())
                p.userVersion = q.value(0).toInt();
            else
                p.error = q.lastError();
            if (!p.error.isValid() && q.exec(u"PRAGMA application_id"_s) && q.next())
                p.applicationId = quint32(q.value(0).toLongLong());
            else if (!p.error.isValid())
                p.error = q.lastError();
            if (!p.error.isValid() && q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
                while (q.next())
                    p.tables.append(q.value(0).toString());
                if (q.lastError().isValid())
                    p.error = q.lastError();
            } else if (!p.error.isValid()) {
                p.error = q.lastError();
            }
            p.ok = !p.error.isValid();
        }
    }
    dropConnection(probe);
    return p;
}

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

// A failure at open caused by another program's lock or by a file that cannot be written is neither
// damage nor an unreadable file: its own code, and a message that says so.
OpenResult failOn(const QString &connection, const QString &path, const QSqlError &e, int busyTimeoutMs,
                  const QString &code, const QString &message) {
    const QString problem = lockProblemOf(e, path);
    if (problem == u"db_busy"_s)
        return fail(connection, problem, Database::busyMessage(path, busyTimeoutMs));
    if (problem == u"db_readonly"_s)
        return fail(connection, problem, Database::readOnlyMessage(path));
    return fail(connection, code, message);
}

OpenResult damaged(const QString &connection, const QString &path, const QString &detail) {
    if (!connection.isEmpty())
        dropConnection(connection);
    qCWarning(lcStorage) << "database damaged:" << detail;
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

namespace {
// The file before SQLite opens it: created 0600 when missing (if allowed); else its header read through
// SQLite's own descriptor and judged (damaged, not ours). Empty: go on with `header` (100 bytes, or none for
// a new or empty file).
std::optional<OpenResult> checkFile(const QString &path, const OpenOptions &options, QByteArray &header) {
    QFileInfo info(path);
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
        // connection when the sync worker opens its own), and closing a second descriptor would drop its
        // locks.
        RawDatabaseFile f(path);
        if (!f.isOpen())
            return OpenResult::failure(
                u"db_unreadable"_s,
                u"无法读取数据库文件 %1：%2 / Cannot read the database."_s.arg(path, f.errorString()));
        header = f.read(0, 100);
        // A damaged header is damage when the file is ours (our application id, or our schema's text in its
        // pages); anything else is not a WindowDesk database and is left alone.
        if (!headerIsSound(header)) {
            if (looksLikeOurs(f, header, options.migrationsDir))
                return damaged({}, path, u"文件头损坏 / the file header (page 1) is damaged"_s);
            return foreign(path);
        }
        const quint32 appId = qFromBigEndian<quint32>(header.constData() + 68);
        if (appId != 0 && appId != ApplicationId)
            return foreign(path);
    }

    return std::nullopt;
}

std::optional<OpenResult> checkVersionBeforeConnecting(const QString &path, const OpenOptions &options,
                                                       const QByteArray &header, int codeVersion) {
    // Before any connection that may write: is the file ours (application id, or a 1.0 file's schema), and
    // not newer than the code? A database newer than the code must not be touched at all. Without a pending
    // WAL the header's user_version (offset 60, big-endian) is authoritative and needs no connection; with
    // one, or to look at the schema of a file without our application id, a read-only connection reads it (a
    // read-write one would checkpoint the other program's WAL into the file when it closes).
    if (header.size() != 100)
        return std::nullopt;
    {
        int probeVersion = int(qFromBigEndian<quint32>(header.constData() + 60));
        const bool haveWal = QFileInfo(path + u"-wal"_s).size() > 0;
        const bool needSchema = qFromBigEndian<quint32>(header.constData() + 68) != ApplicationId;
        if (haveWal || needSchema) {
            const Probe probe = probeFile(path, options.busyTimeoutMs);
            if (probe.ok)
                probeVersion = probe.userVersion;
            if (probe.ok && probeVersion > codeVersion)
                return OpenResult::failure(u"db_newer_than_code"_s,
                                           newerMessage(path, probeVersion, codeVersion));
            if (probe.ok && probe.applicationId != ApplicationId &&
                (probe.applicationId != 0 ||
                 !isOurSchema(probe.tables, probe.userVersion, options.migrationsDir)))
                return foreign(path);
            if (!probe.ok && needSchema) {
                // The schema cannot be read: damage when the file is ours, else not ours; never touched.
                if (isBusy(probe.error))
                    return OpenResult::failure(u"db_busy"_s,
                                               Database::busyMessage(path, options.busyTimeoutMs));
                RawDatabaseFile f(path);
                if (isCorrupt(probe.error) || isNotADatabase(probe.error)) {
                    if (looksLikeOurs(f, header, options.migrationsDir))
                        return damaged({}, path, errorText(probe.error));
                    return foreign(path);
                }
            }
            if (!probe.ok)
                probeVersion = -1;
        }
        if (probeVersion > codeVersion)
            return OpenResult::failure(u"db_newer_than_code"_s,
                                       newerMessage(path, probeVersion, codeVersion));
        // Any other outcome (including a failed probe) is judged below on the real connection.
    }

    return std::nullopt;
}

// Opens SQLite's connection `name` on the file and looks before anything is written: its user_version (a
// newer file is never touched) and, unless skipped, quick_check (damage copied aside). Empty: go on,
// `fileVersion` read; otherwise the connection is dropped and the failure returned.
std::optional<OpenResult> connectAndCheck(const QString &name, const QString &path,
                                          const OpenOptions &options, int codeVersion, int &fileVersion) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs));
        if (!db.open())
            return failOn(
                name, path, db.lastError(), options.busyTimeoutMs, u"db_unreadable"_s,
                u"无法打开数据库 %1：%2 / Cannot open the database."_s.arg(path, errorText(db.lastError())));
    }
    // Read-only look first: a newer or unreadable file must not be touched.
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
            const QSqlError e = q.lastError();
            q.finish();
            if (isCorrupt(e))
                return damaged(name, path, errorText(e));
            return failOn(name, path, e, options.busyTimeoutMs, u"db_unreadable"_s,
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
            if (!lockProblemOf(e, path).isEmpty())
                return failOn(name, path, e, options.busyTimeoutMs, {}, {});
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

    return std::nullopt;
}

// After the migrations: the file is marked ours, and holds the official calendars (public data) so that due
// dates work before any platform pull.
Status markOursAndLoadCalendars(Database &db) {
    // Ours from now on, for every later open (a 1.0 file, recognised by its schema above, is marked now).
    if (auto id = db.query(u"PRAGMA application_id"_s);
        id.ok() && id->next() && quint32(id->value(0).toLongLong()) != ApplicationId) {
        id->finish();
        const auto st =
            db.write([&] { return db.exec(u"PRAGMA application_id = %1"_s.arg(qint32(ApplicationId))); });
        if (!st.ok())
            qCWarning(lcStorage) << "could not set the application id:" << st.error().message;
    }

    // Every database holds the official calendars (public data), so due dates work before any platform pull.
    {
        auto hasTable = db.query(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"_s,
                                 {u"calendars"_s});
        if (hasTable.ok() && hasTable->next() && hasTable->value(0).toInt() == 1) {
            auto years = db.query(u"SELECT count(*) FROM calendars"_s);
            if (years.ok() && years->next() && years->value(0).toInt() == 0) {
                if (auto st = CalendarRepository(db).loadShippedCalendars(); !st.ok())
                    return st;
            }
        }
    }
    return {};
}

} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &path, const OpenOptions &options) {
    if (path.isEmpty())
        return OpenResult::failure(u"db_unreadable"_s, u"no database path given"_s);
    const auto migrations = Migrator::list(options.migrationsDir);
    if (!migrations.ok())
        return OpenResult::failure(u"migration_failed"_s, migrations.error().message);
    const int codeVersion = int(migrations->size());

    QByteArray header;
    if (auto failed = checkFile(path, options, header))
        return std::move(*failed);
    if (auto failed = checkVersionBeforeConnecting(path, options, header, codeVersion))
        return std::move(*failed);
    const QString name = uniqueConnectionName();
    int fileVersion = 0;
    if (auto failed = connectAndCheck(name, path, options, codeVersion, fileVersion))
        return std::move(*failed);

    // From here on the Database owns the connection (its destructor drops it).
    std::unique_ptr<Database> self(new Database(path, name));
    self->m_migrationsDir = options.migrationsDir;
    self->m_busyTimeoutMs = options.busyTimeoutMs;
    if (auto st = self->configure(); !st.ok()) {
        if (st.error().code == u"db_damaged"_s) {
            // Page 1's b-tree (the schema) is damaged: SQLite cannot even switch the file to WAL.
            self.reset();
            return damaged({}, path, st.error().message);
        }
        return OpenResult(st.error());
    }
    restrictMode(path);
    restrictMode(path + u"-wal"_s);
    restrictMode(path + u"-shm"_s);

    if (auto st = self->migrate(options, fileVersion); !st.ok())
        return OpenResult(st.error());

    if (auto st = markOursAndLoadCalendars(*self); !st.ok())
        return OpenResult(st.error());
    return self;
}

Status Database::configure() {
    QSqlQuery q(sql());
    if (!q.exec(u"PRAGMA busy_timeout = %1"_s.arg(m_busyTimeoutMs)))
        return Status::failure(u"db_unreadable"_s, errorText(q.lastError()));
    if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next() ||
        q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        const QSqlError e = q.lastError();
        if (noteFailure(e, {}) == u"db_busy"_s)
            return Status::failure(u"db_busy"_s, busyMessage(m_path, m_busyTimeoutMs));
        // A file that cannot be written cannot be switched to WAL either (SQLite answers with the old mode).
        if (m_lockProblem == u"db_readonly"_s || !canWrite(m_path)) {
            m_lockProblem = u"db_readonly"_s;
            return Status::failure(u"db_readonly"_s, readOnlyMessage(m_path));
        }
        if (isCorrupt(e))
            return Status::failure(u"db_damaged"_s, errorText(e));
        const QString detail = e.isValid() ? errorText(e) : q.value(0).toString();
        return Status::failure(
            u"db_unreadable"_s,
            u"无法将数据库 %1 切换到 WAL 模式：%2 / Cannot switch the database to WAL."_s.arg(m_path,
                                                                                              detail));
    }
    q.finish();
    // 32 MB of page cache (SQLite's default is 2 MB): the catalog's search index outgrows 2 MB at a few
    // thousand items, and each keystroke's search then re-reads pages (0.52 ms instead of 0.35 ms per search
    // measured on 10,000 items). Memory is taken only as pages are read.
    // secure_delete: a value overwritten or deleted (a clear id number sealed by PersonalData, a discarded
    // draft) is zeroed in its page, not left in free space of the file (issue 18 #4).
    for (const QString &pragma : {u"PRAGMA synchronous = FULL"_s, u"PRAGMA foreign_keys = ON"_s,
                                  u"PRAGMA cache_size = -32768"_s, u"PRAGMA secure_delete = ON"_s}) {
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
        qCInfo(lcStorage) << "backed up schema version" << fromVersion << "before migrating";
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
            qCWarning(lcStorage) << "migration failed and was rolled back:" << m.fileName << detail;
            return Status::failure(
                u"migration_failed"_s,
                u"数据库迁移 %1 失败，已回滚，数据库保持原版本：%2 / Migration %1 failed and was "
                u"rolled back: %2"_s.arg(m.fileName, detail));
        };
        if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
            const QString problem = noteFailure(q.lastError(), {});
            if (!problem.isEmpty())
                return Status::failure(problem, lockProblemMessage());
            return Status::failure(u"migration_failed"_s,
                                   u"数据库迁移 %1 无法开始：%2"_s.arg(m.fileName, errorText(q.lastError())));
        }
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
        qCDebug(lcStorage) << "applied migration" << m.fileName;
    }
    return {};
}

OpenOptions Database::anotherConnectionOptions() const {
    OpenOptions o;
    o.createIfMissing = false;
    o.skipQuickCheck = true;
    o.migrationsDir = m_migrationsDir;
    o.busyTimeoutMs = m_busyTimeoutMs;
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
    // SQLite's busy handler waits for the write lock, except when this connection still has a statement
    // reading (it may not wait then, or two connections could deadlock): it answers "locked" at once. Wait
    // here too, up to the same timeout, so a lock held elsewhere never ends a write before its time.
    QElapsedTimer waited;
    waited.start();
    while (!q.exec(u"BEGIN IMMEDIATE"_s)) {
        const QSqlError e = q.lastError();
        if (isBusy(e) && waited.elapsed() < m_busyTimeoutMs) {
            QThread::msleep(20);
            continue;
        }
        return Status::failure(u"sql"_s, noteFailure(e, {}).isEmpty() ? errorText(e) : lockProblemMessage());
    }
    ++m_writeDepth;
    Status st = fn();
    --m_writeDepth;
    if (!st.ok()) {
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return st;
    }
    if (!q.exec(u"COMMIT"_s)) {
        noteFailure(q.lastError(), {});
        const QString detail = errorText(q.lastError());
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        return Status::failure(u"sql"_s, detail);
    }
    return {};
}

Result<QSqlQuery> Database::query(const QString &sqlText, const QVariantList &binds) const {
    return run(sqlText, binds, false);
}

Result<QSqlQuery> Database::forwardQuery(const QString &sqlText, const QVariantList &binds) const {
    return run(sqlText, binds, true);
}

Result<QSqlQuery> Database::run(const QString &sqlText, const QVariantList &binds, bool forwardOnly) const {
    QSqlQuery q(sql());
    q.setForwardOnly(forwardOnly);
    if (!q.prepare(sqlText)) {
        noteFailure(q.lastError(), {});
        return Result<QSqlQuery>::failure(u"sql"_s, errorText(q.lastError()));
    }
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        noteFailure(q.lastError(), {});
        return Result<QSqlQuery>::failure(u"sql"_s, errorText(q.lastError()));
    }
    return q;
}

QString Database::noteFailure(const QSqlError &e, const QString &fallback) const {
    const QString problem = lockProblemOf(e, m_path);
    if (problem.isEmpty())
        return fallback;
    m_lockProblem = problem;
    return problem;
}

QString Database::lockProblemMessage() const {
    if (m_lockProblem == u"db_busy"_s)
        return busyMessage(m_path, m_busyTimeoutMs);
    if (m_lockProblem == u"db_readonly"_s)
        return readOnlyMessage(m_path);
    return {};
}

QString Database::busyMessage(const QString &path, int timeoutMs) {
    const QString seconds = QString::number(timeoutMs / 1000.0, 'g', 3);
    return u"数据库 %1 正被其他程序锁定，等待 %2 "
           u"秒后仍未释放；本次未写入任何内容，请稍后重试（文件本身完好）。"
           u" / The database %1 is locked by another program beyond the busy wait (%2 s); nothing was "
           u"written — try again later (the file itself is sound)."_s.arg(path, seconds);
}

QString Database::readOnlyMessage(const QString &path) {
    return u"数据库 %1 是只读的（文件或其所在目录不可写）；本次未写入任何内容（文件本身完好）。"
           u" / The database %1 is read-only (the file or its directory cannot be written); nothing was "
           u"written (the file itself is sound)."_s.arg(path);
}

Status Database::exec(const QString &sqlText, const QVariantList &binds) {
    auto r = query(sqlText, binds);
    if (!r.ok())
        return Status(r.error());
    return {};
}

} // namespace windowdesk::storage
