// The red/yellow card follow-up by keys (issue 13): F3 on a red case's timeline opens the dialog; Ctrl+Return
// without a finding says so and writes nothing; the finding picked with the arrow keys, the action and the
// note typed, Ctrl+Return saves — the follow-up is on the case's timeline at once, audited and queued for
// POST /cases/{case_no}/followups; against a 1.0 platform the page says it was kept locally. In the main
// window under the offscreen platform (no window manager): the timeline's 详情 says the decision, status and
// follow-up in Chinese, never the stored codes, and after F3 or F4 and Esc the keys go back to the board, so
// Ctrl+PgDown still switches the tabs.
#include "intakefixture.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/supervision/followupdialog.h>
#include <windowdesk/supervision/ledgerpage.h>
#include <windowdesk/supervision/revealdialog.h>
#include <windowdesk/supervision/supervisionpage.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::FollowupDialog;
using windowdesk::supervision::SupervisionPage;

class TestFollowupDialog : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<Fixture> f;

    // The red tile, the first window, its first case, its timeline — all by keys.
    QTableView *openRedTimeline(SupervisionPage &page) {
        auto *view = page.findChild<QTableView *>(u"boardView"_s);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_4, Qt::AltModifier);
        if (view->model()->rowCount() == 0)
            return nullptr;
        QTest::keyClick(view, Qt::Key_Return);
        QTest::keyClick(view, Qt::Key_Return);
        return page.level() == SupervisionPage::Level::Timeline ? view : nullptr;
    }

private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        f->clock.set(QDateTime(QDate(2026, 3, 30), QTime(2, 0), QTimeZone::utc()));
        QVERIFY(cases::HallSeeder(*f->db, f->clock).seed({150, 40, 7}).ok());
    }
    void cleanup() { f.reset(); }

    void followUpARedCardByKeys() {
        storage::User sup;
        sup.id = u"u-demo-supervisor"_s;
        sup.username = u"supervisor"_s;
        sup.roles = {u"supervisor"_s};
        SupervisionPage page(*f->db, f->clock, sup, nullptr, f->audit.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.board().total.followupMissing > 0);
        const int missingBefore = page.board().total.followupMissing;
        QTableView *view = openRedTimeline(page);
        QVERIFY(view);
        const int timelineRows = view->model()->rowCount();
        const int rowsBefore = f->count(u"SELECT count(*) FROM card_followups"_s);

        QTest::keyClick(view, Qt::Key_F3);
        FollowupDialog *dialog = page.findChild<FollowupDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *finding = dialog->findChild<QComboBox *>(u"followupFinding"_s);
        QTRY_COMPARE(QApplication::focusWidget(), finding);
        // Nothing chosen: a clear message, nothing written.
        QTest::keyClick(finding, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->findChild<ui::MessageBar *>(u"followupMessage"_s)->text().isEmpty());
        QCOMPARE(f->count(u"SELECT count(*) FROM card_followups"_s), rowsBefore);

        QTest::keyClick(finding, Qt::Key_Down);
        QTest::keyClick(finding, Qt::Key_Down); // 后台延误 / back-office delay
        QCOMPARE(finding->currentData().toString(), u"back_office_delay"_s);
        QTest::keyClick(finding, Qt::Key_Tab);
        auto *action = dialog->findChild<QLineEdit *>(u"followupAction"_s);
        QCOMPARE(QApplication::focusWidget(), action);
        QTest::keyClicks(action, u"urged the department"_s);
        QTest::keyClick(action, Qt::Key_Tab);
        auto *note = dialog->findChild<QPlainTextEdit *>(u"followupNote"_s);
        QCOMPARE(QApplication::focusWidget(), note);
        QTest::keyClicks(note, u"phoned the clerk"_s);
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(page.findChild<FollowupDialog *>() == nullptr);

        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM card_followups WHERE colour = 'red' AND finding = "
                u"'back_office_delay' AND action = 'urged the department' AND note = 'phoned the clerk'"_s),
            1);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM outbox WHERE kind = 'case_followup' AND state = 'pending' AND "
                     u"path = '/cases/{case_no}/followups'"_s),
            1);
        QCOMPARE(f->count(u"SELECT count(*) FROM audit_log WHERE action = 'case_followup_recorded'"_s), 1);
        // On the timeline at once, and one red card fewer without its follow-up.
        QCOMPARE(page.level(), SupervisionPage::Level::Timeline);
        QCOMPARE(view->model()->rowCount(), timelineRows + 1);
        bool shown = false;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            for (int col = 0; col < view->model()->columnCount(); ++col)
                shown = shown ||
                        view->model()->index(r, col).data().toString().contains(u"urged the department"_s);
        QVERIFY(shown);
        QCOMPARE(page.board().total.followupMissing, missingBefore - 1);
        QVERIFY(!page.findChild<ui::MessageBar *>(u"boardMessage"_s)->text().isEmpty());
    }

    void timelineInWordsAndEscGivesTheKeysBack() {
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        const auto english = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        storage::User sup;
        sup.id = u"u-demo-supervisor"_s;
        sup.username = u"supervisor"_s;
        sup.roles = {u"supervisor"_s};
        ui::ShellContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.user = sup;
        ui::MainWindow w(ctx);
        supervision::registerSupervisionPages(w, *f->db, f->clock, f->audit.get(), sup);
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.showPage(u"supervision"_s));
        auto *tabs = w.findChild<QTabWidget *>(u"supervisionTabs"_s);
        auto *page = w.findChild<SupervisionPage *>();
        QVERIFY(tabs && page);
        auto *view = page->findChild<QTableView *>(u"boardView"_s);
        view->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), view);
        // Keys go where the focus is: nothing focused, nothing happens (as for the clerk).
        auto key = [](Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
            QWidget *fw = QApplication::focusWidget();
            QVERIFY2(fw, "nothing has the focus");
            QTest::keyClick(fw, k, mods);
        };

        // A red case's timeline, by keys.
        key(Qt::Key_4, Qt::AltModifier);
        QVERIFY(view->model()->rowCount() > 0);
        key(Qt::Key_Return);
        key(Qt::Key_Return);
        QCOMPARE(page->level(), SupervisionPage::Level::Timeline);
        auto details = [&] {
            QStringList out;
            for (int r = 0; r < view->model()->rowCount(); ++r)
                out << view->model()->index(r, supervision::TimelineModel::Detail).data().toString();
            return out;
        };
        // 详情 of the decision at the window: its Chinese label.
        QVERIFY2(details().contains(u"受理"_s), qPrintable(details().join(u" | "_s)));

        // F3, a follow-up saved: its card and finding in words, the typed action as typed.
        key(Qt::Key_F3);
        FollowupDialog *dialog = page->findChild<FollowupDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *finding = dialog->findChild<QComboBox *>(u"followupFinding"_s);
        finding->setCurrentIndex(finding->findData(u"back_office_delay"_s));
        dialog->findChild<QLineEdit *>(u"followupAction"_s)->setText(u"催办"_s);
        dialog->save();
        QTRY_VERIFY(!page->findChild<FollowupDialog *>());
        QVERIFY2(details().contains(u"红牌 · 后台部门延误 · 催办"_s), qPrintable(details().join(u" | "_s)));
        // No stored code shows through (statuses, decisions, colours, findings).
        for (const QString &d : details())
            for (const QString &code :
                 {u"accepted"_s, u"in_progress"_s, u"suspended"_s, u"completed"_s, u"correction_required"_s,
                  u"red"_s, u"yellow"_s, u"back_office_delay"_s})
                QVERIFY2(!d.split(u" · "_s).contains(code), qPrintable(d));
        QTRY_VERIFY(QApplication::focusWidget());

        // F3 again, Esc: the keys come back to the board, Ctrl+PgDown switches to the ledger and back.
        key(Qt::Key_F3);
        QTRY_VERIFY(page->findChild<FollowupDialog *>() && page->findChild<FollowupDialog *>()->isVisible());
        QTRY_VERIFY2(page->findChild<FollowupDialog *>()->isAncestorOf(QApplication::focusWidget()),
                     QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                                 : "nothing focused");
        key(Qt::Key_Escape);
        QTRY_VERIFY(!page->findChild<FollowupDialog *>());
        QTRY_COMPARE(QApplication::focusWidget(), view);
        key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), w.findChild<supervision::LedgerPage *>());
        key(Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), page);

        // F4 (the applicant's full data), Esc: the same.
        QTRY_COMPARE(QApplication::focusWidget(), view);
        key(Qt::Key_F4);
        if (auto *reveal = page->findChild<supervision::RevealDialog *>()) {
            QTRY_VERIFY(reveal->isVisible());
            QTRY_VERIFY(reveal->isAncestorOf(QApplication::focusWidget()));
            key(Qt::Key_Escape);
            QTRY_VERIFY(!page->findChild<supervision::RevealDialog *>());
        }
        QTRY_COMPARE(QApplication::focusWidget(), view);
        key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), w.findChild<supervision::LedgerPage *>());
    }

    void platform10SaysKeptLocally() {
        QVERIFY(f->db
                    ->exec(u"INSERT INTO sync_state (key, value, at) VALUES ('platform_api_version', '1.0', "
                           u"'2026-03-30T00:00:00Z')"_s)
                    .ok());
        storage::User sup;
        sup.id = u"u-demo-supervisor"_s;
        sup.roles = {u"supervisor"_s};
        SupervisionPage page(*f->db, f->clock, sup, nullptr, f->audit.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableView *view = openRedTimeline(page);
        QVERIFY(view);
        QTest::keyClick(view, Qt::Key_F3);
        FollowupDialog *dialog = page.findChild<FollowupDialog *>();
        QVERIFY(dialog);
        auto *finding = dialog->findChild<QComboBox *>(u"followupFinding"_s);
        QTRY_COMPARE(QApplication::focusWidget(), finding);
        QTest::keyClick(finding, Qt::Key_Down);
        QTest::keyClick(finding, Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), u"talked to the clerk"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(page.findChild<FollowupDialog *>() == nullptr);
        QVERIFY(page.findChild<ui::MessageBar *>(u"boardMessage"_s)->text().contains(u"does not support"_s));
        QCOMPARE(f->count(u"SELECT count(*) FROM card_followups WHERE finding = 'clerk_error'"_s), 1);
    }
};

QTEST_MAIN(TestFollowupDialog)
#include "tst_followupdialog.moc"
