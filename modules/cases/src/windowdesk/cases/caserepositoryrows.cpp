// CaseRepository, one case at a time: its head, events and applicant, and the rows a decision, an event or a
// correction writes. The board's and lists' statements are in caserepository.cpp.
#include "caserepository.h"

#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>

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
// The id number and phone are sealed at rest (storage::PersonalData): opened here, for the reveal and the
// returning applicant only.
HeldApplicant applicantFrom(const QSqlQuery &q, const storage::PersonalData &pd) {
    HeldApplicant a;
    a.origin = q.value(0).toString();
    a.caseNo = q.value(1).toString();
    a.kind = q.value(2).toString();
    a.name = q.value(3).toString();
    a.entityName = q.value(4).toString();
    a.idType = q.value(5).toString();
    const QString localId = q.value(9).toString();
    bool idLocked = false, phoneLocked = false;
    a.idNumber = pd.open(q.value(6), storage::pdcolumn::idNumber, localId, &idLocked);
    a.uscc = q.value(7).toString();
    a.phone = pd.open(q.value(8), storage::pdcolumn::phone, localId, &phoneLocked);
    a.sealedUnreadable = idLocked || phoneLocked;
    return a;
}

const QString kApplicantColumns =
    u"origin, COALESCE(case_no, ''), applicant_kind, applicant_name, COALESCE(entity_name, ''), "
    u"applicant_id_type, COALESCE(applicant_id_number, ''), COALESCE(uscc, ''), COALESCE(applicant_phone, "
    u"''), "
    u"local_id"_s;
} // namespace

Result<std::optional<HeldApplicant>> CaseRepository::heldApplicant(const QString &localId) const {
    auto q = m_db.query(u"SELECT "_s + kApplicantColumns + u" FROM cases WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<HeldApplicant>();
    return std::optional<HeldApplicant>(applicantFrom(*q, storage::PersonalData(m_db)));
}

// A sealed id number is found by its blind index; one written in clear (no keychain, not yet sealed) by
// itself; a USCC (public register data) is never sealed.
Result<std::optional<HeldApplicant>> CaseRepository::latestApplicantWith(const QString &identifier) const {
    const storage::PersonalData pd(m_db);
    auto q =
        m_db.query(u"SELECT "_s + kApplicantColumns +
                       u" FROM cases WHERE applicant_id_index = ? OR applicant_id_number = ? OR uscc = ? "
                       u"ORDER BY created_at DESC LIMIT 1"_s,
                   {pd.blindIndex(identifier), identifier, identifier});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<HeldApplicant>();
    return std::optional<HeldApplicant>(applicantFrom(*q, pd));
}

Status CaseRepository::insertCase(const NewCaseRow &r) {
    const storage::PersonalData pd(m_db);
    return m_db.exec(
        uR"(INSERT INTO cases (local_id, bundle_code, bundle_version, applicant_kind, applicant_name,
                applicant_id_type, applicant_id_number, applicant_phone, entity_name, uscc, form_values_json,
                decision, decision_reason, decision_basis, status, clerk_id, window_no, ticket_no, ticket_id,
                created_at, accepted_date, promised_days, legal_days, promised_due, legal_due, due_provisional,
                updated_at, applicant_id_index) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))"_s,
        {r.localId,
         r.bundleCode,
         r.bundleVersion,
         r.applicantKind,
         r.applicantName,
         r.idType,
         pd.seal(r.idNumber, storage::pdcolumn::idNumber, r.localId),
         pd.seal(r.phone, storage::pdcolumn::phone, r.localId),
         r.entityName,
         r.uscc,
         pd.seal(r.formValuesJson, storage::pdcolumn::formValues, r.localId),
         r.decision,
         r.decisionReason,
         r.decisionBasis,
         r.decision,
         r.clerkId,
         r.windowNo,
         r.ticketNo,
         r.ticketId,
         r.createdAt,
         r.acceptedDate,
         r.promisedDays,
         r.legalDays,
         r.promisedDue,
         r.legalDue,
         r.dueProvisional ? 1 : 0,
         r.createdAt,
         pd.blindIndex(r.idNumber.toString())});
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
    const storage::PersonalData pd(m_db);
    return m_db.exec(
        u"UPDATE cases SET applicant_name = ?, applicant_id_number = ?, applicant_phone = ?, "
        u"form_values_json = ?, sync_message_json = NULL, updated_at = ?, applicant_id_index = ? "
        u"WHERE local_id = ?"_s,
        {name, pd.seal(idNumber, storage::pdcolumn::idNumber, localId),
         pd.seal(phone, storage::pdcolumn::phone, localId),
         pd.seal(formValuesJson, storage::pdcolumn::formValues, localId), at,
         pd.blindIndex(idNumber.toString()), localId});
}

} // namespace windowdesk::cases
