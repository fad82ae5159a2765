// The license panel on the real IntakePage: pasted and scanned EL1 payloads (demo key) verified offline,
// shown, attached to the matching material and recorded in licenses_seen; rejections with their reason;
// the demo hall's citizen phone window and its simulated wedge scan through the real ScannerInputFilter.
#include "intakefixture.h"

// The simulator's path: given by CMake when the lead lists this test with the simulator tests, else found
// next to this build's tests (SYNC_TEST_SIM overrides both).
#ifndef WINDOWDESK_PLATFORM_SIM
#define WINDOWDESK_PLATFORM_SIM ""
#define LICENSEPANEL_FIND_SIM 1
#endif
#include "../sync/synctestsupport.h"

#include <windowdesk/intake/citizenphonewindow.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/licensepanel.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/license/scannerinputfilter.h>
#include <windowdesk/sync/onlineapi.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
const QString kInjuryMatter = u"430104-000301009000-QR-009"_s;   // 工伤认定: a resident ID material
const QString kEmployerMatter = u"430104-000301007000-GG-007"_s; // 职工参保登记: business license only
constexpr int kZhangSan = 0, kCompany = 1, kExpired = 2;
} // namespace

class TestLicensePanel : public QObject {
    Q_OBJECT
private slots:
    void init() {
        ui::DialogFacade::instance().reset();
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        auto keys = license::DemoLicenses::keySet();
        QVERIFY(keys.ok());
        replay = std::make_unique<license::SqlReplayStore>(*f->db);
        verifier = std::make_unique<license::El1Verifier>(keys.value(), *replay, f->clock);
        scans = std::make_unique<license::LicenseScanService>(*verifier);
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        ctx.scanService = scans.get();
        ctx.demoHall = true;
        page = std::make_unique<IntakePage>(ctx);
        page->resize(1280, 900);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        panel = page->findChild<LicensePanel *>(u"licensePanel"_s);
        QVERIFY(panel);
    }
    void cleanup() {
        page.reset();
        scans.reset();
        verifier.reset();
        replay.reset();
        f.reset();
    }

    void pastedLicenseIsShownAndAttached() {
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        const QByteArray payload = fresh(kZhangSan);
        paste(payload);
        QCOMPARE(text(u"licenseType"_s), u"居民身份证"_s);
        QCOMPARE(text(u"licenseHolder"_s), u"张三"_s);
        QCOMPARE(text(u"licenseHolderId"_s), u"430***********0012"_s);
        QCOMPARE(text(u"licenseNumber"_s), u"430***********0012"_s);
        QCOMPARE(text(u"licenseValidity"_s), u"2040-05-18"_s);
        QVERIFY(!text(u"licenseIssuer"_s).isEmpty());
        QCOMPARE(text(u"licenseState"_s), u"已离线验签，状态待联网确认"_s);
        QVERIFY(!ui::DialogFacade::instance().shown().size());
        const QString lid = license::DemoLicenses::licenses().at(kZhangSan).claims.lid;
        QCOMPARE(attachedLicenseIds(), QStringList{lid});
        // Recorded with the masked holder id only.
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE lid = ? AND holder_id_masked = ? "
                          "AND verification = 'offline' AND status = 'unconfirmed'"_s,
                          {lid, u"430***********0012"_s}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE holder_id_masked NOT LIKE '%*%'"_s), 0);
    }

    void rejectedPayloads_data() {
        QTest::addColumn<int>("license");
        QTest::addColumn<bool>("twice");
        QTest::addColumn<int>("reason");
        QTest::addRow("license expired") << kExpired << false << int(license::El1Reason::LicenseExpired);
        QTest::addRow("replayed") << kZhangSan << true << int(license::El1Reason::Replayed);
    }
    void rejectedPayloads() {
        QFETCH(int, license);
        QFETCH(bool, twice);
        QFETCH(int, reason);
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        const QByteArray payload = fresh(license);
        if (twice) {
            paste(payload);
            QCOMPARE(attachedLicenseIds().size(), 1);
            clearAttachments();
        }
        paste(payload);
        const QString message = license::reasonMessage(license::El1Reason(reason));
        QVERIFY(!message.isEmpty());
        auto *error = panel->findChild<QLabel *>(u"licenseError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), message);
        QVERIFY(error->styleSheet().contains(u"#b3261e"_s));
        QCOMPARE(text(u"licenseHolder"_s), QString());
        QVERIFY(attachedLicenseIds().isEmpty());
        QVERIFY(!panel->lastClaims().has_value());
    }

    void licenseFittingNoMaterialSaysSo() {
        QVERIFY(page->startMatter(kEmployerMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        QCOMPARE(text(u"licenseHolder"_s), u"张三"_s);
        QVERIFY(text(u"licenseNote"_s).contains(u"fits no material"_s));
        QVERIFY(attachedLicenseIds().isEmpty());
    }

    void residentIdFillsEmptyApplicant() {
        QCOMPARE(page->currentDraft().applicant.name, QString());
        paste(fresh(kZhangSan));
        QCOMPARE(page->currentDraft().applicant.name, u"张三"_s);
        // The id stays for the clerk to type: the license only carries it masked.
        QCOMPARE(page->currentDraft().applicant.idNumber, QString());
        QVERIFY(text(u"licenseNote"_s).contains(u"masked"_s));
    }

    void holderMismatchAsksConfirmation() {
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"李四"_s, u"430104195001050020"_s);
        ui::DialogFacade::instance().preAnswer(QMessageBox::No);
        paste(fresh(kZhangSan));
        QCOMPARE(ui::DialogFacade::instance().shown().size(), 1);
        QVERIFY(attachedLicenseIds().isEmpty());
        QCOMPARE(text(u"licenseHolder"_s), u"张三"_s); // still shown, not attached
    }

    void citizenPhoneRefreshesEveryMinute() {
        panel->openCitizenPhone();
        auto *phone = panel->citizenPhone();
        QVERIFY(phone && phone->isVisible());
        QCOMPARE(phone->objectName(), u"citizenPhone"_s);
        auto *qr = phone->findChild<QLabel *>(u"citizenPhoneQr"_s);
        QVERIFY(qr && !qr->pixmap().isNull() && qr->pixmap().width() > 100);
        const QByteArray first = phone->payload();
        QVERIFY(first.startsWith("EL1."));
        f->clock.advanceSecs(30);
        QTest::qWait(1200);
        QCOMPARE(phone->payload(), first); // not yet a minute
        f->clock.advanceSecs(30);
        QTRY_VERIFY_WITH_TIMEOUT(phone->payload() != first, 2500);
        QCOMPARE(phone->issuedAt(), f->clock.nowSecs());
        // The fresh payload verifies (and is the one pasted from the phone's text).
        auto r = verifier->verify(phone->payload());
        QVERIFY(r.ok() && r.value().ok());
        QCOMPARE(r.value().claims->iat, f->clock.nowSecs());
    }

    void simulatedScanGoesThroughScannerFilter() {
        license::ScannerInputFilter filter;
        connect(&filter, &license::ScannerInputFilter::scanned, scans.get(),
                &license::LicenseScanService::verifyScanned);
        filter.install();
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        auto *name = page->findChild<QLineEdit *>(u"applicantName"_s);
        name->setFocus();
        QTRY_VERIFY(name->hasFocus());
        panel->openCitizenPhone();
        auto *phone = panel->citizenPhone();
        QSignalSpy typed(phone, &CitizenPhoneWindow::scanTyped);
        phone->simulateScan();
        QVERIFY(typed.wait(10000));
        QTRY_COMPARE(text(u"licenseHolder"_s), u"张三"_s);
        QCOMPARE(name->text(), u"张三"_s); // the scan did not leak into the focused field
        QCOMPARE(attachedLicenseIds().size(), 1);
        filter.uninstall();
    }

    // Online: resolve against the simulator process, with its own key from GET /keys.
    void onlineResolveConfirms_data() {
        QTest::addColumn<qint64>("ageSecs"); // how old the payload is when scanned (per the desk's clock)
        QTest::addColumn<QString>("expectState");
        QTest::addColumn<QString>("expectError");
        QTest::addRow("valid") << qint64(0) << u"Confirmed online: valid"_s << QString();
        // Still alive for the desk's (slow) clock, expired for the platform: 410 payload_expired.
        QTest::addRow("payload expired on the platform")
            << qint64(420) << u"Not confirmed by the platform"_s << u"payload_expired"_s;
    }
    void onlineResolveConfirms() {
        QFETCH(qint64, ageSecs);
        QFETCH(QString, expectState);
        QFETCH(QString, expectError);
        synctest::Sim sim;
        if (!startSim(sim))
            QSKIP("the platform simulator is not built in this build tree");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        f->clock.set(now.addSecs(-ageSecs));
        auto keys = license::KeySet::fromJson(sim.http("GET", u"/keys"_s).body);
        QVERIFY(keys.ok());
        verifier->setKeys(keys.value());
        sync::SyncConfig config;
        config.baseUrl = QUrl(sim.base());
        config.timeoutMs = 3000;
        sync::OnlineApi api(config, QString());
        const QJsonObject tokens = sim.http("POST", u"/auth/login"_s,
                                            QJsonDocument(QJsonObject{{u"username"_s, synctest::kUser},
                                                                      {u"password"_s, synctest::kPassword},
                                                                      {u"device_id"_s, u"t"_s}})
                                                .toJson(QJsonDocument::Compact))
                                       .json();
        api.setTokens({tokens.value(u"access_token"_s).toString(),
                       tokens.value(u"refresh_token"_s).toString(), synctest::kUser});
        QVERIFY(api.available());
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.scanService = scans.get();
        ctx.online = &api;
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        panel = page->findChild<LicensePanel *>(u"licensePanel"_s);
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes); // the simulator's 张三 may differ
        const QString payload =
            sim.http("POST", u"/sim/licenses/lic-rid-zhangsan/qr"_s,
                     QJsonDocument(QJsonObject{{u"iat"_s, f->clock.nowSecs()}, {u"ttl_s"_s, 300}})
                         .toJson(QJsonDocument::Compact))
                .json()
                .value(u"payload"_s)
                .toString();
        QVERIFY(payload.startsWith(u"EL1."_s));
        panel->verifyPayload(payload);
        QCOMPARE(text(u"licenseState"_s), u"已离线验签，状态待联网确认"_s);
        QTRY_VERIFY_WITH_TIMEOUT(text(u"licenseState"_s).contains(expectState), 5000);
        if (expectError.isEmpty()) {
            QVERIFY(text(u"licenseHolderId"_s).contains(u'*')); // the full id from the platform stays masked
            QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE license_id = 'lic-rid-zhangsan' AND "
                              "verification = 'online' AND status = 'valid'"_s),
                     1);
            QVERIFY(panel->findChild<QPushButton *>(u"licenseOpenDocument"_s)->isVisible());
            QCOMPARE(attachedLicenseIds().size(), 1);
        } else {
            QVERIFY(text(u"licenseError"_s).contains(expectError));
            QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE status = 'unconfirmed'"_s), 1);
        }
        page.reset();
    }

private:
    static bool startSim(synctest::Sim &sim) {
#ifdef LICENSEPANEL_FIND_SIM
        if (qEnvironmentVariableIsEmpty("SYNC_TEST_SIM")) {
            const QString path = QCoreApplication::applicationDirPath() +
                                 u"/../../tests/platform-sim/windowdesk-platform-sim"_s;
            if (!QFileInfo::exists(path))
                return false;
            qputenv("SYNC_TEST_SIM", QFile::encodeName(path));
        }
#endif
        static QTemporaryDir dir;
        return sim.start(
            {u"--data"_s, dir.filePath(u"sim-%1.db"_s.arg(QUuid::createUuid().toString(QUuid::Id128)))});
    }

    QByteArray fresh(int index) {
        auto p = license::DemoLicenses::freshPayload(index, f->clock);
        if (!p.ok())
            qFatal("no demo payload");
        return p.value();
    }
    void paste(const QByteArray &payload) {
        QTest::keyClick(page.get(), Qt::Key_L, Qt::ControlModifier);
        QLineEdit *field = panel->pasteField();
        QVERIFY(field->hasFocus());
        QVERIFY(!field->testAttribute(Qt::WA_InputMethodEnabled));
        field->setText(QString::fromLatin1(payload)); // as a clipboard paste puts it
        QTest::keyClick(field, Qt::Key_Return);
    }
    void setApplicant(const QString &name, const QString &id) {
        page->findChild<QLineEdit *>(u"applicantName"_s)->setText(name);
        page->findChild<QLineEdit *>(u"applicantIdNumber"_s)->setText(id);
    }
    QString text(const QString &name) const {
        auto *l = panel->findChild<QLabel *>(name);
        return l ? l->text() : u"<missing %1>"_s.arg(name);
    }
    QStringList attachedLicenseIds() const {
        QStringList ids;
        const auto materials = page->currentDraft().materials;
        for (auto it = materials.begin(); it != materials.end(); ++it)
            if (!it->licenseId.isEmpty() && it->status == u"electronic"_s)
                ids << it->licenseId;
        return ids;
    }
    void clearAttachments() {
        for (auto *c : page->findChildren<QComboBox *>())
            if (c->objectName().startsWith(u"material_"_s))
                c->setCurrentIndex(0);
    }

    std::unique_ptr<Fixture> f;
    std::unique_ptr<license::ReplayStore> replay;
    std::unique_ptr<license::El1Verifier> verifier;
    std::unique_ptr<license::LicenseScanService> scans;
    std::unique_ptr<IntakePage> page;
    LicensePanel *panel = nullptr;
};

QTEST_MAIN(TestLicensePanel)
#include "tst_licensepanel.moc"
