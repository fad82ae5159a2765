#pragma once
// Due dates in working days: counting starts the day after acceptance; suspended time does not count.
#include "calendar.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <optional>

namespace windowdesk::core {

// A suspension (中止/挂起) of the clock: [from, to), the resumption date `to` exclusive. An invalid `to` is
// an open suspension; callers close it (the card closes it the day after the moment evaluated).
struct Suspension {
    QDate from;
    QDate to;
    bool isOpen() const { return !to.isValid(); }
    bool contains(const QDate &d) const { return d >= from && (isOpen() || d < to); }
};

struct DueDate {
    QDate date;
    bool provisional =
        false; // a provisional calendar year lies between the day after acceptance and the date
};

// The N-th working day after `accepted` that is outside every suspension; N = 0 (即办件) → `accepted` itself.
// Errors: "calendar_missing" (the first missing year reached; see missingCalendarYear), "invalid_argument"
// (invalid date, N < 0), "suspension_open" (the walk reached an open suspension).
Result<DueDate> dueDate(const QDate &accepted, int workingDays, const QList<Suspension> &suspensions,
                        const WorkingCalendar &calendar);
inline Result<DueDate> dueDate(const QDate &accepted, int workingDays, const WorkingCalendar &calendar) {
    return dueDate(accepted, workingDays, {}, calendar);
}

// Both due dates of a case at acceptance (suspensions come later). provisional: either used a provisional
// year.
struct CaseDueDates {
    QDate promised;
    QDate legal;
    bool provisional = false;
};
Result<CaseDueDates> caseDueDates(const QDate &accepted, int promisedDays, int legalDays,
                                  const WorkingCalendar &calendar);

// The China Standard Time date of a moment: the day D of a decision or an evaluation.
QDate cstDate(const QDateTime &moment);

// The year named by a "calendar_missing" error, if `e` is one.
std::optional<int> missingCalendarYear(const Error &e);
// The "calendar_missing" error for `year` (the form every module reports it in).
Error calendarMissingError(int year);

// Limits of a "一件事" bundle: the promised limit is the bundle's own, the legal limit the largest of its
// items'.
struct BundleLimits {
    int promisedDays = 0;
    int legalDays = 0;
};
BundleLimits bundleLimits(int bundlePromisedDays, const QList<int> &itemLegalDays);

} // namespace windowdesk::core
