#pragma once
// The transport to the platform (platform-api.md, Conventions and Auth): one QNetworkAccessManager, up to
// N requests in flight, a transfer timeout and a fresh X-Request-Id on every request, the bearer token on
// every call but /auth/* and /keys, the hall CA if configured (never ignoreSslErrors), and exactly one
// refresh at a time on 401 token_expired, after which every request that was refused is replayed once.
// Lives in the sync worker thread.
#include "syncconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QSslConfiguration>
#include <QUrlQuery>
#include <deque>
#include <functional>

class QNetworkAccessManager;

namespace windowdesk::sync {

struct Tokens {
    QString accessToken;
    QString refreshToken;
    QString username;
    bool isEmpty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
    bool operator==(const Tokens &) const = default;
    QByteArray toJson() const;
    static Tokens fromJson(const QByteArray &json);
};

struct ApiRequest {
    QByteArray method = "GET";
    QString path; // relative to {base}/api/v1, e.g. "/cases"
    QUrlQuery query;
    QByteArray body;
    QString idempotencyKey;
    bool authenticated = true;
};

struct ApiResponse {
    int status = 0; // 0: no HTTP answer (network error, timeout, refused before sending)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    bool timedOut = false;
    QByteArray body;
    QByteArray retryAfter;
    QString requestId;
    QByteArray apiVersion; // X-Api-Version of the answer ("1.1"; empty from a 1.0 platform or no answer)
    QString errorCode;    // error.code of an error body, or a local code (login_required, network_error, ...)
    QString errorMessage; // error.message, or a short description
    QJsonObject errorDetails;
    bool ok() const { return status >= 200 && status < 300; }
};

class ApiClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResponse &)>;
    explicit ApiClient(SyncConfig config, QObject *parent = nullptr);
    ~ApiClient() override;

    const SyncConfig &config() const { return m_config; }
    void setTokens(const Tokens &t) { m_tokens = t; }
    const Tokens &tokens() const { return m_tokens; }
    // True after a 401 other than token_expired or a failed refresh: nothing new is sent until setTokens.
    bool authLost() const { return m_authLost; }
    void resetAuthLost() { m_authLost = false; }

    // Queues the request; `done` runs in this thread once it is finished (never synchronously).
    void send(const ApiRequest &request, Callback done);
    int activeCount() const { return m_active; }
    int queuedCount() const { return int(m_queue.size()); }
    int refreshCount() const { return m_refreshes; }
    // No new request starts (queued ones are answered with code "cancelled"); those in flight finish.
    void stopStarting();
    void resumeStarting() { m_stopped = false; }

Q_SIGNALS:
    void tokensRefreshed(const windowdesk::sync::Tokens &tokens);
    void loginRequired(const QString &code);

private:
    struct Pending {
        ApiRequest request;
        Callback done;
        bool replayed = false;
    };
    void pump();
    void start(Pending p);
    void finished(QNetworkReply *reply, Pending p, const QString &accessUsed);
    void refresh();
    void refreshFinished(const ApiResponse &r);
    void failWaiting(const ApiResponse &r);
    QNetworkRequest buildRequest(const ApiRequest &r, const QString &requestId) const;

    SyncConfig m_config;
    QNetworkAccessManager *m_nam;
    QSslConfiguration m_ssl;
    bool m_hasCa = false;
    Tokens m_tokens;
    std::deque<Pending> m_queue;
    QList<Pending> m_waitingForRefresh;
    int m_active = 0;
    bool m_refreshing = false;
    int m_refreshAttempts = 0;
    int m_refreshes = 0;
    bool m_authLost = false;
    bool m_stopped = false;
};

// Codes of answers that never arrived (ApiResponse::status 0), each with its own message: connection_refused
// (nothing listens at the platform's address), host_not_found (the name does not resolve),
// tls_untrusted (the platform's certificate is not trusted: the hall CA setting), timeout, network_error
// (anything else). All are retried with backoff like any lost answer.
bool isTransportError(const QString &code);

// Parses a Retry-After value (seconds or HTTP-date) into milliseconds from `now`; -1 when absent/invalid.
qint64 retryAfterMs(const QByteArray &value, const QDateTime &now);

} // namespace windowdesk::sync
