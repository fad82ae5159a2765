#include "scenariodrill.h"

#include "competitions.h"
#include "scenariocheck.h"
#include "traininglogging.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/trainingresults.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlRecord>
#include <QUuid>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

Error invalid(const QString &message) {
    return Error{u"invalid_scenario"_s, message};
}

QString documentStateName(ScenarioDocument::State s) {
    switch (s) {
    case ScenarioDocument::State::Good:
        return u"good"_s;
    case ScenarioDocument::State::Missing:
        return u"missing"_s;
    case ScenarioDocument::State::Wrong:
        return u"wrong"_s;
    }
    return QString();
}

const QList<std::pair<ScenarioEvent::Kind, QString>> kEventNames{
    {ScenarioEvent::Kind::ScannerFails, u"scanner_fails"_s},
    {ScenarioEvent::Kind::QueueOffline, u"queue_offline"_s},
    {ScenarioEvent::Kind::QueueOnline, u"queue_online"_s},
    {ScenarioEvent::Kind::ApplicantChangesMind, u"changes_mind"_s},
    {ScenarioEvent::Kind::Say, u"say"_s}};

Result<QList<ScenarioDocument>> documentsFromJson(const QJsonArray &a) {
    QList<ScenarioDocument> out;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject d = a.at(i).toObject();
        ScenarioDocument doc;
        doc.materialId = d.value(u"material_id"_s).toString();
        doc.name = d.value(u"name"_s).toString();
        const QString st = d.value(u"state"_s).toString(u"good"_s);
        if (st == u"good")
            doc.state = ScenarioDocument::State::Good;
        else if (st == u"missing")
            doc.state = ScenarioDocument::State::Missing;
        else if (st == u"wrong")
            doc.state = ScenarioDocument::State::Wrong;
        else
            return invalid(u"documents[%1].state: good、missing 或 wrong"_s.arg(i));
        if (doc.materialId.isEmpty())
            return invalid(u"documents[%1].material_id 不能为空"_s.arg(i));
        out.append(doc);
    }
    return out;
}

Result<QList<ScenarioEvent>> eventsFromJson(const QJsonArray &a) {
    QList<ScenarioEvent> out;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonObject e = a.at(i).toObject();
        ScenarioEvent ev;
        const auto kind = eventKindFromName(e.value(u"kind"_s).toString());
        if (!kind)
            return invalid(u"events[%1].kind 未知"_s.arg(i));
        ev.kind = *kind;
        ev.atS = e.value(u"at_s"_s).toInt(-1);
        ev.text = e.value(u"text"_s).toString();
        if (ev.atS < 0)
            return invalid(u"events[%1].at_s 应为非负整数"_s.arg(i));
        out.append(ev);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto &x, const auto &y) { return x.atS < y.atS; });
    return out;
}

QJsonArray rubricJson(const QList<RubricLine> &lines) {
    QJsonArray a;
    for (const RubricLine &l : lines)
        a.append(QJsonObject{{u"criterion"_s, l.criterion},
                             {u"points"_s, l.points},
                             {u"max"_s, l.maxPoints},
                             {u"note"_s, l.note}});
    return a;
}

QList<RubricLine> rubricFromJson(const QString &json) {
    QList<RubricLine> out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out.append({o.value(u"criterion"_s).toString(), o.value(u"points"_s).toDouble(),
                    o.value(u"max"_s).toDouble(), o.value(u"note"_s).toString(), false});
    }
    return out;
}

bool present(const QString &status) {
    return status == u"paper" || status == u"electronic";
}

RubricLine materialsLine(const Scenario &s, const cases::DecidedCase &c) {
    RubricLine l{u"materials"_s, 0, s.materialsPoints, {}, false};
    if (s.documents.isEmpty())
        return l;
    int right = 0;
    QStringList wrong;
    for (const ScenarioDocument &d : s.documents) {
        const QString marked = c.materials.value(s.targetItemCode + u'/' + d.materialId);
        const bool shouldBePresent = d.state == ScenarioDocument::State::Good;
        if (!marked.isEmpty() && present(marked) == shouldBePresent)
            ++right;
        else
            wrong.append(d.name.isEmpty() ? d.materialId : d.name);
    }
    l.points = std::round(s.materialsPoints * right / double(s.documents.size()) * 100) / 100;
    l.note = wrong.isEmpty() ? u"材料全部标记正确"_s : u"标记有误：%1"_s.arg(wrong.join(u'、'));
    return l;
}

} // namespace

QString eventKindName(ScenarioEvent::Kind k) {
    for (const auto &[kind, name] : kEventNames)
        if (kind == k)
            return name;
    return QString();
}

std::optional<ScenarioEvent::Kind> eventKindFromName(const QString &name) {
    for (const auto &[kind, n] : kEventNames)
        if (n == name)
            return kind;
    return std::nullopt;
}

double Scenario::judgedMax() const {
    double m = 0;
    for (const auto &c : judgedCriteria)
        m += c.second;
    return m;
}

Result<Scenario> Scenario::fromJson(const QJsonObject &o) {
    Scenario s;
    s.title = o.value(u"title"_s).toString();
    s.brief = o.value(u"brief"_s).toString();
    const QJsonObject a = o.value(u"applicant"_s).toObject();
    s.applicantName = a.value(u"name"_s).toString();
    s.idNumber = a.value(u"id_number"_s).toString();
    s.phone = a.value(u"phone"_s).toString();
    auto docs = documentsFromJson(o.value(u"documents"_s).toArray());
    if (!docs)
        return docs.error();
    s.documents = docs.value();
    auto events = eventsFromJson(o.value(u"events"_s).toArray());
    if (!events)
        return events.error();
    s.events = events.value();
    s.timeLimitS = o.value(u"time_limit_s"_s).toInt(420);
    const QJsonObject t = o.value(u"target"_s).toObject();
    s.targetItemCode = t.value(u"item_code"_s).toString();
    s.targetDecision = t.value(u"decision"_s).toString();
    const QJsonObject p = o.value(u"points"_s).toObject();
    s.itemPoints = p.value(u"item"_s).toDouble(s.itemPoints);
    s.materialsPoints = p.value(u"materials"_s).toDouble(s.materialsPoints);
    s.decisionPoints = p.value(u"decision"_s).toDouble(s.decisionPoints);
    s.dataPoints = p.value(u"data"_s).toDouble(s.dataPoints);
    s.timePoints = p.value(u"time"_s).toDouble(s.timePoints);
    if (o.contains(u"judged"_s)) {
        s.judgedCriteria.clear();
        for (const auto &v : o.value(u"judged"_s).toArray())
            s.judgedCriteria.append(
                {v.toObject().value(u"criterion"_s).toString(), v.toObject().value(u"max"_s).toDouble()});
    }
    return s;
}

QJsonObject Scenario::toJson() const {
    QJsonArray docs, evs, judged;
    for (const ScenarioDocument &d : documents)
        docs.append(QJsonObject{
            {u"material_id"_s, d.materialId}, {u"name"_s, d.name}, {u"state"_s, documentStateName(d.state)}});
    for (const ScenarioEvent &e : events)
        evs.append(QJsonObject{{u"kind"_s, eventKindName(e.kind)}, {u"at_s"_s, e.atS}, {u"text"_s, e.text}});
    for (const auto &c : judgedCriteria)
        judged.append(QJsonObject{{u"criterion"_s, c.first}, {u"max"_s, c.second}});
    return QJsonObject{
        {u"title"_s, title},
        {u"brief"_s, brief},
        {u"applicant"_s,
         QJsonObject{{u"name"_s, applicantName}, {u"id_number"_s, idNumber}, {u"phone"_s, phone}}},
        {u"documents"_s, docs},
        {u"events"_s, evs},
        {u"time_limit_s"_s, timeLimitS},
        {u"target"_s, QJsonObject{{u"item_code"_s, targetItemCode}, {u"decision"_s, targetDecision}}},
        {u"points"_s, QJsonObject{{u"item"_s, itemPoints},
                                  {u"materials"_s, materialsPoints},
                                  {u"decision"_s, decisionPoints},
                                  {u"data"_s, dataPoints},
                                  {u"time"_s, timePoints}}},
        {u"judged"_s, judged}};
}

Status validateScenario(const Scenario &s, const QDate &today) {
    // One rule set (scenariocheck.cpp): the first problem of the basic rules.
    for (const ScenarioProblem &p : scenarioBasicProblems(s, today))
        if (p.isError())
            return invalid(p.message);
    return {};
}

// A decision in the rubric's note as the hall says it (一次性告知补正), the stored key if unknown.
QString decisionText(const QString &decision) {
    const QString label = cases::CaseService::decisionLabel(decision);
    return label.isEmpty() ? decision : label;
}

QString expectedMaterialStatus(ScenarioDocument::State s) {
    return s == ScenarioDocument::State::Good ? u"paper"_s : u"missing"_s;
}

QList<RubricLine> scoreAutomatic(const Scenario &s, const std::optional<cases::DecidedCase> &c,
                                 int durationS) {
    QList<RubricLine> out;
    if (!c) {
        out.append({u"item"_s, 0, s.itemPoints, u"没有提交受理"_s, false});
        out.append({u"materials"_s, 0, s.materialsPoints, u"没有提交受理"_s, false});
        out.append({u"decision"_s, 0, s.decisionPoints, u"没有提交受理"_s, false});
        out.append({u"data"_s, 0, s.dataPoints, u"没有提交受理"_s, false});
    } else {
        const bool itemRight = c->itemCodes == QStringList{s.targetItemCode};
        out.append({u"item"_s, itemRight ? s.itemPoints : 0, s.itemPoints,
                    itemRight ? u"事项正确"_s : u"事项应为 %1"_s.arg(s.targetItemCode), false});
        out.append(materialsLine(s, *c));
        const bool decisionRight = c->decision == s.targetDecision;
        out.append({u"decision"_s, decisionRight ? s.decisionPoints : 0, s.decisionPoints,
                    decisionRight ? u"决定正确"_s
                                  : u"决定应为 %1，实际为 %2"_s.arg(decisionText(s.targetDecision),
                                                                    decisionText(c->decision)),
                    false});
        int dataRight = 0;
        dataRight += c->applicantName.trimmed() == s.applicantName ? 1 : 0;
        dataRight += core::normalizeIdentifier(c->idNumber) == core::normalizeIdentifier(s.idNumber) ? 1 : 0;
        dataRight += core::normalizePhone(c->phone) == core::normalizePhone(s.phone) ? 1 : 0;
        out.append({u"data"_s, std::round(s.dataPoints * dataRight / 3.0 * 100) / 100, s.dataPoints,
                    u"申请人信息 %1/3 项正确"_s.arg(dataRight), false});
    }
    double timeShare = 1;
    if (durationS > s.timeLimitS)
        timeShare = std::max(0.0, 1.0 - double(durationS - s.timeLimitS) / s.timeLimitS);
    out.append({u"time"_s, std::round(s.timePoints * timeShare * 100) / 100, s.timePoints,
                u"用时 %1 秒（时限 %2 秒）"_s.arg(durationS).arg(s.timeLimitS), false});
    return out;
}

Result<std::unique_ptr<storage::Database>> ScenarioSandbox::create(storage::Database &real,
                                                                   const QString &path) {
    if (QFile::exists(path))
        return Error{u"sandbox_exists"_s, u"练习数据库已存在：%1"_s.arg(path)};
    auto opened = storage::Database::open(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<storage::Database> sandbox = std::move(opened).value();
    static const QStringList tables{u"service_items"_s, u"item_materials"_s, u"item_form_fields"_s,
                                    u"bundles"_s,       u"bundle_items"_s,   u"calendars"_s,
                                    u"calendar_days"_s, u"settings"_s,       u"license_keys"_s};
    const Status copied = sandbox->write([&]() -> Status {
        for (const QString &t : tables) {
            auto rows = real.forwardQuery(u"SELECT * FROM "_s + t);
            if (!rows)
                return rows.error();
            const QSqlRecord rec = rows->record();
            QStringList cols, marks;
            for (int i = 0; i < rec.count(); ++i) {
                cols.append(rec.fieldName(i));
                marks.append(u"?"_s);
            }
            const QString insert =
                u"INSERT OR REPLACE INTO %1 (%2) VALUES (%3)"_s.arg(t, cols.join(u','), marks.join(u','));
            while (rows->next()) {
                if (t == u"settings" && (rows->value(0).toString().startsWith(u"platform.") ||
                                         rows->value(0).toString().startsWith(u"sync.")))
                    continue; // nothing in the sandbox may reach the platform
                QVariantList binds;
                for (int i = 0; i < rec.count(); ++i)
                    binds.append(rows->value(i));
                if (Status s = sandbox->exec(insert, binds); !s)
                    return s;
            }
        }
        return storage::CatalogSearch::rebuild(*sandbox);
    });
    if (!copied)
        return copied.error();
    return sandbox;
}

void ScenarioSandbox::remove(const QString &path) {
    if (path.isEmpty())
        return;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
    QDir(path + u".notices"_s).removeRecursively();
}

Result<int> ScenarioSandbox::removeStale(storage::Database &real, const QString &dir) {
    auto open =
        real.query(u"SELECT sandbox_path FROM training_attempts WHERE kind = 'scenario' AND state = 'open' "
                   u"AND sandbox_path IS NOT NULL"_s);
    if (!open)
        return open.error();
    QSet<QString> inUse;
    while (open->next())
        inUse.insert(QFileInfo(open->value(0).toString()).absoluteFilePath());
    int removed = 0;
    const QDir d(dir);
    for (const QFileInfo &f : d.entryInfoList({u"drill-*.db"_s}, QDir::Files)) {
        if (inUse.contains(f.absoluteFilePath()))
            continue;
        remove(f.absoluteFilePath());
        ++removed;
    }
    // Companions whose database is gone.
    for (const QFileInfo &f :
         d.entryInfoList({u"drill-*.db-wal"_s, u"drill-*.db-shm"_s, u"drill-*.db-journal"_s}, QDir::Files)) {
        const QString db = f.absoluteFilePath().left(f.absoluteFilePath().lastIndexOf(u'-'));
        if (!QFile::exists(db) && !inUse.contains(db))
            QFile::remove(f.absoluteFilePath());
    }
    // The notices the intake page printed during a drill (drill-<uuid>.db.notices).
    for (const QFileInfo &f : d.entryInfoList({u"drill-*.db.notices"_s}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString db = f.absoluteFilePath().chopped(int(qstrlen(".notices")));
        if (!inUse.contains(db))
            QDir(f.absoluteFilePath()).removeRecursively();
    }
    return removed;
}

ScenarioDrills::ScenarioDrills(storage::Database &real, const Clock &clock, storage::AuditLog *audit)
    : m_db(real)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QList<AwaitingJudgement>> ScenarioDrills::awaitingJudgement() const {
    auto q = m_db.query(
        uR"(SELECT a.id, d.title, a.trainee_id, coalesce(u.name, a.trainee_id), a.score, a.finished_at
        FROM training_attempts a JOIN training_drills d ON d.id = a.drill_id LEFT JOIN users u ON u.id = a.trainee_id
        WHERE a.kind = 'scenario' AND a.state = 'submitted'
          AND NOT EXISTS (SELECT 1 FROM training_results r WHERE r.local_id = a.id)
        ORDER BY a.finished_at, a.id)"_s);
    if (!q)
        return q.error();
    QList<AwaitingJudgement> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), q->value(4).toDouble(),
                    QDateTime::fromString(q->value(5).toString(), Qt::ISODate)});
    return out;
}

Result<QString> ScenarioDrills::addDrill(const Scenario &s, const QString &createdBy) {
    if (Status v = validateScenario(s, m_clock.todayCst()); !v)
        return v.error();
    const QString id = u"s-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
    const Status st =
        m_db.exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s,
        created_by, created_at) VALUES (?, 'scenario', ?, ?, ?, ?, ?))"_s,
                  {id, s.title, QString::fromUtf8(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact)),
                   s.timeLimitS, createdBy, utcText(m_clock.nowUtc())});
    if (!st)
        return st.error();
    return id;
}

Result<Scenario> ScenarioDrills::scenario(const QString &drillId) const {
    auto q = m_db.query(u"SELECT definition_json FROM training_drills WHERE id = ? AND kind = 'scenario'"_s,
                        {drillId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这个情景演练：%1"_s.arg(drillId)};
    return Scenario::fromJson(QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object());
}

Result<QList<QPair<QString, Scenario>>> ScenarioDrills::openScenarios() const {
    const QString now = utcText(m_clock.nowUtc());
    // A part of a competition (its copy of a scenario) is offered through the competition, not here.
    auto q = m_db.query(uR"(SELECT id FROM training_drills WHERE kind = 'scenario'
        AND json_extract(CASE WHEN json_valid(definition_json) THEN definition_json END, '$.competition_id') IS NULL
        AND (starts_at IS NULL OR starts_at <= ?) AND (ends_at IS NULL OR ends_at > ?) ORDER BY title, id)"_s,
                        {now, now});
    if (!q)
        return q.error();
    QList<QPair<QString, Scenario>> out;
    while (q->next()) {
        auto s = scenario(q->value(0).toString());
        if (s)
            out.append({q->value(0).toString(), s.value()});
    }
    return out;
}

Result<AttemptInfo> ScenarioDrills::start(const QString &drillId, const QString &trainee,
                                          const QString &sandboxPath) {
    auto s = scenario(drillId);
    if (!s)
        return s.error();
    TrainingAttempts attempts(m_db, m_clock);
    const QString id = u"a-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Status st = m_db.write([&]() -> Status {
        auto open = attempts.openAttempt(trainee);
        if (open)
            return Error{u"attempt_open"_s,
                         u"你还有一场未交卷的练习（%1），一次只能进行一场：请先完成或交卷。"_s.arg(
                             open->drillTitle.isEmpty() ? open->drillId : open->drillTitle)};
        if (Status may = CompetitionService(m_db, m_clock, nullptr).mayStartPart(drillId, trainee); !may)
            return may;
        return m_db.exec(
            uR"(INSERT INTO training_attempts (id, kind, drill_id, trainee_id, time_limit_s, max_score,
            started_at, state, sandbox_path) VALUES (?, 'scenario', ?, ?, ?, ?, ?, 'open', ?))"_s,
            {id, drillId, trainee, s->timeLimitS, s->automaticMax() + s->judgedMax(),
             utcText(m_clock.nowUtc()), sandboxPath});
    });
    if (!st)
        return st.error();
    return attempts.attempt(id);
}

Result<AttemptInfo> ScenarioDrills::finish(const QString &attemptId,
                                           const std::optional<cases::DecidedCase> &c, FinishReason reason) {
    TrainingAttempts attempts(m_db, m_clock);
    AttemptInfo done;
    bool recordNow = false;
    const Status st = m_db.write([&]() -> Status {
        auto a = attempts.attempt(attemptId);
        if (!a)
            return a.error();
        done = a.value();
        if (!done.open)
            return {};
        auto s = scenario(done.drillId);
        if (!s)
            return s.error();
        const QDateTime now = m_clock.nowUtc();
        done.finishedAt = reason == FinishReason::TimeUp ? std::min(now, done.endsAt()) : now;
        done.durationS = int(std::max<qint64>(0, done.startedAt.secsTo(done.finishedAt)));
        done.finishReason = reason;
        const QList<RubricLine> lines = scoreAutomatic(s.value(), c, done.durationS);
        done.score = 0;
        for (const RubricLine &l : lines)
            done.score += l.points;
        done.score = std::round(done.score * 100) / 100;
        done.open = false;
        const QJsonArray rubric = rubricJson(lines);
        done.hash = TrainingAttempts::hashOf(done, rubric);
        recordNow = s->judgedCriteria.isEmpty();
        return m_db.exec(
            uR"(UPDATE training_attempts SET state = 'submitted', finished_at = ?, finish_reason = ?,
            score = ?, duration_s = ?, rubric_json = ?, attempt_hash = ? WHERE id = ? AND state = 'open')"_s,
            {utcText(done.finishedAt), reason == FinishReason::TimeUp ? u"time_up"_s : u"trainee"_s,
             done.score, done.durationS,
             QString::fromUtf8(QJsonDocument(rubric).toJson(QJsonDocument::Compact)), done.hash, attemptId});
    });
    if (!st)
        return st.error();
    if (recordNow)
        return finalize(attemptId);
    return done;
}

Status ScenarioDrills::judge(const QString &attemptId, const Judgement &j, const QString &by) {
    TrainingAttempts attempts(m_db, m_clock);
    auto a = attempts.attempt(attemptId);
    if (!a)
        return a.error();
    if (a->open)
        return Error{u"not_finished"_s, u"演练尚未结束，不能评分"_s};
    auto s = scenario(a->drillId);
    if (!s)
        return s.error();
    double max = -1;
    for (const auto &c : s->judgedCriteria)
        if (c.first == j.criterion)
            max = c.second;
    if (max < 0 || j.judgeId.trimmed().isEmpty() || !(j.points >= 0) || j.points > max)
        return Error{u"invalid_judgement"_s, u"评分项或分值无效（0–%1）"_s.arg(std::max(0.0, max))};
    return m_db.write([&]() -> Status {
        auto known = m_db.query(u"SELECT count(*) FROM training_results WHERE local_id = ?"_s, {attemptId});
        if (!known)
            return known.error();
        if (known->next() && known->value(0).toInt() > 0)
            return Error{u"already_recorded"_s, u"成绩已定分上报，不能再评分"_s};
        if (Status s = storeJudgement(attemptId, j, max); !s)
            return s;
        return m_audit
                   ? m_audit->append(
                         {by.isEmpty() ? j.judgeId : by,
                          u"training_judgement"_s,
                          attemptId,
                          {{u"judge"_s, j.judgeId}, {u"criterion"_s, j.criterion}, {u"points"_s, j.points}}})
                   : Status{};
    });
}

Status ScenarioDrills::storeJudgement(const QString &attemptId, const Judgement &j, double max) {
    return m_db.exec(
        uR"(INSERT INTO drill_attempt_judgements (attempt_id, judge_id, criterion, points, max_points,
        note, judged_at) VALUES (?, ?, ?, ?, ?, coalesce(?, ''), ?) ON CONFLICT (attempt_id, judge_id, criterion) DO UPDATE SET
        points = excluded.points, note = excluded.note, judged_at = excluded.judged_at)"_s,
        {attemptId, j.judgeId, j.criterion, j.points, max, j.note, utcText(m_clock.nowUtc())});
}

Result<QList<Judgement>> ScenarioDrills::judgements(const QString &attemptId) const {
    auto q = m_db.query(u"SELECT judge_id, criterion, points, max_points, note FROM drill_attempt_judgements "
                        u"WHERE attempt_id = ? ORDER BY criterion, judge_id"_s,
                        {attemptId});
    if (!q)
        return q.error();
    QList<Judgement> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toDouble(),
                    q->value(3).toDouble(), q->value(4).toString()});
    return out;
}

Result<ScenarioScore> ScenarioDrills::score(const QString &attemptId) const {
    auto rubric = m_db.query(
        u"SELECT coalesce(rubric_json, '[]'), drill_id FROM training_attempts WHERE id = ?"_s, {attemptId});
    if (!rubric)
        return rubric.error();
    if (!rubric->next())
        return Error{u"not_found"_s, u"没有这次作答：%1"_s.arg(attemptId)};
    ScenarioScore out;
    out.lines = rubricFromJson(rubric->value(0).toString());
    auto s = scenario(rubric->value(1).toString());
    if (!s)
        return s.error();
    auto js = judgements(attemptId);
    if (!js)
        return js.error();
    QSet<QString> judges;
    for (const auto &[criterion, max] : s->judgedCriteria) {
        double sum = 0;
        int n = 0;
        for (const Judgement &j : js.value())
            if (j.criterion == criterion) {
                sum += j.points;
                ++n;
                judges.insert(j.judgeId);
            }
        out.lines.append({criterion, n ? std::round(sum / n * 100) / 100 : 0, max,
                          n ? u"%1 位评委的平均分"_s.arg(n) : u"尚无评委评分"_s, true});
    }
    for (const RubricLine &l : std::as_const(out.lines)) {
        out.total += l.points;
        out.max += l.maxPoints;
    }
    out.total = std::round(out.total * 100) / 100;
    out.judges = int(judges.size());
    return out;
}

Result<AttemptInfo> ScenarioDrills::finalize(const QString &attemptId) {
    TrainingAttempts attempts(m_db, m_clock);
    auto a = attempts.attempt(attemptId);
    if (!a)
        return a.error();
    if (a->open)
        return Error{u"not_finished"_s, u"演练尚未结束"_s};
    auto sc = score(attemptId);
    if (!sc)
        return sc.error();
    const Status st = m_db.write([&]() -> Status {
        auto known = m_db.query(u"SELECT count(*) FROM training_results WHERE local_id = ?"_s, {attemptId});
        if (!known)
            return known.error();
        if (known->next() && known->value(0).toInt() > 0)
            return {}; // recorded before: exactly once
        storage::TrainingResult r;
        r.localId = attemptId;
        r.drillId = a->drillId;
        r.traineeId = a->traineeId;
        r.score = sc->total;
        r.maxScore = sc->max;
        r.durationS = a->durationS;
        r.answers = rubricJson(sc->lines);
        r.finishedAt = a->finishedAt;
        // A part of a competition is kept here; the competition's one result goes to the platform once
        // every part of the trainee is fixed.
        CompetitionService competitions(m_db, m_clock, nullptr);
        auto competition = competitions.competitionOf(a->drillId);
        if (!competition)
            return competition.error();
        if (competition->isEmpty()) {
            auto rec = storage::TrainingResultRepository(m_db, m_clock).record(r);
            return rec ? Status{} : Status(rec.error());
        }
        auto local = storage::TrainingResultRepository(m_db, m_clock).recordLocal(r);
        if (!local)
            return local.error();
        return competitions.recordIfComplete(competition.value(), a->traineeId);
    });
    if (!st)
        return st.error();
    qCInfo(lcTraining) << "scenario result recorded" << attemptId;
    return a;
}

} // namespace windowdesk::training
