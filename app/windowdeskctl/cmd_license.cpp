// `windowdeskctl license verify [--keys FILE] [--now UNIX_SECONDS] [--db FILE] [PAYLOAD | -]`
// (elicense-qr.md) and `windowdeskctl license demo [--index N] [--now UNIX_SECONDS]` (a fresh payload signed
// by the demo key).
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/replaystore.h>

#include <QFile>
#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

using namespace windowdesk::license;

// "--opt VALUE" or "--opt=VALUE"; false with a usage message when the value is missing.
bool takeValue(const QString &arg, const QString &name, QStringList &rest, std::optional<QString> &out,
               bool &error) {
    if (arg == name) {
        if (rest.isEmpty()) {
            error = true;
            return true;
        }
        out = rest.takeFirst();
        return true;
    }
    if (arg.startsWith(name + u'=')) {
        out = arg.mid(name.size() + 1);
        return true;
    }
    return false;
}

std::optional<qint64> parseSeconds(const QString &s) {
    bool ok = false;
    const qint64 v = s.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

int verify(Context &ctx, QStringList args) {
    std::optional<QString> keysFile, now, db, payloadArg;
    bool optionsEnded = false;
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        if (!optionsEnded && a == u"--") {
            optionsEnded = true;
            continue;
        }
        if (!optionsEnded && a.startsWith(u"--")) {
            bool missing = false;
            if (takeValue(a, u"--keys"_s, args, keysFile, missing) ||
                takeValue(a, u"--now"_s, args, now, missing) || takeValue(a, u"--db"_s, args, db, missing)) {
                if (missing)
                    return ctx.usage(u"%1 needs a value"_s.arg(a));
                continue;
            }
            return ctx.usage(u"license verify: unknown option %1"_s.arg(a));
        }
        if (payloadArg)
            return ctx.usage(u"license verify: one PAYLOAD at most (or - for standard input)"_s);
        payloadArg = a;
    }

    std::optional<FixedClock> fixed;
    if (now) {
        const auto secs = parseSeconds(*now);
        if (!secs)
            return ctx.usage(u"--now wants Unix seconds, not %1"_s.arg(*now));
        fixed.emplace(QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc()));
    }
    const Clock &clock = fixed ? static_cast<const Clock &>(*fixed) : SystemClock::instance();

    // Keys: a file in the GET /keys format, else the set cached in the client database.
    std::optional<KeySet> keys;
    if (keysFile) {
        QFile f(*keysFile);
        if (!f.open(QIODevice::ReadOnly))
            return ctx.usage(u"cannot read key file %1: %2"_s.arg(*keysFile, f.errorString()));
        auto parsed = KeySet::fromJson(f.readAll(), u"file"_s);
        if (!parsed.ok())
            return ctx.usage(
                u"key file %1: %2 (%3)"_s.arg(*keysFile, parsed.error().message, parsed.error().code));
        keys = std::move(parsed).value();
    }

    // The payload is read before the database is opened: a usage error must not create files.
    QByteArray payload;
    if (!payloadArg || *payloadArg == u"-") {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return ctx.usage(u"cannot read standard input"_s);
        payload = in.readAll(); // bytes as they are: the verifier trims and judges them
    } else {
        payload = payloadArg->toUtf8();
    }

    if (db)
        ctx.dbPath = *db;
    storage::Database *database = ctx.database();
    if (!database)
        return ctx.databaseExitCode();
    if (!keys) {
        auto cached = LicenseKeyRepository(*database).load();
        if (!cached.ok()) {
            ctx.printError(u"windowdeskctl: cached license keys unusable: %1"_s.arg(cached.error().message));
            return ExitDamaged;
        }
        keys = std::move(cached).value();
    }

    SqlReplayStore replay(*database);
    El1Verifier verifier(*keys, replay, clock);
    auto result = verifier.verify(payload);
    if (!result.ok()) {
        ctx.printError(u"windowdeskctl: replay records unusable: %1"_s.arg(result.error().message));
        return ExitDamaged;
    }
    ctx.printJson(result->toJson());
    return result->ok() ? ExitOk : ExitCheckFailed;
}

int demo(Context &ctx, QStringList args) {
    std::optional<QString> index, now;
    while (!args.isEmpty()) {
        const QString a = args.takeFirst();
        bool missing = false;
        if (takeValue(a, u"--index"_s, args, index, missing) ||
            takeValue(a, u"--now"_s, args, now, missing)) {
            if (missing)
                return ctx.usage(u"%1 needs a value"_s.arg(a));
            continue;
        }
        return ctx.usage(u"license demo: unknown argument %1"_s.arg(a));
    }
    std::optional<FixedClock> fixed;
    if (now) {
        const auto secs = parseSeconds(*now);
        if (!secs)
            return ctx.usage(u"--now wants Unix seconds, not %1"_s.arg(*now));
        fixed.emplace(QDateTime::fromSecsSinceEpoch(*secs, QTimeZone::utc()));
    }
    const Clock &clock = fixed ? static_cast<const Clock &>(*fixed) : SystemClock::instance();
    bool ok = true;
    const int i = index ? index->toInt(&ok) : 0;
    if (!ok || i < 0 || i >= DemoLicenses::licenses().size())
        return ctx.usage(u"--index wants 0..%1"_s.arg(DemoLicenses::licenses().size() - 1));
    auto payload = DemoLicenses::freshPayload(i, clock);
    if (!payload.ok()) {
        ctx.printError(payload.error().message);
        return ExitUsage;
    }
    ctx.printText(QString::fromLatin1(payload.value()));
    return ExitOk;
}

int run(Context &ctx, const QStringList &args) {
    if (args.isEmpty())
        return ctx.usage(
            u"usage: windowdeskctl license verify [--keys FILE] [--now UNIX_SECONDS] [--db FILE]"
            u" [PAYLOAD | -]\n       windowdeskctl license demo [--index N] [--now UNIX_SECONDS]"_s);
    const QString sub = args.first();
    if (sub == u"verify")
        return verify(ctx, args.mid(1));
    if (sub == u"demo")
        return demo(ctx, args.mid(1));
    return ctx.usage(u"license: unknown subcommand %1 (verify, demo)"_s.arg(sub));
}

const CommandRegistrar reg{{"license", "verify an e-license QR payload (EL1); make a demo payload", &run}};
} // namespace
} // namespace windowdesk::cli
