#pragma once
// 告知承诺 post-checks (product.md §7, platform-api.md 1.1 "告知承诺 post-checks"): the platform opens a
// check for each material this hall accepted on commitment; they arrive through GET
// /commitment-checks/changes (dutyappliers.h). The clerk or the supervisor lists the hall's checks — the open
// ones with their due date counted in working days, overdue flagged — and records the outcome of an open one:
// confirmed, false commitment (with its consequence: order to fix, or revoke) or unable to check, each with a
// note. The outcome is written with its audit row and its outbox row (kind commitment_check_result, POST
// /commitment-checks/{check_id}/result, a local_id) in one transaction; the check's state and the case's
// later status come from the platform's feeds.
#include "caseservice.h"

#include <windowdesk/core/hallduties.h>
#include <windowdesk/core/result.h>

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct CheckRow {
    QString checkId;
    QString caseNo;
    QString caseLocalId;   // empty when the case is not in the local cache
    QString applicantName; // from the local case, when known
    QString matterName;    // the item's name, when the catalog knows it
    QString materialName;
    QDate dueDate;
    int workingDaysLeft = 0; // working days from today to the due date (negative: overdue by so many)
    bool overdue = false;    // open after its due date (CST)
    QString state;           // open | confirmed | false_commitment | unable (the platform's)
    QString outcomeNote;
    QString consequence;     // order_fix | revoke (false_commitment only)
    QString recordedOutcome; // an outcome recorded here that the platform has not confirmed yet
    QString recordedNote;    // its note
    QString syncState;       // its outbox row's state; empty: none
};

struct CheckOutcomeInput {
    QString checkId;
    QString outcome;     // confirmed | false_commitment | unable
    QString consequence; // order_fix | revoke, false_commitment only
    QString note;
};

class CommitmentCheckService {
    Q_DECLARE_TR_FUNCTIONS(windowdesk::cases::CommitmentCheckService)
public:
    static constexpr int kMaxNote = 500;

    CommitmentCheckService(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                           QString userId);

    // The hall's checks: the open ones first (earliest due first), then those with an outcome, newest first.
    Result<QList<CheckRow>> list(const QDateTime &at) const;
    // Problems by field ("check", "outcome", "consequence", "note"); empty: it may be recorded.
    FieldProblems problems(const CheckOutcomeInput &in) const;
    // Records the outcome (only of an open check with no outcome recorded here yet); returns the local_id
    // after COMMIT. Errors: invalid_argument (the first problem's message), or the storage error.
    Result<QString> record(const CheckOutcomeInput &in);
    // False commitments of the hall (the supervision board's figure).
    Result<int> falseCommitments() const;

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    QString m_userId;
};

} // namespace windowdesk::cases
