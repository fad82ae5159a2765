#pragma once
// POST /auth/login for the sync worker (platform-api.md, Auth): asked again after a lost or refused-for-now
// answer (a login is not a write), the new pair used by the transport from then on and handed back in the
// outcome for the program's TokenHolder (which alone stores tokens), and the offline verifier stored so the
// clerk can log in at the window while the platform is unreachable.
#include "apiclient.h"

#include <windowdesk/core/result.h>

#include <QJsonObject>
#include <QObject>
#include <functional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

struct LoginOutcome {
    Status status;               // invalid_credentials, account_locked, network errors, ...
    bool keychainStored = false; // false: tokens kept in memory for this run only (set by the TokenHolder)
    QString keychainMessage;
    QJsonObject user;
    Tokens tokens; // on success: the new pair, for the program's token holder
};

class PlatformAuth : public QObject {
    Q_OBJECT
public:
    // `backoffMs(attempt, retryAfter)`: the wait before asking again.
    PlatformAuth(storage::Database &db, const Clock &clock, ApiClient &api,
                 std::function<qint64(int, const QByteArray &)> backoffMs, QObject *parent = nullptr);

    // Emits finished() once; `answered` sees every answer first (the run tells a lost one at once).
    void login(const QString &username, const QString &password,
               std::function<void(const ApiResponse &)> answered = {});

Q_SIGNALS:
    void finished(const windowdesk::sync::LoginOutcome &outcome);

private:
    void attempt(const QString &username, const QString &password, int n,
                 std::function<void(const ApiResponse &)> answered);
    void accepted(const QString &username, const QString &password, const QJsonObject &answer,
                  const QByteArray &apiVersion);
    void storeOfflineVerifier(const QString &username, const QString &password, const QJsonObject &user);

    storage::Database &m_db;
    const Clock &m_clock;
    ApiClient &m_api;
    std::function<qint64(int, const QByteArray &)> m_backoffMs;
};

// Stores the platform's API version from an answer's X-Api-Version header (empty: "1.0").
void storePlatformApiVersion(storage::Database &db, const Clock &clock, const QByteArray &header);

} // namespace windowdesk::sync

Q_DECLARE_METATYPE(windowdesk::sync::LoginOutcome)
