// `windowdeskctl login --user NAME [--password-stdin]` (cli.md): tokens kept in the system keychain only.
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/syncworker.h>

#include <QProcessEnvironment>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

QString readPasswordLine() {
    QTextStream in(stdin);
    QString line = in.readLine();
    while (line.endsWith(u'\r') || line.endsWith(u'\n'))
        line.chop(1);
    return line;
}

int login(Context &ctx, const QStringList &args) {
    QString user;
    bool passwordStdin = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--user" && i + 1 < args.size())
            user = args.at(++i);
        else if (args.at(i) == u"--password-stdin")
            passwordStdin = true;
        else
            return ctx.usage(u"usage: login --user NAME [--password-stdin]"_s);
    }
    if (user.isEmpty())
        return ctx.usage(u"usage: login --user NAME [--password-stdin]"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    auto config = sync::loadSyncConfig(*db, ctx.platformUrl);
    if (!config.ok()) {
        ctx.printError(config.error().message);
        return config.error().code == u"platform_not_configured"_s ? ExitPlatform : ExitUsage;
    }
    if (!passwordStdin)
        ctx.printError(u"password: "_s);
    const QString password = readPasswordLine();
    if (password.isEmpty())
        return ctx.usage(u"login: empty password"_s);
    const QString service =
        QProcessEnvironment::systemEnvironment().value(u"WINDOWDESK_KEYCHAIN_SERVICE"_s, u"WindowDesk"_s);
    sync::SyncWorker worker(*db, config.value(), SystemClock::instance(), service);
    const sync::LoginOutcome o = worker.loginAndWait(user, password, true);
    if (!o.status.ok()) {
        ctx.printError(u"login refused: %1 (%2)"_s.arg(o.status.error().code, o.status.error().message));
        return ExitPlatform;
    }
    // The platform named on the command line becomes the hall's when none is set: a setting like any
    // other (validated, audited, a real platform closes the local accounts).
    const QString urlKey = QString::fromLatin1(storage::settingkey::platformUrl);
    const auto stored = storage::SettingsRepository(*db, SystemClock::instance()).value(urlKey);
    if (!ctx.platformUrl.isEmpty() && stored.ok() && stored->isEmpty()) {
        storage::KeychainSecretStore keychain;
        storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
        const Status st = storage::SettingsRepository(*db, SystemClock::instance(), &audit)
                              .apply({u"windowdeskctl:login"_s, true}, {{urlKey, ctx.platformUrl.trimmed()}});
        if (!st.ok())
            ctx.printError(u"the platform address was not stored: "_s + st.error().message);
    }
    if (!o.keychainStored) {
        ctx.printError(
            u"no system keychain is available: the tokens were NOT stored (nothing is written to disk). "
            u"Use `sync --user NAME --password-stdin` to sync without a keychain. (%1)"_s.arg(
                o.keychainMessage));
        return ExitPlatform;
    }
    ctx.printText(u"logged in as %1 (%2, window %3); tokens stored in the system keychain"_s.arg(
        user, o.user.value(u"hall_name"_s).toString(), o.user.value(u"window_no"_s).toString()));
    return ExitOk;
}

const CommandRegistrar reg{
    {"login", "log in to the platform and keep the tokens in the system keychain", &login}};

} // namespace
} // namespace windowdesk::cli
