#pragma once
// The period report of the queue and the cases (cli.md `report`), one code path for `windowdeskctl report`
// and the report page: tickets from the ticket events (tickethistory.h), cases by their decision, evaluations
// by their `at`, over the half-open CST period [from, to), keyed by window, clerk, category or hour.
#include <windowdesk/core/result.h>

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
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

// Default of the hall setting queue.service_level_s (seconds).
inline constexpr qint64 kDefaultServiceLevelS = 900;

class PeriodReportEngine {
public:
    explicit PeriodReportEngine(storage::Database &db)
        : m_db(db) {}
    // Error invalid_period when from >= to or a date is invalid.
    Result<PeriodReport> compute(const QDate &from, const QDate &to, ReportGrouping by) const;

private:
    storage::Database &m_db;
};

// Unix seconds of the first moment of a CST date.
qint64 cstDayStart(const QDate &d);
// "YYYY-MM-DDTHH:MM:SS" of a moment in UTC: compared with stored RFC 3339 UTC text, with or without
// fractions, it bounds a half-open range exactly (a longer string with the same prefix sorts after it).
QString utcTextBound(qint64 unixS);

} // namespace windowdesk::reports
