// `windowdeskctl report --from DATE --to DATE [--by window|clerk|category|hour] [--json]` (cli.md): the
// period report of the queue and the cases over [from, to) in CST, computed by reports::PeriodReportEngine —
// the same code as the report page.
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/reports/periodreport.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

const QString kUsage = u"usage: report --from DATE --to DATE [--by window|clerk|category|hour] [--json]"_s;

QString number(const QJsonValue &v, bool mean) {
    if (v.isNull())
        return u"-"_s;
    return mean ? QString::number(v.toDouble(), 'f', 1) : QString::number(v.toInteger());
}

QString line(const QString &key, const reports::ReportCounts &c) {
    const QJsonObject o = c.toJson();
    QString s = u"%1"_s.arg(key, -16);
    for (const char *f : {"arrived", "called", "served", "no_show", "above_service_level", "avg_wait_s",
                          "max_wait_s", "avg_service_s", "max_service_s", "accepted", "correction_required",
                          "rejected", "evaluated", "bad_evaluations"})
        s += u" %1"_s.arg(number(o.value(QString::fromLatin1(f)), qstrncmp(f, "avg", 3) == 0), 9);
    return s + u"\n"_s;
}

int run(Context &ctx, const QStringList &args) {
    QStringList rest = args;
    const bool json = rest.removeAll(u"--json"_s) > 0;
    rules::ParsedArgs a;
    if (!rules::parseArgs(ctx, rest, {u"--from"_s, u"--to"_s, u"--by"_s}, {}, a))
        return ExitUsage;
    if (!a.positional.isEmpty())
        return ctx.usage(u"report: unexpected argument %1\n"_s.arg(a.positional.first()) + kUsage);
    if (!a.options.contains(u"--from"_s) || !a.options.contains(u"--to"_s))
        return ctx.usage(u"report: --from and --to are required\n"_s + kUsage);
    const QDate from = rules::parseDate(a.options.value(u"--from"_s));
    const QDate to = rules::parseDate(a.options.value(u"--to"_s));
    if (!from.isValid())
        return ctx.usage(u"report: --from %1 is not a date (YYYY-MM-DD) / 开始日期无效"_s.arg(
            a.options.value(u"--from"_s)));
    if (!to.isValid())
        return ctx.usage(
            u"report: --to %1 is not a date (YYYY-MM-DD) / 结束日期无效"_s.arg(a.options.value(u"--to"_s)));
    if (from >= to)
        return ctx.usage(
            u"report: --from must be before --to (the period is [from, to)) / 开始日期须早于结束日期"_s);
    reports::ReportGrouping by = reports::ReportGrouping::Window;
    if (a.options.contains(u"--by"_s)) {
        const auto g = reports::groupingFromName(a.options.value(u"--by"_s));
        if (!g)
            return ctx.usage(u"report: --by must be window, clerk, category or hour\n"_s + kUsage);
        by = *g;
    }

    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    const auto report = reports::PeriodReportEngine(*db).compute(from, to, by);
    if (!report.ok()) {
        ctx.printError(u"report: "_s + report.error().message);
        return ctx.finish(ExitDamaged);
    }
    if (json) {
        ctx.printJson(report->toJson());
        return ExitOk;
    }
    QString text = u"report %1 .. %2 (to exclusive, CST) by %3, service level %4 s\n"_s
                       .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), reports::groupingName(by))
                       .arg(report->serviceLevelS);
    QString head = u"%1"_s.arg(reports::groupingName(by), -16);
    for (const char *h : {"arrived", "called", "served", "no_show", "above_sl", "avg_wait", "max_wait",
                          "avg_svc", "max_svc", "accepted", "correct", "rejected", "evaluated", "bad_eval"})
        head += u" %1"_s.arg(QString::fromLatin1(h), 9);
    text += head + u"\n"_s;
    for (const reports::ReportRow &r : report->rows)
        text += line(r.key.value_or(u"(none)"_s), r.counts);
    text += line(u"total"_s, report->total);
    ctx.printText(text);
    return ExitOk;
}

const CommandRegistrar reg{
    {"report",
     "report --from DATE --to DATE [--by window|clerk|category|hour] [--json]: the period "
     "report of the queue and the cases",
     &run}};

} // namespace
} // namespace windowdesk::cli
