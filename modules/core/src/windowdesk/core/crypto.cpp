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

QByteArray hmacSha256(const QByteArray &key, const QByteArray &data) {
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.constData(), int(key.size()),
              reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()),
              reinterpret_cast<unsigned char *>(out.data()), &len))
        return {};
    out.resize(int(len));
    return out;
}

namespace {
constexpr int kGcmNonce = 12;
constexpr int kGcmTag = 16;

// One AES-256-GCM pass; `tag` is written when sealing and checked when opening.
bool gcm(bool seal, const QByteArray &key, const QByteArray &nonce, const QByteArray &in,
         const QByteArray &aad, QByteArray &out, QByteArray &tag) {
    if (key.size() != 32 || nonce.size() != kGcmNonce)
        return false;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx)
        return false;
    const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    int len = 0;
    out = QByteArray(in.size(), Qt::Uninitialized);
    bool ok = seal ? EVP_EncryptInit_ex2(ctx, EVP_aes_256_gcm(), k, iv, nullptr) == 1
                   : EVP_DecryptInit_ex2(ctx, EVP_aes_256_gcm(), k, iv, nullptr) == 1;
    auto update = [&](unsigned char *o, const QByteArray &data) {
        return seal ? EVP_EncryptUpdate(ctx, o, &len,
                                        reinterpret_cast<const unsigned char *>(data.constData()),
                                        int(data.size())) == 1
                    : EVP_DecryptUpdate(ctx, o, &len,
                                        reinterpret_cast<const unsigned char *>(data.constData()),
                                        int(data.size())) == 1;
    };
    ok = ok && (aad.isEmpty() || update(nullptr, aad));
    ok = ok && (in.isEmpty() || update(reinterpret_cast<unsigned char *>(out.data()), in));
    if (ok && !seal)
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kGcmTag, tag.data()) == 1;
    unsigned char rest[16];
    ok = ok && (seal ? EVP_EncryptFinal_ex(ctx, rest, &len) : EVP_DecryptFinal_ex(ctx, rest, &len)) == 1;
    if (ok && seal) {
        tag = QByteArray(kGcmTag, Qt::Uninitialized);
        ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kGcmTag, tag.data()) == 1;
    }
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}
} // namespace

QByteArray aes256GcmSeal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &aad) {
    const QByteArray nonce = randomBytes(kGcmNonce);
    QByteArray ciphertext, tag;
    if (!gcm(true, key, nonce, plaintext, aad, ciphertext, tag))
        return {};
    return nonce + ciphertext + tag;
}

QByteArray aes256GcmOpen(const QByteArray &key, const QByteArray &sealed, const QByteArray &aad, bool *ok) {
    *ok = false;
    if (sealed.size() < kGcmNonce + kGcmTag)
        return {};
    QByteArray tag = sealed.right(kGcmTag);
    QByteArray plaintext;
    if (!gcm(false, key, sealed.left(kGcmNonce), sealed.mid(kGcmNonce, sealed.size() - kGcmNonce - kGcmTag),
             aad, plaintext, tag))
        return {};
    *ok = true;
    return plaintext;
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
