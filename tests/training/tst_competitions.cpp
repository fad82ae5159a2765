// Blueprints, competitions and the results behind the 组卷 / 竞赛 / 成绩 tabs (issue 15), on a real database:
// a blueprint's rules give specific Chinese messages; a saved blueprint is audited with what it says; the
// bank check names the section the bank cannot fill; a competition (two local clerks) is stored with an audit
// row, and its leaderboard ranks each trainee's best result by score, then time (a tie shares the rank),
// trainees without a result last; a competition keeps the blueprint it was created with; the results give
// each trainee's history, their weakest category first (from the answers' own scores) and the hall's skill
// levels.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/trainingresults.h>
#include <windowdesk/training/blueprintstore.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/trainingattempts.h>
#include <windowdesk/training/trainingrecords.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {
Blueprint basic() {
    Blueprint b;
    b.name = u"综窗业务基础"_s;
    b.passScore = 6;
    b.timeLimitS = 600;
    b.sections = {{QString::fromUtf16(category::Materials), std::nullopt, 4, 1},
                  {std::nullopt, QuestionKind::TrueFalse, 2, 2}};
    return b;
}
} // namespace

class TstCompetitions : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"c-%1.db"_s.arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(QuestionBank(*m_db, m_clock).generateFromCatalog().ok());
    }
    void cleanup() {
        m_audit.reset();
        m_db.reset();
    }

    void blueprintRulesHaveSpecificMessages_data() {
        QTest::addColumn<int>("breakIt");
        QTest::addColumn<QString>("message");
        QTest::addRow("no name") << 0 << u"请填写组卷方案的名称"_s;
        QTest::addRow("no section") << 1 << u"组卷方案至少需要一个部分"_s;
        QTest::addRow("zero points") << 2 << u"第 2 部分：每题分值须大于 0"_s;
        QTest::addRow("pass above full") << 3 << u"及格线须在 0 至满分 8 分之间"_s;
        QTest::addRow("no time") << 4 << u"考试时限须为 1 分钟至 24 小时"_s;
    }
    void blueprintRulesHaveSpecificMessages() {
        QFETCH(int, breakIt);
        QFETCH(QString, message);
        Blueprint b = basic();
        switch (breakIt) {
        case 0:
            b.name = u"  "_s;
            break;
        case 1:
            b.sections.clear();
            break;
        case 2:
            b.sections[1].points = 0;
            break;
        case 3:
            b.passScore = 8.5;
            break;
        case 4:
            b.timeLimitS = 30;
            break;
        }
        BlueprintStore store(*m_db, m_clock, m_audit.get());
        auto saved = store.save(QString(), b, u"u-demo-trainer"_s);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().message, message);
        QCOMPARE(store.list().value().size(), 0);
        QCOMPARE(auditRows(u"training_blueprint_saved"_s), 0);
    }

    void blueprintIsSavedAuditedAndCheckedAgainstTheBank() {
        BlueprintStore store(*m_db, m_clock, m_audit.get());
        auto id = store.save(QString(), basic(), u"u-demo-trainer"_s);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        QCOMPARE(store.get(id.value()).value().blueprint.toJson(), basic().toJson());
        QCOMPARE(auditRows(u"training_blueprint_saved"_s), 1);
        auto again = store.save(QString(), basic(), u"u-demo-trainer"_s);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"duplicate_name"_s);

        const BankCheck fine = store.checkAgainstBank(basic()).value();
        QVERIFY2(fine.problem.isEmpty(), qPrintable(fine.problem));
        QVERIFY(fine.sections.at(0).matching >= 4);
        Blueprint big = basic();
        big.sections[1].count = 100000 > fine.sections.at(1).matching ? fine.sections.at(1).matching + 1 : 1;
        const BankCheck small = store.checkAgainstBank(big).value();
        QVERIFY2(small.problem.startsWith(u"第 2 部分（任意分类 × 判断 × "_s), qPrintable(small.problem));
        QVERIFY2(
            small.problem.contains(u"需要 %1 题，题库中可用的只有"_s.arg(fine.sections.at(1).matching + 1)),
            qPrintable(small.problem));

        // A sample paper: as the draw gives it, nothing stored, no use counted.
        auto paper = store.previewPaper(basic(), 42);
        QVERIFY(paper.ok() && std::holds_alternative<DrawnPaper>(paper.value()));
        QCOMPARE(std::get<DrawnPaper>(paper.value()).questions.size(), 6);
        QCOMPARE(count(u"SELECT count(*) FROM training_papers"_s), 0);
        QCOMPARE(count(u"SELECT total(uses) FROM training_questions"_s), 0);
    }

    void competitionLeaderboardRanksBestScoreThenTime() {
        BlueprintStore store(*m_db, m_clock, m_audit.get());
        const QString bpId = store.save(QString(), basic(), u"u-demo-trainer"_s).value();
        CompetitionService service(*m_db, m_clock, m_audit.get());
        QList<QString> clerks;
        const QList<Trainee> trainees = service.trainees().value(); // kept: value() of a temporary dangles
        for (const Trainee &t : trainees)
            clerks << t.id;
        QCOMPARE(clerks, (QList<QString>{u"u-demo-clerk"_s, u"u-demo-admin"_s})); // 李娜, 陈静 by name
        Competition c;
        c.name = u"三月技能比武"_s;
        c.blueprintId = bpId;
        c.blueprint = basic();
        c.traineeIds = clerks;
        c.startsAt = m_clock.nowUtc();
        Competition bad = c;
        bad.traineeIds = {u"u-demo-supervisor"_s};
        QCOMPARE(service.create(bad, u"u-demo-trainer"_s).error().code, u"invalid_competition"_s);
        auto drill = service.create(c, u"u-demo-trainer"_s);
        QVERIFY2(drill.ok(), qPrintable(drill.ok() ? QString() : drill.error().message));
        QCOMPARE(auditRows(u"training_competition_created"_s), 1);
        // The drill's definition is the blueprint itself (what the trainee's page reads).
        auto def =
            m_db->query(u"SELECT definition_json, kind FROM training_drills WHERE id = ?"_s, {drill.value()});
        QVERIFY(def && def->next());
        QCOMPARE(def->value(1).toString(), u"competition"_s);
        QCOMPARE(Blueprint::fromJson(def->value(0).toString().toUtf8()).value().toJson(), basic().toJson());

        // Nobody has submitted: both listed, unranked.
        QList<LeaderboardRow> rows = service.leaderboard(drill.value()).value();
        QCOMPARE(rows.size(), 2);
        QVERIFY(!rows.at(0).bestScore && rows.at(0).rank == 0);
        const QString before = service.resultsStamp(drill.value()).value();

        storage::TrainingResultRepository results(*m_db, m_clock);
        auto record = [&](const QString &who, double score, int seconds) {
            storage::TrainingResult r;
            r.drillId = drill.value();
            r.traineeId = who;
            r.score = score;
            r.maxScore = 8;
            r.durationS = seconds;
            QVERIFY(results.record(r).ok());
        };
        record(u"u-demo-clerk"_s, 7, 500);
        QVERIFY(service.resultsStamp(drill.value()).value() != before);
        rows = service.leaderboard(drill.value()).value();
        QCOMPARE(rows.at(0).name, u"李娜"_s);
        QCOMPARE(rows.at(0).rank, 1);
        QVERIFY(rows.at(0).passed);
        QCOMPARE(rows.at(1).name, u"陈静"_s);
        QVERIFY(!rows.at(1).bestScore);
        record(u"u-demo-admin"_s, 7, 420); // the same score, faster: first
        record(u"u-demo-admin"_s, 5, 100); // a worse later attempt does not count
        record(u"u-demo-clerk"_s, 6, 300);
        rows = service.leaderboard(drill.value()).value();
        QCOMPARE(rows.at(0).name, u"陈静"_s);
        QCOMPARE(*rows.at(0).bestScore, 7.0);
        QCOMPARE(rows.at(0).bestDurationS, 420);
        QCOMPARE(rows.at(0).attempts, 2);
        QCOMPARE(rows.at(1).name, u"李娜"_s);
        QCOMPARE(rows.at(1).bestDurationS, 500);
        QCOMPARE(rows.at(1).rank, 2);
        record(u"u-demo-clerk"_s, 7, 420); // a tie: the same rank
        rows = service.leaderboard(drill.value()).value();
        QCOMPARE(rows.at(0).rank, 1);
        QCOMPARE(rows.at(1).rank, 1);
        // Each result went to the outbox for the platform.
        QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 5);

        // A later change of the blueprint leaves the competition as it was created.
        Blueprint changed = basic();
        changed.passScore = 8;
        QVERIFY(store.save(bpId, changed, u"u-demo-trainer"_s).ok());
        QCOMPARE(service.get(drill.value()).value().blueprint.passScore, 6.0);
        QCOMPARE(auditRows(u"training_blueprint_saved"_s), 2);
    }

    // The trainee's side: a competition is offered to the clerks it lists and to no one else; each listed
    // clerk draws their own paper from the competition's blueprint, and a submitted paper is on the
    // leaderboard.
    void competitionIsOfferedToItsTraineesEachWithTheirOwnPaper() {
        BlueprintStore store(*m_db, m_clock, m_audit.get());
        CompetitionService service(*m_db, m_clock, m_audit.get());
        Competition c;
        c.name = u"窗口比武"_s;
        c.blueprintId = store.save(QString(), basic(), u"u-demo-trainer"_s).value();
        c.blueprint = basic();
        c.traineeIds = {u"u-demo-clerk"_s};
        c.startsAt = m_clock.nowUtc();
        const QString solo = service.create(c, u"u-demo-trainer"_s).value();
        c.name = u"双人比武"_s;
        c.traineeIds = {u"u-demo-clerk"_s, u"u-demo-admin"_s};
        const QString pair = service.create(c, u"u-demo-trainer"_s).value();

        TrainingAttempts attempts(*m_db, m_clock);
        auto offered = [&](const QString &who) {
            QStringList ids;
            const QList<DrillOffer> offers = attempts.openDrills(who).value();
            for (const DrillOffer &o : offers)
                if (o.kind == u"competition")
                    ids << o.drillId;
            return ids;
        };
        QCOMPARE(offered(u"u-demo-clerk"_s), (QStringList{pair, solo})); // by title: 双 before 窗
        QCOMPARE(offered(u"u-demo-admin"_s), QStringList{pair});
        const auto refused = attempts.startDrill(solo, u"u-demo-admin"_s, 7);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"not_a_trainee"_s);

        const AttemptInfo a = attempts.startDrill(pair, u"u-demo-clerk"_s, 1).value();
        const AttemptInfo b = attempts.startDrill(pair, u"u-demo-admin"_s, 2).value();
        QVERIFY(a.paperId != b.paperId);
        QCOMPARE(a.maxScore, 8.0);
        QCOMPARE(a.passScore, 6.0);
        QStringList first, second;
        const QList<AttemptQuestion> qa = attempts.questions(a.id).value(),
                                     qb = attempts.questions(b.id).value();
        for (const AttemptQuestion &q : qa)
            first << q.paper.id;
        for (const AttemptQuestion &q : qb)
            second << q.paper.id;
        QCOMPARE(first.size(), 6);
        QVERIFY(first != second); // least-used first: the second paper avoids the first one's questions
        QVERIFY(attempts.submit(a.id, FinishReason::Trainee).ok());
        const QList<LeaderboardRow> rows = service.leaderboard(pair).value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).traineeId, u"u-demo-clerk"_s);
        QCOMPARE(rows.at(0).rank, 1);
        QCOMPARE(rows.at(1).rank, 0);
    }

    void recordsGiveHistoryWeakCategoriesAndLevels() {
        // Two drills with blueprints (pass lines 6 and 9), results with answers naming real questions.
        QuestionBank bank(*m_db, m_clock);
        const QList<BankEntry> entries = bank.activeEntries().value();
        auto firstOf = [&](const QString &category) {
            for (const BankEntry &e : entries)
                if (e.category == category)
                    return e;
            return BankEntry{};
        };
        const BankEntry mat = firstOf(QString::fromUtf16(category::Materials));
        const BankEntry dep = firstOf(QString::fromUtf16(category::Departments));
        QVERIFY(!mat.id.isEmpty() && !dep.id.isEmpty());
        Blueprint hard = basic();
        hard.name = u"高级"_s;
        hard.passScore = 7.5;
        for (const auto &[id, bp] : {std::pair{u"d-basic"_s, basic()}, std::pair{u"d-hard"_s, hard}})
            QVERIFY(m_db->exec(u"INSERT INTO training_drills (id, kind, title, definition_json, created_by, "
                               u"created_at) VALUES (?, 'paper', ?, ?, 't', '2026-03-01T00:00:00Z')"_s,
                               {id, bp.name,
                                QString::fromUtf8(QJsonDocument(bp.toJson()).toJson(QJsonDocument::Compact))})
                        .ok());
        auto answer = [](const BankEntry &e, double points, double scored) {
            return QJsonObject{{u"question_id"_s, e.id},
                               {u"version"_s, e.version},
                               {u"chosen"_s, QJsonArray{0}},
                               {u"points"_s, points},
                               {u"score"_s, scored}};
        };
        storage::TrainingResultRepository results(*m_db, m_clock);
        auto record = [&](const QString &drill, double score, int day, const QJsonArray &answers) {
            storage::TrainingResult r;
            r.drillId = drill;
            r.traineeId = u"u-demo-clerk"_s;
            r.score = score;
            r.maxScore = 8;
            r.durationS = 300;
            r.answers = answers;
            r.finishedAt = QDateTime(QDate(2026, 3, day), QTime(2, 0), Qt::UTC);
            QVERIFY(results.record(r).ok());
        };
        record(u"d-basic"_s, 5, 3, {answer(mat, 4, 1), answer(dep, 4, 4)});
        record(u"d-basic"_s, 7, 5, {answer(mat, 4, 3), answer(dep, 4, 4)});
        record(u"d-hard"_s, 7, 6, {answer(mat, 4, 3), answer(dep, 4, 4)});

        TrainingRecords records(*m_db);
        const QList<HistoryEntry> history = records.history(u"u-demo-clerk"_s).value();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).score, 5.0);
        QVERIFY(!history.at(0).passed);
        QVERIFY(history.at(1).passed);
        QCOMPARE(history.at(2).blueprintName, u"高级"_s);
        QVERIFY(!history.at(2).passed); // 7 < 7.5
        const QList<CategoryScore> cats = records.categories(u"u-demo-clerk"_s).value();
        QCOMPARE(cats.size(), 2);
        QCOMPARE(cats.at(0).category, QString::fromUtf16(category::Materials)); // 7 of 12: the weakest
        QCOMPARE(cats.at(0).scored, 7.0);
        QCOMPARE(cats.at(0).possible, 12.0);
        QCOMPARE(cats.at(1).rate(), 1.0);
        const QList<SkillLevel> levels = records.skillLevels().value();
        QCOMPARE(levels.size(), 2);
        QCOMPARE(levels.at(0).blueprintName, u"综窗业务基础"_s);
        QCOMPARE(levels.at(0).passes, 1);
        QCOMPARE(levels.at(0).attempts, 2);
        QCOMPARE(levels.at(0).firstPassedAt, QDateTime(QDate(2026, 3, 5), QTime(2, 0), Qt::UTC));
        QCOMPARE(levels.at(1).blueprintName, u"高级"_s);
        QCOMPARE(levels.at(1).passes, 0);
        QVERIFY(!levels.at(1).firstPassedAt.isValid());
    }

    // A trainer's question without an explanation is stored (with an empty one), not refused by the database.
    void trainerQuestionWithoutExplanationIsStored() {
        Question q;
        q.kind = QuestionKind::TrueFalse;
        q.category = u"政策法规"_s;
        q.stem = u"告知承诺制事项可以当场办结"_s;
        q.options = trueFalseOptions();
        q.correct = {1};
        QVERIFY(q.explanation.isNull());
        auto id = QuestionBank(*m_db, m_clock).addTrainerQuestion(q, u"u-demo-trainer"_s);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        auto row =
            m_db->query(u"SELECT explanation, source FROM training_questions WHERE id = ?"_s, {id.value()});
        QVERIFY(row && row->next());
        QCOMPARE(row->value(0).toString(), QString());
        QVERIFY(!row->value(0).isNull());
        QCOMPARE(row->value(1).toString(), u"trainer"_s);
    }

private:
    int auditRows(const QString &action) const {
        auto q = m_db->query(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action});
        return q && q->next() ? q->value(0).toInt() : -1;
    }
    int count(const QString &sql) const {
        auto q = m_db->query(sql);
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    int m_n = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_GUILESS_MAIN(TstCompetitions)
#include "tst_competitions.moc"
