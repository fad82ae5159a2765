#pragma once
// The helper's side of the protocol (readerprotocol.h): a QLocalServer in front of one CardReader. Every call
// into the reader runs on a worker thread, one at a time, so a slow or hung vendor library never stops the
// helper answering; a request the reader does not finish in time is answered `timeout`, and a reader stuck
// far beyond that makes the helper exit (the client starts a fresh one).
#include "cardreader.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <functional>
#include <memory>

class QLocalServer;
class QLocalSocket;

namespace windowdesk::reader {

class ReaderService : public QObject {
    Q_OBJECT
public:
    struct Options {
        int defaultTimeoutMs = 5000;
        int watchIntervalMs = 500;
        int stuckExitMs = 30000; // a reader call still running this long after its timeout: exit(3)
        bool exitWhenLastClientLeaves = true;
    };
    ReaderService(std::unique_ptr<CardReader> reader, Options options, QObject *parent = nullptr);
    ~ReaderService() override;

    bool listen(const QString &name, QString *error);

private:
    struct Client {
        QByteArray buffer;
        bool watching = false;
    };
    using Job = std::function<QJsonObject(CardReader &)>;

    void onConnection();
    void onReadyRead(QLocalSocket *socket);
    void handle(QLocalSocket *socket, const QJsonObject &request);
    void handleSim(QLocalSocket *socket, int id, const QJsonObject &request);
    void send(QLocalSocket *socket, const QJsonObject &message);
    void broadcastToWatchers(const QJsonObject &event);
    // Runs job on the worker; done(result) on this thread unless the timeout came first (then timedOut()).
    void submit(Job job, int timeoutMs, std::function<void(const QJsonObject &)> done,
                std::function<void()> timedOut);
    void poll();

    std::unique_ptr<CardReader> m_reader;
    SimulatedReader *m_simulated = nullptr;
    Options m_options;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread
    QLocalServer *m_server = nullptr;
    QHash<QLocalSocket *, Client> m_clients;
    quint64 m_nextJob = 1;
    QSet<quint64> m_pendingJobs;
    int m_busy = 0; // jobs submitted and not finished by the worker
    QTimer m_watchTimer;
    QTimer m_stuckTimer;
    std::optional<bool> m_cardPresent;
    QString m_device; // last known: connected, not_connected, sdk_not_found
    QString m_library;
};

} // namespace windowdesk::reader
