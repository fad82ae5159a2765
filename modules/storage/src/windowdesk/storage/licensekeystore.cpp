#include "licensekeystore.h"

#include "database.h"

#include <windowdesk/core/clock.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

Result<QList<LicenseKeyRow>> LicenseKeyStore::rows() const {
    auto q = m_db.query(u"SELECT kid, alg, public_key_pem, not_before, not_after, source FROM license_keys"
                        u" ORDER BY kid"_s);
    if (!q.ok())
        return q.error();
    QList<LicenseKeyRow> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                    q->value(3).toString(), q->value(4).toString(), q->value(5).toString()});
    return out;
}

Status LicenseKeyStore::insert(const LicenseKeyRow &k, const QString &nowIso, bool replace) {
    return m_db.exec(
        replace ? u"INSERT INTO license_keys (kid, alg, public_key_pem, not_before, not_after, source,"
                  u" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kid) DO UPDATE SET"
                  u" alg = excluded.alg, public_key_pem = excluded.public_key_pem,"
                  u" not_before = excluded.not_before, not_after = excluded.not_after,"
                  u" source = excluded.source, updated_at = excluded.updated_at"_s
                : u"INSERT INTO license_keys (kid, alg, public_key_pem, not_before, not_after, source,"
                  u" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kid) DO NOTHING"_s,
        {k.kid, k.alg, k.publicKeyPem, k.notBefore, k.notAfter, k.source, nowIso});
}

Status LicenseKeyStore::write(const QString &deleteSql, const QVariantList &binds,
                              const QList<LicenseKeyRow> &keys, const QString &nowIso, bool replace) {
    return m_db.write([&]() -> Status {
        if (!deleteSql.isEmpty())
            if (Status s = m_db.exec(deleteSql, binds); !s.ok())
                return s;
        for (const LicenseKeyRow &k : keys)
            if (Status s = insert(k, nowIso, replace); !s.ok())
                return s;
        return {};
    });
}

Status LicenseKeyStore::replacePlatformKeys(const QList<PlatformKey> &keys) {
    Q_ASSERT(m_clock);
    QList<LicenseKeyRow> rows;
    for (const PlatformKey &k : keys)
        rows.append({k.kid, k.alg, k.publicKeyPem, k.notBefore, k.notAfter, u"platform"_s});
    return replaceSources({u"platform"_s, u"demo"_s}, rows, m_clock->nowUtc().toString(Qt::ISODate));
}

Status LicenseKeyStore::addMissing(const QList<LicenseKeyRow> &keys, const QString &nowIso) {
    return write({}, {}, keys, nowIso, false);
}

Status LicenseKeyStore::upsert(const QList<LicenseKeyRow> &keys, const QString &nowIso) {
    return write({}, {}, keys, nowIso, true);
}

Status LicenseKeyStore::replaceAll(const QList<LicenseKeyRow> &keys, const QString &nowIso) {
    return write(u"DELETE FROM license_keys"_s, {}, keys, nowIso, true);
}

Status LicenseKeyStore::replaceSources(const QStringList &sources, const QList<LicenseKeyRow> &keys,
                                       const QString &nowIso) {
    QVariantList binds;
    QStringList marks;
    for (const QString &s : sources) {
        binds << s;
        marks << u"?"_s;
    }
    const QString sql = sources.isEmpty()
                            ? QString()
                            : u"DELETE FROM license_keys WHERE source IN (%1)"_s.arg(marks.join(u", "_s));
    return write(sql, binds, keys, nowIso, true);
}

} // namespace windowdesk::storage
