#include "trainingresults.h"

#include "database.h"
#include "outboxrepository.h"

#include <windowdesk/core/clock.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

QByteArray TrainingResultRepository::payload(const TrainingResult &r) {
    return QJsonDocument(QJsonObject{{u"local_id"_s, r.localId},
                                     {u"drill_id"_s, r.drillId},
                                     {u"trainee_id"_s, r.traineeId},
                                     {u"score"_s, r.score},
                                     {u"max_score"_s, r.maxScore},
                                     {u"duration_s"_s, r.durationS},
                                     {u"answers"_s, r.answers},
                                     {u"finished_at"_s, r.finishedAt.toUTC().toString(Qt::ISODate)}})
        .toJson(QJsonDocument::Compact);
}

namespace {
bool complete(const TrainingResult &r) {
    return !r.drillId.isEmpty() && !r.traineeId.isEmpty() && std::isfinite(r.score) &&
           std::isfinite(r.maxScore) && r.durationS >= 0;
}
} // namespace

Status TrainingResultRepository::insertRow(const TrainingResult &r) {
    return m_db.exec(
        u"INSERT INTO training_results (local_id, drill_id, paper_id, trainee_id, score, max_score, "
        u"duration_s, answers_json, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {r.localId, r.drillId, r.paperId.isEmpty() ? QVariant() : QVariant(r.paperId), r.traineeId, r.score,
         r.maxScore, r.durationS, QString::fromUtf8(QJsonDocument(r.answers).toJson(QJsonDocument::Compact)),
         r.finishedAt.toUTC().toString(Qt::ISODate)});
}

Result<QString> TrainingResultRepository::recordLocal(const TrainingResult &in) {
    if (!complete(in))
        return Error{u"invalid_training_result"_s,
                     u"a training result needs a drill, a trainee, finite scores and a duration"_s};
    TrainingResult r = in;
    if (r.localId.isEmpty())
        r.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!r.finishedAt.isValid())
        r.finishedAt = m_clock.nowUtc();
    if (Status s = m_db.write([&] { return insertRow(r); }); !s.ok())
        return s.error();
    return r.localId;
}

Result<RecordedTrainingResult> TrainingResultRepository::record(const TrainingResult &in) {
    if (in.drillId.isEmpty() || in.traineeId.isEmpty() || !std::isfinite(in.score) ||
        !std::isfinite(in.maxScore) || in.durationS < 0)
        return Error{u"invalid_training_result"_s,
                     u"a training result needs a drill, a trainee, finite scores and a duration"_s};
    TrainingResult r = in;
    if (r.localId.isEmpty())
        r.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!r.finishedAt.isValid())
        r.finishedAt = m_clock.nowUtc();
    const QByteArray body = payload(r);
    RecordedTrainingResult out{r.localId, {}};
    const Status st = m_db.write([&]() -> Status {
        if (Status s = insertRow(r); !s.ok())
            return s;
        auto op = OutboxRepository(m_db, m_clock)
                      .enqueue({u"training_result"_s, r.localId, QString(), u"/training/results"_s, body});
        if (!op.ok())
            return op.error();
        out.opId = op.value();
        return {};
    });
    if (!st.ok())
        return st.error();
    return out;
}

} // namespace windowdesk::storage
