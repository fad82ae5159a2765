#pragma once
// Where secrets (tokens, the audit anchor key) live: the system keychain, never files or the database.
#include "result.h"
#include <QByteArray>
#include <QString>

namespace windowdesk {

class SecretStore {
public:
    virtual ~SecretStore() = default;
    // Error code "keychain_unavailable" when no backend answers; "not_found" when the entry is absent.
    virtual Result<QByteArray> read(const QString &key) = 0;
    virtual Status write(const QString &key, const QByteArray &secret) = 0;
    virtual Status remove(const QString &key) = 0;
};

} // namespace windowdesk
