#pragma once
// 差评 ledger (product.md §4): every evaluation of level 1-2 is a rectification task with its deadline
// (the platform's rectification_due, else N working days after the CST date of the rating, N a hall setting,
// default 15), its state, whether it is overdue, and the actions taken. Actions (verified / rectified /
// explained) are written with their audit row and queued in the outbox (kind rectification, waiting for the
// evaluation's platform id) in one transaction.
#include <windowdesk/core/calendar.h>
#include <windowdesk/core/result.h>

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QStringList>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct LedgerAction {
    QString action; // verified | rectified | explained | callback | appeal
    QString note;
    QString at;
    QString by;
    bool fromPlatform = false;
    int reached = -1;        // callback: 1 reached, 0 not reached; -1 for other actions
    int satisfiedAfter = -1; // callback: 1 / 0, -1 not asked or another action
};

struct LedgerTask {
    QString localId;
    QString evaluationId; // empty until the platform acknowledged the evaluation
    QString at;           // when the citizen rated (UTC)
    QString windowNo;
    QString clerkId;
    QString caseLocalId;
    int level = 0;
    QStringList reasons;
    QString state = QStringLiteral("open");
    QDate due;
    bool dueFromPlatform = false;
    bool dueMissing = false;   // a calendar year needed for the deadline is missing
    bool overdue = false;      // not closed and past its deadline
    bool callbackDone = false; // a callback that reached the citizen
    bool realName = false; // the citizen gave their name: a callback is required (实名差评 100% 回访)
    bool callbackMissing() const { return realName && !callbackDone; } // flagged until it has one
    QList<LedgerAction> actions;
};

class RectificationLedger {
public:
    RectificationLedger(storage::Database &db, const Clock &clock, storage::AuditLog *audit = nullptr);
    // Every 差评, newest first. Error "forbidden" for a user without the supervisor role.
    Result<QList<LedgerTask>> tasks(const QStringList &roles, const core::WorkingCalendar &calendar) const;
    // Records an action on a task. Errors: "invalid_argument" (unknown action, `explained` without a note),
    // "not_found", "state_conflict" (the task's state does not allow it), "forbidden".
    Result<QString> recordAction(const QStringList &roles, const QString &userId,
                                 const QString &evaluationLocalId, const QString &action,
                                 const QString &note);
    // 回访 (platform-api.md 1.1, POST /evaluations/{id}/callback): any user of the hall; unreached attempts
    // are kept too. `satisfiedAfter`: -1 not asked, 0 no, 1 yes. Queued as kind evaluation_callback (never
    // sent to a 1.0 platform: kept locally). Errors: "not_found", "invalid_argument" (a note is required when
    // not reached), or the storage error. Returns the callback's local id.
    Result<QString> recordCallback(const QString &userId, const QString &evaluationLocalId, bool reached,
                                   int satisfiedAfter, const QString &note);
    // 申诉 (POST /evaluations/{id}/appeal): the task becomes `appealed` until the platform decides. Errors:
    // "not_found", "invalid_argument" (no reason), "state_conflict" (only open or verified tasks).
    Result<QString> recordAppeal(const QString &userId, const QString &evaluationLocalId,
                                 const QString &reason);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
