#pragma once
// The one place that writes the license_keys table (the e-license signing keys, cached for offline
// verification): the platform's keys from a pull (GET /keys, the sync worker), the demo hall's key, and the
// rows the license module turns into a KeySet (license::LicenseKeyRepository). Plain rows: the PEM and the
// times are checked by the license module when it loads them.
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

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

struct LicenseKeyRow {
    QString kid;
    QString alg;
    QString publicKeyPem;
    QString notBefore; // ISO 8601 with an offset or Z
    QString notAfter;
    QString source; // demo | platform | ...
};

class LicenseKeyStore {
public:
    LicenseKeyStore(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(&clock) {}
    // Reads, and the writes that are given their time.
    explicit LicenseKeyStore(Database &db)
        : m_db(db) {}

    // Every row, by kid.
    Result<QList<LicenseKeyRow>> rows() const;

    // Replaces the platform's keys with `keys`, in the caller's transaction; the first pull also removes the
    // demo hall's key (a real platform's keys only from then on). Needs the clock.
    Status replacePlatformKeys(const QList<PlatformKey> &keys);
    // Adds the keys whose kid is not there yet; existing ones are left as they are (the demo hall's key on a
    // database that may already hold it).
    Status addMissing(const QList<LicenseKeyRow> &keys, const QString &nowIso);
    // Adds the keys, or updates those whose kid is there.
    Status upsert(const QList<LicenseKeyRow> &keys, const QString &nowIso);
    // Every key is replaced by `keys`, in one write.
    Status replaceAll(const QList<LicenseKeyRow> &keys, const QString &nowIso);
    // The keys of `sources` are replaced by `keys`, in one write.
    Status replaceSources(const QStringList &sources, const QList<LicenseKeyRow> &keys,
                          const QString &nowIso);

private:
    Status insert(const LicenseKeyRow &k, const QString &nowIso, bool replace);
    Status write(const QString &deleteSql, const QVariantList &binds, const QList<LicenseKeyRow> &keys,
                 const QString &nowIso, bool replace);

    Database &m_db;
    const Clock *m_clock = nullptr;
};

} // namespace windowdesk::storage
