#pragma once
// SM2/SM3 signing for EL1 payloads, hashes and the small artefacts the simulator hands out.
#include <QByteArray>
#include <QString>

namespace windowdesk::sim {

// An SM2 key pair kept as PKCS#8 PEM (the simulator stores it in its data file).
class Sm2Key {
public:
    Sm2Key() = default;
    ~Sm2Key();
    Sm2Key(const Sm2Key &) = delete;
    Sm2Key &operator=(const Sm2Key &) = delete;

    bool generate();
    bool loadPrivatePem(const QByteArray &pem);
    QByteArray privatePem() const;
    QByteArray publicPem() const;
    // DER SEQUENCE{r,s} over `data`, digest SM3, distinguishing ID 1234567812345678 (GB/T 32918).
    QByteArray sign(const QByteArray &data) const;
    bool verify(const QByteArray &data, const QByteArray &derSignature) const;
    bool isValid() const { return m_key != nullptr; }

private:
    void *m_key = nullptr; // EVP_PKEY*
};

QByteArray sm3Hex(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);
QByteArray randomToken(int bytes); // base64url, no padding
QString uuid();

// ISO 7064 MOD 37,36 check character over the given alphanumerics (证照标识, GB/T 36901).
QChar mod3736Check(const QString &alnum);
// A minimal, valid one-page PDF naming the license (ASCII text only).
QByteArray demoPdf(const QString &licenseId, const QString &title);

} // namespace windowdesk::sim
