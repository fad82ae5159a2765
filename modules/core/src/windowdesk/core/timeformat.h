#pragma once
// The one way a moment in time is shown to a user: China Standard Time (the hall's time, UTC+8, no DST)
// as `yyyy-MM-dd HH:mm`, whatever the machine's time zone or the value's own time spec. Lists, banners,
// the status bar and dialogs all call these, so they never disagree by eight hours.
#include <QDateTime>
#include <QString>

namespace windowdesk::core {

// `t` in China Standard Time as `yyyy-MM-dd HH:mm`; an invalid QDateTime gives an empty string.
QString displayTime(const QDateTime &t);

// A stored time as the database and the platform write it: ISO 8601 with `Z` or an offset
// (`2026-03-02T23:49:00Z`), or SQLite's `yyyy-MM-dd HH:mm:ss[.zzz]`, which is UTC. A text without an
// offset is read as UTC. Empty gives empty; text that is no time at all is returned unchanged (never lost).
QString displayTime(const QString &stored);

// Parses a stored time as displayTime(QString) does; invalid when it is no time.
QDateTime parseStoredTime(const QString &stored);

} // namespace windowdesk::core
