// CaseRepository, the platform's side: what the case feeds (this window's and the hall-wide one) and the
// push answers change in the local cases. The appliers (syncappliers.cpp) check the JSON and decide; these
// are the only statements they run on cases, case_items, case_events and case_suspensions.
#include "caserepository.h"

#include <windowdesk/storage/database.h>

#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
QVariant textOrNull(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

Result<QString> firstText(storage::Database &db, const QString &sql, const QVariantList &binds) {
    auto q = db.query(sql, binds);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}
} // namespace

Result<QString> CaseRepository::localIdForPlatformCase(const QString &caseNo, const QString &localId) const {
    // Matched by number, or by local_id when our POST's answer was lost.
    return firstText(m_db,
                     u"SELECT local_id FROM cases WHERE case_no = ? OR (case_no IS NULL AND local_id = ?)"_s,
                     {caseNo, localId});
}

Result<QString> CaseRepository::caseNoOf(const QString &localId) const {
    return firstText(m_db, u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId});
}

Status CaseRepository::noteSyncMessage(const QString &localId, const QString &messageJson) {
    return m_db.exec(u"UPDATE cases SET sync_message_json = ? WHERE local_id = ?"_s, {messageJson, localId});
}

QList<int> CaseRepository::openLegalDueYears() const {
    QList<int> years;
    auto q =
        m_db.query(u"SELECT DISTINCT CAST(substr(legal_due, 1, 4) AS INTEGER) FROM cases WHERE legal_due "
                   u"IS NOT NULL AND status IN ('accepted','in_progress','suspended')"_s);
    if (q.ok())
        while (q->next())
            years.append(q->value(0).toInt());
    return years;
}

Status CaseRepository::applyPlatformCase(const QString &localId, const PlatformCaseChange &c,
                                         const QString &at) {
    // The server's dates are authoritative (platform-api.md); an older version never overwrites a newer one.
    // A status this version does not know (a newer platform) keeps the local one; the number and dates land.
    Status s =
        m_db.exec(u"UPDATE cases SET case_no = ?, status = COALESCE(?, status), promised_due = ?, "
                  u"legal_due = ?, due_source = 'platform', due_provisional = 0, remote_version = ?, "
                  u"updated_at = ? WHERE local_id = ? AND remote_version <= ?"_s,
                  {c.caseNo, c.status ? QVariant(core::toString(*c.status)) : QVariant(),
                   textOrNull(c.promisedDue), textOrNull(c.legalDue), c.version, at, localId, c.version});
    // platform-api.md 1.1 (依申请公开): extensions of the legal limit, only for the version now stored.
    if (s.ok() && c.extensionDays)
        s = m_db.exec(u"UPDATE cases SET extension_days = ? WHERE local_id = ? AND remote_version = ?"_s,
                      {*c.extensionDays, localId, c.version});
    if (!s.ok() || !c.suspensions)
        return s;
    // The platform's suspensions replace ours when its version is the one now stored.
    auto q = m_db.query(u"SELECT remote_version FROM cases WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    if (!q->next() || q->value(0).toInt() != c.version)
        return {};
    s = m_db.exec(u"DELETE FROM case_suspensions WHERE case_local_id = ?"_s, {localId});
    for (const auto &[from, to] : *c.suspensions) {
        if (!s.ok())
            break;
        s = m_db.exec(u"INSERT INTO case_suspensions(case_local_id, from_date, to_date) VALUES (?, ?, ?)"_s,
                      {localId, from, textOrNull(to)});
    }
    return s;
}

Status CaseRepository::insertHallCase(const HallCaseRow &c) {
    Status s = m_db.exec(
        u"INSERT INTO cases (local_id, case_no, bundle_code, applicant_kind, applicant_name, "
        u"applicant_id_number, "
        u"decision, status, clerk_id, window_no, created_at, accepted_date, promised_days, legal_days, "
        u"due_source, remote_version, updated_at, origin, applicant_id_masked, clerk_name, department_code) "
        u"VALUES (?, ?, ?, 'person', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'platform', 0, ?, 'hall_feed', ?, ?, ?)"_s,
        {c.localId, c.caseNo, textOrNull(c.bundleCode), c.applicantName.isEmpty() ? u"—"_s : c.applicantName,
         core::toString(c.decision), core::toString(c.status), c.clerkId, c.windowNo, c.createdAt,
         c.acceptedDate, c.promisedDays, c.legalDays, c.at, textOrNull(c.idMasked), textOrNull(c.clerkName),
         textOrNull(c.departmentCode)});
    if (!s.ok())
        return s;
    // Its timeline starts with the decision at that window, as every case's does.
    s = addEvent({QUuid::createUuid().toString(QUuid::WithoutBraces), c.localId, u"created"_s,
                  core::toString(c.decision), c.createdAt, c.clerkId, u"platform"_s});
    if (!s.ok())
        return s;
    // The items at the versions this desk knows (the department on the board comes from them).
    int ord = 0;
    for (const QString &code : c.itemCodes) {
        auto version =
            firstText(m_db,
                      u"SELECT version FROM service_items WHERE code = ? AND is_current = 1 ORDER BY "
                      u"version DESC LIMIT 1"_s,
                      {code});
        if (!version.ok())
            return version.error();
        if (version->isEmpty())
            continue;
        s = m_db.exec(
            u"INSERT OR IGNORE INTO case_items (case_local_id, ord, item_code, item_version) VALUES "
            u"(?, ?, ?, ?)"_s,
            {c.localId, ord++, code, version->toInt()});
        if (!s.ok())
            return s;
    }
    return {};
}

Status CaseRepository::applyHallFields(const QString &localId, int version, int extensionDays,
                                       const QString &clerkName, const QString &departmentCode,
                                       const std::optional<QPair<QString, QString>> &feedApplicant) {
    // Only for the version now stored (an older change never overwrites a newer one).
    Status s =
        m_db.exec(u"UPDATE cases SET extension_days = ?, clerk_name = COALESCE(?, clerk_name), "
                  u"department_code = COALESCE(?, department_code) WHERE local_id = ? AND "
                  u"remote_version = ?"_s,
                  {extensionDays, textOrNull(clerkName), textOrNull(departmentCode), localId, version});
    // A hall-feed case's applicant as the feed shows it (masked); a desk case keeps its own.
    if (s.ok() && feedApplicant)
        s = m_db.exec(u"UPDATE cases SET applicant_name = ?, applicant_id_masked = ? WHERE local_id = ? AND "
                      u"origin = 'hall_feed' AND remote_version = ?"_s,
                      {feedApplicant->first, textOrNull(feedApplicant->second), localId, version});
    return s;
}

Status CaseRepository::applyBackOfficeStatus(const QString &localId, core::CaseStatus status,
                                             const QList<QPair<QDate, QDate>> &suspensions,
                                             const QString &at) {
    Status s = m_db.exec(u"UPDATE cases SET status = ?, remote_version = remote_version + 1, updated_at = ? "
                         u"WHERE local_id = ?"_s,
                         {core::toString(status), at, localId});
    for (const auto &[from, to] : suspensions) {
        if (!s.ok())
            return s;
        s = m_db.exec(u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES (?, ?, ?)"_s,
                      {localId, from.toString(Qt::ISODate),
                       to.isValid() ? QVariant(to.toString(Qt::ISODate)) : QVariant()});
    }
    if (!s.ok())
        return s;
    return addEvent({QUuid::createUuid().toString(QUuid::WithoutBraces), localId, u"status_changed"_s,
                     core::toString(status), at, QVariant(), u"platform"_s});
}

Result<qint64> CaseRepository::lastWrittenMark() const {
    auto q = m_db.query(u"SELECT COALESCE(max(rowid), 0) FROM cases"_s);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<QList<WrittenCase>> CaseRepository::writtenAfter(qint64 mark) const {
    auto q = m_db.query(u"SELECT local_id, created_at, accepted_date, promised_days, decision, window_no, "
                        u"clerk_id FROM cases WHERE rowid > ? ORDER BY rowid"_s,
                        {mark});
    if (!q.ok())
        return q.error();
    QList<WrittenCase> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(4).toString(),
                    q->value(5).toString(), q->value(6).toString(),
                    QDate::fromString(q->value(2).toString(), Qt::ISODate), q->value(3).toInt()});
    return out;
}

} // namespace windowdesk::cases
