#pragma once
// SM2 with SM3 over OpenSSL 3 EVP (internal to the license module).
#include <QByteArray>
#include <QByteArrayView>
#include <memory>

struct evp_pkey_st;

namespace windowdesk::license::sm2 {

// GB/T 32918 / GM/T 0009 default distinguishing ID. OpenSSL 3.0 defaults to an empty ID, with which
// no signature from other SM2 implementations verifies, so it is always set explicitly.
inline constexpr char kDefaultId[] = "1234567812345678";

// A PEM SubjectPublicKeyInfo / PKCS#8 private key on the SM2 curve; null when it is not one.
std::shared_ptr<evp_pkey_st> readPublicKeyPem(const QByteArray &pem);
std::shared_ptr<evp_pkey_st> readPrivateKeyPem(const QByteArray &pem);

// True only when `signature` is a DER ECDSA-Sig-Value that re-encodes to the same bytes (no BER, no
// trailing data) and EVP_DigestVerify returns exactly 1.
bool verify(evp_pkey_st *publicKey, QByteArrayView message, QByteArrayView signature);
// DER signature; empty on failure.
QByteArray sign(evp_pkey_st *privateKey, QByteArrayView message);

struct KeyPair {
    QByteArray privatePem; // PKCS#8
    QByteArray publicPem;  // SubjectPublicKeyInfo
};
// A fresh key pair (tests, demo set-up).
KeyPair generateKeyPair();

} // namespace windowdesk::license::sm2
