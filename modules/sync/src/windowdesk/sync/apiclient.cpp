#include "apiclient.h"

#include "platformreaders.h"
#include "synclogging.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

QByteArray Tokens::toJson() const {
    return QJsonDocument(QJsonObject{{u"access_token"_s, accessToken},
                                     {u"refresh_token"_s, refreshToken},
                                     {u"username"_s, username}})
        .toJson(QJsonDocument::Compact);
}

Tokens Tokens::fromJson(const QByteArray &json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    return {o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(),
            o.value(u"username"_s).toString()};
}

bool isTransportError(const QString &code) {
    static const QStringList codes{u"connection_refused"_s, u"host_not_found"_s, u"tls_untrusted"_s,
                                   u"timeout"_s, u"network_error"_s};
    return codes.contains(code);
}

qint64 retryAfterMs(const QByteArray &value, const QDateTime &now) {
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    if (ok)
        return secs < 0 ? -1 : secs * 1000;
    // HTTP-date (RFC 7231 IMF-fixdate; RFC 850 and asctime forms are obsolete but tolerated where Qt reads
    // them).
    QDateTime t = QLocale::c().toDateTime(QString::fromLatin1(v), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
    if (!t.isValid())
        t = QDateTime::fromString(QString::fromLatin1(v), Qt::RFC2822Date);
    if (!t.isValid())
        return -1;
    t = QDateTime(t.date(), t.time(), QTimeZone::utc());
    return qMax<qint64>(0, now.msecsTo(t));
}

ApiClient::ApiClient(SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_nam(new QNetworkAccessManager(this)) {
    // Qt re-sends on its own after a dropped connection; our key makes that harmless. No cookies, no cache.
    m_nam->setAutoDeleteReplies(false);
    m_ssl = QSslConfiguration::defaultConfiguration();
    if (!m_config.caCertPath.isEmpty()) {
        const auto certs = QSslCertificate::fromPath(m_config.caCertPath, QSsl::Pem);
        if (certs.isEmpty())
            qCWarning(lcSync) << "hall CA certificate could not be read; using the system CAs only";
        else {
            m_ssl.addCaCertificates(certs);
            m_hasCa = true;
        }
    }
}

ApiClient::~ApiClient() = default;

void ApiClient::send(const ApiRequest &request, Callback done) {
    m_queue.push_back({request, std::move(done), false});
    // Started at once (the answer always comes later, from the event loop), so a caller that writes to its
    // database next has the request on its way meanwhile. A stopped client answers from the event loop.
    if (m_stopped || m_authLost)
        QTimer::singleShot(0, this, &ApiClient::pump);
    else
        pump();
}

void ApiClient::stopStarting() {
    m_stopped = true;
    QTimer::singleShot(0, this, &ApiClient::pump);
}

void ApiClient::pump() {
    if (m_stopped || m_authLost) {
        ApiResponse r;
        r.errorCode = m_authLost ? u"login_required"_s : u"cancelled"_s;
        r.errorMessage = m_authLost ? u"请重新登录 / please log in again"_s : u"sync stopped"_s;
        if (m_authLost)
            r.status = 401;
        auto queue = std::move(m_queue);
        m_queue.clear();
        for (auto &p : queue)
            p.done(r);
        return;
    }
    while (!m_refreshing && m_active < m_config.maxInFlight && !m_queue.empty()) {
        Pending p = std::move(m_queue.front());
        m_queue.pop_front();
        start(std::move(p));
    }
}

QNetworkRequest ApiClient::buildRequest(const ApiRequest &r, const QString &requestId) const {
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u"/api/v1"_s + r.path);
    if (!r.query.isEmpty())
        url.setQuery(r.query);
    QNetworkRequest nr(url);
    nr.setTransferTimeout(m_config.timeoutMs);
    nr.setRawHeader("X-Request-Id", requestId.toLatin1());
    nr.setRawHeader("Accept", "application/json");
    if (!r.body.isEmpty() || r.method == "POST")
        nr.setHeader(QNetworkRequest::ContentTypeHeader,
                     QByteArrayLiteral("application/json; charset=utf-8"));
    if (!r.idempotencyKey.isEmpty())
        nr.setRawHeader("Idempotency-Key", r.idempotencyKey.toLatin1());
    if (r.authenticated && !m_tokens.accessToken.isEmpty())
        nr.setRawHeader("Authorization", "Bearer " + m_tokens.accessToken.toLatin1());
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (url.scheme() == u"https"_s)
        nr.setSslConfiguration(m_ssl);
    return nr;
}

void ApiClient::start(Pending p) {
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QNetworkRequest nr = buildRequest(p.request, requestId);
    QNetworkReply *reply = m_nam->sendCustomRequest(nr, p.request.method, p.request.body);
    ++m_active;
    const QString accessUsed = m_tokens.accessToken;
    connect(reply, &QNetworkReply::finished, this, [this, reply, p = std::move(p), accessUsed]() mutable {
        finished(reply, std::move(p), accessUsed);
    });
}

namespace {
// What the clerk and the CLI see for an answer that never arrived: the cause, at once, in both languages.
void describeTransportFailure(ApiResponse &r, QNetworkReply::NetworkError error, const QString &detail,
                              const QUrl &url) {
    const QString where = url.host() + (url.port() > 0 ? u":%1"_s.arg(url.port()) : QString());
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        r.errorCode = u"connection_refused"_s;
        r.errorMessage =
            u"政务服务平台拒绝连接（%1 无服务在运行，或地址、端口有误）/ the platform refused the "
            u"connection: nothing listens at %1 (%2)"_s.arg(where, detail);
        return;
    case QNetworkReply::HostNotFoundError:
        r.errorCode = u"host_not_found"_s;
        r.errorMessage = u"找不到政务服务平台的主机 %1（请检查平台地址和网络的域名解析）/ unknown host %1 "
                         u"(%2)"_s.arg(url.host(), detail);
        return;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        r.errorCode = u"tls_untrusted"_s;
        r.errorMessage = u"政务服务平台的证书不受信任（请在设置中配置大厅 CA 证书）/ the platform's "
                         u"certificate is not trusted: set the hall CA certificate (%1)"_s.arg(detail);
        return;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        r.errorCode = u"timeout"_s;
        r.errorMessage =
            u"政务服务平台未在时限内应答 / the platform did not answer in time (%1)"_s.arg(detail);
        return;
    default:
        r.errorCode = u"network_error"_s;
        r.errorMessage = u"网络错误 / network error: %1"_s.arg(detail);
        return;
    }
}

ApiResponse toResponse(QNetworkReply *reply) {
    ApiResponse r;
    r.networkError = reply->error();
    r.requestId = QString::fromLatin1(reply->request().rawHeader("X-Request-Id"));
    r.apiVersion = reply->rawHeader("X-Api-Version").trimmed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // A body cut short or a connection dropped: no usable answer even if a status line arrived.
    const bool transportFailed = reply->error() != QNetworkReply::NoError && reply->error() < 100;
    r.timedOut = reply->error() == QNetworkReply::OperationCanceledError ||
                 reply->error() == QNetworkReply::TimeoutError;
    if (status.isValid() && !transportFailed) {
        r.status = status.toInt();
        r.body = reply->readAll();
        r.retryAfter = reply->rawHeader("Retry-After");
        if (r.status >= 300) {
            ErrorBody e = readErrorBody(r.body, r.status);
            r.errorCode = std::move(e.code);
            r.errorMessage = std::move(e.message);
            r.errorDetails = std::move(e.details);
        }
    } else {
        r.status = 0;
        describeTransportFailure(r, reply->error(), reply->errorString(), reply->url());
    }
    return r;
}
} // namespace

void ApiClient::finished(QNetworkReply *reply, Pending p, const QString &accessUsed) {
    --m_active;
    reply->deleteLater();
    ApiResponse r = toResponse(reply);
    qCDebug(lcSync) << p.request.method << p.request.path.section(u'/', 1, 1) << r.status << r.errorCode
                    << "request" << r.requestId;
    if (r.status == 401 && p.request.authenticated) {
        if (r.errorCode == u"token_expired"_s && !p.replayed) {
            p.replayed = true; // replayed once after the refresh
            if (m_tokens.accessToken != accessUsed && !m_tokens.accessToken.isEmpty()) {
                m_queue.push_front(std::move(p)); // refreshed meanwhile: just replay
            } else {
                m_waitingForRefresh.append(std::move(p));
                if (!m_refreshing)
                    refresh();
            }
            pump();
            return;
        }
        if (r.errorCode != u"token_expired"_s) {
            m_authLost = true;
            qCWarning(lcSync) << "platform refused the session:" << r.errorCode;
            Q_EMIT loginRequired(r.errorCode);
        }
    }
    p.done(r);
    pump();
}

void ApiClient::refresh() {
    m_refreshing = true;
    ++m_refreshes;
    ApiRequest rq;
    rq.method = "POST";
    rq.path = u"/auth/refresh"_s;
    rq.authenticated = false;
    rq.body = QJsonDocument(QJsonObject{{u"refresh_token"_s, m_tokens.refreshToken}})
                  .toJson(QJsonDocument::Compact);
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QNetworkReply *reply = m_nam->sendCustomRequest(buildRequest(rq, requestId), rq.method, rq.body);
    ++m_active;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        --m_active;
        reply->deleteLater();
        refreshFinished(toResponse(reply));
    });
}

void ApiClient::refreshFinished(const ApiResponse &r) {
    if (r.ok()) {
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const QString access = o.value(u"access_token"_s).toString();
        const QString refreshToken = o.value(u"refresh_token"_s).toString();
        if (!access.isEmpty() && !refreshToken.isEmpty()) {
            m_tokens.accessToken = access;
            m_tokens.refreshToken = refreshToken;
            m_refreshing = false;
            m_refreshAttempts = 0;
            qCInfo(lcSync) << "access token refreshed";
            Q_EMIT tokensRefreshed(m_tokens);
            for (auto &p : m_waitingForRefresh)
                m_queue.push_front(std::move(p));
            m_waitingForRefresh.clear();
            pump();
            return;
        }
    }
    const bool retryable = r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500 ||
                           (r.ok()); // a 2xx without tokens is a damaged answer: ask again
    if (retryable && m_refreshAttempts < 4 && !m_stopped) {
        // The answer may have been lost after the server rotated the pair: the same refresh token gets the
        // same new pair again for a while (platform-api.md), so re-send it rather than logging out.
        const int delay = 250 << m_refreshAttempts;
        ++m_refreshAttempts;
        qCInfo(lcSync) << "refresh failed (" << r.errorCode << "), re-sending";
        QTimer::singleShot(delay, this, [this] {
            --m_refreshes; // one logical refresh
            refresh();
        });
        return;
    }
    m_refreshing = false;
    m_refreshAttempts = 0;
    ApiResponse fail = r;
    if (!retryable) {
        m_authLost = true;
        fail.status = 401;
        fail.errorCode = u"login_required"_s;
        fail.errorMessage = u"登录已失效，请重新登录 / please log in again"_s;
        qCWarning(lcSync) << "refresh refused:" << r.errorCode;
        Q_EMIT loginRequired(r.errorCode);
    }
    failWaiting(fail);
    pump();
}

void ApiClient::failWaiting(const ApiResponse &r) {
    auto waiting = std::move(m_waitingForRefresh);
    m_waitingForRefresh.clear();
    for (auto &p : waiting)
        p.done(r);
}

} // namespace windowdesk::sync
