// CaseRepository, one case at a time: its head, events and applicant, and the rows a decision, an event or a
// correction writes. The board's and lists' statements are in caserepository.cpp.
#include "caserepository.h"

#include <windowdesk/storage/database.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

Result<std::optional<CaseHead>> CaseRepository::head(const QString &localId) const {
    auto q =
        m_db.query(u"SELECT COALESCE(case_no, ''), status, decision, COALESCE(ticket_no, ''), created_at, "
                   u"origin FROM cases WHERE local_id = ?"_s,
                   {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<CaseHead>();
    return std::optional<CaseHead>(CaseHead{q->value(0).toString(), q->value(1).toString(),
                                            q->value(2).toString(), q->value(3).toString(),
                                            q->value(4).toString(), q->value(5).toString()});
}

Result<QList<std::array<QString, 3>>> CaseRepository::events(const QString &localId) const {
    auto q = m_db.query(
        u"SELECT type, at, COALESCE(reason, '') FROM case_events WHERE case_local_id = ? ORDER BY at, id"_s,
        {localId});
    if (!q.ok())
        return q.error();
    QList<std::array<QString, 3>> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    return out;
}

namespace {
HeldApplicant applicantFrom(const QSqlQuery &q) {
    HeldApplicant a;
    a.origin = q.value(0).toString();
    a.caseNo = q.value(1).toString();
    a.kind = q.value(2).toString();
    a.name = q.value(3).toString();
    a.entityName = q.value(4).toString();
    a.idType = q.value(5).toString();
    a.idNumber = q.value(6).toString();
    a.uscc = q.value(7).toString();
    a.phone = q.value(8).toString();
    return a;
}

const QString kApplicantColumns =
    u"origin, COALESCE(case_no, ''), applicant_kind, applicant_name, COALESCE(entity_name, ''), "
    u"applicant_id_type, COALESCE(applicant_id_number, ''), COALESCE(uscc, ''), COALESCE(applicant_phone, '')"_s;
} // namespace

Result<std::optional<HeldApplicant>> CaseRepository::heldApplicant(const QString &localId) const {
    auto q = m_db.query(u"SELECT "_s + kApplicantColumns + u" FROM cases WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<HeldApplicant>();
    return std::optional<HeldApplicant>(applicantFrom(*q));
}

Result<std::optional<HeldApplicant>> CaseRepository::latestApplicantWith(const QString &identifier) const {
    auto q = m_db.query(u"SELECT "_s + kApplicantColumns +
                            u" FROM cases WHERE applicant_id_number = ? OR uscc = ? ORDER BY created_at DESC "
                            u"LIMIT 1"_s,
                        {identifier, identifier});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<HeldApplicant>();
    return std::optional<HeldApplicant>(applicantFrom(*q));
}

Status CaseRepository::insertCase(const NewCaseRow &r) {
    return m_db.exec(
        uR"(INSERT INTO cases (local_id, bundle_code, bundle_version, applicant_kind, applicant_name,
                applicant_id_type, applicant_id_number, applicant_phone, entity_name, uscc, form_values_json,
                decision, decision_reason, decision_basis, status, clerk_id, window_no, ticket_no, ticket_id,
                created_at, accepted_date, promised_days, legal_days, promised_due, legal_due, due_provisional,
                updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))"_s,
        {r.localId,        r.bundleCode,
         r.bundleVersion,  r.applicantKind,
         r.applicantName,  r.idType,
         r.idNumber,       r.phone,
         r.entityName,     r.uscc,
         r.formValuesJson, r.decision,
         r.decisionReason, r.decisionBasis,
         r.decision,       r.clerkId,
         r.windowNo,       r.ticketNo,
         r.ticketId,       r.createdAt,
         r.acceptedDate,   r.promisedDays,
         r.legalDays,      r.promisedDue,
         r.legalDue,       r.dueProvisional ? 1 : 0,
         r.createdAt});
}

Status CaseRepository::insertItem(const QString &localId, int ord, const QString &itemCode, int itemVersion) {
    return m_db.exec(
        u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) VALUES (?,?,?,?)"_s,
        {localId, ord, itemCode, itemVersion});
}

Status CaseRepository::insertMaterial(const QString &localId, const QString &itemCode,
                                      const QString &materialId, const QString &status,
                                      const QVariant &licenseId, const QVariant &reason) {
    return m_db.exec(
        u"INSERT INTO case_materials (case_local_id, item_code, material_id, status, license_id, "
        u"reason) VALUES (?,?,?,?,?,?)"_s,
        {localId, itemCode, materialId, status, licenseId, reason});
}

Status CaseRepository::addEvent(const CaseEventRow &e) {
    if (e.source.isValid())
        return m_db.exec(
            u"INSERT INTO case_events (event_id, case_local_id, type, reason, at, by_user, source) "
            u"VALUES (?,?,?,?,?,?,?)"_s,
            {e.eventId, e.caseLocalId, e.type, e.reason, e.at, e.byUser, e.source});
    return m_db.exec(u"INSERT INTO case_events (event_id, case_local_id, type, reason, at, by_user) VALUES "
                     u"(?,?,?,?,?,?)"_s,
                     {e.eventId, e.caseLocalId, e.type, e.reason, e.at, e.byUser});
}

Status CaseRepository::setStatus(const QString &localId, const QString &status, const QString &at) {
    return m_db.exec(u"UPDATE cases SET status = ?, updated_at = ? WHERE local_id = ?"_s,
                     {status, at, localId});
}

Status CaseRepository::correctApplicant(const QString &localId, const QString &name, const QVariant &idNumber,
                                        const QVariant &phone, const QString &formValuesJson,
                                        const QString &at) {
    return m_db.exec(u"UPDATE cases SET applicant_name = ?, applicant_id_number = ?, applicant_phone = ?, "
                     u"form_values_json = ?, sync_message_json = NULL, updated_at = ? WHERE local_id = ?"_s,
                     {name, idNumber, phone, formValuesJson, at, localId});
}

} // namespace windowdesk::cases
