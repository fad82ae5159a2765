#pragma once
// Working-day calendars in the platform's GET /calendar/{year} format (holidays: weekday days off;
// workdays: weekend days that are working days, 调休). Weekends are Saturday and Sunday otherwise.
#include "result.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>

namespace windowdesk::core {

struct CalendarYear {
    int year = 0;
    bool provisional = false;
    QSet<QDate> holidays; // days off (a weekend date here changes nothing)
    QSet<QDate> workdays; // weekend days that are working days

    // Parses one `GET /calendar/{year}` object. Errors (code "calendar_invalid"): missing/wrong-typed fields,
    // a date that does not exist or lies outside `year`, a date in both lists.
    static Result<CalendarYear> fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

// A set of loaded years. Every question about a date in a year that is not loaded is an explicit error.
class WorkingCalendar {
public:
    WorkingCalendar() = default;
    explicit WorkingCalendar(const QList<CalendarYear> &years);
    void add(const CalendarYear &y); // replaces a loaded year
    bool hasYear(int year) const { return m_years.contains(year); }
    bool isProvisional(int year) const { return m_years.value(year).provisional; }
    QList<int> years() const { return m_years.keys(); }
    // Error code "calendar_missing" (message names the year) when the date's year is not loaded.
    Result<bool> isWorkingDay(const QDate &d) const;

private:
    QMap<int, CalendarYear> m_years;
};

} // namespace windowdesk::core
