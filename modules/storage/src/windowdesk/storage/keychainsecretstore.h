#pragma once
// SecretStore over the system keychain (QtKeychain: Secret Service on Linux, Credential Manager on Windows).
// Never falls back to a plaintext file: without a keychain, operations fail with "keychain_unavailable".
//
// Threads: QtKeychain runs every job of the process through one unsynchronised queue object, created in the
// thread of the first job, which disconnects each job when it finishes. Jobs started from two threads are
// therefore answered in the wrong thread and disconnected after their deletion (the crash of issue 11.2).
// A store is used only in the thread that made it, and the program keeps all its keychain work in the main
// thread; the sync worker thread never touches the keychain (its tokens come from sync::TokenHolder).
//
// Jobs never block: each is started, deletes itself once answered, and reports to the caller through a
// context object, so a caller that is gone by then is simply not called. The synchronous SecretStore calls
// answer from what was read before; they wait for the keychain only where nothing can be nested: at the top
// level of a program without a running event loop (the CLI), and only in Mode::WaitAtTopLevel.
#include <windowdesk/core/secretstore.h>

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <functional>

namespace windowdesk::storage {

class KeychainSecretStore final : public QObject, public SecretStore {
    Q_OBJECT
public:
    enum class Mode {
        WaitAtTopLevel, // CLI: a synchronous call outside any event loop waits for its job (never nested)
        NeverWait,      // GUI: synchronous calls answer from the cache; writes go to the keychain behind
    };
    explicit KeychainSecretStore(QString service = QStringLiteral("WindowDesk"),
                                 Mode mode = Mode::WaitAtTopLevel, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    using ReadDone = std::function<void(const Result<QByteArray> &)>;
    using Done = std::function<void(const Status &)>;
    // Asynchronous: `done` runs later in this thread, unless `context` was destroyed meanwhile. Jobs run in
    // the order they were asked for. A read answers from the cache when it can (still later, never inside
    // the call).
    void readAsync(const QString &key, QObject *context, ReadDone done);
    void writeAsync(const QString &key, const QByteArray &secret, QObject *context, Done done);
    void removeAsync(const QString &key, QObject *context, Done done);
    // Reads `keys` into the cache (so the synchronous read() knows them); `done(available)` once answered.
    void prefetch(const QStringList &keys, QObject *context, std::function<void(bool available)> done);

    // SecretStore. read(): the cached value, "not_found" for a key known to be absent, else (NeverWait, or
    // inside an event loop) "keychain_not_ready" while a read is started in the background. write() and
    // remove() update the cache at once; their job runs behind (failures are logged and make the store
    // "unavailable" for a minute) unless the call may wait at the top level.
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &secret) override;
    Status remove(const QString &key) override;

    int jobsRunning() const { return m_running; }
    // The next read asks the keychain again (another process may have changed the entry).
    void dropCached(const QString &key) {
        m_cache.remove(key);
        m_absent.remove(key);
    }

Q_SIGNALS:
    void idle(); // the last running job answered

private:
    enum class Op { Read, Write, Remove };
    void startJob(Op op, const QString &key, const QByteArray &secret,
                  std::function<void(int error, const QString &message, const QByteArray &data)> answered);
    bool mayWait() const;
    // Once the keychain failed, calls fail at once for a minute instead of waiting for D-Bus again each time;
    // after that the keychain is asked again (it may have been unlocked or started meanwhile).
    bool unavailableRecently() const;
    void markUnavailable(const QString &message);

    QString m_service;
    Mode m_mode;
    QHash<QString, QByteArray> m_cache;
    QSet<QString> m_absent;   // keys the keychain said it does not hold
    QSet<QString> m_fetching; // background reads started by read()
    QString m_unavailable;
    QElapsedTimer m_unavailableSince;
    int m_running = 0;
};

} // namespace windowdesk::storage
