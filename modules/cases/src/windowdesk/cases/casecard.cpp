#include "casecard.h"

namespace windowdesk::cases {

core::CardInput cardInput(const CaseCardFacts &facts) {
    core::CardInput in;
    in.acceptedDate = facts.acceptedDate;
    in.promisedDays = facts.promisedDays;
    in.legalDays = facts.legalDays + facts.extensionDays;
    in.status = facts.status;
    in.suspensions = facts.suspensions;
    return in;
}

Result<core::Card> evaluateCaseCard(const CaseCardFacts &facts, const QDateTime &at,
                                    const core::WorkingCalendar &calendar,
                                    const core::CardSettings &settings) {
    return core::evaluateCard(cardInput(facts), at, calendar, settings);
}

QList<core::Suspension> mergeSuspensions(const QList<core::Suspension> &platform,
                                         const QList<SuspensionEvent> &events) {
    QList<core::Suspension> fromEvents;
    for (const SuspensionEvent &e : events) {
        const QDate day = core::cstDate(e.at);
        if (!day.isValid())
            continue;
        if (e.type == u"suspended") {
            if (fromEvents.isEmpty() || !fromEvents.last().isOpen())
                fromEvents.append(core::Suspension{day, QDate()});
        } else if (e.type == u"resumed" && !fromEvents.isEmpty() && fromEvents.last().isOpen()) {
            fromEvents.last().to = day;
        }
    }
    QList<core::Suspension> out = platform;
    for (const core::Suspension &s : fromEvents) {
        const bool known = std::any_of(platform.cbegin(), platform.cend(),
                                       [&](const core::Suspension &p) { return p.from == s.from; });
        if (!known)
            out.append(s);
    }
    return out;
}

} // namespace windowdesk::cases
