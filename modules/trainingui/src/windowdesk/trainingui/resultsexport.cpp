#include "resultsexport.h"

#include <windowdesk/core/masking.h>
#include <windowdesk/training/trainingrecords.h>

#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

namespace {
reports::ExportCell text(const QString &s) {
    return {reports::ExportCell::Text, core::maskPersonalDataInText(s), 0, {}};
}
reports::ExportCell number(double v) {
    reports::ExportCell c{reports::ExportCell::Real, QString(), 0, {}};
    c.real = v;
    return c;
}
reports::ExportCell integer(qint64 v) {
    return {reports::ExportCell::Integer, QString(), v, {}};
}
reports::ExportCell moment(const QDateTime &t) {
    if (!t.isValid())
        return {};
    return {reports::ExportCell::Moment, QString(), t.toSecsSinceEpoch(), {}};
}
reports::ExportCell boolean(bool b) {
    return {reports::ExportCell::Boolean, QString(), b ? 1 : 0, {}};
}
} // namespace

Result<reports::ExportTable> resultsHistoryTable(const storage::Database &db) {
    training::TrainingRecords records(db);
    auto trainees = records.trainees();
    if (!trainees)
        return trainees.error();
    reports::ExportTable t;
    t.sheet = u"training_results"_s;
    t.columns = {u"trainee_id"_s, u"name"_s,      u"finished_at"_s, u"drill"_s,
                 u"kind"_s,       u"blueprint"_s, u"score"_s,       u"max_score"_s,
                 u"pass_score"_s, u"passed"_s,    u"duration_s"_s};
    for (const training::TraineeRecord &tr : trainees.value()) {
        auto history = records.history(tr.traineeId);
        if (!history)
            return history.error();
        for (const training::HistoryEntry &e : history.value())
            t.rows.append({text(tr.traineeId), text(tr.name), moment(e.finishedAt), text(e.drillTitle),
                           text(e.drillKind), text(e.blueprintName), number(e.score), number(e.maxScore),
                           number(e.passScore), boolean(e.passed), integer(e.durationS)});
    }
    return t;
}

Result<reports::ExportTable> skillLevelsTable(const storage::Database &db) {
    auto levels = training::TrainingRecords(db).skillLevels();
    if (!levels)
        return levels.error();
    reports::ExportTable t;
    t.sheet = u"skill_levels"_s;
    t.columns = {u"trainee_id"_s, u"name"_s,     u"blueprint"_s, u"pass_score"_s,      u"best_score"_s,
                 u"max_score"_s,  u"attempts"_s, u"passes"_s,    u"first_passed_at"_s, u"level_reached"_s};
    for (const training::SkillLevel &l : levels.value())
        t.rows.append({text(l.traineeId), text(l.traineeName), text(l.blueprintName), number(l.passScore),
                       number(l.bestScore), number(l.maxScore), integer(l.attempts), integer(l.passes),
                       moment(l.firstPassedAt), boolean(l.passes > 0)});
    return t;
}

Status writeResultsTable(const reports::ExportTable &table, const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"xlsx")
        return reports::writeXlsx(table, path);
    if (suffix != u"csv")
        return Error{u"unsupported_format"_s, u"只能导出为 .csv 或 .xlsx 文件"_s};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{u"io"_s, f.errorString()};
    f.write(reports::toCsv(table));
    if (!f.commit())
        return Error{u"io"_s, f.errorString()};
    return {};
}

} // namespace windowdesk::trainingui
