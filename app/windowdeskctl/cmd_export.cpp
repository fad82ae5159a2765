// `windowdeskctl export cases|queue|evaluations --from DATE --to DATE [--format csv|xlsx] [--output FILE]
// [--unmasked --user NAME --password-stdin]` (cli.md): the rows of [from, to) with cli.md's columns, built by
// reports::Exporter and streamed into the file by reports::exportToFile (the same code as the report page's
// Ctrl+S). Personal data is masked unless a supervisor, checked against the local users table exactly as the
// login checks (lockout included), asks for it; every unmasked export leaves an audit row. Bad input writes
// nothing.
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/userrepository.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

const QString kUsage =
    u"usage: export cases|queue|evaluations --from DATE --to DATE [--format csv|xlsx] [--output FILE] "
    u"[--unmasked --user NAME --password-stdin]"_s;

QString readPasswordLine() {
    QTextStream in(stdin);
    QString line = in.readLine();
    while (line.endsWith(u'\r') || line.endsWith(u'\n'))
        line.chop(1);
    return line;
}

// A file's bytes to standard output, a block at a time.
bool copyToStdout(const QString &path) {
    QFile in(path);
    QFile out;
    if (!in.open(QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly))
        return false;
    while (!in.atEnd()) {
        const QByteArray block = in.read(1 << 20);
        if (block.isEmpty() || out.write(block) != block.size())
            return false;
    }
    return out.flush();
}

struct ExportRequest {
    reports::ExportKind kind{};
    QDate from, to;
    QString format, user, output;
    bool unmasked = false, passwordStdin = false;
};

// The arguments, checked before the database is opened: an exit code when they are wrong (nothing written).
std::optional<int> parseRequest(Context &ctx, const QStringList &args, ExportRequest &req) {
    QStringList rest = args;
    req.unmasked = rest.removeAll(u"--unmasked"_s) > 0;
    req.passwordStdin = rest.removeAll(u"--password-stdin"_s) > 0;
    rules::ParsedArgs a;
    if (!rules::parseArgs(ctx, rest, {u"--from"_s, u"--to"_s, u"--format"_s, u"--output"_s, u"--user"_s}, {},
                          a))
        return int(ExitUsage);
    if (a.positional.size() != 1)
        return ctx.usage(kUsage);
    const auto kind = reports::exportKindFromName(a.positional.first());
    if (!kind)
        return ctx.usage(
            u"export: unknown export %1 (cases, queue or evaluations)\n"_s.arg(a.positional.first()) +
            kUsage);
    req.kind = *kind;
    if (!a.options.contains(u"--from"_s) || !a.options.contains(u"--to"_s))
        return ctx.usage(u"export: --from and --to are required\n"_s + kUsage);
    req.from = rules::parseDate(a.options.value(u"--from"_s));
    req.to = rules::parseDate(a.options.value(u"--to"_s));
    if (!req.from.isValid())
        return ctx.usage(u"export: --from %1 is not a date (YYYY-MM-DD) / 开始日期无效"_s.arg(
            a.options.value(u"--from"_s)));
    if (!req.to.isValid())
        return ctx.usage(
            u"export: --to %1 is not a date (YYYY-MM-DD) / 结束日期无效"_s.arg(a.options.value(u"--to"_s)));
    if (req.from >= req.to)
        return ctx.usage(
            u"export: --from must be before --to (the period is [from, to)) / 开始日期须早于结束日期"_s);
    req.format = a.options.value(u"--format"_s, u"csv"_s);
    if (req.format != u"csv"_s && req.format != u"xlsx"_s)
        return ctx.usage(u"export: --format must be csv or xlsx / 格式只能是 csv 或 xlsx"_s);
    req.user = a.options.value(u"--user"_s);
    if (req.unmasked && (req.user.isEmpty() || !req.passwordStdin))
        return ctx.usage(u"export: --unmasked needs --user NAME --password-stdin (a supervisor) / "
                         u"不打码导出须由监察人员验证身份"_s);
    if (!req.unmasked && (!req.user.isEmpty() || req.passwordStdin))
        return ctx.usage(u"export: --user and --password-stdin go with --unmasked\n"_s + kUsage);
    req.output = a.options.value(u"--output"_s);
    if (a.options.contains(u"--output"_s)) {
        const QFileInfo fi(req.output);
        if (req.output.isEmpty() || fi.isDir() || !fi.absoluteDir().exists())
            return ctx.usage(
                u"export: --output %1: no such directory, or a directory / 输出文件路径无效"_s.arg(
                    req.output));
    }
    return std::nullopt;
}

// An unmasked export: the user on standard input's password is a supervisor (checked as the login checks,
// lockout included). An exit code when refused.
std::optional<int> checkSupervisor(Context &ctx, storage::Database &db, const Clock &clock,
                                   storage::AuditLog &audit, const QString &user,
                                   std::optional<storage::User> &supervisor) {
    const QString password = readPasswordLine();
    auto who = storage::UserRepository(db, clock, &audit).authenticate(user, password);
    if (!who.ok()) {
        if (who.error().code == u"invalid_credentials"_s || who.error().code == u"account_locked"_s) {
            ctx.printError(u"export: refused, %1 (%2)"_s.arg(who.error().message, who.error().code));
            return int(ExitCheckFailed);
        }
        ctx.printError(u"export: "_s + who.error().message);
        return ctx.finish(ExitDamaged);
    }
    if (!who->hasRole(u"supervisor"_s)) {
        ctx.printError(u"export: refused, %1 is not a supervisor: only a supervisor may export unmasked / "
                       u"只有监察人员可以导出不打码的数据"_s.arg(user));
        return int(ExitCheckFailed);
    }
    supervisor = who.value();
    return std::nullopt;
}

// The rows of the request streamed by reports::exportToFile (the report page's path too) into --output
// (owner-only) or, through a private temporary file, to standard output. An unmasked export is audited
// (with its number of rows) before the file is moved into place: not audited, nothing written.
int run(Context &ctx, const QStringList &args) {
    ExportRequest req;
    if (auto exit = parseRequest(ctx, args, req))
        return *exit;
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    const Clock &clock = SystemClock::instance();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, clock, &keychain);
    std::optional<storage::User> supervisor;
    if (req.unmasked) {
        if (auto exit = checkSupervisor(ctx, *db, clock, audit, req.user, supervisor))
            return *exit;
    }
    QTemporaryDir tmp(QDir::tempPath() + u"/windowdeskctl-XXXXXX"_s);
    if (req.output.isEmpty() && !tmp.isValid()) {
        ctx.printError(u"export: cannot write a temporary file"_s);
        return ExitCannotWrite;
    }
    const QString file = req.output.isEmpty() ? tmp.filePath(u"export"_s) : req.output;
    bool auditFailed = false;
    const auto beforeCommit = [&](qint64 rows) -> Status {
        if (!supervisor)
            return {};
        const Status st =
            audit.append({supervisor->id, u"export_unmasked"_s, reports::exportKindName(req.kind),
                          QJsonObject{{u"from"_s, req.from.toString(Qt::ISODate)},
                                      {u"to"_s, req.to.toString(Qt::ISODate)},
                                      {u"format"_s, req.format},
                                      {u"rows"_s, rows}}});
        auditFailed = !st.ok();
        return st;
    };
    const auto rows = reports::exportToFile(
        reports::Exporter(*db, clock), req.kind, req.from, req.to, req.unmasked,
        req.format == u"xlsx"_s ? reports::ExportFormat::Xlsx : reports::ExportFormat::Csv, file,
        beforeCommit);
    if (!rows.ok()) {
        if (auditFailed) {
            ctx.printError(u"export: not audited, nothing written: "_s + rows.error().message);
            return ctx.finish(ExitDamaged);
        }
        ctx.printError(u"export: "_s + rows.error().message);
        if (rows.error().code == u"cannot_write"_s || rows.error().code == u"xlsx_failed"_s)
            return ExitCannotWrite;
        // No keychain (or not this database's key): as `login` without a keychain (cli.md), exit 5.
        if (rows.error().code == u"personal_data_locked"_s)
            return ExitPlatform;
        return ctx.finish(ExitDamaged);
    }
    if (req.output.isEmpty())
        return copyToStdout(file) ? ExitOk : ExitCannotWrite;
    QFile::setPermissions(req.output, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    ctx.printError(u"export: %1 rows written to %2"_s.arg(rows.value()).arg(req.output));
    return ExitOk;
}

const CommandRegistrar reg{
    {"export",
     "export cases|queue|evaluations --from DATE --to DATE [--format csv|xlsx] [--output "
     "FILE] [--unmasked --user NAME --password-stdin]",
     &run}};

} // namespace
} // namespace windowdesk::cli
