#include "trainingleaderboard.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

Result<QList<PlatformLeaderboardEntry>> parseTrainingLeaderboard(const QByteArray &body) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue entries = doc.object().value(u"entries"_s);
    if (!doc.isObject() || !entries.isArray())
        return Error{u"bad_response"_s, u"平台返回的排行榜格式不正确"_s};
    QList<PlatformLeaderboardEntry> out;
    for (const QJsonValue &v : entries.toArray()) {
        const QJsonObject o = v.toObject();
        // An entry names a trainee and has a real score; its duration, when given, is whole seconds >= 0
        // (the invariant fuzz_hall_duties checks: a negative or fractional duration was shown as it came).
        const QJsonValue duration = o.value(u"best_duration_s"_s);
        const double score = o.value(u"best_score"_s).toDouble();
        const double seconds = duration.toDouble();
        if (o.value(u"trainee_id"_s).toString().isEmpty() || !o.value(u"best_score"_s).isDouble() ||
            !std::isfinite(score) ||
            (!duration.isUndefined() && !duration.isNull() &&
             (!duration.isDouble() || !(seconds >= 0) || seconds > 86400.0 * 365 ||
              seconds != std::floor(seconds))))
            return Error{u"bad_response"_s, u"平台返回的排行榜格式不正确"_s};
        out.append({o.value(u"trainee_id"_s).toString(), o.value(u"name"_s).toString(), score, int(seconds)});
    }
    return out;
}

void fetchTrainingLeaderboard(OnlineApi &api, const QString &drillId, QObject *context,
                              std::function<void(const Result<QList<PlatformLeaderboardEntry>> &)> done) {
    ApiRequest request;
    request.path = u"/training/leaderboard"_s;
    request.query.addQueryItem(u"drill_id"_s, drillId);
    api.send(request, [guard = QPointer<QObject>(context), done = std::move(done)](const ApiResponse &r) {
        if (!guard)
            return;
        if (!r.ok()) {
            done(Error{r.errorCode.isEmpty() ? u"http_%1"_s.arg(r.status) : r.errorCode,
                       r.errorMessage.isEmpty() ? u"平台未返回排行榜（HTTP %1）"_s.arg(r.status)
                                                : r.errorMessage});
            return;
        }
        done(parseTrainingLeaderboard(r.body));
    });
}

} // namespace windowdesk::sync
