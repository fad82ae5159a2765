#pragma once
// The period report of the queue and the cases (cli.md `report`), one code path for `windowdeskctl report`
// and the report page: tickets from the ticket events (tickethistory.h), cases by their decision, evaluations
// by their `at`, over the half-open CST period [from, to), keyed by window, clerk, category or hour.
#include <windowdesk/core/result.h>

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::reports {

enum class ReportGrouping { Window, Clerk, Category, Hour };
QString groupingName(ReportGrouping g); // window | clerk | category | hour
std::optional<ReportGrouping> groupingFromName(const QString &name);

struct ReportCounts {
    qint64 arrived = 0, called = 0, served = 0, noShow = 0, aboveServiceLevel = 0;
    qint64 waitSum = 0, waitCount = 0, waitMax = 0;
    qint64 serviceSum = 0, serviceCount = 0, serviceMax = 0;
    qint64 accepted = 0, correctionRequired = 0, rejected = 0;
    qint64 evaluated = 0, badEvaluations = 0;
    // Means rounded half-up to one decimal, in tenths; nullopt when no ticket has the value.
    std::optional<qint64> avgWaitTenths() const;
    std::optional<qint64> avgServiceTenths() const;
    bool anyNonZero() const;
    QJsonObject toJson() const; // the row fields of cli.md (avg_*/max_* null when no value)
};

struct ReportRow {
    std::optional<QString> key; // nullopt: the null key
    ReportCounts counts;
};

struct PeriodReport {
    QDate from, to; // [from, to), CST dates
    ReportGrouping by = ReportGrouping::Window;
    qint64 serviceLevelS = 900;
    QList<ReportRow> rows; // by key in code-point order, the null key last
    ReportCounts total;    // over everything of the period, not summed from the rows
    QJsonObject toJson() const;
};

// The shape of a period's tickets for the report page's charts, from the same tickets as the report (each
// counted in the CST day and hour of its `issued`).
struct DayPoint {
    QDate date;
    qint64 arrived = 0, served = 0, noShow = 0;
};
struct PeriodShape {
    QList<DayPoint> days; // every CST day of [from, to), in order
    std::array<qint64, 24> arrivedByHour{}, servedByHour{};
    // The busiest hour × weekday: arrivals, [0] Monday … [6] Sunday, by CST hour.
    std::array<std::array<qint64, 24>, 7> arrivedByWeekdayHour{};
};

// Default of the hall setting queue.service_level_s (seconds).
inline constexpr qint64 kDefaultServiceLevelS = 900;

class PeriodReportEngine {
public:
    explicit PeriodReportEngine(storage::Database &db)
        : m_db(db) {}
    // Error invalid_period when from >= to or a date is invalid.
    // With `shape`, also fills the charts' day and hour series from the same tickets (one read).
    Result<PeriodReport> compute(const QDate &from, const QDate &to, ReportGrouping by,
                                 PeriodShape *shape = nullptr) const;

private:
    storage::Database &m_db;
};

// Unix seconds of the first moment of a CST date.
qint64 cstDayStart(const QDate &d);
// "YYYY-MM-DDTHH:MM:SS" of a moment in UTC: compared with stored RFC 3339 UTC text, with or without
// fractions, it bounds a half-open range exactly (a longer string with the same prefix sorts after it).
QString utcTextBound(qint64 unixS);

} // namespace windowdesk::reports
