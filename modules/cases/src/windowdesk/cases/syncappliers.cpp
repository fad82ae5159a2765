#include "syncappliers.h"

#include "crossprovinceapplier.h"
#include "dutyappliers.h"
#include "ticketevents.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/database.h>

#include <QDate>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
const QStringList kEvaluationStates = {u"open"_s,      u"verified"_s, u"rectified"_s,
                                       u"explained"_s, u"appealed"_s, u"closed"_s};

QVariant strOrNull(const QJsonValue &v) {
    return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant();
}

bool validDate(const QJsonValue &v) {
    return v.isNull() || v.isUndefined() ||
           (v.isString() && QDate::fromString(v.toString(), Qt::ISODate).isValid());
}

int extensionDays(const QJsonArray &extensions) {
    int days = 0;
    for (const auto &e : extensions)
        days += qMax(0, e.toObject().value(u"days"_s).toInt());
    return days;
}

Result<QString> firstText(storage::Database &db, const QString &sql, const QVariantList &binds) {
    auto q = db.query(sql, binds);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}
} // namespace

// ---- Cases -------------------------------------------------------------------------------------------

namespace {
// The change a case record states (validDate() already checked its dates).
PlatformCaseChange caseChange(const QJsonObject &c) {
    PlatformCaseChange change;
    change.caseNo = c.value(u"case_no"_s).toString();
    change.status = core::caseStatusFromString(c.value(u"status"_s).toString());
    change.promisedDue = c.value(u"due_date"_s).toString();
    change.legalDue = c.value(u"legal_due_date"_s).toString();
    change.version = c.value(u"version"_s).toInt();
    // platform-api.md 1.1 (依申请公开): an extension of the legal limit arrives in the case's `extensions`,
    // on this window's own feed as on the hall-wide one; the card counts legal_days plus their days.
    if (c.value(u"extensions"_s).isArray())
        change.extensionDays = extensionDays(c.value(u"extensions"_s).toArray());
    if (c.value(u"suspensions"_s).isArray()) {
        QList<QPair<QString, QString>> list;
        for (const auto &v : c.value(u"suspensions"_s).toArray()) {
            const QJsonObject o = v.toObject();
            if (QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate).isValid())
                list.append({o.value(u"from"_s).toString(), o.value(u"to"_s).toString()});
        }
        change.suspensions = list;
    }
    return change;
}

bool knownStatus(const QJsonObject &c) {
    return core::caseStatusFromString(c.value(u"status"_s).toString()).has_value();
}
} // namespace

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
        if (caseNo.isEmpty() || !knownStatus(c) || !c.value(u"version"_s).isDouble() ||
            !validDate(c.value(u"due_date"_s)) || !validDate(c.value(u"legal_due_date"_s))) {
            page.rejected.append({caseNo.isEmpty() ? idx : caseNo, u"invalid case change"_s});
            continue;
        }
        // Our own case (matched by number, or by local_id when our POST's answer was lost).
        auto localId = m_cases.localIdForPlatformCase(caseNo, c.value(u"local_id"_s).toString());
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
    return m_cases.caseNoOf(localId);
}

Status CaseStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    return applyCase(entry.kind == u"case"_s ? entry.localId : entry.parentLocalId, record);
}

Status CaseStreamApplier::noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) {
    if (entry.kind != u"case"_s)
        return {};
    return m_cases.noteSyncMessage(entry.localId,
                                   QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

QList<int> CaseStreamApplier::calendarYearsNeeded() const {
    return m_cases.openLegalDueYears();
}

Status CaseStreamApplier::applyCase(const QString &localId, const QJsonObject &c) {
    // An answer to our POST is checked here (a page's records were checked by applyPage).
    if (c.value(u"case_no"_s).toString().isEmpty() || !validDate(c.value(u"due_date"_s)) ||
        !validDate(c.value(u"legal_due_date"_s)))
        return Status::failure(u"bad_answer"_s, u"the platform's case is incomplete"_s);
    return m_cases.applyPlatformCase(localId, caseChange(c), m_clock.nowUtc().toString(Qt::ISODate));
}

// ---- The hall-wide cases feed (1.1) ------------------------------------------------------------------

QString HallCaseStreamApplier::stream() const {
    return u"case_changes_hall"_s;
}

QString HallCaseStreamApplier::path() const {
    return u"/cases/changes?scope=hall"_s;
}

QStringList HallCaseStreamApplier::outboxKinds() const {
    return {u"case_followup"_s};
}

bool HallCaseStreamApplier::requiresApi11(const QString &kind) const {
    return kind == u"case_followup"_s;
}

Result<storage::AppliedPage> HallCaseStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject c = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        const QString caseNo = c.value(u"case_no"_s).toString();
        const QDateTime created = QDateTime::fromString(c.value(u"created_at"_s).toString(), Qt::ISODate);
        if (caseNo.isEmpty() || !knownStatus(c) || !c.value(u"version"_s).isDouble() ||
            !validDate(c.value(u"due_date"_s)) || !validDate(c.value(u"legal_due_date"_s)) ||
            !created.isValid() || c.value(u"window_no"_s).toString().isEmpty() ||
            c.value(u"clerk_id"_s).toString().isEmpty()) {
            page.rejected.append({caseNo.isEmpty() ? idx : caseNo, u"invalid hall case change"_s});
            continue;
        }
        auto localId = m_cases.localIdForPlatformCase(caseNo, c.value(u"local_id"_s).toString());
        if (!localId.ok())
            return localId.error();
        QString id = localId.value();
        if (id.isEmpty()) {
            // Another window's case: into the local cache (the board, its timeline), without a full id.
            auto made = insertHallCase(c);
            if (!made.ok())
                return made.error();
            id = made.value();
        }
        if (Status s = applyCase(id, c); !s.ok())
            return s.error();
        if (Status s = applyHallFields(id, c); !s.ok())
            return s.error();
        if (Status s = applyFollowups(id, c.value(u"followups"_s).toArray()); !s.ok())
            return s.error();
        ++page.applied;
    }
    return page;
}

Result<QString> HallCaseStreamApplier::insertHallCase(const QJsonObject &c) {
    HallCaseRow row;
    row.caseNo = c.value(u"case_no"_s).toString();
    row.localId = c.value(u"local_id"_s).toString();
    if (row.localId.isEmpty())
        row.localId = u"hall-"_s + row.caseNo;
    const QDateTime created = QDateTime::fromString(c.value(u"created_at"_s).toString(), Qt::ISODate);
    row.decision =
        core::decisionFromString(c.value(u"decision"_s).toString()).value_or(core::Decision::Accepted);
    row.status = *core::caseStatusFromString(c.value(u"status"_s).toString());
    row.bundleCode = c.value(u"bundle_code"_s).toString();
    row.applicantName = c.value(u"applicant_name"_s).toString();
    row.idMasked = c.value(u"applicant_id_masked"_s).toString();
    row.clerkId = c.value(u"clerk_id"_s).toString();
    row.clerkName = c.value(u"clerk_name"_s).toString();
    row.windowNo = c.value(u"window_no"_s).toString();
    row.departmentCode = c.value(u"department_code"_s).toString();
    row.createdAt = created.toUTC().toString(Qt::ISODate);
    row.acceptedDate = core::cstDate(created).toString(Qt::ISODate);
    row.promisedDays = c.value(u"promised_days"_s).toInt();
    row.legalDays = c.value(u"legal_days"_s).toInt();
    for (const auto &code : c.value(u"item_codes"_s).toArray())
        row.itemCodes.append(code.toString());
    row.at = m_clock.nowUtc().toString(Qt::ISODate);
    if (Status s = m_cases.insertHallCase(row); !s.ok())
        return s.error();
    // The clerk's name for the board (no password: this account cannot log in here).
    if (!row.clerkName.isEmpty())
        if (Status s = m_users.rememberPlatformClerk(row.clerkId, row.clerkName, row.windowNo); !s.ok())
            return s.error();
    return row.localId;
}

Status HallCaseStreamApplier::applyHallFields(const QString &localId, const QJsonObject &c) {
    std::optional<QPair<QString, QString>> applicant;
    if (c.value(u"applicant_name"_s).isString())
        applicant =
            qMakePair(c.value(u"applicant_name"_s).toString(), c.value(u"applicant_id_masked"_s).toString());
    return m_cases.applyHallFields(
        localId, c.value(u"version"_s).toInt(), extensionDays(c.value(u"extensions"_s).toArray()),
        c.value(u"clerk_name"_s).toString(), c.value(u"department_code"_s).toString(), applicant);
}

Status HallCaseStreamApplier::applyFollowups(const QString &localId, const QJsonArray &followups) {
    static const QStringList findings{u"clerk_error"_s, u"back_office_delay"_s, u"applicant_delay"_s,
                                      u"system_fault"_s, u"other"_s};
    for (const auto &v : followups) {
        const QJsonObject f = v.toObject();
        const QString fid = f.value(u"local_id"_s).toString();
        const QString card = f.value(u"card"_s).toString();
        if (fid.isEmpty() || (card != u"red"_s && card != u"yellow"_s) ||
            f.value(u"at"_s).toString().isEmpty())
            continue;
        const QString finding = f.value(u"finding"_s).toString();
        // Ours come back with the platform's id; other supervisors' are added once.
        Status s = m_db.exec(
            u"INSERT OR IGNORE INTO card_followups (case_local_id, colour, note, by_user, at, "
            u"local_id, finding, action, followup_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            u"'platform')"_s,
            {localId, card, f.value(u"note"_s).toString(u""_s), f.value(u"by"_s).toString(u""_s),
             f.value(u"at"_s).toString(), fid, findings.contains(finding) ? QVariant(finding) : QVariant(),
             f.value(u"action"_s).toString(u""_s), strOrNull(f.value(u"followup_id"_s))});
        if (s.ok())
            s = m_db.exec(
                u"UPDATE card_followups SET followup_id = ? WHERE local_id = ? AND followup_id IS NULL"_s,
                {strOrNull(f.value(u"followup_id"_s)), fid});
        if (!s.ok())
            return s;
    }
    return {};
}

bool HallCaseStreamApplier::answerComplete(const storage::OutboxEntry &, const QJsonObject &answer) const {
    return !answer.value(u"followup_id"_s).toString().isEmpty();
}

Status HallCaseStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    const QString id = record.value(u"followup_id"_s).toString();
    if (id.isEmpty())
        return {};
    return m_db.exec(u"UPDATE card_followups SET followup_id = ? WHERE local_id = ?"_s, {id, entry.localId});
}

Status HallCaseStreamApplier::noteRejected(const storage::OutboxEntry &, const QJsonObject &) {
    return {}; // the platform's messages stay with the outbox row
}

// ---- Evaluations -------------------------------------------------------------------------------------

QString EvaluationStreamApplier::stream() const {
    return u"evaluation_changes"_s;
}

QString EvaluationStreamApplier::path() const {
    return u"/evaluations/changes"_s;
}

QStringList EvaluationStreamApplier::outboxKinds() const {
    return {u"evaluation"_s, u"evaluation_callback"_s, u"evaluation_appeal"_s};
}

bool EvaluationStreamApplier::requiresApi11(const QString &kind) const {
    return kind == u"evaluation_callback"_s || kind == u"evaluation_appeal"_s;
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
    if (localId->isEmpty()) {
        // 1.1: a supervisor's feed carries every evaluation of the hall, with who was rated and when; those
        // of other windows join the 差评 ledger. A 1.0 change (without them) is another window's: skipped.
        if (c.value(u"window_no"_s).toString().isEmpty() || c.value(u"clerk_id"_s).toString().isEmpty() ||
            !QDateTime::fromString(c.value(u"at"_s).toString(), Qt::ISODate).isValid() ||
            c.value(u"level"_s).toInt() < 1 || c.value(u"level"_s).toInt() > 5)
            return false;
        if (Status s = insertHallEvaluation(c); !s.ok())
            return s.error();
        localId = firstText(m_db, u"SELECT local_id FROM evaluations WHERE evaluation_id = ?"_s, {evalId});
        if (!localId.ok())
            return localId.error();
    }
    const int version = c.value(u"version"_s).toInt();
    Status s = m_db.exec(u"UPDATE evaluations SET evaluation_id = ?, state = ?, rectification_due = ?, "
                         u"remote_version = ?, updated_at = ? WHERE local_id = ? AND remote_version < ?"_s,
                         {evalId, c.value(u"state"_s).toString(), strOrNull(c.value(u"rectification_due"_s)),
                          version, m_clock.nowUtc().toString(Qt::ISODate), localId.value(), version});
    if (s.ok() && c.value(u"real_name"_s).isBool())
        s = m_db.exec(u"UPDATE evaluations SET real_name = ? WHERE local_id = ? AND remote_version = ?"_s,
                      {c.value(u"real_name"_s).toBool() ? 1 : 0, localId.value(), version});
    if (s.ok())
        s = addPlatformActions(evalId, localId.value(), c.value(u"actions"_s).toArray());
    if (s.ok())
        s = addCallbacks(localId.value(), c.value(u"callbacks"_s).toArray());
    if (!s.ok())
        return s.error();
    return true;
}

Status EvaluationStreamApplier::insertHallEvaluation(const QJsonObject &c) {
    const QString evalId = c.value(u"evaluation_id"_s).toString();
    QString localId = c.value(u"local_id"_s).toString();
    if (localId.isEmpty())
        localId = u"hall-"_s + evalId;
    auto caseLocal = c.value(u"case_no"_s).isString()
                         ? firstText(m_db, u"SELECT local_id FROM cases WHERE case_no = ?"_s,
                                     {c.value(u"case_no"_s).toString()})
                         : Result<QString>(QString());
    if (!caseLocal.ok())
        return caseLocal.error();
    return m_db.exec(
        u"INSERT OR IGNORE INTO evaluations (local_id, evaluation_id, case_local_id, case_no, ticket_no, "
        u"window_no, clerk_id, level, at, rectification_due, state, real_name, remote_version, "
        u"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"_s,
        {localId, evalId, caseLocal->isEmpty() ? QVariant() : QVariant(caseLocal.value()),
         strOrNull(c.value(u"case_no"_s)), strOrNull(c.value(u"ticket_no"_s)),
         c.value(u"window_no"_s).toString(), c.value(u"clerk_id"_s).toString(), c.value(u"level"_s).toInt(),
         c.value(u"at"_s).toString(), strOrNull(c.value(u"rectification_due"_s)),
         c.value(u"state"_s).toString(), c.value(u"real_name"_s).toBool() ? 1 : 0,
         m_clock.nowUtc().toString(Qt::ISODate)});
}

// The platform's callbacks (回访), each once: ours carry the local_id they were recorded under.
Status EvaluationStreamApplier::addCallbacks(const QString &localId, const QJsonArray &callbacks) {
    bool reached = false;
    for (const auto &v : callbacks) {
        const QJsonObject cb = v.toObject();
        const QString id = cb.value(u"local_id"_s).toString();
        if (id.isEmpty() || cb.value(u"at"_s).toString().isEmpty())
            continue;
        reached = reached || cb.value(u"reached"_s).toBool();
        const QJsonValue sat = cb.value(u"satisfied_after"_s);
        if (Status s =
                m_db.exec(u"INSERT OR IGNORE INTO rectification_actions (action_id, evaluation_local_id, "
                          u"action, note, at, by_user, source, reached, satisfied_after) VALUES (?, ?, "
                          u"'callback', ?, ?, ?, 'platform', ?, ?)"_s,
                          {id, localId, cb.value(u"note"_s).toString(u""_s), cb.value(u"at"_s).toString(),
                           cb.value(u"by"_s).toString(u""_s), cb.value(u"reached"_s).toBool() ? 1 : 0,
                           sat.isBool() ? QVariant(sat.toBool() ? 1 : 0) : QVariant()});
            !s.ok())
            return s;
    }
    if (!reached)
        return {};
    return m_db.exec(u"UPDATE evaluations SET callback_done = 1 WHERE local_id = ?"_s, {localId});
}

Status EvaluationStreamApplier::addPlatformActions(const QString &evalId, const QString &localId,
                                                   const QJsonArray &actions) {
    for (const auto &av : actions) {
        const QJsonObject a = av.toObject();
        if (a.value(u"action"_s).toString().isEmpty() || a.value(u"at"_s).toString().isEmpty())
            continue;
        // Our own appeal comes back as a platform action: the local row (its local_id) stands for it.
        if (a.value(u"action"_s).toString() == u"appeal"_s) {
            auto mine =
                firstText(m_db,
                          u"SELECT action_id FROM rectification_actions WHERE evaluation_local_id = ? AND "
                          u"action = 'appeal' AND at = ? AND source = 'local'"_s,
                          {localId, a.value(u"at"_s).toString()});
            if (!mine.ok())
                return mine.error();
            if (!mine->isEmpty())
                continue;
        }
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
    if (entry.kind != u"evaluation"_s) {
        // A callback's or an appeal's answer is the whole evaluation (1.1): applied like a pulled change.
        if (!kEvaluationStates.contains(record.value(u"state"_s).toString()) ||
            !record.value(u"version"_s).isDouble())
            return {};
        auto applied = applyChange(record);
        return applied.ok() ? Status() : Status(applied.error());
    }
    const QVariant due = strOrNull(record.value(u"rectification_due"_s));
    return m_db.exec(u"UPDATE evaluations SET evaluation_id = ?, rectification_due = ?, "
                     u"state = COALESCE(state, CASE WHEN ? IS NOT NULL THEN 'open' END), "
                     u"updated_at = ? WHERE local_id = ?"_s,
                     {id, due, due, m_clock.nowUtc().toString(Qt::ISODate), entry.localId});
}

Status EvaluationStreamApplier::noteRejected(const storage::OutboxEntry &, const QJsonObject &) {
    return {};
}

// ---- The hall's ticket events (1.1) -----------------------------------------------------------------

QString TicketEventStreamApplier::stream() const {
    return u"queue_events"_s;
}

QString TicketEventStreamApplier::path() const {
    return u"/queue/events"_s;
}

QString TicketEventStreamApplier::listKey() const {
    return u"events"_s;
}

Result<storage::AppliedPage> TicketEventStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const auto &v : records) {
        const QJsonObject o = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        auto event = ticketEventFromJson(o);
        if (!event.ok()) {
            const QString id = o.value(u"event_id"_s).toString();
            page.rejected.append({id.isEmpty() ? idx : id, event.error().message});
            continue;
        }
        auto added = appendTicketEvent(m_db, event.value(), u"platform"_s);
        if (!added.ok())
            return added.error();
        page.applied += added.value() ? 1 : 0;
    }
    return page;
}

Status TicketEventStreamApplier::applyAnswer(const storage::OutboxEntry &, const QJsonObject &) {
    return Status::failure(u"bad_answer"_s, u"the queue feed takes no writes"_s);
}

void registerSyncAppliers() {
    storage::registerStreamApplier(u"case_changes"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<CaseStreamApplier>(db, clock));
    });
    storage::registerStreamApplier(u"case_changes_hall"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<HallCaseStreamApplier>(db, clock));
    });
    storage::registerStreamApplier(u"evaluation_changes"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<EvaluationStreamApplier>(db, clock));
    });
    storage::registerStreamApplier(u"queue_events"_s, [](storage::Database &db, const Clock &clock) {
        return std::unique_ptr<storage::StreamApplier>(std::make_unique<TicketEventStreamApplier>(db, clock));
    });
    registerCrossProvinceApplier(); // 跨省通办 receipts (1.1): crossprovinceapplier.h
    registerDutyAppliers();         // 办不成事, 告知承诺 post-checks (dutyappliers.h)
}

} // namespace windowdesk::cases
