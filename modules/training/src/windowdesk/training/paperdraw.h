#pragma once
// Drawing one paper from the bank by a blueprint (cli.md "Training blueprints"), without the database:
// sections fill in file order; a question picked by an earlier section is not picked again; within a section
// the least-used active questions come first and ties are broken by a shuffle seeded with the seed; each
// question's option order is shuffled from the same seed (true/false keeps 正确, 错误). The bank state is the
// set of active question ids with their versions and usage counts: the same seed on the same bank state gives
// the same paper, whatever order the questions are listed in.
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/question.h>

#include <QList>
#include <QString>
#include <variant>

namespace windowdesk::training {

// What the draw needs of an active question.
struct BankEntry {
    QString id;
    int version = 0;
    QuestionKind kind = QuestionKind::Single;
    QString category;
    int uses = 0;
    int optionCount = 0;
};

struct PaperQuestion {
    QString id;
    int version = 0;
    int section = 0; // 0-based index into the blueprint's sections
    QString category;
    QuestionKind kind = QuestionKind::Single;
    double points = 0;
    QList<int> optionsOrder; // stored option indexes in the order shown: [2, 0, 1, 3]
};

struct DrawnPaper {
    quint64 seed = 0;
    QList<PaperQuestion> questions;
};

// A section the bank cannot fill: {"error": "bank_too_small", "section": i, "available": n}.
struct BankTooSmall {
    int section = 0;   // 0-based
    int available = 0; // questions that section could still take
};

// The seeds cli.md allows: whole numbers that JSON carries exactly (0 … 2^53 − 1).
inline constexpr quint64 kMaxSeed = (quint64(1) << 53) - 1;

class PaperDraw {
public:
    static std::variant<DrawnPaper, BankTooSmall> draw(const QList<BankEntry> &bank,
                                                       const Blueprint &blueprint, quint64 seed);
};

} // namespace windowdesk::training
