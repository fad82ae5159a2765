#include "crypto.h"

#include <QList>
#include <QString>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace windowdesk::crypto {

namespace {
QByteArray digest(const char *name, const QByteArray &data) {
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_MD *md = EVP_MD_fetch(nullptr, name, nullptr);
    if (!md)
        return {};
    const int rc = EVP_Digest(data.constData(), size_t(data.size()),
                              reinterpret_cast<unsigned char *>(out.data()), &len, md, nullptr);
    EVP_MD_free(md);
    if (rc != 1)
        return {};
    out.resize(int(len));
    return out;
}
} // namespace

QByteArray sm3(const QByteArray &data) {
    return digest("SM3", data);
}
QByteArray sha256(const QByteArray &data) {
    return digest("SHA256", data);
}

QByteArray hmacSm3(const QByteArray &key, const QByteArray &data) {
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    EVP_MD *md = EVP_MD_fetch(nullptr, "SM3", nullptr);
    if (!md)
        return {};
    unsigned char *r =
        HMAC(md, key.constData(), int(key.size()), reinterpret_cast<const unsigned char *>(data.constData()),
             size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()), &len);
    EVP_MD_free(md);
    if (!r)
        return {};
    out.resize(int(len));
    return out;
}

QByteArray randomBytes(int n) {
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("RAND_bytes failed");
    return out;
}

QByteArray pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int length) {
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), length,
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return {};
    return out;
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QByteArray makePasswordVerifier(const QString &password, int iterations) {
    const QByteArray salt = randomBytes(16);
    const QByteArray hash = pbkdf2Sha256(password.toUtf8(), salt, iterations);
    return "pbkdf2-sha256$" + QByteArray::number(iterations) + '$' + salt.toBase64() + '$' + hash.toBase64();
}

bool checkPasswordVerifier(const QString &password, const QByteArray &verifier) {
    const QList<QByteArray> parts = verifier.split('$');
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1000 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2]);
    const QByteArray expected = QByteArray::fromBase64(parts[3]);
    const QByteArray got = pbkdf2Sha256(password.toUtf8(), salt, iterations, int(expected.size()));
    return !expected.isEmpty() && equalConstantTime(got, expected);
}

} // namespace windowdesk::crypto
