#pragma once
// One case as My cases shows it in its detail: what the notices print (masked applicant, items, materials,
// decision, due dates) plus its status, its events and the notices that can be printed again. Read only;
// no widgets.
#include "noticedata.h"

#include <windowdesk/core/result.h>

#include <QList>
#include <QString>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct CaseEventLine {
    QString
        type;   // created | delivered | withdrawn | suspended | resumed | status_changed | red_card_followup
    QString at; // as stored (UTC)
    QString reason;
};

struct CaseDetail {
    QString localId;
    QString caseNo;   // empty until the platform assigned it
    QString status;   // cases.status
    QString decision; // accepted | correction_required | rejected
    QString ticketNo;
    QString createdAt;           // as stored (UTC)
    NoticeData notice;           // the decision notice's data: masked applicant, items, materials, due dates
    QList<CaseEventLine> events; // oldest first
    QList<NoticeKind> notices;   // the notices of this case, in the order they were issued
};

// Errors: not_found, or the storage error.
Result<CaseDetail> loadCaseDetail(storage::Database &db, const QString &localId, const QString &hallName,
                                  const QString &clerkName);

} // namespace windowdesk::cases
