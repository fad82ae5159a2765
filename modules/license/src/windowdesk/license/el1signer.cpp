#include "el1signer.h"

#include "sm2.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

Result<El1Signer> El1Signer::fromPrivateKeyPem(const QByteArray &pem, const QString &kid) {
    El1Signer s;
    s.m_key = sm2::readPrivateKeyPem(pem);
    if (!s.m_key)
        return Error{u"bad_private_key"_s, u"不是 SM2 私钥"_s};
    if (!isEl1Kid(kid.toLatin1()))
        return Error{u"bad_kid"_s, u"密钥编号不符合 [A-Za-z0-9_-]{1,64}"_s};
    s.m_kid = kid;
    return s;
}

QByteArray El1Signer::sign(const El1Claims &claims) const {
    return signClaimsJson(QJsonDocument(claims.toJson()).toJson(QJsonDocument::Compact));
}

QByteArray El1Signer::signClaimsJson(const QByteArray &claimsJson) const {
    const QByteArray signedText = "EL1." + m_kid.toLatin1() + '.' + encodeBase64Url(claimsJson);
    return signedText + '.' + encodeBase64Url(signatureOf(signedText));
}

QByteArray El1Signer::signatureOf(QByteArrayView text) const {
    return sm2::sign(m_key.get(), text);
}

} // namespace windowdesk::license
