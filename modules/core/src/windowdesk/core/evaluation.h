#pragma once
// 好差评: evaluation levels and the rectification deadline of a 差评.
#include "calendar.h"
#include "duedate.h"
#include "result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace windowdesk::core {

enum class EvaluationLevel : int {
    VeryDissatisfied = 1, // 非常不满意
    Dissatisfied = 2,     // 不满意
    Basic = 3,            // 基本满意
    Satisfied = 4,        // 满意
    VerySatisfied = 5,    // 非常满意
};

constexpr int kDefaultRectificationWorkingDays = 15;

bool isValidEvaluationLevel(int level); // 1..5
QString evaluationLevelName(int level); // Chinese name; empty for an invalid level
bool isNegativeEvaluation(int level);   // 1-2 are 差评
// Errors: "level_invalid" (not 1..5), "reasons_required" (差评 without a non-blank reason).
Status validateEvaluation(int level, const QStringList &reasons);

// The rectification deadline: N working days after the evaluation date (CST), N default 15.
// Errors as dueDate ("calendar_missing", "invalid_argument").
Result<DueDate> rectificationDeadline(const QDate &evaluationDate, const WorkingCalendar &calendar,
                                      int workingDays = kDefaultRectificationWorkingDays);

} // namespace windowdesk::core
