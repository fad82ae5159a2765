#include "competitions.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

CompetitionService::CompetitionService(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QList<Trainee>> CompetitionService::trainees() const {
    auto q =
        m_db.query(u"SELECT id, username, name, roles FROM users WHERE active = 1 ORDER BY name, username"_s);
    if (!q)
        return q.error();
    QList<Trainee> out;
    while (q->next())
        if (q->value(3).toString().split(u',').contains(u"clerk"_s))
            out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString()});
    return out;
}

Result<QString> CompetitionService::create(const Competition &c, const QString &by) {
    auto invalid = [](const QString &m) {
        return Error{u"invalid_competition"_s, m};
    };
    if (c.name.trimmed().isEmpty())
        return invalid(u"请填写竞赛名称"_s);
    if (c.blueprint.sections.isEmpty())
        return invalid(u"请选择组卷方案"_s);
    if (c.traineeIds.isEmpty())
        return invalid(u"请至少选择一名参赛学员"_s);
    if (!c.startsAt.isValid())
        return invalid(u"请填写开始时间"_s);
    auto clerks = trainees();
    if (!clerks)
        return clerks.error();
    QSet<QString> known;
    for (const Trainee &t : clerks.value())
        known.insert(t.id);
    for (const QString &t : c.traineeIds)
        if (!known.contains(t))
            return invalid(u"参赛学员 %1 不是本大厅的办事员"_s.arg(t));
    const QString id = u"c-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    // The blueprint itself (what the trainee's 练习 page and the records read), plus the id it was copied
    // from.
    QJsonObject definition = c.blueprint.toJson();
    definition.insert(u"blueprint_id"_s, c.blueprintId);
    const Status st = m_db.write([&]() -> Status {
        if (Status s =
                m_db.exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s,
            created_by, created_at, starts_at) VALUES (?, 'competition', ?, ?, ?, ?, ?, ?))"_s,
                          {id, c.name.trimmed(),
                           QString::fromUtf8(QJsonDocument(definition).toJson(QJsonDocument::Compact)),
                           c.blueprint.timeLimitS, by, now, c.startsAt.toUTC().toString(Qt::ISODate)});
            !s)
            return s;
        for (const QString &t : c.traineeIds)
            if (Status s =
                    m_db.exec(u"INSERT OR IGNORE INTO training_competition_trainees (drill_id, trainee_id) "
                              u"VALUES (?, ?)"_s,
                              {id, t});
                !s)
                return s;
        return m_audit ? m_audit->append({by,
                                          u"training_competition_created"_s,
                                          id,
                                          {{u"name"_s, c.name.trimmed()},
                                           {u"blueprint_id"_s, c.blueprintId},
                                           {u"trainees"_s, QJsonArray::fromStringList(c.traineeIds)},
                                           {u"starts_at"_s, c.startsAt.toUTC().toString(Qt::ISODate)}}})
                       : Status{};
    });
    if (!st)
        return st.error();
    return id;
}

namespace {
Competition readCompetition(const QSqlQuery &q) {
    Competition c;
    c.drillId = q.value(0).toString();
    c.name = q.value(1).toString();
    const QJsonObject def = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    c.blueprintId = def.value(u"blueprint_id"_s).toString();
    if (auto bp = Blueprint::fromJsonObject(def))
        c.blueprint = bp.value();
    c.createdBy = q.value(3).toString();
    c.createdAt = q.value(4).toString();
    c.startsAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    return c;
}

const QString kSelect =
    u"SELECT id, title, definition_json, created_by, created_at, starts_at FROM training_drills "
    u"WHERE kind = 'competition'"_s;
} // namespace

Result<QList<Competition>> CompetitionService::list() const {
    auto q = m_db.query(kSelect + u" ORDER BY starts_at DESC, created_at DESC"_s);
    if (!q)
        return q.error();
    QList<Competition> out;
    QHash<QString, qsizetype> at;
    while (q->next()) {
        at.insert(q->value(0).toString(), out.size());
        out.append(readCompetition(*q));
    }
    auto t = m_db.query(uR"(SELECT ct.drill_id, ct.trainee_id FROM training_competition_trainees ct
        LEFT JOIN users u ON u.id = ct.trainee_id ORDER BY ct.drill_id, u.name, ct.trainee_id)"_s);
    if (!t)
        return t.error();
    while (t->next())
        if (const auto i = at.constFind(t->value(0).toString()); i != at.cend())
            out[i.value()].traineeIds.append(t->value(1).toString());
    return out;
}

Result<Competition> CompetitionService::get(const QString &drillId) const {
    auto all = list();
    if (!all)
        return all.error();
    for (const Competition &c : all.value())
        if (c.drillId == drillId)
            return c;
    return Error{u"not_found"_s, u"没有这个竞赛"_s};
}

Result<QList<LeaderboardRow>> CompetitionService::leaderboard(const QString &drillId) const {
    auto c = get(drillId);
    if (!c)
        return c.error();
    // Each trainee's best: the highest score, then the shortest time among results with that score.
    auto q = m_db.query(uR"(SELECT r.trainee_id, r.score, r.max_score, r.duration_s, n.attempts, u.name
        FROM (SELECT trainee_id, score, max_score, duration_s, ROW_NUMBER() OVER (PARTITION BY trainee_id
              ORDER BY score DESC, duration_s ASC, finished_at ASC) AS k FROM training_results WHERE drill_id = ?) r
        JOIN (SELECT trainee_id, count(*) AS attempts FROM training_results WHERE drill_id = ?
              GROUP BY trainee_id) n ON n.trainee_id = r.trainee_id
        LEFT JOIN users u ON u.id = r.trainee_id
        WHERE r.k = 1 ORDER BY r.score DESC, r.duration_s ASC, r.trainee_id)"_s,
                        {drillId, drillId});
    if (!q)
        return q.error();
    QList<LeaderboardRow> out;
    QSet<QString> seen;
    while (q->next()) {
        LeaderboardRow row;
        row.traineeId = q->value(0).toString();
        row.bestScore = q->value(1).toDouble();
        row.maxScore = q->value(2).toDouble();
        row.bestDurationS = q->value(3).toInt();
        row.attempts = q->value(4).toInt();
        row.name = q->value(5).isNull() ? row.traineeId : q->value(5).toString();
        row.passed = *row.bestScore >= c->blueprint.passScore;
        const LeaderboardRow *prev = out.isEmpty() ? nullptr : &out.last();
        row.rank = prev && prev->bestScore == row.bestScore && prev->bestDurationS == row.bestDurationS
                       ? prev->rank
                       : int(out.size()) + 1;
        seen.insert(row.traineeId);
        out.append(row);
    }
    auto names =
        m_db.query(u"SELECT ct.trainee_id, u.name FROM training_competition_trainees ct LEFT JOIN users u "
                   u"ON u.id = ct.trainee_id WHERE ct.drill_id = ? ORDER BY u.name, ct.trainee_id"_s,
                   {drillId});
    if (!names)
        return names.error();
    while (names->next()) {
        if (seen.contains(names->value(0).toString()))
            continue;
        LeaderboardRow row;
        row.traineeId = names->value(0).toString();
        row.name = names->value(1).isNull() ? row.traineeId : names->value(1).toString();
        row.maxScore = c->blueprint.maxScore();
        out.append(row);
    }
    return out;
}

Result<QString> CompetitionService::resultsStamp(const QString &drillId) const {
    auto q = m_db.query(
        u"SELECT count(*), max(finished_at), total(score) FROM training_results WHERE drill_id = ?"_s,
        {drillId});
    if (!q)
        return q.error();
    if (!q->next())
        return QString();
    return u"%1|%2|%3"_s.arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
}

} // namespace windowdesk::training
