// windowdeskctl — the administration command (cli.md). Common options come before the command.
#include "cli.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <windowdesk/cases/syncappliers.h>

using namespace windowdesk;
using namespace windowdesk::cli;

namespace {
int help(Context &ctx) {
    QString text =
        QStringLiteral("usage: windowdeskctl [--db FILE] [--platform URL] COMMAND [ARGS]\n\ncommands:\n");
    for (const Command &c : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name), -10)
                    .arg(QString::fromUtf8(c.summary));
    // cli.md, "Output and exit status" (tests/ctl/tst_ctl_help checks that each code is here).
    text += QStringLiteral(
        "\nexit status:\n"
        "  0  success\n"
        "  2  usage error: bad option, unreadable or invalid input file; a file that is not a WindowDesk\n"
        "     database (SQLite or not) is refused untouched\n"
        "  3  a check said no: invalid number, rejected payload, missing calendar\n"
        "  4  the database is damaged (copied aside, never deleted) or its audit chain is broken\n"
        "  5  the platform could not be reached, refused, or work remains after a sync\n"
        "  6  the database cannot be written now: locked by another program beyond the busy wait (30 s),\n"
        "     or read-only\n"
        "\nenvironment:\n"
        "  WINDOWDESK_DB              the database when --db is not given\n"
        "  WINDOWDESK_PLATFORM        the platform URL when --platform is not given\n"
        "  WINDOWDESK_BUSY_TIMEOUT_MS the busy wait in milliseconds instead of 30000 (for tests)\n");
    ctx.printText(text.trimmed());
    return ExitOk;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("WindowDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("WindowDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WINDOWDESK_VERSION));
    // What sync's answers and pulled changes do to cases and evaluations is the cases module's rule.
    cases::registerSyncAppliers();

    // A name Qt cannot hold as given (bytes that are not UTF-8) would become U+FFFD and open or create a
    // different file: refused, never guessed (cli.md: usage error).
    for (int i = 1; i < argc; ++i) {
        const QByteArray raw(argv[i]);
        if (QString::fromLocal8Bit(raw).toLocal8Bit() != raw) {
            Context plain;
            return plain.usage(QStringLiteral("argument %1 is not valid UTF-8 text; nothing was opened / "
                                              "第 %1 个参数不是有效的 UTF-8 文本，未打开任何文件")
                                   .arg(i));
        }
    }
    for (const char *name : {"WINDOWDESK_DB", "WINDOWDESK_PLATFORM"}) {
        const QByteArray raw = qgetenv(name);
        if (QString::fromLocal8Bit(raw).toLocal8Bit() != raw) {
            Context plain;
            return plain.usage(QStringLiteral("%1 is not valid UTF-8 text; nothing was opened / "
                                              "环境变量 %1 不是有效的 UTF-8 文本，未打开任何文件")
                                   .arg(QLatin1String(name)));
        }
    }

    Context ctx;
    const auto env = QProcessEnvironment::systemEnvironment();
    ctx.dbPath = storage::Database::defaultPath();
    ctx.platformUrl = env.value(QStringLiteral("WINDOWDESK_PLATFORM"));
    // Tests only (documented in --help): a short busy wait so that a held lock is judged quickly.
    if (const QString wait = env.value(QStringLiteral("WINDOWDESK_BUSY_TIMEOUT_MS")); !wait.isEmpty()) {
        bool ok = false;
        const int ms = wait.toInt(&ok);
        if (!ok || ms < 0)
            return ctx.usage(
                QStringLiteral("WINDOWDESK_BUSY_TIMEOUT_MS must be a whole number of milliseconds"));
        ctx.busyTimeoutMs = ms;
    }

    QStringList args = app.arguments().mid(1);
    while (!args.isEmpty() && args.first().startsWith(u"--")) {
        const QString opt = args.takeFirst();
        if (opt == u"--help")
            return help(ctx);
        if (opt == u"--db" || opt == u"--platform") {
            if (args.isEmpty())
                return ctx.usage(QStringLiteral("%1 needs a value").arg(opt));
            (opt == u"--db" ? ctx.dbPath : ctx.platformUrl) = args.takeFirst();
        } else if (opt.startsWith(u"--db=")) {
            ctx.dbPath = opt.mid(5);
        } else if (opt.startsWith(u"--platform=")) {
            ctx.platformUrl = opt.mid(11);
        } else {
            return ctx.usage(QStringLiteral("unknown option %1").arg(opt));
        }
    }
    if (args.isEmpty() || args.first() == u"help")
        return args.isEmpty() ? (help(ctx), ExitUsage) : help(ctx);

    const QString name = args.takeFirst();
    for (const Command &c : commands()) {
        if (name == QLatin1String(c.name))
            return ctx.finish(c.fn(ctx, args));
    }
    return ctx.usage(QStringLiteral("unknown command %1 (see windowdeskctl help)").arg(name));
}
