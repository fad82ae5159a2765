// EL1 verification: the public vectors, then every step of elicense-qr.md with payloads signed here by
// fresh SM2 keys (so the rules are tested, not the vectors).
#include <windowdesk/core/clock.h>
#include <windowdesk/license/el1format.h>
#include <windowdesk/license/el1signer.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/license/sm2.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <openssl/evp.h>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::license;

namespace {

constexpr qint64 T0 = 1772758800; // 2026-03-06T01:00:00Z, 09:00 in China

QByteArray readFile(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// Claims as raw JSON members, so tests can write what QJsonDocument never would (duplicates, 1.7e9).
struct RawClaims {
    QList<std::pair<QByteArray, QByteArray>> members;

    static RawClaims valid(qint64 iat = T0, qint64 lifetime = 180,
                           const QByteArray &nonce = "test-nonce-0000000001") {
        RawClaims r;
        r.members = {
            {"lid", "\"1.2.156.3005.2.11100000000013127D001.11430100006279213G.2020051800012.001.K\""},
            {"typ", "\"11100000000013127D001\""},
            {"tn", "\"居民身份证\""},
            {"no", "\"430***********0012\""},
            {"hn", "\"张三\""},
            {"hid", "\"430***********0012\""},
            {"iss", "\"长沙市公安局芙蓉分局\""},
            {"isd", "\"2020-05-18\""},
            {"vu", "\"2040-05-18\""},
            {"iat", QByteArray::number(iat)},
            {"exp", QByteArray::number(iat + lifetime)},
            {"nonce", '"' + nonce + '"'},
        };
        return r;
    }
    RawClaims &set(const QByteArray &key, const QByteArray &raw) {
        for (auto &m : members) {
            if (m.first == key) {
                m.second = raw;
                return *this;
            }
        }
        members.append({key, raw});
        return *this;
    }
    RawClaims &add(const QByteArray &key, const QByteArray &raw) {
        members.append({key, raw});
        return *this;
    }
    RawClaims &remove(const QByteArray &key) {
        members.removeIf([&](const auto &m) { return m.first == key; });
        return *this;
    }
    QByteArray json() const {
        QByteArray out = "{";
        for (const auto &[k, v] : members)
            out += (out.size() > 1 ? "," : "") + ('"' + k + "\":" + v);
        return out + '}';
    }
};

// "30 len ..." with the length in long form: the same signature in BER, not DER.
QByteArray toBer(const QByteArray &der) {
    QByteArray ber = der;
    ber.insert(1, char(0x81));
    return ber;
}

} // namespace

class TestEl1Verifier : public QObject {
    Q_OBJECT

private:
    KeySet m_vectorKeys;
    KeySet m_keys; // "t-key" (fresh) valid 2026-01-01..2027-12-31
    std::optional<El1Signer> m_signer;
    std::optional<El1Signer> m_strangerSigner; // a key pair nobody trusts, published under kid "t-key"
    sm2::KeyPair m_pair;

    QByteArray sign(const RawClaims &c) const { return m_signer->signClaimsJson(c.json()); }

    El1Result verifyAt(const QByteArray &payload, qint64 now, ReplayStore *store = nullptr) {
        FixedClock clock(QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()));
        MemoryReplayStore memory;
        El1Verifier v(m_keys, store ? *store : memory, clock);
        auto r = v.verify(payload);
        if (!r.ok())
            qFatal("replay store failed");
        return r.value();
    }

    std::unique_ptr<storage::Database> openDb(const QString &path) {
        auto db = storage::Database::open(path);
        if (!db.ok())
            qFatal("db: %s", qPrintable(db.error().message));
        return std::move(db).value();
    }

private Q_SLOTS:
    void initTestCase() {
        auto keys = KeySet::fromJson(readFile(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/keys.json")));
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        m_vectorKeys = keys.value();

        m_pair = sm2::generateKeyPair();
        QVERIFY(!m_pair.privatePem.isEmpty());
        const QJsonObject set{
            {u"keys"_s, QJsonArray{QJsonObject{{u"kid"_s, u"t-key"_s},
                                               {u"alg"_s, u"SM2-SM3"_s},
                                               {u"public_key_pem"_s, QString::fromLatin1(m_pair.publicPem)},
                                               {u"not_before"_s, u"2026-01-01T00:00:00Z"_s},
                                               {u"not_after"_s, u"2027-12-31T23:59:59Z"_s}}}}};
        auto mine = KeySet::fromJson(QJsonDocument(set).toJson());
        QVERIFY(mine.ok());
        m_keys = mine.value();
        auto s = El1Signer::fromPrivateKeyPem(m_pair.privatePem, u"t-key"_s);
        QVERIFY(s.ok());
        m_signer = s.value();
        auto stranger = El1Signer::fromPrivateKeyPem(sm2::generateKeyPair().privatePem, u"t-key"_s);
        QVERIFY(stranger.ok());
        m_strangerSigner = stranger.value();
    }

    // ── The public vectors ────────────────────────────────────────────────────────────────────────
    void vectors_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("expect");
        QTest::addColumn<QJsonObject>("claims");
        const QJsonObject doc =
            QJsonDocument::fromJson(readFile(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/vectors.json")))
                .object();
        QVERIFY(doc.value(u"vectors"_s).toArray().size() >= 12);
        for (const QJsonValue &v : doc.value(u"vectors"_s).toArray()) {
            const QJsonObject o = v.toObject();
            QTest::addRow("%s", qPrintable(o.value(u"name"_s).toString()))
                << o.value(u"payload"_s).toString().toUtf8() << qint64(o.value(u"now"_s).toDouble())
                << o.value(u"expect"_s).toString() << o.value(u"claims"_s).toObject();
        }
    }
    void vectors() {
        QFETCH(QByteArray, payload);
        QFETCH(qint64, now);
        QFETCH(QString, expect);
        QFETCH(QJsonObject, claims);
        FixedClock clock(QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()));
        MemoryReplayStore store;
        El1Verifier v(m_vectorKeys, store, clock);
        auto r = v.verify(payload);
        QVERIFY(r.ok());
        QCOMPARE(r->code(), expect);
        QVERIFY(!r->message().isEmpty());
        if (!claims.isEmpty()) {
            QVERIFY(r->claims.has_value());
            QCOMPARE(r->claims->toJson(), claims);
        }
        const bool signatureHeld = expect == u"ok" || expect == u"not_yet_valid" || expect == u"expired" ||
                                   expect == u"license_expired" || expect == u"replayed";
        QCOMPARE(r->claims.has_value(), signatureHeld);
    }

    void sequences_data() {
        QTest::addColumn<QJsonArray>("steps");
        const QJsonObject doc =
            QJsonDocument::fromJson(readFile(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/vectors.json")))
                .object();
        QVERIFY(!doc.value(u"sequences"_s).toArray().isEmpty());
        for (const QJsonValue &v : doc.value(u"sequences"_s).toArray())
            QTest::addRow("%s", qPrintable(v.toObject().value(u"name"_s).toString()))
                << v.toObject().value(u"steps"_s).toArray();
    }
    void sequences() {
        QFETCH(QJsonArray, steps);
        // One SQLite replay store shared by the steps, as at a real window.
        QTemporaryDir dir;
        auto db = openDb(dir.filePath(u"seq.db"_s));
        SqlReplayStore store(*db);
        FixedClock clock(QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()));
        El1Verifier v(m_vectorKeys, store, clock);
        for (const QJsonValue &s : steps) {
            const QJsonObject step = s.toObject();
            clock.set(
                QDateTime::fromSecsSinceEpoch(qint64(step.value(u"now"_s).toDouble()), QTimeZone::utc()));
            auto r = v.verify(step.value(u"payload"_s).toString().toUtf8());
            QVERIFY(r.ok());
            QCOMPARE(r->code(), step.value(u"expect"_s).toString());
        }
    }

    // ── Every rule, with payloads signed here ─────────────────────────────────────────────────────
    void rules_data() {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("expect");

        const QByteArray good = sign(RawClaims::valid());
        const qint64 now = T0 + 10;
        QTest::addRow("ok") << good << now << u"ok"_s;
        QTest::addRow("suffix CR LF") << good + "\r\n" << now << u"ok"_s;
        QTest::addRow("tab and spaces around") << " \t" + good + "\t" << now << u"ok"_s;

        // Step 2: empty, length before characters, printable ASCII only.
        QTest::addRow("empty") << QByteArray() << now << u"malformed"_s;
        QTest::addRow("only white space") << QByteArray(" \r\n\t") << now << u"malformed"_s;
        QTest::addRow("2049 bytes of junk") << QByteArray(2049, '\x01') << now << u"too_long"_s;
        QTest::addRow("2049 bytes after trimming") << " " + QByteArray(2049, 'A') + "\r\n"
                                                   << now << u"too_long"_s;
        QTest::addRow("2048 bytes of junk is not too long") << QByteArray(2048, 'A') << now << u"malformed"_s;
        {
            QByteArray p = good;
            p.insert(40, '\x7f');
            QTest::addRow("DEL inside") << p << now << u"malformed"_s;
            p = good;
            p.insert(40, ' ');
            QTest::addRow("space inside") << p << now << u"malformed"_s;
            p = good;
            p.insert(40, "\xc3\xa9");
            QTest::addRow("UTF-8 byte inside") << p << now << u"malformed"_s;
            QTest::addRow("non-printable before version") << "EL2\x01" + good.mid(3) << now << u"malformed"_s;
        }

        // Step 3: version, then parts.
        QTest::addRow("EL2") << "EL2" + good.mid(3) << now << u"unsupported_version"_s;
        QTest::addRow("EL10") << "EL10" + good.mid(3) << now << u"unsupported_version"_s;
        QTest::addRow("EL2 alone") << QByteArray("EL2") << now << u"unsupported_version"_s;
        QTest::addRow("EL2 with five parts") << "EL2" + good.mid(3) + ".x" << now << u"unsupported_version"_s;
        QTest::addRow("el1 lower case") << "el1" + good.mid(3) << now << u"malformed"_s;
        QTest::addRow("EL without digits") << "EL" + good.mid(3) << now << u"malformed"_s;
        QTest::addRow("EL1x") << "EL1x" + good.mid(3) << now << u"malformed"_s;
        QTest::addRow("five parts") << good + ".AAAA" << now << u"malformed"_s;
        QTest::addRow("three parts") << good.left(good.lastIndexOf('.')) << now << u"malformed"_s;
        QTest::addRow("empty signature part")
            << good.left(good.lastIndexOf('.') + 1) << now << u"malformed"_s;
        QTest::addRow("empty kid") << "EL1." + good.mid(9) << now << u"malformed"_s;
        QTest::addRow("EL1 alone") << QByteArray("EL1") << now << u"malformed"_s;

        // Step 4: character sets, then the key lookup.
        QTest::addRow("kid with +")
            << m_signer->signClaimsJson(RawClaims::valid().json()).replace("t-key", "t+key") << now
            << u"malformed"_s;
        QTest::addRow("kid of 65") << "EL1." + QByteArray(65, 'k') + good.mid(9) << now << u"malformed"_s;
        QTest::addRow("kid of 64 unknown")
            << "EL1." + QByteArray(64, 'k') + good.mid(9) << now << u"unknown_key"_s;
        QTest::addRow("unknown kid") << "EL1.other" + good.mid(9) << now << u"unknown_key"_s;
        {
            // Padding is not base64url-without-padding, even with a signature over the padded text.
            RawClaims c = RawClaims::valid();
            QByteArray b64 = encodeBase64Url(c.json());
            while (b64.size() % 4 == 0) {
                c.add("x", "1");
                b64 = encodeBase64Url(c.json());
            }
            const QByteArray text = "EL1.t-key." + b64 + QByteArray(4 - b64.size() % 4, '=');
            QTest::addRow("claims with = padding")
                << text + '.' + encodeBase64Url(m_signer->signatureOf(text)) << now << u"malformed"_s;
            const QByteArray sig = m_signer->signatureOf(good.left(good.lastIndexOf('.')));
            QTest::addRow("signature with = padding")
                << good.left(good.lastIndexOf('.') + 1) + sig.toBase64(QByteArray::Base64UrlEncoding) + "="
                << now << u"malformed"_s;
        }

        // Step 5: the signature.
        {
            const QByteArray text = good.left(good.lastIndexOf('.'));
            const QByteArray der = m_signer->signatureOf(text);
            QTest::addRow("tampered claims")
                << sign(RawClaims::valid().set("hn", "\"李四\"")).left(good.lastIndexOf('.')) +
                       good.mid(good.lastIndexOf('.'))
                << now << u"bad_signature"_s;
            QTest::addRow("signed by a stranger")
                << m_strangerSigner->signClaimsJson(RawClaims::valid().json()) << now << u"bad_signature"_s;
            QTest::addRow("BER signature")
                << text + '.' + encodeBase64Url(toBer(der)) << now << u"bad_signature"_s;
            QTest::addRow("DER plus a trailing byte")
                << text + '.' + encodeBase64Url(der + '\0') << now << u"bad_signature"_s;
            QTest::addRow("signature not DER")
                << text + '.' + encodeBase64Url("not a signature") << now << u"bad_signature"_s;
            QTest::addRow("signature of 5 chars (not base64url)")
                << text + ".AAAAA" << now << u"bad_signature"_s;
            QTest::addRow("signature with stray trailing bits") << text + ".AB" << now << u"bad_signature"_s;
            // Claims that are not even JSON still give bad_signature when the signature fails: step 5 first.
            QTest::addRow("bad claims and bad signature")
                << "EL1.t-key.AAAA." + encodeBase64Url(der) << now << u"bad_signature"_s;
        }

        // Step 6: claims, with a good signature over them.
        QTest::addRow("claims changed after signing")
            << m_signer->signClaimsJson("x").replace(".eA.", ".eAAAA.") << now << u"bad_signature"_s;
        {
            // A good signature over claims text that does not decode.
            const QByteArray text = "EL1.t-key.AAAAA";
            QTest::addRow("claims of 5 chars, signed")
                << text + '.' + encodeBase64Url(m_signer->signatureOf(text)) << now << u"malformed"_s;
        }
        QTest::addRow("claims not JSON") << m_signer->signClaimsJson("hello") << now << u"malformed"_s;
        QTest::addRow("claims an array") << m_signer->signClaimsJson("[1,2]") << now << u"malformed"_s;
        QTest::addRow("claims invalid UTF-8")
            << m_signer->signClaimsJson(RawClaims::valid().set("hn", "\"\xff\xfe\"").json()) << now
            << u"malformed"_s;
        QTest::addRow("claims with trailing data")
            << m_signer->signClaimsJson(RawClaims::valid().json() + "x") << now << u"malformed"_s;
        QTest::addRow("duplicate key")
            << sign(RawClaims::valid().add("hn", "\"李四\"")) << now << u"malformed"_s;
        QTest::addRow("duplicate nonce key")
            << sign(RawClaims::valid().add("nonce", "\"another-nonce-000001\"")) << now << u"malformed"_s;
        QTest::addRow("iat 1.7e9") << sign(RawClaims::valid().set("iat", "1.7e9").set("exp", "1700000100"))
                                   << 1700000010LL << u"malformed"_s;
        QTest::addRow("iat with .0") << sign(RawClaims::valid().set("iat", QByteArray::number(T0) + ".0"))
                                     << now << u"malformed"_s;
        QTest::addRow("exp with exponent")
            << sign(RawClaims::valid().set("exp", "17727589E2")) << now << u"malformed"_s;
        QTest::addRow("iat as string")
            << sign(RawClaims::valid().set("iat", '"' + QByteArray::number(T0) + '"')) << now
            << u"malformed"_s;
        QTest::addRow("iat leading zero")
            << sign(RawClaims::valid().set("iat", "0" + QByteArray::number(T0))) << now << u"malformed"_s;
        QTest::addRow("iat beyond 64 bits")
            << sign(RawClaims::valid().set("iat", "99999999999999999999")) << now << u"malformed"_s;
        QTest::addRow("hn a number") << sign(RawClaims::valid().set("hn", "1")) << now << u"malformed"_s;
        QTest::addRow("lid null") << sign(RawClaims::valid().set("lid", "null")) << now << u"malformed"_s;
        QTest::addRow("missing iss") << sign(RawClaims::valid().remove("iss")) << now << u"malformed"_s;
        QTest::addRow("missing nonce") << sign(RawClaims::valid().remove("nonce")) << now << u"malformed"_s;
        QTest::addRow("unknown extra fields ignored")
            << sign(RawClaims::valid().add(
                   "x", "{\"a\":[1,2.5e3,true,null],\"a\":\"dup inside is not top level\"}"))
            << now << u"ok"_s;
        QTest::addRow("nonce 15") << sign(RawClaims::valid(T0, 180, "abcdefghijklmno")) << now
                                  << u"malformed"_s;
        QTest::addRow("nonce 16") << sign(RawClaims::valid(T0, 180, "abcdefghijklmnop")) << now << u"ok"_s;
        QTest::addRow("nonce 64") << sign(RawClaims::valid(T0, 180, QByteArray(64, 'n'))) << now << u"ok"_s;
        QTest::addRow("nonce 65") << sign(RawClaims::valid(T0, 180, QByteArray(65, 'n'))) << now
                                  << u"malformed"_s;
        QTest::addRow("nonce with dot")
            << sign(RawClaims::valid(T0, 180, "abcdefgh.ijklmnop")) << now << u"malformed"_s;
        QTest::addRow("nonce escaped")
            << sign(RawClaims::valid(T0, 180, "abcdefghijklmno\\u0070")) << now << u"ok"_s;
        QTest::addRow("isd 2021-02-30")
            << sign(RawClaims::valid().set("isd", "\"2021-02-30\"")) << now << u"malformed"_s;
        QTest::addRow("isd 2021-2-3")
            << sign(RawClaims::valid().set("isd", "\"2021-2-3\"")) << now << u"malformed"_s;
        QTest::addRow("vu 长期") << sign(RawClaims::valid().set("vu", "\"长期\"")) << now << u"ok"_s;
        QTest::addRow("vu 永久") << sign(RawClaims::valid().set("vu", "\"永久\"")) << now << u"malformed"_s;
        QTest::addRow("vu 长期 with space")
            << sign(RawClaims::valid().set("vu", "\"长期 \"")) << now << u"malformed"_s;
        QTest::addRow("exp-iat 300") << sign(RawClaims::valid(T0, 300)) << now << u"ok"_s;
        QTest::addRow("exp-iat 301") << sign(RawClaims::valid(T0, 301)) << now << u"malformed"_s;
        QTest::addRow("exp-iat 0") << sign(RawClaims::valid(T0, 0)) << now << u"malformed"_s;
        QTest::addRow("exp-iat -1") << sign(RawClaims::valid(T0, -1)) << now << u"malformed"_s;
        QTest::addRow("exp-iat 1") << sign(RawClaims::valid(T0, 1)) << now << u"ok"_s;
        // Malformed claims win over a lifetime that is also over (step 6 before 7).
        QTest::addRow("malformed and expired")
            << sign(RawClaims::valid().set("isd", "\"x\"")) << T0 + 100000 << u"malformed"_s;
        // The key's validity must contain iat.
        QTest::addRow("iat before the key")
            << sign(RawClaims::valid(1767225599)) << 1767225599LL << u"unknown_key"_s;
        QTest::addRow("iat at not_before") << sign(RawClaims::valid(1767225600)) << 1767225600LL << u"ok"_s;
        QTest::addRow("iat at not_after") << sign(RawClaims::valid(1830297599)) << 1830297599LL << u"ok"_s;
        QTest::addRow("iat after the key")
            << sign(RawClaims::valid(1830297600)) << 1830297600LL << u"unknown_key"_s;

        // Step 7: 60 s of skew either way, exactly.
        const QByteArray p = sign(RawClaims::valid(T0, 180));
        QTest::addRow("now = iat - 60") << p << T0 - 60 << u"ok"_s;
        QTest::addRow("now = iat - 61") << p << T0 - 61 << u"not_yet_valid"_s;
        QTest::addRow("now = exp + 60") << p << T0 + 240 << u"ok"_s;
        QTest::addRow("now = exp + 61") << p << T0 + 241 << u"expired"_s;
        // Expired wins over an expired license (step 7 before 8).
        QTest::addRow("expired payload of an expired license")
            << sign(RawClaims::valid().set("vu", "\"2020-01-01\"")) << T0 + 1000 << u"expired"_s;

        // Step 8: vu against today's date in China (UTC+8), around midnight there (16:00 UTC).
        const qint64 cstMidnight = 1772812800; // 2026-03-07T00:00+08:00 = 2026-03-06T16:00Z
        const auto vuPayload = [&](const QByteArray &vu) {
            return sign(RawClaims::valid(cstMidnight - 100, 200).set("vu", '"' + vu + '"'));
        };
        QTest::addRow("vu today (CST) just after midnight")
            << vuPayload("2026-03-07") << cstMidnight << u"ok"_s;
        QTest::addRow("vu yesterday (CST) just after midnight")
            << vuPayload("2026-03-06") << cstMidnight << u"license_expired"_s;
        QTest::addRow("vu today (CST) one second before midnight")
            << vuPayload("2026-03-06") << cstMidnight - 1 << u"ok"_s;
        QTest::addRow("vu tomorrow") << vuPayload("2026-03-08") << cstMidnight << u"ok"_s;
    }
    void rules() {
        QFETCH(QByteArray, payload);
        QFETCH(qint64, now);
        QFETCH(QString, expect);
        const El1Result r = verifyAt(payload, now);
        QCOMPARE(r.code(), expect);
        QVERIFY(!r.message().isEmpty());
        const bool signatureHeld = expect == u"ok" || expect == u"not_yet_valid" || expect == u"expired" ||
                                   expect == u"license_expired" || expect == u"replayed";
        QCOMPARE(r.claims.has_value(), signatureHeld);
    }

    void exactLength2048() {
        // A real, valid payload of exactly 2048 bytes is accepted; one byte more is too_long even signed.
        QByteArray at2048, at2049;
        // Signatures vary in length (DER of r and s), so try a few nonces per padding length.
        for (int pad = 800; pad < 1700 && (at2048.isEmpty() || at2049.isEmpty()); ++pad) {
            for (int n = 0; n < 6; ++n) {
                const QByteArray nonce = "length-nonce-" + QByteArray::number(100000 + n);
                const QByteArray p =
                    sign(RawClaims::valid(T0, 180, nonce).add("pad", '"' + QByteArray(pad, 'p') + '"'));
                if (p.size() == 2048 && at2048.isEmpty())
                    at2048 = p;
                if (p.size() == 2049 && at2049.isEmpty())
                    at2049 = p;
            }
        }
        QCOMPARE(at2048.size(), 2048);
        QCOMPARE(at2049.size(), 2049);
        QCOMPARE(verifyAt(at2048, T0).code(), u"ok"_s);
        QCOMPARE(verifyAt(at2048 + "\r\n", T0).code(), u"ok"_s); // trimmed first
        QCOMPARE(verifyAt(at2049, T0).code(), u"too_long"_s);
    }

    void emptyDistinguishingIdIsRejected() {
        // OpenSSL 3.0 signs with an empty ID unless told otherwise; such a signature must not verify.
        const QByteArray text = "EL1.t-key." + encodeBase64Url(RawClaims::valid().json());
        auto key = sm2::readPrivateKeyPem(m_pair.privatePem);
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        QCOMPARE(EVP_DigestSignInit(md, nullptr, EVP_sm3(), nullptr, key.get()), 1);
        size_t len = 0;
        QCOMPARE(EVP_DigestSign(md, nullptr, &len, reinterpret_cast<const unsigned char *>(text.constData()),
                                size_t(text.size())),
                 1);
        QByteArray sig(qsizetype(len), '\0');
        QCOMPARE(EVP_DigestSign(md, reinterpret_cast<unsigned char *>(sig.data()), &len,
                                reinterpret_cast<const unsigned char *>(text.constData()),
                                size_t(text.size())),
                 1);
        sig.resize(qsizetype(len));
        EVP_MD_CTX_free(md);
        QCOMPARE(verifyAt(text + '.' + encodeBase64Url(sig), T0).code(), u"bad_signature"_s);
        // ...while the same text signed with the default ID does.
        QCOMPARE(verifyAt(text + '.' + encodeBase64Url(m_signer->signatureOf(text)), T0).code(), u"ok"_s);
    }

    void claimsOfOkAreExactlyTheTwelve() {
        const El1Result r = verifyAt(sign(RawClaims::valid().add("extra", "\"x\"")), T0);
        QVERIFY(r.ok());
        const QJsonObject j = r.toJson();
        QCOMPARE(j.value(u"result"_s).toString(), u"ok"_s);
        QVERIFY(!j.contains(u"message"_s));
        const QStringList keys = j.value(u"claims"_s).toObject().keys();
        QCOMPARE(keys.size(), 12);
        for (const char *k :
             {"lid", "typ", "tn", "no", "hn", "hid", "iss", "isd", "vu", "iat", "exp", "nonce"})
            QVERIFY2(keys.contains(QString::fromLatin1(k)), k);
        QCOMPARE(r.claims->hn, u"张三"_s);
        QCOMPARE(r.claims->iat, T0);
        QCOMPARE(r.claims->exp, T0 + 180);
    }

    // ── Replay store ──────────────────────────────────────────────────────────────────────────────
    void replayedInMemory() {
        MemoryReplayStore store;
        const QByteArray p = sign(RawClaims::valid());
        QCOMPARE(verifyAt(p, T0, &store).code(), u"ok"_s);
        const El1Result again = verifyAt(p + "\n", T0 + 1, &store);
        QCOMPARE(again.code(), u"replayed"_s);
        QVERIFY(again.claims.has_value());
        // Another nonce is another payload.
        QCOMPARE(verifyAt(sign(RawClaims::valid(T0, 180, "test-nonce-0000000002")), T0, &store).code(),
                 u"ok"_s);
    }

    void licenseExpiredIsNotRecorded() {
        MemoryReplayStore store;
        const QByteArray p = sign(RawClaims::valid().set("vu", "\"2026-01-01\""));
        QCOMPARE(verifyAt(p, T0, &store).code(), u"license_expired"_s);
        QCOMPARE(verifyAt(p, T0, &store).code(), u"license_expired"_s);
        QCOMPARE(store.size(), 0);
    }

    void replaySurvivesRestart() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"client.db"_s);
        const QByteArray p = sign(RawClaims::valid());
        {
            auto db = openDb(path);
            SqlReplayStore store(*db);
            QCOMPARE(verifyAt(p, T0, &store).code(), u"ok"_s);
        }
        auto db = openDb(path);
        SqlReplayStore store(*db);
        QCOMPARE(verifyAt(p, T0 + 30, &store).code(), u"replayed"_s);
        // The record names kid, nonce and exp.
        auto q = db->query(u"SELECT kid, nonce, exp FROM el1_replay"_s);
        QVERIFY(q.ok());
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), u"t-key"_s);
        QCOMPARE(q->value(1).toString(), u"test-nonce-0000000001"_s);
        QCOMPARE(q->value(2).toLongLong(), T0 + 180);
    }

    void twoConnectionsSeeEachOther() {
        QTemporaryDir dir;
        auto a = openDb(dir.filePath(u"client.db"_s));
        auto b = a->openAnotherConnection();
        QVERIFY(b.ok());
        SqlReplayStore sa(*a), sb(*b.value());
        const QByteArray p = sign(RawClaims::valid());
        QCOMPARE(verifyAt(p, T0, &sa).code(), u"ok"_s);
        QCOMPARE(verifyAt(p, T0, &sb).code(), u"replayed"_s);
    }

    void pruning() {
        QTemporaryDir dir;
        auto db = openDb(dir.filePath(u"client.db"_s));
        SqlReplayStore store(*db);
        const qint64 exp = T0 + 180;
        QCOMPARE(store.recordIfNew(u"k"_s, u"nonce-aaaaaaaaaaaa"_s, exp, T0).value(), true);
        QCOMPARE(store.recordIfNew(u"k"_s, u"nonce-bbbbbbbbbbbb"_s, exp + 1000, T0).value(), true);
        QCOMPARE(store.prune(exp + 86400).value(), 0); // kept until exp + 86400 has passed
        QCOMPARE(store.recordIfNew(u"k"_s, u"nonce-aaaaaaaaaaaa"_s, exp, exp + 86400).value(), false);
        QCOMPARE(store.prune(exp + 86401).value(), 1);
        auto q = db->query(u"SELECT nonce FROM el1_replay"_s);
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), u"nonce-bbbbbbbbbbbb"_s);
        QVERIFY(!q->next());
        // Recording prunes on the way too.
        QCOMPARE(store.recordIfNew(u"k"_s, u"nonce-cccccccccccc"_s, exp, exp + 1000 + 86401).value(), true);
        auto n = db->query(u"SELECT count(*) FROM el1_replay"_s);
        QVERIFY(n.ok() && n->next());
        QCOMPARE(n->value(0).toInt(), 1);
    }

    void memoryStorePrunes() {
        MemoryReplayStore store;
        QCOMPARE(store.recordIfNew(u"k"_s, u"n"_s, 100, 0).value(), true);
        QCOMPARE(store.recordIfNew(u"k"_s, u"n"_s, 100, 100 + 86400).value(), false);
        QCOMPARE(store.recordIfNew(u"k"_s, u"m"_s, 200, 100 + 86401).value(), true);
        QCOMPARE(store.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestEl1Verifier)
#include "tst_el1verifier.moc"
