// The demo hall's signer and licenses: fresh payloads verify against db/demo/license_keys.json, and the
// 证照标识 check characters are ISO 7064 MOD 37,36.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/licenseid.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/replaystore.h>

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::license;

class TestDemoLicenses : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void checkCharacter_data() {
        QTest::addColumn<QString>("lid");
        // From the public vectors (signed by the platform's key).
        QTest::addRow("business license")
            << u"1.2.156.3005.2.11100000000013338W001.1143010000500123XN.2021052001.001.C"_s;
        QTest::addRow("resident id")
            << u"1.2.156.3005.2.11100000000013127D001.11110102000070017M.2019010100001.001.3"_s;
        for (const DemoLicense &d : DemoLicenses::licenses())
            QTest::addRow("demo %s", qPrintable(d.claims.hn)) << d.claims.lid;
    }
    void checkCharacter() {
        QFETCH(QString, lid);
        const QStringList parts = lid.split(u'.');
        QCOMPARE(parts.size(), 10);
        QCOMPARE(parts.mid(0, 5).join(u'.'), u"1.2.156.3005.2"_s);
        const QString body = parts.mid(5, 4).join(QString());
        QCOMPARE(DemoLicenses::licenseIdCheckChar(body), parts[9].at(0));
        QVERIFY(core::checkLicenseId(lid).checkOk); // the clerk sees no warning for it
    }

    void checkCharacterCatchesTypos() {
        const QString body = u"11100000000013338W0011143010000500123XN2021052001001"_s;
        const QChar check = DemoLicenses::licenseIdCheckChar(body);
        for (int i = 0; i < body.size(); ++i) {
            QString typo = body;
            typo[i] = typo[i] == u'7' ? u'8' : u'7';
            QVERIFY2(DemoLicenses::licenseIdCheckChar(typo) != check, qPrintable(typo));
            if (i + 1 < body.size() && body[i] != body[i + 1]) {
                QString swapped = body;
                std::swap(swapped[i], swapped[i + 1]);
                QVERIFY2(DemoLicenses::licenseIdCheckChar(swapped) != check, qPrintable(swapped));
            }
        }
        QVERIFY(DemoLicenses::licenseIdCheckChar(u"AB*C"_s).isNull()); // outside the alphabet
    }

    void makeLicenseId() {
        QCOMPARE(DemoLicenses::makeLicenseId(u"11100000000013338W001"_s, u"1143010000500123XN"_s,
                                             u"2021052001"_s, 1),
                 u"1.2.156.3005.2.11100000000013338W001.1143010000500123XN.2021052001.001.C"_s);
    }

    void demoLicensesAreWellFormed() {
        const QList<DemoLicense> all = DemoLicenses::licenses();
        QVERIFY(all.size() >= 2);
        const QRegularExpression masked(u"^[0-9A-Z]{3}\\*{11}[0-9A-Z]{4}$"_s);
        bool resident = false, business = false;
        for (const DemoLicense &d : all) {
            QVERIFY(!d.title.isEmpty());
            QVERIFY2(masked.match(d.claims.hid).hasMatch(), qPrintable(d.claims.hid));
            QVERIFY(isRealDate(d.claims.isd));
            if (d.claims.typ == QStringView(kTypeResidentId)) {
                resident = true;
                QCOMPARE(d.claims.tn, u"居民身份证"_s);
                QVERIFY(masked.match(d.claims.no).hasMatch()); // a personal id number is masked like hid
            }
            if (d.claims.typ == QStringView(kTypeBusinessLicense)) {
                business = true;
                QCOMPARE(d.claims.hn, u"湖南示例科技有限公司"_s);
                QCOMPARE(d.claims.tn, u"营业执照"_s);
            }
        }
        QVERIFY(resident && business);
        QCOMPARE(all.at(0).claims.hn, u"张三"_s);
    }

    void freshPayloadsVerifyWithTheDemoKey() {
        auto keys = DemoLicenses::keySet();
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message));
        const LicenseKey *k = keys->find("demo-hall-2026");
        QVERIFY(k);
        QCOMPARE(k->source, u"demo"_s);

        FixedClock clock(QDateTime(QDate(2026, 3, 6), QTime(9, 0), QTimeZone::utc()));
        MemoryReplayStore store;
        El1Verifier verifier(keys.value(), store, clock);
        const QList<DemoLicense> all = DemoLicenses::licenses();
        for (int i = 0; i < all.size(); ++i) {
            auto payload = DemoLicenses::freshPayload(i, clock);
            QVERIFY(payload.ok());
            QVERIFY(payload->startsWith("EL1.demo-hall-2026."));
            auto r = verifier.verify(payload.value());
            QVERIFY(r.ok());
            const bool expiredLicense = all[i].claims.vu != QStringView(kEl1NoEnd) &&
                                        QDate::fromString(all[i].claims.vu, Qt::ISODate) < QDate(2026, 3, 6);
            QCOMPARE(r->code(), expiredLicense ? u"license_expired"_s : u"ok"_s);
            QVERIFY(r->claims);
            QCOMPARE(r->claims->hn, all[i].claims.hn);
            QCOMPARE(r->claims->iat, clock.nowSecs());
            QCOMPARE(r->claims->exp - r->claims->iat, 300);
        }
        // Two payloads of one license differ (nonce), so showing the QR again is not a replay.
        const QByteArray a = DemoLicenses::freshPayload(0, clock).value();
        const QByteArray b = DemoLicenses::freshPayload(0, clock).value();
        QVERIFY(a != b);
        QCOMPARE(verifier.verify(a)->code(), u"ok"_s);
        QCOMPARE(verifier.verify(b)->code(), u"ok"_s);
        QCOMPARE(verifier.verify(a)->code(), u"replayed"_s);
        QVERIFY(!DemoLicenses::freshPayload(99, clock).ok());
    }

    void demoFilesAreMarkedDemo() {
        QFile keys(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/license_keys.json"));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        QVERIFY(keys.readAll().contains("\"demo\": true"));
        QFile pem(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/demo_license_signer.pem"));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        QVERIFY(pem.readAll().startsWith("# DEMO KEY"));
    }
};

QTEST_GUILESS_MAIN(TestDemoLicenses)
#include "tst_demolicenses.moc"
