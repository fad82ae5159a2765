#include "trainingrecords.h"

#include <windowdesk/storage/database.h>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {
// The columns of a result with its drill's blueprint (name and pass line from definition_json).
const QString kResults = uR"(SELECT r.local_id, r.drill_id, d.title, d.kind,
    json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.name'),
    r.score, r.max_score,
    coalesce(json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.pass_score'), 0),
    r.duration_s, r.finished_at
    FROM training_results r JOIN training_drills d ON d.id = r.drill_id)"_s;

HistoryEntry readEntry(const QSqlQuery &q) {
    HistoryEntry e;
    e.localId = q.value(0).toString();
    e.drillId = q.value(1).toString();
    e.drillTitle = q.value(2).toString();
    e.drillKind = q.value(3).toString();
    e.blueprintName = q.value(4).toString();
    e.score = q.value(5).toDouble();
    e.maxScore = q.value(6).toDouble();
    e.passScore = q.value(7).toDouble();
    e.durationS = q.value(8).toInt();
    e.finishedAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODate);
    e.passed = !e.blueprintName.isEmpty() && e.score >= e.passScore;
    return e;
}
} // namespace

Result<QList<TraineeRecord>> TrainingRecords::trainees() const {
    auto q = m_db.query(uR"(SELECT r.trainee_id, coalesce(u.name, r.trainee_id), count(*),
        (SELECT score FROM training_results x WHERE x.trainee_id = r.trainee_id ORDER BY finished_at DESC LIMIT 1),
        (SELECT max_score FROM training_results x WHERE x.trainee_id = r.trainee_id ORDER BY finished_at DESC LIMIT 1),
        max(r.finished_at)
        FROM training_results r LEFT JOIN users u ON u.id = r.trainee_id
        GROUP BY r.trainee_id ORDER BY 2, 1)"_s);
    if (!q)
        return q.error();
    QList<TraineeRecord> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toInt(),
                    q->value(3).toDouble(), q->value(4).toDouble(),
                    QDateTime::fromString(q->value(5).toString(), Qt::ISODate)});
    return out;
}

Result<QList<HistoryEntry>> TrainingRecords::history(const QString &traineeId) const {
    auto q =
        m_db.query(kResults + u" WHERE r.trainee_id = ? ORDER BY r.finished_at, r.local_id"_s, {traineeId});
    if (!q)
        return q.error();
    QList<HistoryEntry> out;
    while (q->next())
        out.append(readEntry(*q));
    return out;
}

Result<QList<CategoryScore>> TrainingRecords::categories(const QString &traineeId) const {
    // Each answer of a result names its question (id, version), its points and what it scored.
    auto q = m_db.query(uR"(SELECT tq.category, count(*), total(json_extract(a.value, '$.score')),
        total(json_extract(a.value, '$.points')) AS possible
        FROM training_results r, json_each(CASE WHEN json_valid(r.answers_json) THEN r.answers_json ELSE '[]' END) a
        JOIN training_questions tq ON tq.id = json_extract(a.value, '$.question_id')
             AND tq.version = json_extract(a.value, '$.version')
        WHERE r.trainee_id = ? GROUP BY tq.category HAVING possible > 0
        ORDER BY total(json_extract(a.value, '$.score')) / possible, tq.category)"_s,
                        {traineeId});
    if (!q)
        return q.error();
    QList<CategoryScore> out;
    while (q->next())
        out.append(
            {q->value(0).toString(), q->value(1).toInt(), q->value(2).toDouble(), q->value(3).toDouble()});
    return out;
}

Result<QList<SkillLevel>> TrainingRecords::skillLevels() const {
    auto q =
        m_db.query(u"SELECT x.trainee_id, coalesce(u.name, x.trainee_id), x.bp, max(x.pass), max(x.score), "
                   u"max(x.max_score), count(*), sum(x.score >= x.pass), min(CASE WHEN x.score >= x.pass "
                   u"THEN x.finished_at END) FROM (SELECT r.trainee_id, r.score, r.max_score, r.finished_at, "
                   u"json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, "
                   u"'$.name') AS bp, coalesce(json_extract(CASE WHEN json_valid(d.definition_json) THEN "
                   u"d.definition_json END, '$.pass_score'), 0) AS pass "
                   u"FROM training_results r JOIN training_drills d ON d.id = r.drill_id) x "
                   u"LEFT JOIN users u ON u.id = x.trainee_id "
                   u"WHERE x.bp IS NOT NULL GROUP BY x.trainee_id, x.bp ORDER BY 2, 1, 3"_s);
    if (!q)
        return q.error();
    QList<SkillLevel> out;
    while (q->next()) {
        SkillLevel l;
        l.traineeId = q->value(0).toString();
        l.traineeName = q->value(1).toString();
        l.blueprintName = q->value(2).toString();
        l.passScore = q->value(3).toDouble();
        l.bestScore = q->value(4).toDouble();
        l.maxScore = q->value(5).toDouble();
        l.attempts = q->value(6).toInt();
        l.passes = q->value(7).toInt();
        l.firstPassedAt = QDateTime::fromString(q->value(8).toString(), Qt::ISODate);
        out.append(l);
    }
    return out;
}

} // namespace windowdesk::training
