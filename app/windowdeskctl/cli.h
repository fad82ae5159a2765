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
};

class Context {
public:
    QString dbPath;      // --db, else WINDOWDESK_DB, else the default path
    QString platformUrl; // --platform, else WINDOWDESK_PLATFORM, else the database's setting

    // Opens (creating and migrating) the client database once; prints the error and returns null on failure.
    storage::Database *database(const storage::OpenOptions &options = {});
    int databaseExitCode() const { return m_dbExit; } // exit code to use after database() returned null

    void printJson(const QJsonObject &o) const; // one compact JSON object + newline on stdout
    void printText(const QString &text) const;  // human text on stdout
    void printError(const QString &text) const; // diagnostics on stderr
    int usage(const QString &text) const;       // prints to stderr, returns ExitUsage

private:
    std::unique_ptr<storage::Database> m_db;
    int m_dbExit = ExitDamaged;
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
