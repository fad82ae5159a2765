// The GET /keys key set (format, ignored algorithms, duplicate kids) and its cache in license_keys.
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/sm2.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::license;

class TestKeySet : public QObject {
    Q_OBJECT

    QString m_pem;

    QJsonObject key(const QString &kid, const QString &alg = u"SM2-SM3"_s) const {
        return QJsonObject{{u"kid"_s, kid},
                           {u"alg"_s, alg},
                           {u"public_key_pem"_s, m_pem},
                           {u"not_before"_s, u"2026-01-01T00:00:00Z"_s},
                           {u"not_after"_s, u"2027-12-31T23:59:59+08:00"_s}};
    }
    static QByteArray doc(const QJsonArray &keys) {
        return QJsonDocument(QJsonObject{{u"keys"_s, keys}}).toJson();
    }

private Q_SLOTS:
    void initTestCase() { m_pem = QString::fromLatin1(sm2::generateKeyPair().publicPem); }

    void readsTheVectorsKeySet() {
        QFile f(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/keys.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto set = KeySet::fromJson(f.readAll());
        QVERIFY(set.ok());
        QCOMPARE(set->keys().size(), 1);
        const LicenseKey *k = set->find("hn-2026a");
        QVERIFY(k);
        QVERIFY(k->publicKey);
        QVERIFY(k->validAt(1767225600));  // 2026-01-01T00:00:00Z
        QVERIFY(!k->validAt(1767225599)); // a second before
        QVERIFY(k->validAt(1830297599));  // 2027-12-31T23:59:59Z
        QVERIFY(!k->validAt(1830297600));
        QVERIFY(!set->find("hn-2026"));
    }

    void offsetsAreHonoured() {
        auto set = KeySet::fromJson(doc({key(u"a"_s)}));
        QVERIFY(set.ok());
        // 2027-12-31T23:59:59+08:00 is 15:59:59Z.
        QCOMPARE(set->find("a")->notAfter,
                 QDateTime(QDate(2027, 12, 31), QTime(15, 59, 59), QTimeZone::utc()));
    }

    void otherAlgorithmsIgnored() {
        auto set = KeySet::fromJson(doc({key(u"a"_s, u"RSA-SHA256"_s), key(u"b"_s)}));
        QVERIFY(set.ok());
        QCOMPARE(set->keys().size(), 1);
        QVERIFY(!set->find("a"));
        QVERIFY(set->find("b"));
        // An ignored algorithm need not carry a usable key.
        QJsonObject odd{{u"kid"_s, u"c"_s}, {u"alg"_s, u"Ed25519"_s}};
        QVERIFY(KeySet::fromJson(doc({odd, key(u"b"_s)})).ok());
    }

    void errors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addRow("duplicate kid") << doc({key(u"a"_s), key(u"a"_s)}) << u"duplicate_kid"_s;
        QTest::addRow("duplicate kid, one ignored")
            << doc({key(u"a"_s, u"RSA"_s), key(u"a"_s)}) << u"duplicate_kid"_s;
        QTest::addRow("not JSON") << QByteArray("keys") << u"keys_format"_s;
        QTest::addRow("an array") << QByteArray("[]") << u"keys_format"_s;
        QTest::addRow("no keys") << QByteArray("{}") << u"keys_format"_s;
        QTest::addRow("keys not an array") << QByteArray("{\"keys\":{}}") << u"keys_format"_s;
        QJsonObject k = key(u"a"_s);
        k.insert(u"public_key_pem"_s, u"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"_s);
        QTest::addRow("bad PEM") << doc({k}) << u"keys_format"_s;
        k = key(u"a"_s);
        k.insert(u"not_before"_s, u"soon"_s);
        QTest::addRow("bad time") << doc({k}) << u"keys_format"_s;
        k = key(u"a"_s);
        k.remove(u"not_after"_s);
        QTest::addRow("missing not_after") << doc({k}) << u"keys_format"_s;
        QTest::addRow("kid a number")
            << doc({QJsonObject{{u"kid"_s, 1}, {u"alg"_s, u"SM2-SM3"_s}}}) << u"keys_format"_s;
        // An EC key on another curve is not an SM2 key.
        QTest::addRow("P-256 key")
            << doc({QJsonObject{
                   {u"kid"_s, u"p"_s},
                   {u"alg"_s, u"SM2-SM3"_s},
                   {u"public_key_pem"_s,
                    u"-----BEGIN PUBLIC "
                    u"KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjATvfKQd3mhWMc1u5sk8AkudRWFX\n"
                    u"U7Il4TrCCtcJgPY0BdIg9/i6X8RQW8MLkKk2AI6Q5kdo3qRXyxiTi0rCfg==\n-----END PUBLIC KEY-----\n"_s},
                   {u"not_before"_s, u"2026-01-01T00:00:00Z"_s},
                   {u"not_after"_s, u"2027-01-01T00:00:00Z"_s}}})
            << u"keys_format"_s;
    }
    void errors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        auto set = KeySet::fromJson(json);
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, code);
        QVERIFY(!set.error().message.isEmpty());
    }

    void repository() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(u"c.db"_s));
        QVERIFY(db.ok());
        LicenseKeyRepository repo(*db.value());
        const QDateTime now(QDate(2026, 3, 6), QTime(1, 0), QTimeZone::utc());
        QVERIFY(repo.load()->isEmpty());

        auto demo = KeySet::fromJson(doc({key(u"demo-hall-2026"_s)}), u"demo"_s);
        QVERIFY(demo.ok());
        QVERIFY(repo.upsert(demo.value(), now).ok());
        auto loaded = repo.load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->keys().size(), 1);
        QCOMPARE(loaded->find("demo-hall-2026")->source, u"demo"_s);
        QCOMPARE(loaded->find("demo-hall-2026")->notAfter, demo->find("demo-hall-2026")->notAfter);
        QVERIFY(loaded->find("demo-hall-2026")->publicKey);

        // A platform pull replaces everything, the demo key included.
        auto platform = KeySet::fromJson(doc({key(u"hn-2026a"_s), key(u"hn-2026b"_s)}));
        QVERIFY(repo.replaceAll(platform.value(), now).ok());
        loaded = repo.load();
        QCOMPARE(loaded->keys().size(), 2);
        QVERIFY(!loaded->find("demo-hall-2026"));
        QCOMPARE(loaded->find("hn-2026b")->source, u"platform"_s);

        QVERIFY(repo.upsert(demo.value(), now).ok());
        QCOMPARE(repo.load()->keys().size(), 3);

        // Rows as a pull may store them: another alg, a broken PEM, a time without offset. Skipped, not
        // fatal.
        const QVariantList rows[] = {
            {u"rsa"_s, u"RSA-SHA256"_s, m_pem, u"2026-01-01T00:00:00Z"_s, u"2027-01-01T00:00:00Z"_s},
            {u"broken"_s, u"SM2-SM3"_s, u"-----BEGIN PUBLIC KEY-----\nAA==\n-----END PUBLIC KEY-----\n"_s,
             u"2026-01-01T00:00:00Z"_s, u"2027-01-01T00:00:00Z"_s},
            {u"local-time"_s, u"SM2-SM3"_s, m_pem, u"2026-01-01T00:00:00"_s, u"2027-01-01T00:00:00Z"_s},
        };
        for (const QVariantList &row : rows) {
            QVERIFY(
                db.value()
                    ->exec(
                        u"INSERT INTO license_keys (kid, alg, public_key_pem, not_before, not_after, source,"
                        u" updated_at) VALUES (?, ?, ?, ?, ?, 'platform', '2026-03-06T00:00:00Z')"_s,
                        row)
                    .ok());
        }
        loaded = repo.load();
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->keys().size(), 3);
        QVERIFY(loaded->find("hn-2026a") && !loaded->find("rsa") && !loaded->find("broken") &&
                !loaded->find("local-time"));
        QVERIFY(repo.removeSource(u"demo"_s).ok());
        QCOMPARE(repo.load()->keys().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestKeySet)
#include "tst_keyset.moc"
