#pragma once
// Skill competitions (技能竞赛, issue 15): a competition is a training_drills row of kind 'competition' whose
// definition_json is a copy of its blueprint plus "blueprint_id" (a later change of the blueprint does not
// alter it), with its trainees (local users with the role clerk) and a start time. Its results are the
// training_results rows of its drill, written by storage::TrainingResultRepository::record when a trainee
// submits; the leaderboard ranks each trainee's best result: score descending, then time ascending; trainees
// without a result come last. Creating one writes an audit row in the same transaction.
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>

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

struct Competition {
    QString drillId; // c-<uuid>; empty before it is created
    QString name;
    QString blueprintId;
    Blueprint blueprint;
    QStringList traineeIds; // users.id
    QDateTime startsAt;     // UTC
    QString createdBy;
    QString createdAt;
};

struct LeaderboardRow {
    int rank = 0; // 1-based; equal score and time share a rank; 0: no result yet
    QString traineeId;
    QString name;
    std::optional<double> bestScore;
    double maxScore = 0;
    int bestDurationS = 0;
    int attempts = 0;
    bool passed = false; // best score ≥ the blueprint's pass line
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

    // Validated (a name, a valid blueprint, at least two trainees … one is allowed for a drill, none is not,
    // a start time); stored with its trainees and audited (training_competition_created). The drill id.
    // Errors: invalid_competition (Chinese message), sql.
    Result<QString> create(const Competition &c, const QString &by);
    Result<QList<Competition>> list() const; // newest start first
    Result<Competition> get(const QString &drillId) const;

    Result<QList<LeaderboardRow>> leaderboard(const QString &drillId) const;
    // Changes whenever a result of the drill is recorded (cheap: one indexed aggregate), for polling.
    Result<QString> resultsStamp(const QString &drillId) const;

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::training
