#pragma once
// The one card rule of a case (红黄牌): the domain rule of core::evaluateCard fed with what the case is —
// the CST date of its decision, its promised and legal days (legal plus extensions), its status and its
// suspensions. My cases, the supervision board, `windowdeskctl card` and `windowdeskctl board` all colour
// through this function; the platform's due dates are shown beside, never used for the colour
// (platform-api.md 1.1, "Card colours on the board are computed by the domain rules").
#include <windowdesk/core/cardcolour.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/core/result.h>

#include <QDate>
#include <QList>
#include <QString>

namespace windowdesk::cases {

struct CaseCardFacts {
    QDate acceptedDate; // CST date of created_at
    int promisedDays = 0;
    int legalDays = 0;
    int extensionDays = 0; // sum of the case's extensions (added to the legal limit)
    QString status = QStringLiteral("accepted");
    QList<core::Suspension> suspensions; // `to` exclusive, invalid while the suspension lasts
};

core::CardInput cardInput(const CaseCardFacts &facts);

// Errors as core::evaluateCard ("calendar_missing", "invalid_argument").
Result<core::Card> evaluateCaseCard(const CaseCardFacts &facts, const QDateTime &at,
                                    const core::WorkingCalendar &calendar,
                                    const core::CardSettings &settings);

// The suspensions of a case: the platform's list (case_suspensions) plus the ranges made by the case's own
// `suspended`/`resumed` events (CST dates of their `at`; a `resumed` closes the latest open range) that the
// platform's list does not hold yet (same `from`).
struct SuspensionEvent {
    QString type; // "suspended" | "resumed"
    QDateTime at;
};
QList<core::Suspension> mergeSuspensions(const QList<core::Suspension> &platform,
                                         const QList<SuspensionEvent> &events);

} // namespace windowdesk::cases
