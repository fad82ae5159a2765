#include "evaluation.h"

using namespace Qt::StringLiterals;

namespace windowdesk::core {

bool isValidEvaluationLevel(int level) {
    return level >= 1 && level <= 5;
}

QString evaluationLevelName(int level) {
    switch (level) {
    case 5:
        return u"非常满意"_s;
    case 4:
        return u"满意"_s;
    case 3:
        return u"基本满意"_s;
    case 2:
        return u"不满意"_s;
    case 1:
        return u"非常不满意"_s;
    default:
        return {};
    }
}

bool isNegativeEvaluation(int level) {
    return level == 1 || level == 2;
}

Status validateEvaluation(int level, const QStringList &reasons) {
    if (!isValidEvaluationLevel(level))
        return Status::failure(u"level_invalid"_s, u"评价等级应为1至5"_s);
    if (isNegativeEvaluation(level)) {
        for (const QString &r : reasons)
            if (!r.trimmed().isEmpty())
                return {};
        return Status::failure(u"reasons_required"_s, u"差评（不满意、非常不满意）须至少选择一项原因"_s);
    }
    return {};
}

Result<DueDate> rectificationDeadline(const QDate &evaluationDate, const WorkingCalendar &calendar,
                                      int workingDays) {
    return dueDate(evaluationDate, workingDays, {}, calendar);
}

} // namespace windowdesk::core
