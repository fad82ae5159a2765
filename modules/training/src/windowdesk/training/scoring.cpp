#include "scoring.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

double scoreAnswer(QuestionKind kind, MultiplePolicy policy, const QList<int> &correct,
                   const QList<int> &chosen, double points) {
    const QSet<int> right(correct.begin(), correct.end());
    const QSet<int> picked(chosen.begin(), chosen.end());
    if (right.isEmpty() || picked.isEmpty())
        return 0;
    if (kind != QuestionKind::Multiple || policy == MultiplePolicy::AllOrNothing)
        return picked == right ? points : 0;
    int hits = 0;
    int misses = 0;
    for (int c : picked)
        (right.contains(c) ? hits : misses) += 1;
    if (policy == MultiplePolicy::Proportional) {
        const double n = double(right.size());
        return points * std::max(0.0, (hits - misses) / n);
    }
    // HalfForMissed
    if (misses > 0)
        return 0;
    return hits == right.size() ? points : points / 2;
}

QList<int> shownToStored(const QList<int> &optionsOrder, const QList<int> &shownPositions) {
    QList<int> out;
    for (int p : shownPositions)
        if (p >= 0 && p < optionsOrder.size())
            out.append(optionsOrder.at(p));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QString attemptHash(const QString &paperId, const QString &trainee, const QJsonArray &answers, double score,
                    double maxScore, int durationS, const QString &finishedAt) {
    // QJsonDocument writes an object's keys sorted, so this is canonical for the same values.
    const QJsonObject o{{u"paper_id"_s, paperId},      {u"trainee"_s, trainee},
                        {u"answers"_s, answers},       {u"score"_s, score},
                        {u"max_score"_s, maxScore},    {u"duration_s"_s, durationS},
                        {u"finished_at"_s, finishedAt}};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

} // namespace windowdesk::training
