#pragma once
// What the parts of one sync run share (the engine owns it; the pusher and the puller work through it): the
// database and clock, the transport, the run's options and summary, its write counter (tests fail the n-th
// write), the backoff and whether the run must stop starting requests.
#include "apiclient.h"
#include "syncconfig.h"

#include <windowdesk/core/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <functional>
#include <random>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

struct SyncRunOptions {
    QString username; // with password: log in for this run only (nothing stored)
    QString password;
    int maxSeconds = 300;
    bool push = true;
    bool pull = true;
    // The GUI's background runs: the first answer that never arrived at all (connection refused, reset,
    // timed out) ends the run once the requests in flight are answered — rows keep their keys and wait for
    // the next run — so the status bar shows "offline" at once instead of a run retrying for minutes.
    bool stopWhenUnreachable = false;
};

struct SyncSummary {
    int pushed = 0;
    int items = 0;
    int bundles = 0;
    int caseChanges = 0;
    int evaluationChanges = 0;
    int hallCaseChanges = 0; // the hall-wide cases feed of a supervisor (platform-api.md 1.1)
    int queueEvents = 0;     // the hall's ticket events (GET /queue/events, 1.1, a supervisor's)
    int pending = 0;
    int unsupported = 0; // 1.1 writes kept locally because the platform is 1.0: not a failure
    int needsAttention = 0;
    QJsonArray errors; // {"stream"|"op_id": ..., "code": ..., "message": ...}
    bool streamsFinished = false;
    bool loginRequired = false;
    bool timedOut = false;
    int requests = 0;
    int dbWrites = 0; // database write transactions of the run (tests count them)
    bool success() const {
        return pending == 0 && needsAttention == 0 && streamsFinished && errors.isEmpty();
    }
    QJsonObject toJson() const; // the `sync` JSON summary of cli.md
};

class SyncRun {
public:
    SyncRun(storage::Database &db, const Clock &clock, const SyncConfig &config, ApiClient &api);

    storage::Database &db;
    const Clock &clock;
    const SyncConfig &config;
    ApiClient &api;
    SyncRunOptions options;
    SyncSummary summary;
    bool running = false;
    bool unreachable = false; // this run met an unreachable platform (stopWhenUnreachable)
    // platform-api.md 1.1: the platform answered with X-Api-Version 1.1 (stored at login), and the session's
    // user is a supervisor (the hall-wide feed). Known before the streams and the push start.
    bool api11 = false;
    bool apiVersionKnown =
        false; // false: no platform answer seen yet; 1.1 writes wait (neither sent nor kept)
    bool supervisorSession = false;
    int failNthWrite = 0;
    int writes = 0;
    // Milliseconds left before --max-seconds (negative: no deadline running).
    std::function<qint64()> remainingMs;
    // Called whenever a part's state changed: the engine sees whether the run is over.
    std::function<void()> changed;
    // Every answer goes here first: one that never arrived is told at once (and may end a background run).
    std::function<void(const ApiResponse &)> noteUnreachable;

    // A write transaction of the run (counted; the test hook fails the n-th one as if the process died).
    Status guardedWrite(const std::function<Status()> &fn);
    void addError(const QString &keyName, const QString &key, const QString &code, const QString &message);
    // No new request may start: time ran out, the platform is unreachable (background runs) or the
    // session was refused.
    bool expired() const { return summary.timedOut || unreachable || api.authLost(); }
    // Full jitter, rand(0, min(cap, base·2^n)) with n = failed attempts before this one, honouring
    // Retry-After.
    qint64 backoffMs(int attempts, const QByteArray &retryAfter);

private:
    std::mt19937_64 m_rng;
};

} // namespace windowdesk::sync

namespace windowdesk::sync {
// The platform's API version as last seen (storage::kPlatformApiVersionState).
QString platformApiVersion(storage::Database &db, const Clock &clock);
// "平台暂不支持 …" for `count` 1.1 writes kept locally.
QString unsupportedNotice(int count);
} // namespace windowdesk::sync

Q_DECLARE_METATYPE(windowdesk::sync::SyncSummary)
