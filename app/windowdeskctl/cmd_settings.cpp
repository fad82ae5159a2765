// `windowdeskctl settings get [KEY]` / `settings set KEY VALUE` (cli.md): hall IT on the machine reads and
// changes the hall settings through storage::SettingsRepository, the rule the Settings dialog uses (same
// validation, same settings_changed audit row; configuring a platform closes the local accounts there too).
// `windowdeskctl users reopen-local`: the explicit admin action that lets the demo users and local-only
// accounts log in again after a platform was configured (audited).
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/userrepository.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

// Hall IT at the machine: the audit rows name the command and the system account that ran it.
QString actorId() {
    QString who = qEnvironmentVariable("USER");
    if (who.isEmpty())
        who = qEnvironmentVariable("USERNAME");
    return u"windowdeskctl:"_s + (who.isEmpty() ? u"unknown"_s : who);
}

int get(Context &ctx, const QStringList &args) {
    if (args.size() > 1)
        return ctx.usage(u"usage: windowdeskctl settings get [KEY]"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    auto all = storage::SettingsRepository(*db, SystemClock::instance()).all();
    if (!all.ok()) {
        ctx.printError(all.error().message);
        return ExitDamaged;
    }
    if (args.isEmpty()) {
        QJsonObject o;
        for (auto it = all->cbegin(); it != all->cend(); ++it)
            o.insert(it.key(), it.value());
        ctx.printJson({{u"settings"_s, o}});
        return ExitOk;
    }
    const QString key = args.first();
    if (!storage::knownSettingKeys().contains(key) && !all->contains(key))
        return ctx.usage(
            u"unknown setting %1 (known: %2)"_s.arg(key, storage::knownSettingKeys().join(u", "_s)));
    ctx.printJson(
        {{u"key"_s, key}, {u"value"_s, all->contains(key) ? QJsonValue(all->value(key)) : QJsonValue()}});
    return ExitOk;
}

int set(Context &ctx, const QStringList &args) {
    if (args.size() != 2)
        return ctx.usage(u"usage: windowdeskctl settings set KEY VALUE"_s);
    const QString key = args.at(0), value = args.at(1);
    if (!storage::knownSettingKeys().contains(key))
        return ctx.usage(
            u"unknown setting %1 (known: %2)"_s.arg(key, storage::knownSettingKeys().join(u", "_s)));
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    storage::SettingsRepository settings(*db, SystemClock::instance(), &audit);
    const QString before = settings.all().ok() ? settings.all()->value(key) : QString();
    const Status st = settings.apply({actorId(), true}, {{key, value}});
    if (!st.ok()) {
        ctx.printJson({{u"ok"_s, false},
                       {u"key"_s, key},
                       {u"error"_s, st.error().code},
                       {u"message"_s, st.error().message}});
        ctx.printError(u"设置未保存 / setting not saved: "_s + st.error().message);
        const bool refused = st.error().code == u"invalid_url" || st.error().code == u"insecure_url" ||
                             st.error().code.startsWith(u"ca_"_s) || st.error().code == u"invalid_value";
        return refused ? ExitCheckFailed : ExitDamaged;
    }
    ctx.printJson({{u"ok"_s, true}, {u"key"_s, key}, {u"value"_s, value}, {u"changed"_s, before != value}});
    return ExitOk;
}

int settingsCmd(Context &ctx, const QStringList &args) {
    if (args.value(0) == u"get")
        return get(ctx, args.mid(1));
    if (args.value(0) == u"set")
        return set(ctx, args.mid(1));
    return ctx.usage(u"usage: windowdeskctl settings get [KEY] | settings set KEY VALUE"_s);
}

int usersCmd(Context &ctx, const QStringList &args) {
    if (args != QStringList{u"reopen-local"_s})
        return ctx.usage(u"usage: windowdeskctl users reopen-local"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    auto r = storage::UserRepository(*db, SystemClock::instance(), &audit).reopenLocalAccounts(actorId());
    if (!r.ok()) {
        ctx.printError(r.error().message);
        return ExitDamaged;
    }
    ctx.printJson(
        {{u"local_login"_s, u"on"_s}, {u"demo_users_enabled"_s, QJsonArray::fromStringList(r.value())}});
    ctx.printError(
        u"本机账户（演示账户、从未在线登录的账户）可再次登录；此操作已记入审计日志。 / Local accounts "
        u"(demo users, accounts that never logged in online) may log in again; audited."_s);
    return ExitOk;
}

const CommandRegistrar regSettings{
    {"settings",
     "settings get [KEY] | settings set KEY VALUE: read or change a hall setting (validated, audited; exit 3 "
     "when refused)",
     &settingsCmd}};
const CommandRegistrar regUsers{
    {"users",
     "users reopen-local: let demo and local-only accounts log in again after a platform was set "
     "(admin action, audited)",
     &usersCmd}};

} // namespace
} // namespace windowdesk::cli
