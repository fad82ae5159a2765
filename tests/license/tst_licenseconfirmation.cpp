// LicenseConfirmation without widgets: what each answer of POST /licenses/resolve means for the material a
// license stands in for, the licenses_seen record it keeps, and the 证照标识 check character of every
// verified license (the public vectors' licenses pass it; a wrong check character is a warning). The panel's
// tests run the same service against the platform simulator.
#include <windowdesk/core/clock.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/licenseconfirmation.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::license;
using Verdict = LicenseConfirmation::Verdict;

Q_DECLARE_METATYPE(windowdesk::license::LicenseConfirmation::Outcome)

namespace {
QJsonObject readJson(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(f.readAll()).object();
}

El1Claims zhangsan() {
    El1Claims c;
    c.lid = u"1.2.156.3005.2.11100000000013127D001.11430100006279213G.2020051800012.001.K"_s;
    c.typ = u"11100000000013127D001"_s;
    c.tn = u"居民身份证"_s;
    c.no = u"430***********0012"_s;
    c.hn = u"张三"_s;
    c.hid = u"430***********0012"_s;
    c.iss = u"长沙市公安局芙蓉分局"_s;
    c.isd = u"2020-05-18"_s;
    c.vu = u"2040-05-18"_s;
    c.iat = 1772758800;
    c.exp = 1772758980;
    c.nonce = u"test-nonce-0000000001"_s;
    return c;
}

QByteArray record(const QString &status, const QString &number = u"430104195001050012"_s) {
    return QJsonDocument(QJsonObject{{u"license_id"_s, u"lic-rid-zhangsan"_s},
                                     {u"status"_s, status},
                                     {u"type_name"_s, u"居民身份证"_s},
                                     {u"number"_s, number},
                                     {u"holder_name"_s, u"张三"_s},
                                     {u"holder_id_number"_s, u"430104195001050012"_s},
                                     {u"file_sha256"_s, u"ab12"_s}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestLicenseConfirmation : public QObject {
    Q_OBJECT
private slots:
    void answersMean_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<bool>("takeOff");
        QTest::addColumn<bool>("licenseItself");
        const QByteArray none;
        QTest::addRow("no answer") << 0 << u"network_error"_s << none << int(Verdict::Unreachable) << false
                                   << false;
        QTest::addRow("server error")
            << 503 << QString() << none << int(Verdict::Unreachable) << false << false;
        QTest::addRow("login needed")
            << 401 << u"login_required"_s << none << int(Verdict::Unreachable) << false << false;
        QTest::addRow("409 used in another hall")
            << 409 << u"payload_replayed"_s << none << int(Verdict::CodeReplayed) << true << false;
        // The code expired on its way: nothing against the license, it stays verified offline.
        QTest::addRow("410 code expired")
            << 410 << u"payload_expired"_s << none << int(Verdict::CodeExpired) << false << false;
        QTest::addRow("422 signature")
            << 422 << u"bad_signature"_s << none << int(Verdict::BadSignature) << true << false;
        QTest::addRow("404 unknown license")
            << 404 << u"not_found"_s << none << int(Verdict::UnknownLicense) << true << true;
        QTest::addRow("400 other refusal")
            << 400 << u"bad_request"_s << none << int(Verdict::Refused) << false << false;
        QTest::addRow("valid") << 200 << QString() << record(u"valid"_s) << int(Verdict::Valid) << false
                               << false;
        QTest::addRow("revoked") << 200 << QString() << record(u"revoked"_s) << int(Verdict::Revoked) << true
                                 << true;
        QTest::addRow("expired") << 200 << QString() << record(u"expired"_s) << int(Verdict::Expired) << true
                                 << true;
    }
    void answersMean() {
        QFETCH(int, status);
        QFETCH(QString, errorCode);
        QFETCH(QByteArray, body);
        QFETCH(int, verdict);
        QFETCH(bool, takeOff);
        QFETCH(bool, licenseItself);
        const auto o = LicenseConfirmation::interpret({status, body, errorCode}, zhangsan());
        QCOMPARE(int(o.verdict), verdict);
        QCOMPARE(o.takeOff, takeOff);
        QCOMPARE(o.licenseItself, licenseItself);
        if (o.verdict == Verdict::Valid) {
            QCOMPARE(o.licenseId, u"lic-rid-zhangsan"_s);
            // The platform's full id number is shown masked, and so is a license number that is that id.
            QCOMPARE(o.confirmed.hid, u"430***********0012"_s);
            QCOMPARE(o.confirmed.no, u"430***********0012"_s);
            QCOMPARE(o.confirmed.iss, zhangsan().iss); // not in the answer: the scanned value
        }
    }

    void resolveBodyCarriesThePayloadOnly() {
        const QJsonObject o =
            QJsonDocument::fromJson(LicenseConfirmation::resolveBody(u"EL1.a.b.c"_s)).object();
        QCOMPARE(o.value(u"payload"_s).toString(), u"EL1.a.b.c"_s);
        QVERIFY(o.value(u"case_local_id"_s).isNull());
        QCOMPARE(o.size(), 2);
    }

    // Every license of the public vectors that verifies carries a right 证照标识: no warning. The same
    // identifier with another check character warns (in Chinese), and so does a malformed one.
    void licenseIdCheckCharacter() {
        const QJsonObject vectors = readJson(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/vectors.json"));
        auto keys = KeySet::fromJson(
            QJsonDocument(readJson(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/keys.json"))).toJson());
        QVERIFY(keys.ok());
        int checked = 0;
        for (const QJsonValue &v : vectors.value(u"vectors"_s).toArray()) {
            const QJsonObject t = v.toObject();
            if (t.value(u"expect"_s).toString() != u"ok"_s)
                continue;
            MemoryReplayStore replay;
            FixedClock clock(QDateTime::fromSecsSinceEpoch(t.value(u"now"_s).toInteger(), QTimeZone::utc()));
            El1Verifier verifier(keys.value(), replay, clock);
            auto r = verifier.verify(t.value(u"payload"_s).toString().toUtf8());
            QVERIFY(r.ok() && r.value().ok() && r.value().claims);
            El1Claims c = *r.value().claims;
            QVERIFY2(LicenseConfirmation::licenseIdWarning(c).isEmpty(), qPrintable(c.lid));
            const QChar check = c.lid.back();
            c.lid.back() = check == u'0' ? u'1' : u'0';
            const QString warning = LicenseConfirmation::licenseIdWarning(c);
            QVERIFY2(!warning.isEmpty(), qPrintable(c.lid));
            QVERIFY(warning.contains(u"证照标识"_s));
            c.lid = u"not-a-license-id"_s;
            QVERIFY(!LicenseConfirmation::licenseIdWarning(c).isEmpty());
            ++checked;
        }
        QVERIFY(checked >= 2);
    }

    // licenses_seen: the scan recorded offline (masked holder id only); the platform's answer kept; a payload
    // that expires before the platform is reachable stays unconfirmed, and the service says so once.
    void recordsAndConfirms() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(u"c.db"_s));
        QVERIFY(db.ok());
        FixedClock clock(QDateTime::fromSecsSinceEpoch(zhangsan().iat + 10, QTimeZone::utc()));
        LicenseConfirmation confirmation(*db.value(), clock);
        const qint64 seen = confirmation.recordSeen(zhangsan());
        QVERIFY(seen > 0);
        auto row = [&](qint64 id) {
            auto q =
                db.value()->query(u"SELECT verification, status, license_id, holder_id_masked, file_sha256 "
                                  u"FROM licenses_seen WHERE id = ?"_s,
                                  {id});
            return q.ok() && q->next()
                       ? QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                     q->value(3).toString(), q->value(4).toString()}
                       : QStringList{};
        };
        QCOMPARE(row(seen), (QStringList{u"offline"_s, u"unconfirmed"_s, QString(), u"430***********0012"_s,
                                         QString()}));

        // The platform, as the application reaches it: unreachable first, then it answers.
        bool online = false;
        LicenseConfirmation::Answer next{0, {}, u"network_error"_s};
        QStringList paths;
        LicenseConfirmation::Platform platform;
        platform.available = [&online] {
            return online;
        };
        platform.post = [&](const QString &path, const QByteArray &,
                            std::function<void(const LicenseConfirmation::Answer &)> done) {
            paths << path;
            done(next);
        };
        confirmation.setPlatform(platform);
        QSignalSpy answered(&confirmation, &LicenseConfirmation::answered);
        QSignalSpy expired(&confirmation, &LicenseConfirmation::expiredUnconfirmed);
        confirmation.confirm(seen, u"EL1.payload"_s, zhangsan());
        QCOMPARE(paths.size(), 0); // offline: not tried
        QCOMPARE(confirmation.unconfirmedCount(), 1);
        online = true;
        confirmation.confirmPending();
        QCOMPARE(paths, QStringList{u"/licenses/resolve"_s});
        QCOMPARE(answered.size(), 0); // no answer: tried again later
        QCOMPARE(confirmation.unconfirmedCount(), 1);
        next = {200, record(u"valid"_s), QString()};
        confirmation.confirmPending();
        QCOMPARE(answered.size(), 1);
        QCOMPARE(confirmation.unconfirmedCount(), 0);
        QCOMPARE(row(seen), (QStringList{u"online"_s, u"valid"_s, u"lic-rid-zhangsan"_s,
                                         u"430***********0012"_s, u"ab12"_s}));

        // A refusal records nothing of the platform's: still offline and unconfirmed.
        const qint64 second = confirmation.recordSeen(zhangsan());
        next = {409, {}, u"payload_replayed"_s};
        confirmation.confirm(second, u"EL1.payload2"_s, zhangsan());
        QCOMPARE(answered.size(), 2);
        QCOMPARE(row(second).mid(0, 3), (QStringList{u"offline"_s, u"unconfirmed"_s, QString()}));

        // Expired before the platform could be reached.
        const qint64 third = confirmation.recordSeen(zhangsan());
        online = false;
        confirmation.confirm(third, u"EL1.payload3"_s, zhangsan());
        clock.advanceSecs(300);
        confirmation.confirmPending();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.at(0).at(0).toLongLong(), third);
        QCOMPARE(confirmation.unconfirmedCount(), 0);
        confirmation.confirmPending();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(row(third).mid(0, 2), (QStringList{u"offline"_s, u"unconfirmed"_s}));
    }
};

QTEST_GUILESS_MAIN(TestLicenseConfirmation)
#include "tst_licenseconfirmation.moc"
