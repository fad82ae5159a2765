#include "applicantreveal.h"
#include "caserepository.h"

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
    auto held = CaseRepository(m_db).heldApplicant(caseLocalId);
    if (!held.ok())
        return held.error();
    if (!held.value())
        return Error{u"not_found"_s, u"没有这个办件"_s};
    const HeldApplicant &a = *held.value();
    if (a.origin != u"desk"_s)
        return Error{u"not_held"_s, u"此办件由其他窗口受理（全厅数据），本机没有申请人的完整证件号码和电话，"
                                    u"只有平台发来的脱敏信息"_s};
    if (a.sealedUnreadable)
        return Error{
            u"personal_data_locked"_s,
            u"申请人的证件号码和电话已加密，本机钥匙串中没有此数据库的密钥，无法查看 / the applicant's id "
            u"number and phone are sealed and this keychain does not hold the database's key"_s};
    RevealedApplicant out;
    out.caseNo = a.caseNo;
    out.applicantKind = a.kind;
    out.name = a.name;
    out.entityName = a.entityName;
    out.idType = a.idType;
    out.idNumber = a.idNumber;
    out.uscc = a.uscc;
    out.phone = a.phone;
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
