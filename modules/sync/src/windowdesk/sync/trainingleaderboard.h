#pragma once
// The platform's leaderboard of a drill (platform-api.md Training: GET /training/leaderboard?drill_id=), an
// online-only read made from the GUI thread through OnlineApi like the queue calls: the competition page
// shows it beside the local one when the hall is online.
#include "onlineapi.h"

#include <windowdesk/core/result.h>

#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace windowdesk::sync {

struct PlatformLeaderboardEntry {
    QString traineeId;
    QString name;
    double bestScore = 0;
    int bestDurationS = 0;
};

// The entries of a 200 answer's body, in the platform's order. Error bad_response for anything else.
Result<QList<PlatformLeaderboardEntry>> parseTrainingLeaderboard(const QByteArray &body);

// Asks the platform; `done` runs later in `context`'s thread, and not at all once `context` is gone. Errors:
// the platform's code (login_required without a platform login, network_error, …) with its message.
void fetchTrainingLeaderboard(OnlineApi &api, const QString &drillId, QObject *context,
                              std::function<void(const Result<QList<PlatformLeaderboardEntry>> &)> done);

} // namespace windowdesk::sync
