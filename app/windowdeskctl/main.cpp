// windowdeskctl — the administration command (cli.md). Common options come before the command.
#include "cli.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

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
    ctx.printText(text.trimmed());
    return ExitOk;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("WindowDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("WindowDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WINDOWDESK_VERSION));

    Context ctx;
    const auto env = QProcessEnvironment::systemEnvironment();
    ctx.dbPath = storage::Database::defaultPath();
    ctx.platformUrl = env.value(QStringLiteral("WINDOWDESK_PLATFORM"));

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
            return c.fn(ctx, args);
    }
    return ctx.usage(QStringLiteral("unknown command %1 (see windowdeskctl help)").arg(name));
}
