// `windowdeskctl calendar due DATE DAYS [--calendar FILE]`: a due date in working days (cli.md).
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/core/duedate.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

int due(Context &ctx, const QStringList &args) {
    rules::ParsedArgs a;
    if (!rules::parseArgs(ctx, args, {u"--calendar"_s}, {}, a))
        return ExitUsage;
    if (a.positional.size() != 2)
        return ctx.usage(u"usage: calendar due DATE DAYS [--calendar FILE]"_s);
    const QDate date = rules::parseDate(a.positional.at(0));
    if (!date.isValid())
        return ctx.usage(u"calendar due: %1 is not a date (YYYY-MM-DD)"_s.arg(a.positional.at(0)));
    const auto days = rules::parseCount(a.positional.at(1), 0, 3650);
    if (!days)
        return ctx.usage(
            u"calendar due: DAYS must be a whole number from 0 to 3650, not %1"_s.arg(a.positional.at(1)));
    int exitCode = ExitOk;
    const auto cal = rules::loadCalendars(ctx, a.options.value(u"--calendar"_s), exitCode);
    if (!cal)
        return exitCode;
    const auto r = core::dueDate(date, *days, *cal);
    if (!r) {
        if (const int code = rules::reportCalendarMissing(ctx, r.error()); code >= 0)
            return code;
        return ctx.usage(r.error().message);
    }
    ctx.printJson(
        QJsonObject{{u"due_date"_s, r->date.toString(Qt::ISODate)}, {u"provisional"_s, r->provisional}});
    return ExitOk;
}

int run(Context &ctx, const QStringList &args) {
    if (!args.isEmpty() && args.first() == u"due")
        return due(ctx, args.mid(1));
    return ctx.usage(u"usage: calendar due DATE DAYS [--calendar FILE]"_s);
}

const CommandRegistrar reg{{"calendar", "due date of a case in working days: calendar due DATE DAYS", &run}};
} // namespace
} // namespace windowdesk::cli
