#include "casedetail.h"

#include "caserepository.h"

#include <windowdesk/storage/database.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

Result<CaseDetail> loadCaseDetail(storage::Database &db, const QString &localId, const QString &hallName,
                                  const QString &clerkName) {
    auto c =
        db.query(u"SELECT case_no, status, decision, ticket_no, created_at FROM cases WHERE local_id = ?"_s,
                 {localId});
    if (!c.ok())
        return c.error();
    if (!c->next())
        return Error{u"not_found"_s, u"no such case: %1"_s.arg(localId)};
    CaseDetail d;
    d.localId = localId;
    d.caseNo = c->value(0).toString();
    d.status = c->value(1).toString();
    d.decision = c->value(2).toString();
    d.ticketNo = c->value(3).toString();
    d.createdAt = c->value(4).toString();
    NoticeKind decisionNotice = d.decision == u"rejected"_s              ? NoticeKind::Rejection
                                : d.decision == u"correction_required"_s ? NoticeKind::Correction
                                                                         : NoticeKind::Acceptance;
    auto notice = CaseRepository(db).noticeData(localId, decisionNotice, hallName, clerkName);
    if (!notice.ok())
        return notice.error();
    d.notice = notice.value();
    decisionNotice = d.notice.kind; // an application for government information: its 登记回执
    auto ev = db.query(
        u"SELECT type, at, COALESCE(reason, '') FROM case_events WHERE case_local_id = ? ORDER BY at, id"_s,
        {localId});
    if (!ev.ok())
        return ev.error();
    bool delivered = false;
    while (ev->next()) {
        d.events.append({ev->value(0).toString(), ev->value(1).toString(), ev->value(2).toString()});
        delivered = delivered || d.events.last().type == u"delivered"_s;
    }
    // The notices the window issued for it: the decision's, the commitment letter when a material was
    // taken on commitment (告知承诺), the delivery receipt once delivered.
    d.notices << decisionNotice;
    for (const NoticeMaterialLine &m : d.notice.materials)
        if (m.status == u"commitment"_s) {
            d.notices << NoticeKind::Commitment;
            break;
        }
    if (delivered)
        d.notices << NoticeKind::Delivery;
    return d;
}

} // namespace windowdesk::cases
