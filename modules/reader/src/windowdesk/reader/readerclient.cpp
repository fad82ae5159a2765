#include "readerclient.h"
#include "readerprotocol.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReaderClient, "windowdesk.reader.client")

namespace windowdesk::reader {

ReaderClient::ReaderClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    if (m_options.socketName.isEmpty())
        m_options.socketName = u"windowdesk-reader-%1-%2"_s.arg(QCoreApplication::applicationPid())
                                   .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    // While starting, one steady tick drives the connection: try to connect while the socket is idle, and
    // give the helper up (kill, restart later) when it has not said hello within its time — whatever went
    // wrong (not listening yet, a stale socket file, a hello that never came), nothing waits on a single
    // event.
    m_retry.setInterval(100);
    connect(&m_retry, &QTimer::timeout, this, &ReaderClient::tick);
    connect(&m_socket, &QLocalSocket::connected, this, &ReaderClient::onConnected);
    connect(&m_socket, &QLocalSocket::readyRead, this, &ReaderClient::onReadyRead);
    connect(&m_socket, &QLocalSocket::errorOccurred, this, [](QLocalSocket::LocalSocketError err) {
        qCDebug(lcReaderClient) << "socket error" << err; // the next tick tries again
    });
    connect(&m_socket, &QLocalSocket::disconnected, this, [this] {
        if (!m_stopping && m_state != State::Stopped)
            onHelperGone();
    });
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        qCWarning(lcReaderClient) << "reader helper ended:"
                                  << (status == QProcess::CrashExit ? "crashed" : "exit") << code;
        if (!m_stopping)
            onHelperGone();
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart && !m_stopping)
            onHelperGone();
    });
}

QString ReaderClient::defaultHelperPath() {
    if (const QString env = qEnvironmentVariable("WINDOWDESK_READER_HELPER"); !env.isEmpty())
        return QFileInfo(env).isExecutable() ? env : QString();
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : {dir + u"/../libexec/windowdesk/windowdesk-reader"_s,
                                     dir + u"/../windowdesk-reader/windowdesk-reader"_s}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

ReaderClient::~ReaderClient() {
    stop();
}

void ReaderClient::start() {
    if (m_state != State::Stopped)
        return;
    m_stopping = false;
    setState(State::Starting);
    if (m_options.program.isEmpty()) {
        m_sinceLaunch.start();
        m_retry.start();
        tryConnect();
    } else {
        launch();
    }
}

void ReaderClient::tick() {
    if (m_stopping || m_state != State::Starting || !m_sinceLaunch.isValid()) {
        m_retry.stop();
        return;
    }
    if (m_sinceLaunch.elapsed() > m_options.connectTimeoutMs) {
        qCWarning(lcReaderClient) << "reader helper did not answer within" << m_options.connectTimeoutMs
                                  << "ms";
        onHelperGone();
        return;
    }
    if (m_socket.state() == QLocalSocket::UnconnectedState)
        tryConnect();
}

void ReaderClient::stop() {
    m_stopping = true;
    m_retry.stop();
    failPending(u"读卡器助手已停止"_s);
    m_socket.abort();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        // The helper exits when its last client leaves; a stuck one is killed with the QProcess.
    }
    setState(State::Stopped);
}

void ReaderClient::launch() {
    ++m_life;
    m_socket.abort();
    m_buffer.clear();
    m_sinceLaunch.start();
    m_process.start(m_options.program,
                    m_options.arguments + QStringList{u"--socket"_s, m_options.socketName});
    m_retry.start();
}

void ReaderClient::tryConnect() {
    if (m_socket.state() != QLocalSocket::UnconnectedState)
        return;
    m_socket.connectToServer(m_options.socketName);
}

void ReaderClient::onConnected() {
    if (m_options.program.isEmpty())
        ++m_life; // a helper started by someone else: each connection is its own life
    m_helloId = sendRequest({{u"cmd"_s, u"hello"_s}});
    if (m_options.watch)
        sendRequest({{u"cmd"_s, u"watch"_s}, {u"on"_s, true}});
}

int ReaderClient::sendRequest(QJsonObject request) {
    const int id = m_nextId++;
    request.insert(u"id"_s, id);
    if (m_socket.state() != QLocalSocket::ConnectedState) {
        // Answered like any other failure, after the caller has its id.
        QTimer::singleShot(0, this, [this, id, request] {
            const Error e{QString(protocol::error::helperUnavailable), u"读卡器助手未运行，正在重新启动"_s};
            emit replied(id,
                         {{u"id"_s, id}, {u"ok"_s, false}, {u"error"_s, e.code}, {u"message"_s, e.message}});
            if (request.value(u"cmd"_s).toString() == u"read")
                emit readFailed(id, e);
        });
        return id;
    }
    m_pending.insert(id);
    if (request.value(u"cmd"_s).toString() == u"read")
        m_pendingReads.insert(id);
    m_socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    return id;
}

int ReaderClient::requestStatus(int timeoutMs) {
    return sendRequest({{u"cmd"_s, u"status"_s}, {u"timeout_ms"_s, timeoutMs}});
}

int ReaderClient::read(int timeoutMs) {
    return sendRequest({{u"cmd"_s, u"read"_s}, {u"timeout_ms"_s, timeoutMs}});
}

int ReaderClient::simulate(const QJsonObject &action) {
    QJsonObject r = action;
    r.insert(u"cmd"_s, u"sim"_s);
    return sendRequest(r);
}

void ReaderClient::onReadyRead() {
    m_buffer += m_socket.readAll();
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            onMessage(doc.object());
    }
}

void ReaderClient::onMessage(const QJsonObject &m) {
    if (m.contains(u"event"_s)) {
        const QString event = m.value(u"event"_s).toString();
        if (event == u"card") {
            auto card = IdCard::fromJson(m.value(u"card"_s).toObject());
            if (card)
                emit cardRead(0, *card);
            else
                emit readFailed(0, Error{QString(protocol::error::readFailed), card.error().message});
        } else if (event == u"card_removed") {
            emit cardRemoved();
        } else if (event == u"read_error") {
            emit readFailed(0, Error{m.value(u"error"_s).toString(), m.value(u"message"_s).toString()});
        } else if (event == u"status") {
            emit deviceChanged(m.value(u"device"_s).toString());
        }
        return;
    }
    const int id = m.value(u"id"_s).toInt();
    if (!m_pending.remove(id))
        return;
    const bool isRead = m_pendingReads.remove(id);
    if (id == m_helloId) {
        m_hello = m;
        m_deathsInARow = 0;
        setState(State::Ready);
    }
    emit replied(id, m);
    if (m.contains(u"device"_s))
        emit deviceChanged(m.value(u"device"_s).toString());
    if (!isRead)
        return;
    if (!m.value(u"ok"_s).toBool()) {
        emit readFailed(id, Error{m.value(u"error"_s).toString(), m.value(u"message"_s).toString()});
        return;
    }
    auto card = IdCard::fromJson(m.value(u"card"_s).toObject());
    if (card)
        emit cardRead(id, *card);
    else
        emit readFailed(id, Error{QString(protocol::error::readFailed), card.error().message});
}

void ReaderClient::failPending(const QString &message) {
    const QSet<int> pending = std::exchange(m_pending, {});
    const QSet<int> reads = std::exchange(m_pendingReads, {});
    const Error e{QString(protocol::error::helperUnavailable), message};
    for (int id : pending) {
        emit replied(id, {{u"id"_s, id}, {u"ok"_s, false}, {u"error"_s, e.code}, {u"message"_s, e.message}});
        if (reads.contains(id))
            emit readFailed(id, e);
    }
}

void ReaderClient::onHelperGone() {
    if (m_stopping || m_deadLife == m_life || m_state == State::Stopped)
        return;
    m_deadLife = m_life;
    m_retry.stop();
    m_socket.abort();
    failPending(u"读卡器助手意外退出，正在重新启动"_s);
    m_hello = {};
    setState(State::Starting);
    emit helperDied();
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
    const int delay = qMin(m_options.maxRestartDelayMs, m_options.restartDelayMs << qMin(m_deathsInARow, 10));
    ++m_deathsInARow;
    ++m_restarts;
    m_sinceLaunch.invalidate();
    if (!m_options.program.isEmpty()) {
        QTimer::singleShot(delay, this, &ReaderClient::restartWhenGone);
    } else {
        ++m_life; // the next connection attempts are the next life (no process reports this death twice)
        QTimer::singleShot(delay, this, [this] {
            if (m_stopping || m_state != State::Starting)
                return;
            m_sinceLaunch.start();
            m_retry.start();
        });
    }
}

// The old process must be gone before the next one takes the socket name.
void ReaderClient::restartWhenGone() {
    if (m_stopping || m_state != State::Starting)
        return;
    if (m_process.state() != QProcess::NotRunning) {
        QTimer::singleShot(100, this, &ReaderClient::restartWhenGone);
        return;
    }
    launch();
}

void ReaderClient::setState(State s) {
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

} // namespace windowdesk::reader
