#include "periodreport.h"

#include "tickethistory.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QHash>
#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::reports {

namespace {

// Half-up to one decimal of sum / n (non-negative values), in tenths.
qint64 roundedTenths(qint64 sum, qint64 n) {
    return (sum * 20 + n) / (2 * n);
}

QJsonValue tenthsJson(std::optional<qint64> t) {
    if (!t)
        return QJsonValue(QJsonValue::Null);
    if (*t % 10 == 0)
        return QJsonValue(double(*t / 10));
    return QJsonValue(double(*t) / 10.0);
}

void addTicket(ReportCounts &c, const TicketRecord &t, qint64 serviceLevelS) {
    ++c.arrived;
    c.called += t.called ? 1 : 0;
    c.served += t.served ? 1 : 0;
    c.noShow += t.noShow ? 1 : 0;
    if (t.waitS) {
        c.aboveServiceLevel += *t.waitS > serviceLevelS ? 1 : 0;
        c.waitSum += *t.waitS;
        c.waitMax = c.waitCount == 0 ? *t.waitS : std::max(c.waitMax, *t.waitS);
        ++c.waitCount;
    }
    if (t.serviceS) {
        c.serviceSum += *t.serviceS;
        c.serviceMax = c.serviceCount == 0 ? *t.serviceS : std::max(c.serviceMax, *t.serviceS);
        ++c.serviceCount;
    }
}

QString hourKey(qint64 unixS) {
    const qint64 h = ((unixS + 8 * 3600) / 3600) % 24;
    return QString::number(h).rightJustified(2, u'0');
}

class Rows {
public:
    ReportCounts &at(const std::optional<QString> &key) {
        if (!key)
            return m_null;
        return m_rows[*key];
    }
    QList<ReportRow> sorted() const {
        QList<ReportRow> out;
        for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it)
            if (it.value().anyNonZero())
                out.append({it.key(), it.value()});
        // Code-point order: UTF-8 bytes compare as code points do (UTF-16 units would not beyond the BMP).
        std::sort(out.begin(), out.end(),
                  [](const ReportRow &a, const ReportRow &b) { return a.key->toUtf8() < b.key->toUtf8(); });
        if (m_null.anyNonZero())
            out.append({std::nullopt, m_null});
        return out;
    }

private:
    QHash<QString, ReportCounts> m_rows;
    ReportCounts m_null;
};

std::optional<QString> textKey(const QVariant &v) {
    if (v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    return v.toString();
}

} // namespace

QString groupingName(ReportGrouping g) {
    switch (g) {
    case ReportGrouping::Window:
        return u"window"_s;
    case ReportGrouping::Clerk:
        return u"clerk"_s;
    case ReportGrouping::Category:
        return u"category"_s;
    case ReportGrouping::Hour:
        return u"hour"_s;
    }
    return {};
}

std::optional<ReportGrouping> groupingFromName(const QString &name) {
    for (ReportGrouping g :
         {ReportGrouping::Window, ReportGrouping::Clerk, ReportGrouping::Category, ReportGrouping::Hour})
        if (groupingName(g) == name)
            return g;
    return std::nullopt;
}

QString utcTextBound(qint64 unixS) {
    return QDateTime::fromSecsSinceEpoch(unixS, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss"_s);
}

qint64 cstDayStart(const QDate &d) {
    return QDateTime(d, QTime(0, 0), Clock::chinaStandardTime()).toSecsSinceEpoch();
}

std::optional<qint64> ReportCounts::avgWaitTenths() const {
    return waitCount ? std::optional<qint64>(roundedTenths(waitSum, waitCount)) : std::nullopt;
}

std::optional<qint64> ReportCounts::avgServiceTenths() const {
    return serviceCount ? std::optional<qint64>(roundedTenths(serviceSum, serviceCount)) : std::nullopt;
}

bool ReportCounts::anyNonZero() const {
    return arrived || called || served || noShow || aboveServiceLevel || accepted || correctionRequired ||
           rejected || evaluated || badEvaluations;
}

QJsonObject ReportCounts::toJson() const {
    auto maxJson = [](qint64 count, qint64 max) {
        return count ? QJsonValue(max) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{u"arrived"_s, arrived},
                       {u"called"_s, called},
                       {u"served"_s, served},
                       {u"no_show"_s, noShow},
                       {u"above_service_level"_s, aboveServiceLevel},
                       {u"avg_wait_s"_s, tenthsJson(avgWaitTenths())},
                       {u"max_wait_s"_s, maxJson(waitCount, waitMax)},
                       {u"avg_service_s"_s, tenthsJson(avgServiceTenths())},
                       {u"max_service_s"_s, maxJson(serviceCount, serviceMax)},
                       {u"accepted"_s, accepted},
                       {u"correction_required"_s, correctionRequired},
                       {u"rejected"_s, rejected},
                       {u"evaluated"_s, evaluated},
                       {u"bad_evaluations"_s, badEvaluations}};
}

QJsonObject PeriodReport::toJson() const {
    QJsonArray rowsJson;
    for (const ReportRow &r : rows) {
        QJsonObject o = r.counts.toJson();
        o.insert(u"key"_s, r.key ? QJsonValue(*r.key) : QJsonValue(QJsonValue::Null));
        rowsJson.append(o);
    }
    return QJsonObject{{u"from"_s, from.toString(Qt::ISODate)},
                       {u"to"_s, to.toString(Qt::ISODate)},
                       {u"by"_s, groupingName(by)},
                       {u"rows"_s, rowsJson},
                       {u"total"_s, total.toJson()}};
}

Result<PeriodReport> PeriodReportEngine::compute(const QDate &from, const QDate &to, ReportGrouping by,
                                                 PeriodShape *shape) const {
    if (!from.isValid() || !to.isValid() || from >= to)
        return Error{u"invalid_period"_s, u"the period needs FROM before TO (dates YYYY-MM-DD)"_s};
    PeriodReport report;
    report.from = from;
    report.to = to;
    report.by = by;
    // The hall's target (the settings table through its one repository; it needs no clock to read).
    report.serviceLevelS = storage::SettingsRepository(m_db, SystemClock::instance())
                               .number(QString::fromLatin1(storage::settingkey::queueServiceLevelS),
                                       kDefaultServiceLevelS, 0, 7 * 86400);
    const qint64 fromS = cstDayStart(from), toS = cstDayStart(to);
    Rows rows;

    // Tickets.
    auto tickets = loadTickets(m_db, fromS, toS);
    if (!tickets.ok())
        return tickets.error();
    if (shape) {
        *shape = PeriodShape();
        for (QDate d = from; d < to; d = d.addDays(1))
            shape->days.append({d, 0, 0, 0});
        for (const TicketRecord &t : tickets.value()) {
            const qint64 local = t.issuedAt + 8 * 3600;
            const qint64 day = local / 86400 - (fromS + 8 * 3600) / 86400;
            const int hour = int((local / 3600) % 24);
            // 1970-01-01 was a Thursday: Monday = 0.
            const int weekday = int((local / 86400 + 3) % 7);
            if (day >= 0 && day < shape->days.size()) {
                DayPoint &p = shape->days[day];
                ++p.arrived;
                p.served += t.served ? 1 : 0;
                p.noShow += t.noShow ? 1 : 0;
            }
            ++shape->arrivedByHour[std::size_t(hour)];
            shape->servedByHour[std::size_t(hour)] += t.served ? 1 : 0;
            ++shape->arrivedByWeekdayHour[std::size_t(weekday)][std::size_t(hour)];
        }
    }
    for (const TicketRecord &t : tickets.value()) {
        std::optional<QString> key;
        switch (by) {
        case ReportGrouping::Window:
            key = t.windowNo;
            break;
        case ReportGrouping::Clerk:
            key = t.clerkId;
            break;
        case ReportGrouping::Category:
            key = t.category.isEmpty() ? std::nullopt : std::optional<QString>(t.category);
            break;
        case ReportGrouping::Hour:
            key = hourKey(t.issuedAt);
            break;
        }
        addTicket(rows.at(key), t, report.serviceLevelS);
        addTicket(report.total, t, report.serviceLevelS);
    }

    // Cases by decision, in the period of created_at (its CST date is accepted_date, indexed).
    const QString hourExpr = u"printf('%02d', (CAST(substr(%1, 12, 2) AS INTEGER) + 8) % 24)"_s;
    const QString caseKey = by == ReportGrouping::Window  ? u"window_no"_s
                            : by == ReportGrouping::Clerk ? u"clerk_id"_s
                            : by == ReportGrouping::Hour  ? hourExpr.arg(u"created_at"_s)
                                                          : u"NULL"_s;
    auto cq =
        m_db.query(u"SELECT %1, decision, COUNT(*) FROM cases WHERE accepted_date >= ? AND accepted_date "
                   u"< ? GROUP BY 1, 2"_s.arg(caseKey),
                   {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!cq.ok())
        return cq.error();
    while (cq->next()) {
        const QString decision = cq->value(1).toString();
        const qint64 n = cq->value(2).toLongLong();
        for (ReportCounts *c : {&rows.at(textKey(cq->value(0))), &report.total}) {
            if (core::is(decision, core::Decision::Accepted))
                c->accepted += n;
            else if (core::is(decision, core::Decision::CorrectionRequired))
                c->correctionRequired += n;
            else if (core::is(decision, core::Decision::Rejected))
                c->rejected += n;
        }
    }

    // Evaluations by their `at`.
    const QString evalKey = by == ReportGrouping::Window  ? u"window_no"_s
                            : by == ReportGrouping::Clerk ? u"clerk_id"_s
                            : by == ReportGrouping::Hour  ? hourExpr.arg(u"at"_s)
                                                          : u"NULL"_s;
    auto eq = m_db.query(u"SELECT %1, COUNT(*), SUM(level <= 2) FROM evaluations WHERE at >= ? AND at < ? "
                         u"GROUP BY 1"_s.arg(evalKey),
                         {utcTextBound(fromS), utcTextBound(toS)});
    if (!eq.ok())
        return eq.error();
    while (eq->next()) {
        for (ReportCounts *c : {&rows.at(textKey(eq->value(0))), &report.total}) {
            c->evaluated += eq->value(1).toLongLong();
            c->badEvaluations += eq->value(2).toLongLong();
        }
    }
    report.rows = rows.sorted();
    return report;
}

} // namespace windowdesk::reports
