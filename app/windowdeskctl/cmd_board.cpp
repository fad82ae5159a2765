// `windowdeskctl board [--at DATETIME] [--by window|department] [--k N] [--json]` (cli.md): the hall's
// overdue board from the local cache, computed by the same code as the supervision page
// (cases::OverdueBoard over cases::CaseRepository).
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/cases/overdueboard.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

const QString kUsage = u"usage: board [--at DATETIME] [--by window|department] [--k N] [--json]"_s;

QJsonObject countsJson(const cases::BoardCounts &c) {
    return QJsonObject{{u"open"_s, c.open},
                       {u"warning"_s, c.warning},
                       {u"yellow"_s, c.yellow},
                       {u"red"_s, c.red},
                       {u"followup_missing"_s, c.followupMissing},
                       {u"calendar_missing"_s, c.calendarMissing}};
}

QString countsText(const cases::BoardCounts &c) {
    return u"%1 %2 %3 %4 %5 %6"_s.arg(c.open, 6)
        .arg(c.warning, 6)
        .arg(c.yellow, 6)
        .arg(c.red, 6)
        .arg(c.followupMissing, 8)
        .arg(c.calendarMissing, 8);
}

int run(Context &ctx, const QStringList &args) {
    // --json is a flag; the other options take a value.
    QStringList rest = args;
    const bool json = rest.removeAll(u"--json"_s) > 0;
    rules::ParsedArgs a;
    if (!rules::parseArgs(ctx, rest, {u"--at"_s, u"--by"_s, u"--k"_s}, {}, a))
        return ExitUsage;
    if (!a.positional.isEmpty())
        return ctx.usage(u"board: unexpected argument %1\n"_s.arg(a.positional.first()) + kUsage);
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (a.options.contains(u"--at"_s)) {
        at = rules::parseMoment(a.options.value(u"--at"_s));
        if (!at.isValid())
            return ctx.usage(
                u"board: --at %1 is not an ISO 8601 date and time"_s.arg(a.options.value(u"--at"_s)));
    }
    cases::BoardGrouping by = cases::BoardGrouping::Window;
    if (a.options.contains(u"--by"_s)) {
        const QString v = a.options.value(u"--by"_s);
        if (v == u"department"_s)
            by = cases::BoardGrouping::Department;
        else if (v != u"window"_s)
            return ctx.usage(u"board: --by must be window or department\n"_s + kUsage);
    }
    std::optional<int> k;
    if (a.options.contains(u"--k"_s)) {
        k = rules::parseCount(a.options.value(u"--k"_s), 0, 3650);
        if (!k)
            return ctx.usage(u"board: --k must be a whole number from 0 to 3650"_s);
    }

    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    int exitCode = ExitOk;
    const auto cal = rules::loadCalendars(ctx, QString(), exitCode);
    if (!cal)
        return exitCode;
    const cases::CaseRepository repo(*db);
    auto settings = repo.cardSettings();
    if (!settings.ok()) {
        ctx.printError(u"board: "_s + settings.error().message);
        return ExitDamaged;
    }
    if (k)
        settings->yellowToRedWorkingDays = *k;
    const auto board = cases::OverdueBoard::compute(repo, at, by, *cal, *settings);
    if (!board.ok()) {
        ctx.printError(u"board: "_s + board.error().message);
        return ExitDamaged;
    }
    const QString atText = at.toTimeZone(Clock::chinaStandardTime()).toString(Qt::ISODate);
    if (json) {
        QJsonObject o = countsJson(board->total);
        o.insert(u"at"_s, atText);
        QJsonArray rows;
        for (const cases::BoardRow &r : board->rows) {
            QJsonObject row = countsJson(r.counts);
            row.insert(u"key"_s, r.key ? QJsonValue(*r.key) : QJsonValue(QJsonValue::Null));
            rows.append(row);
        }
        o.insert(u"rows"_s, rows);
        ctx.printJson(o);
        return ExitOk;
    }
    QString text = u"overdue board at %1 (K = %2)\n"_s.arg(atText).arg(settings->yellowToRedWorkingDays);
    const QString keyTitle = by == cases::BoardGrouping::Window ? u"window"_s : u"department"_s;
    text += u"%1 %2\n"_s.arg(keyTitle, -24).arg(u"  open warning yellow    red followup calendar"_s);
    for (const cases::BoardRow &r : board->rows)
        text += u"%1 %2\n"_s.arg(r.key.value_or(u"(none)"_s), -24).arg(countsText(r.counts));
    text += u"%1 %2\n"_s.arg(u"total"_s, -24).arg(countsText(board->total));
    ctx.printText(text);
    return ExitOk;
}

const CommandRegistrar reg{
    {"board", "the hall's overdue board from the local cache (JSON with --json)", &run}};
} // namespace
} // namespace windowdesk::cli
