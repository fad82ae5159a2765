#pragma once
// The client database: one SQLite file per install (path per cli.md), WAL, synchronous=FULL,
// foreign keys, busy timeout, BEGIN IMMEDIATE writes, numbered migrations embedded as resources.
#include <windowdesk/core/result.h>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantMap>
#include <functional>
#include <memory>

namespace windowdesk::storage {

struct OpenOptions {
    bool createIfMissing = true;
    // Skip the quick_check (only for tools that report damage themselves, e.g. `db check`).
    bool skipQuickCheck = false;
    // Where the embedded migrations live; tests point it at their own directory.
    QString migrationsDir = QStringLiteral(":/db/migrations");
    // Stop migrating at this version (tests of upgrades); -1 = latest.
    int targetVersion = -1;
    // How long a statement waits for another program's lock before giving up (SQLite's busy timeout, and
    // Database::write's own wait for its write lock). The GUI keeps 5 s; windowdeskctl waits 30 s (cli.md).
    int busyTimeoutMs = 5000;
};

class Database {
public:
    // PRAGMA application_id of every WindowDesk database ('WDK1'): set when a file is created or a 1.0 file
    // (which lacks it, recognised by its schema) is opened; a SQLite file with another id, or none and
    // another schema, is refused untouched (db_foreign).
    static constexpr quint32 ApplicationId = 0x57444B31;

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `WINDOWDESK_DB` if set, else $XDG_DATA_HOME/WindowDesk/windowdesk.db (~/.local/share/...).
    static QString defaultPath();
    // Copies a damaged database file (and its -wal) to `<path>.damaged-<UTC stamp>` beside it, mode 0600, the
    // original left in place (sync-rules.md rule 9); returns the copy's path. For tools that open with
    // skipQuickCheck and judge the damage themselves (e.g. `outbox`). Error: db_damaged (copy failed).
    static Result<QString> copyAside(const QString &path);
    // Highest migration number shipped with this build.
    static int codeSchemaVersion(const QString &migrationsDir = QStringLiteral(":/db/migrations"));

    // Opens (creating and migrating when needed). Errors:
    //  db_newer_than_code  — the file's user_version is above the code's; nothing written.
    //  db_damaged          — quick_check failed; the file was copied aside (message names the copy).
    //  db_unreadable       — cannot be opened or read.
    //  db_foreign          — not a WindowDesk database (not SQLite, or SQLite without our application id and
    //                        schema); nothing read beyond its header and schema, nothing written.
    //  db_busy             — another program held its lock beyond the busy timeout; nothing written.
    //  db_readonly         — the file or its directory cannot be written (and the open needed to write).
    //  migration_failed    — a step failed and was rolled back (message names the step).
    static Result<std::unique_ptr<Database>> open(const QString &path, const OpenOptions &options = {});

    QSqlDatabase sql() const;
    QString path() const { return m_path; }
    QString connectionName() const { return m_connection; }
    int schemaVersion() const;
    // The backup copy made before the last migration of this open, if any.
    QString lastBackupPath() const { return m_lastBackup; }

    // A new connection to the same file for another thread (one named connection per thread).
    Result<std::unique_ptr<Database>> openAnotherConnection() const;
    // What openAnotherConnection() passes to open(path(), …): for a thread that opens its connection later
    // and must not keep a reference to this object (which may be gone by then).
    OpenOptions anotherConnectionOptions() const;

    // Runs `fn` inside BEGIN IMMEDIATE … COMMIT; rolls back when `fn` fails or COMMIT fails.
    // A write() inside another one just runs `fn` in the open transaction.
    Status write(const std::function<Status()> &fn);
    // True while a write() is running on this connection.
    bool inTransaction() const { return m_writeDepth > 0; }

    // Prepared, bound statement; error code "sql" with the driver text on failure.
    Result<QSqlQuery> query(const QString &sql, const QVariantList &binds = {}) const;
    // The same, read once front to back (next() only): the driver keeps no copy of the rows read, which
    // matters for tens of thousands of rows (the supervision board).
    Result<QSqlQuery> forwardQuery(const QString &sql, const QVariantList &binds = {}) const;
    Status exec(const QString &sql, const QVariantList &binds = {});

    // "db_busy" or "db_readonly" once a statement run through this object failed because another program
    // held the lock beyond the busy timeout, or because the file cannot be written; empty otherwise. Such a
    // failure is not damage: tools report it as such (windowdeskctl exit 6).
    QString lockProblem() const { return m_lockProblem; }
    // The message for lockProblem() (Chinese / English), naming the file.
    QString lockProblemMessage() const;
    static QString busyMessage(const QString &path, int timeoutMs);
    static QString readOnlyMessage(const QString &path);

private:
    Database(QString path, QString connection);
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds, bool forwardOnly) const;
    Status configure();
    Status migrate(const OpenOptions &options, int fromVersion);
    QString m_path;
    QString m_connection;
    QString m_lastBackup;
    QString m_migrationsDir;
    int m_writeDepth = 0;
    int m_busyTimeoutMs = 5000;
    mutable QString m_lockProblem;
    // Records a busy/read-only failure (lockProblem()); returns its code, or `fallback` for any other error.
    QString noteFailure(const QSqlError &e, const QString &fallback) const;
};

} // namespace windowdesk::storage
