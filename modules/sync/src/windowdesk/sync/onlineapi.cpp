#include "onlineapi.h"

#include "syncengine.h"
#include "synclogging.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

OnlineApi::OnlineApi(SyncConfig config, QString secretService, QObject *parent)
    : QObject(parent)
    , m_api(std::make_unique<ApiClient>(std::move(config), this))
    , m_secretService(std::move(secretService)) {
    // The platform rotates refresh tokens: the new pair must reach the keychain, or the next start (and the
    // sync worker) would present a refresh token that is no longer valid.
    connect(m_api.get(), &ApiClient::tokensRefreshed, this, &OnlineApi::writeBack);
    connect(m_api.get(), &ApiClient::tokensRefreshed, this, &OnlineApi::tokensChanged);
    connect(m_api.get(), &ApiClient::loginRequired, this, &OnlineApi::loginRequired);
}

OnlineApi::~OnlineApi() = default;

bool OnlineApi::reloadTokens() {
    if (m_secretService.isEmpty())
        return false;
    // Asynchronous job, deleted by itself once finished; the answer arrives in this thread. The job has no
    // parent: libsecret answers it later, and a job deleted with a closed session would be answered after
    // its deletion (a crash seen when logging out mid-read). The context object drops our slot instead.
    auto *job = new QKeychain::ReadPasswordJob(m_secretService);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QString::fromLatin1(kTokensSecretKey));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        bool found = false;
        if (job->error() == QKeychain::NoError) {
            const Tokens t = Tokens::fromJson(job->binaryData());
            if (!t.isEmpty()) {
                setTokens(t);
                found = true;
            }
        } else if (job->error() != QKeychain::EntryNotFound) {
            qCWarning(lcSync) << "online api: keychain read failed:" << int(job->error());
        }
        Q_EMIT tokensLoaded(found);
    });
    job->start();
    return true;
}

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

void OnlineApi::writeBack(const Tokens &tokens) {
    if (m_secretService.isEmpty())
        return;
    auto *job = new QKeychain::WritePasswordJob(m_secretService); // no parent: see reloadTokens()
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(QString::fromLatin1(kTokensSecretKey));
    job->setBinaryData(tokens.toJson());
    connect(job, &QKeychain::Job::finished, this, [job] {
        if (job->error() != QKeychain::NoError)
            qCWarning(lcSync) << "online api: rotated tokens not stored in the keychain:"
                              << int(job->error());
    });
    job->start();
}

} // namespace windowdesk::sync
