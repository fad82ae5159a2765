#pragma once
// Shared plumbing of windowdeskctl: common options, exit codes, JSON output, command registry.
#include <windowdesk/core/result.h>
#include <windowdesk/storage/database.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace windowdesk::cli {

// Exit status contract of cli.md.
enum Exit : int {
    ExitOk = 0,
    ExitUsage = 2,       // bad option, unreadable or invalid input file
    ExitCheckFailed = 3, // invalid number, rejected payload, missing calendar
    ExitDamaged = 4,     // database damaged or audit chain broken
    ExitPlatform = 5,    // platform unreachable/refused, or work remains after a sync
    ExitCannotWrite = 6, // locked by another program beyond the busy wait, or read-only
};

// cli.md: the busy wait of every command. WINDOWDESK_BUSY_TIMEOUT_MS overrides it (tests only, so that a
// held lock is judged in a fraction of a second).
constexpr int DefaultBusyTimeoutMs = 30000;

class Context {
public:
    QString dbPath;      // --db, else WINDOWDESK_DB, else the default path
    QString platformUrl; // --platform, else WINDOWDESK_PLATFORM, else the database's setting

    int busyTimeoutMs = DefaultBusyTimeoutMs;

    // Opens (creating and migrating) the client database once, with this command's busy wait; prints the
    // error and returns null on failure.
    storage::Database *database(const storage::OpenOptions &options = {});
    int databaseExitCode() const { return m_dbExit; }       // exit code to use after database() returned null
    QString databaseErrorCode() const { return m_dbError; } // Database::open's error code after a failure
    // The exit status for a failed Database::open (cli.md): 6 busy or read-only, 2 not a WindowDesk
    // database, 4 otherwise.
    static int exitCodeForOpenError(const QString &code);
    // The command's status as cli.md wants it: a command that failed because the database was locked beyond
    // the busy wait or read-only exits 6 (never 4, which means damage), with a message saying so.
    int finish(int status);
    // What became of the personal data key at open (PersonalData::unlock(): "state", counts, "message").
    QJsonObject personalData() const { return m_personalData; }

    void printJson(const QJsonObject &o) const; // one compact JSON object + newline on stdout
    void printText(const QString &text) const;  // human text on stdout
    void printError(const QString &text) const; // diagnostics on stderr
    int usage(const QString &text) const;       // prints to stderr, returns ExitUsage

private:
    void unlockPersonalData(bool mayWrite);
    std::unique_ptr<storage::Database> m_db;
    QJsonObject m_personalData;
    int m_dbExit = ExitDamaged;
    QString m_dbError;
    mutable QString m_lockSeen;      // a lock or read-only failure reported in a diagnostic (printError)
    mutable bool m_lockTold = false; // ... and already explained in Database's words
};

using CommandFn = int (*)(Context &ctx, const QStringList &args);

struct Command {
    const char *name;    // first word: "version", "db", "validate", ...
    const char *summary; // one line for `windowdeskctl help`
    CommandFn fn;
};

// Each cmd_*.cpp has one `static const CommandRegistrar reg{{"name", "summary", &fn}};`
struct CommandRegistrar {
    explicit CommandRegistrar(const Command &c);
};

const QList<Command> &commands();

} // namespace windowdesk::cli
