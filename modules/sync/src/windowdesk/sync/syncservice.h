#pragma once
// The GUI's sync: a SyncWorker run on a timer, when the network comes back and on "sync now", under the
// database's sync lock (a CLI sync at the same time makes the GUI skip that round). The lead wires
// status() to the status bar.
#include "syncconfig.h"
#include "syncstatus.h"
#include "syncworker.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>

namespace windowdesk::sync {

class SyncLock;

class SyncService : public QObject {
    Q_OBJECT
public:
    // `tokens`: the program's token holder (null: one of its own without keychain, tokens via setTokens()).
    SyncService(storage::Database &db, const Clock &clock, SyncConfig config, TokenHolder *tokens = nullptr,
                QObject *parent = nullptr);
    bool running() const { return m_worker->busy(); }
    ~SyncService() override;

    SyncStatus *status() const { return m_status; }
    // Between runs while the platform answers (default 60 s) and while it cannot be reached (default
    // 15 s): the hall's LAN may stay up while the platform's link is down, so the client probes for the
    // platform's return itself instead of relying on the system's network state alone.
    void setInterval(int ms);
    void setOfflineInterval(int ms);
    int currentInterval() const { return m_timer.interval(); }
    void start();   // timer + network-back trigger + a first run
    void syncNow(); // no-op while a run is under way or another process holds the lock
    // After the clerk logs in again (e.g. at the login screen): tokens stored by a login run.
    void login(const QString &username, const QString &password);
    // Tokens of a login without keychain (memory only), into the token holder.
    void setTokens(const Tokens &tokens) { m_worker->setTokens(tokens); }
    // The system's network state (QNetworkInformation): back online → a run at once.
    void networkReachabilityChanged(bool reachable);

Q_SIGNALS:
    void finished(const windowdesk::sync::SyncSummary &summary);
    // A page of `stream` with new records was applied during the run under way (emitted in this object's
    // thread, at most once per page): the pulled records can be read now.
    void pulled(const QString &stream);
    void loginFinished(const windowdesk::sync::LoginOutcome &outcome);
    void tokensChanged(const windowdesk::sync::Tokens &tokens);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    SyncStatus *m_status;
    std::unique_ptr<SyncWorker> m_worker;
    std::unique_ptr<SyncLock> m_lock;
    QTimer m_timer;
    QHash<QString, int> m_pulledThisRun; // records applied per stream in the run under way
    QTimer m_watch; // the outbox counts, every second: writes saved between runs show at once
    int m_onlineInterval = 60 * 1000;
    int m_offlineInterval = 15 * 1000;
};

} // namespace windowdesk::sync
