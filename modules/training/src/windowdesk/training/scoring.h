#pragma once
// Scoring an answer (issue 15): single choice and true/false score their points for the right option, else 0;
// multiple choice by the paper's policy (shown to the trainee before starting):
//  - all_or_nothing: the exact set of right options, else 0;
//  - proportional: with n right options, each right choice +1/n and each wrong one −1/n of the points, floor
//  0;
//  - half_for_missed (漏选得一半): the exact set full points; some right options and no wrong one half; any
//    wrong choice (or none) 0.
// Answers are stored option indexes (as in options_json), never the shown positions: shownToStored() maps.
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/question.h>

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace windowdesk::training {

// `chosen` and `correct` are sets of stored option indexes (order and repeats do not matter).
double scoreAnswer(QuestionKind kind, MultiplePolicy policy, const QList<int> &correct,
                   const QList<int> &chosen, double points);

// The stored indexes of the options a trainee picked at shown positions, through the paper's options_order;
// positions out of range are dropped.
QList<int> shownToStored(const QList<int> &optionsOrder, const QList<int> &shownPositions);

// The hash of a stored attempt (anti-cheating: an edit of the stored answers, score or paper shows): SHA-256
// (hex) of the canonical JSON (compact, keys sorted) of {"paper_id", "trainee", "answers", "score",
// "max_score", "duration_s", "finished_at"}. Store it with the attempt; recompute to check.
QString attemptHash(const QString &paperId, const QString &trainee, const QJsonArray &answers, double score,
                    double maxScore, int durationS, const QString &finishedAt);

} // namespace windowdesk::training
