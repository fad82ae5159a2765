#pragma once
// One sync run (sync-rules.md): start-up recovery of in_flight rows, then the outbox push (OutboxPusher) and,
// alongside it, the pull streams (StreamPuller). The engine only coordinates: it logs in when the run asks
// for it (PlatformAuth), keeps the deadline, notices an unreachable platform, decides when the run is over
// and writes its summary. What a pulled change or an answer means for cases and evaluations is their
// module's rule (storage::StreamApplier, registered by the program). Lives in the sync worker thread with
// its own database connection.
#include "apiclient.h"
#include "platformauth.h"
#include "syncconfig.h"
#include "syncrun.h"
#include "tokenholder.h"

#include <windowdesk/core/result.h>

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

namespace windowdesk {
class Clock;
} // namespace windowdesk
namespace windowdesk::storage {
class Database;
class StreamApplier;
} // namespace windowdesk::storage

namespace windowdesk::sync {

class OutboxPusher;
class StreamPuller;

class SyncEngine : public QObject {
    Q_OBJECT
public:
    // The engine never touches the keychain (it runs in the sync worker thread): its tokens are adopted
    // from the program's TokenHolder, and the pairs it gets are handed back through loginFinished() and
    // tokensChanged(). The appliers registered with storage::registerStreamApplier() are made here, over
    // `db`.
    SyncEngine(storage::Database &db, const Clock &clock, SyncConfig config, QObject *parent = nullptr);
    ~SyncEngine() override;

    // Asynchronous; emits finished() once. Requires the caller to hold the sync lock.
    void start(const SyncRunOptions &options);
    // POST /auth/login; on success uses the tokens from now on (LoginOutcome::tokens) and stores the
    // offline verifier. Emits loginFinished().
    void login(const QString &username, const QString &password);

    // Tests: the n-th database write of this engine fails (as if the process died before COMMIT).
    void setFailNthWriteForTest(int n) { m_run.failNthWrite = n; }
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
    void loginForRun();
    bool haveTokens();
    void begin();
    void beginParts();
    bool needsApiVersion() const;
    void probeApiVersion(int attempt);
    void noteUnreachable(const ApiResponse &r);
    void maybeFinish();
    void finish();
    void addTransportErrors();
    void storeOutcome();

    SyncConfig m_config;
    ApiClient *m_api;
    SyncRun m_run;
    std::vector<std::unique_ptr<storage::StreamApplier>> m_appliers;
    OutboxPusher *m_pusher;
    StreamPuller *m_puller;
    PlatformAuth *m_auth;
    QElapsedTimer m_elapsed;
    QTimer m_deadline;
    QMap<QString, QString> m_transportErrors; // causes of lost answers in this run: code → message
};

} // namespace windowdesk::sync
