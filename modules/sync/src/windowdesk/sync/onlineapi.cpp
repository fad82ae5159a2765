#include "onlineapi.h"

#include "synclogging.h"
#include "tokenholder.h"

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

OnlineApi::OnlineApi(SyncConfig config, TokenHolder *tokens, QObject *parent)
    : QObject(parent)
    , m_api(std::make_unique<ApiClient>(std::move(config), this)) {
    if (tokens) {
        // The holder's pair now and whenever it changes (a login, the sync worker's refresh); this client's
        // refresh goes back to the holder, which stores it when the old pair was stored.
        setTokens(tokens->tokens());
        connect(tokens, &TokenHolder::changed, this, &OnlineApi::setTokens);
        connect(m_api.get(), &ApiClient::tokensRefreshed, tokens, &TokenHolder::adoptRefreshed);
    }
    connect(m_api.get(), &ApiClient::tokensRefreshed, this, &OnlineApi::tokensChanged);
    connect(m_api.get(), &ApiClient::loginRequired, this, &OnlineApi::loginRequired);
}

OnlineApi::~OnlineApi() = default;

void OnlineApi::setTokens(const Tokens &tokens) {
    m_api->setTokens(tokens);
    m_api->resetAuthLost();
    m_hasTokens = !tokens.isEmpty();
}

bool OnlineApi::available() const {
    return m_hasTokens && !m_api->authLost();
}

void OnlineApi::send(const ApiRequest &request, ApiClient::Callback done) {
    if (!available()) {
        // Answered asynchronously like every other request, so callers have one code path.
        ApiResponse r;
        r.errorCode = u"login_required"_s;
        r.errorMessage = u"未登录政务服务平台"_s;
        QMetaObject::invokeMethod(
            this, [done = std::move(done), r] { done(r); }, Qt::QueuedConnection);
        return;
    }
    m_api->send(request, std::move(done));
}

} // namespace windowdesk::sync
