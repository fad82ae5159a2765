#include "trainingattempts.h"

#include "competitions.h"
#include "questionbank.h"
#include "scoring.h"
#include "traininglogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/trainingresults.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime fromUtcText(const QString &s) {
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QString compact(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonArray intArray(const QList<int> &l) {
    QJsonArray a;
    for (int v : l)
        a.append(v);
    return a;
}

QList<int> intList(const QString &json) {
    QList<int> out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toInt());
    return out;
}

QList<int> sortedUnique(QList<int> l) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
    return l;
}

const QString kSelectAttempt =
    uR"(SELECT a.id, a.kind, a.drill_id, coalesce(d.title, ''), coalesce(a.paper_id, ''), a.trainee_id, a.policy,
        a.time_limit_s, a.max_score, a.pass_score, a.started_at, a.state, coalesce(a.finished_at, ''),
        coalesce(a.finish_reason, ''), coalesce(a.score, 0), coalesce(a.duration_s, 0),
        coalesce(a.attempt_hash, ''), coalesce(a.sandbox_path, '') FROM training_attempts a LEFT JOIN training_drills d ON d.id = a.drill_id)"_s;

AttemptInfo attemptFromRow(const QSqlQuery &q) {
    AttemptInfo a;
    a.id = q.value(0).toString();
    a.kind = q.value(1).toString();
    a.drillId = q.value(2).toString();
    a.drillTitle = q.value(3).toString();
    a.paperId = q.value(4).toString();
    a.traineeId = q.value(5).toString();
    a.policy = policyFromName(q.value(6).toString()).value_or(MultiplePolicy::AllOrNothing);
    a.timeLimitS = q.value(7).toInt();
    a.maxScore = q.value(8).toDouble();
    a.passScore = q.value(9).toDouble();
    a.startedAt = fromUtcText(q.value(10).toString());
    a.open = q.value(11).toString() == u"open";
    if (!a.open)
        a.finishedAt = fromUtcText(q.value(12).toString());
    a.finishReason = q.value(13).toString() == u"time_up" ? FinishReason::TimeUp : FinishReason::Trainee;
    a.score = q.value(14).toDouble();
    a.durationS = q.value(15).toInt();
    a.hash = q.value(16).toString();
    a.sandboxPath = q.value(17).toString();
    return a;
}

// The drill's blueprint: its definition_json read as a blueprint file; the drill's own time limit when the
// blueprint names none.
Result<Blueprint> drillBlueprint(const storage::Database &db, const QString &drillId) {
    auto q = db.query(
        u"SELECT definition_json, coalesce(time_limit_s, 0) FROM training_drills WHERE id = ?"_s, {drillId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这场练习：%1"_s.arg(drillId)};
    auto bp = Blueprint::fromJson(q->value(0).toString().toUtf8());
    if (!bp)
        return bp.error();
    if (bp->timeLimitS <= 0)
        bp->timeLimitS = q->value(1).toInt();
    return bp;
}

} // namespace

QDateTime AttemptInfo::endsAt() const {
    return timeLimitS > 0 ? startedAt.addSecs(timeLimitS) : QDateTime();
}

QStringList AttemptQuestion::shownOptions() const {
    QStringList out;
    for (int i : paper.optionsOrder)
        out.append(question.options.value(i));
    return out;
}

QList<int> AttemptQuestion::chosenShown() const {
    QList<int> out;
    for (qsizetype p = 0; p < paper.optionsOrder.size(); ++p)
        if (chosen.contains(paper.optionsOrder.at(p)))
            out.append(int(p));
    return out;
}

QList<int> AttemptQuestion::correctShown() const {
    QList<int> out;
    for (qsizetype p = 0; p < paper.optionsOrder.size(); ++p)
        if (question.correct.contains(paper.optionsOrder.at(p)))
            out.append(int(p));
    return out;
}

TrainingAttempts::TrainingAttempts(storage::Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock) {}

QString TrainingAttempts::policyText(MultiplePolicy p) {
    switch (p) {
    case MultiplePolicy::AllOrNothing:
        return u"多选题全部选对得分，错选、漏选均不得分"_s;
    case MultiplePolicy::Proportional:
        return u"多选题按比例得分：每选对一项得 1/n，每选错一项扣 1/n，最低 0 分"_s;
    case MultiplePolicy::HalfForMissed:
        return u"多选题全部选对得满分，漏选（无错选）得一半，错选不得分"_s;
    }
    return QString();
}

Result<QList<DrillOffer>> TrainingAttempts::openDrills(const QString &trainee) const {
    const QString now = utcText(m_clock.nowUtc());
    auto q = m_db.query(uR"(SELECT d.id, d.kind, d.title,
        (SELECT p.id FROM training_papers p WHERE p.drill_id = d.id AND p.trainee_id = ?
            AND NOT EXISTS (SELECT 1 FROM training_attempts a WHERE a.paper_id = p.id)
            ORDER BY p.created_at LIMIT 1),
        (SELECT count(*) FROM training_attempts a WHERE a.drill_id = d.id AND a.trainee_id = ?
            AND a.state = 'submitted'),
        (SELECT coalesce(max(a.score), 0) FROM training_attempts a WHERE a.drill_id = d.id
            AND a.trainee_id = ? AND a.state = 'submitted')
        FROM training_drills d WHERE d.kind IN ('paper', 'competition')
        AND json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.competition_id') IS NULL
        AND (d.starts_at IS NULL OR d.starts_at <= ?) AND (d.ends_at IS NULL OR d.ends_at > ?)
        AND (NOT EXISTS (SELECT 1 FROM training_competition_trainees ct WHERE ct.drill_id = d.id)
             OR EXISTS (SELECT 1 FROM training_competition_trainees ct WHERE ct.drill_id = d.id
                        AND ct.trainee_id = ?))
        ORDER BY d.title, d.id)"_s,
                        {trainee, trainee, trainee, now, now, trainee});
    if (!q)
        return q.error();
    QList<DrillOffer> out;
    while (q->next()) {
        DrillOffer o;
        o.drillId = q->value(0).toString();
        o.kind = q->value(1).toString();
        o.title = q->value(2).toString();
        o.pendingPaperId = q->value(3).toString();
        o.attemptsDone = q->value(4).toInt();
        o.bestScore = q->value(5).toDouble();
        auto bp = drillBlueprint(m_db, o.drillId);
        if (!bp) // a drill that is not a paper drill (no blueprint) is not offered here
            continue;
        o.blueprint = bp.value();
        out.append(o);
    }
    return out;
}

Status TrainingAttempts::refuseWhenOpen(const QString &trainee) const {
    auto open = openAttempt(trainee);
    if (open)
        return Error{u"attempt_open"_s,
                     u"你还有一场未交卷的练习（%1，开始于 %2），一次只能进行一场：请先完成或交卷。"_s.arg(
                         open->drillTitle.isEmpty() ? open->drillId : open->drillTitle,
                         open->startedAt.toTimeZone(Clock::chinaStandardTime()).toString(u"HH:mm"_s))};
    if (open.error().code != u"not_found")
        return open.error();
    return {};
}

Result<AttemptInfo> TrainingAttempts::startDrill(const QString &drillId, const QString &trainee,
                                                 quint64 seed) {
    if (Status s = refuseWhenOpen(trainee); !s)
        return s.error();
    // A competition with its list of trainees is open to them alone (a paper drill lists none).
    auto listed = m_db.query(u"SELECT count(*), total(trainee_id = ?) FROM training_competition_trainees "
                             u"WHERE drill_id = ?"_s,
                             {trainee, drillId});
    if (!listed)
        return listed.error();
    if (listed->next() && listed->value(0).toInt() > 0 && listed->value(1).toDouble() == 0)
        return Error{u"not_a_trainee"_s, u"你不在这场竞赛的参赛名单中"_s};
    // The paper of a combined competition: once, in its order, once the competition has started.
    if (Status may = CompetitionService(m_db, m_clock, nullptr).mayStartPart(drillId, trainee); !may)
        return may.error();
    auto pending = m_db.query(uR"(SELECT p.id FROM training_papers p WHERE p.drill_id = ? AND p.trainee_id = ?
        AND NOT EXISTS (SELECT 1 FROM training_attempts a WHERE a.paper_id = p.id) ORDER BY p.created_at LIMIT 1)"_s,
                              {drillId, trainee});
    if (!pending)
        return pending.error();
    if (pending->next())
        return startPaper(pending->value(0).toString(), trainee);
    auto bp = drillBlueprint(m_db, drillId);
    if (!bp)
        return bp.error();
    auto drawn = QuestionBank(m_db, m_clock).drawPaper(bp.value(), trainee, seed % (kMaxSeed + 1), drillId);
    if (!drawn)
        return drawn.error();
    if (auto *small = std::get_if<BankTooSmall>(&drawn.value()))
        return Error{u"bank_too_small"_s,
                     u"题库题目不足，无法组卷（第 %1 部分只有 %2 题可用）"_s.arg(small->section + 1)
                         .arg(small->available)};
    return startPaper(std::get<StoredPaper>(drawn.value()).paperId, trainee);
}

Result<AttemptInfo> TrainingAttempts::startPaper(const QString &paperId, const QString &trainee) {
    auto paper = QuestionBank(m_db, m_clock).paper(paperId);
    if (!paper)
        return paper.error();
    if (paper->trainee != trainee)
        return Error{u"wrong_trainee"_s, u"这份试卷不是为你抽取的"_s};
    auto bp = drillBlueprint(m_db, paper->drillId);
    if (!bp)
        return bp.error();
    double maxScore = 0;
    for (const PaperQuestion &q : std::as_const(paper->paper.questions))
        maxScore += q.points;
    const QString id = u"a-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Status st = m_db.write([&]() -> Status {
        if (Status s = refuseWhenOpen(trainee); !s) // checked again under the write lock
            return s;
        auto taken = m_db.query(u"SELECT count(*) FROM training_attempts WHERE paper_id = ?"_s, {paperId});
        if (!taken)
            return taken.error();
        if (taken->next() && taken->value(0).toInt() > 0)
            return Error{u"paper_taken"_s, u"这份试卷已经作答过，不能重做"_s};
        return m_db.exec(uR"(INSERT INTO training_attempts (id, kind, drill_id, paper_id, trainee_id, policy,
            time_limit_s, max_score, pass_score, started_at, state)
            VALUES (?, 'paper', ?, ?, ?, ?, ?, ?, ?, ?, 'open'))"_s,
                         {id, paper->drillId, paperId, trainee, policyName(bp->multiplePolicy),
                          std::max(0, bp->timeLimitS), maxScore, bp->passScore, utcText(m_clock.nowUtc())});
    });
    if (!st)
        return st.error();
    qCInfo(lcTraining) << "attempt started" << id << "paper" << paperId;
    return readAttempt(id);
}

Result<AttemptInfo> TrainingAttempts::readAttempt(const QString &attemptId) const {
    auto q = m_db.query(kSelectAttempt + u" WHERE a.id = ?"_s, {attemptId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这次作答：%1"_s.arg(attemptId)};
    return attemptFromRow(q.value());
}

Result<AttemptInfo> TrainingAttempts::attempt(const QString &attemptId) const {
    return readAttempt(attemptId);
}

Result<AttemptInfo> TrainingAttempts::openAttempt(const QString &trainee) const {
    auto q = m_db.query(kSelectAttempt + u" WHERE a.trainee_id = ? AND a.state = 'open'"_s, {trainee});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, QString()};
    return attemptFromRow(q.value());
}

int TrainingAttempts::secondsLeft(const AttemptInfo &a) const {
    if (a.timeLimitS <= 0)
        return -1;
    if (!a.open)
        return 0;
    const qint64 used = a.startedAt.secsTo(m_clock.nowUtc());
    return int(std::clamp<qint64>(a.timeLimitS - used, 0, a.timeLimitS));
}

Result<QList<AttemptQuestion>> TrainingAttempts::questions(const QString &attemptId) const {
    auto a = readAttempt(attemptId);
    if (!a)
        return a.error();
    auto paper = QuestionBank(m_db, m_clock).paper(a->paperId);
    if (!paper)
        return paper.error();
    auto ans = m_db.query(
        u"SELECT position, chosen_json FROM training_attempt_answers WHERE attempt_id = ?"_s, {attemptId});
    if (!ans)
        return ans.error();
    QHash<int, QList<int>> chosen;
    while (ans->next())
        chosen.insert(ans->value(0).toInt(), intList(ans->value(1).toString()));
    QList<AttemptQuestion> out;
    QuestionBank bank(m_db, m_clock);
    for (qsizetype i = 0; i < paper->paper.questions.size(); ++i) {
        AttemptQuestion aq;
        aq.paper = paper->paper.questions.at(i);
        auto q = bank.question(aq.paper.id, aq.paper.version);
        if (!q)
            return q.error();
        aq.question = q.value();
        aq.chosen = chosen.value(int(i));
        if (!a->open)
            aq.scored =
                scoreAnswer(aq.question.kind, a->policy, aq.question.correct, aq.chosen, aq.paper.points);
        out.append(aq);
    }
    return out;
}

Status TrainingAttempts::saveAnswer(const QString &attemptId, int position, const QList<int> &chosenStored) {
    const QList<int> chosen = sortedUnique(chosenStored);
    return m_db.write([&]() -> Status {
        auto a = readAttempt(attemptId);
        if (!a)
            return a.error();
        if (!a->open)
            return Error{u"not_open"_s, u"已交卷，答案不能再改"_s};
        if (a->timeLimitS > 0 && secondsLeft(a.value()) <= 0)
            return Error{u"time_up"_s, u"时间已到，答案未保存：试卷按已作答的内容交卷"_s};
        auto pq = m_db.query(
            u"SELECT options_order_json FROM training_paper_questions WHERE paper_id = ? AND position = ?"_s,
            {a->paperId, position});
        if (!pq)
            return pq.error();
        if (!pq->next())
            return Error{u"out_of_range"_s, u"试卷没有第 %1 题"_s.arg(position + 1)};
        const int options = int(intList(pq->value(0).toString()).size());
        for (int c : chosen)
            if (c < 0 || c >= options)
                return Error{u"out_of_range"_s, u"第 %1 题没有这个选项"_s.arg(position + 1)};
        return m_db.exec(
            uR"(INSERT INTO training_attempt_answers (attempt_id, position, chosen_json, answered_at)
            VALUES (?, ?, ?, ?) ON CONFLICT (attempt_id, position) DO UPDATE SET chosen_json = excluded.chosen_json,
            answered_at = excluded.answered_at)"_s,
            {attemptId, position, compact(intArray(chosen)), utcText(m_clock.nowUtc())});
    });
}

Result<QJsonArray> TrainingAttempts::answersForHash(const QString &attemptId) const {
    // A scenario attempt is hashed over its rubric as scored (there are no answers).
    auto rubric = m_db.query(u"SELECT coalesce(rubric_json, '[]') FROM training_attempts WHERE id = ? AND "
                             u"kind = 'scenario'"_s,
                             {attemptId});
    if (!rubric)
        return rubric.error();
    if (rubric->next())
        return QJsonDocument::fromJson(rubric->value(0).toString().toUtf8()).array();
    auto q = m_db.query(u"SELECT position, chosen_json FROM training_attempt_answers WHERE attempt_id = ? "
                        u"ORDER BY position"_s,
                        {attemptId});
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(QJsonArray{q->value(0).toInt(), intArray(intList(q->value(1).toString()))});
    return out;
}

QString TrainingAttempts::hashOf(const AttemptInfo &a, const QJsonArray &answers) {
    return attemptHash(a.paperId.isEmpty() ? a.id : a.paperId, a.traineeId, answers, a.score, a.maxScore,
                       a.durationS, utcText(a.finishedAt));
}

Result<AttemptInfo> TrainingAttempts::submit(const QString &attemptId, FinishReason reason) {
    AttemptInfo done;
    const Status st = m_db.write([&]() -> Status {
        auto a = readAttempt(attemptId);
        if (!a)
            return a.error();
        done = a.value();
        if (!done.open)
            return {}; // submitted before: exactly once
        if (done.kind != u"paper")
            return Error{u"not_a_paper"_s, u"情景演练由演练页交卷"_s};
        auto qs = questions(attemptId);
        if (!qs)
            return qs.error();
        const QDateTime now = m_clock.nowUtc();
        done.finishedAt = now;
        if (done.timeLimitS > 0 && (reason == FinishReason::TimeUp || now > done.endsAt()))
            done.finishedAt = std::min(now, done.endsAt());
        done.finishReason = reason;
        done.durationS = int(std::max<qint64>(0, done.startedAt.secsTo(done.finishedAt)));
        done.score = 0;
        QJsonArray resultAnswers;
        for (const AttemptQuestion &q : std::as_const(qs.value())) {
            const double s =
                scoreAnswer(q.question.kind, done.policy, q.question.correct, q.chosen, q.paper.points);
            done.score += s;
            resultAnswers.append(QJsonObject{{u"question_id"_s, q.paper.id},
                                             {u"version"_s, q.paper.version},
                                             {u"chosen"_s, intArray(q.chosen)},
                                             {u"points"_s, q.paper.points},
                                             {u"score"_s, s}});
        }
        done.score = std::round(done.score * 100) / 100; // hundredths: what the platform and the hash see
        auto hashAnswers = answersForHash(attemptId);
        if (!hashAnswers)
            return hashAnswers.error();
        done.open = false;
        done.hash = hashOf(done, hashAnswers.value());
        if (Status s = m_db.exec(uR"(UPDATE training_attempts SET state = 'submitted', finished_at = ?,
            finish_reason = ?, score = ?, duration_s = ?, attempt_hash = ? WHERE id = ? AND state = 'open')"_s,
                                 {utcText(done.finishedAt),
                                  reason == FinishReason::TimeUp ? u"time_up"_s : u"trainee"_s, done.score,
                                  done.durationS, done.hash, attemptId});
            !s)
            return s;
        storage::TrainingResult r;
        r.localId = done.id;
        r.drillId = done.drillId;
        r.paperId = done.paperId;
        r.traineeId = done.traineeId;
        r.score = done.score;
        r.maxScore = done.maxScore;
        r.durationS = done.durationS;
        r.answers = resultAnswers;
        r.finishedAt = done.finishedAt;
        // The paper of a combined competition is kept here; the competition's one result goes to the
        // platform once every part of the trainee is fixed.
        CompetitionService competitions(m_db, m_clock, nullptr);
        auto competition = competitions.competitionOf(done.drillId);
        if (!competition)
            return competition.error();
        if (!competition->isEmpty()) {
            auto local = storage::TrainingResultRepository(m_db, m_clock).recordLocal(r);
            if (!local)
                return local.error();
            return competitions.recordIfComplete(competition.value(), done.traineeId);
        }
        auto rec = storage::TrainingResultRepository(m_db, m_clock).record(r);
        if (!rec)
            return rec.error();
        return {};
    });
    if (!st)
        return st.error();
    qCInfo(lcTraining) << "attempt submitted" << attemptId << "score" << done.score;
    return done;
}

Result<int> TrainingAttempts::submitExpired() {
    auto q = m_db.query(u"SELECT id FROM training_attempts WHERE state = 'open' AND kind = 'paper' AND "
                        u"time_limit_s > 0"_s);
    if (!q)
        return q.error();
    QStringList ids;
    while (q->next())
        ids.append(q->value(0).toString());
    int n = 0;
    for (const QString &id : std::as_const(ids)) {
        auto a = readAttempt(id);
        if (!a)
            return a.error();
        if (secondsLeft(a.value()) > 0)
            continue;
        auto s = submit(id, FinishReason::TimeUp);
        if (!s)
            return s.error();
        ++n;
    }
    return n;
}

Result<bool> TrainingAttempts::verify(const QString &attemptId) const {
    auto a = readAttempt(attemptId);
    if (!a)
        return a.error();
    if (a->open || a->hash.isEmpty())
        return false;
    auto answers = answersForHash(attemptId);
    if (!answers)
        return answers.error();
    return hashOf(a.value(), answers.value()) == a->hash;
}

} // namespace windowdesk::training
