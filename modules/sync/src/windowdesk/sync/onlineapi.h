#pragma once
// Online-only platform calls made from the GUI thread — the queue (叫号) and e-license resolve/confirm/file —
// which are never queued in the outbox (platform-api.md: "Queue calls are online only"). Same transport
// rules as the sync worker (ApiClient: timeouts, X-Request-Id, one refresh at a time, HTTPS except loopback);
// the tokens are the ones the sync login stored in the keychain, and rotated tokens are written back there.
#include "apiclient.h"

#include <QObject>
#include <memory>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

class OnlineApi : public QObject {
    Q_OBJECT
public:
    // `secretService`: keychain service of the tokens (empty: no keychain — tokens only via setTokens()).
    OnlineApi(SyncConfig config, QString secretService = QStringLiteral("WindowDesk"),
              QObject *parent = nullptr);
    ~OnlineApi() override;

    // Re-reads the tokens from the keychain (after a login). The keychain job is asynchronous (no nested
    // event loop in the GUI thread): tokensLoaded() reports the outcome. Returns false when there is no
    // keychain service to read from.
    bool reloadTokens();
    void setTokens(const Tokens &tokens);
    // False when not logged in to the platform or the platform refused the tokens (login needed).
    bool available() const;

    // `done` runs in this (GUI) thread, never synchronously. Writes must carry request.idempotencyKey.
    void send(const ApiRequest &request, ApiClient::Callback done);
    ApiClient &client() { return *m_api; }

Q_SIGNALS:
    void loginRequired(const QString &code);
    // After reloadTokens(): `found` when the keychain held tokens (now in use).
    void tokensLoaded(bool found);
    // After a refresh: the newest pair, for the program's other token holders (refresh tokens rotate).
    void tokensChanged(const windowdesk::sync::Tokens &tokens);

private:
    void writeBack(const Tokens &tokens);
    std::unique_ptr<ApiClient> m_api;
    QString m_secretService;
    bool m_hasTokens = false;
};

} // namespace windowdesk::sync
