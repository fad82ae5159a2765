#include "duedate.h"

#include "clock.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

Error calendarMissingError(int year) {
    return Error{u"calendar_missing"_s,
                 u"缺少 %1 年的工作日历，无法计算期限，请先同步或导入该年日历"_s.arg(year)};
}

std::optional<int> missingCalendarYear(const Error &e) {
    if (e.code != u"calendar_missing")
        return std::nullopt;
    static const QRegularExpression re(u"(\\d{4})"_s);
    const auto m = re.match(e.message);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

Result<DueDate> dueDate(const QDate &accepted, int workingDays, const QList<Suspension> &suspensions,
                        const WorkingCalendar &calendar) {
    if (!accepted.isValid())
        return Result<DueDate>::failure(u"invalid_argument"_s, u"受理日期无效"_s);
    if (workingDays < 0)
        return Result<DueDate>::failure(u"invalid_argument"_s, u"期限天数不能为负数"_s);
    DueDate due{accepted, false};
    QDate d = accepted;
    for (int counted = 0; counted < workingDays;) {
        d = d.addDays(1);
        if (!calendar.hasYear(d.year()))
            return calendarMissingError(d.year());
        if (calendar.isProvisional(d.year()))
            due.provisional = true;
        bool suspended = false;
        for (const Suspension &s : suspensions) {
            if (s.contains(d)) {
                if (s.isOpen())
                    return Result<DueDate>::failure(u"suspension_open"_s,
                                                    u"办件仍在中止中，期限暂无法确定"_s);
                suspended = true;
            }
        }
        const Result<bool> working = calendar.isWorkingDay(d);
        if (!working)
            return working.error();
        if (working.value() && !suspended)
            ++counted;
    }
    due.date = d;
    return due;
}

Result<CaseDueDates> caseDueDates(const QDate &accepted, int promisedDays, int legalDays,
                                  const WorkingCalendar &calendar) {
    const auto p = dueDate(accepted, promisedDays, calendar);
    if (!p)
        return p.error();
    const auto l = dueDate(accepted, legalDays, calendar);
    if (!l)
        return l.error();
    return CaseDueDates{p->date, l->date, p->provisional || l->provisional};
}

QDate cstDate(const QDateTime &moment) {
    return moment.toTimeZone(Clock::chinaStandardTime()).date();
}

BundleLimits bundleLimits(int bundlePromisedDays, const QList<int> &itemLegalDays) {
    BundleLimits b;
    b.promisedDays = bundlePromisedDays;
    b.legalDays = itemLegalDays.isEmpty() ? bundlePromisedDays
                                          : *std::max_element(itemLegalDays.cbegin(), itemLegalDays.cend());
    return b;
}

} // namespace windowdesk::core
