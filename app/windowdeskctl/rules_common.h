#pragma once
// Argument parsing shared by the domain-rule commands (validate, calendar due, card).
#include "cli.h"

#include <windowdesk/core/calendar.h>

#include <QDate>
#include <optional>

namespace windowdesk::cli::rules {

// Strict YYYY-MM-DD of a date that exists; invalid QDate otherwise.
QDate parseDate(const QString &s);
// A decimal integer within [min, max]; nullopt otherwise (signs, blanks and overflow included).
std::optional<int> parseCount(const QString &s, int min, int max);
// ISO 8601 date and time; without an offset it is China Standard Time, a bare date means its first minute.
// Invalid QDateTime otherwise.
QDateTime parseMoment(const QString &s);

// The calendars for a due-date question: `file` (one GET /calendar/{year} object or an array of them) when
// given, else the client database's. On failure prints the reason and sets `exitCode` (2 for a bad file).
std::optional<core::WorkingCalendar> loadCalendars(Context &ctx, const QString &file, int &exitCode);

// Prints {"error":"calendar_missing","years":[Y]} (and a Chinese line on stderr) for a calendar_missing
// error; returns the exit code to use (3), or -1 when `e` is another error (nothing printed).
int reportCalendarMissing(Context &ctx, const Error &e);

// Splits `--name value` / `--name=value` options from positional arguments. Returns false (after printing a
// usage message) on an unknown option or a missing value. Options in `repeatable` may occur more than once.
struct ParsedArgs {
    QStringList positional;
    QMultiMap<QString, QString> options;
};
bool parseArgs(Context &ctx, const QStringList &args, const QStringList &known, const QStringList &repeatable,
               ParsedArgs &out);

} // namespace windowdesk::cli::rules
