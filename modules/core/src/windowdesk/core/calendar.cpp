// Working-day calendars: strict parsing of the platform's format and the working-day predicate.
#include "calendar.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::core {
namespace {

Error invalid(const QString &message) {
    return Error{u"calendar_invalid"_s, message};
}

// Strict YYYY-MM-DD (QDate::fromString alone would accept other shapes).
QDate parseStrictDate(const QString &s) {
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!re.match(s).hasMatch())
        return {};
    return QDate::fromString(s, u"yyyy-MM-dd"_s);
}

Result<QSet<QDate>> parseDates(const QJsonObject &o, const QString &key, int year) {
    const QJsonValue v = o.value(key);
    if (!v.isArray())
        return invalid(u"日历缺少“%1”列表或类型错误"_s.arg(key));
    QSet<QDate> out;
    for (const QJsonValue &e : v.toArray()) {
        if (!e.isString())
            return invalid(u"日历“%1”中有非日期项"_s.arg(key));
        const QDate d = parseStrictDate(e.toString());
        if (!d.isValid())
            return invalid(u"日历“%1”中的日期不存在或格式错误：%2"_s.arg(key, e.toString()));
        if (d.year() != year)
            return invalid(u"日历“%1”中的日期 %2 不在 %3 年内"_s.arg(key, e.toString()).arg(year));
        out.insert(d);
    }
    return out;
}

QJsonArray sortedArray(const QSet<QDate> &set) {
    QList<QDate> list(set.begin(), set.end());
    std::sort(list.begin(), list.end());
    QJsonArray a;
    for (const QDate &d : list)
        a.append(d.toString(Qt::ISODate));
    return a;
}

} // namespace

Result<CalendarYear> CalendarYear::fromJson(const QJsonObject &o) {
    const QJsonValue yv = o.value(u"year");
    if (!yv.isDouble())
        return invalid(u"日历缺少年份或年份不是整数"_s);
    const double yd = yv.toDouble();
    if (std::floor(yd) != yd || yd < 1800 || yd > 9999)
        return invalid(u"日历年份无效"_s);
    CalendarYear y;
    y.year = static_cast<int>(yd);
    const QJsonValue pv = o.value(u"provisional");
    if (!pv.isBool())
        return invalid(u"日历缺少“provisional”或它不是布尔值"_s);
    y.provisional = pv.toBool();
    auto holidays = parseDates(o, u"holidays"_s, y.year);
    if (!holidays)
        return holidays.error();
    auto workdays = parseDates(o, u"workdays"_s, y.year);
    if (!workdays)
        return workdays.error();
    y.holidays = std::move(holidays).value();
    y.workdays = std::move(workdays).value();
    for (const QDate &d : std::as_const(y.holidays)) {
        if (y.workdays.contains(d))
            return invalid(u"日期 %1 同时出现在休息日和调休工作日中"_s.arg(d.toString(Qt::ISODate)));
    }
    return y;
}

QJsonObject CalendarYear::toJson() const {
    return QJsonObject{
        {u"year"_s, year},
        {u"provisional"_s, provisional},
        {u"holidays"_s, sortedArray(holidays)},
        {u"workdays"_s, sortedArray(workdays)},
    };
}

WorkingCalendar::WorkingCalendar(const QList<CalendarYear> &years) {
    for (const CalendarYear &y : years)
        add(y);
}

void WorkingCalendar::add(const CalendarYear &y) {
    m_years.insert(y.year, y);
}

Result<bool> WorkingCalendar::isWorkingDay(const QDate &d) const {
    if (!d.isValid())
        return Result<bool>::failure(u"invalid_date"_s, u"日期无效"_s);
    const auto it = m_years.constFind(d.year());
    if (it == m_years.constEnd())
        return Result<bool>::failure(u"calendar_missing"_s,
                                     u"缺少 %1 年的工作日历，无法计算期限"_s.arg(d.year()));
    if (it->workdays.contains(d))
        return true;
    if (it->holidays.contains(d))
        return false;
    return d.dayOfWeek() <= 5; // Monday..Friday
}

} // namespace windowdesk::core
