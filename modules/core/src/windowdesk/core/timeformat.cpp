#include "timeformat.h"

#include "clock.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

QString displayTime(const QDateTime &t) {
    if (!t.isValid())
        return {};
    return t.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s);
}

QDateTime parseStoredTime(const QString &stored) {
    const QString s = stored.trimmed();
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        // SQLite's datetime('now'): a space instead of the `T`.
        QString iso = s;
        if (iso.size() > 10 && iso.at(10) == u' ')
            iso[10] = u'T';
        t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    }
    if (!t.isValid())
        return {};
    // No offset in the text: the database and the platform store UTC.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), QTimeZone::utc());
    return t;
}

QString displayTime(const QString &stored) {
    if (stored.trimmed().isEmpty())
        return {};
    const QDateTime t = parseStoredTime(stored);
    return t.isValid() ? displayTime(t) : stored;
}

} // namespace windowdesk::core
