#pragma once
// SecretStore over the system keychain (QtKeychain: Secret Service on Linux, Credential Manager on Windows).
// Never falls back to a plaintext file: without a keychain, operations fail with "keychain_unavailable".
#include <windowdesk/core/secretstore.h>

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace windowdesk::storage {

class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("WindowDesk"));
    // QtKeychain jobs are asynchronous; each call runs its job to completion in a local event loop
    // (meant for the CLI and one-time reads at start-up, not for the GUI's steady state).
    Result<QByteArray> read(const QString &key) override;
    Status write(const QString &key, const QByteArray &secret) override;
    Status remove(const QString &key) override;

private:
    QString m_service;
    QHash<QString, QByteArray> m_cache;
    // Once the keychain failed, calls fail at once for a minute instead of waiting for D-Bus again each time;
    // after that the keychain is asked again (it may have been unlocked or started meanwhile).
    bool unavailableRecently() const;
    void markUnavailable(const QString &message);
    QString m_unavailable;
    QElapsedTimer m_unavailableSince;
};

} // namespace windowdesk::storage
