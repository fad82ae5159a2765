#pragma once
// A trainee taking a drawn paper (issue 15, "Papers and drills"): the attempt's life in the client database
// (training_attempts and training_attempt_answers, migration 0009) without widgets.
//  - start: one attempt at a time per trainee (a second start is refused: attempt_open, naming the open one);
//    the scoring policy, time limit and maximum score are fixed at start from the drill's blueprint;
//  - each answer is its own committed write, so a crash or power cut loses nothing given;
//  - the time left follows from the stored start and limit and the clock: a resumed attempt continues with
//    what is left, and an attempt at or past its end is submitted as it stands (time_up), also when the
//    program was closed at the time (submitExpired() at start-up and on resume);
//  - submit scores by the paper's policy and records the result with its outbox row
//    (storage::TrainingResultRepository, POST /training/results) in the same transaction, exactly once: a
//    second submit returns the stored outcome;
//  - each finished attempt is hashed (scoring.h attemptHash, SHA-256 over the answers and score) so an edit
//  of
//    the stored answers or score shows (verify()).
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/paperdraw.h>
#include <windowdesk/training/question.h>

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::training {

enum class FinishReason { Trainee, TimeUp };

struct AttemptInfo {
    QString id;   // a-<uuid>; also the training result's local_id
    QString kind; // paper, scenario
    QString drillId;
    QString drillTitle;
    QString paperId;
    QString traineeId;
    MultiplePolicy policy = MultiplePolicy::AllOrNothing;
    int timeLimitS = 0; // 0: no limit
    double maxScore = 0;
    double passScore = 0;
    QDateTime startedAt; // UTC
    bool open = true;
    QDateTime finishedAt; // submitted only
    FinishReason finishReason = FinishReason::Trainee;
    double score = 0;
    int durationS = 0;
    QString hash;
    QString sandboxPath; // scenario: the sandbox database file of this attempt

    // The moment the time runs out (invalid when there is no limit).
    QDateTime endsAt() const;
};

// One question of an attempt as the trainee sees it: the stored question version, the order its options are
// shown in, what was chosen (stored indexes) and, once submitted, what it scored.
struct AttemptQuestion {
    PaperQuestion paper;
    Question question;
    QList<int> chosen; // stored option indexes, ascending; empty: not answered
    double scored = 0; // submitted attempts only

    // The option texts in the order shown.
    QStringList shownOptions() const;
    // The shown positions of `chosen`.
    QList<int> chosenShown() const;
    // The shown positions of the right options.
    QList<int> correctShown() const;
};

// A drill open to a trainee: a paper or competition drill whose window is open now (or has none).
struct DrillOffer {
    QString drillId;
    QString kind; // paper, competition
    QString title;
    Blueprint blueprint;    // policy, time limit, pass line, sections
    QString pendingPaperId; // a paper already drawn for the trainee and not yet taken
    int attemptsDone = 0;
    double bestScore = 0;
};

class TrainingAttempts {
public:
    TrainingAttempts(storage::Database &db, const Clock &clock);

    // The drills the trainee may take now, by title (a competition only to the trainees it lists).
    Result<QList<DrillOffer>> openDrills(const QString &trainee) const;

    // Starts the trainee's attempt on a drill: the paper already drawn for them if there is one, else a paper
    // drawn now (QuestionBank::drawPaper with `seed`). Errors: attempt_open (an open attempt exists; the
    // message names it), not_a_trainee (a competition that does not list them), not_found, bank_too_small,
    // invalid_blueprint, sql.
    Result<AttemptInfo> startDrill(const QString &drillId, const QString &trainee, quint64 seed);
    // Starts an attempt on a paper drawn for `trainee`. Errors: attempt_open, paper_taken (already
    // attempted), not_found, wrong_trainee, invalid_blueprint, sql.
    Result<AttemptInfo> startPaper(const QString &paperId, const QString &trainee);

    // The trainee's open attempt, if any (kind paper or scenario); error not_found when none.
    Result<AttemptInfo> openAttempt(const QString &trainee) const;
    Result<AttemptInfo> attempt(const QString &attemptId) const;
    // The paper's questions with the answers so far (and the points scored once submitted), paper order.
    Result<QList<AttemptQuestion>> questions(const QString &attemptId) const;

    // Seconds left now: the limit minus the time since the stored start, floored at 0; -1 when no limit.
    int secondsLeft(const AttemptInfo &a) const;

    // Saves the answer to one question (stored option indexes; empty clears it) in its own transaction.
    // Errors: not_open (submitted), time_up (nothing saved: the caller submits), out_of_range, not_found,
    // sql.
    Status saveAnswer(const QString &attemptId, int position, const QList<int> &chosenStored);

    // Scores by the attempt's policy and records the result and its outbox row in one transaction. A second
    // call returns the stored outcome and records nothing. TimeUp ends the attempt at its end (start +
    // limit), whenever it is called. Errors: not_found, sql.
    Result<AttemptInfo> submit(const QString &attemptId, FinishReason reason);
    // Submits (time_up) every open paper attempt whose time has run out; returns how many.
    Result<int> submitExpired();

    // Recomputes the stored attempt's hash from its answers and score: false when a stored row was edited
    // (or the attempt is not finished). Error not_found, sql.
    Result<bool> verify(const QString &attemptId) const;

    // The hash over an attempt's stored answers (position and chosen indexes, paper order) and score.
    static QString hashOf(const AttemptInfo &a, const QJsonArray &answersForHash);

    // The Chinese name of a policy as shown before starting (全对得分 / 按比例得分 / 漏选得一半).
    static QString policyText(MultiplePolicy p);

private:
    Result<AttemptInfo> readAttempt(const QString &attemptId) const;
    Result<QJsonArray> answersForHash(const QString &attemptId) const;
    Status refuseWhenOpen(const QString &trainee) const;
    storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::training
