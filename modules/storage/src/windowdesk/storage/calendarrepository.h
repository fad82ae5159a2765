#pragma once
// Calendars cached in the database. New databases hold the shipped official years (db/calendars/);
// a pull from the platform replaces a year.
#include <windowdesk/core/calendar.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/result.h>

namespace windowdesk::storage {
class Database;

class CalendarRepository {
public:
    explicit CalendarRepository(Database &db, const Clock &clock = SystemClock::instance())
        : m_db(db)
        , m_clock(clock) {}
    Result<QList<core::CalendarYear>> loadAll() const;
    Result<core::WorkingCalendar> workingCalendar() const;
    // Replaces one year (in its own transaction unless already inside Database::write).
    Status store(const core::CalendarYear &year, const QString &source /* official|platform|file */);
    // Loads the embedded official calendars (:/db/calendars/*.json) for years not yet present.
    Status loadShippedCalendars();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
