#include "calendarrepository.h"

#include "database.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

Result<QList<core::CalendarYear>> CalendarRepository::loadAll() const {
    using R = Result<QList<core::CalendarYear>>;
    QMap<int, core::CalendarYear> years;
    auto q = m_db.query(u"SELECT year, provisional FROM calendars ORDER BY year"_s);
    if (!q.ok())
        return R(q.error());
    while (q->next()) {
        core::CalendarYear y;
        y.year = q->value(0).toInt();
        y.provisional = q->value(1).toInt() != 0;
        years.insert(y.year, y);
    }
    auto days = m_db.query(u"SELECT date, year, kind FROM calendar_days"_s);
    if (!days.ok())
        return R(days.error());
    while (days->next()) {
        const QDate d = QDate::fromString(days->value(0).toString(), Qt::ISODate);
        const int year = days->value(1).toInt();
        if (!d.isValid() || !years.contains(year))
            return R::failure(u"calendar_invalid"_s,
                              u"stored calendar day %1 is invalid"_s.arg(days->value(0).toString()));
        if (days->value(2).toString() == u"holiday")
            years[year].holidays.insert(d);
        else
            years[year].workdays.insert(d);
    }
    return years.values();
}

Result<core::WorkingCalendar> CalendarRepository::workingCalendar() const {
    auto all = loadAll();
    if (!all.ok())
        return Result<core::WorkingCalendar>(all.error());
    return core::WorkingCalendar(all.value());
}

Status CalendarRepository::store(const core::CalendarYear &year, const QString &source) {
    for (const QSet<QDate> *set : {&year.holidays, &year.workdays}) {
        for (const QDate &d : *set) {
            if (!d.isValid() || d.year() != year.year)
                return Status::failure(
                    u"calendar_invalid"_s,
                    u"date %1 lies outside year %2"_s.arg(d.toString(Qt::ISODate)).arg(year.year));
        }
    }
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&]() -> Status {
        if (auto st = m_db.exec(u"DELETE FROM calendar_days WHERE year = ?"_s, {year.year}); !st.ok())
            return st;
        if (auto st = m_db.exec(u"DELETE FROM calendars WHERE year = ?"_s, {year.year}); !st.ok())
            return st;
        if (auto st = m_db.exec(
                u"INSERT INTO calendars (year, provisional, source, updated_at) VALUES (?, ?, ?, ?)"_s,
                {year.year, year.provisional ? 1 : 0, source, now});
            !st.ok())
            return st;
        // Sorted so the stored rows do not depend on hash order.
        auto insertDays = [&](const QSet<QDate> &set, const QString &kind) -> Status {
            QList<QDate> sorted(set.begin(), set.end());
            std::sort(sorted.begin(), sorted.end());
            for (const QDate &d : sorted) {
                if (auto st = m_db.exec(u"INSERT INTO calendar_days (date, year, kind) VALUES (?, ?, ?)"_s,
                                        {d.toString(Qt::ISODate), year.year, kind});
                    !st.ok())
                    return st;
            }
            return {};
        };
        if (auto st = insertDays(year.holidays, u"holiday"_s); !st.ok())
            return st;
        return insertDays(year.workdays, u"workday"_s);
    });
}

Status CalendarRepository::loadShippedCalendars() {
    const QDir dir(u":/db/calendars"_s);
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return Status::failure(u"calendar_missing"_s, u"no shipped calendars in :/db/calendars"_s);
    QList<core::CalendarYear> years;
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            return Status::failure(u"calendar_invalid"_s, u"cannot read shipped calendar %1"_s.arg(name));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (!doc.isObject())
            return Status::failure(
                u"calendar_invalid"_s,
                u"shipped calendar %1 is not a JSON object: %2"_s.arg(name, pe.errorString()));
        auto y = core::CalendarYear::fromJson(doc.object());
        if (!y.ok())
            return Status::failure(y.error().code, u"shipped calendar %1: %2"_s.arg(name, y.error().message));
        years.append(y.value());
    }
    return m_db.write([&]() -> Status {
        for (const core::CalendarYear &y : years) {
            auto present = m_db.query(u"SELECT 1 FROM calendars WHERE year = ?"_s, {y.year});
            if (!present.ok())
                return Status(present.error());
            if (present->next())
                continue;
            if (auto st = store(y, u"official"_s); !st.ok())
                return st;
        }
        return {};
    });
}

} // namespace windowdesk::storage
