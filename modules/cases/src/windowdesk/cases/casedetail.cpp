#include "casedetail.h"
#include <windowdesk/core/casevocabulary.h>

#include "caserepository.h"

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

Result<CaseDetail> loadCaseDetail(storage::Database &db, const QString &localId, const QString &hallName,
                                  const QString &clerkName) {
    CaseRepository repo(db);
    auto head = repo.head(localId);
    if (!head.ok())
        return head.error();
    if (!head.value())
        return Error{u"not_found"_s, u"no such case: %1"_s.arg(localId)};
    CaseDetail d;
    d.localId = localId;
    d.caseNo = head.value()->caseNo;
    d.status = head.value()->status;
    d.decision = head.value()->decision;
    d.ticketNo = head.value()->ticketNo;
    d.createdAt = head.value()->createdAt;
    // The stored decision is one of the three (the schema's CHECK).
    NoticeKind decisionNotice =
        decisionNoticeKind(core::decisionFromString(d.decision).value_or(core::Decision::Rejected));
    auto notice = repo.noticeData(localId, decisionNotice, hallName, clerkName);
    if (!notice.ok())
        return notice.error();
    d.notice = notice.value();
    decisionNotice = d.notice.kind; // an application for government information: its 登记回执
    auto events = repo.events(localId);
    if (!events.ok())
        return events.error();
    bool delivered = false;
    for (const auto &[type, at, reason] : events.value()) {
        d.events.append({type, at, reason});
        delivered = delivered || type == u"delivered"_s; // an event type, not a status
    }
    // The notices the window issued for it: the decision's, the commitment letter when a material was
    // taken on commitment (告知承诺), the delivery receipt once delivered.
    d.notices << decisionNotice;
    for (const NoticeMaterialLine &m : d.notice.materials)
        if (core::is(m.status, core::MaterialStatus::Commitment)) {
            d.notices << NoticeKind::Commitment;
            break;
        }
    if (delivered)
        d.notices << NoticeKind::Delivery;
    return d;
}

} // namespace windowdesk::cases
