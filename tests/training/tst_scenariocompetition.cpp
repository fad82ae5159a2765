// A competition over a scenario set (issue 15: "one blueprint or scenario set"), on a real database, without
// widgets: the total rule (no total until every part is fixed; then the sums of the parts' scores, maxima and
// durations); what create() refuses (nothing chosen, a scenario twice, an unknown scenario);
// the parts are the competition's own copies, kept out of the free scenario list; a trainee takes the parts
// once each, in order, and only once the competition has started; a part's fixed score is kept locally (no
// outbox row) and the leaderboard says "waiting for the judges" — no zero — until the last part of the
// trainee is fixed, when the competition's ONE result is recorded with its outbox row (score = the sum of
// the parts' automatic rubric + judges' averages), exactly once; the board ranks by score, then time. The
// combined form: the blueprint's paper first (not a free paper), kept locally, then the scenario; the total
// is the paper's score plus the scenario's.
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/scenariostore.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {
const QString kItem = u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1, m2, m3
const QString kClerk = u"u-demo-clerk"_s, kAdmin = u"u-demo-admin"_s, kTrainer = u"u-demo-trainer"_s;

Scenario scenario(const QString &title, const QString &decision) {
    Scenario s;
    s.title = title;
    s.applicantName = u"李训练"_s;
    const QString first17 = u"43010419900307123"_s;
    s.idNumber = first17 + core::residentIdCheckCharacter(first17);
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, ScenarioDocument::State::Wrong}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = decision;
    return s; // automatic 100 + judged 20 (attitude 10, explanation 10)
}

cases::DecidedCase taken(const Scenario &s, const QString &decision) {
    cases::DecidedCase c;
    c.itemCodes = {kItem};
    c.decision = decision;
    c.materials = {{kItem + u"/m1"_s, u"paper"_s}, {kItem + u"/m2"_s, u"missing"_s}};
    c.applicantName = s.applicantName;
    c.idNumber = s.idNumber;
    c.phone = s.phone;
    return c;
}

PartScore part(double score, double max, int durationS, const QDateTime &at) {
    return {u"s-x"_s, u"x"_s, u"a-x"_s, score, max, durationS, at};
}
} // namespace

class TstScenarioCompetition : public QObject {
    Q_OBJECT
private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_clock.set(QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc()));
        auto db = storage::Database::open(m_dir.filePath(u"sc-%1.db"_s.arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
    }
    void cleanup() {
        m_audit.reset();
        m_db.reset();
    }

    void totalRule() {
        const QDateTime t0(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc());
        QVERIFY(!competitionTotal(0, {}));
        QVERIFY(!competitionTotal(2, {part(90, 120, 300, t0)})); // a part not fixed: no total, not a zero
        const auto t = competitionTotal(3, {part(90.255, 120, 300, t0), part(60, 120, 200, t0.addSecs(900)),
                                            part(0, 50, 10, t0.addSecs(60))});
        QVERIFY(t);
        QCOMPARE(t->score, 150.26); // hundredths
        QCOMPARE(t->maxScore, 290.0);
        QCOMPARE(t->durationS, 510);
        QCOMPARE(t->finishedAt, t0.addSecs(900)); // the last part's end
    }

    void createRefusesNothingChosenOrAScenarioTwice() {
        ScenarioDrills drills(*m_db, m_clock);
        const QString s1 = drills.addDrill(scenario(u"情景一"_s, u"correction_required"_s), kTrainer).value();
        CompetitionService service(*m_db, m_clock, m_audit.get());
        Competition c;
        c.name = u"情景比武"_s;
        c.traineeIds = {kClerk};
        c.startsAt = m_clock.nowUtc();
        QCOMPARE(service.create(c, kTrainer).error().message, u"请选择组卷方案或情景演练"_s);
        c.scenarioIds = {s1, s1};
        QCOMPARE(service.create(c, kTrainer).error().message, u"同一情景演练不能重复选择"_s);
        c.scenarioIds = {u"s-nothing"_s};
        QCOMPARE(service.create(c, kTrainer).error().code, u"invalid_competition"_s);
        QCOMPARE(count(u"SELECT count(*) FROM training_drills WHERE kind = 'competition'"_s), 0);
    }

    void scenarioSetIsScoredOnceEveryPartIsFixed() {
        ScenarioDrills drills(*m_db, m_clock, m_audit.get());
        const Scenario first = scenario(u"情景一：证明未盖章"_s, u"correction_required"_s);
        const Scenario second = scenario(u"情景二：不予受理"_s, u"rejected"_s);
        const QString s1 = drills.addDrill(first, kTrainer).value();
        const QString s2 = drills.addDrill(second, kTrainer).value();
        CompetitionService service(*m_db, m_clock, m_audit.get());
        Competition c;
        c.name = u"十二月情景比武"_s;
        c.scenarioIds = {s1, s2};
        c.traineeIds = {kClerk, kAdmin};
        c.startsAt = m_clock.nowUtc().addSecs(600);
        const QString id = service.create(c, kTrainer).value();
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'training_competition_created'"_s), 1);
        const Competition stored = service.get(id).value();
        QVERIFY(stored.isScenarioSet());
        QCOMPARE(stored.scenarios.size(), 2);
        QCOMPARE(stored.scenarios.at(0).sourceDrillId, s1);
        QCOMPARE(stored.maxScore(), 240.0);
        const QString p1 = stored.scenarios.at(0).partDrillId, p2 = stored.scenarios.at(1).partDrillId;
        QVERIFY(p1 != s1 && p2 != s2);
        QCOMPARE(service.competitionOf(p1).value(), id);
        // The parts are the competition's: not offered as free drills.
        QCOMPARE(drills.openScenarios().value().size(), 2);
        // Nor in the drills' editor.
        QCOMPARE(ScenarioStore(*m_db, m_clock, nullptr).list().value().size(), 2);

        // Not before the start time.
        QVERIFY(service.partOffers(kClerk).value().isEmpty());
        QCOMPARE(drills.start(p1, kClerk, m_dir.filePath(u"x.db"_s)).error().code, u"not_started"_s);
        m_clock.advanceSecs(600);
        const QList<CompetitionPartOffer> offers = service.partOffers(kClerk).value();
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers.at(0).partDrillId, p1);
        QCOMPARE(offers.at(0).parts, 2);
        QVERIFY(service.partOffers(u"u-demo-supervisor"_s).value().isEmpty());
        QCOMPARE(drills.start(p1, u"u-demo-supervisor"_s, QString()).error().code, u"not_a_trainee"_s);
        QCOMPARE(drills.start(p2, kClerk, QString()).error().code, u"part_order"_s);

        // 李娜 takes both parts right; 陈静 the first right, the second with a wrong decision.
        struct Take {
            QString trainee, part;
            Scenario s;
            QString decision;
            int seconds;
        };
        const QList<Take> takes{{kClerk, p1, first, u"correction_required"_s, 200},
                                {kClerk, p2, second, u"rejected"_s, 100},
                                {kAdmin, p1, first, u"correction_required"_s, 150},
                                {kAdmin, p2, second, u"accepted"_s, 150}};
        QStringList attempts;
        for (const Take &t : takes) {
            auto a = drills.start(t.part, t.trainee, QString());
            QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
            m_clock.advanceSecs(t.seconds);
            QVERIFY(drills.finish(a->id, taken(t.s, t.decision), FinishReason::Trainee).ok());
            attempts.append(a->id);
        }
        QCOMPARE(drills.start(p1, kClerk, QString()).error().code, u"part_taken"_s);
        QVERIFY(service.partOffers(kClerk).value().isEmpty());

        // Taken, not judged: the board says so; nothing is sent.
        QList<LeaderboardRow> board = service.leaderboard(id).value();
        QCOMPARE(board.size(), 2);
        for (const LeaderboardRow &r : board) {
            QVERIFY(!r.bestScore);
            QVERIFY(r.awaitingJudges);
            QCOMPARE(r.partsDone, 2);
        }
        QCOMPARE(outboxResults(), 0);

        // The judges: 8 + 9 for every part of 李娜, 5 + 5 for 陈静; the first three parts fixed.
        for (int i = 0; i < attempts.size(); ++i) {
            const double a = i < 2 ? 8 : 5, e = i < 2 ? 9 : 5;
            QVERIFY(drills.judge(attempts.at(i), {u"评委甲"_s, u"attitude"_s, a, 0, {}}, kTrainer).ok());
            QVERIFY(drills.judge(attempts.at(i), {u"评委甲"_s, u"explanation"_s, e, 0, {}}, kTrainer).ok());
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY(drills.finalize(attempts.at(i)).ok());
        QCOMPARE(drills.awaitingJudgement().value().size(), 1); // 陈静's second part
        QCOMPARE(outboxResults(), 1);                           // 李娜's competition result only
        board = service.leaderboard(id).value();
        QCOMPARE(board.at(0).traineeId, kClerk);
        QCOMPARE(*board.at(0).bestScore, 100 + 17 + 100 + 17.0);
        QCOMPARE(board.at(0).maxScore, 240.0);
        QCOMPARE(board.at(0).bestDurationS, 300);
        QVERIFY(!board.at(0).hasPassLine);
        QVERIFY(!board.at(1).bestScore && board.at(1).awaitingJudges);

        QVERIFY(drills.finalize(attempts.at(3)).ok());
        QVERIFY(drills.finalize(attempts.at(3)).ok()); // again: nothing more
        QCOMPARE(outboxResults(), 2);
        QCOMPARE(count(u"SELECT count(*) FROM training_results WHERE drill_id = '"_s + id + u"'"_s), 2);
        board = service.leaderboard(id).value();
        QCOMPARE(board.at(1).traineeId, kAdmin);
        QCOMPARE(board.at(1).rank, 2);
        // The wrong decision loses its 20 points: 100 + 10 + 80 + 10.
        QCOMPARE(*board.at(1).bestScore, 200.0);
        QCOMPARE(board.at(1).bestDurationS, 300);
        // What is sent is the competition's results (the parts' stay here).
        QCOMPARE(count(u"SELECT count(*) FROM outbox o JOIN training_results r ON r.local_id = o.local_id "
                       u"WHERE o.kind = 'training_result' AND r.drill_id = '"_s +
                       id + u"'"_s),
                 2);
    }

    // The combined form (e.g. the theory paper, then a scenario): the paper is part 1, drawn and taken as any
    // paper but kept locally; the competition's one result is the paper's score plus the scenario's.
    void combinedFormIsThePaperThenTheScenario() {
        QVERIFY(QuestionBank(*m_db, m_clock).generateFromCatalog().ok());
        ScenarioDrills drills(*m_db, m_clock, m_audit.get());
        const Scenario sc = scenario(u"情景：证明未盖章"_s, u"correction_required"_s);
        const QString s1 = drills.addDrill(sc, kTrainer).value();
        CompetitionService service(*m_db, m_clock, m_audit.get());
        Competition c;
        c.name = u"理论加情景比武"_s;
        c.blueprintId = u"b-theory"_s;
        c.blueprint.name = u"理论考试"_s;
        c.blueprint.passScore = 6;
        c.blueprint.timeLimitS = 600;
        c.blueprint.sections = {{std::nullopt, QuestionKind::TrueFalse, 2, 5}};
        c.scenarioIds = {s1};
        c.traineeIds = {kClerk};
        c.startsAt = m_clock.nowUtc();
        const QString id = service.create(c, kTrainer).value();
        const Competition stored = service.get(id).value();
        QCOMPARE(stored.scenarios.size(), 2);
        QCOMPARE(stored.scenarios.at(0).kind, u"paper"_s);
        QCOMPARE(stored.scenarios.at(1).kind, u"scenario"_s);
        QCOMPARE(stored.maxScore(), 130.0);
        const QString paperPart = stored.scenarios.at(0).partDrillId;
        const QString scenarioPart = stored.scenarios.at(1).partDrillId;
        // Neither the competition nor its paper is a free paper on the practice page.
        TrainingAttempts attempts(*m_db, m_clock);
        const QList<DrillOffer> free = attempts.openDrills(kClerk).value();
        for (const DrillOffer &o : free)
            QVERIFY(o.drillId != id && o.drillId != paperPart);
        const QList<CompetitionPartOffer> offers = service.partOffers(kClerk).value();
        QCOMPARE(offers.size(), 1);
        QCOMPARE(offers.at(0).kind, u"paper"_s);
        QCOMPARE(offers.at(0).blueprint.questionCount(), 2);
        QCOMPARE(drills.start(scenarioPart, kClerk, QString()).error().code, u"part_order"_s);

        // The paper, both answers right: 10 points, kept here.
        const AttemptInfo a = attempts.startDrill(paperPart, kClerk, 7).value();
        const QList<AttemptQuestion> qs = attempts.questions(a.id).value();
        QCOMPARE(qs.size(), 2);
        for (int i = 0; i < qs.size(); ++i)
            QVERIFY(attempts.saveAnswer(a.id, i, qs.at(i).question.correct).ok());
        m_clock.advanceSecs(60);
        QCOMPARE(attempts.submit(a.id, FinishReason::Trainee).value().score, 10.0);
        QCOMPARE(outboxResults(), 0);
        QCOMPARE(attempts.startDrill(paperPart, kClerk, 8).error().code, u"part_taken"_s);
        QList<LeaderboardRow> board = service.leaderboard(id).value();
        QVERIFY(!board.at(0).bestScore && !board.at(0).awaitingJudges);
        QCOMPARE(board.at(0).partsDone, 1);

        // The scenario, right, judged 8 + 9: the competition's result is 10 + 117 of 130, sent once.
        const AttemptInfo b = drills.start(scenarioPart, kClerk, QString()).value();
        m_clock.advanceSecs(200);
        QVERIFY(drills.finish(b.id, taken(sc, u"correction_required"_s), FinishReason::Trainee).ok());
        QVERIFY(drills.judge(b.id, {u"评委甲"_s, u"attitude"_s, 8, 0, {}}, kTrainer).ok());
        QVERIFY(drills.judge(b.id, {u"评委甲"_s, u"explanation"_s, 9, 0, {}}, kTrainer).ok());
        QCOMPARE(outboxResults(), 0);
        QVERIFY(drills.finalize(b.id).ok());
        QCOMPARE(outboxResults(), 1);
        board = service.leaderboard(id).value();
        QCOMPARE(*board.at(0).bestScore, 127.0);
        QCOMPARE(board.at(0).maxScore, 130.0);
        QCOMPARE(board.at(0).bestDurationS, 260);
    }

private:
    int count(const QString &sql) {
        auto q = m_db->query(sql);
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }
    int outboxResults() { return count(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s); }

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TstScenarioCompetition)
#include "tst_scenariocompetition.moc"
