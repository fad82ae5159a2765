#pragma once
// Skill competitions (技能竞赛, issue 15): a competition is a training_drills row of kind 'competition' whose
// definition_json is a copy of its blueprint plus "blueprint_id" (a later change of the blueprint does not
// alter it), with its trainees (local users with the role clerk) and a start time. Its results are the
// training_results rows of its drill, written by storage::TrainingResultRepository::record when a trainee
// submits; the leaderboard ranks each trainee's best result: score descending, then time ascending; trainees
// without a result come last. Creating one writes an audit row in the same transaction.
//
// A competition over a SCENARIO SET (情景演练竞赛) instead names one or more scenario drills, taken in order.
// Each is copied into a part of the competition: a training_drills row of kind 'scenario' whose
// definition_json is the scenario plus "competition_id" and "part" (0-based) — a later edit of the scenario
// leaves the competition alone (as for blueprints), and a part's attempt is tied to the competition by its
// drill. A trainee takes each part once, in order, on the intake page over a sandbox (ScenarioDrills). A
// part's score, once fixed (automatic rubric + the judges' averages, ScenarioDrills::finalize), is kept as a
// LOCAL result (no outbox row); when every part of a trainee is fixed, the competition's one result is
// recorded with its outbox row (POST /training/results, local_id new, deduplicated by the platform): the
// total rule is competitionTotal(). Until then the leaderboard says the trainee waits for the judges.
// The combined form (e.g. 100 theory questions, then a scenario): a blueprint AND a scenario set. The paper
// is then part 0, a copy of the blueprint (a training_drills row of kind 'paper' with "competition_id" and
// "part"), drawn and taken as any paper (TrainingAttempts) but recorded locally like a scenario part; the
// competition's result is the sum of every part, so a competition has no pass line once it has parts.
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/scenariodrill.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::training {

// One scenario of a competition's scenario set.
struct CompetitionScenario {
    QString partDrillId; // the competition's copy (training_drills, kind scenario — or paper, the combined
                         // form's part 0)
    QString sourceDrillId; // the scenario drill (or blueprint) it was copied from
    QString title;         // the scenario's title (the blueprint's name)
    double maxScore = 0;   // automatic + judged maximum
    int timeLimitS = 0;
    QString kind = QStringLiteral("scenario"); // scenario, paper
};

struct Competition {
    QString drillId; // c-<uuid>; empty before it is created
    QString name;
    QString blueprintId;
    Blueprint blueprint;
    QStringList scenarioIds; // create(): the scenario drills of a scenario set, in the order taken
    QList<CompetitionScenario> scenarios; // read back: the parts, in order
    QStringList traineeIds;               // users.id
    QDateTime startsAt;                   // UTC
    QString createdBy;
    QString createdAt;

    bool isScenarioSet() const { return !scenarios.isEmpty(); }
    double maxScore() const; // the blueprint's, or the sum of the parts'
};

// A fixed part of a trainee's scenario set.
struct PartScore {
    QString partDrillId;
    QString title;
    QString localId; // the part's local result
    double score = 0;
    double maxScore = 0;
    int durationS = 0;
    QDateTime finishedAt;
};

struct CompetitionTotal {
    double score = 0;     // the sum of the parts' fixed scores, to hundredths
    double maxScore = 0;  // the sum of the parts' maxima
    int durationS = 0;    // the sum of the parts' durations (the leaderboard's "time")
    QDateTime finishedAt; // the last part's end
};

// The total rule of a scenario set: none until every one of the `parts` parts is fixed (a part not yet
// taken, or taken and waiting for the judges, leaves the trainee without a result — never a zero); then the
// sums above.
std::optional<CompetitionTotal> competitionTotal(int parts, const QList<PartScore> &fixed);

// The next part of a started scenario-set competition open to a trainee (their practice page).
struct CompetitionPartOffer {
    QString competitionId;
    QString competitionName;
    int part = 0; // 0-based
    int parts = 0;
    QString partDrillId;
    QString kind;        // scenario, paper
    Scenario scenario;   // a scenario part
    Blueprint blueprint; // the paper part
};

struct LeaderboardRow {
    int rank = 0; // 1-based; equal score and time share a rank; 0: no result yet
    QString traineeId;
    QString name;
    std::optional<double> bestScore;
    double maxScore = 0;
    int bestDurationS = 0;
    int attempts = 0;
    bool passed = false;         // best score ≥ the blueprint's pass line
    bool hasPassLine = true;     // a scenario set has none
    int partsDone = 0;           // a scenario set without a result: the parts taken (submitted) …
    int partsTotal = 0;          // … of its parts
    bool awaitingJudges = false; // every part taken, not every one fixed by the judges
};

struct Trainee {
    QString id;
    QString username;
    QString name;
};

class CompetitionService {
public:
    CompetitionService(storage::Database &db, const Clock &clock, storage::AuditLog *audit);

    // Local users who may compete: active, with the role clerk, by name.
    Result<QList<Trainee>> trainees() const;

    // Validated (a name, a valid blueprint and/or one or more open scenario drills, at least two
    // trainees … one is allowed for a drill, none is not, a start time); stored with its trainees (and a
    // scenario set with its parts) and audited (training_competition_created). The drill id.
    // Errors: invalid_competition (Chinese message), sql.
    Result<QString> create(const Competition &c, const QString &by);
    Result<QList<Competition>> list() const; // newest start first
    Result<Competition> get(const QString &drillId) const;

    Result<QList<LeaderboardRow>> leaderboard(const QString &drillId) const;
    // Changes whenever a result of the drill is recorded, or a part of a scenario set is submitted or fixed
    // (cheap aggregates), for polling.
    Result<QString> resultsStamp(const QString &drillId) const;

    // The next part of each started scenario-set competition listing `trainee` that they have not taken yet.
    Result<QList<CompetitionPartOffer>> partOffers(const QString &trainee) const;
    // Whether `trainee` may start the scenario drill `drillId` now: always for a drill that is not part of a
    // competition; for a part, only when they are listed, the competition has started, they have not taken
    // this part and have taken the parts before it. Errors: not_a_trainee, not_started, part_taken,
    // part_order, sql.
    Status mayStartPart(const QString &drillId, const QString &trainee) const;
    // The competition a scenario drill is a part of (empty: none).
    Result<QString> competitionOf(const QString &drillId) const;
    // Records the trainee's result of the competition (outbox row) when every part is fixed and it is not
    // recorded yet; nothing otherwise. Runs inside the caller's write (ScenarioDrills::finalize).
    Status recordIfComplete(const QString &drillId, const QString &trainee);

private:
    Status validate(const Competition &c) const;
    Result<QList<CompetitionScenario>> partsOf(const QString &drillId) const;
    void addWaitingRows(const Competition &c, QList<LeaderboardRow> &rows) const;

    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::training
