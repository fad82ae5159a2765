#include "readerservice.h"
#include "readerprotocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPointer>

#include <cstdlib>

using namespace Qt::StringLiterals;

// Only states and error codes are logged here: a card's contents never.
Q_LOGGING_CATEGORY(lcReader, "windowdesk.reader")

namespace windowdesk::reader {
namespace {

QJsonObject failure(const Error &e) {
    return {{u"ok"_s, false}, {u"error"_s, e.code}, {u"message"_s, e.message}};
}

QJsonObject failure(QLatin1StringView code, const QString &message) {
    return failure(Error{QString(code), message});
}

QString deviceState(const Error &e) {
    if (e.code == protocol::error::sdkNotFound)
        return u"sdk_not_found"_s;
    if (e.code == protocol::error::deviceNotConnected)
        return u"not_connected"_s;
    return u"connected"_s;
}

} // namespace

ReaderService::ReaderService(std::unique_ptr<CardReader> reader, Options options, QObject *parent)
    : QObject(parent)
    , m_reader(std::move(reader))
    , m_options(options) {
    m_simulated = dynamic_cast<SimulatedReader *>(m_reader.get());
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_watchTimer.setInterval(m_options.watchIntervalMs);
    connect(&m_watchTimer, &QTimer::timeout, this, &ReaderService::poll);
    m_stuckTimer.setSingleShot(true);
    connect(&m_stuckTimer, &QTimer::timeout, this, [] {
        qCCritical(lcReader)
            << "the card reader library does not return: exiting so that a fresh helper starts";
        std::_Exit(3);
    });
}

ReaderService::~ReaderService() {
    m_thread.quit();
    if (m_thread.wait(2000)) {
        m_reader->close();
    } else {
        // A vendor call that never returns: leave the reader to the stuck thread, the process is ending.
        qCWarning(lcReader) << "reader thread still busy at exit";
        (void)m_reader.release();
    }
}

bool ReaderService::listen(const QString &name, QString *error) {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption); // only this user's programs may connect
    QLocalServer::removeServer(name);
    if (!m_server->listen(name)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &ReaderService::onConnection);
    return true;
}

void ReaderService::onConnection() {
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        m_clients.insert(socket, {});
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_clients.remove(socket);
            socket->deleteLater();
            if (m_clients.isEmpty() && m_options.exitWhenLastClientLeaves)
                QCoreApplication::exit(0);
        });
        if (socket->bytesAvailable() > 0) // a request sent before the connection was taken
            onReadyRead(socket);
    }
}

void ReaderService::onReadyRead(QLocalSocket *socket) {
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    it->buffer += socket->readAll();
    if (it->buffer.size() > 1024 * 1024) { // no request is that long
        socket->disconnectFromServer();
        return;
    }
    qsizetype nl;
    while ((nl = m_clients[socket].buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_clients[socket].buffer.left(nl);
        m_clients[socket].buffer.remove(0, nl + 1);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            send(socket, failure(protocol::error::badRequest, u"不是一个 JSON 对象"_s));
            continue;
        }
        handle(socket, doc.object());
        if (!m_clients.contains(socket))
            return;
    }
}

void ReaderService::send(QLocalSocket *socket, const QJsonObject &message) {
    if (!m_clients.contains(socket))
        return;
    socket->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
    socket->flush();
}

void ReaderService::broadcastToWatchers(const QJsonObject &event) {
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it)
        if (it->watching)
            send(it.key(), event);
}

void ReaderService::handle(QLocalSocket *socket, const QJsonObject &request) {
    const int id = request.value(u"id"_s).toInt();
    const QString cmd = request.value(u"cmd"_s).toString();
    QPointer<QLocalSocket> guard(socket);
    auto reply = [this, guard, id](QJsonObject r) {
        r.insert(u"id"_s, id);
        if (guard)
            send(guard, r);
    };

    if (cmd == u"hello") {
        reply({{u"ok"_s, true},
               {u"helper"_s, u"windowdesk-reader"_s},
               {u"version"_s, QCoreApplication::applicationVersion()},
               {u"protocol"_s, protocol::version},
               {u"adapter"_s, m_reader->kind()},
               {u"library"_s, m_library}});
        return;
    }
    if (cmd == u"watch") {
        m_clients[socket].watching = request.value(u"on"_s).toBool(true);
        bool any = false;
        for (const Client &c : std::as_const(m_clients))
            any = any || c.watching;
        if (any && !m_watchTimer.isActive()) {
            m_cardPresent.reset();
            m_watchTimer.start();
            poll();
        } else if (!any) {
            m_watchTimer.stop();
        }
        reply({{u"ok"_s, true}, {u"watching"_s, m_clients[socket].watching}});
        return;
    }
    if (cmd == u"sim") {
        handleSim(socket, id, request);
        return;
    }
    const int timeoutMs =
        qBound(100, request.value(u"timeout_ms"_s).toInt(m_options.defaultTimeoutMs), 60000);
    auto timedOut = [reply] {
        reply(failure(protocol::error::timeout, u"读卡器没有及时响应"_s));
    };
    if (cmd == u"status") {
        submit(
            [](CardReader &r) -> QJsonObject {
                const QString library = r.library();
                auto present = r.cardPresent();
                if (!present)
                    return {{u"ok"_s, true},
                            {u"device"_s, deviceState(present.error())},
                            {u"card"_s, u"unknown"_s},
                            {u"library"_s, library},
                            {u"message"_s, present.error().message}};
                return {{u"ok"_s, true},
                        {u"device"_s, u"connected"_s},
                        {u"card"_s, *present ? u"present"_s : u"absent"_s},
                        {u"library"_s, r.library()}};
            },
            timeoutMs, reply, timedOut);
        return;
    }
    if (cmd == u"read") {
        submit(
            [](CardReader &r) -> QJsonObject {
                auto card = r.read();
                if (!card)
                    return failure(card.error());
                return {{u"ok"_s, true}, {u"card"_s, card->toJson()}, {u"library"_s, r.library()}};
            },
            timeoutMs, reply, timedOut);
        return;
    }
    reply(failure(protocol::error::badRequest, u"未知命令：%1"_s.arg(cmd)));
}

void ReaderService::handleSim(QLocalSocket *socket, int id, const QJsonObject &request) {
    auto reply = [this, socket, id](QJsonObject r) {
        r.insert(u"id"_s, id);
        send(socket, r);
    };
    if (!m_simulated) {
        reply(failure(protocol::error::badRequest, u"只有模拟读卡器接受 sim 命令"_s));
        return;
    }
    const QString action = request.value(u"action"_s).toString();
    if (action == u"place") {
        IdCard card = SimulatedReader::demoCard();
        if (request.contains(u"card"_s)) {
            auto parsed = IdCard::fromJson(request.value(u"card"_s).toObject());
            if (!parsed) {
                reply(failure(parsed.error()));
                return;
            }
            card = *parsed;
        }
        m_simulated->place(card);
    } else if (action == u"remove") {
        m_simulated->remove();
    } else if (action == u"connect" || action == u"disconnect") {
        m_simulated->setConnected(action == u"connect");
    } else if (action == u"slow") {
        m_simulated->setReadDelayMs(request.value(u"ms"_s).toInt());
    } else if (action == u"fail") {
        m_simulated->failNextRead(request.value(u"error"_s).toString(QString(protocol::error::readFailed)));
    } else if (action == u"crash") {
        std::abort(); // what a crashing vendor library does to the helper
    } else {
        reply(failure(protocol::error::badRequest, u"未知的模拟动作：%1"_s.arg(action)));
        return;
    }
    reply({{u"ok"_s, true}});
}

void ReaderService::submit(Job job, int timeoutMs, std::function<void(const QJsonObject &)> done,
                           std::function<void()> timedOut) {
    const quint64 jobId = m_nextJob++;
    m_pendingJobs.insert(jobId);
    ++m_busy;
    CardReader *reader = m_reader.get();
    QPointer<ReaderService> self(this);
    QMetaObject::invokeMethod(m_worker, [self, reader, job, jobId, done] {
        const QJsonObject result = job(*reader);
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, jobId, done] {
                if (!self)
                    return;
                --self->m_busy;
                if (self->m_busy == 0)
                    self->m_stuckTimer.stop();
                if (result.contains(u"library"_s))
                    self->m_library = result.value(u"library"_s).toString();
                if (self->m_pendingJobs.remove(jobId)) {
                    QJsonObject r = result;
                    r.remove(u"library"_s);
                    done(r);
                }
            },
            Qt::QueuedConnection);
    });
    QTimer::singleShot(timeoutMs, this, [this, jobId, timedOut] {
        if (m_pendingJobs.remove(jobId)) {
            qCWarning(lcReader) << "reader call timed out";
            timedOut();
            if (!m_stuckTimer.isActive())
                m_stuckTimer.start(m_options.stuckExitMs);
        }
    });
}

void ReaderService::poll() {
    if (m_busy > 0)
        return; // the reader is still busy with the last request; look again on the next tick
    submit(
        [](CardReader &r) -> QJsonObject {
            auto present = r.cardPresent();
            if (!present)
                return {{u"device"_s, deviceState(present.error())}, {u"library"_s, r.library()}};
            QJsonObject o{
                {u"device"_s, u"connected"_s}, {u"present"_s, *present}, {u"library"_s, r.library()}};
            return o;
        },
        m_options.defaultTimeoutMs,
        [this](const QJsonObject &state) {
            const QString device = state.value(u"device"_s).toString();
            if (device != m_device) {
                m_device = device;
                broadcastToWatchers({{u"event"_s, u"status"_s}, {u"device"_s, device}});
            }
            const std::optional<bool> present = state.contains(u"present"_s)
                                                    ? std::optional<bool>(state.value(u"present"_s).toBool())
                                                    : std::nullopt;
            const bool placed = present.value_or(false) && !m_cardPresent.value_or(false);
            const bool removed = m_cardPresent.value_or(false) && !present.value_or(false);
            m_cardPresent = present;
            if (removed)
                broadcastToWatchers({{u"event"_s, u"card_removed"_s}});
            if (!placed)
                return;
            submit(
                [](CardReader &r) -> QJsonObject {
                    auto card = r.read();
                    if (!card)
                        return failure(card.error());
                    return {{u"ok"_s, true}, {u"card"_s, card->toJson()}};
                },
                m_options.defaultTimeoutMs,
                [this](const QJsonObject &r) {
                    if (r.value(u"ok"_s).toBool())
                        broadcastToWatchers({{u"event"_s, u"card"_s}, {u"card"_s, r.value(u"card"_s)}});
                    else
                        broadcastToWatchers({{u"event"_s, u"read_error"_s},
                                             {u"error"_s, r.value(u"error"_s)},
                                             {u"message"_s, r.value(u"message"_s)}});
                },
                [this] {
                    broadcastToWatchers({{u"event"_s, u"read_error"_s},
                                         {u"error"_s, QString(protocol::error::timeout)},
                                         {u"message"_s, u"读卡器没有及时响应"_s}});
                });
        },
        [] {});
}

} // namespace windowdesk::reader
