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

#include <windowdesk/cases/draftrepository.h>
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
#include <windowdesk/ui/messagebar.h>

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
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
        QVERIFY(makePage());
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

    // The 证照标识 check character (ISO 7064 MOD 37,36) of every verified license is checked: a wrong one is
    // a visible warning in the panel and the message bar; the license is still shown and attached (a warning,
    // never a refusal). A right one (every demo license's) warns of nothing.
    void licenseIdCheckCharacterWarns() {
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        auto *warning = panel->findChild<QLabel *>(u"licenseIdWarning"_s);
        QVERIFY(warning);
        QVERIFY(warning->isHidden());
        clearAttachments();

        license::El1Claims c = license::DemoLicenses::licenses().at(kZhangSan).claims;
        const QChar check = c.lid.back();
        c.lid.back() = check == u'0' ? u'1' : u'0';
        c.iat = f->clock.nowSecs();
        c.exp = c.iat + 120;
        c.nonce = u"check-character-test-0001"_s;
        auto signer = license::DemoLicenses::signer();
        QVERIFY(signer.ok());
        paste(signer->sign(c));
        QVERIFY(!warning->isHidden());
        QVERIFY2(warning->text().contains(u"证照标识"_s), qPrintable(warning->text()));
        QVERIFY2(page->messageBar()->text().contains(warning->text()),
                 qPrintable(page->messageBar()->text()));
        QCOMPARE(page->messageBar()->level(), ui::MessageBar::Level::Warning);
        QCOMPARE(text(u"licenseHolder"_s), u"张三"_s);
        QCOMPARE(attachedLicenseIds(), QStringList{c.lid});
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

    // The e-license attached to a material is linked to the case by the submit itself (CaseService, one
    // transaction); a license the clerk took off the material before deciding is not.
    void submitLinksAttachedLicense_data() {
        QTest::addColumn<bool>("keepAttached");
        QTest::addRow("attached") << true;
        QTest::addRow("unmarked before the decision") << false;
    }
    void submitLinksAttachedLicense() {
        QFETCH(bool, keepAttached);
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        const qint64 seen = panel->lastSeenId();
        QVERIFY(seen > 0);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{seen});
        if (!keepAttached) {
            clearAttachments();
            QVERIFY(page->currentDraft().licenseSeenIds().isEmpty());
        }
        decideRefusal();
        const QString caseId = page->lastCaseLocalId();
        QVERIFY2(!caseId.isEmpty(), qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ? AND status = "
                          "'electronic'"_s,
                          {caseId}),
                 keepAttached ? 1 : 0);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {seen, caseId}),
                 keepAttached ? 1 : 0);
    }

    // A license belongs to the visit (draft) it was scanned in: another visit attaching the same license does
    // not take it, and the first visit's draft, restored later (a held ticket), still links its own scan.
    void licensesStayWithTheirDraft() {
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        const qint64 first = panel->lastSeenId();
        const QString firstDraft = page->currentDraft().draftId;
        QVERIFY(first > 0 && !firstDraft.isEmpty());
        page->newVisit(); // saves the draft
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        f->clock.advanceSecs(1);
        paste(fresh(kZhangSan));
        const qint64 second = panel->lastSeenId();
        QVERIFY(second > first);
        QCOMPARE(attachedLicenseIds().size(), 1);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{second});
        page->newVisit();
        QVERIFY(page->restoreDraft(firstDraft));
        QCOMPARE(attachedLicenseIds().size(), 1);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{first});
        decideRefusal();
        const QString caseId = page->lastCaseLocalId();
        QVERIFY2(!caseId.isEmpty(), qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id = ?"_s, {caseId}), 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {first, caseId}),
                 1);
    }

    // After a restart (crash, power cut) nothing of the visit is left in memory: the restored draft alone
    // says which scan stands in for the material, and the submit links that licenses_seen row with the case,
    // in its transaction. A material moved off the e-license before the draft was saved links nothing.
    void restoredDraftLinksItsScan_data() {
        QTest::addColumn<QString>("mark"); // the material's mark when the draft is saved
        QTest::addRow("e-license") << u"electronic"_s;
        QTest::addRow("changed to paper") << u"paper"_s;
        QTest::addRow("unmarked") << QString();
    }
    void restoredDraftLinksItsScan() {
        QFETCH(QString, mark);
        const bool linked = mark == u"electronic"_s;
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        const qint64 seen = panel->lastSeenId();
        QVERIFY(seen > 0);
        const QString lid = license::DemoLicenses::licenses().at(kZhangSan).claims.lid;
        QCOMPARE(attachedLicenseIds(), QStringList{lid});
        if (!linked)
            setElectronicMarks(mark);
        const QString draftId = page->currentDraft().draftId;
        page->saveDraftNow();
        auto saved = DraftRepository(*f->db, f->clock).load(draftId);
        QVERIFY(saved.ok());
        QCOMPARE(saved->licenseSeenIds(), linked ? QList<qint64>{seen} : QList<qint64>{});

        // The restart: page and panel gone, a new page on the same database.
        page.reset();
        panel = nullptr;
        QVERIFY(makePage());
        QVERIFY(page->restoreDraft(draftId));
        QCOMPARE(attachedLicenseIds(), linked ? QStringList{lid} : QStringList{});
        QCOMPARE(page->currentDraft().licenseSeenIds(), linked ? QList<qint64>{seen} : QList<qint64>{});

        // A submit that fails late (the outbox insert refused) leaves the scan unlinked with no case …
        const int cases0 = f->count(u"SELECT COUNT(*) FROM cases"_s);
        QVERIFY(f->db
                    ->exec(u"CREATE TEMP TRIGGER outbox_refused BEFORE INSERT ON main.outbox "
                           u"BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"_s)
                    .ok());
        decideRefusal();
        QVERIFY(page->lastCaseLocalId().isEmpty());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases"_s), cases0);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id IS NOT NULL"_s), 0);
        // … and the retry links it with the case.
        QVERIFY(f->db->exec(u"DROP TRIGGER temp.outbox_refused"_s).ok());
        page->decide();
        const QString caseId = page->lastCaseLocalId();
        QVERIFY2(!caseId.isEmpty(), qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {seen, caseId}),
                 linked ? 1 : 0);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id IS NOT NULL"_s),
                 linked ? 1 : 0);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ? AND status = "
                          "'electronic' AND license_id = ?"_s,
                          {caseId, lid}),
                 linked ? 1 : 0);
    }

    // Changed away from the e-license before the decision, in the same session: the scan is not linked, even
    // though the panel still remembers it.
    void markChangedToPaperNotLinked() {
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        paste(fresh(kZhangSan));
        const qint64 seen = panel->lastSeenId();
        QVERIFY(seen > 0);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{seen});
        setElectronicMarks(u"paper"_s);
        QVERIFY(page->currentDraft().licenseSeenIds().isEmpty());
        decideRefusal();
        const QString caseId = page->lastCaseLocalId();
        QVERIFY2(!caseId.isEmpty(), qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id IS NOT NULL"_s), 0);
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ? AND license_id IS NOT "
                     "NULL"_s,
                     {caseId}),
            0);
    }

    // Online: the platform's verdict on a payload that verified offline, against the simulator process (its
    // own key from GET /keys), shown to the clerk and kept in licenses_seen; the material keeps the license
    // only while nothing speaks against it.
    void onlineOutcomes_data() {
        QTest::addColumn<QString>("licenseId");
        QTest::addColumn<QString>("setup");  // what happens on the platform before the scan
        QTest::addColumn<qint64>("ageSecs"); // how far the desk's clock is behind the platform's
        QTest::addColumn<QString>("expectState");
        QTest::addColumn<QString>("expectError");        // in the error label; empty: none shown
        QTest::addColumn<QString>("expectStatus");       // licenses_seen.status
        QTest::addColumn<QString>("expectVerification"); // licenses_seen.verification
        QTest::addColumn<bool>("attached");
        const QString zhangsan = u"lic-rid-zhangsan"_s;
        QTest::addRow("valid") << zhangsan << QString() << qint64(0) << u"Confirmed online: valid"_s
                               << QString() << u"valid"_s << u"online"_s << true;
        QTest::addRow("expired on the platform")
            << zhangsan << u"status=expired"_s << qint64(0) << u"Confirmed online: expired"_s
            << u"expired (已过期): removed from"_s << u"expired"_s << u"online"_s << false;
        QTest::addRow("revoked") << zhangsan << u"status=revoked"_s << qint64(0)
                                 << u"Confirmed online: revoked"_s << u"revoked (已吊销): removed from"_s
                                 << u"revoked"_s << u"online"_s << false;
        QTest::addRow("resolved before by another hall")
            << zhangsan << u"other-hall"_s << qint64(0) << u"Not confirmed by the platform"_s
            << u"payload_replayed"_s << u"unconfirmed"_s << u"offline"_s << false;
        QTest::addRow("unknown to the platform")
            << zhangsan << u"status=unknown"_s << qint64(0) << u"Not confirmed by the platform"_s
            << u"does not know this license"_s << u"unconfirmed"_s << u"offline"_s << false;
        // Still alive for the desk's (slow) clock, expired for the platform: 410 payload_expired. The
        // license itself is not in question: it stays attached, verified offline.
        QTest::addRow("payload expired on the platform (desk clock slow)")
            << zhangsan << QString() << qint64(420) << u"Not confirmed by the platform"_s
            << u"payload_expired"_s << u"unconfirmed"_s << u"offline"_s << true;
        // Both sides allow 60 s after exp: with the clocks in step, a code scanned in its last second
        // verifies at the desk and reaches the platform a moment too late.
        QTest::addRow("payload expired on the platform (last second)")
            << zhangsan << u"last-second"_s << qint64(0) << u"Not confirmed by the platform"_s
            << u"payload_expired"_s << u"unconfirmed"_s << u"offline"_s << true;
    }
    void onlineOutcomes() {
        QFETCH(QString, licenseId);
        QFETCH(QString, setup);
        QFETCH(qint64, ageSecs);
        QFETCH(QString, expectState);
        QFETCH(QString, expectError);
        QFETCH(QString, expectStatus);
        QFETCH(QString, expectVerification);
        QFETCH(bool, attached);
        synctest::Sim sim;
        if (!startSim(sim))
            QSKIP("the platform simulator is not built in this build tree");
        std::unique_ptr<sync::OnlineApi> api;
        QVERIFY(goOnline(sim, api));
        const qint64 platformNow = QDateTime::currentSecsSinceEpoch();
        f->clock.set(QDateTime::fromSecsSinceEpoch(platformNow - ageSecs, QTimeZone::utc()));
        QJsonObject qr{{u"iat"_s, f->clock.nowSecs()}, {u"ttl_s"_s, 300}};
        if (setup == u"last-second"_s) // exp + 60 == the desk's now: the desk's last second
            qr = QJsonObject{{u"iat"_s, f->clock.nowSecs() - 61}, {u"ttl_s"_s, 1}};
        const QString payload = issue(sim, licenseId, qr);
        QVERIFY(payload.startsWith(u"EL1."_s));
        if (setup.startsWith(u"status="_s))
            QCOMPARE(setStatus(sim, licenseId, setup.mid(7)), 200);
        if (setup == u"other-hall"_s) {
            const QString token = login(sim, u"other"_s, u"Other@2026"_s);
            QVERIFY(!token.isEmpty());
            const auto first = resolveAs(sim, token, payload);
            QCOMPARE(first.status, 200); // the other hall gets the license
        }
        if (setup == u"last-second"_s) // the platform's clock moves past the desk's last second
            QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentSecsSinceEpoch() > f->clock.nowSecs(), 3000);

        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes); // the simulator's 张三 has another id
        const int resolves = resolveCount(sim);
        panel->verifyPayload(payload);
        QCOMPARE(text(u"licenseState"_s), u"已离线验签，状态待联网确认"_s);
        QCOMPARE(attachedLicenseIds().size(), 1); // attached on the offline verification
        const qint64 seen = panel->lastSeenId();
        QVERIFY(seen > 0);
        QTRY_VERIFY_WITH_TIMEOUT(text(u"licenseState"_s).contains(expectState), 5000);
        QCOMPARE(resolveCount(sim), resolves + 1);
        auto *error = panel->findChild<QLabel *>(u"licenseError"_s);
        if (expectError.isEmpty()) {
            QVERIFY(error->isHidden());
        } else {
            QVERIFY(!error->isHidden());
            QVERIFY2(error->text().contains(expectError), qPrintable(error->text()));
        }
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND status = ? AND verification = ?"_s,
                     {seen, expectStatus, expectVerification}),
            1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen"_s), 1);
        QCOMPARE(attachedLicenseIds().size(), attached ? 1 : 0);
        QCOMPARE(page->currentDraft().licenseSeenIds(), attached ? QList<qint64>{seen} : QList<qint64>{});
        const bool online = expectVerification == u"online"_s;
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND license_id IS ?"_s,
                          {seen, online ? QVariant(licenseId) : QVariant()}),
                 1);
        QCOMPARE(panel->findChild<QPushButton *>(u"licenseOpenDocument"_s)->isVisible(),
                 expectStatus == u"valid"_s);
        if (expectStatus == u"valid"_s)
            QVERIFY(text(u"licenseHolderId"_s).contains(u'*')); // the full id from the platform stays masked
        QCOMPARE(panel->unconfirmedCount(), 0);                 // answered: not tried again
        page.reset();
    }

    // Two scans of one license in a visit (a refreshed code): the platform refuses only the second code (used
    // in another hall): the material stays on the license, now standing on the first scan, and the case
    // links that scan, not the refused one.
    void refusedRefreshKeepsEarlierScan() {
        synctest::Sim sim;
        if (!startSim(sim))
            QSKIP("the platform simulator is not built in this build tree");
        std::unique_ptr<sync::OnlineApi> api;
        QVERIFY(goOnline(sim, api));
        f->clock.set(QDateTime::currentDateTimeUtc());
        const QString licenseId = u"lic-rid-zhangsan"_s;
        QVERIFY(page->startMatter(kInjuryMatter, false));
        setApplicant(u"张三"_s, u"430104195001050012"_s);
        const QString first =
            issue(sim, licenseId, QJsonObject{{u"iat"_s, f->clock.nowSecs()}, {u"ttl_s"_s, 300}});
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes); // the simulator's 张三 has another id
        panel->verifyPayload(first);
        const qint64 firstSeen = panel->lastSeenId();
        QVERIFY(firstSeen > 0);
        QTRY_VERIFY_WITH_TIMEOUT(text(u"licenseState"_s).contains(u"Confirmed online: valid"_s), 5000);

        const QString second =
            issue(sim, licenseId, QJsonObject{{u"iat"_s, f->clock.nowSecs()}, {u"ttl_s"_s, 300}});
        const QString token = login(sim, u"other"_s, u"Other@2026"_s);
        QVERIFY(!token.isEmpty());
        QCOMPARE(resolveAs(sim, token, second).status, 200); // another hall used the code first
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        panel->verifyPayload(second);
        const qint64 secondSeen = panel->lastSeenId();
        QVERIFY(secondSeen > firstSeen);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{secondSeen});
        QTRY_VERIFY_WITH_TIMEOUT(text(u"licenseError"_s).contains(u"payload_replayed"_s), 5000);
        QCOMPARE(attachedLicenseIds().size(), 1);
        QCOMPARE(page->currentDraft().licenseSeenIds(), QList<qint64>{firstSeen});
        // The saved draft says so too (a restart now still links the first scan).
        auto saved = DraftRepository(*f->db, f->clock).load(page->currentDraft().draftId);
        QVERIFY(saved.ok());
        QCOMPARE(saved->licenseSeenIds(), QList<qint64>{firstSeen});
        decideRefusal();
        const QString caseId = page->lastCaseLocalId();
        QVERIFY2(!caseId.isEmpty(), qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {firstSeen, caseId}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id IS NULL"_s,
                          {secondSeen}),
                 1);
        page.reset();
    }

    // An expired license never reaches the platform: its own valid-until date already refuses it offline
    // (license_expired), so there is nothing to attach or resolve.
    void expiredLicenseRefusedBeforeResolve() {
        synctest::Sim sim;
        if (!startSim(sim))
            QSKIP("the platform simulator is not built in this build tree");
        std::unique_ptr<sync::OnlineApi> api;
        QVERIFY(goOnline(sim, api));
        f->clock.set(QDateTime::currentDateTimeUtc());
        const QString payload = issue(sim, u"lic-bl-expired"_s, QJsonObject{{u"iat"_s, f->clock.nowSecs()}});
        QVERIFY(payload.startsWith(u"EL1."_s));
        QVERIFY(page->startMatter(kEmployerMatter, false));
        const int resolves = resolveCount(sim);
        panel->verifyPayload(payload);
        QCOMPARE(text(u"licenseState"_s), u"License not accepted"_s);
        QCOMPARE(text(u"licenseError"_s), license::reasonMessage(license::El1Reason::LicenseExpired));
        QTest::qWait(300);
        QCOMPARE(resolveCount(sim), resolves);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen"_s), 0);
        QVERIFY(attachedLicenseIds().isEmpty());
        page.reset();
    }

    // The simulator-only status endpoint is what the platform then answers for the license.
    void simulatorLicenseStatus() {
        synctest::Sim sim;
        if (!startSim(sim))
            QSKIP("the platform simulator is not built in this build tree");
        const QString token = login(sim, synctest::kUser, synctest::kPassword);
        QVERIFY(!token.isEmpty());
        const QList<std::pair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + token.toLatin1()}};
        QCOMPARE(sim.http("GET", u"/licenses/lic-bl-hnsl"_s, {}, auth).json().value(u"status"_s).toString(),
                 u"valid"_s);
        QCOMPARE(setStatus(sim, u"lic-bl-hnsl"_s, u"revoked"_s), 200);
        QCOMPARE(sim.http("GET", u"/licenses/lic-bl-hnsl"_s, {}, auth).json().value(u"status"_s).toString(),
                 u"revoked"_s);
        QCOMPARE(setStatus(sim, u"lic-bl-hnsl"_s, u"unknown"_s), 200);
        QCOMPARE(sim.http("GET", u"/licenses/lic-bl-hnsl"_s, {}, auth).status, 404);
        QCOMPARE(sim.http("GET", u"/licenses/lic-bl-hnsl/file"_s, {}, auth).status, 404);
        QCOMPARE(setStatus(sim, u"lic-bl-hnsl"_s, u"valid"_s), 200);
        QCOMPARE(sim.http("GET", u"/licenses/lic-bl-hnsl/file"_s, {}, auth).status, 200);
        QCOMPARE(setStatus(sim, u"lic-bl-hnsl"_s, u"lost"_s), 400);
        QCOMPARE(setStatus(sim, u"lic-nope"_s, u"valid"_s), 404);
    }

private:
    // The page as the application builds it on this database (also after a simulated restart).
    bool makePage() {
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
        if (!QTest::qWaitForWindowActive(page.get()))
            return false;
        panel = page->findChild<LicensePanel *>(u"licensePanel"_s);
        return panel != nullptr;
    }
    // Sets every material marked as an e-license to `status` (the clerk's choice in its box).
    void setElectronicMarks(const QString &status) {
        for (auto *c : page->findChildren<QComboBox *>())
            if (c->objectName().startsWith(u"material_"_s) && c->currentData().toString() == u"electronic"_s)
                c->setCurrentIndex(c->findData(status));
    }
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

    // A desk signed in to the simulator as the demo hall's clerk, the simulator's key cached, and a fresh
    // page with the online API.
    bool goOnline(synctest::Sim &sim, std::unique_ptr<sync::OnlineApi> &api) {
        auto keys = license::KeySet::fromJson(sim.http("GET", u"/keys"_s).body);
        if (!keys.ok())
            return false;
        verifier->setKeys(keys.value());
        sync::SyncConfig config;
        config.baseUrl = QUrl(sim.base());
        config.timeoutMs = 3000;
        api = std::make_unique<sync::OnlineApi>(config);
        const QJsonObject tokens = sim.http("POST", u"/auth/login"_s,
                                            QJsonDocument(QJsonObject{{u"username"_s, synctest::kUser},
                                                                      {u"password"_s, synctest::kPassword},
                                                                      {u"device_id"_s, u"t"_s}})
                                                .toJson(QJsonDocument::Compact))
                                       .json();
        api->setTokens({tokens.value(u"access_token"_s).toString(),
                        tokens.value(u"refresh_token"_s).toString(), synctest::kUser});
        if (!api->available())
            return false;
        IntakeContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.scanService = scans.get();
        ctx.online = api.get();
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        panel = page->findChild<LicensePanel *>(u"licensePanel"_s);
        return panel != nullptr;
    }
    static QString issue(const synctest::Sim &sim, const QString &licenseId, const QJsonObject &body) {
        return sim
            .http("POST", u"/sim/licenses/%1/qr"_s.arg(licenseId),
                  QJsonDocument(body).toJson(QJsonDocument::Compact))
            .json()
            .value(u"payload"_s)
            .toString();
    }
    static int setStatus(const synctest::Sim &sim, const QString &licenseId, const QString &status) {
        return sim
            .http("POST", u"/sim/licenses/%1/status"_s.arg(licenseId),
                  QJsonDocument(QJsonObject{{u"status"_s, status}}).toJson(QJsonDocument::Compact))
            .status;
    }
    static QString login(const synctest::Sim &sim, const QString &user, const QString &password) {
        return sim
            .http("POST", u"/auth/login"_s,
                  QJsonDocument(QJsonObject{{u"username"_s, user},
                                            {u"password"_s, password},
                                            {u"device_id"_s, u"other-desk"_s}})
                      .toJson(QJsonDocument::Compact))
            .json()
            .value(u"access_token"_s)
            .toString();
    }
    static synctest::HttpAnswer resolveAs(const synctest::Sim &sim, const QString &token,
                                          const QString &payload) {
        return sim.http(
            "POST", u"/licenses/resolve"_s,
            QJsonDocument(QJsonObject{{u"payload"_s, payload}, {u"case_local_id"_s, QJsonValue()}})
                .toJson(QJsonDocument::Compact),
            {{"Authorization", "Bearer " + token.toLatin1()}});
    }
    // POST /licenses/resolve requests the simulator received so far.
    static int resolveCount(const synctest::Sim &sim) {
        return sim.stats().value(u"requests"_s).toObject().value(u"POST /licenses/resolve"_s).toInt();
    }
    void decideRefusal() {
        auto *decision = page->findChild<QComboBox *>(u"decision"_s);
        decision->setCurrentIndex(decision->findData(u"rejected"_s));
        page->findChild<QLineEdit *>(u"decisionReason"_s)->setText(u"不符合受理条件"_s);
        page->findChild<QLineEdit *>(u"decisionBasis"_s)->setText(u"《工伤保险条例》第十七条"_s);
        page->decide();
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
