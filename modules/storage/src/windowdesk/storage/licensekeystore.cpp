#include "licensekeystore.h"

#include "database.h"

#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

Status LicenseKeyStore::replacePlatformKeys(const QList<PlatformKey> &keys) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&]() -> Status {
        if (auto s = m_db.exec(u"DELETE FROM license_keys WHERE source IN ('platform','demo')"_s); !s.ok())
            return s;
        for (const PlatformKey &k : keys)
            if (auto s =
                    m_db.exec(u"INSERT OR REPLACE INTO license_keys(kid, alg, public_key_pem, not_before, "
                              u"not_after, source, updated_at) VALUES (?, ?, ?, ?, ?, 'platform', ?)"_s,
                              {k.kid, k.alg, k.publicKeyPem, k.notBefore, k.notAfter, now});
                !s.ok())
                return s;
        return {};
    });
}

} // namespace windowdesk::storage
