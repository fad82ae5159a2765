#include "simserver.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace windowdesk::sim {

namespace {
QByteArray reason(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 422:
        return "Unprocessable Entity";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}
} // namespace

bool Faults::parse(const QString &spec, Faults *out, QString *error) {
    Faults f;
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.section(u'=', 0, 0).trimmed();
        const QString value = part.section(u'=', 1).trimmed();
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || v < 0) {
            *error = u"bad fault value: %1"_s.arg(part);
            return false;
        }
        static const QList<int> codes = {408, 429, 500, 502, 503, 504};
        if (name == u"drop-after-commit"_s)
            f.dropAfterCommit = v;
        else if (name.startsWith(u"http-"_s) && codes.contains(name.mid(5).toInt()))
            f.statuses.append({name.mid(5).toInt(), v});
        else if (name == u"retry-after-date"_s)
            f.retryAfterDate = v;
        else if (name == u"truncate"_s)
            f.truncate = v;
        else if (name == u"hang"_s)
            f.hang = v;
        else if (name == u"delay-ms"_s)
            f.delayMs = int(v);
        else if (name == u"fail-nth"_s)
            f.failNth = int(v);
        else if (name == u"token-ttl-s"_s)
            f.tokenTtlS = qint64(v);
        else if (name == u"refresh-grace-s"_s)
            f.refreshGraceS = qint64(v);
        else {
            *error = u"unknown fault: %1"_s.arg(name);
            return false;
        }
    }
    *out = f;
    return true;
}

SimServer::SimServer(Platform *platform, const Faults &faults, quint32 seed, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_platform(platform)
    , m_faults(faults)
    , m_rng(seed) {}

void SimServer::missingHandler(const QHttpServerRequest &, QTcpSocket *) {}

void SimServer::log(const QByteArray &requestId, const QByteArray &method, const QString &route, int status,
                    const char *fault) {
    // Method, normalised route, status and request id only: never bodies, queries or personal data.
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + ' ' +
                            requestId + ' ' + method + ' ' + route.section(u' ', 1).toUtf8() + ' ' +
                            QByteArray::number(status) +
                            (fault ? QByteArray(" fault=") + fault : QByteArray()) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

bool SimServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    Request r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    if (r.path.startsWith(u"/api/v1/"_s) || r.path == u"/api/v1"_s)
        r.path = r.path.mid(7);
    r.query = request.query();
    for (const auto &[k, v] : request.headers())
        r.headers.insert(k.toLower(), v);
    r.body = request.body();
    QByteArray requestId = r.headers.value("x-request-id").left(100);
    for (char ch : requestId)
        if (!QChar::fromLatin1(ch).isLetterOrNumber() && ch != '-') {
            requestId.clear(); // only echo what is safe in a header and a log line
            break;
        }
    if (requestId.isEmpty())
        requestId = uuid().toLatin1();
    const bool close = r.headers.value("connection").toLower() == "close";
    const bool sim = r.path.startsWith(u"/sim/"_s);

    // Runtime fault changes: POST /sim/faults {"faults": "..."} (resets the fail-nth counter).
    if (sim && r.method == "POST" && r.path == u"/sim/faults"_s) {
        Faults f;
        QString err;
        const QString spec = QJsonDocument::fromJson(r.body).object().value(u"faults"_s).toString();
        Response resp;
        if (!Faults::parse(spec, &f, &err)) {
            resp.status = 400;
            resp.body = QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"bad_faults"_s},
                                                                           {u"message"_s, err},
                                                                           {u"details"_s, QJsonObject()}}}})
                            .toJson(QJsonDocument::Compact);
        } else {
            m_faults = f;
            m_apiRequests = 0;
            if (f.tokenTtlS >= 0)
                m_platform->setTokenTtl(f.tokenTtlS);
            if (f.refreshGraceS >= 0)
                m_platform->setRefreshGrace(f.refreshGraceS);
            resp.body = R"({"ok":true})";
        }
        log(requestId, r.method, u"POST /sim/faults"_s, resp.status, nullptr);
        write(socket, resp, requestId, false, close);
        return true;
    }

    const QString route = m_platform->routeOf(r.method, r.path);
    if (!sim) {
        ++m_apiRequests;
        m_platform->countRequest(route, r.headers.value("idempotency-key"));
        if (m_faults.hang > 0 && m_rng.generateDouble() < m_faults.hang) {
            m_platform->countFault(u"hang"_s);
            log(requestId, r.method, route, 0, "hang");
            // Never answered; the socket is closed eventually so that it does not leak.
            QPointer<QTcpSocket> s(socket);
            QTimer::singleShot(600000, this, [s] {
                if (s)
                    s->abort();
            });
            return true;
        }
        for (const auto &[code, share] : m_faults.statuses) {
            if (share <= 0 || m_rng.generateDouble() >= share)
                continue;
            m_platform->countFault(u"http_%1"_s.arg(code));
            Response resp;
            resp.status = code;
            const QByteArray errorCode = code == 408   ? "request_timeout"
                                         : code == 429 ? "rate_limited"
                                         : code == 503 ? "unavailable"
                                                       : "upstream_error";
            resp.body = "{\"error\":{\"code\":\"" + errorCode +
                        "\",\"message\":\"平台繁忙，请稍后重试\",\"details\":{}}}";
            if (code == 429 || code == 503)
                resp.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", retryAfter()));
            log(requestId, r.method, route, code, "http-status");
            write(socket, resp, requestId, false, close);
            return true;
        }
    }

    const Response resp = m_platform->handle(r);

    if (!sim) {
        const bool nth = m_faults.failNth > 0 && m_apiRequests == m_faults.failNth;
        if (nth || (m_faults.dropAfterCommit > 0 && m_rng.generateDouble() < m_faults.dropAfterCommit)) {
            m_platform->countFault(nth ? u"fail_nth"_s : u"drop_after_commit"_s);
            log(requestId, r.method, resp.route, resp.status, nth ? "fail-nth" : "drop-after-commit");
            socket->abort();
            if (!resp.inflightKey.isEmpty())
                m_platform->releaseInflight(resp.inflightKey);
            return true;
        }
    }
    const bool truncate =
        !sim && m_faults.truncate > 0 && m_rng.generateDouble() < m_faults.truncate && resp.body.size() > 1;
    int delay = 0;
    if (r.headers.contains("x-sim-delay-ms"))
        delay = qBound(0, r.headers.value("x-sim-delay-ms").toInt(), 60000);
    else if (!sim && m_faults.delayMs > 0)
        delay = int(m_rng.bounded(m_faults.delayMs + 1));
    if (truncate)
        m_platform->countFault(u"truncate"_s);
    if (delay > 0)
        m_platform->countFault(u"delayed"_s);
    log(requestId, r.method, resp.route, resp.status, truncate ? "truncate" : nullptr);
    if (delay == 0) {
        write(socket, resp, requestId, truncate, close);
        return true;
    }
    QPointer<QTcpSocket> s(socket);
    QTimer::singleShot(delay, this, [this, s, resp, requestId, truncate, close] {
        if (s)
            write(s, resp, requestId, truncate, close);
        else if (!resp.inflightKey.isEmpty())
            m_platform->releaseInflight(resp.inflightKey);
    });
    return true;
}

QByteArray SimServer::retryAfter() {
    // Both forms of the contract: delta-seconds, or (a share of the time) an HTTP-date 2 s ahead.
    if (m_faults.retryAfterDate > 0 && m_rng.generateDouble() < m_faults.retryAfterDate)
        return QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(2), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
            .toLatin1();
    return "1";
}

void SimServer::write(QTcpSocket *socket, const Response &response, const QByteArray &requestId,
                      bool truncate, bool close) {
    QByteArray out =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    if (response.status != 204) {
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    out += "X-Request-Id: " + requestId + "\r\n";
    if (m_platform->api11())
        out += "X-Api-Version: 1.1\r\n"; // platform-api.md 1.1: on every answer; a 1.0 server sends none
    for (const auto &[k, v] : response.headers)
        out += k + ": " + v + "\r\n";
    if (close || truncate)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (response.status != 204)
        out += truncate ? response.body.left(response.body.size() / 2) : response.body;
    socket->write(out);
    if (close || truncate)
        socket->disconnectFromHost();
    if (!response.inflightKey.isEmpty())
        m_platform->releaseInflight(response.inflightKey);
}

} // namespace windowdesk::sim
