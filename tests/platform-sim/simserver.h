#pragma once
// HTTP transport of the simulator with fault injection. QAbstractHttpServer hands over the socket, so a
// fault can drop the connection after the platform committed, cut a body short, delay or never answer.
#include "platform.h"

#include <QAbstractHttpServer>
#include <QRandomGenerator>

namespace windowdesk::sim {

struct Faults {
    double dropAfterCommit = 0;             // abort the connection after the request was processed
    QList<std::pair<int, double>> statuses; // http-<code>=p: answer <code> before processing (nothing stored)
    double retryAfterDate = 0;              // share of Retry-After headers sent as an HTTP-date
    double truncate = 0;                    // send the headers and half the body, then close
    double hang = 0;                        // never answer
    int delayMs = 0;                        // delay each answer by a random 0..delayMs
    int failNth = 0;           // drop the connection after committing the N-th API request (once)
    qint64 tokenTtlS = -1;     // -1: unchanged
    qint64 refreshGraceS = -1; // -1: unchanged (60 s, platform-api.md)

    // "drop-after-commit=0.2,http-503=0.1,truncate=0.05,delay-ms=300,token-ttl-s=5,hang=0,fail-nth=3";
    // http-<code> for 408, 429, 500, 502, 503, 504.
    static bool parse(const QString &spec, Faults *out, QString *error);
};

class SimServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    SimServer(Platform *platform, const Faults &faults, quint32 seed, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(QTcpSocket *socket, const Response &response, const QByteArray &requestId, bool truncate,
               bool close);
    QByteArray retryAfter();
    void log(const QByteArray &requestId, const QByteArray &method, const QString &route, int status,
             const char *fault);

    Platform *m_platform;
    Faults m_faults;
    QRandomGenerator m_rng;
    qint64 m_apiRequests = 0;
};

} // namespace windowdesk::sim
