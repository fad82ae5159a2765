#pragma once
// The platform's public keys for EL1 payloads (`GET /keys`), and their cache in license_keys.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of the public headers

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::license {

inline constexpr char16_t kAlgSm2Sm3[] = u"SM2-SM3";

struct LicenseKey {
    QString kid;
    QString alg; // always SM2-SM3 in a KeySet (others are ignored when read)
    QByteArray publicKeyPem;
    QDateTime notBefore;                         // UTC
    QDateTime notAfter;                          // UTC
    QString source = QStringLiteral("platform"); // platform, demo or file (license_keys.source)
    std::shared_ptr<evp_pkey_st> publicKey;      // parsed once, shared by copies

    // not_before <= t <= not_after, in Unix seconds.
    bool validAt(qint64 unixSecs) const;
};

class KeySet {
public:
    // `GET /keys` JSON: {"keys":[{kid, alg, public_key_pem, not_before, not_after}, ...]} (other members
    // ignored). Keys whose alg is not SM2-SM3 are skipped. Errors: "keys_format" (not that format, a bad
    // PEM or time), "duplicate_kid" (a kid listed twice).
    static Result<KeySet> fromJson(const QByteArray &json,
                                   const QString &source = QStringLiteral("platform"));
    // Parses each key's PEM; same errors.
    static Result<KeySet> fromKeys(QList<LicenseKey> keys);

    const LicenseKey *find(QByteArrayView kid) const;
    const QList<LicenseKey> &keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    QList<LicenseKey> m_keys;
};

// license_keys: the cached key set, so payloads verify offline.
class LicenseKeyRepository {
public:
    explicit LicenseKeyRepository(storage::Database &db)
        : m_db(db) {}

    // The usable SM2-SM3 keys; rows with another alg, a bad PEM or time are skipped (and logged).
    Result<KeySet> load() const;
    // Writes go through storage::LicenseKeyStore, the one writer of license_keys (the demo hall and a
    // platform pull use it too). Replaces every key (a platform pull removes the demo key too).
    Status replaceAll(const KeySet &keys, const QDateTime &nowUtc);
    // Adds or updates keys without touching others (e.g. the demo key while no platform is configured).
    Status upsert(const KeySet &keys, const QDateTime &nowUtc);
    Status removeSource(const QString &source);

private:
    storage::Database &m_db;
};

} // namespace windowdesk::license
