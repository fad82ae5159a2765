#include "sm2.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace windowdesk::license::sm2 {

namespace {

std::shared_ptr<evp_pkey_st> wrap(EVP_PKEY *k) {
    if (!k)
        return {};
    if (!EVP_PKEY_is_a(k, "SM2")) {
        EVP_PKEY_free(k);
        return {};
    }
    return std::shared_ptr<evp_pkey_st>(k, &EVP_PKEY_free);
}

QByteArray bioBytes(BIO *bio) {
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QByteArray(data, qsizetype(n)) : QByteArray();
}

// One EVP_MD_CTX with its own EVP_PKEY_CTX carrying the distinguishing ID.
struct DigestCtx {
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    explicit DigestCtx(EVP_PKEY *key) {
        pctx = EVP_PKEY_CTX_new(key, nullptr);
        if (!md || !pctx || EVP_PKEY_CTX_set1_id(pctx, kDefaultId, sizeof(kDefaultId) - 1) != 1) {
            EVP_PKEY_CTX_free(pctx);
            pctx = nullptr;
            return;
        }
        EVP_MD_CTX_set_pkey_ctx(md, pctx); // md does not take ownership
    }
    ~DigestCtx() {
        EVP_MD_CTX_free(md);
        EVP_PKEY_CTX_free(pctx);
    }
    bool ok() const { return md && pctx; }
};

} // namespace

std::shared_ptr<evp_pkey_st> readPublicKeyPem(const QByteArray &pem) {
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return {};
    EVP_PKEY *k = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return wrap(k);
}

std::shared_ptr<evp_pkey_st> readPrivateKeyPem(const QByteArray &pem) {
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return {};
    EVP_PKEY *k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return wrap(k);
}

bool verify(evp_pkey_st *publicKey, QByteArrayView message, QByteArrayView signature) {
    if (!publicKey || signature.isEmpty())
        return false;
    // DER only: parse, then demand the canonical re-encoding equals the input byte for byte.
    const auto *p = reinterpret_cast<const unsigned char *>(signature.data());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &p, long(signature.size()));
    if (!sig)
        return false;
    const bool consumedAll =
        p == reinterpret_cast<const unsigned char *>(signature.data()) + signature.size();
    unsigned char *der = nullptr;
    const int derLen = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    const bool canonical = consumedAll && derLen == signature.size() &&
                           QByteArrayView(reinterpret_cast<const char *>(der), derLen) == signature;
    OPENSSL_free(der);
    if (!canonical)
        return false;

    DigestCtx ctx(publicKey);
    if (!ctx.ok() || EVP_DigestVerifyInit(ctx.md, nullptr, EVP_sm3(), nullptr, publicKey) != 1)
        return false;
    const int rc = EVP_DigestVerify(
        ctx.md, reinterpret_cast<const unsigned char *>(signature.data()), size_t(signature.size()),
        reinterpret_cast<const unsigned char *>(message.data()), size_t(message.size()));
    return rc == 1; // 0 is a bad signature, negative an error: both reject
}

QByteArray sign(evp_pkey_st *privateKey, QByteArrayView message) {
    if (!privateKey)
        return {};
    DigestCtx ctx(privateKey);
    if (!ctx.ok() || EVP_DigestSignInit(ctx.md, nullptr, EVP_sm3(), nullptr, privateKey) != 1)
        return {};
    size_t len = 0;
    const auto *msg = reinterpret_cast<const unsigned char *>(message.data());
    if (EVP_DigestSign(ctx.md, nullptr, &len, msg, size_t(message.size())) != 1)
        return {};
    QByteArray out(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.md, reinterpret_cast<unsigned char *>(out.data()), &len, msg,
                       size_t(message.size())) != 1)
        return {};
    out.resize(qsizetype(len));
    return out;
}

KeyPair generateKeyPair() {
    KeyPair kp;
    EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2");
    if (!k)
        return kp;
    BIO *priv = BIO_new(BIO_s_mem());
    BIO *pub = BIO_new(BIO_s_mem());
    if (priv && pub && PEM_write_bio_PrivateKey(priv, k, nullptr, nullptr, 0, nullptr, nullptr) == 1 &&
        PEM_write_bio_PUBKEY(pub, k) == 1) {
        kp.privatePem = bioBytes(priv);
        kp.publicPem = bioBytes(pub);
    }
    BIO_free(priv);
    BIO_free(pub);
    EVP_PKEY_free(k);
    return kp;
}

} // namespace windowdesk::license::sm2
