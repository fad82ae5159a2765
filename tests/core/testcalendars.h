#pragma once
// The shipped official calendars (db/calendars/*.json), loaded through the same parser the program uses.
#include <windowdesk/core/calendar.h>

#include <QFile>
#include <QJsonDocument>
#include <QTest>

inline windowdesk::core::CalendarYear loadShippedYear(int year) {
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/calendars/%1.json").arg(year));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open shipped calendar %d", year);
    auto y = windowdesk::core::CalendarYear::fromJson(QJsonDocument::fromJson(f.readAll()).object());
    if (!y)
        qFatal("shipped calendar %d does not parse: %s", year, qPrintable(y.error().message));
    return y.value();
}

inline windowdesk::core::WorkingCalendar shippedCalendar(const QList<int> &years = {2025, 2026, 2027}) {
    windowdesk::core::WorkingCalendar c;
    for (int y : years)
        c.add(loadShippedYear(y));
    return c;
}
