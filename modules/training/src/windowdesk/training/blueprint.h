#pragma once
// A paper's blueprint (cli.md "Training blueprints"): name, pass line, the multiple-choice scoring policy,
// the time limit and the sections (category × kind × count × points per question), filled in order.
#include <windowdesk/core/result.h>
#include <windowdesk/training/question.h>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace windowdesk::training {

enum class MultiplePolicy {
    AllOrNothing, // all_or_nothing: the exact set, else 0
    Proportional, // proportional: each right choice +1/n, each wrong −1/n (n right options), floor 0
    HalfForMissed // half_for_missed (漏选得一半): the exact set full, a proper subset with no wrong choice
                  // half
};
QString policyName(MultiplePolicy p);
std::optional<MultiplePolicy> policyFromName(const QString &name);

struct BlueprintSection {
    std::optional<QString> category;  // nullopt: any
    std::optional<QuestionKind> kind; // nullopt: any
    int count = 0;                    // ≥ 1
    double points = 0;                // per question, ≥ 0
};

struct Blueprint {
    QString name;
    double passScore = 0;
    MultiplePolicy multiplePolicy = MultiplePolicy::AllOrNothing;
    int timeLimitS = 0;
    QList<BlueprintSection> sections;

    int questionCount() const;
    double maxScore() const;

    // Strict reading of the JSON: every field cli.md lists has the right type ("category" and "kind" may be
    // null or absent: any). Error code invalid_blueprint, message naming the field ("sections[1].count:
    // ...").
    static Result<Blueprint> fromJson(const QByteArray &json);
    static Result<Blueprint> fromJsonObject(const QJsonObject &o);
    QJsonObject toJson() const;
};

} // namespace windowdesk::training
