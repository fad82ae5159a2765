#pragma once
// Training results (技能竞赛) for the platform: a producer (the training UI) records a finished drill with
// record(), which writes the training_results row and its outbox row (kind training_result, POST
// /training/results, body per platform-api.md) in ONE transaction (sync-rules.md rule 1). The sync pusher
// sends it with the row's Idempotency-Key; the platform deduplicates on local_id forever.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct TrainingResult {
    QString localId; // made by record() when empty; the platform deduplicates on it
    QString drillId; // a training_drills row
    QString paperId; // optional: the paper drawn for this trainee
    QString traineeId;
    double score = 0;
    double maxScore = 0;
    int durationS = 0;
    QJsonArray answers;
    QDateTime finishedAt; // invalid: now (the clock's)
};

struct RecordedTrainingResult {
    QString localId;
    QString opId; // the outbox row's Idempotency-Key
};

class TrainingResultRepository {
public:
    TrainingResultRepository(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}

    // Writes the result and its outbox row in one transaction (or inside the caller's write()). Only what the
    // body cannot be sent without is checked here (ids, finite numbers); the platform's own rules (e.g. a
    // negative score) come back as a 422 on the outbox row. Errors: invalid_training_result, sql.
    Result<RecordedTrainingResult> record(const TrainingResult &result);
    // The result of one part of a competition (a scenario of a scenario set): kept in this database only,
    // with NO outbox row — the platform receives the competition's one result, recorded with record() once
    // every part is scored. Errors: invalid_training_result, sql.
    Result<QString> recordLocal(const TrainingResult &result);

    // The POST /training/results body of platform-api.md (compact JSON, identical on every attempt).
    static QByteArray payload(const TrainingResult &result);

private:
    Status insertRow(const TrainingResult &r);
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
