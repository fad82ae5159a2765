#pragma once
// The sync worker: a QThread with its own named database connection, its own QNetworkAccessManager (inside
// the SyncEngine) and its own keychain access. GUI and CLI both drive sync through it.
#include "syncengine.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

class SyncWorker : public QObject {
    Q_OBJECT
public:
    // `secretService`: keychain service name (tests use their own); empty = no keychain at all.
    // `database`: the caller's connection; the worker opens its own named one from it
    // (openAnotherConnection).
    SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock,
               QString secretService = QStringLiteral("WindowDesk"), QObject *parent = nullptr);
    ~SyncWorker() override;

    void runSync(const SyncRunOptions &options);                                   // emits syncFinished
    void runLogin(const QString &username, const QString &password, bool persist); // emits loginFinished
    bool busy() const { return m_busy; }
    // Tokens from another holder in this program (a login without keychain, the GUI's online calls).
    void setTokens(const Tokens &tokens);
    void setFailNthWriteForTest(int n) { m_failNthWrite = n; }

    // Blocking helpers for the CLI and tests (a local event loop in the calling thread, never the GUI's).
    SyncSummary syncAndWait(const SyncRunOptions &options);
    LoginOutcome loginAndWait(const QString &username, const QString &password, bool persist);

Q_SIGNALS:
    void progress(const QString &stream, int records);
    void syncFinished(const windowdesk::sync::SyncSummary &summary);
    void loginFinished(const windowdesk::sync::LoginOutcome &outcome);
    // The engine logged in or refreshed: the newest pair (refresh tokens rotate).
    void tokensChanged(const windowdesk::sync::Tokens &tokens);

private:
    class Inner;
    QThread m_thread;
    Inner *m_inner = nullptr; // lives in m_thread
    bool m_busy = false;
    int m_failNthWrite = 0;
};

} // namespace windowdesk::sync
