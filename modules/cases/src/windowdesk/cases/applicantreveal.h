#pragma once
// Revealing an applicant's full id number and phone (product.md: personal data masked in lists, "an audit log
// of who saw … what"; issue 13): a supervisor may see them for a case taken in at this desk, with a typed
// reason. The audit row names the case and the reason, never the revealed data, and is committed before the
// data is returned: no audit row, no data. A case of the hall-wide feed (origin hall_feed) has only the
// masked id the platform sent (platform-api.md: the feed never carries full ids), so nothing can be revealed.
#include <windowdesk/core/result.h>

#include <QString>
#include <QStringList>

namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct RevealedApplicant {
    QString caseNo;        // empty until the platform acknowledged the case
    QString applicantKind; // person | entity
    QString name;          // person, or legal representative
    QString entityName;
    QString idType;
    QString idNumber; // full
    QString uscc;
    QString phone; // full
};

class ApplicantReveal {
public:
    // A reason shorter than this (after trimming) is refused: "看看" is no reason.
    static constexpr int kMinReasonLength = 4;

    ApplicantReveal(storage::Database &db, storage::AuditLog *audit);
    // Errors: "forbidden" (not a supervisor), "invalid_argument" (no reason, or one too short),
    // "not_found" (no such case), "not_held" (a hall-feed case: the full data is not on this computer),
    // "audit_unavailable" (no audit log: nothing is revealed unaudited), or the storage error. Each message
    // is Chinese text the page shows as it is.
    Result<RevealedApplicant> reveal(const QStringList &roles, const QString &userId,
                                     const QString &caseLocalId, const QString &reason);

private:
    storage::Database &m_db;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
