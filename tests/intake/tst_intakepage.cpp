// The real IntakePage driven by objectName and by key events through whole visits; notices checked with
// pdftotext; a keyboard-only visit counts its keystrokes.
#include "intakefixture.h"

#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/cases/queueservice.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/el1format.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
QString secondPersonId() {
    const QString first17 = u"43010419850615003"_s;
    return first17 + core::residentIdCheckCharacter(first17);
}

// The application's font and style sheet (buttons padded, min-width 5em) while it lives, as the app has them.
struct AppLook {
    QFont font = QApplication::font();
    AppLook() { ui::applyLookAndFeel(*qApp); }
    ~AppLook() {
        qApp->setStyleSheet(QString());
        QApplication::setFont(font);
    }
    Q_DISABLE_COPY_MOVE(AppLook)
};
} // namespace

class TestIntakePage : public QObject {
    Q_OBJECT
private slots:
    void init() {
        ui::DialogFacade::instance().reset();
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        ctx = IntakeContext{};
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        page = std::make_unique<IntakePage>(ctx);
        page->resize(1280, 900);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
    }
    void cleanup() {
        if (cur() && cur()->evaluationDialog())
            cur()->evaluationDialog()->close();
        hallPage = nullptr;
        hall.reset();
        page.reset();
        f.reset();
    }

    void acceptedVisitProducesNotice() {
        key(Qt::Key_F2);
        QVERIFY(page->currentTicket().has_value());
        QVERIFY(label(u"currentTicket"_s).contains(page->currentTicket()->ticketNo));
        const QString ticketNo = page->currentTicket()->ticketNo;
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        QVERIFY(label(u"applicantIdInfo"_s).contains(u"1949-12-31"_s));
        pickMatter(u"职工医保退休"_s);
        QCOMPARE(page->matter().name, u"职工医保退休人员待遇核定"_s);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        QVERIFY(label(u"dueDates"_s).contains(u"2026-03-13"_s)); // promised: 5 working days
        QVERIFY(label(u"dueDates"_s).contains(u"2026-03-27"_s)); // legal: 15
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        const QString id = page->lastCaseLocalId();
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND ticket_no = ?"_s, {id, ticketNo}),
            1);
        QCOMPARE(page->lastNoticePaths().size(), 1);
        const QString text = pdfText(page->lastNoticePaths().first());
        QVERIFY2(text.contains(u"受理回执"_s), qPrintable(text));
        QVERIFY2(text.contains(id), qPrintable(text));
        QVERIFY(text.contains(u"职工医保退休人员待遇核定"_s));
        QVERIFY(text.contains(kPersonIdMasked));
        QVERIFY(!text.contains(kPersonId));
        QVERIFY(text.contains(u"2026年3月13日"_s));
        QVERIFY(text.contains(u"长沙市岳麓区政务服务中心"_s));
        QVERIFY(text.contains(u"A07"_s));
        QVERIFY(text.contains(u"李娜"_s));
        // The page is ready for the next citizen.
        QVERIFY(lineEdit(u"applicantName"_s)->text().isEmpty());
        QVERIFY(page->evaluationDialog());
    }

    void keyboardOnlyVisit() {
        int keys = 0;
        // One keystroke to the focused widget of `window`, then the event loop runs as between real keys.
        auto press = [&](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier, QWidget *window = nullptr) {
            if (!window)
                window = page.get();
            QWidget *w = window->focusWidget() ? window->focusWidget() : window;
            QTest::keyClick(w, k, m);
            QCoreApplication::processEvents();
            ++keys;
        };
        auto type = [&](const QString &text) { // text typed into fields is not counted
            QWidget *w = QApplication::focusWidget();
            QVERIFY(w);
            typeText(w, text);
        };
        press(Qt::Key_F2); // call next
        press(Qt::Key_F4); // start
        QCOMPARE(page->currentTicket()->status, u"serving"_s);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"applicantName"_s);
        type(u"王芳"_s);
        press(Qt::Key_Tab);
        type(kPersonId);
        press(Qt::Key_Tab);
        type(u"13800138000"_s);
        press(Qt::Key_F, Qt::ControlModifier);
        type(u"城乡居民基本医疗"_s);
        press(Qt::Key_Return);
        QCOMPARE(page->matter().itemCode, u"430104-001001001000-GG-001"_s);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"field_insured_kind"_s);
        press(Qt::Key_Down);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), u"field_start_date"_s);
        type(u"2026-03-06"_s);
        press(Qt::Key_M, Qt::ControlModifier);
        press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        EvaluationDialog *eval = page->evaluationDialog();
        QVERIFY(eval);
        // The citizen's key goes where the keyboard is: the evaluation window has it.
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(eval));
        press(Qt::Key_5, Qt::NoModifier, QApplication::activeWindow());
        QCOMPARE(eval->chosenLevel(), 5);
        QVERIFY2(!eval->savedLocalId().isEmpty(),
                 qPrintable(eval->findChild<QLabel *>(u"evaluationStatus"_s)->text()));
        press(Qt::Key_F5); // ticket done
        QVERIFY(!page->currentTicket().has_value());
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM cases WHERE applicant_name = '王芳' AND decision = 'accepted'"_s),
            1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM evaluations WHERE level = 5 AND case_local_id = ?"_s,
                          {page->lastCaseLocalId()}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM queue_tickets WHERE status = 'done'"_s), 1);
        qInfo("keyboard-only simple visit: %d keystrokes beyond the text typed into fields", keys);
        QVERIFY(keys <= 12);
    }

    void bundleVisit() {
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"婚姻一件事"_s);
        QCOMPARE(page->matter().bundleCode, u"YJS-HY-001"_s);
        QCOMPARE(page->matter().items.size(), 2);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        const QString id = page->lastCaseLocalId();
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_items WHERE case_local_id = ?"_s, {id}), 2);
        const QString text = pdfText(page->lastNoticePaths().first());
        QVERIFY(text.contains(u"婚姻一件事"_s));
        QVERIFY(text.contains(u"内地居民结婚登记"_s));
        QVERIFY2(text.contains(id), qPrintable(text));
        QVERIFY(text.contains(kPersonIdMasked));
        // Bundle: promised 1 working day → Monday 2026-03-09.
        QVERIFY(text.contains(u"2026年3月9日"_s));
    }

    void commitmentLetter() {
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"个体工商户设立"_s);
        QCOMPARE(page->matter().itemCode, u"430104-000201001000-XK-001"_s);
        fillRemainingFields();
        // Only the material and item that allow it offer 告知承诺.
        QCOMPARE(combo(u"material_m1"_s)->findData(u"commitment"_s), -1);
        QComboBox *premises = combo(u"material_m3"_s);
        QVERIFY(premises->findData(u"commitment"_s) > 0);
        premises->setCurrentIndex(premises->findData(u"commitment"_s));
        key(Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(premises->currentData().toString(), u"commitment"_s); // Ctrl+M leaves marked ones alone
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        QCOMPARE(page->lastNoticePaths().size(), 2);
        QVERIFY(page->lastNoticePaths().at(1).endsWith(u"-commitment.pdf"_s));
        const QString text = pdfText(page->lastNoticePaths().at(1));
        QVERIFY(text.contains(u"告知承诺书"_s));
        QVERIFY(text.contains(u"经营场所使用证明"_s));
        QVERIFY(!text.contains(u"个体工商户登记(备案)申请书"_s)); // only the committed materials
        QVERIFY(text.contains(page->lastCaseLocalId()));
        QCOMPARE(
            f->count(
                u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ? AND material_id = 'm3' AND "
                u"status = 'commitment'"_s,
                {page->lastCaseLocalId()}),
            1);
    }

    void correctionNotice() {
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        // Incomplete form on purpose: a correction notice may be issued anyway.
        combo(u"material_m1"_s)->setCurrentIndex(combo(u"material_m1"_s)->findData(u"paper"_s));
        combo(u"material_m2"_s)->setCurrentIndex(combo(u"material_m2"_s)->findData(u"missing"_s));
        key(Qt::Key_2, Qt::AltModifier);
        QCOMPARE(combo(u"decision"_s)->currentData().toString(), u"correction_required"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->lastCaseLocalId().isEmpty()); // the missing material has no reason yet
        QVERIFY(label(u"error_material_m2"_s).size() > 0);
        typeText(lineEdit(u"reason_m2"_s), u"户口簿未带原件<b>%1</b>"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND status = 'correction_required' AND "
                     u"promised_due IS NULL"_s,
                     {page->lastCaseLocalId()}),
            1);
        const QString text = pdfText(page->lastNoticePaths().first());
        QVERIFY(text.contains(u"申请材料补正告知书"_s));
        // Plain text, never interpreted. (户 is extracted as 戶: both share one glyph in Noto CJK.)
        QVERIFY2(text.contains(u"未带原件<b>%1</b>"_s), qPrintable(text));
        // Only what must be supplied is listed: the optional materials not brought are not.
        QVERIFY(!text.contains(u"出生医学证明"_s));
        QVERIFY(text.contains(page->lastCaseLocalId()));
    }

    void refusal() {
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        key(Qt::Key_3, Qt::AltModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(page->lastCaseLocalId().isEmpty());
        typeText(lineEdit(u"decisionReason"_s), u"申请人已参加职工基本医疗保险"_s);
        typeText(lineEdit(u"decisionBasis"_s), u"《中华人民共和国社会保险法》第二十五条"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(), qPrintable(label(u"decisionProblems"_s)));
        const QString text = pdfText(page->lastNoticePaths().first());
        QVERIFY(text.contains(u"不予受理通知书"_s));
        QVERIFY(text.contains(u"申请人已参加职工基本医疗保险"_s));
        QVERIFY(text.contains(u"第二十五条"_s));
    }

    void negativeEvaluationWithReasons() {
        key(Qt::Key_F2);
        const QString ticketNo = page->currentTicket()->ticketNo;
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        EvaluationDialog *eval = page->evaluationDialog();
        QVERIFY(eval);
        QTest::keyClick(eval, Qt::Key_2);
        QCoreApplication::processEvents();
        auto *reasons = eval->findChild<QListWidget *>(u"evaluationReasons"_s);
        QVERIFY(reasons && reasons->isVisible());
        QCOMPARE(eval->focusWidget(), reasons);
        QTest::keyClick(eval->focusWidget(), Qt::Key_Return); // no reason yet: refused
        QVERIFY(eval->savedLocalId().isEmpty());
        QTest::keyClick(eval->focusWidget(), Qt::Key_Space);
        QTest::keyClick(eval->focusWidget(), Qt::Key_Down);
        QTest::keyClick(eval->focusWidget(), Qt::Key_Space);
        QTest::keyClick(eval->focusWidget(), Qt::Key_Tab);
        typeText(eval->focusWidget(), u"排队太久了"_s);
        QCOMPARE(eval->savedLocalId(), QString()); // digits and text in the comment are not levels
        eval->submit();
        QVERIFY(!eval->savedLocalId().isEmpty());
        auto q =
            f->db->query(u"SELECT level, reasons_json, comment, ticket_no, case_local_id FROM evaluations"_s);
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toInt(), 2);
        QVERIFY(q->value(1).toString().contains(EvaluationService::negativeReasons().at(0)));
        QVERIFY(q->value(1).toString().contains(EvaluationService::negativeReasons().at(1)));
        QCOMPARE(q->value(2).toString(), u"排队太久了"_s);
        QCOMPARE(q->value(3).toString(), ticketNo);
        QCOMPARE(q->value(4).toString(), page->lastCaseLocalId());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM outbox WHERE kind = 'evaluation'"_s), 1);
    }

    void draftRestoredAfterRestart() {
        key(Qt::Key_F2);
        identify(u"赵敏"_s, u"１１０１０５ １９４９１２３１００２ｘ"_s,
                 u"13800138000"_s); // pasted full-width
        QCOMPARE(lineEdit(u"applicantIdNumber"_s)->text(), kPersonId);
        pickMatter(u"城乡居民基本医疗"_s);
        combo(u"field_insured_kind"_s)->setCurrentIndex(2);
        combo(u"material_m2"_s)->setCurrentIndex(combo(u"material_m2"_s)->findData(u"missing"_s));
        typeText(lineEdit(u"reason_m2"_s), u"过期"_s);
        const IntakeDraft before = page->currentDraft();
        // Saved by the debounce within a second, without any explicit save.
        QTRY_COMPARE_WITH_TIMEOUT(
            f->count(u"SELECT COUNT(*) FROM drafts WHERE status = 'open' AND state_json LIKE '%过期%'"_s), 1,
            1500);
        DraftRepository repo(*f->db, f->clock);
        QCOMPARE(repo.load(before.draftId).value(), before);
        page.reset(); // the window goes away
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        auto *list = page->findChild<QComboBox *>(u"restoreList"_s);
        QVERIFY(list && list->count() == 1);
        QVERIFY(page->restoreDraft(list->currentData().toString()));
        QCOMPARE(page->currentDraft(), before);
        QCOMPARE(combo(u"field_insured_kind"_s)->currentIndex(), 2);
        QCOMPARE(page->currentTicket()->ticketNo, before.ticketNo);
    }

    void returningApplicantAndLicense() {
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->lastCaseLocalId().isEmpty());
        // The evaluation window has the keyboard until the citizen rates; here the citizen walks away.
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(page->evaluationDialog()));
        page->evaluationDialog()->close();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        // The same person again: recognised from the local case.
        typeText(lineEdit(u"applicantIdNumber"_s), kPersonId);
        QCOMPARE(lineEdit(u"applicantName"_s)->text(), u"张三"_s);
        QCOMPARE(lineEdit(u"applicantPhone"_s)->text(), u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        license::El1Claims c;
        c.lid = u"1.2.156.3005.2.11100000000013127D001.430104.000123.001.X"_s;
        c.typ = u"11100000000013127D001"_s;
        c.tn = u"居民身份证"_s;
        c.hn = u"张三"_s;
        c.hid = kPersonIdMasked;
        auto r = page->attachLicense(c);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), u"m1"_s);
        QCOMPARE(combo(u"material_m1"_s)->currentData().toString(), u"electronic"_s);
        QCOMPARE(page->currentDraft().materials.value(u"m1"_s).licenseId, c.lid);
        // Another holder: explicit confirmation; declined → not attached.
        combo(u"material_m1"_s)->setCurrentIndex(0);
        c.hn = u"李四"_s;
        ui::DialogFacade::instance().preAnswer(QMessageBox::No);
        QCOMPARE(page->attachLicense(c).error().code, u"holder_mismatch_declined"_s);
        QCOMPARE(combo(u"material_m1"_s)->currentIndex(), 0);
        QVERIFY(!ui::DialogFacade::instance().shown().isEmpty());
        // A license that fits no material says so.
        c.typ = u"99999999999999999X001"_s;
        QCOMPARE(page->attachLicense(c).error().code, u"no_matching_material"_s);
    }

    void scannedLicenseFillsMaterial() {
        // The whole path: a payload signed with the demo key, verified offline, attached to the material.
        auto keys = license::DemoLicenses::keySet();
        QVERIFY(keys.ok());
        license::MemoryReplayStore replay;
        license::El1Verifier verifier(keys.value(), replay, f->clock);
        license::LicenseScanService scans(verifier);
        ctx.scanService = &scans;
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        identify(u"张三"_s, u"430104195001050012"_s, u"13800138000"_s); // the demo license's holder
        pickMatter(u"城乡居民基本医疗"_s);
        auto payload = license::DemoLicenses::freshPayload(0, f->clock);
        QVERIFY(payload.ok());
        scans.verifyScanned(QString::fromLatin1(payload.value()));
        QCOMPARE(combo(u"material_m1"_s)->currentData().toString(), u"electronic"_s);
        const QString lid = page->currentDraft().materials.value(u"m1"_s).licenseId;
        QVERIFY(lid.startsWith(u"1.2.156.3005.2."_s));
        // The same payload again is a replay: refused, said in the message bar.
        scans.verifyScanned(QString::fromLatin1(payload.value()));
        QVERIFY(page->messageBar()->text().contains(u"License not accepted"_s));
    }

    void queueOfflineWalkIn() {
        LocalQueueService offline(*f->db, f->clock, f->window.clerkId);
        offline.setOnline(false);
        ctx.queue = &offline;
        page = std::make_unique<IntakePage>(ctx);
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
        QVERIFY(label(u"queueState"_s).contains(u"offline"_s, Qt::CaseInsensitive));
        key(Qt::Key_F2);
        QVERIFY(page->messageBar()->text().contains(u"offline"_s, Qt::CaseInsensitive));
        key(Qt::Key_F9);
        QVERIFY(label(u"currentTicket"_s).contains(u"Walk-in"_s));
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!page->lastCaseLocalId().isEmpty());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases WHERE ticket_no IS NULL"_s), 1);
        page.reset();
    }

    void holdAndResumeKeepTheDraft() {
        key(Qt::Key_F2);
        const QString ticketNo = page->currentTicket()->ticketNo;
        identify(u"孙八"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        key(Qt::Key_F7); // hold: the citizen fetches a missing paper
        QVERIFY(!page->currentTicket().has_value());
        QVERIFY(lineEdit(u"applicantName"_s)->text().isEmpty());
        key(Qt::Key_F2); // the next citizen meanwhile
        QVERIFY(page->currentTicket()->ticketNo != ticketNo);
        key(Qt::Key_F7, Qt::ShiftModifier); // back to the held one, with its draft
        QCOMPARE(page->currentTicket()->ticketNo, ticketNo);
        QCOMPARE(page->currentTicket()->status, u"serving"_s);
        QCOMPARE(lineEdit(u"applicantName"_s)->text(), u"孙八"_s);
        QCOMPARE(page->matter().itemCode, u"430104-001001001000-GG-001"_s);
        // Transfer to another category puts the ticket back in that line.
        key(Qt::Key_F8);
        QVERIFY(!page->currentTicket().has_value());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM queue_tickets WHERE ticket_no = ? AND status = 'waiting'"_s,
                          {ticketNo}),
                 1);
    }

    // Shift+F7 while a ticket is in service swaps: the current one goes on hold with its draft, the one held
    // before comes back with its own; the window never has two tickets called or in service.
    void resumeWhileServingSwaps() {
        key(Qt::Key_F2);
        const Ticket first = *page->currentTicket();
        identify(u"孙八"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"城乡居民基本医疗"_s);
        key(Qt::Key_F7);
        QVERIFY(!page->currentTicket().has_value());

        key(Qt::Key_F2);
        const Ticket second = *page->currentTicket();
        QVERIFY(second.id != first.id);
        key(Qt::Key_F4);
        QCOMPARE(page->currentTicket()->status, u"serving"_s);
        identify(u"周九"_s, secondPersonId(), u"13900139000"_s);
        pickMatter(u"婚姻一件事"_s);

        key(Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(page->currentTicket()->ticketNo, first.ticketNo);
        QCOMPARE(page->currentTicket()->status, u"serving"_s);
        QCOMPARE(ticketStatus(first.id), u"serving"_s);
        QCOMPARE(ticketStatus(second.id), u"held"_s);
        QCOMPARE(activeAtWindow(), 1);
        QCOMPARE(lineEdit(u"applicantName"_s)->text(), u"孙八"_s);
        QCOMPARE(lineEdit(u"applicantIdNumber"_s)->text(), kPersonId);
        QCOMPARE(page->matter().itemCode, u"430104-001001001000-GG-001"_s);
        // The swapped-out visit is kept in its own draft, tied to its ticket.
        const auto kept = draftOf(second.id);
        QVERIFY(kept.has_value());
        QCOMPARE(kept->applicant.name, u"周九"_s);
        QCOMPARE(kept->bundleCode, u"YJS-HY-001"_s);

        // And back again: the one just held is not resumed by the swap that held it, but by the next.
        key(Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(page->currentTicket()->ticketNo, second.ticketNo);
        QCOMPARE(ticketStatus(first.id), u"held"_s);
        QCOMPARE(ticketStatus(second.id), u"serving"_s);
        QCOMPARE(activeAtWindow(), 1);
        QCOMPARE(lineEdit(u"applicantName"_s)->text(), u"周九"_s);
        QCOMPARE(page->matter().bundleCode, u"YJS-HY-001"_s);
        QCOMPARE(draftOf(first.id)->applicant.name, u"孙八"_s);
    }

    void resumeWithNothingHeld() {
        key(Qt::Key_F2);
        const Ticket current = *page->currentTicket();
        identify(u"孙八"_s, kPersonId, u"13800138000"_s);
        key(Qt::Key_F7, Qt::ShiftModifier);
        // Nothing to swap with: the current ticket and its visit stay as they are.
        QCOMPARE(page->currentTicket()->id, current.id);
        QCOMPARE(ticketStatus(current.id), u"called"_s);
        QCOMPARE(lineEdit(u"applicantName"_s)->text(), u"孙八"_s);
        QVERIFY(page->messageBar()->text().contains(u"No ticket on hold"_s));
    }

    void fitsHallScreen_data() {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << u"en"_s;
        QTest::addRow("zh_CN") << u"zh_CN"_s;
    }

    // Hall PCs run 1366×768: the main window with the intake page (sidebar included) fits a maximized window
    // there, every action is on screen with its key, and no button cuts its text.
    void fitsHallScreen() {
        QFETCH(QString, language);
        QVERIFY(ui::installTranslations(language));
        const auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        const AppLook look;
        QVERIFY(!qApp->styleSheet().isEmpty()); // measured as the clerk sees it
        openHallWindow();
        if (QTest::currentTestFailed())
            return;
        IntakePage *intake = hallPage;
        ui::MainWindow &w = *hall;
        w.resize(1366, 728); // maximized, under a task bar
        QTest::qWait(20);
        // A visit under way: a called ticket, an applicant, a bundle's form and materials.
        intake->callNext();
        QVERIFY(intake->currentTicket().has_value());
        QVERIFY(intake->startMatter(u"YJS-HY-001"_s, true));
        QTest::qWait(50); // layouts settle

        const int minWidth = w.minimumSizeHint().width();
        qInfo() << language << "main window minimum width" << minWidth;
        QVERIFY2(minWidth <= 1366, qPrintable(u"main window needs %1 px"_s.arg(minWidth)));
        QCOMPARE(w.width(), 1366);

        const QList<std::pair<QString, QKeySequence>> actions{
            {u"callNextButton"_s, QKeySequence(Qt::Key_F2)},
            {u"recallButton"_s, QKeySequence(Qt::Key_F3)},
            {u"startButton"_s, QKeySequence(Qt::Key_F4)},
            {u"doneButton"_s, QKeySequence(Qt::Key_F5)},
            {u"noShowButton"_s, QKeySequence(Qt::Key_F6)},
            {u"holdButton"_s, QKeySequence(Qt::Key_F7)},
            {u"resumeButton"_s, QKeySequence(Qt::SHIFT | Qt::Key_F7)},
            {u"transferButton"_s, QKeySequence(Qt::Key_F8)},
            {u"walkInButton"_s, QKeySequence(Qt::Key_F9)}};
        for (const auto &[name, keys] : actions) {
            auto *b = intake->findChild<QPushButton *>(name);
            QVERIFY2(b && b->isVisible(), qPrintable(name));
            QVERIFY2(b->text().contains(keys.toString(QKeySequence::NativeText)), qPrintable(b->text()));
            QVERIFY2(!b->visibleRegion().isEmpty(), qPrintable(name));
        }
        QVERIFY(intake->findChild<QComboBox *>(u"transferCategory"_s)->isVisible());
        int checked = 0;
        for (QPushButton *b : intake->findChildren<QPushButton *>()) {
            if (!b->isVisible())
                continue;
            const QFontMetrics fm = b->fontMetrics();
            QStyleOptionButton opt;
            opt.initFrom(b);
            opt.text = b->text();
            const int need = b->style()
                                 ->sizeFromContents(QStyle::CT_PushButton, &opt,
                                                    QSize(fm.horizontalAdvance(b->text()), fm.height()), b)
                                 .width();
            QVERIFY2(need <= b->width(),
                     qPrintable(u"%1 “%2”: needs %3 px, has %4"_s.arg(b->objectName(), b->text())
                                    .arg(need)
                                    .arg(b->width())));
            ++checked;
        }
        QVERIFY(checked >= 9);
        // For a look in each language.
        QVERIFY(
            w.grab().save(QStringLiteral(WINDOWDESK_BINARY_DIR) + u"/intake-1366-%1.png"_s.arg(language)));
    }

    void longAndInvalidInput() {
        key(Qt::Key_F2);
        pickMatter(u"职工医保退休"_s);
        auto *name = lineEdit(u"field_applicant_name"_s);
        name->setFocus();
        typeText(name, QString(80, u'长'));
        QCOMPARE(name->text().size(), 50); // max_length
        auto *id = lineEdit(u"field_id_number"_s);
        typeText(id, u"110105194912310021"_s);
        QVERIFY(!label(u"error_id_number"_s).isEmpty()); // checksum message inline
        auto *date = lineEdit(u"field_retire_date"_s);
        typeText(date, u"2026-02-30"_s);
        QVERIFY(!label(u"error_retire_date"_s).isEmpty());
    }

    // docs/screenshots/intake.png: the main window at 1366×768, a visit filled in.
    void screenshot() {
        const AppLook look;
        openHallWindow();
        if (QTest::currentTestFailed())
            return;
        key(Qt::Key_F2);
        identify(u"张三"_s, kPersonId, u"13800138000"_s);
        pickMatter(u"婚姻一件事"_s);
        fillRemainingFields();
        key(Qt::Key_M, Qt::ControlModifier);
        QTest::qWait(100); // layouts settle as they would between keystrokes
        const QString out = QStringLiteral(WINDOWDESK_BINARY_DIR);
        QVERIFY(hall->grab().save(out + u"/intake-page.png"_s));
        // The accepted notice next to it, for a look (pdftoppm renders it to PNG).
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(cur()->lastNoticePaths().size(), 1);
        QFile::remove(out + u"/notice-accepted.pdf"_s);
        QVERIFY(QFile::copy(cur()->lastNoticePaths().first(), out + u"/notice-accepted.pdf"_s));
    }

private:
    // The page under test: the main window's when a test opened it, else the bare page.
    IntakePage *cur() const { return hallPage ? hallPage : page.get(); }
    // The main window with the real intake page (sidebar, status bar) at 1366×768, as on a hall PC.
    void openHallWindow() {
        page.reset();
        storage::User clerk;
        clerk.id = f->window.clerkId;
        clerk.username = u"clerk"_s;
        clerk.name = f->window.clerkName;
        clerk.roles = {u"clerk"_s};
        clerk.windowNo = f->window.windowNo;
        ui::ShellContext shell;
        shell.db = f->db.get();
        shell.clock = &f->clock;
        shell.audit = f->audit.get();
        shell.user = clerk;
        hall = std::make_unique<ui::MainWindow>(shell);
        registerIntakePages(*hall, ctx);
        QVERIFY(hall->showPage(u"intake"_s));
        hallPage = qobject_cast<IntakePage *>(hall->page(u"intake"_s));
        QVERIFY(hallPage);
        hall->resize(1366, 768);
        hall->show();
        hall->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(hall.get()));
        // The clerk starts in the page (the page's keys work from inside it, not from the sidebar).
        hallPage->findChild<QLineEdit *>(u"applicantName"_s)->setFocus();
    }
    QString ticketStatus(qint64 id) const {
        auto q = f->db->query(u"SELECT status FROM queue_tickets WHERE id = ?"_s, {id});
        return q.ok() && q->next() ? q->value(0).toString() : QString();
    }
    int activeAtWindow() const {
        return f->count(u"SELECT COUNT(*) FROM queue_tickets WHERE window_no = ? AND status IN ('called', "
                        u"'serving')"_s,
                        {f->window.windowNo});
    }
    std::optional<IntakeDraft> draftOf(qint64 ticketId) const {
        auto drafts = DraftRepository(*f->db, f->clock).openDrafts(f->window.clerkId);
        if (drafts.ok())
            for (const auto &d : drafts.value())
                if (d.draft.ticketId == ticketId)
                    return d.draft;
        return std::nullopt;
    }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QWidget *w = QApplication::focusWidget();
        if (!w || w->window() != cur()->window())
            w = cur()->focusWidget() ? cur()->focusWidget() : cur();
        QTest::keyClick(w, k, m);
        QCoreApplication::processEvents();
    }
    QLineEdit *lineEdit(const QString &name) const {
        auto *e = cur()->findChild<QLineEdit *>(name);
        if (!e)
            qWarning() << "no line edit" << name;
        return e;
    }
    QComboBox *combo(const QString &name) const { return cur()->findChild<QComboBox *>(name); }
    QString label(const QString &name) const {
        auto *l = cur()->findChild<QLabel *>(name);
        return l && !l->isHidden() ? l->text() : QString();
    }
    void identify(const QString &name, const QString &id, const QString &phone) {
        typeText(lineEdit(u"applicantName"_s), name);
        typeText(lineEdit(u"applicantIdNumber"_s), id);
        typeText(lineEdit(u"applicantPhone"_s), phone);
    }
    void pickMatter(const QString &query) {
        key(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), lineEdit(u"matterSearch"_s));
        typeText(lineEdit(u"matterSearch"_s), query);
        QTest::keyClick(lineEdit(u"matterSearch"_s), Qt::Key_Return);
        QVERIFY(cur()->matter().isValid());
    }
    void fillRemainingFields() {
        for (const auto &fl : cur()->matter().fields) {
            QWidget *w = cur()->findChild<QWidget *>(u"field_"_s + fl.key);
            QVERIFY2(w, qPrintable(fl.key));
            if (auto *e = qobject_cast<QLineEdit *>(w)) {
                if (!e->text().isEmpty())
                    continue;
                if (fl.type == u"date"_s)
                    typeText(e, u"2026-03-01"_s);
                else if (fl.type == u"number"_s)
                    typeText(e, u"12"_s);
                else if (fl.type == u"id_number"_s)
                    typeText(e, secondPersonId());
                else if (fl.type == u"phone"_s)
                    typeText(e, u"13900139000"_s);
                else
                    typeText(e, u"李四"_s);
            } else if (auto *c = qobject_cast<QComboBox *>(w)) {
                if (c->currentIndex() < 0)
                    c->setCurrentIndex(0);
            } else if (auto *t = qobject_cast<QPlainTextEdit *>(w)) {
                if (t->toPlainText().isEmpty())
                    typeText(t, u"说明"_s);
            }
        }
    }

    std::unique_ptr<Fixture> f;
    IntakeContext ctx;
    std::unique_ptr<IntakePage> page;
    std::unique_ptr<ui::MainWindow> hall;
    IntakePage *hallPage = nullptr;
};

QTEST_MAIN(TestIntakePage)
#include "tst_intakepage.moc"
