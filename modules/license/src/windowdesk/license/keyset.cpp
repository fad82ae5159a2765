#include "keyset.h"

#include "sm2.h"

#include <windowdesk/storage/database.h>
#include <windowdesk/storage/licensekeystore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLicenseKeys, "windowdesk.license.keys")

namespace windowdesk::license {

namespace {

QDateTime parseUtc(const QString &s) {
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
        return {}; // an instant needs an offset or Z
    return t.toUTC();
}

Error formatError(const QString &why) {
    return Error{u"keys_format"_s, why};
}

} // namespace

bool LicenseKey::validAt(qint64 unixSecs) const {
    return notBefore.isValid() && notAfter.isValid() && notBefore.toSecsSinceEpoch() <= unixSecs &&
           unixSecs <= notAfter.toSecsSinceEpoch();
}

Result<KeySet> KeySet::fromJson(const QByteArray &json, const QString &source) {
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return formatError(u"密钥文件不是 JSON 对象"_s);
    const QJsonValue keysValue = doc.object().value(u"keys"_s);
    if (!keysValue.isArray())
        return formatError(u"密钥文件缺少 keys 数组"_s);
    QList<LicenseKey> keys;
    QSet<QString> kids;
    for (const QJsonValue &v : keysValue.toArray()) {
        if (!v.isObject())
            return formatError(u"keys 的元素不是对象"_s);
        const QJsonObject o = v.toObject();
        if (!o.value(u"kid"_s).isString() || !o.value(u"alg"_s).isString())
            return formatError(u"密钥缺少 kid 或 alg"_s);
        const QString kid = o.value(u"kid"_s).toString();
        // A kid listed twice is an error even when one of them has another algorithm.
        if (kids.contains(kid))
            return Error{u"duplicate_kid"_s, u"密钥编号重复：%1"_s.arg(kid)};
        kids.insert(kid);
        if (o.value(u"alg"_s).toString() != QStringView(kAlgSm2Sm3))
            continue;
        if (!o.value(u"public_key_pem"_s).isString() || !o.value(u"not_before"_s).isString() ||
            !o.value(u"not_after"_s).isString())
            return formatError(u"密钥 %1 缺少 public_key_pem、not_before 或 not_after"_s.arg(kid));
        LicenseKey k;
        k.kid = kid;
        k.alg = QString::fromUtf16(kAlgSm2Sm3);
        k.publicKeyPem = o.value(u"public_key_pem"_s).toString().toUtf8();
        k.notBefore = parseUtc(o.value(u"not_before"_s).toString());
        k.notAfter = parseUtc(o.value(u"not_after"_s).toString());
        k.source = source;
        keys.append(std::move(k));
    }
    return fromKeys(std::move(keys));
}

Result<KeySet> KeySet::fromKeys(QList<LicenseKey> keys) {
    KeySet set;
    QSet<QString> kids;
    for (LicenseKey &k : keys) {
        if (kids.contains(k.kid))
            return Error{u"duplicate_kid"_s, u"密钥编号重复：%1"_s.arg(k.kid)};
        kids.insert(k.kid);
        if (!k.notBefore.isValid() || !k.notAfter.isValid())
            return formatError(u"密钥 %1 的有效期不是 ISO 8601 时间"_s.arg(k.kid));
        if (!k.publicKey)
            k.publicKey = sm2::readPublicKeyPem(k.publicKeyPem);
        if (!k.publicKey)
            return formatError(u"密钥 %1 不是 SM2 公钥"_s.arg(k.kid));
        set.m_keys.append(std::move(k));
    }
    return set;
}

const LicenseKey *KeySet::find(QByteArrayView kid) const {
    for (const LicenseKey &k : m_keys) {
        if (QByteArrayView(k.kid.toLatin1()) == kid)
            return &k;
    }
    return nullptr;
}

Result<KeySet> LicenseKeyRepository::load() const {
    auto rows = storage::LicenseKeyStore(m_db).rows();
    if (!rows.ok())
        return rows.error();
    QList<LicenseKey> keys;
    for (const storage::LicenseKeyRow &r : rows.value()) {
        if (r.alg != QStringView(kAlgSm2Sm3))
            continue;
        LicenseKey k;
        k.kid = r.kid;
        k.alg = r.alg;
        k.publicKeyPem = r.publicKeyPem.toUtf8();
        k.notBefore = parseUtc(r.notBefore);
        k.notAfter = parseUtc(r.notAfter);
        k.source = r.source;
        // One unusable row (a bad PEM or time stored by a pull) must not disable the other keys.
        if (!k.notBefore.isValid() || !k.notAfter.isValid() ||
            !(k.publicKey = sm2::readPublicKeyPem(k.publicKeyPem))) {
            qCWarning(lcLicenseKeys) << "license_keys: skipping unusable key" << k.kid;
            continue;
        }
        keys.append(std::move(k));
    }
    return KeySet::fromKeys(std::move(keys));
}

namespace {
QList<storage::LicenseKeyRow> rowsOf(const KeySet &keys) {
    QList<storage::LicenseKeyRow> rows;
    for (const LicenseKey &k : keys.keys())
        rows.append({k.kid, k.alg, QString::fromUtf8(k.publicKeyPem),
                     k.notBefore.toUTC().toString(Qt::ISODate), k.notAfter.toUTC().toString(Qt::ISODate),
                     k.source});
    return rows;
}
} // namespace

Status LicenseKeyRepository::upsert(const KeySet &keys, const QDateTime &nowUtc) {
    return storage::LicenseKeyStore(m_db).upsert(rowsOf(keys), nowUtc.toUTC().toString(Qt::ISODate));
}

Status LicenseKeyRepository::replaceAll(const KeySet &keys, const QDateTime &nowUtc) {
    return storage::LicenseKeyStore(m_db).replaceAll(rowsOf(keys), nowUtc.toUTC().toString(Qt::ISODate));
}

Status LicenseKeyRepository::removeSource(const QString &source) {
    return storage::LicenseKeyStore(m_db).replaceSources({source}, {}, QString());
}

} // namespace windowdesk::license
