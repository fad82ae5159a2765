// A trainee taking a drawn paper (issue 15) on a real SQLite file: one attempt at a time, answers saved as
// given, the time left from the stored start, auto-submit at zero (also after the program was closed past
// the end), scoring by the paper's policy, the result and its outbox row exactly once, the stored attempt's
// hash showing an edit made with sqlite3, and an attempt resumed after its process was killed (-9).
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scoring.h>
#include <windowdesk/training/trainingattempts.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 5), QTime(9, 0), QTimeZone::utc());

std::unique_ptr<storage::Database> openDb(const QString &path) {
    auto r = storage::Database::open(path);
    return r.ok() ? std::move(r).value() : nullptr;
}
int scalar(storage::Database &db, const QString &sql, const QVariantList &b = {}) {
    auto q = db.query(sql, b);
    return q.ok() && q->next() ? q->value(0).toInt() : -1;
}
QString text(storage::Database &db, const QString &sql, const QVariantList &b = {}) {
    auto q = db.query(sql, b);
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

// A bank of `n` questions of each kind in category "law", and a drill "政策法规练习" over it:
// `singles` single (2 points), `multiples` multiple (4 points), one true/false (1 point).
bool fillBank(storage::Database &db, const Clock &clock, int singles, int multiples) {
    QuestionBank bank(db, clock);
    for (int i = 0; i < singles; ++i) {
        Question q;
        q.kind = QuestionKind::Single;
        q.category = u"law"_s;
        q.stem = u"单选题 %1"_s.arg(i);
        q.options = {u"甲%1"_s.arg(i), u"乙%1"_s.arg(i), u"丙%1"_s.arg(i), u"丁%1"_s.arg(i)};
        q.correct = {i % 4};
        q.explanation = u"解析 %1"_s.arg(i);
        if (auto r = bank.addTrainerQuestion(q, u"trainer"_s); !r) {
            qWarning() << r.error().code << r.error().message;
            return false;
        }
    }
    for (int i = 0; i < multiples; ++i) {
        Question q;
        q.kind = QuestionKind::Multiple;
        q.category = u"law"_s;
        q.stem = u"多选题 %1"_s.arg(i);
        q.options = {u"子%1"_s.arg(i), u"丑%1"_s.arg(i), u"寅%1"_s.arg(i), u"卯%1"_s.arg(i)};
        q.correct = {0, 2, 3};
        q.explanation = u"子、寅、卯三项"_s;
        if (auto r = bank.addTrainerQuestion(q, u"trainer"_s); !r) {
            qWarning() << r.error().code << r.error().message;
            return false;
        }
    }
    Question tf;
    tf.kind = QuestionKind::TrueFalse;
    tf.category = u"law"_s;
    tf.stem = u"告知承诺制事项可以容缺受理"_s;
    tf.options = trueFalseOptions();
    tf.correct = {0};
    tf.explanation = u"容缺受理"_s;
    return bank.addTrainerQuestion(tf, u"trainer"_s).ok();
}

bool addDrill(storage::Database &db, const QString &id, const QString &title, const QString &policy,
              int limitS, int singles, int multiples) {
    QJsonArray sections{QJsonObject{
        {u"category"_s, u"law"_s}, {u"kind"_s, u"single"_s}, {u"count"_s, singles}, {u"points"_s, 2}}};
    if (multiples > 0)
        sections.append(QJsonObject{{u"category"_s, u"law"_s},
                                    {u"kind"_s, u"multiple"_s},
                                    {u"count"_s, multiples},
                                    {u"points"_s, 4}});
    sections.append(QJsonObject{
        {u"category"_s, QJsonValue()}, {u"kind"_s, u"true_false"_s}, {u"count"_s, 1}, {u"points"_s, 1}});
    const QJsonObject bp{{u"name"_s, title},
                         {u"pass_score"_s, 60},
                         {u"multiple_policy"_s, policy},
                         {u"time_limit_s"_s, limitS},
                         {u"sections"_s, sections}};
    return db
        .exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s, created_by,
              created_at) VALUES (?, 'paper', ?, ?, ?, 'trainer', '2026-12-01T00:00:00Z'))"_s,
              {id, title, QString::fromUtf8(QJsonDocument(bp).toJson(QJsonDocument::Compact)), limitS})
        .ok();
}

// The right answer of each question, in stored indexes.
QList<int> rightOf(const AttemptQuestion &q) {
    return q.question.correct;
}

// The child of resumeAfterKill9: resumes the trainee's open attempt (or starts one), prints the attempt id
// and the seconds left it resumed with, then answers the unanswered questions one by one, printing each
// position only after its write committed.
int childMain(const QString &dbPath) {
    auto db = openDb(dbPath);
    if (!db)
        return 3;
    TrainingAttempts attempts(*db, SystemClock::instance());
    auto a = attempts.openAttempt(u"clerk-1"_s);
    if (!a)
        a = attempts.startDrill(u"d-kill"_s, u"clerk-1"_s, 7);
    if (!a)
        return 4;
    const QByteArray head =
        "attempt " + a->id.toLatin1() + ' ' + QByteArray::number(attempts.secondsLeft(a.value())) + '\n';
    std::fwrite(head.constData(), 1, size_t(head.size()), stdout);
    std::fflush(stdout);
    auto qs = attempts.questions(a->id);
    if (!qs)
        return 5;
    for (qsizetype i = 0; i < qs->size(); ++i) {
        if (!qs->at(i).chosen.isEmpty())
            continue;
        if (!attempts.saveAnswer(a->id, int(i), rightOf(qs->at(i))))
            return 6;
        const QByteArray line = "answered " + QByteArray::number(i) + '\n';
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fflush(stdout);
        QThread::msleep(40);
    }
    return 0;
}

struct Fixture {
    QTemporaryDir dir;
    FixedClock clock{kStart};
    std::unique_ptr<storage::Database> db;
    QString path() const { return dir.filePath(u"w.db"_s); }
    bool init(const QString &policy = u"all_or_nothing"_s, int limitS = 600) {
        db = openDb(path());
        return db && fillBank(*db, clock, 6, 3) &&
               addDrill(*db, u"d-1"_s, u"政策法规练习"_s, policy, limitS, 4, 2) &&
               addDrill(*db, u"d-2"_s, u"业务技能竞赛"_s, policy, limitS, 2, 1);
    }
};

} // namespace

class TstAttempts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneAttemptAtATime() {
        Fixture f;
        QVERIFY(f.init());
        TrainingAttempts attempts(*f.db, f.clock);
        auto offers = attempts.openDrills(u"clerk-1"_s);
        QVERIFY(offers.ok());
        QCOMPARE(offers->size(), 2);
        auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 42);
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
        QCOMPARE(a->timeLimitS, 600);
        QCOMPARE(a->maxScore, 4 * 2 + 2 * 4 + 1.0);
        // A second start, on the same drill or another, is refused and names the open attempt.
        auto again = attempts.startDrill(u"d-2"_s, u"clerk-1"_s, 43);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"attempt_open"_s);
        QVERIFY(again.error().message.contains(u"政策法规练习"_s));
        QCOMPARE(scalar(*f.db, u"SELECT count(*) FROM training_attempts WHERE trainee_id = 'clerk-1'"_s), 1);
        // Nor can the database be made to hold two: the unique index refuses a hand-made second open row.
        QVERIFY(!f.db->exec(uR"(INSERT INTO training_attempts (id, kind, drill_id, paper_id, trainee_id,
            time_limit_s, max_score, started_at, state) SELECT 'a-x', 'paper', drill_id, paper_id, trainee_id,
            0, 1, started_at, 'open' FROM training_attempts)"_s)
                     .ok());
        // Another trainee is not held up.
        QVERIFY(attempts.startDrill(u"d-2"_s, u"clerk-2"_s, 44).ok());
        // Once submitted, the trainee may start the next one.
        QVERIFY(attempts.submit(a->id, FinishReason::Trainee).ok());
        QVERIFY(attempts.startDrill(u"d-2"_s, u"clerk-1"_s, 45).ok());
    }

    void allRightScoresTheMaximumAndRecordsOnce() {
        Fixture f;
        QVERIFY(f.init());
        TrainingAttempts attempts(*f.db, f.clock);
        auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 42);
        QVERIFY(a.ok());
        auto qs = attempts.questions(a->id);
        QVERIFY(qs.ok());
        QCOMPARE(qs->size(), 7);
        for (qsizetype i = 0; i < qs->size(); ++i) {
            // Through the shown order, as the page does: the shown positions of the right options.
            const QList<int> shown = qs->at(i).correctShown();
            QVERIFY(
                attempts.saveAnswer(a->id, int(i), shownToStored(qs->at(i).paper.optionsOrder, shown)).ok());
        }
        f.clock.advanceSecs(125);
        auto done = attempts.submit(a->id, FinishReason::Trainee);
        QVERIFY(done.ok());
        QCOMPARE(done->score, 17.0);
        QCOMPARE(done->durationS, 125);
        QVERIFY(!done->open);
        QCOMPARE(scalar(*f.db, u"SELECT count(*) FROM training_results WHERE local_id = ?"_s, {a->id}), 1);
        QCOMPARE(scalar(*f.db,
                        u"SELECT count(*) FROM outbox WHERE local_id = ? AND kind = 'training_result' "
                        u"AND path = '/training/results' AND state = 'pending'"_s,
                        {a->id}),
                 1);
        const auto body =
            QJsonDocument::fromJson(
                text(*f.db, u"SELECT payload FROM outbox WHERE local_id = ?"_s, {a->id}).toUtf8())
                .object();
        QCOMPARE(body.value(u"score"_s).toDouble(), 17.0);
        QCOMPARE(body.value(u"duration_s"_s).toInt(), 125);
        QCOMPARE(body.value(u"trainee_id"_s).toString(), u"clerk-1"_s);
        QCOMPARE(body.value(u"answers"_s).toArray().size(), 7);
        // A second submit (a double key press, a retry) records nothing more and answers the same.
        f.clock.advanceSecs(30);
        auto twice = attempts.submit(a->id, FinishReason::Trainee);
        QVERIFY(twice.ok());
        QCOMPARE(twice->score, 17.0);
        QCOMPARE(twice->durationS, 125);
        QCOMPARE(scalar(*f.db, u"SELECT count(*) FROM training_results"_s), 1);
        QCOMPARE(scalar(*f.db, u"SELECT count(*) FROM outbox"_s), 1);
        // Answers cannot change after submitting.
        QCOMPARE(attempts.saveAnswer(a->id, 0, {1}).error().code, u"not_open"_s);
        // The review shows what each question scored.
        auto review = attempts.questions(a->id);
        QVERIFY(review.ok());
        for (const auto &q : review.value())
            QCOMPARE(q.scored, q.paper.points);
    }

    void multipleChoiceByThePapersPolicy_data() {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<double>("expected");
        // Each multiple (4 points, right {0,2,3}) answered {0,2}: two of three, no wrong one.
        QTest::addRow("all_or_nothing") << u"all_or_nothing"_s << 0.0;
        QTest::addRow("proportional") << u"proportional"_s << 2 * 4 * 2.0 / 3.0;
        QTest::addRow("half_for_missed") << u"half_for_missed"_s << 2 * 2.0;
    }
    void multipleChoiceByThePapersPolicy() {
        QFETCH(QString, policy);
        QFETCH(double, expected);
        Fixture f;
        QVERIFY(f.init(policy));
        TrainingAttempts attempts(*f.db, f.clock);
        auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 9);
        QVERIFY(a.ok());
        QCOMPARE(policyName(a->policy), policy);
        auto qs = attempts.questions(a->id);
        QVERIFY(qs.ok());
        for (qsizetype i = 0; i < qs->size(); ++i)
            if (qs->at(i).question.kind == QuestionKind::Multiple)
                QVERIFY(attempts.saveAnswer(a->id, int(i), {0, 2}).ok());
        auto done = attempts.submit(a->id, FinishReason::Trainee);
        QVERIFY(done.ok());
        QCOMPARE(done->score, std::round(expected * 100) / 100);
    }

    void timeLeftAndAutoSubmitAtZero() {
        Fixture f;
        QVERIFY(f.init(u"all_or_nothing"_s, 300));
        TrainingAttempts attempts(*f.db, f.clock);
        auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 1);
        QVERIFY(a.ok());
        QCOMPARE(attempts.secondsLeft(a.value()), 300);
        auto qs = attempts.questions(a->id);
        QVERIFY(qs.ok());
        QVERIFY(attempts.saveAnswer(a->id, 0, rightOf(qs->at(0))).ok());
        f.clock.advanceSecs(120);
        QCOMPARE(attempts.secondsLeft(a.value()), 180);
        QCOMPARE(attempts.submitExpired().value(), 0); // not yet
        f.clock.advanceSecs(180);
        QCOMPARE(attempts.secondsLeft(a.value()), 0);
        // At zero nothing more is saved …
        QCOMPARE(attempts.saveAnswer(a->id, 1, rightOf(qs->at(1))).error().code, u"time_up"_s);
        // … and the paper is submitted as it stands.
        QCOMPARE(attempts.submitExpired().value(), 1);
        auto done = attempts.attempt(a->id);
        QVERIFY(done.ok());
        QVERIFY(!done->open);
        QCOMPARE(done->finishReason, FinishReason::TimeUp);
        QCOMPARE(done->durationS, 300);
        QCOMPARE(done->score, qs->at(0).paper.points);
        QCOMPARE(scalar(*f.db, u"SELECT count(*) FROM outbox WHERE local_id = ?"_s, {a->id}), 1);
        QCOMPARE(attempts.submitExpired().value(), 0); // exactly once
    }

    void closedPastTheEndIsSubmittedAtItsEnd() {
        Fixture f;
        QVERIFY(f.init(u"all_or_nothing"_s, 600));
        QString id;
        {
            TrainingAttempts attempts(*f.db, f.clock);
            auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 5);
            QVERIFY(a.ok());
            id = a->id;
            auto qs = attempts.questions(id);
            QVERIFY(attempts.saveAnswer(id, 0, rightOf(qs->at(0))).ok());
            QVERIFY(attempts.saveAnswer(id, 1, rightOf(qs->at(1))).ok());
        }
        f.db.reset();                  // the program is closed …
        f.clock.advanceSecs(3 * 3600); // … and opened again hours later
        f.db = openDb(f.path());
        QVERIFY(f.db);
        TrainingAttempts attempts(*f.db, f.clock);
        QCOMPARE(attempts.submitExpired().value(), 1);
        auto done = attempts.attempt(id);
        QVERIFY(done.ok());
        QCOMPARE(done->finishReason, FinishReason::TimeUp);
        QCOMPARE(done->finishedAt, kStart.addSecs(600)); // at its end, not when the program came back
        QCOMPARE(done->durationS, 600);
        QCOMPARE(done->score, 4.0);
        QVERIFY(attempts.openAttempt(u"clerk-1"_s).error().code == u"not_found"_s);
    }

    void anEditedAttemptShows() {
        Fixture f;
        QVERIFY(f.init());
        TrainingAttempts attempts(*f.db, f.clock);
        auto a = attempts.startDrill(u"d-1"_s, u"clerk-1"_s, 3);
        QVERIFY(a.ok());
        auto qs = attempts.questions(a->id);
        QVERIFY(attempts.saveAnswer(a->id, 0, {(rightOf(qs->at(0)).first() + 1) % 4}).ok()); // wrong
        QVERIFY(attempts.saveAnswer(a->id, 1, rightOf(qs->at(1))).ok());
        QVERIFY(attempts.submit(a->id, FinishReason::Trainee).ok());
        QCOMPARE(attempts.verify(a->id).value(), true);
        f.db.reset();
        // Someone "corrects" the wrong answer with the sqlite3 shell.
        auto sqlite = [&](const QString &sql) {
            QProcess p;
            p.start(u"sqlite3"_s, {f.path(), sql});
            return p.waitForFinished(10000) && p.exitCode() == 0;
        };
        const QString right = QString::number(rightOf(qs->at(0)).first());
        QVERIFY(
            sqlite(u"UPDATE training_attempt_answers SET chosen_json = '[%1]' WHERE attempt_id = '%2' AND "
                   u"position = 0"_s.arg(right, a->id)));
        f.db = openDb(f.path());
        QVERIFY(f.db);
        TrainingAttempts reopened(*f.db, f.clock);
        QCOMPARE(reopened.verify(a->id).value(), false);
        // Put it back: the hash holds again; then raise the score instead.
        const QString wrong = QString::number((rightOf(qs->at(0)).first() + 1) % 4);
        f.db.reset();
        QVERIFY(
            sqlite(u"UPDATE training_attempt_answers SET chosen_json = '[%1]' WHERE attempt_id = '%2' AND "
                   u"position = 0"_s.arg(wrong, a->id)));
        f.db = openDb(f.path());
        QCOMPARE(TrainingAttempts(*f.db, f.clock).verify(a->id).value(), true);
        f.db.reset();
        QVERIFY(sqlite(u"UPDATE training_attempts SET score = score + 2 WHERE id = '%1'"_s.arg(a->id)));
        f.db = openDb(f.path());
        QCOMPARE(TrainingAttempts(*f.db, f.clock).verify(a->id).value(), false);
    }

    void resumeAfterKill9() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"w.db"_s);
        const int limit = 3600;
        {
            auto db = openDb(path);
            QVERIFY(db);
            QVERIFY(fillBank(*db, SystemClock::instance(), 30, 0));
            QVERIFY(addDrill(*db, u"d-kill"_s, u"断电续考"_s, u"all_or_nothing"_s, limit, 30, 0));
        }
        QSet<int> reported;
        QString attemptId;
        QElapsedTimer sinceStart;
        sinceStart.start();
        auto *rng = QRandomGenerator::global();
        for (int round = 0; round < 4; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, path});
            QVERIFY(child.waitForStarted(5000));
            QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() != QProcess::Running, 30000);
            const QList<QByteArray> head = child.readLine().trimmed().split(' ');
            QCOMPARE(head.size(), 3);
            QCOMPARE(head.at(0), QByteArray("attempt"));
            if (round == 0)
                attemptId = QString::fromLatin1(head.at(1));
            QCOMPARE(QString::fromLatin1(head.at(1)), attemptId); // resumed, not started again
            // The clock ran on while nobody answered: the time left is what the stored start leaves.
            const int left = head.at(2).toInt();
            QVERIFY2(left <= limit - sinceStart.elapsed() / 1000 + 1, head.at(2).constData());
            QVERIFY(left > limit - sinceStart.elapsed() / 1000 - 60);
            QTest::qWait(int(60 + rng->bounded(200)));
            child.kill();
            child.waitForFinished(5000);
            for (const QByteArray &l : child.readAllStandardOutput().split('\n'))
                if (l.startsWith("answered "))
                    reported.insert(l.mid(9).toInt());
        }
        QVERIFY2(!reported.isEmpty(), "the child answered nothing before it was killed");
        auto db = openDb(path);
        QVERIFY(db);
        QCOMPARE(text(*db, u"PRAGMA integrity_check"_s), u"ok"_s);
        TrainingAttempts attempts(*db, SystemClock::instance());
        auto open = attempts.openAttempt(u"clerk-1"_s);
        QVERIFY(open.ok());
        QCOMPARE(open->id, attemptId);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM training_attempts"_s), 1);
        auto qs = attempts.questions(attemptId);
        QVERIFY(qs.ok());
        // Every answer reported as saved is there, as given.
        for (int pos : std::as_const(reported))
            QCOMPARE(qs->at(pos).chosen, rightOf(qs->at(pos)));
        // Submitting now scores what was saved.
        int answered = 0;
        double expected = 0;
        for (const auto &q : qs.value()) {
            answered += q.chosen.isEmpty() ? 0 : 1;
            expected += q.chosen.isEmpty() ? 0 : q.paper.points;
        }
        QVERIFY(answered >= reported.size());
        auto done = attempts.submit(attemptId, FinishReason::Trainee);
        QVERIFY(done.ok());
        QCOMPARE(done->score, expected);
    }
};

int main(int argc, char **argv) {
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        return childMain(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TstAttempts t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_attempts.moc"
