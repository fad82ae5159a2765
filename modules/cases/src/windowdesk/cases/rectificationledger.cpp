#include "rectificationledger.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/evaluation.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
Error forbidden() {
    return Error{u"forbidden"_s, u"只有大厅负责人可以处理差评整改"_s};
}
} // namespace

RectificationLedger::RectificationLedger(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QList<LedgerTask>> RectificationLedger::tasks(const QStringList &roles,
                                                     const core::WorkingCalendar &calendar) const {
    if (!roles.contains(u"supervisor"_s))
        return forbidden();
    const int days =
        int(storage::settingNumber(m_db, QString::fromLatin1(storage::settingkey::rectificationDays),
                                   core::kDefaultRectificationWorkingDays, 0, 365));
    // Through evaluations_level_at: a range on level.
    auto q = m_db.query(u"SELECT local_id, COALESCE(evaluation_id, ''), at, window_no, clerk_id, "
                        u"COALESCE(case_local_id, ''), level, reasons_json, COALESCE(state, 'open'), "
                        u"rectification_due, callback_done, real_name FROM evaluations WHERE level <= 2 "
                        u"ORDER BY at DESC"_s);
    if (!q.ok())
        return q.error();
    const QDate today = m_clock.todayCst();
    QList<LedgerTask> out;
    QHash<QString, qsizetype> index;
    while (q->next()) {
        LedgerTask t;
        t.localId = q->value(0).toString();
        t.evaluationId = q->value(1).toString();
        t.at = q->value(2).toString();
        t.windowNo = q->value(3).toString();
        t.clerkId = q->value(4).toString();
        t.caseLocalId = q->value(5).toString();
        t.level = q->value(6).toInt();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(7).toString().toUtf8()).array())
            t.reasons << v.toString();
        t.state = q->value(8).toString();
        t.callbackDone = q->value(10).toBool();
        t.realName = q->value(11).toBool();
        if (const QDate d = QDate::fromString(q->value(9).toString(), Qt::ISODate); d.isValid()) {
            t.due = d;
            t.dueFromPlatform = true;
        } else if (auto d2 = core::rectificationDeadline(
                       core::cstDate(QDateTime::fromString(t.at, Qt::ISODate)), calendar, days);
                   d2.ok()) {
            t.due = d2->date;
        } else {
            t.dueMissing = true;
        }
        t.overdue = t.state != u"closed"_s && t.due.isValid() && today > t.due;
        index.insert(t.localId, out.size());
        out.append(t);
    }
    auto a = m_db.query(u"SELECT r.evaluation_local_id, r.action, r.note, r.at, r.by_user, r.source, "
                        u"r.reached, r.satisfied_after FROM rectification_actions r JOIN evaluations e ON "
                        u"e.local_id = r.evaluation_local_id WHERE e.level <= 2 ORDER BY r.at, r.id"_s);
    if (!a.ok())
        return a.error();
    while (a->next())
        if (auto it = index.constFind(a->value(0).toString()); it != index.cend())
            out[it.value()].actions.append({a->value(1).toString(), a->value(2).toString(),
                                            a->value(3).toString(), a->value(4).toString(),
                                            a->value(5).toString() == u"platform"_s,
                                            a->value(6).isNull() ? -1 : a->value(6).toInt(),
                                            a->value(7).isNull() ? -1 : a->value(7).toInt()});
    return out;
}

Result<QString> RectificationLedger::recordAction(const QStringList &roles, const QString &userId,
                                                  const QString &evaluationLocalId, const QString &action,
                                                  const QString &note) {
    if (!roles.contains(u"supervisor"_s))
        return forbidden();
    // The platform's transitions (platform-api.md: rectification of an open task; rectified or explained also
    // after verification).
    static const QHash<QString, QStringList> allowedFrom = {
        {u"verified"_s, {u"open"_s}},
        {u"rectified"_s, {u"open"_s, u"verified"_s}},
        {u"explained"_s, {u"open"_s, u"verified"_s}},
    };
    if (!allowedFrom.contains(action))
        return Error{u"invalid_argument"_s, u"整改动作应为核实、整改或说明"_s};
    const QString text = note.trimmed();
    if (action == u"explained"_s && text.isEmpty())
        return Error{u"invalid_argument"_s, u"情况说明需要填写说明内容"_s};
    auto q = m_db.query(u"SELECT COALESCE(state, 'open'), level FROM evaluations WHERE local_id = ?"_s,
                        {evaluationLocalId});
    if (!q.ok())
        return q.error();
    if (!q->next() || q->value(1).toInt() > 2)
        return Error{u"not_found"_s, u"没有这条差评"_s};
    const QString state = q->value(0).toString();
    if (!allowedFrom.value(action).contains(state))
        return Error{u"state_conflict"_s, u"整改任务当前状态（%1）不能再做此动作"_s.arg(state)};
    const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QByteArray payload =
        QJsonDocument(QJsonObject{{u"action"_s, action}, {u"note"_s, text}, {u"at"_s, at}})
            .toJson(QJsonDocument::Compact);
    const Status st = m_db.write([&]() -> Status {
        Status s =
            m_db.exec(u"INSERT INTO rectification_actions (action_id, evaluation_local_id, action, note, at, "
                      u"by_user) VALUES (?, ?, ?, ?, ?, ?)"_s,
                      {actionId, evaluationLocalId, action, text, at, userId});
        if (s.ok())
            s = m_db.exec(u"UPDATE evaluations SET state = ?, updated_at = ? WHERE local_id = ?"_s,
                          {action, at, evaluationLocalId});
        if (s.ok() && m_audit)
            s = m_audit->append({userId, u"rectification_recorded"_s, evaluationLocalId,
                                 QJsonObject{{u"action_id"_s, actionId}, {u"action"_s, action}}});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"rectification"_s, actionId, evaluationLocalId,
                                u"/evaluations/{evaluation_id}/rectification"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return actionId;
}

Result<QString> RectificationLedger::recordCallback(const QString &userId, const QString &evaluationLocalId,
                                                    bool reached, int satisfiedAfter, const QString &note) {
    const QString text = note.trimmed().isNull() ? u""_s : note.trimmed(); // a NOT NULL column
    if (!reached && text.isEmpty())
        return Error{u"invalid_argument"_s, u"未联系上时请写明回访情况"_s};
    auto q = m_db.query(u"SELECT level FROM evaluations WHERE local_id = ?"_s, {evaluationLocalId});
    if (!q.ok())
        return q.error();
    if (!q->next() || q->value(0).toInt() > 2)
        return Error{u"not_found"_s, u"没有这条差评"_s};
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QJsonValue satisfied = satisfiedAfter < 0 ? QJsonValue() : QJsonValue(satisfiedAfter > 0);
    const QByteArray payload = QJsonDocument(QJsonObject{{u"local_id"_s, localId},
                                                         {u"reached"_s, reached},
                                                         {u"satisfied_after"_s, satisfied},
                                                         {u"note"_s, text},
                                                         {u"by"_s, userId},
                                                         {u"at"_s, at}})
                                   .toJson(QJsonDocument::Compact);
    const Status st = m_db.write([&]() -> Status {
        Status s =
            m_db.exec(u"INSERT INTO rectification_actions (action_id, evaluation_local_id, action, note, at, "
                      u"by_user, reached, satisfied_after) VALUES (?, ?, 'callback', ?, ?, ?, ?, ?)"_s,
                      {localId, evaluationLocalId, text, at, userId, reached ? 1 : 0,
                       satisfiedAfter < 0 ? QVariant() : QVariant(satisfiedAfter > 0 ? 1 : 0)});
        if (s.ok() && reached)
            s = m_db.exec(u"UPDATE evaluations SET callback_done = 1, updated_at = ? WHERE local_id = ?"_s,
                          {at, evaluationLocalId});
        if (s.ok() && m_audit)
            s = m_audit->append({userId, u"evaluation_callback_recorded"_s, evaluationLocalId,
                                 QJsonObject{{u"callback"_s, localId}, {u"reached"_s, reached}}});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"evaluation_callback"_s, localId, evaluationLocalId,
                                u"/evaluations/{evaluation_id}/callback"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

Result<QString> RectificationLedger::recordAppeal(const QString &userId, const QString &evaluationLocalId,
                                                  const QString &reason) {
    const QString text = reason.trimmed();
    if (text.isEmpty())
        return Error{u"invalid_argument"_s, u"请填写申诉理由"_s};
    auto q = m_db.query(u"SELECT COALESCE(state, 'open'), level FROM evaluations WHERE local_id = ?"_s,
                        {evaluationLocalId});
    if (!q.ok())
        return q.error();
    if (!q->next() || q->value(1).toInt() > 2)
        return Error{u"not_found"_s, u"没有这条差评"_s};
    const QString state = q->value(0).toString();
    if (state != u"open"_s && state != u"verified"_s)
        return Error{u"state_conflict"_s, u"整改任务当前状态（%1）不能申诉"_s.arg(state)};
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QByteArray payload =
        QJsonDocument(
            QJsonObject{{u"local_id"_s, localId}, {u"reason"_s, text}, {u"by"_s, userId}, {u"at"_s, at}})
            .toJson(QJsonDocument::Compact);
    const Status st = m_db.write([&]() -> Status {
        Status s =
            m_db.exec(u"INSERT INTO rectification_actions (action_id, evaluation_local_id, action, note, at, "
                      u"by_user) VALUES (?, ?, 'appeal', ?, ?, ?)"_s,
                      {localId, evaluationLocalId, text, at, userId});
        if (s.ok())
            s = m_db.exec(u"UPDATE evaluations SET state = 'appealed', updated_at = ? WHERE local_id = ?"_s,
                          {at, evaluationLocalId});
        if (s.ok() && m_audit)
            s = m_audit->append({userId, u"evaluation_appeal_recorded"_s, evaluationLocalId,
                                 QJsonObject{{u"appeal"_s, localId}}});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"evaluation_appeal"_s, localId, evaluationLocalId,
                                u"/evaluations/{evaluation_id}/appeal"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

} // namespace windowdesk::cases
