#pragma once
// What the results say (成绩 tab, issue 15), from the training_results rows (any drill: a practice paper, a
// competition): a trainee's history (scores over time, each against its pass line), their weak categories
// (the share of the points their answers scored, by question category, weakest first), and the hall's skill
// levels (等级): for each trainee and blueprint, whether a paper of that blueprint was passed at its pass
// line, how often, and the best score. A drill's blueprint is its definition_json (the blueprint itself, as
// the draw and the competitions store it).
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QList>
#include <QString>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::training {

struct HistoryEntry {
    QString localId;
    QString drillId;
    QString drillTitle;
    QString drillKind; // paper, competition, scenario
    QString blueprintName;
    double score = 0;
    double maxScore = 0;
    double passScore = 0;
    int durationS = 0;
    QDateTime finishedAt; // UTC
    bool passed = false;
};

struct CategoryScore {
    QString category;
    int answers = 0;
    double scored = 0;
    double possible = 0;
    double rate() const { return possible > 0 ? scored / possible : 0; }
};

struct SkillLevel {
    QString traineeId;
    QString traineeName;
    QString blueprintName;
    double passScore = 0;
    double bestScore = 0;
    double maxScore = 0;
    int attempts = 0;
    int passes = 0;
    QDateTime firstPassedAt; // invalid: not passed yet
};

struct TraineeRecord {
    QString traineeId;
    QString name;
    int results = 0;
    double lastScore = 0;
    double lastMaxScore = 0;
    QDateTime lastAt;
};

class TrainingRecords {
public:
    explicit TrainingRecords(const storage::Database &db)
        : m_db(db) {}

    // Every trainee with a result, by name.
    Result<QList<TraineeRecord>> trainees() const;
    // The trainee's results, oldest first.
    Result<QList<HistoryEntry>> history(const QString &traineeId) const;
    // By category of the questions answered in papers, weakest first (then by category).
    Result<QList<CategoryScore>> categories(const QString &traineeId) const;
    // Per trainee (by name) and blueprint (by name) with at least one result of a drill with a blueprint.
    Result<QList<SkillLevel>> skillLevels() const;

private:
    const storage::Database &m_db;
};

} // namespace windowdesk::training
