#pragma once
// A supervisor's follow-up of a red or yellow card (红牌 "每件必查", product.md §4, platform-api.md 1.1
// POST /cases/{case_no}/followups): the finding, the action taken and a note, stored with its audit row and
// queued in the outbox (kind case_followup, waiting for the case's number) in one transaction. It shows on
// the case's timeline at once; against a 1.0 platform it stays local ("平台暂不支持"), never a sync failure.
#include <windowdesk/core/result.h>

#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

// What the platform's API version (as last seen at login) means for the 1.1 features.
enum class PlatformApiSupport {
    Unknown,     // no platform seen yet (the demo hall, or never logged in): records wait in the outbox
    Unsupported, // a 1.0 platform: records are kept locally, "平台暂不支持"
    Supported,   // 1.1
};
PlatformApiSupport platformApiSupport(storage::Database &db, const Clock &clock);

struct FollowupInput {
    QString caseLocalId;
    QString card;    // red | yellow
    QString finding; // clerk_error | back_office_delay | applicant_delay | system_fault | other
    QString action;  // what was done (required)
    QString note;
};

class CaseFollowupService {
public:
    CaseFollowupService(storage::Database &db, const Clock &clock, storage::AuditLog *audit = nullptr);
    static QStringList findings();
    // Records the follow-up; returns its local id. Errors: "forbidden" (not a supervisor), "invalid_argument"
    // (card, finding, or an empty action), "not_found" (no such case), or the storage error.
    Result<QString> record(const QStringList &roles, const QString &userId, const FollowupInput &input);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
