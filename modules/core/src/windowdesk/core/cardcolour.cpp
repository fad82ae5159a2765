#include "cardcolour.h"
#include "casevocabulary.h"

#include "clock.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

QString cardColourName(CardColour c) {
    switch (c) {
    case CardColour::None:
        return u"none"_s;
    case CardColour::Normal:
        return u"normal"_s;
    case CardColour::Warning:
        return u"warning"_s;
    case CardColour::Yellow:
        return u"yellow"_s;
    case CardColour::Red:
        return u"red"_s;
    }
    return {};
}

QString cardColourLabel(CardColour c) {
    switch (c) {
    case CardColour::None:
        return u"无"_s;
    case CardColour::Normal:
        return u"正常"_s;
    case CardColour::Warning:
        return u"预警"_s;
    case CardColour::Yellow:
        return u"黄牌"_s;
    case CardColour::Red:
        return u"红牌"_s;
    }
    return {};
}

std::optional<CardColour> cardColourFromName(QStringView name) {
    for (CardColour c :
         {CardColour::None, CardColour::Normal, CardColour::Warning, CardColour::Yellow, CardColour::Red})
        if (name == cardColourName(c))
            return c;
    return std::nullopt;
}

bool isFinishedStatus(QStringView s) {
    const auto status = caseStatusFromString(s);
    return status && isFinished(*status);
}

bool isKnownCaseStatus(QStringView s) {
    return caseStatusFromString(s).has_value();
}

Result<Card> evaluateCard(const CardInput &in, const QDateTime &t, const WorkingCalendar &calendar,
                          const CardSettings &settings) {
    if (!in.acceptedDate.isValid() || !t.isValid())
        return Result<Card>::failure(u"invalid_argument"_s, u"受理日期或评估时刻无效"_s);
    if (in.promisedDays < 0 || in.legalDays < 0 || settings.yellowToRedWorkingDays < 0)
        return Result<Card>::failure(u"invalid_argument"_s, u"期限天数不能为负数"_s);
    const QDate today = t.toTimeZone(Clock::chinaStandardTime()).date();

    // An open suspension counts as ending the day after t, so the dates keep moving while it lasts; one that
    // starts after t does not exist yet.
    QList<Suspension> eff;
    bool openUsed = false;
    for (const Suspension &s : in.suspensions) {
        if (!s.from.isValid())
            return Result<Card>::failure(u"invalid_argument"_s, u"中止起始日期无效"_s);
        if (s.isOpen()) {
            if (s.from > today)
                continue;
            eff.append(Suspension{s.from, today.addDays(1)});
            openUsed = true;
        } else if (s.to > s.from) {
            eff.append(s);
        }
    }

    Card card;
    card.suspended =
        std::any_of(eff.cbegin(), eff.cend(), [&](const Suspension &s) { return s.contains(today); });

    bool provisional = false;
    auto due = [&](const QDate &from, int n) -> Result<QDate> {
        auto r = dueDate(from, n, eff, calendar);
        if (!r)
            return r.error();
        provisional = provisional || r->provisional;
        return r->date;
    };
    Result<QDate> p = in.platformPromisedDue ? Result<QDate>(*in.platformPromisedDue)
                                             : due(in.acceptedDate, in.promisedDays);
    if (!p)
        return p.error();
    Result<QDate> l =
        in.platformLegalDue ? Result<QDate>(*in.platformLegalDue) : due(in.acceptedDate, in.legalDays);
    if (!l)
        return l.error();
    // Red after more than K working days of yellow: the (K+1)-th working day after P (suspended days not
    // counted).
    Result<QDate> r = due(p.value(), settings.yellowToRedWorkingDays + 1);
    if (!r)
        return r.error();
    card.promisedDue = p.value();
    card.legalDue = l.value();
    card.redFrom = std::min(card.legalDue.addDays(1), r.value());

    // With an open suspension the calendars are needed through the date of t as well.
    if (openUsed) {
        for (int y = in.acceptedDate.addDays(1).year(); y <= today.year(); ++y) {
            if (!calendar.hasYear(y))
                return calendarMissingError(y);
            provisional = provisional || calendar.isProvisional(y);
        }
    }
    // Platform dates may lie beyond the walked range: any year used counts.
    const QDate last = std::max({card.promisedDue, card.legalDue, r.value()});
    for (int y = in.acceptedDate.addDays(1).year(); y <= last.year(); ++y)
        provisional = provisional || calendar.isProvisional(y);
    card.provisional = provisional;

    if (isFinishedStatus(in.status)) {
        card.colour = CardColour::None;
        return card;
    }
    if (today >= card.redFrom) {
        card.colour = CardColour::Red;
    } else if (today > card.promisedDue) {
        card.colour = CardColour::Yellow;
    } else if (in.promisedDays > 0) {
        // left(d): working days w with d <= w <= P, outside suspensions.
        const int threshold = (in.promisedDays + 2) / 3;
        int left = 0;
        for (QDate w = today; w <= card.promisedDue && left <= threshold; w = w.addDays(1)) {
            const Result<bool> working = calendar.isWorkingDay(w);
            if (!working)
                return working.error();
            const bool suspended =
                std::any_of(eff.cbegin(), eff.cend(), [&](const Suspension &s) { return s.contains(w); });
            if (working.value() && !suspended)
                ++left;
        }
        card.colour = left <= threshold ? CardColour::Warning : CardColour::Normal;
    } else {
        card.colour = CardColour::Normal;
    }
    return card;
}

} // namespace windowdesk::core
