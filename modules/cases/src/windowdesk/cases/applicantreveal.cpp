#include "applicantreveal.h"

#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

ApplicantReveal::ApplicantReveal(storage::Database &db, storage::AuditLog *audit)
    : m_db(db)
    , m_audit(audit) {}

Result<RevealedApplicant> ApplicantReveal::reveal(const QStringList &roles, const QString &userId,
                                                  const QString &caseLocalId, const QString &reason) {
    if (!roles.contains(u"supervisor"_s))
        return Error{u"forbidden"_s, u"只有大厅负责人可以查看申请人完整信息"_s};
    const QString why = reason.simplified();
    if (why.size() < kMinReasonLength)
        return Error{u"invalid_argument"_s,
                     u"请填写查看原因（至少 %1 个字），未显示任何信息"_s.arg(kMinReasonLength)};
    if (!m_audit)
        return Error{u"audit_unavailable"_s, u"审计日志不可用，不能查看申请人完整信息"_s};
    auto q = m_db.query(u"SELECT origin, COALESCE(case_no, ''), applicant_kind, applicant_name, "
                        u"COALESCE(entity_name, ''), applicant_id_type, COALESCE(applicant_id_number, ''), "
                        u"COALESCE(uscc, ''), COALESCE(applicant_phone, '') FROM cases WHERE local_id = ?"_s,
                        {caseLocalId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这个办件"_s};
    if (q->value(0).toString() != u"desk"_s)
        return Error{u"not_held"_s, u"此办件由其他窗口受理（全厅数据），本机没有申请人的完整证件号码和电话，"
                                    u"只有平台发来的脱敏信息"_s};
    RevealedApplicant out;
    out.caseNo = q->value(1).toString();
    out.applicantKind = q->value(2).toString();
    out.name = q->value(3).toString();
    out.entityName = q->value(4).toString();
    out.idType = q->value(5).toString();
    out.idNumber = q->value(6).toString();
    out.uscc = q->value(7).toString();
    out.phone = q->value(8).toString();
    // The audit row first, in its own transaction: the data leaves the repository only once it is written.
    // It names the case and the reason; the revealed values are never in it.
    QJsonObject details{{u"reason"_s, why}, {u"fields"_s, u"id_number,phone"_s}};
    if (!out.caseNo.isEmpty())
        details.insert(u"case_no"_s, out.caseNo);
    if (Status s = m_audit->append({userId, u"applicant_revealed"_s, caseLocalId, details}); !s.ok())
        return s.error();
    return out;
}

} // namespace windowdesk::cases
