// Issue 16's "Done when", in one run against the simulator process with its faults on (platform-api.md 1.1):
// in the real main window, by keys alone, a clerk of the demo hall records a 办不成事 request from the intake
// page (Ctrl+Shift+B), takes in a 依申请公开 application on the intake page, takes in a 跨省通办 receipt
// (Ctrl+Shift+K; the 接收回执 and the 移交清单 printed, their PDF text checked) and, once the platform has
// opened the post-checks of two commitments, records a false commitment (Ctrl+Shift+H). Everything is pushed
// through lost answers (the second API request's for certain, then three in ten) and reaches the platform
// exactly once: one record and one Idempotency-Key per write. The platform extends the disclosure reply limit
// (cases feed). A supervisor's own computer then pulls the hall-wide feeds and sees all four, the overdue
// ones flagged: weeks later the request past its reply date, the check past its due date (and the false
// commitment as a tile of the board), the receipt not forwarded after its forward_due, and the disclosure
// case — yellow, not red, the day after its first legal due date (the extension moved it), red after the
// extended one.
#include "../sync/synctestsupport.h"
#include "intakefixture.h"

#include <windowdesk/cases/casecard.h>
#include <windowdesk/cases/checksmodel.h>
#include <windowdesk/cases/crossprovincemodel.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/cases/unresolvedmodel.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/intake/checksdialog.h>
#include <windowdesk/intake/crossprovincepage.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/intake/unresolveddialog.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/supervision/crossprovinceboard.h>
#include <windowdesk/supervision/halldutiespage.h>
#include <windowdesk/supervision/supervisionpage.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/dutyshortcuts.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using synctest::Client;
using synctest::Sim;

namespace {
const QString kDisclosureItem = u"430104-001501001000-GK-001"_s;
const QString kCommitmentItem = u"430104-000201001000-XK-001"_s; // m3 经营场所使用证明 on commitment
const cases::WindowContext kWindow{u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};

void key(QWidget *fallback, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : fallback;
    QTest::keyClick(w, k, m);
    QCoreApplication::processEvents();
}

void keys(QWidget *fallback, const QKeySequence &sequence) {
    QTest::keySequence(QApplication::focusWidget() ? QApplication::focusWidget() : fallback, sequence);
    QCoreApplication::processEvents();
}

// After a dialog closed: the main window has the keys again.
bool activate(QWidget &window) {
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

template <typename T> T *waitFor(QWidget *parent) {
    for (int i = 0; i < 150; ++i) {
        if (T *t = parent->findChild<T *>(); t && t->isVisible())
            return t;
        QTest::qWait(20);
    }
    return nullptr;
}

// A case of the demo item with its premises proof on commitment (setup: the platform opens a check for it).
bool takeInOnCommitment(Client &c, const QString &name) {
    auto item = storage::CatalogRepository(*c.db).currentItem(kCommitmentItem);
    if (!item.ok())
        return false;
    const cases::Matter matter = cases::Matter::fromItem(item.value());
    cases::IntakeDraft d;
    d.itemCode = kCommitmentItem;
    d.applicant.name = name;
    d.applicant.idNumber = intake::test::kPersonId;
    d.applicant.phone = u"13807310001"_s;
    d.formValues = QJsonObject{{u"applicant_name"_s, name},
                               {u"id_number"_s, intake::test::kPersonId},
                               {u"phone"_s, d.applicant.phone},
                               {u"shop_name"_s, name + u"小吃店"_s},
                               {u"organization_form"_s, u"个人经营"_s},
                               {u"premises_address"_s, u"岳麓区麓山南路1号"_s},
                               {u"business_scope"_s, u"小吃服务"_s},
                               {u"capital_wan"_s, 5}};
    for (const cases::MatterMaterial &m : matter.materials)
        d.materials.insert(m.key, {m.material.id == u"m3"_s ? u"commitment"_s : u"paper"_s, {}, {}, 0});
    d.decision = u"accepted"_s;
    auto submitted = cases::CaseService(*c.db, SystemClock::instance(), nullptr, kWindow).submit(matter, d);
    return submitted.ok();
}

sync::SyncSummary runAs(Client &c, const QString &user, const QString &password, bool push, bool pull) {
    sync::SyncEngine engine(*c.db, SystemClock::instance(), c.config);
    QSignalSpy spy(&engine, &sync::SyncEngine::finished);
    sync::SyncRunOptions o;
    o.username = user;
    o.password = password;
    o.maxSeconds = 30;
    o.push = push;
    o.pull = pull;
    engine.start(o);
    if (!spy.wait(60000))
        return {};
    return spy.first().first().value<sync::SyncSummary>();
}

// Pushes every write through lost answers until none is left.
void pushThroughFaults(Sim &sim, Client &c) {
    const int lostBefore = sim.stats().value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt();
    QVERIFY(sim.setFaults(u"fail-nth=2,drop-after-commit=0.3"_s));
    for (int round = 0; round < 12 && c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s) > 0;
         ++round)
        c.run(20, true, false);
    QVERIFY(sim.setFaults(QString()));
    QCOMPARE(c.text(u"SELECT group_concat(kind || ':' || state) FROM outbox WHERE state <> 'done'"_s),
             QString());
    QCOMPARE(sim.stats().value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), lostBefore + 1); // lost
}
} // namespace

class TestHallDay : public QObject {
    Q_OBJECT

    // 办不成事 from the intake page: the citizen typed on the page comes along; category, need, department.
    static void recordUnresolvedByKeys(ui::MainWindow &hall, intake::IntakePage *page) {
        page->findChild<QLineEdit *>(u"applicantName"_s)->setFocus();
        intake::test::typeText(QApplication::focusWidget(), u"周敏"_s);
        key(page, Qt::Key_Tab);
        intake::test::typeText(QApplication::focusWidget(), intake::test::kPersonId);
        key(page, Qt::Key_Tab);
        intake::test::typeText(QApplication::focusWidget(), u"13807312041"_s);
        keys(page, ui::shortcutKey(ui::shortcut::reportUnresolved));
        auto *dialog = waitFor<intake::UnresolvedDialog>(&hall);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"unresolvedName"_s)->text(), u"周敏"_s);
        QTRY_COMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedCategory"_s));
        for (int i = 0; i < 3; ++i)
            key(dialog, Qt::Key_Down);
        QCOMPARE(dialog->findChild<QComboBox *>(u"unresolvedCategory"_s)->currentData().toString(),
                 u"cross_department"_s);
        key(dialog, Qt::Key_Tab);
        intake::test::typeText(QApplication::focusWidget(),
                               u"老旧小区加装电梯补贴需住建和财政两个部门联合审核"_s);
        key(dialog, Qt::Key_Tab); // name (from the page)
        key(dialog, Qt::Key_Tab); // phone (from the page)
        key(dialog, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedDepartment"_s));
        intake::test::typeText(QApplication::focusWidget(), u"区医疗"_s);
        key(dialog, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!dialog->recordedLocalId().isEmpty());
        key(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
    }

    // 依申请公开 on the intake page (the citizen already typed): the matter, what is asked, the form of
    // delivery, the materials seen, Ctrl+Enter; the notice is the 登记回执.
    static QString takeInDisclosureByKeys(intake::IntakePage *page) {
        page->findChild<QLineEdit *>(u"applicantName"_s)->setFocus();
        key(page, Qt::Key_F, Qt::ControlModifier);
        intake::test::typeText(QApplication::focusWidget(), u"政府信息公开申请（区人民政府）"_s);
        key(page, Qt::Key_Return);
        if (page->matter().itemCode != kDisclosureItem)
            return u"wrong matter: "_s + page->matter().itemCode;
        auto *asked = page->findChild<QPlainTextEdit *>(u"field_info_description"_s);
        asked->setFocus();
        intake::test::typeText(asked, u"2026年岳麓区老旧小区加装电梯补贴资金分配文件"_s);
        for (const QString &name : {u"field_info_delivery_form"_s, u"field_info_obtain_method"_s}) {
            page->findChild<QComboBox *>(name)->setFocus();
            key(page, Qt::Key_Down);
        }
        key(page, Qt::Key_M, Qt::ControlModifier); // every material seen on paper
        key(page, Qt::Key_Return, Qt::ControlModifier);
        if (page->lastCaseLocalId().isEmpty())
            return u"not taken in: "_s + page->findChild<QLabel *>(u"decisionProblems"_s)->text();
        const QString text = intake::test::pdfText(page->lastNoticePaths().value(0));
        if (!text.contains(u"政府信息公开申请登记回执"_s))
            return u"notice: "_s + text;
        if (auto *eval = page->evaluationDialog())
            eval->close();
        return {};
    }

    // 跨省通办 (Ctrl+Shift+K): region by pinyin initials, authority, matter, applicant, one material checked,
    // post with its tracking number, Ctrl+Enter; both notices' text.
    static void takeInCrossProvinceByKeys(ui::MainWindow &hall) {
        keys(&hall, ui::shortcutKey(ui::shortcut::goCrossProvince));
        auto *page = qobject_cast<intake::CrossProvincePage *>(hall.page(u"crossprovince"_s));
        QVERIFY(page);
        QTRY_VERIFY(page->isVisible());
        // The focus is in the form (not on the tab bar, where the form's keys do nothing).
        QTRY_VERIFY(page->widget(0)->isAncestorOf(QApplication::focusWidget()));
        key(page, Qt::Key_G, Qt::ControlModifier);
        auto *region = page->findChild<QLineEdit *>(u"xpRegion"_s);
        QTRY_VERIFY(region->hasFocus());
        QTest::keyClicks(region, u"szsns"_s);
        key(page, Qt::Key_Return);
        QTRY_VERIFY(page->findChild<QLabel *>(u"xpRegionPicked"_s)->text().contains(u"440305"_s));
        QTRY_VERIFY(page->findChild<QLineEdit *>(u"xpAuthority"_s)->hasFocus());
        intake::test::typeText(QApplication::focusWidget(), u"深圳市南山区市场监督管理局"_s);
        key(page, Qt::Key_Tab);
        intake::test::typeText(QApplication::focusWidget(), u"个体工商户设立登记"_s);
        page->findChild<QLineEdit *>(u"applicantName"_s)->setFocus();
        intake::test::typeText(QApplication::focusWidget(), u"张三"_s);
        key(page, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), intake::test::kPersonId);
        key(page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier); // a material line
        QTRY_VERIFY(page->findChild<QLineEdit *>(u"xpMaterialName0"_s)->hasFocus());
        intake::test::typeText(QApplication::focusWidget(), u"个体工商户登记申请书"_s);
        key(page, Qt::Key_Tab); // copies: 1
        key(page, Qt::Key_Tab); // form: paper
        key(page, Qt::Key_Tab);
        QTRY_VERIFY(page->findChild<QCheckBox *>(u"xpMaterialChecked0"_s)->hasFocus());
        key(page, Qt::Key_Space); // checked
        key(page, Qt::Key_Tab);   // handover: post
        key(page, Qt::Key_Tab);
        QTRY_VERIFY(page->findChild<QLineEdit *>(u"xpTracking"_s)->hasFocus());
        QTest::keyClicks(QApplication::focusWidget(), u"SF8800112233"_s);
        key(page, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(page->lastNoticePaths().size(), 2);
        const QString receipt = intake::test::pdfText(page->lastNoticePaths().at(0));
        for (const QString &s : {u"跨省通办接收回执"_s, u"申请人：张三"_s, intake::test::kPersonIdMasked,
                                 u"广东省深圳市南山区"_s, u"深圳市南山区市场监督管理局"_s, u"登记申请书"_s})
            QVERIFY2(receipt.contains(s.normalized(QString::NormalizationForm_KC)),
                     qPrintable(s + u" in "_s + receipt));
        QVERIFY(!receipt.contains(intake::test::kPersonId));
        const QString handover = intake::test::pdfText(page->lastNoticePaths().at(1));
        for (const QString &s : {u"跨省通办材料移交清单"_s, u"快递单号：SF8800112233"_s, u"共1项材料，1份"_s})
            QVERIFY2(handover.contains(s.normalized(QString::NormalizationForm_KC)),
                     qPrintable(s + u" in "_s + handover));
    }

    // 告知承诺 (Ctrl+Shift+H): the first open check, a false commitment to be revoked, with its note.
    static void recordCheckByKeys(ui::MainWindow &hall, QString *checkId) {
        keys(&hall, ui::shortcutKey(ui::shortcut::commitmentChecks));
        auto *dialog = waitFor<intake::ChecksDialog>(&hall);
        QVERIFY(dialog);
        auto *list = dialog->findChild<QTableView *>(u"checksList"_s);
        QTRY_COMPARE(QApplication::focusWidget(), list);
        QCOMPARE(list->model()->rowCount(), 2);
        *checkId = list->currentIndex().siblingAtColumn(0).data(cases::ChecksModel::CheckIdRole).toString();
        key(dialog, Qt::Key_O, Qt::AltModifier);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Q, Qt::AltModifier);
        key(dialog, Qt::Key_Down);
        key(dialog, Qt::Key_Down);
        QCOMPARE(dialog->findChild<QComboBox *>(u"checkConsequence"_s)->currentData().toString(),
                 u"revoke"_s);
        key(dialog, Qt::Key_N, Qt::AltModifier);
        intake::test::typeText(QApplication::focusWidget(), u"经营场所系他人住宅，申请人承诺不实"_s);
        key(dialog, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!dialog->recordedLocalId().isEmpty(),
                 qPrintable(dialog->findChild<ui::MessageBar *>()->text()));
        key(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"5"_s})); }

    void fourDutiesByKeysOnceAndHallWide() {
        ui::DialogFacade::instance().reset();
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0); // the demo hall's catalog and the calendars
        const QJsonObject before = m_sim.stats();
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        intake::IntakeContext ctx;
        ctx.db = c.db.get();
        ctx.clock = &SystemClock::instance();
        ctx.audit = &audit;
        ctx.window = kWindow;
        QTemporaryDir notices;
        ctx.noticeDir = notices.path();
        storage::User clerk;
        clerk.id = kWindow.clerkId;
        clerk.username = u"clerk"_s;
        clerk.name = kWindow.clerkName;
        clerk.roles = {u"clerk"_s};
        clerk.windowNo = kWindow.windowNo;
        ui::ShellContext shell;
        shell.db = c.db.get();
        shell.clock = &SystemClock::instance();
        shell.audit = &audit;
        shell.user = clerk;
        ui::MainWindow hall(shell);
        intake::registerIntakePages(hall, ctx);
        QVERIFY(hall.showPage(u"intake"_s));
        auto *intakePage = qobject_cast<intake::IntakePage *>(hall.page(u"intake"_s));
        QVERIFY(intakePage);
        hall.resize(1366, 768);
        hall.show();
        hall.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&hall));

        recordUnresolvedByKeys(hall, intakePage);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(activate(hall));
        const QString disclosure = takeInDisclosureByKeys(intakePage);
        QVERIFY2(disclosure.isEmpty(), qPrintable(disclosure));
        const QString disclosureId = intakePage->lastCaseLocalId();
        QVERIFY(activate(hall));
        takeInCrossProvinceByKeys(hall);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(takeInOnCommitment(c, u"欧阳明"_s));
        QVERIFY(takeInOnCommitment(c, u"黄秀兰"_s));
        pushThroughFaults(m_sim, c);
        if (QTest::currentTestFailed())
            return;

        // The back office: the disclosure office extends its limit, the checks open, the request is routed.
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        QVERIFY(c.run(30, false, true).success());
        QCOMPARE(c.scalar(u"SELECT extension_days FROM cases WHERE local_id = ?"_s, {disclosureId}), 20);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM commitment_checks WHERE state = 'open'"_s), 2);
        QString checkId;
        QVERIFY(activate(hall));
        recordCheckByKeys(hall, &checkId);
        if (QTest::currentTestFailed())
            return;
        pushThroughFaults(m_sim, c);
        if (QTest::currentTestFailed())
            return;

        // Each reached the platform exactly once: one record, one key per write.
        const QJsonObject stats = m_sim.stats();
        const QJsonObject keysSeen = stats.value(u"keys_seen"_s).toObject();
        const QJsonObject keysBefore = before.value(u"keys_seen"_s).toObject();
        QCOMPARE(stats.value(u"cases"_s).toInt(), before.value(u"cases"_s).toInt() + 3);
        QCOMPARE(keysSeen.value(u"POST /cases"_s).toInt() - keysBefore.value(u"POST /cases"_s).toInt(), 3);
        QCOMPARE(stats.value(u"unresolved_requests"_s).toInt(), 1);
        QCOMPARE(keysSeen.value(u"POST /unresolved-requests"_s).toInt(), 1);
        QCOMPARE(stats.value(u"cross_province_receipts"_s).toInt(), 1);
        QCOMPARE(keysSeen.value(u"POST /cross-province/receipts"_s).toInt(), 1);
        QCOMPARE(stats.value(u"check_results"_s).toInt(), 1);
        QCOMPARE(keysSeen.value(u"POST /commitment-checks/{id}/result"_s).toInt(), 1);
        QVERIFY(c.run(30, false, true).success());
        QCOMPARE(c.text(u"SELECT state FROM commitment_checks WHERE check_id = ?"_s, {checkId}),
                 u"false_commitment"_s);

        // The supervisor's own computer, hall-wide through the feeds.
        Client sup;
        QVERIFY(sup.open(m_sim));
        const sync::SyncSummary pulled = runAs(sup, u"supervisor"_s, u"Super@2026"_s, false, true);
        QVERIFY2(pulled.success(), qPrintable(synctest::summaryText(pulled)));
        const QString caseNo = c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {disclosureId});
        QCOMPARE(
            sup.scalar(u"SELECT count(*) FROM cases WHERE case_no = ? AND origin = 'hall_feed'"_s, {caseNo}),
            1);
        auto calendar = storage::CalendarRepository(*sup.db).workingCalendar();
        QVERIFY(calendar.ok());
        const QDate accepted = QDate::fromString(
            c.text(u"SELECT accepted_date FROM cases WHERE local_id = ?"_s, {disclosureId}), Qt::ISODate);
        const QDate firstLegal = core::dueDate(accepted, 20, calendar.value())->date;
        const QDate extended = core::dueDate(accepted, 40, calendar.value())->date;
        FixedClock clock(QDateTime(firstLegal.addDays(1), QTime(10, 0), Clock::chinaStandardTime()));
        storage::User supervisor = clerk;
        supervisor.id = u"u-demo-supervisor"_s;
        supervisor.username = u"supervisor"_s;
        supervisor.name = u"王强"_s;
        supervisor.roles = {u"supervisor"_s};
        storage::AuditLog supAudit(*sup.db, clock, nullptr);
        ui::ShellContext supShell;
        supShell.db = sup.db.get();
        supShell.clock = &clock;
        supShell.audit = &supAudit;
        supShell.user = supervisor;
        ui::MainWindow office(supShell);
        supervision::registerSupervisionPages(office, *sup.db, clock, &supAudit, supervisor);
        QVERIFY(office.showPage(u"supervision"_s));
        office.resize(1366, 768);
        office.show();
        auto *board = office.findChild<supervision::SupervisionPage *>();
        auto *duties = office.findChild<supervision::HallDutiesPage *>();
        auto *crossProvince = office.findChild<supervision::CrossProvinceBoard *>();
        QVERIFY(board && duties && crossProvince);
        const auto disclosureColour = [&]() -> std::optional<core::CardColour> {
            for (const cases::BoardCaseCard &card : board->board().cases)
                if (card.data.caseNo == caseNo && card.card)
                    return card.card->colour;
            return std::nullopt;
        };
        // The day after the first legal due date: yellow (past the promised date), not red.
        board->refresh();
        QCOMPARE(disclosureColour(), std::optional(core::CardColour::Yellow));

        // Weeks later, after the extended date: every duty flagged.
        clock.set(QDateTime(extended.addDays(1), QTime(10, 0), Clock::chinaStandardTime()));
        board->refresh();
        duties->refresh();
        crossProvince->refresh();
        QCOMPARE(disclosureColour(), std::optional(core::CardColour::Red));
        QVERIFY(office.findChild<QPushButton *>(u"tile_false_commitment"_s)->text().startsWith(u"1\n"_s));
        QCOMPARE(duties->unresolvedModel().rowCount(), 1);
        QCOMPARE(duties->unresolvedModel().overdueCount(), 1);
        QCOMPARE(duties->checksModel().rowCount(), 2);
        QCOMPARE(duties->checksModel().falseCommitmentCount(), 1);
        QCOMPARE(duties->checksModel().overdueCount(), 1); // the other check, still open past its due date
        QCOMPARE(crossProvince->model()->rowCount(), 1);
        QCOMPARE(crossProvince->model()->lateCount(), 1);
        QVERIFY(crossProvince->model()->index(0, 0).data(cases::CrossProvinceModel::LateRole).toBool());
        QCOMPARE(crossProvince->model()->index(0, cases::CrossProvinceModel::IdNumber).data().toString(),
                 intake::test::kPersonIdMasked);
    }

private:
    Sim m_sim;
};

QTEST_MAIN(TestHallDay)
#include "tst_hallday.moc"
