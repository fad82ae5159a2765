// `windowdeskctl seed demo-cases --count N [--days D]` (cli.md): synthetic cases entering the outbox.
#include "cli.h"

#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/cases/dutyseeder.h>
#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/sync/syncconfig.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

// --hall: several windows and clerks, back-office statuses and suspensions, evaluations with 差评. Its cases
// are audited like the plain seeder's (case_seeded by this user, anchored with the keychain's key).
int seedHall(Context &ctx, storage::Database &db, const cases::SeedOptions &o, storage::AuditLog &audit) {
    cases::HallSeedOptions hall{o.count, o.days, o.seed};
    hall.actorId = o.actorId;
    auto r = cases::HallSeeder(db, SystemClock::instance(), &audit).seed(hall);
    if (!r.ok()) {
        ctx.printError(r.error().message);
        return ExitDamaged;
    }
    // The hall duties (issue 16): 办不成事 requests through the window's own service and outbox.
    auto duties = cases::DutySeeder(db, SystemClock::instance(), &audit).seed(o.days);
    if (!duties.ok()) {
        ctx.printError(duties.error().message);
        return ExitDamaged;
    }
    ctx.printJson(QJsonObject{{u"created"_s, r->cases},
                              {u"windows"_s, r->windows},
                              {u"in_progress"_s, r->inProgress},
                              {u"suspended"_s, r->suspended},
                              {u"finished"_s, r->finished},
                              {u"evaluations"_s, r->evaluations},
                              {u"bad_evaluations"_s, r->badEvaluations},
                              {u"tickets"_s, r->tickets},
                              {u"ticket_events"_s, r->ticketEvents},
                              {u"catalog_loaded"_s, r->catalogLoaded},
                              {u"unresolved_requests"_s, duties->unresolvedRequests},
                              {u"commitment_checks"_s, duties->commitmentChecks},
                              {u"cross_province_receipts"_s, r->crossProvinceReceipts},
                              {u"cross_province_forwarded"_s, r->crossProvinceForwarded}});
    return ExitOk;
}

int seed(Context &ctx, const QStringList &args) {
    const QString use = u"usage: seed demo-cases [--hall] --count N [--days D]"_s;
    if (args.value(0) != u"demo-cases")
        return ctx.usage(use);
    cases::SeedOptions o;
    bool haveCount = false;
    bool hall = false; // --hall: the whole demo hall (cases::HallSeeder)
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = false;
        if (args.at(i) == u"--hall") {
            hall = true;
        } else if (args.at(i) == u"--count" && i + 1 < args.size()) {
            o.count = args.at(++i).toInt(&ok);
            haveCount = ok && o.count >= 1 && o.count <= 1000000;
            if (!haveCount)
                return ctx.usage(use);
        } else if (args.at(i) == u"--days" && i + 1 < args.size()) {
            o.days = args.at(++i).toInt(&ok);
            if (!ok || o.days < 1 || o.days > 3650)
                return ctx.usage(use);
        } else {
            return ctx.usage(use);
        }
    }
    if (!haveCount)
        return ctx.usage(use);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    // Synthetic cases must never reach a real platform: only loopback (the simulator) or none.
    const QString url = ctx.platformUrl.isEmpty()
                            ? storage::SettingsRepository(*db, SystemClock::instance())
                                  .value(QString::fromLatin1(storage::settingkey::platformUrl))
                                  .value()
                            : ctx.platformUrl;
    if (!url.isEmpty() && !storage::isLoopbackHost(QUrl(url).host())) {
        ctx.printError(
            u"seed demo-cases: refused, a non-loopback platform is configured (%1)"_s.arg(QUrl(url).host()));
        return ExitUsage;
    }
    // Audited like any case (case_seeded rows), anchored with the keychain's key when there is one.
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    QString who = qEnvironmentVariable("USER");
    o.actorId = u"windowdeskctl:"_s + (who.isEmpty() ? u"unknown"_s : who);
    if (hall)
        return seedHall(ctx, *db, o, audit);
    auto r = cases::DemoCaseSeeder(*db, SystemClock::instance(), &audit).seed(o);
    if (!r.ok()) {
        ctx.printError(r.error().message);
        return ExitDamaged;
    }
    ctx.printJson(QJsonObject{{u"created"_s, r->cases},
                              {u"accepted"_s, r->accepted},
                              {u"correction_required"_s, r->correctionRequired},
                              {u"catalog_loaded"_s, r->catalogLoaded}});
    return ExitOk;
}

const CommandRegistrar reg{
    {"seed", "seed demo-cases [--hall] --count N [--days D]: synthetic cases for demos", &seed}};

} // namespace
} // namespace windowdesk::cli
