#pragma once
// Signs EL1 payloads with an SM2 private key (same SM3 digest and distinguishing ID as the verifier).
// Used by the demo hall's "citizen phone" and by tests; the platform signs real payloads.
#include "el1format.h"

#include <windowdesk/core/result.h>

#include <QByteArray>
#include <memory>

struct evp_pkey_st;

namespace windowdesk::license {

class El1Signer {
public:
    // Error "bad_private_key" when the PEM is not an SM2 private key.
    static Result<El1Signer> fromPrivateKeyPem(const QByteArray &pem, const QString &kid);

    QString kid() const { return m_kid; }
    // "EL1.<kid>.<claims>.<signature>" for the twelve claims.
    QByteArray sign(const El1Claims &claims) const;
    // Same with any bytes as the claims JSON (tests of malformed claims that still carry a good signature).
    QByteArray signClaimsJson(const QByteArray &claimsJson) const;
    // The DER signature of arbitrary text.
    QByteArray signatureOf(QByteArrayView text) const;

private:
    El1Signer() = default;
    std::shared_ptr<evp_pkey_st> m_key;
    QString m_kid;
};

} // namespace windowdesk::license
