#pragma once
// One sync run (sync-rules.md): start-up recovery of in_flight rows, the outbox push (per-row states,
// classification, full-jitter backoff with Retry-After, children after parents) and, alongside it, the pull
// streams (keys, calendars, catalog items and bundles, case changes, evaluation changes), each page applied
// with its cursor in one transaction. Lives in the sync worker thread with its own database connection.
#include "apiclient.h"
#include "syncconfig.h"
#include "tokenholder.h"

#include <windowdesk/core/result.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <optional>
#include <random>

namespace windowdesk {
class Clock;
} // namespace windowdesk
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
    int pending = 0;
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

struct LoginOutcome {
    Status status;               // invalid_credentials, account_locked, network errors, ...
    bool keychainStored = false; // false: tokens kept in memory for this run only (set by the TokenHolder)
    QString keychainMessage;
    QJsonObject user;
    Tokens tokens; // on success: the new pair, for the program's token holder
};

class SyncEngine : public QObject {
    Q_OBJECT
public:
    // The engine never touches the keychain (it runs in the sync worker thread): its tokens are adopted
    // from the program's TokenHolder, and the pairs it gets are handed back through loginFinished() and
    // tokensChanged().
    SyncEngine(storage::Database &db, const Clock &clock, SyncConfig config, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Asynchronous; emits finished() once. Requires the caller to hold the sync lock.
    void start(const SyncRunOptions &options);
    // POST /auth/login; on success uses the tokens from now on (LoginOutcome::tokens) and stores the
    // offline verifier. Emits loginFinished().
    void login(const QString &username, const QString &password);

    // Tests: the n-th database write of this engine fails (as if the process died before COMMIT).
    void setFailNthWriteForTest(int n) { m_failNthWrite = n; }
    ApiClient *api() const { return m_api; }
    // Tokens another holder in this program got (a login or a refresh of the GUI's online calls): used from
    // the next request on. Refresh tokens rotate, so the holders share the newest pair.
    void adoptTokens(const Tokens &tokens);

Q_SIGNALS:
    void progress(const QString &stream, int records);
    void finished(const windowdesk::sync::SyncSummary &summary);
    void loginFinished(const windowdesk::sync::LoginOutcome &outcome);
    void pushedOne(const QString &opId);
    // An answer never arrived, for a cause not seen before in this run (code: see isTransportError()).
    void problem(const QString &code, const QString &message);
    // After a refresh: the newest pair (the refresh token rotated), for the program's token holder.
    void tokensChanged(const windowdesk::sync::Tokens &tokens);

private:
    // Push
    void fillPush();
    QString resolvedPath(const storage::OutboxEntry &e);
    void sendEntry(const storage::OutboxEntry &e, const QString &path);
    void flushResults();
    void releaseUnsent();
    void pushAnswered(const storage::OutboxEntry &e, const ApiResponse &r);
    Status applyCaseAnswer(const QString &localId, const QJsonObject &c);
    qint64 backoffMs(int attempts, const QByteArray &retryAfter);
    void schedulePushWake();
    // Pull
    void nextStream();
    void pullPage();
    void pullAnswered(const ApiResponse &r);
    void pullRetry(const ApiResponse &r);
    Status applyKeys(const QByteArray &body);
    Status applyCalendar(const QByteArray &body);
    Result<int> applyChangesPage(const QString &stream, const QByteArray &body, QString *cursor,
                                 bool *hasMore);
    QString storedCursor(const QString &stream);
    // Shared
    Status guardedWrite(const std::function<Status()> &fn);
    void addError(const QString &keyName, const QString &key, const QString &code, const QString &message);
    bool expired() const;
    void noteUnreachable(const ApiResponse &r);
    void maybeFinish();
    void finish();
    void begin();
    void loginAttempt(const QString &username, const QString &password, int attempt);

    storage::Database &m_db;
    const Clock &m_clock;
    SyncConfig m_config;
    ApiClient *m_api;
    storage::OutboxRepository m_outbox;
    SyncRunOptions m_options;
    SyncSummary m_summary;
    QElapsedTimer m_elapsed;
    QTimer m_pushWake;
    QTimer m_deadline;
    std::mt19937_64 m_rng;
    bool m_running = false;
    bool m_pushDone = false;
    bool m_pullDone = false;
    bool m_unreachable = false;               // this run met an unreachable platform (stopWhenUnreachable)
    QMap<QString, QString> m_transportErrors; // causes of lost answers in this run: code → message
    QSet<QString> m_sending;
    QList<std::pair<storage::OutboxEntry, QString>> m_sendQueue; // marked in_flight, not yet sent
    struct PushResult {
        QString opId;
        enum Kind { Done, Retry, Attention } kind;
        QString code;
        QString message;
        std::function<Status()> write;
    };
    QList<PushResult> m_results; // answers not yet written
    QTimer m_flushTimer;
    int m_failNthWrite = 0;
    int m_writes = 0;

    struct Stream {
        QString name; // keys | calendar:<year> | catalog_items | catalog_bundles | case_changes |
                      // evaluation_changes
        QString path;
        bool paged = false;
    };
    QList<Stream> m_streams;
    int m_streamIndex = -1;
    int m_streamAttempts = 0;
    bool m_restartedAfter410 = false;
    bool m_pullInFlight = false;
    QString m_sentCursor;
};

} // namespace windowdesk::sync

Q_DECLARE_METATYPE(windowdesk::sync::SyncSummary)
Q_DECLARE_METATYPE(windowdesk::sync::LoginOutcome)
