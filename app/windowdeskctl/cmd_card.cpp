// `windowdeskctl card ...`: the red/yellow card of a case at a moment (cli.md, domain rules).
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/core/cardcolour.h>
#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

const QString kUsage = u"usage: card --accepted DATE --promised N --legal M --at DATETIME [--status S] "
                       u"[--suspended FROM..TO]... [--k N] [--calendar FILE]"_s;

int run(Context &ctx, const QStringList &args) {
    rules::ParsedArgs a;
    const QStringList known{u"--accepted"_s, u"--promised"_s,  u"--legal"_s,    u"--at"_s,
                            u"--status"_s,   u"--suspended"_s, u"--calendar"_s, u"--k"_s};
    if (!rules::parseArgs(ctx, args, known, {u"--suspended"_s}, a))
        return ExitUsage;
    if (!a.positional.isEmpty())
        return ctx.usage(u"card: unexpected argument %1\n"_s.arg(a.positional.first()) + kUsage);
    for (const QString &required : {u"--accepted"_s, u"--promised"_s, u"--legal"_s, u"--at"_s})
        if (!a.options.contains(required))
            return ctx.usage(u"card: %1 is required\n"_s.arg(required) + kUsage);

    core::CardInput in;
    in.acceptedDate = rules::parseDate(a.options.value(u"--accepted"_s));
    if (!in.acceptedDate.isValid())
        return ctx.usage(
            u"card: --accepted %1 is not a date (YYYY-MM-DD)"_s.arg(a.options.value(u"--accepted"_s)));
    const auto promised = rules::parseCount(a.options.value(u"--promised"_s), 0, 3650);
    const auto legal = rules::parseCount(a.options.value(u"--legal"_s), 0, 3650);
    if (!promised || !legal)
        return ctx.usage(u"card: --promised and --legal must be whole numbers from 0 to 3650"_s);
    in.promisedDays = *promised;
    in.legalDays = *legal;
    const QDateTime at = rules::parseMoment(a.options.value(u"--at"_s));
    if (!at.isValid())
        return ctx.usage(u"card: --at %1 is not an ISO 8601 date and time"_s.arg(a.options.value(u"--at"_s)));
    core::CardSettings settings;
    if (a.options.contains(u"--k"_s)) {
        const auto k = rules::parseCount(a.options.value(u"--k"_s), 0, 3650);
        if (!k)
            return ctx.usage(u"card: --k must be a whole number from 0 to 3650"_s);
        settings.yellowToRedWorkingDays = *k;
    }
    in.status = a.options.value(u"--status"_s, u"accepted"_s);
    if (!core::isKnownCaseStatus(in.status))
        return ctx.usage(u"card: unknown status %1"_s.arg(in.status));
    for (const QString &range : a.options.values(u"--suspended"_s)) {
        const qsizetype dots = range.indexOf(u".."_s);
        const QDate from = dots > 0 ? rules::parseDate(range.left(dots)) : QDate();
        const QString toText = dots > 0 ? range.mid(dots + 2) : QString();
        const QDate to = toText.isEmpty() ? QDate() : rules::parseDate(toText);
        if (!from.isValid() || (!toText.isEmpty() && !to.isValid()))
            return ctx.usage(
                u"card: --suspended %1 is not FROM..TO or FROM.. (dates YYYY-MM-DD)"_s.arg(range));
        if (to.isValid() && to < from)
            return ctx.usage(u"card: --suspended %1 ends before it begins"_s.arg(range));
        in.suspensions.append(core::Suspension{from, to});
    }

    int exitCode = ExitOk;
    const auto cal = rules::loadCalendars(ctx, a.options.value(u"--calendar"_s), exitCode);
    if (!cal)
        return exitCode;
    const auto card = core::evaluateCard(in, at, *cal, settings);
    if (!card) {
        if (const int code = rules::reportCalendarMissing(ctx, card.error()); code >= 0)
            return code;
        return ctx.usage(u"card: "_s + card.error().message);
    }
    if (in.status == u"suspended" && !card->suspended)
        return ctx.usage(
            u"card: --status suspended needs a --suspended range that covers the date of --at"_s);
    ctx.printJson(QJsonObject{{u"colour"_s, core::cardColourName(card->colour)},
                              {u"promised_due"_s, card->promisedDue.toString(Qt::ISODate)},
                              {u"legal_due"_s, card->legalDue.toString(Qt::ISODate)},
                              {u"suspended"_s, card->suspended},
                              {u"provisional"_s, card->provisional}});
    return ExitOk;
}

const CommandRegistrar reg{{"card", "red/yellow card of a case at a moment (JSON)", &run}};
} // namespace
} // namespace windowdesk::cli
