#pragma once
// Scenario drills (issue 15, 情景演练) without widgets: a simulated applicant with the documents they bring
// (some missing or wrong), a target outcome (item, materials, decision), events injected at set times (the
// scanner fails, the queue goes offline, the applicant changes their mind), and the rubric that scores the
// case the trainee took in on the real intake page — over a SANDBOX database (ScenarioSandbox: a temporary
// SQLite file made by the migrator with the hall's catalog copied in, never the real cases, drafts, outbox or
// audit chain). The attempt itself lives in the real database (training_attempts, kind scenario) like a
// paper's; the judges' criteria (attitude, explanation, …) are marked by the trainer's page into
// drill_attempt_judgements and averaged over the judges.
//
// A scenario drill is a training_drills row of kind 'scenario' whose definition_json is Scenario::toJson().
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/result.h>
#include <windowdesk/training/trainingattempts.h>

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::training {

// A document the simulated applicant brings for one material of the target item.
struct ScenarioDocument {
    QString materialId;                                            // of the target item
    QString name;                                                  // what the trainee is told they hand over
    enum class State { Good, Missing, Wrong } state = State::Good; // wrong: brought but not acceptable
};

// An event injected at `atS` seconds into the drill.
struct ScenarioEvent {
    enum class Kind { ScannerFails, QueueOffline, QueueOnline, ApplicantChangesMind, Say } kind = Kind::Say;
    int atS = 0;
    QString text; // what the applicant says / what the trainee is told
};
QString eventKindName(ScenarioEvent::Kind k); // scanner_fails, queue_offline, queue_online, changes_mind, say
std::optional<ScenarioEvent::Kind> eventKindFromName(const QString &name);

struct Scenario {
    QString title;
    QString brief; // what the applicant says when they sit down
    QString applicantName;
    QString idNumber; // a valid test resident ID (GB 11643 check digit)
    QString phone;
    QList<ScenarioDocument> documents;
    QList<ScenarioEvent> events; // by time
    int timeLimitS = 420;
    // The target outcome.
    QString targetItemCode;
    QString targetDecision; // accepted, correction_required, rejected

    // The points of each automatic criterion (item, materials, decision, data, time), and the judges'
    // criteria with their maximum (attitude, explanation, …).
    double itemPoints = 30, materialsPoints = 30, decisionPoints = 20, dataPoints = 10, timePoints = 10;
    QList<QPair<QString, double>> judgedCriteria{{QStringLiteral("attitude"), 10},
                                                 {QStringLiteral("explanation"), 10}};

    double automaticMax() const {
        return itemPoints + materialsPoints + decisionPoints + dataPoints + timePoints;
    }
    double judgedMax() const;

    // Strict reading (error invalid_scenario naming the field); toJson() round-trips.
    static Result<Scenario> fromJson(const QJsonObject &o);
    QJsonObject toJson() const;
};

// The shape rules: a name, a valid resident ID (GB 11643) and mobile number, a target item and decision,
// events within the time limit. Error invalid_scenario with a Chinese message.
Status validateScenario(const Scenario &s, const QDate &today);

// The material status a right intake marks for a document: paper for a good one, missing for a missing or
// wrong one (a wrong document is not accepted as the material).
QString expectedMaterialStatus(ScenarioDocument::State s);

// One line of the rubric.
struct RubricLine {
    QString criterion; // item, materials, decision, data, time, or a judged criterion
    double points = 0;
    double maxPoints = 0;
    QString note; // why (Chinese), e.g. "材料 m2 应标记为缺件，实际为纸质"
    bool judged = false;
};

// The automatic criteria of the rubric for the sandbox's resulting case (none: nothing was submitted, every
// criterion but time scores 0) after `durationS` seconds:
//  - item: the case's items are exactly the target item;
//  - materials: the share of the target item's documents marked as expectedMaterialStatus() says (paper and
//    electronic count as present, missing and commitment as not);
//  - decision: the target decision;
//  - data: applicant name, ID number and phone as the applicant gave them;
//  - time: full within the limit, falling linearly to 0 at twice the limit.
QList<RubricLine> scoreAutomatic(const Scenario &s, const std::optional<cases::DecidedCase> &c,
                                 int durationS);

// The sandbox: a new SQLite file at `path` made by the migrator, with the hall's catalog (items, materials,
// form fields, bundles, calendars) copied in from `real` and the catalog search rebuilt; the hall's settings
// come along except those that reach the platform (platform.*, sync.*). Nothing is written to `real`.
class ScenarioSandbox {
public:
    static Result<std::unique_ptr<storage::Database>> create(storage::Database &real, const QString &path);
    // Removes a closed sandbox file with its -wal, -shm and -journal companions and its notices directory
    // (<path>.notices) — a drill that ended.
    static void remove(const QString &path);
    // Removes every sandbox (drill-*.db, companions, notices) in `dir` that no open scenario attempt of
    // `real` uses (drills that ended without their file being removed: a crash, a power cut). The number
    // removed.
    static Result<int> removeStale(storage::Database &real, const QString &dir);
};

// One judge's mark on one criterion.
struct Judgement {
    QString judgeId;
    QString criterion;
    double points = 0;
    double maxPoints = 0;
    QString note;
};

struct ScenarioScore {
    QList<RubricLine> lines; // automatic then judged (each judged line: the average over its judges)
    double total = 0;
    double max = 0;
    int judges = 0; // distinct judges who marked anything
};

// A finished scenario attempt whose result waits for the judges (not yet recorded).
struct AwaitingJudgement {
    QString attemptId;
    QString drillTitle;
    QString traineeId;
    QString traineeName;
    double automaticScore = 0;
    QDateTime finishedAt;
};

class ScenarioDrills {
public:
    // `audit`: where a judge's mark and a finalization are recorded (null: not audited, e.g. windowdeskctl).
    ScenarioDrills(storage::Database &real, const Clock &clock, storage::AuditLog *audit = nullptr);
    // Finished scenario attempts whose result is not recorded yet (the judges' list), oldest first.
    Result<QList<AwaitingJudgement>> awaitingJudgement() const;

    // A scenario drill: stores the training_drills row (kind scenario). Error invalid_scenario, sql.
    Result<QString> addDrill(const Scenario &s, const QString &createdBy);
    // The scenario drills open now, by title.
    Result<QList<QPair<QString, Scenario>>> openScenarios() const;
    Result<Scenario> scenario(const QString &drillId) const;

    // Starts the trainee's attempt (one at a time per trainee, as for papers: attempt_open), with the sandbox
    // file it runs over. Errors: attempt_open, not_found, invalid_scenario, sql.
    Result<AttemptInfo> start(const QString &drillId, const QString &trainee, const QString &sandboxPath);
    // Finishes the attempt on the sandbox's resulting case: the automatic rubric stored (rubric_json), the
    // attempt hashed. A second finish returns the stored outcome. When the scenario has no judged criteria
    // the result is recorded at once (outbox, POST /training/results); otherwise finalize() records it.
    Result<AttemptInfo> finish(const QString &attemptId, const std::optional<cases::DecidedCase> &c,
                               FinishReason reason);

    // A judge's mark (the trainer's page): points within 0…the criterion's maximum; a judge marking the
    // same criterion again replaces their mark; audited (training_judgement, by `by`) when there is an audit
    // log. Errors: invalid_judgement, not_found, not_finished, already_recorded (finalized), sql.
    Status judge(const QString &attemptId, const Judgement &j, const QString &by = QString());
    Result<QList<Judgement>> judgements(const QString &attemptId) const;
    // The rubric: the stored automatic lines plus each judged criterion averaged over its judges.
    Result<ScenarioScore> score(const QString &attemptId) const;
    // Records the result (automatic + judged averages) with its outbox row, exactly once.
    Result<AttemptInfo> finalize(const QString &attemptId);

private:
    Status storeJudgement(const QString &attemptId, const Judgement &j, double max);

    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit = nullptr;
};

} // namespace windowdesk::training
