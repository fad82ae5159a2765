#pragma once
// Red/yellow cards (红黄牌) of unfinished cases, judged day by day in China Standard Time at a moment t.
#include "calendar.h"
#include "duedate.h"
#include "result.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace windowdesk::core {

enum class CardColour { None, Normal, Warning, Yellow, Red };
QString cardColourName(CardColour c);  // "none", "normal", "warning", "yellow", "red" (cli.md)
QString cardColourLabel(CardColour c); // 无, 正常, 预警, 黄牌, 红牌
std::optional<CardColour> cardColourFromName(QStringView name);

// Per-hall thresholds.
struct CardSettings {
    int yellowToRedWorkingDays = 5; // K: yellow for more than K working days → red
};

// Case statuses of the schema; the finished ones carry no card.
bool isFinishedStatus(QStringView status); // completed, delivered, rejected, withdrawn, correction_required
bool isKnownCaseStatus(QStringView status);

struct CardInput {
    QDate acceptedDate; // CST date of the decision
    int promisedDays = 0;
    int legalDays = 0;
    QString status = QStringLiteral("accepted");
    QList<Suspension> suspensions; // `to` invalid = still open
    // Due dates that arrived from the platform replace the computed ones.
    std::optional<QDate> platformPromisedDue;
    std::optional<QDate> platformLegalDue;
};

struct Card {
    CardColour colour = CardColour::None;
    QDate promisedDue;        // P
    QDate legalDue;           // L
    QDate redFrom;            // first red day: min(L + 1, the (K+1)-th working day after P)
    bool suspended = false;   // the date of t lies in a suspension
    bool provisional = false; // a provisional calendar year was used
};

// Errors: "calendar_missing" (see missingCalendarYear), "invalid_argument".
Result<Card> evaluateCard(const CardInput &in, const QDateTime &t, const WorkingCalendar &calendar,
                          const CardSettings &settings = {});

} // namespace windowdesk::core
