#pragma once
// Online-only platform calls made from the GUI thread — the queue (叫号) and e-license resolve/confirm/file —
// which are never queued in the outbox (platform-api.md: "Queue calls are online only"). Same transport
// rules as the sync worker (ApiClient: timeouts, X-Request-Id, one refresh at a time, HTTPS except loopback);
// the tokens are the program's TokenHolder's, and a refreshed pair goes back to it (which stores it).
#include "apiclient.h"

#include <QObject>
#include <memory>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {
class TokenHolder;

class OnlineApi : public QObject {
    Q_OBJECT
public:
    // `tokens`: the program's token holder (null: tokens only via setTokens()); it must outlive this object.
    explicit OnlineApi(SyncConfig config, TokenHolder *tokens = nullptr, QObject *parent = nullptr);
    ~OnlineApi() override;

    void setTokens(const Tokens &tokens);
    // False when not logged in to the platform or the platform refused the tokens (login needed).
    bool available() const;

    // `done` runs in this (GUI) thread, never synchronously. Writes must carry request.idempotencyKey.
    void send(const ApiRequest &request, ApiClient::Callback done);
    ApiClient &client() { return *m_api; }

Q_SIGNALS:
    void loginRequired(const QString &code);
    // After a refresh: the newest pair (refresh tokens rotate), already handed to the token holder.
    void tokensChanged(const windowdesk::sync::Tokens &tokens);

private:
    std::unique_ptr<ApiClient> m_api;
    bool m_hasTokens = false;
};

} // namespace windowdesk::sync
