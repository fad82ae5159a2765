#include "dutyappliers.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/hallduties.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
QVariant textOrNull(const QJsonValue &v) {
    return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant();
}
bool isDate(const QJsonValue &v) {
    return v.isString() && QDate::fromString(v.toString(), Qt::ISODate).isValid();
}
} // namespace

// ---- 办不成事
// -----------------------------------------------------------------------------------------------

QString UnresolvedStreamApplier::stream() const {
    return u"unresolved_requests"_s;
}

QString UnresolvedStreamApplier::path() const {
    return u"/unresolved-requests/changes"_s;
}

QString UnresolvedStreamApplier::listKey() const {
    return u"requests"_s;
}

QStringList UnresolvedStreamApplier::outboxKinds() const {
    return {u"unresolved_request"_s};
}

bool UnresolvedStreamApplier::requiresApi11(const QString &kind) const {
    return kind == u"unresolved_request"_s;
}

Result<storage::AppliedPage> UnresolvedStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject r = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        const QString no = r.value(u"request_no"_s).toString();
        const QJsonObject applicant = r.value(u"applicant"_s).toObject();
        if (no.isEmpty() || r.value(u"local_id"_s).toString().isEmpty() ||
            !core::unresolvedStateFromString(r.value(u"state"_s).toString()) ||
            !core::unresolvedCategoryFromString(r.value(u"category"_s).toString()) ||
            !r.value(u"version"_s).isDouble() || !isDate(r.value(u"reply_due"_s)) ||
            !QDateTime::fromString(r.value(u"created_at"_s).toString(), Qt::ISODate).isValid() ||
            applicant.value(u"name"_s).toString().isEmpty()) {
            page.rejected.append({no.isEmpty() ? idx : no, u"invalid unresolved request"_s});
            continue;
        }
        if (Status s = applyRecord(r); !s.ok())
            return s.error();
        ++page.applied;
    }
    return page;
}

// Ours (by local_id) takes the platform's number, state, reply date and actions when the version is newer;
// another window's is added once, then updated the same way.
Status UnresolvedStreamApplier::applyRecord(const QJsonObject &r) {
    const QString localId = r.value(u"local_id"_s).toString();
    const QJsonObject applicant = r.value(u"applicant"_s).toObject();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    const QDateTime created = QDateTime::fromString(r.value(u"created_at"_s).toString(), Qt::ISODate);
    Status s = m_db.exec(
        u"INSERT OR IGNORE INTO unresolved_requests (local_id, origin, category, description, "
        u"applicant_name, "
        u"applicant_phone, routed_to, case_local_id, evaluation_local_id, clerk_id, window_no, created_at, "
        u"reply_due, updated_at) VALUES (?, 'platform', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {localId, r.value(u"category"_s).toString(), r.value(u"description"_s).toString(),
         applicant.value(u"name"_s).toString(),
         storage::PersonalData(m_db).seal(applicant.value(u"phone"_s).toString(u""_s),
                                          storage::pdcolumn::unresolvedPhone, localId),
         textOrNull(r.value(u"routed_to"_s)), textOrNull(r.value(u"case_local_id"_s)),
         textOrNull(r.value(u"evaluation_local_id"_s)), r.value(u"clerk_id"_s).toString(u""_s),
         r.value(u"window_no"_s).toString(u""_s), created.toUTC().toString(Qt::ISODate),
         r.value(u"reply_due"_s).toString(), now});
    if (!s.ok())
        return s;
    const QString actions =
        QString::fromUtf8(QJsonDocument(r.value(u"actions"_s).toArray()).toJson(QJsonDocument::Compact));
    return m_db.exec(
        u"UPDATE unresolved_requests SET request_no = ?, state = ?, reply_due = ?, actions_json = ?, "
        u"remote_version = ?, updated_at = ? WHERE local_id = ? AND remote_version < ?"_s,
        {r.value(u"request_no"_s).toString(), r.value(u"state"_s).toString(),
         r.value(u"reply_due"_s).toString(), actions, r.value(u"version"_s).toInt(), now, localId,
         r.value(u"version"_s).toInt()});
}

bool UnresolvedStreamApplier::answerComplete(const storage::OutboxEntry &, const QJsonObject &answer) const {
    return !answer.value(u"request_no"_s).toString().isEmpty();
}

Result<QString> UnresolvedStreamApplier::platformId(const QString &localId) const {
    auto q = m_db.query(u"SELECT COALESCE(request_no, '') FROM unresolved_requests WHERE local_id = ?"_s,
                        {localId});
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status UnresolvedStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    if (record.value(u"request_no"_s).toString().isEmpty() ||
        !core::unresolvedStateFromString(record.value(u"state"_s).toString()))
        return Status::failure(u"bad_answer"_s, u"the platform's request is incomplete"_s);
    QJsonObject r = record;
    if (r.value(u"local_id"_s).toString().isEmpty())
        r.insert(u"local_id"_s, entry.localId);
    if (!isDate(r.value(u"reply_due"_s)))
        return Status::failure(u"bad_answer"_s, u"the platform's request has no reply date"_s);
    return m_db.exec(
        u"UPDATE unresolved_requests SET request_no = ?, state = ?, reply_due = ?, actions_json = ?, "
        u"remote_version = ?, updated_at = ? WHERE local_id = ? AND remote_version < ?"_s,
        {r.value(u"request_no"_s).toString(), r.value(u"state"_s).toString(),
         r.value(u"reply_due"_s).toString(),
         QString::fromUtf8(QJsonDocument(r.value(u"actions"_s).toArray()).toJson(QJsonDocument::Compact)),
         r.value(u"version"_s).toInt(), m_clock.nowUtc().toString(Qt::ISODate), entry.localId,
         r.value(u"version"_s).toInt()});
}

// ---- 告知承诺 post-checks
// ----------------------------------------------------------------------------------

QString CommitmentCheckStreamApplier::stream() const {
    return u"commitment_checks"_s;
}

QString CommitmentCheckStreamApplier::path() const {
    return u"/commitment-checks/changes"_s;
}

QString CommitmentCheckStreamApplier::listKey() const {
    return u"checks"_s;
}

QStringList CommitmentCheckStreamApplier::outboxKinds() const {
    return {u"commitment_check_result"_s};
}

bool CommitmentCheckStreamApplier::requiresApi11(const QString &kind) const {
    return kind == u"commitment_check_result"_s;
}

bool CommitmentCheckStreamApplier::valid(const QJsonObject &c) {
    const QString consequence = c.value(u"consequence"_s).toString();
    return !c.value(u"check_id"_s).toString().isEmpty() && !c.value(u"case_no"_s).toString().isEmpty() &&
           core::checkStateFromString(c.value(u"state"_s).toString()).has_value() &&
           c.value(u"version"_s).isDouble() && isDate(c.value(u"due_date"_s)) &&
           (consequence.isEmpty() || core::checkConsequenceFromString(consequence));
}

Result<storage::AppliedPage> CommitmentCheckStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject c = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        if (!valid(c)) {
            const QString id = c.value(u"check_id"_s).toString();
            page.rejected.append({id.isEmpty() ? idx : id, u"invalid commitment check"_s});
            continue;
        }
        if (Status s = upsert(c); !s.ok())
            return s.error();
        ++page.applied;
    }
    return page;
}

// A newer version replaces the stored one; an older one changes nothing.
Status CommitmentCheckStreamApplier::upsert(const QJsonObject &c) {
    return m_db.exec(
        u"INSERT INTO commitment_checks (check_id, case_no, item_code, material_id, material_name, due_date, "
        u"state, "
        u"outcome_note, consequence, remote_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        u"ON CONFLICT(check_id) DO UPDATE SET case_no = excluded.case_no, item_code = excluded.item_code, "
        u"material_id = excluded.material_id, material_name = excluded.material_name, due_date = "
        u"excluded.due_date, "
        u"state = excluded.state, outcome_note = excluded.outcome_note, consequence = excluded.consequence, "
        u"remote_version = excluded.remote_version, updated_at = excluded.updated_at "
        u"WHERE excluded.remote_version > commitment_checks.remote_version"_s,
        {c.value(u"check_id"_s).toString(), c.value(u"case_no"_s).toString(),
         c.value(u"item_code"_s).toString(u""_s), c.value(u"material_id"_s).toString(u""_s),
         c.value(u"material_name"_s).toString(u""_s), c.value(u"due_date"_s).toString(),
         c.value(u"state"_s).toString(), textOrNull(c.value(u"outcome_note"_s)),
         textOrNull(c.value(u"consequence"_s)), c.value(u"version"_s).toInt(),
         c.value(u"updated_at"_s).toString(m_clock.nowUtc().toString(Qt::ISODate))});
}

bool CommitmentCheckStreamApplier::answerComplete(const storage::OutboxEntry &,
                                                  const QJsonObject &answer) const {
    return valid(answer);
}

Result<QString> CommitmentCheckStreamApplier::platformId(const QString &localId) const {
    auto q = m_db.query(u"SELECT check_id FROM commitment_check_results WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status CommitmentCheckStreamApplier::applyAnswer(const storage::OutboxEntry &, const QJsonObject &record) {
    if (!valid(record))
        return Status::failure(u"bad_answer"_s, u"the platform's check is incomplete"_s);
    return upsert(record);
}

void registerDutyAppliers() {
    storage::registerStreamApplier(u"unresolved_requests"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<UnresolvedStreamApplier>(db, clock));
    });
    storage::registerStreamApplier(u"commitment_checks"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(
            std::make_unique<CommitmentCheckStreamApplier>(db, clock));
    });
}

} // namespace windowdesk::cases
