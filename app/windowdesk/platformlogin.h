#pragma once
// Login at the window when a platform is configured (issue 7, Auth): POST /auth/login through the sync
// worker (tokens kept by the program's TokenHolder: in the keychain, or in memory only for this run; the
// local user upserted with an offline
// verifier), and, when the platform cannot be reached, the local offline verifier with its lockout. A
// refusal by the platform (wrong password, locked account) never falls back to the offline verifier.
#include <windowdesk/core/result.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/sync/apiclient.h>
#include <windowdesk/sync/syncconfig.h>

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <memory>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::sync {
class SyncWorker;
class TokenHolder;
struct LoginOutcome;
} // namespace windowdesk::sync

namespace windowdesk::app {

class PlatformLogin : public QObject {
    Q_OBJECT
public:
    enum class Mode { Online, Offline };
    struct Success {
        storage::User user;
        Mode mode = Mode::Online;
        bool tokensInMemoryOnly = false; // online, but no keychain: tokens live for this run only
        QString keychainMessage;
    };
    using Reply = std::function<void(Result<Success>)>;

    // `tokens`: the program's token holder (it keeps the login's tokens, in the keychain when it has one);
    // it must outlive this object. A `config` error (e.g. an insecure platform URL) leaves the offline
    // verifier as the only way in.
    PlatformLogin(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                  Result<sync::SyncConfig> config, sync::TokenHolder &tokens, QObject *parent = nullptr);
    ~PlatformLogin() override;

    // Asynchronous: `reply` is called exactly once, later, in this thread. A new login abandons the previous.
    // Errors: the platform's refusal (invalid_credentials, account_locked, … with its message),
    // offline_unknown_user, and those of UserRepository::authenticate when offline.
    void login(const QString &username, const QString &password, Reply reply);
    // Longest wait for the platform before logging in offline (the worker retries lost answers meanwhile).
    void setDeadline(int ms) { m_deadline.setInterval(ms); }

    // True for the answers that mean "the platform could not be reached" (network, timeout, 5xx, 429).
    static bool isUnreachable(const QString &code);

private:
    void answered(const sync::LoginOutcome &outcome);
    void offline(const QString &reasonCode);
    void finish(Result<Success> result);
    void makeWorker();

    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    sync::SyncConfig m_config;
    QString m_configError; // non-empty: no platform login possible
    sync::TokenHolder &m_tokens;
    std::unique_ptr<sync::SyncWorker> m_worker;
    QTimer m_deadline;
    QString m_username;
    QString m_password;
    Reply m_reply;
};

} // namespace windowdesk::app
