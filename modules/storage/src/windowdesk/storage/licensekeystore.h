#pragma once
// The e-license signing keys the platform publishes (GET /keys), cached for offline verification. The sync
// worker stores them here; the license module reads them (license::LicenseKeyRepository).
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct PlatformKey {
    QString kid;
    QString alg;
    QString publicKeyPem;
    QString notBefore;
    QString notAfter;
};

class LicenseKeyStore {
public:
    LicenseKeyStore(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Replaces the platform's keys with `keys`, in the caller's transaction; the first pull also removes the
    // demo hall's key (a real platform's keys only from then on).
    Status replacePlatformKeys(const QList<PlatformKey> &keys);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
