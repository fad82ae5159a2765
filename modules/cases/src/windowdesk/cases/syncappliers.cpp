#include "syncappliers.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/database.h>

#include <QDate>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
const QStringList kCaseStatuses = {u"accepted"_s,  u"in_progress"_s,        u"suspended"_s,
                                   u"completed"_s, u"delivered"_s,          u"rejected"_s,
                                   u"withdrawn"_s, u"correction_required"_s};
const QStringList kEvaluationStates = {u"open"_s,      u"verified"_s, u"rectified"_s,
                                       u"explained"_s, u"appealed"_s, u"closed"_s};

QVariant strOrNull(const QJsonValue &v) {
    return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant();
}

bool validDate(const QJsonValue &v) {
    return v.isNull() || v.isUndefined() ||
           (v.isString() && QDate::fromString(v.toString(), Qt::ISODate).isValid());
}

Result<QString> firstText(storage::Database &db, const QString &sql, const QVariantList &binds) {
    auto q = db.query(sql, binds);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}
} // namespace

// ---- Cases -------------------------------------------------------------------------------------------

QString CaseStreamApplier::stream() const {
    return u"case_changes"_s;
}

QString CaseStreamApplier::path() const {
    return u"/cases/changes"_s;
}

QStringList CaseStreamApplier::outboxKinds() const {
    return {u"case"_s, u"case_event"_s};
}

QString CaseStreamApplier::pathPlaceholder() const {
    return u"{case_no}"_s;
}

Result<storage::AppliedPage> CaseStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject c = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        const QString caseNo = c.value(u"case_no"_s).toString();
        if (caseNo.isEmpty() || !kCaseStatuses.contains(c.value(u"status"_s).toString()) ||
            !c.value(u"version"_s).isDouble() || !validDate(c.value(u"due_date"_s)) ||
            !validDate(c.value(u"legal_due_date"_s))) {
            page.rejected.append({caseNo.isEmpty() ? idx : caseNo, u"invalid case change"_s});
            continue;
        }
        // Our own case (matched by number, or by local_id when our POST's answer was lost).
        auto localId = firstText(m_db,
                                 u"SELECT local_id FROM cases WHERE case_no = ? OR (case_no IS NULL AND "
                                 u"local_id = ?)"_s,
                                 {caseNo, c.value(u"local_id"_s).toString()});
        if (!localId.ok())
            return localId.error();
        if (localId->isEmpty())
            continue; // another window's case: nothing local to update
        if (Status s = applyCase(localId.value(), c); !s.ok())
            return s.error();
        ++page.applied;
    }
    return page;
}

bool CaseStreamApplier::answerComplete(const storage::OutboxEntry &, const QJsonObject &answer) const {
    return !answer.value(u"case_no"_s).toString().isEmpty();
}

Result<QString> CaseStreamApplier::platformId(const QString &localId) const {
    return firstText(m_db, u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId});
}

Status CaseStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    return applyCase(entry.kind == u"case"_s ? entry.localId : entry.parentLocalId, record);
}

Status CaseStreamApplier::noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) {
    if (entry.kind != u"case"_s)
        return {};
    return m_db.exec(
        u"UPDATE cases SET sync_message_json = ? WHERE local_id = ?"_s,
        {QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)), entry.localId});
}

QList<int> CaseStreamApplier::calendarYearsNeeded() const {
    QList<int> years;
    auto q =
        m_db.query(u"SELECT DISTINCT CAST(substr(legal_due, 1, 4) AS INTEGER) FROM cases WHERE legal_due "
                   u"IS NOT NULL AND status IN ('accepted','in_progress','suspended')"_s);
    if (q.ok())
        while (q->next())
            years.append(q->value(0).toInt());
    return years;
}

Status CaseStreamApplier::applyCase(const QString &localId, const QJsonObject &c) {
    const QString caseNo = c.value(u"case_no"_s).toString();
    const QString status = c.value(u"status"_s).toString();
    if (caseNo.isEmpty() || !validDate(c.value(u"due_date"_s)) || !validDate(c.value(u"legal_due_date"_s)))
        return Status::failure(u"bad_answer"_s, u"the platform's case is incomplete"_s);
    const int version = c.value(u"version"_s).toInt();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    // The server's dates are authoritative (platform-api.md); an older version never overwrites a newer one.
    // A status this version does not know (a newer platform) keeps the local one; the number and dates still
    // land.
    Status s = m_db.exec(u"UPDATE cases SET case_no = ?, status = COALESCE(?, status), promised_due = ?, "
                         u"legal_due = ?, due_source = 'platform', due_provisional = 0, remote_version = ?, "
                         u"updated_at = ? WHERE local_id = ? AND remote_version <= ?"_s,
                         {caseNo, kCaseStatuses.contains(status) ? QVariant(status) : QVariant(),
                          strOrNull(c.value(u"due_date"_s)), strOrNull(c.value(u"legal_due_date"_s)), version,
                          now, localId, version});
    if (!s.ok() || !c.value(u"suspensions"_s).isArray())
        return s;
    return replaceSuspensions(localId, version, c.value(u"suspensions"_s).toArray());
}

// The platform's suspensions replace ours when its version is the one now stored.
Status CaseStreamApplier::replaceSuspensions(const QString &localId, int version,
                                             const QJsonArray &suspensions) {
    auto q = m_db.query(u"SELECT remote_version FROM cases WHERE local_id = ?"_s, {localId});
    if (!q.ok() || !q->next() || q->value(0).toInt() != version)
        return {};
    Status s = m_db.exec(u"DELETE FROM case_suspensions WHERE case_local_id = ?"_s, {localId});
    for (const auto &v : suspensions) {
        if (!s.ok())
            break;
        const QJsonObject o = v.toObject();
        if (!QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate).isValid())
            continue;
        s = m_db.exec(u"INSERT INTO case_suspensions(case_local_id, from_date, to_date) VALUES (?, ?, ?)"_s,
                      {localId, o.value(u"from"_s).toString(), strOrNull(o.value(u"to"_s))});
    }
    return s;
}

// ---- Evaluations -------------------------------------------------------------------------------------

QString EvaluationStreamApplier::stream() const {
    return u"evaluation_changes"_s;
}

QString EvaluationStreamApplier::path() const {
    return u"/evaluations/changes"_s;
}

QStringList EvaluationStreamApplier::outboxKinds() const {
    return {u"evaluation"_s};
}

QString EvaluationStreamApplier::pathPlaceholder() const {
    return u"{evaluation_id}"_s;
}

Result<storage::AppliedPage> EvaluationStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject c = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        const QString evalId = c.value(u"evaluation_id"_s).toString();
        if (evalId.isEmpty() || !kEvaluationStates.contains(c.value(u"state"_s).toString()) ||
            !c.value(u"version"_s).isDouble() || !validDate(c.value(u"rectification_due"_s)) ||
            (!c.value(u"actions"_s).isUndefined() && !c.value(u"actions"_s).isArray())) {
            page.rejected.append({evalId.isEmpty() ? idx : evalId, u"invalid evaluation change"_s});
            continue;
        }
        auto ours = applyChange(c);
        if (!ours.ok())
            return ours.error();
        if (ours.value())
            ++page.applied;
    }
    return page;
}

// False: another window's evaluation, nothing local to update.
Result<bool> EvaluationStreamApplier::applyChange(const QJsonObject &c) {
    const QString evalId = c.value(u"evaluation_id"_s).toString();
    auto localId = firstText(m_db,
                             u"SELECT local_id FROM evaluations WHERE evaluation_id = ? OR "
                             u"(evaluation_id IS NULL AND local_id = ?)"_s,
                             {evalId, c.value(u"local_id"_s).toString()});
    if (!localId.ok())
        return localId.error();
    if (localId->isEmpty())
        return false;
    const int version = c.value(u"version"_s).toInt();
    Status s = m_db.exec(u"UPDATE evaluations SET evaluation_id = ?, state = ?, rectification_due = ?, "
                         u"remote_version = ?, updated_at = ? WHERE local_id = ? AND remote_version < ?"_s,
                         {evalId, c.value(u"state"_s).toString(), strOrNull(c.value(u"rectification_due"_s)),
                          version, m_clock.nowUtc().toString(Qt::ISODate), localId.value(), version});
    if (s.ok())
        s = addPlatformActions(evalId, localId.value(), c.value(u"actions"_s).toArray());
    if (!s.ok())
        return s.error();
    return true;
}

Status EvaluationStreamApplier::addPlatformActions(const QString &evalId, const QString &localId,
                                                   const QJsonArray &actions) {
    for (const auto &av : actions) {
        const QJsonObject a = av.toObject();
        if (a.value(u"action"_s).toString().isEmpty() || a.value(u"at"_s).toString().isEmpty())
            continue;
        // The same platform action pulled again is the same row.
        const QByteArray identity = (evalId + u'\n' + a.value(u"action"_s).toString() + u'\n' +
                                     a.value(u"at"_s).toString() + u'\n' + a.value(u"by"_s).toString())
                                        .toUtf8();
        const QString actionId = u"p-"_s + QString::fromLatin1(crypto::sha256(identity).toHex().left(32));
        if (Status s =
                m_db.exec(u"INSERT OR IGNORE INTO rectification_actions(action_id, evaluation_local_id, "
                          u"action, note, at, by_user, source) VALUES (?, ?, ?, ?, ?, ?, 'platform')"_s,
                          {actionId, localId, a.value(u"action"_s).toString(), a.value(u"note"_s).toString(),
                           a.value(u"at"_s).toString(), a.value(u"by"_s).toString()});
            !s.ok())
            return s;
    }
    return {};
}

bool EvaluationStreamApplier::answerComplete(const storage::OutboxEntry &, const QJsonObject &answer) const {
    return !answer.value(u"evaluation_id"_s).toString().isEmpty();
}

Result<QString> EvaluationStreamApplier::platformId(const QString &localId) const {
    return firstText(m_db, u"SELECT evaluation_id FROM evaluations WHERE local_id = ?"_s, {localId});
}

Status EvaluationStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    const QString id = record.value(u"evaluation_id"_s).toString();
    if (id.isEmpty())
        return {}; // e.g. a case in a 409's details: nothing for the evaluation
    const QVariant due = strOrNull(record.value(u"rectification_due"_s));
    return m_db.exec(u"UPDATE evaluations SET evaluation_id = ?, rectification_due = ?, "
                     u"state = COALESCE(state, CASE WHEN ? IS NOT NULL THEN 'open' END), "
                     u"updated_at = ? WHERE local_id = ?"_s,
                     {id, due, due, m_clock.nowUtc().toString(Qt::ISODate), entry.localId});
}

Status EvaluationStreamApplier::noteRejected(const storage::OutboxEntry &, const QJsonObject &) {
    return {};
}

void registerSyncAppliers() {
    storage::registerStreamApplier(u"case_changes"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<CaseStreamApplier>(db, clock));
    });
    storage::registerStreamApplier(u"evaluation_changes"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<EvaluationStreamApplier>(db, clock));
    });
}

} // namespace windowdesk::cases
