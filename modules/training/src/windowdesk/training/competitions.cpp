#include "competitions.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/trainingresults.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {
QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}
QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
Error invalid(const QString &m) {
    return Error{u"invalid_competition"_s, m};
}
} // namespace

double Competition::maxScore() const {
    if (scenarios.isEmpty())
        return blueprint.maxScore();
    double m = 0;
    for (const CompetitionScenario &s : scenarios)
        m += s.maxScore;
    return m;
}

std::optional<CompetitionTotal> competitionTotal(int parts, const QList<PartScore> &fixed) {
    if (parts <= 0 || fixed.size() != parts)
        return std::nullopt;
    CompetitionTotal t;
    for (const PartScore &p : fixed) {
        t.score += p.score;
        t.maxScore += p.maxScore;
        t.durationS += p.durationS;
        if (!t.finishedAt.isValid() || p.finishedAt > t.finishedAt)
            t.finishedAt = p.finishedAt;
    }
    t.score = std::round(t.score * 100) / 100;
    t.maxScore = std::round(t.maxScore * 100) / 100;
    return t;
}

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

Status CompetitionService::validate(const Competition &c) const {
    if (c.name.trimmed().isEmpty())
        return invalid(u"请填写竞赛名称"_s);
    if (c.blueprint.sections.isEmpty() && c.scenarioIds.isEmpty())
        return invalid(u"请选择组卷方案或情景演练"_s);
    if (c.scenarioIds.size() != QSet<QString>(c.scenarioIds.cbegin(), c.scenarioIds.cend()).size())
        return invalid(u"同一情景演练不能重复选择"_s);
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
    return {};
}

Result<QString> CompetitionService::create(const Competition &c, const QString &by) {
    if (Status v = validate(c); !v)
        return v.error();
    ScenarioDrills drills(m_db, m_clock);
    QList<std::pair<QString, Scenario>> scenarios;
    for (const QString &sid : c.scenarioIds) {
        auto sc = drills.scenario(sid);
        auto part = competitionOf(sid);
        if (!sc || !part || !part->isEmpty())
            return invalid(u"没有这个情景演练：%1"_s.arg(sid));
        scenarios.append({sid, sc.value()});
    }
    const QString id = u"c-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = utcText(m_clock.nowUtc());
    const QString startsAt = utcText(c.startsAt);
    // A paper competition: the blueprint itself (what the trainee's 练习 page and the records read), plus the
    // id it was copied from. A scenario set: its parts (each a copy of its scenario, made below).
    QJsonObject definition;
    int timeLimitS = c.blueprint.timeLimitS;
    QList<std::pair<QString, QJsonObject>> parts;
    QStringList titles;
    if (scenarios.isEmpty()) {
        definition = c.blueprint.toJson();
        definition.insert(u"blueprint_id"_s, c.blueprintId);
    } else {
        QJsonArray set;
        timeLimitS = 0;
        const bool withPaper = !c.blueprint.sections.isEmpty();
        if (withPaper) { // the combined form: the paper first
            const QString partId = u"p-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
            QJsonObject def = c.blueprint.toJson();
            def.insert(u"blueprint_id"_s, c.blueprintId);
            def.insert(u"competition_id"_s, id);
            def.insert(u"part"_s, 0);
            parts.append({partId, def});
            titles.append(c.blueprint.name);
            timeLimitS += c.blueprint.timeLimitS;
            set.append(QJsonObject{{u"part_drill_id"_s, partId},
                                   {u"source_drill_id"_s, c.blueprintId},
                                   {u"kind"_s, u"paper"_s},
                                   {u"title"_s, c.blueprint.name},
                                   {u"max"_s, c.blueprint.maxScore()},
                                   {u"time_limit_s"_s, c.blueprint.timeLimitS}});
        }
        for (qsizetype i = 0; i < scenarios.size(); ++i) {
            const Scenario &sc = scenarios.at(i).second;
            const QString partId = u"s-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
            QJsonObject def = sc.toJson();
            def.insert(u"competition_id"_s, id);
            def.insert(u"part"_s, int(parts.size()));
            parts.append({partId, def});
            titles.append(sc.title);
            timeLimitS += sc.timeLimitS;
            set.append(QJsonObject{{u"part_drill_id"_s, partId},
                                   {u"source_drill_id"_s, scenarios.at(i).first},
                                   {u"kind"_s, u"scenario"_s},
                                   {u"title"_s, sc.title},
                                   {u"max"_s, sc.automaticMax() + sc.judgedMax()},
                                   {u"time_limit_s"_s, sc.timeLimitS}});
        }
        definition.insert(u"blueprint_id"_s, c.blueprintId);
        definition.insert(u"scenarios"_s, set);
    }
    const Status st = m_db.write([&]() -> Status {
        if (Status s =
                m_db.exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s,
            created_by, created_at, starts_at) VALUES (?, 'competition', ?, ?, ?, ?, ?, ?))"_s,
                          {id, c.name.trimmed(), compact(definition), timeLimitS, by, now, startsAt});
            !s)
            return s;
        for (qsizetype i = 0; i < parts.size(); ++i)
            if (Status s = m_db.exec(
                    uR"(INSERT INTO training_drills (id, kind, title, definition_json,
                time_limit_s, created_by, created_at, starts_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s,
                    {parts.at(i).first, parts.at(i).first.startsWith(u"p-") ? u"paper"_s : u"scenario"_s,
                     u"%1 · 第 %2 场：%3"_s.arg(c.name.trimmed()).arg(i + 1).arg(titles.at(i)),
                     compact(parts.at(i).second), parts.at(i).second.value(u"time_limit_s"_s).toInt(), by,
                     now, startsAt});
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
                                           {u"scenarios"_s, QJsonArray::fromStringList(c.scenarioIds)},
                                           {u"trainees"_s, QJsonArray::fromStringList(c.traineeIds)},
                                           {u"starts_at"_s, startsAt}}})
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
    for (const auto &v : def.value(u"scenarios"_s).toArray()) {
        const QJsonObject p = v.toObject();
        c.scenarios.append({p.value(u"part_drill_id"_s).toString(), p.value(u"source_drill_id"_s).toString(),
                            p.value(u"title"_s).toString(), p.value(u"max"_s).toDouble(),
                            p.value(u"time_limit_s"_s).toInt(), p.value(u"kind"_s).toString(u"scenario"_s)});
    }
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
        row.hasPassLine = !c->isScenarioSet();
        row.passed = row.hasPassLine && *row.bestScore >= c->blueprint.passScore;
        const LeaderboardRow *prev = out.isEmpty() ? nullptr : &out.last();
        row.rank = prev && prev->bestScore == row.bestScore && prev->bestDurationS == row.bestDurationS
                       ? prev->rank
                       : int(out.size()) + 1;
        seen.insert(row.traineeId);
        out.append(row);
    }
    QList<LeaderboardRow> waiting;
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
        row.maxScore = c->maxScore();
        row.hasPassLine = !c->isScenarioSet();
        waiting.append(row);
    }
    addWaitingRows(c.value(), waiting);
    out.append(waiting);
    return out;
}

Result<QString> CompetitionService::resultsStamp(const QString &drillId) const {
    // The competition's results and, for a scenario set, its parts' attempts and fixed scores.
    auto q = m_db.query(uR"(SELECT count(*), max(finished_at), total(score) FROM training_results
        WHERE drill_id = ? OR drill_id IN (SELECT id FROM training_drills WHERE kind IN ('scenario', 'paper')
              AND json_extract(CASE WHEN json_valid(definition_json) THEN definition_json END, '$.competition_id') = ?))"_s,
                        {drillId, drillId});
    if (!q)
        return q.error();
    if (!q->next())
        return QString();
    QString stamp = u"%1|%2|%3"_s.arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
    auto a =
        m_db.query(uR"(SELECT count(*), max(a.finished_at) FROM training_attempts a JOIN training_drills d
        ON d.id = a.drill_id WHERE a.state = 'submitted' AND d.kind IN ('scenario', 'paper')
        AND json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.competition_id') = ?)"_s,
                   {drillId});
    if (!a)
        return a.error();
    if (a->next())
        stamp += u"|%1|%2"_s.arg(a->value(0).toString(), a->value(1).toString());
    return stamp;
}

void CompetitionService::addWaitingRows(const Competition &c, QList<LeaderboardRow> &rows) const {
    if (!c.isScenarioSet())
        return;
    // Each trainee's parts taken (submitted) so far; all taken without a result: the judges have not
    // finished.
    auto q = m_db.query(uR"(SELECT a.trainee_id, count(DISTINCT a.drill_id) FROM training_attempts a
        JOIN training_drills d ON d.id = a.drill_id WHERE a.state = 'submitted'
        AND d.kind IN ('scenario', 'paper') AND json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.competition_id') = ?
        GROUP BY a.trainee_id)"_s,
                        {c.drillId});
    QHash<QString, int> done;
    while (q && q->next())
        done.insert(q->value(0).toString(), q->value(1).toInt());
    for (LeaderboardRow &r : rows) {
        r.partsTotal = int(c.scenarios.size());
        r.partsDone = done.value(r.traineeId);
        r.awaitingJudges = r.partsDone >= r.partsTotal;
    }
    // Waiting for the judges first, then by the parts taken.
    std::stable_sort(rows.begin(), rows.end(), [](const LeaderboardRow &x, const LeaderboardRow &y) {
        return x.partsDone > y.partsDone;
    });
}

Result<QList<CompetitionScenario>> CompetitionService::partsOf(const QString &drillId) const {
    auto c = get(drillId);
    if (!c)
        return c.error();
    return c->scenarios;
}

Result<QString> CompetitionService::competitionOf(const QString &drillId) const {
    auto q = m_db.query(u"SELECT coalesce(json_extract(CASE WHEN json_valid(definition_json) THEN "
                        u"definition_json END, '$.competition_id'), '') FROM training_drills WHERE id = ?"_s,
                        {drillId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QList<CompetitionPartOffer>> CompetitionService::partOffers(const QString &trainee) const {
    auto all = list();
    if (!all)
        return all.error();
    auto taken =
        m_db.query(u"SELECT DISTINCT drill_id FROM training_attempts WHERE trainee_id = ?"_s, {trainee});
    if (!taken)
        return taken.error();
    QSet<QString> attempted;
    while (taken->next())
        attempted.insert(taken->value(0).toString());
    const QDateTime now = m_clock.nowUtc();
    QList<CompetitionPartOffer> out;
    for (const Competition &c : all.value()) {
        if (!c.isScenarioSet() || !c.traineeIds.contains(trainee) || c.startsAt > now)
            continue;
        for (qsizetype i = 0; i < c.scenarios.size(); ++i) {
            if (attempted.contains(c.scenarios.at(i).partDrillId))
                continue;
            CompetitionPartOffer o{c.drillId,
                                   c.name,
                                   int(i),
                                   int(c.scenarios.size()),
                                   c.scenarios.at(i).partDrillId,
                                   c.scenarios.at(i).kind,
                                   {},
                                   {}};
            if (o.kind == u"paper") {
                auto def = m_db.query(u"SELECT definition_json FROM training_drills WHERE id = ?"_s,
                                      {o.partDrillId});
                if (!def)
                    return def.error();
                auto bp = def->next() ? Blueprint::fromJson(def->value(0).toString().toUtf8())
                                      : Result<Blueprint>(Error{u"not_found"_s, o.partDrillId});
                if (!bp)
                    return bp.error();
                o.blueprint = bp.value();
            } else {
                auto sc = ScenarioDrills(m_db, m_clock).scenario(o.partDrillId);
                if (!sc)
                    return sc.error();
                o.scenario = sc.value();
            }
            out.append(o);
            break;
        }
    }
    std::sort(out.begin(), out.end(),
              [](const auto &x, const auto &y) { return x.competitionName < y.competitionName; });
    return out;
}

Status CompetitionService::mayStartPart(const QString &drillId, const QString &trainee) const {
    auto competition = competitionOf(drillId);
    if (!competition)
        return competition.error();
    if (competition->isEmpty())
        return {};
    auto c = get(competition.value());
    if (!c)
        return c.error();
    if (!c->traineeIds.contains(trainee))
        return Error{u"not_a_trainee"_s, u"你不在这场竞赛的参赛名单中"_s};
    if (c->startsAt > m_clock.nowUtc())
        return Error{u"not_started"_s, u"竞赛尚未开始"_s};
    for (const CompetitionScenario &p : std::as_const(c->scenarios)) {
        auto n = m_db.query(u"SELECT count(*) FROM training_attempts WHERE drill_id = ? AND trainee_id = ?"_s,
                            {p.partDrillId, trainee});
        if (!n)
            return n.error();
        const bool done = n->next() && n->value(0).toInt() > 0;
        if (p.partDrillId == drillId)
            return done ? Status(Error{u"part_taken"_s, u"这场情景演练你已经参加过，不能重做"_s}) : Status{};
        if (!done)
            return Error{u"part_order"_s, u"请按顺序参加：先完成“%1”"_s.arg(p.title)};
    }
    return Error{u"not_found"_s, u"没有这场情景演练"_s};
}

Status CompetitionService::recordIfComplete(const QString &drillId, const QString &trainee) {
    return m_db.write([&]() -> Status {
        auto known =
            m_db.query(u"SELECT count(*) FROM training_results WHERE drill_id = ? AND trainee_id = ?"_s,
                       {drillId, trainee});
        if (!known)
            return known.error();
        if (known->next() && known->value(0).toInt() > 0)
            return {}; // recorded before: exactly once
        auto parts = partsOf(drillId);
        if (!parts)
            return parts.error();
        QList<PartScore> fixed;
        QJsonArray answers;
        for (const CompetitionScenario &p : parts.value()) {
            auto r = m_db.query(
                u"SELECT local_id, score, max_score, duration_s, finished_at FROM training_results "
                u"WHERE drill_id = ? AND trainee_id = ? ORDER BY finished_at LIMIT 1"_s,
                {p.partDrillId, trainee});
            if (!r)
                return r.error();
            if (!r->next())
                continue;
            PartScore ps{p.partDrillId,
                         p.title,
                         r->value(0).toString(),
                         r->value(1).toDouble(),
                         r->value(2).toDouble(),
                         r->value(3).toInt(),
                         QDateTime::fromString(r->value(4).toString(), Qt::ISODate)};
            fixed.append(ps);
            answers.append(QJsonObject{{u"part"_s, int(fixed.size()) - 1},
                                       {u"drill_id"_s, ps.partDrillId},
                                       {u"title"_s, ps.title},
                                       {u"local_id"_s, ps.localId},
                                       {u"score"_s, ps.score},
                                       {u"max"_s, ps.maxScore},
                                       {u"duration_s"_s, ps.durationS}});
        }
        const auto total = competitionTotal(int(parts->size()), fixed);
        if (!total)
            return {}; // a part not taken or not fixed yet
        storage::TrainingResult r;
        r.drillId = drillId;
        r.traineeId = trainee;
        r.score = total->score;
        r.maxScore = total->maxScore;
        r.durationS = total->durationS;
        r.answers = answers;
        r.finishedAt = total->finishedAt;
        auto rec = storage::TrainingResultRepository(m_db, m_clock).record(r);
        if (!rec)
            return rec.error();
        return {};
    });
}

} // namespace windowdesk::training
