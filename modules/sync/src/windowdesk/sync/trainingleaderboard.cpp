#include "trainingleaderboard.h"

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
        if (!o.value(u"trainee_id"_s).isString() || !o.value(u"best_score"_s).isDouble())
            return Error{u"bad_response"_s, u"平台返回的排行榜格式不正确"_s};
        out.append({o.value(u"trainee_id"_s).toString(), o.value(u"name"_s).toString(),
                    o.value(u"best_score"_s).toDouble(), o.value(u"best_duration_s"_s).toInt()});
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
