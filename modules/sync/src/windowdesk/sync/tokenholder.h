#pragma once
// The one holder of the platform tokens in a program (issue 12: one token holder). The login, the sync
// worker and the GUI's online calls all take their tokens from it and hand it the pairs they get (a login,
// a refresh: refresh tokens rotate), and only it reads and writes them in the keychain — asynchronously, in
// the thread it lives in (the main thread; see KeychainSecretStore on why the keychain has one thread).
#include "apiclient.h"

#include <windowdesk/core/result.h>

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace windowdesk::storage {
class KeychainSecretStore;
}

namespace windowdesk::sync {

// Keychain entry holding the platform tokens (never files, settings or the database).
inline constexpr char kTokensSecretKey[] = "platform.tokens";

class TokenHolder : public QObject {
    Q_OBJECT
public:
    // `secretService`: keychain service of the tokens; empty = no keychain (tokens in memory only).
    explicit TokenHolder(const QString &secretService = QStringLiteral("WindowDesk"),
                         QObject *parent = nullptr);
    ~TokenHolder() override;

    const Tokens &tokens() const { return m_tokens; }
    bool hasKeychain() const { return m_keychain != nullptr; }
    // The current pair is the keychain's (read from it, or a login stored there).
    bool persisted() const { return m_persisted; }

    // Reads the keychain (asynchronously) unless already read; `again`: read it anew (another process may
    // have logged in). `done` runs later in this thread unless `context` is gone; tokens() is then current.
    void load(QObject *context, std::function<void()> done, bool again = false);
    // A login's pair: used from now on; with `persist` and a keychain also written there. `done(stored)`
    // once the keychain answered (at once, later, when nothing is written).
    void adoptLogin(const Tokens &tokens, bool persist, QObject *context,
                    std::function<void(const Status &stored)> done);
    // A refreshed pair (rotated refresh token): replaces the current one; stored when the current was.
    void adoptRefreshed(const Tokens &tokens);
    // Tokens of a login without keychain, kept in memory only.
    void setMemoryTokens(const Tokens &tokens);
    // Forgets a memory-only pair (the end of a keychain-less session); a stored pair stays for next time.
    void forgetMemoryTokens();

    // Keychain jobs of this holder not answered yet (a program about to exit waits for them).
    int keychainJobs() const;

Q_SIGNALS:
    void changed(const windowdesk::sync::Tokens &tokens);
    void keychainIdle();

private:
    void set(const Tokens &tokens, bool persisted);

    std::unique_ptr<storage::KeychainSecretStore> m_keychain;
    Tokens m_tokens;
    bool m_persisted = false;
    bool m_loaded = false;
    bool m_loading = false;
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
};

} // namespace windowdesk::sync
