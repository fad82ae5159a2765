#include "simcrypto.h"

#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

using namespace Qt::StringLiterals;

namespace windowdesk::sim {

namespace {
constexpr char kSm2Id[] = "1234567812345678";

EVP_PKEY *pkey(void *p) {
    return static_cast<EVP_PKEY *>(p);
}

QByteArray bioToBytes(BIO *bio) {
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(n));
}
} // namespace

Sm2Key::~Sm2Key() {
    EVP_PKEY_free(pkey(m_key));
}

bool Sm2Key::generate() {
    EVP_PKEY_free(pkey(m_key));
    m_key = EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2");
    return m_key != nullptr;
}

bool Sm2Key::loadPrivatePem(const QByteArray &pem) {
    EVP_PKEY_free(pkey(m_key));
    m_key = nullptr;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    m_key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    return m_key != nullptr;
}

QByteArray Sm2Key::privatePem() const {
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, pkey(m_key), nullptr, nullptr, 0, nullptr, nullptr);
    QByteArray out = bioToBytes(bio);
    BIO_free(bio);
    return out;
}

QByteArray Sm2Key::publicPem() const {
    BIO *bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, pkey(m_key));
    QByteArray out = bioToBytes(bio);
    BIO_free(bio);
    return out;
}

QByteArray Sm2Key::sign(const QByteArray &data) const {
    QByteArray out;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    if (EVP_DigestSignInit_ex(md, &pctx, "SM3", nullptr, nullptr, pkey(m_key), nullptr) == 1 &&
        EVP_PKEY_CTX_set1_id(pctx, kSm2Id, sizeof(kSm2Id) - 1) == 1) {
        size_t len = 0;
        const auto *in = reinterpret_cast<const unsigned char *>(data.constData());
        if (EVP_DigestSign(md, nullptr, &len, in, size_t(data.size())) == 1) {
            out.resize(qsizetype(len));
            if (EVP_DigestSign(md, reinterpret_cast<unsigned char *>(out.data()), &len, in,
                               size_t(data.size())) == 1)
                out.resize(qsizetype(len));
            else
                out.clear();
        }
    }
    EVP_MD_CTX_free(md);
    return out;
}

bool Sm2Key::verify(const QByteArray &data, const QByteArray &derSignature) const {
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = nullptr;
    bool ok = false;
    if (EVP_DigestVerifyInit_ex(md, &pctx, "SM3", nullptr, nullptr, pkey(m_key), nullptr) == 1 &&
        EVP_PKEY_CTX_set1_id(pctx, kSm2Id, sizeof(kSm2Id) - 1) == 1) {
        ok = EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(derSignature.constData()),
                              size_t(derSignature.size()),
                              reinterpret_cast<const unsigned char *>(data.constData()),
                              size_t(data.size())) == 1;
    }
    EVP_MD_CTX_free(md);
    return ok;
}

QByteArray sm3Hex(const QByteArray &data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.constData(), size_t(data.size()), out, &len, EVP_sm3(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(out), int(len)).toHex();
}

QByteArray sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray randomToken(int bytes) {
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString uuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QChar mod3736Check(const QString &alnum) {
    static const QString alphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    constexpr int M = 36;
    int p = M;
    for (QChar c : alnum) {
        const int v = int(alphabet.indexOf(c.toUpper()));
        int s = (p + v) % M;
        if (s == 0)
            s = M;
        p = (2 * s) % (M + 1);
    }
    return alphabet.at((M + 1 - p) % M);
}

QByteArray demoPdf(const QString &licenseId, const QString &title) {
    // Objects are written in order and their byte offsets recorded for the xref table.
    const QByteArray text = "(WindowDesk platform simulator - demo electronic license) Tj 0 -24 Td (" +
                            title.toLatin1() + ") Tj 0 -24 Td (license_id: " + licenseId.toLatin1() + ") Tj";
    const QByteArray stream = "BT /F1 14 Tf 72 760 Td " + text + " ET";
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        "/Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace windowdesk::sim
