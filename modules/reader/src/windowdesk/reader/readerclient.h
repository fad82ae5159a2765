#pragma once
// The GUI's side of the card reader: starts the windowdesk-reader helper, talks to it (readerprotocol.h) and
// starts it again when it dies (a crashing vendor library takes only the helper down). Asynchronous: every
// request returns an id at once and its answer comes as a signal. Card contents are handed over, never
// logged.
#include "idcard.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocalSocket>
#include <QObject>
#include <QProcess>
#include <QSet>
#include <QTimer>

namespace windowdesk::reader {

class ReaderClient : public QObject {
    Q_OBJECT
public:
    enum class State {
        Stopped,  // not started, or stopped
        Starting, // the helper is starting, or being started again after it died
        Ready,    // the helper answered hello
    };
    Q_ENUM(State)

    struct Options {
        QString program;       // the helper; empty: only connect to socketName (a helper started elsewhere)
        QStringList arguments; // e.g. {"--adapter", "simulated"}; "--socket NAME" is added
        QString socketName;    // empty: a fresh name for this process
        bool watch = true;     // ask for card placed / removed events
        int restartDelayMs = 500; // after a death, doubled on each death in a row
        int maxRestartDelayMs = 10000;
        int connectTimeoutMs = 30000; // from the helper's start to its socket accepting (a loaded machine)
    };

    explicit ReaderClient(Options options, QObject *parent = nullptr);

    // Where the helper is: $WINDOWDESK_READER_HELPER, else beside the running program as installed
    // (<bin>/../libexec/windowdesk/windowdesk-reader, both package layouts) or as built
    // (<build>/app/windowdesk-reader/windowdesk-reader). Empty when none exists.
    static QString defaultHelperPath();
    ~ReaderClient() override;

    void start();
    void stop();
    State state() const { return m_state; }
    QJsonObject helperInfo() const { return m_hello; } // the hello reply: adapter, library, version
    QString socketName() const { return m_options.socketName; }
    int restarts() const { return m_restarts; }

    // Each returns the request's id (> 0); the answer is replied(), and for read also
    // cardRead()/readFailed().
    int requestStatus(int timeoutMs = 3000);
    int read(int timeoutMs = 5000);
    int simulate(const QJsonObject &action); // {"action": "place"} ... (simulated adapter only)

signals:
    void stateChanged(windowdesk::reader::ReaderClient::State state);
    void replied(int id, const QJsonObject &reply);
    void
    deviceChanged(const QString &device); // connected, not_connected, sdk_not_found (watch events, status)
    // id 0: a card placed on the reader while watching.
    void cardRead(int id, const windowdesk::reader::IdCard &card);
    void cardRemoved();
    void readFailed(int id, const windowdesk::Error &error);
    void helperDied(); // it crashed or exited; a new one is being started

private:
    int sendRequest(QJsonObject request);
    void setState(State s);
    void launch();
    void tryConnect();
    void tick();
    void onConnected();
    void onReadyRead();
    void onMessage(const QJsonObject &message);
    void onHelperGone();
    void restartWhenGone();
    void failPending(const QString &message);

    Options m_options;
    QProcess m_process;
    QLocalSocket m_socket;
    QByteArray m_buffer;
    QTimer m_retry; // the steady tick while starting (tick())
    QElapsedTimer m_sinceLaunch;
    State m_state = State::Stopped;
    bool m_stopping = false;
    // One death per helper life: the socket's disconnect and the process's end report the same death, often
    // in different turns of the event loop; a second report must not kill the helper started in the meantime.
    quint64 m_life = 1;
    quint64 m_deadLife = 0;
    int m_nextId = 1;
    int m_helloId = 0;
    QSet<int> m_pending;
    QSet<int> m_pendingReads;
    QJsonObject m_hello;
    int m_restarts = 0;
    int m_deathsInARow = 0;
};

} // namespace windowdesk::reader
