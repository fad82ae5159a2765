// AES-256-GCM and HMAC-SHA256 (core/crypto) for the personal data at rest (issue 18 #4): the published test
// vectors, a fresh nonce per value, and every bit of the sealed value, the key and the associated data bound.
#include <windowdesk/core/crypto.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestCrypto : public QObject {
    Q_OBJECT
private slots:
    void hmacSha256Rfc4231() {
        // RFC 4231 test case 2.
        QCOMPARE(crypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void sealOpenRoundTrip() {
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray plain = "11010519491231002X";
        const QByteArray a = crypto::aes256GcmSeal(key, plain, "cases.applicant_id_number:L1");
        const QByteArray b = crypto::aes256GcmSeal(key, plain, "cases.applicant_id_number:L1");
        QCOMPARE(a.size(), 12 + plain.size() + 16);
        QVERIFY(a != b); // a fresh nonce per value
        QVERIFY(!a.contains(plain));
        bool ok = false;
        QCOMPARE(crypto::aes256GcmOpen(key, a, "cases.applicant_id_number:L1", &ok), plain);
        QVERIFY(ok);
    }

    void everythingIsBound() {
        const QByteArray key = crypto::randomBytes(32);
        const QByteArray sealed = crypto::aes256GcmSeal(key, "13800138000", "cases.applicant_phone:L1");
        bool ok = true;
        // Another row's (or column's) associated data: a value swapped between rows does not open.
        crypto::aes256GcmOpen(key, sealed, "cases.applicant_phone:L2", &ok);
        QVERIFY(!ok);
        crypto::aes256GcmOpen(crypto::randomBytes(32), sealed, "cases.applicant_phone:L1", &ok);
        QVERIFY(!ok);
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QByteArray flipped = sealed;
            flipped[i] = char(flipped[i] ^ 0x01);
            ok = true;
            crypto::aes256GcmOpen(key, flipped, "cases.applicant_phone:L1", &ok);
            QVERIFY2(!ok, qPrintable(u"byte %1"_s.arg(i)));
        }
        ok = true;
        crypto::aes256GcmOpen(key, sealed.left(20), "cases.applicant_phone:L1", &ok);
        QVERIFY(!ok);
        QVERIFY(crypto::aes256GcmSeal("short", "x", "").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
