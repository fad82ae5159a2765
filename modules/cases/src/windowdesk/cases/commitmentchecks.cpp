#include "commitmentchecks.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
// Working days from `today` to `due` (0 on the due date itself; negative past it). Days of a year without a
// calendar count as calendar days (the list stays usable; due dates come from the platform).
int workingDaysBetween(const QDate &today, const QDate &due, const core::WorkingCalendar &calendar) {
    if (!due.isValid() || today == due)
        return 0;
    const int step = today < due ? 1 : -1;
    int n = 0;
    for (QDate d = today; d != due;) {
        d = d.addDays(step);
        auto working = calendar.isWorkingDay(step > 0 ? d : d.addDays(1));
        if (!working.ok() || working.value())
            n += step;
    }
    return n;
}
} // namespace

CommitmentCheckService::CommitmentCheckService(storage::Database &db, const Clock &clock,
                                               storage::AuditLog *audit, QString userId)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_userId(std::move(userId)) {}

Result<QList<CheckRow>> CommitmentCheckService::list(const QDateTime &at) const {
    auto q = m_db.query(
        u"SELECT k.check_id, k.case_no, COALESCE(c.local_id, ''), COALESCE(c.applicant_name, ''), "
        u"COALESCE((SELECT s.name FROM service_items s WHERE s.code = k.item_code AND s.is_current = 1), "
        u"''), "
        u"k.material_name, k.due_date, k.state, COALESCE(k.outcome_note, ''), COALESCE(k.consequence, ''), "
        u"COALESCE(r.outcome, ''), COALESCE((SELECT o.state FROM outbox o WHERE o.local_id = r.local_id AND "
        u"o.kind = 'commitment_check_result' ORDER BY o.seq DESC LIMIT 1), ''), COALESCE(r.note, '') "
        u"FROM commitment_checks k LEFT JOIN cases c ON c.case_no = k.case_no OR (c.case_no IS NULL AND "
        u"c.local_id = "
        u"k.case_no) "
        u"LEFT JOIN commitment_check_results r ON r.check_id = k.check_id "
        u"ORDER BY k.state <> 'open', CASE WHEN k.state = 'open' THEN k.due_date END, k.updated_at DESC"_s);
    if (!q.ok())
        return q.error();
    auto calendar = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    const core::WorkingCalendar cal = calendar.ok() ? calendar.value() : core::WorkingCalendar();
    const QDate today = core::cstDate(at);
    QList<CheckRow> rows;
    while (q->next()) {
        CheckRow r;
        r.checkId = q->value(0).toString();
        r.caseNo = q->value(1).toString();
        r.caseLocalId = q->value(2).toString();
        r.applicantName = q->value(3).toString();
        r.matterName = q->value(4).toString();
        r.materialName = q->value(5).toString();
        r.dueDate = QDate::fromString(q->value(6).toString(), Qt::ISODate);
        r.state = q->value(7).toString();
        r.outcomeNote = q->value(8).toString();
        r.consequence = q->value(9).toString();
        r.recordedOutcome = q->value(10).toString();
        r.syncState = q->value(11).toString();
        r.recordedNote = q->value(12).toString();
        const bool open = r.state == u"open"_s && r.recordedOutcome.isEmpty();
        r.workingDaysLeft = workingDaysBetween(today, r.dueDate, cal);
        r.overdue = open && r.dueDate.isValid() && today > r.dueDate;
        rows.append(r);
    }
    return rows;
}

FieldProblems CommitmentCheckService::problems(const CheckOutcomeInput &in) const {
    FieldProblems p;
    auto q =
        m_db.query(u"SELECT k.state, (SELECT count(*) FROM commitment_check_results r WHERE r.check_id = "
                   u"k.check_id) FROM commitment_checks k WHERE k.check_id = ?"_s,
                   {in.checkId});
    if (!q.ok() || !q->next())
        p.insert(u"check"_s, tr("No such post-check: %1").arg(in.checkId));
    else if (q->value(1).toInt() > 0)
        p.insert(u"check"_s, tr("An outcome of this check was already recorded here"));
    else if (q->value(0).toString() != u"open"_s)
        p.insert(u"check"_s, tr("This check already has its outcome (%1)")
                                 .arg(core::checkStateFromString(q->value(0).toString())
                                          ? core::label(*core::checkStateFromString(q->value(0).toString()))
                                          : q->value(0).toString()));
    const auto outcome = core::checkStateFromString(in.outcome);
    if (in.outcome.isEmpty())
        p.insert(u"outcome"_s, tr("Choose the outcome of the check"));
    else if (!outcome || *outcome == core::CheckState::Open)
        p.insert(u"outcome"_s, tr("Unknown outcome: %1").arg(in.outcome));
    if (outcome == core::CheckState::FalseCommitment) {
        if (in.consequence.isEmpty())
            p.insert(u"consequence"_s,
                     tr("A false commitment needs its consequence: order to fix, or revoke"));
        else if (!core::checkConsequenceFromString(in.consequence))
            p.insert(u"consequence"_s, tr("Unknown consequence: %1").arg(in.consequence));
    } else if (!in.consequence.isEmpty()) {
        p.insert(u"consequence"_s, tr("Only a false commitment has a consequence"));
    }
    const QString note = in.note.trimmed();
    if (note.isEmpty())
        p.insert(u"note"_s, outcome == core::CheckState::Unable ? tr("Say why the check could not be made")
                                                                : tr("Describe what the check found"));
    else if (note.size() > kMaxNote)
        p.insert(u"note"_s, tr("At most %1 characters (now %2)").arg(kMaxNote).arg(note.size()));
    return p;
}

Result<QString> CommitmentCheckService::record(const CheckOutcomeInput &in) {
    const FieldProblems p = problems(in);
    if (!p.isEmpty())
        return Error{u"invalid_argument"_s, p.first()};
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QJsonValue consequence = in.consequence.isEmpty() ? QJsonValue() : QJsonValue(in.consequence);
    const QByteArray payload = QJsonDocument(QJsonObject{{u"local_id"_s, localId},
                                                         {u"outcome"_s, in.outcome},
                                                         {u"note"_s, in.note.trimmed()},
                                                         {u"consequence"_s, consequence},
                                                         {u"by"_s, m_userId},
                                                         {u"at"_s, at}})
                                   .toJson(QJsonDocument::Compact);
    const Status st = m_db.write([&]() -> Status {
        Status s = m_db.exec(
            u"INSERT INTO commitment_check_results (local_id, check_id, outcome, consequence, note, "
            u"by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {localId, in.checkId, in.outcome,
             in.consequence.isEmpty() ? QVariant() : QVariant(in.consequence), in.note.trimmed(), m_userId,
             at});
        if (s.ok() && m_audit)
            s = m_audit->append({m_userId, u"commitment_check_recorded"_s, in.checkId,
                                 QJsonObject{{u"result"_s, localId},
                                             {u"outcome"_s, in.outcome},
                                             {u"consequence"_s, consequence}}});
        if (!s.ok())
            return s;
        // The check's id is the platform's own: the path is known now, nothing to wait for.
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"commitment_check_result"_s, localId, QString(),
                                u"/commitment-checks/%1/result"_s.arg(in.checkId), payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

Result<int> CommitmentCheckService::falseCommitments() const {
    auto q = m_db.query(u"SELECT count(*) FROM commitment_checks WHERE state = 'false_commitment'"_s);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

} // namespace windowdesk::cases
