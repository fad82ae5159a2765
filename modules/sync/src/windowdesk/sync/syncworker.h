#pragma once
// The sync worker: a QThread with its own named database connection and its own QNetworkAccessManager
// (inside the SyncEngine). GUI and CLI both drive sync through it. The keychain stays in the caller's thread:
// the worker's tokens come from a TokenHolder there (the program's, or one of its own), and the pairs the
// engine gets (login, refresh) go back to it.
#include "syncengine.h"
#include "tokenholder.h"

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
    // `tokens`: the program's token holder (must outlive the worker).
    SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock, TokenHolder *tokens,
               QObject *parent = nullptr);
    // A holder of the worker's own: `secretService` is its keychain service (tests use their own; empty =
    // no keychain at all). `database`: the caller's connection; the worker opens its own named one from it.
    SyncWorker(const storage::Database &database, SyncConfig config, const Clock &clock,
               QString secretService = QStringLiteral("WindowDesk"), QObject *parent = nullptr);
    ~SyncWorker() override;

    void runSync(const SyncRunOptions &options);                                   // emits syncFinished
    void runLogin(const QString &username, const QString &password, bool persist); // emits loginFinished
    bool busy() const { return m_busy; }
    // Tokens of a login without keychain (memory only), into the holder.
    void setTokens(const Tokens &tokens) { m_tokens->setMemoryTokens(tokens); }
    TokenHolder *tokenHolder() const { return m_tokens; }
    void setFailNthWriteForTest(int n) { m_failNthWrite = n; }

    // For programs without an event loop of their own (the CLI, test functions): run at the top level
    // (TopLevelWait, never nested) until the run, and the keychain writes it caused, are done.
    SyncSummary syncAndWait(const SyncRunOptions &options);
    LoginOutcome loginAndWait(const QString &username, const QString &password, bool persist);

Q_SIGNALS:
    void progress(const QString &stream, int records);
    void syncFinished(const windowdesk::sync::SyncSummary &summary);
    void loginFinished(const windowdesk::sync::LoginOutcome &outcome);
    // The engine refreshed: the newest pair (refresh tokens rotate), already in the holder.
    void tokensChanged(const windowdesk::sync::Tokens &tokens);
    // The run met an answer that never arrived, for a cause new in this run (SyncEngine::problem()).
    void problem(const QString &code, const QString &message);

private:
    void init(const storage::Database &database, SyncConfig config, const Clock &clock);
    void dispatchSync(const SyncRunOptions &options);
    void loginAnswered(LoginOutcome outcome, bool persist);
    void connectEngine(SyncEngine *engine);
    class Inner;
    QThread m_thread;
    Inner *m_inner = nullptr; // lives in m_thread
    std::unique_ptr<TokenHolder> m_ownTokens;
    TokenHolder *m_tokens = nullptr;
    bool m_busy = false;
    bool m_reloadTokens = false; // the last run needed a login: read the keychain again first
    int m_failNthWrite = 0;
};

} // namespace windowdesk::sync
