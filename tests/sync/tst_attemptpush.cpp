// Trainees' attempts reaching the platform simulator PROCESS exactly once under faults (issue 15): papers
// submitted by the trainee (one submitted twice, as a double key press would), a paper auto-submitted when
// its time ran out, and a scenario drill finalized twice — each one result, under one key, on the platform,
// while half of the answers are dropped after the platform committed (drop-after-commit) and the engine
// re-sends; the leaderboard shows each trainee's score as scored locally.
#include "synctestsupport.h"

#include <windowdesk/core/identity.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/trainingattempts.h>

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;
using namespace synctest;

namespace {
const QString kRoute = u"POST /training/results"_s;

bool fillBank(storage::Database &db) {
    QuestionBank bank(db, SystemClock::instance());
    for (int i = 0; i < 6; ++i) {
        Question q;
        q.kind = QuestionKind::Single;
        q.category = u"law"_s;
        q.stem = u"单选题 %1"_s.arg(i);
        q.options = {u"甲%1"_s.arg(i), u"乙%1"_s.arg(i), u"丙%1"_s.arg(i)};
        q.correct = {i % 3};
        q.explanation = u"解析"_s;
        if (!bank.addTrainerQuestion(q, u"trainer"_s))
            return false;
    }
    return true;
}

bool addDrill(storage::Database &db, const QString &id) {
    const QByteArray bp = R"({"name": "推送测验", "pass_score": 6, "multiple_policy": "all_or_nothing",
        "time_limit_s": 600, "sections": [{"category": "law", "kind": "single", "count": 5, "points": 2}]})";
    return db
        .exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s, created_by,
              created_at) VALUES (?, 'paper', '推送测验', ?, 600, 'trainer', '2026-12-01T00:00:00Z'))"_s,
              {id, QString::fromUtf8(bp)})
        .ok();
}
} // namespace

class TstAttemptPush : public QObject {
    Q_OBJECT
private:
    Sim sim;
    QTemporaryDir logDir;
    QJsonObject stats() { return sim.stats(); }
    int platformResults() { return stats().value(u"training_results"_s).toInt(); }
    int keysSeen() { return stats().value(u"keys_seen"_s).toObject().value(kRoute).toInt(); }
    int routeRequests() { return stats().value(u"requests"_s).toObject().value(kRoute).toInt(); }
    QHash<QString, QJsonObject> leaderboard(const QString &drillId) {
        QUrlQuery q;
        q.addQueryItem(u"drill_id"_s, drillId);
        const HttpAnswer a = sim.http("GET", u"/training/leaderboard?"_s + q.toString(QUrl::FullyEncoded), {},
                                      {{"Authorization", "Bearer " + sim.login().toLatin1()}});
        QHash<QString, QJsonObject> out;
        for (const auto &v : a.json().value(u"entries"_s).toArray())
            out.insert(v.toObject().value(u"trainee_id"_s).toString(), v.toObject());
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(logDir.isValid());
        QVERIFY(sim.start({u"--catalog-size"_s, u"10"_s}, logDir.filePath(u"sim.log"_s)));
    }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void attemptsReachThePlatformOnceUnderLostAnswers() {
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(fillBank(*c.db));
        QVERIFY(addDrill(*c.db, u"d-push"_s));
        TrainingAttempts attempts(*c.db, SystemClock::instance());
        QHash<QString, double> scoreOf; // trainee → score as scored here
        constexpr int kTrainees = 6;
        for (int t = 0; t < kTrainees; ++t) {
            const QString trainee = u"u-5%1"_s.arg(t, 3, 10, QChar(u'0'));
            auto a = attempts.startDrill(u"d-push"_s, trainee, quint64(100 + t));
            QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
            auto qs = attempts.questions(a->id);
            QVERIFY(qs.ok());
            for (int i = 0; i <= t % 5; ++i) // trainee t answers t % 5 + 1 questions right
                QVERIFY(attempts.saveAnswer(a->id, i, qs->at(i).question.correct).ok());
            auto done = attempts.submit(a->id, FinishReason::Trainee);
            QVERIFY(done.ok());
            if (t == 0)
                QVERIFY(attempts.submit(a->id, FinishReason::Trainee).ok()); // a double press
            scoreOf.insert(trainee, done->score);
        }
        // A scenario drill's result, finalized twice.
        Scenario s;
        s.title = u"推送演练"_s;
        s.applicantName = u"李训练"_s;
        const QString first17 = u"43010419900307123"_s;
        s.idNumber = first17 + core::residentIdCheckCharacter(first17);
        s.phone = u"13800138000"_s;
        s.targetItemCode = u"X-1"_s;
        s.targetDecision = u"accepted"_s;
        ScenarioDrills drills(*c.db, SystemClock::instance());
        auto drillId = drills.addDrill(s, u"trainer"_s);
        QVERIFY(drillId.ok());
        auto sa = drills.start(drillId.value(), u"u-5900"_s, logDir.filePath(u"sandbox.db"_s));
        QVERIFY(sa.ok());
        QVERIFY(drills.finish(sa->id, std::nullopt, FinishReason::Trainee).ok());
        QVERIFY(drills.judge(sa->id, {u"judge-a"_s, u"attitude"_s, 8, 0, u"好"_s}).ok());
        QVERIFY(drills.finalize(sa->id).ok());
        QVERIFY(drills.finalize(sa->id).ok());
        const int expected = kTrainees + 1;
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), expected);

        LoggedInEngine e;
        QVERIFY(e.login(c));
        const int before = platformResults();
        const int keysBefore = keysSeen();
        const int postsBefore = routeRequests();
        QVERIFY(sim.setFaults(u"drop-after-commit=0.5"_s));
        (void)e.run(8);
        const auto summary = e.run(30);
        QVERIFY(sim.setFaults(QString()));
        QVERIFY2(summary.pending == 0 && summary.needsAttention == 0, qPrintable(summaryText(summary)));
        QVERIFY(routeRequests() - postsBefore > expected); // answers were lost and re-sent …
        QCOMPARE(keysSeen() - keysBefore, expected);       // … under each result's one key …
        QCOMPARE(platformResults() - before, expected);    // … and each result is there once
        const auto board = leaderboard(u"d-push"_s);
        QCOMPARE(board.size(), kTrainees);
        for (auto it = scoreOf.cbegin(); it != scoreOf.cend(); ++it)
            QCOMPARE(board.value(it.key()).value(u"best_score"_s).toDouble(), it.value());
        QCOMPARE(leaderboard(drillId.value()).value(u"u-5900"_s).value(u"best_score"_s).toDouble(), 18.0);
        QCOMPARE(storage::OutboxRepository(*c.db, SystemClock::instance()).unacknowledgedCount().value(), 0);
        // A second run sends nothing.
        const int posts = routeRequests();
        (void)e.run(10);
        QCOMPARE(routeRequests(), posts);
    }
};

QTEST_GUILESS_MAIN(TstAttemptPush)
#include "tst_attemptpush.moc"
