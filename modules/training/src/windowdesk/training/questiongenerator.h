#pragma once
// Questions generated from the live catalog (issue 15): which materials an item needs, its promised and legal
// time limits, its department, whether 告知承诺 is allowed, which 一件事 bundle contains it, which items are
// 即办件. Pure: the same catalog facts always give the same questions (no clock, no random numbers), so a
// second run over an unchanged catalog changes nothing.
//
// Distractors come from the subject item's department first, then its type, then the whole catalog, picked by
// a stable hash of the question's key and the candidate (so adding one item elsewhere rarely changes another
// item's questions). A distractor is never right by accident: materials the item lists (required or
// optional) are never distractors, a distractor limit never equals the right one, a distractor department
// never handles an item of the same name, and so on; every question also passes validateQuestion().
#include <windowdesk/training/question.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace windowdesk::training {

struct CatalogMaterialFacts {
    QString name;
    bool required = true;
};

struct CatalogItemFacts {
    QString code;
    int version = 0;
    QString name;
    QString type;
    QString department;
    int promisedDays = 0; // 0: 即办件
    int legalDays = 0;
    bool commitmentAllowed = false;
    QList<CatalogMaterialFacts> materials; // in the item's order
};

struct CatalogBundleFacts {
    QString code;
    int version = 0;
    QString name;
    QStringList itemCodes;
};

// The current, non-deleted items and bundles.
struct CatalogSnapshot {
    QList<CatalogItemFacts> items;
    QList<CatalogBundleFacts> bundles;
};

class QuestionGenerator {
public:
    // Every question the catalog yields, each with genKey, category, sourceItemCode/Version set; ordered by
    // item code, then template. Questions that would break validateQuestion() are left out.
    static QList<Question> generate(const CatalogSnapshot &catalog);

    // The text of a time limit as the options show it: 0 → "即办（当场办结）", n → "n个工作日".
    static QString limitText(int days);
};

} // namespace windowdesk::training
