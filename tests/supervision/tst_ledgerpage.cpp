// The 差评 ledger driven by keys (issue 13): every level 1-2 evaluation of the seeded hall is a task with its
// deadline (15 working days after the rating's CST date) and overdue flag; a real-name one is flagged until a
// callback reached the citizen. Typing filters the list, Enter opens a task, Backspace in the empty note goes
// back; F6 records a callback (reached? satisfied after? note), F2 picks verified / rectified / explained,
// F7 an appeal, Ctrl+Return records — each written with its audit row and its outbox row in one transaction;
// bad input and an action the state forbids change nothing. Against a 1.0 platform the page says 平台暂不支持
// and keeps the records. Every key goes to the widget that has the focus.
#include "intakefixture.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/core/evaluation.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/supervision/ledgerpage.h>
#include <windowdesk/supervision/supervisionpage.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::LedgerModel;
using windowdesk::supervision::LedgerPage;

namespace {
storage::User supervisor() {
    storage::User u;
    u.id = u"u-demo-supervisor"_s;
    u.username = u"supervisor"_s;
    u.name = u"王强"_s;
    u.roles = {u"supervisor"_s};
    return u;
}

void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has the focus");
    QTest::keyClick(w, k, mods);
}

void type(const QString &text) {
    QWidget *w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has the focus");
    typeText(w, text);
}

QString currentId(QTableView *view) {
    return view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString();
}
} // namespace

class TestLedgerPage : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        f->clock.set(QDateTime(QDate(2026, 3, 30), QTime(2, 0), QTimeZone::utc()));
        auto r = cases::HallSeeder(*f->db, f->clock).seed({200, 40, 11});
        QVERIFY(r.ok());
        QVERIFY(r->badEvaluations > 0);
    }
    void cleanup() { f.reset(); }

    void tasksAndDeadlines() {
        LedgerPage page(*f->db, f->clock, f->audit.get(), supervisor());
        auto *view = page.findChild<QTableView *>(u"ledgerView"_s);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int bad = f->count(u"SELECT count(*) FROM evaluations WHERE level <= 2"_s);
        QCOMPARE(view->model()->rowCount(), bad);
        // Each deadline: 15 working days after the CST date of the rating; overdue when today is past it.
        auto cal = storage::CalendarRepository(*f->db, f->clock).workingCalendar();
        QVERIFY(cal.ok());
        auto q = f->db->query(u"SELECT local_id, at FROM evaluations WHERE level <= 2"_s);
        QVERIFY(q.ok());
        QHash<QString, QDate> due;
        while (q->next())
            due.insert(
                q->value(0).toString(),
                core::rectificationDeadline(
                    core::cstDate(QDateTime::fromString(q->value(1).toString(), Qt::ISODate)), cal.value())
                    ->date);
        int overdue = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r) {
            const QString id = view->model()->index(r, 0).data(LedgerModel::LocalIdRole).toString();
            QCOMPARE(view->model()->index(r, LedgerModel::Due).data().toString(),
                     due.value(id).toString(Qt::ISODate));
            const bool late = f->clock.todayCst() > due.value(id);
            QCOMPARE(!view->model()->index(r, LedgerModel::Overdue).data().toString().isEmpty(), late);
            overdue += late;
        }
        QVERIFY(overdue > 0); // ratings of 40 days ago are past their 15 working days
    }

    void recordByKeys() {
        LedgerPage page(*f->db, f->clock, f->audit.get(), supervisor());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"ledgerView"_s);
        auto *note = page.findChild<QLineEdit *>(u"ledgerNote"_s);
        auto *message = page.findChild<ui::MessageBar *>(u"ledgerMessage"_s);
        page.setFocus();
        QCOMPARE(QApplication::focusWidget(), view);
        const QString id = currentId(view);
        QVERIFY(!id.isEmpty());
        auto written = [&] {
            return f->count(u"SELECT count(*) FROM rectification_actions"_s) +
                   f->count(u"SELECT count(*) FROM outbox WHERE kind = 'rectification'"_s);
        };

        // Enter: the task, the keys in its note; F2 F2: "explained"; Ctrl+Return without a note is refused.
        key(Qt::Key_Return);
        QCOMPARE(page.level(), LedgerPage::Level::Task);
        QCOMPARE(QApplication::focusWidget(), note);
        key(Qt::Key_F2);
        key(Qt::Key_F2);
        QCOMPARE(page.findChild<QComboBox *>(u"ledgerAction"_s)->currentData().toString(), u"explained"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QVERIFY(message->text().contains(u"说明"_s));
        QCOMPARE(written(), 0);

        key(Qt::Key_F2);
        key(Qt::Key_F2);
        key(Qt::Key_F2);
        key(Qt::Key_F2);
        key(Qt::Key_F2); // round the five actions, back to "explained"
        QCOMPARE(page.findChild<QComboBox *>(u"ledgerAction"_s)->currentData().toString(), u"explained"_s);
        type(u"已电话联系群众说明办理时限"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                u"'explained' AND note = '已电话联系群众说明办理时限' AND by_user = 'u-demo-supervisor'"_s,
                {id}),
            1);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM evaluations WHERE local_id = ? AND state = 'explained'"_s, {id}),
            1);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM outbox WHERE kind = 'rectification' AND parent_local_id = ? AND "
                     u"path = '/evaluations/{evaluation_id}/rectification' AND state = 'pending'"_s,
                     {id}),
            1);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM audit_log WHERE action = 'rectification_recorded' AND target = ?"_s,
                {id}),
            1);
        // The task stays open with the record in its history; back in the list it is still selected.
        QCOMPARE(page.level(), LedgerPage::Level::Task);
        QCOMPARE(page.currentTaskId(), id);
        QVERIFY(page.findChild<QTableView *>(u"ledgerHistory"_s)->model()->rowCount() >= 1);
        QCOMPARE(QApplication::focusWidget(), note);
        key(Qt::Key_Backspace);
        QCOMPARE(page.level(), LedgerPage::Level::Tasks);
        QCOMPARE(QApplication::focusWidget(), view);
        QCOMPARE(currentId(view), id);
        QCOMPARE(view->currentIndex().siblingAtColumn(LedgerModel::State).data().toString(),
                 LedgerModel::stateLabel(u"explained"_s));

        // Explained already: a second explanation is refused by the state, nothing written.
        const int before = written();
        key(Qt::Key_Return);
        key(Qt::Key_F2);
        key(Qt::Key_F2);
        type(u"再次说明"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QCOMPARE(written(), before);
        key(Qt::Key_Escape);
        QCOMPARE(page.level(), LedgerPage::Level::Tasks);
    }

    // A real-name 差评 worked through: an unreached callback (flag stays), a reached one (flag gone),
    // verified, rectified; then an appeal on another task. Rows, outbox rows and audit rows for each.
    void callbackRectificationAndAppealByKeys() {
        LedgerPage page(*f->db, f->clock, f->audit.get(), supervisor());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"ledgerView"_s);
        auto *filter = page.findChild<QLineEdit *>(u"ledgerFilter"_s);
        auto *note = page.findChild<QLineEdit *>(u"ledgerNote"_s);
        auto *reached = page.findChild<QComboBox *>(u"ledgerReached"_s);
        auto *message = page.findChild<ui::MessageBar *>(u"ledgerMessage"_s);
        auto *summary = page.findChild<QLabel *>(u"ledgerSummary"_s);
        page.setFocus();
        const int missing = f->count(
            u"SELECT count(*) FROM evaluations WHERE level <= 2 AND real_name = 1 AND callback_done = 0"_s);
        QVERIFY(missing > 1);
        QVERIFY2(summary->text().contains(u"%1 real-name callbacks missing"_s.arg(missing)),
                 qPrintable(summary->text()));

        // Typing filters the list to the flagged tasks.
        type(u"Missing (real"_s);
        QCOMPARE(filter->text(), u"Missing (real"_s);
        QCOMPARE(view->model()->rowCount(), missing);
        const QString id = currentId(view);
        QCOMPARE(f->count(u"SELECT real_name FROM evaluations WHERE local_id = ?"_s, {id}), 1);
        QCOMPARE(
            view->currentIndex().siblingAtColumn(LedgerModel::Callback).data(Qt::BackgroundRole).isValid(),
            true);

        // F6: the callback, the keys on "reached?". Not reached, no note: refused, nothing written.
        key(Qt::Key_F6);
        QCOMPARE(page.level(), LedgerPage::Level::Task);
        QCOMPARE(QApplication::focusWidget(), reached);
        key(Qt::Key_Down);
        QCOMPARE(reached->currentData().toBool(), false);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ?"_s, {id}), 0);
        QCOMPARE(QApplication::focusWidget(), note);
        type(u"电话无人接听"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'callback' AND reached = 0 AND satisfied_after IS NULL AND note = '电话无人接听'"_s,
                     {id}),
            1);
        QCOMPARE(f->count(u"SELECT callback_done FROM evaluations WHERE local_id = ?"_s, {id}), 0);

        // F6 again: reached, satisfied after, a note.
        key(Qt::Key_F6);
        QCOMPARE(QApplication::focusWidget(), reached);
        QCOMPARE(reached->currentData().toBool(), true);
        key(Qt::Key_Tab); // satisfied after? (first choice: yes)
        QCOMPARE(QApplication::focusWidget(), page.findChild<QComboBox *>(u"ledgerSatisfied"_s));
        key(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), note);
        type(u"已回访，群众表示理解"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'callback' AND reached = 1 AND satisfied_after = 1"_s,
                     {id}),
            1);
        QCOMPARE(f->count(u"SELECT callback_done FROM evaluations WHERE local_id = ?"_s, {id}), 1);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM outbox WHERE kind = 'evaluation_callback' AND parent_local_id = ? "
                u"AND path = '/evaluations/{evaluation_id}/callback'"_s,
                {id}),
            2);
        QCOMPARE(f->count(u"SELECT count(*) FROM audit_log WHERE action = 'evaluation_callback_recorded' AND "
                          u"target = ?"_s,
                          {id}),
                 2);
        QVERIFY2(summary->text().contains(u"%1 real-name callbacks missing"_s.arg(missing - 1)),
                 qPrintable(summary->text()));

        // Verified, then rectified (F2 picks), each with a note.
        QCOMPARE(page.findChild<QComboBox *>(u"ledgerAction"_s)->currentData().toString(), u"verified"_s);
        type(u"调取录像，情况属实"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        key(Qt::Key_F2);
        type(u"已对窗口人员批评教育"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM evaluations WHERE local_id = ? AND state = 'rectified'"_s, {id}),
            1);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM outbox WHERE kind = 'rectification' AND parent_local_id = ?"_s,
                     {id}),
            2);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM audit_log WHERE action = 'rectification_recorded' AND target = ?"_s,
                {id}),
            2);
        QCOMPARE(page.findChild<QTableView *>(u"ledgerHistory"_s)->model()->rowCount(), 4);

        // Back to the list (the filter still on: the task no longer matches it); Ctrl+R keeps the selection.
        key(Qt::Key_Backspace);
        QCOMPARE(page.level(), LedgerPage::Level::Tasks);
        key(Qt::Key_Escape); // clears the filter
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(view->model()->rowCount(), f->count(u"SELECT count(*) FROM evaluations WHERE level <= 2"_s));
        for (int i = 0; i < 3 && currentId(view) == id; ++i)
            key(Qt::Key_Down);
        const QString other = currentId(view);
        QVERIFY(other != id);
        key(Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(currentId(view), other);

        // F7 on the list: the appeal of the selected task; no reason is refused, a reason is recorded.
        QCOMPARE(
            f->count(u"SELECT count(*) FROM evaluations WHERE local_id = ? AND COALESCE(state, 'open') = "
                     u"'open'"_s,
                     {other}),
            1);
        key(Qt::Key_F7);
        QCOMPARE(page.level(), LedgerPage::Level::Task);
        QCOMPARE(page.currentTaskId(), other);
        QCOMPARE(QApplication::focusWidget(), note);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QCOMPARE(f->count(u"SELECT count(*) FROM outbox WHERE kind = 'evaluation_appeal'"_s), 0);
        type(u"群众误将排队时间计入办理时间"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(f->count(u"SELECT count(*) FROM evaluations WHERE local_id = ? AND state = 'appealed'"_s,
                          {other}),
                 1);
        QCOMPARE(
            f->count(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'appeal' AND note = '群众误将排队时间计入办理时间'"_s,
                     {other}),
            1);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM outbox WHERE kind = 'evaluation_appeal' AND parent_local_id = ? AND "
                u"path = '/evaluations/{evaluation_id}/appeal' AND state = 'pending'"_s,
                {other}),
            1);
        QCOMPARE(f->count(u"SELECT count(*) FROM audit_log WHERE action = 'evaluation_appeal_recorded' AND "
                          u"target = ?"_s,
                          {other}),
                 1);
        key(Qt::Key_Escape);
        QCOMPARE(currentId(view), other);
        QCOMPARE(view->currentIndex().siblingAtColumn(LedgerModel::State).data().toString(),
                 LedgerModel::stateLabel(u"appealed"_s));
    }

    // A 1.0 platform (no X-Api-Version at the last login): the page says 平台暂不支持, the callback is kept
    // here.
    void platform10KeepsCallbacksLocally() {
        QVERIFY(f->db
                    ->exec(u"INSERT INTO sync_state (key, value, at) VALUES ('platform_api_version', '1.0', "
                           u"'2026-03-30T00:00:00Z')"_s)
                    .ok());
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        LedgerPage page(*f->db, f->clock, f->audit.get(), supervisor());
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        // The hint names the tab keys as they are: the next / previous of all the supervision tabs.
        const QString hint = page.findChild<QLabel *>(u"ledgerHint"_s)->text();
        QVERIFY2(hint.contains(u"Ctrl+PgDown／Ctrl+PgUp：下一个／上一个标签页"_s), qPrintable(hint));
        auto *platformNote = page.findChild<QLabel *>(u"ledgerPlatformNote"_s);
        QVERIFY(platformNote->isVisible());
        QVERIFY2(platformNote->text().contains(u"平台暂不支持"_s), qPrintable(platformNote->text()));
        page.setFocus();
        const QString id = currentId(page.findChild<QTableView *>(u"ledgerView"_s));
        key(Qt::Key_F6);
        key(Qt::Key_Tab);
        key(Qt::Key_Tab);
        type(u"已回访"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        auto *message = page.findChild<ui::MessageBar *>(u"ledgerMessage"_s);
        QCOMPARE(message->level(), ui::MessageBar::Level::Info);
        QVERIFY2(message->text().contains(u"平台暂不支持"_s), qPrintable(message->text()));
        QCOMPARE(
            f->count(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'callback'"_s,
                     {id}),
            1);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM outbox WHERE kind = 'evaluation_callback' AND parent_local_id = ? "
                u"AND state IN ('pending', 'unsupported')"_s,
                {id}),
            1);
        ui::installTranslations(u"en"_s);
    }

    // In the main window as the supervisor meets it: from the board, Ctrl+PgDown to the ledger; filter,
    // open, record a reached callback, back to the board with Ctrl+PgUp — keys only.
    void fromTheBoardToTheLedgerInTheMainWindow() {
        ui::ShellContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.user = supervisor();
        ui::MainWindow w(ctx);
        supervision::registerSupervisionPages(w, *f->db, f->clock, f->audit.get(), supervisor());
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.showPage(u"supervision"_s));
        auto *tabs = w.findChild<QTabWidget *>(u"supervisionTabs"_s);
        auto *board = w.findChild<supervision::SupervisionPage *>();
        auto *ledger = w.findChild<LedgerPage *>();
        QVERIFY(tabs && board && ledger);
        board->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), board->findChild<QTableView *>(u"boardView"_s));

        key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), ledger);
        QTRY_VERIFY(ledger->isAncestorOf(QApplication::focusWidget()));
        type(u"Missing (real"_s);
        QCOMPARE(ledger->findChild<QLineEdit *>(u"ledgerFilter"_s)->text(), u"Missing (real"_s);
        key(Qt::Key_Return);
        QCOMPARE(ledger->level(), LedgerPage::Level::Task);
        const QString id = ledger->currentTaskId();
        key(Qt::Key_F6);
        key(Qt::Key_Tab);
        key(Qt::Key_Tab);
        type(u"已回访"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(f->count(u"SELECT callback_done FROM evaluations WHERE local_id = ?"_s, {id}), 1);
        QCOMPARE(
            f->count(
                u"SELECT count(*) FROM outbox WHERE kind = 'evaluation_callback' AND parent_local_id = ?"_s,
                {id}),
            1);

        key(Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), board);

        // What the ledger's hint promises (next / previous tab): from the ledger Ctrl+PgDown goes on to the
        // tab after it, and Ctrl+PgDown walks every tab round to the board.
        QVERIFY(tabs->count() > 2);
        key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), ledger);
        key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 2);
        for (int i = 2; i < tabs->count(); ++i)
            key(Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(tabs->currentWidget(), board);
    }

    void clerksAreRefused() {
        storage::User clerk = supervisor();
        clerk.roles = {u"clerk"_s};
        LedgerPage page(*f->db, f->clock, f->audit.get(), clerk);
        QCOMPARE(page.findChild<QTableView *>(u"ledgerView"_s)->model()->rowCount(), 0);
        QVERIFY(page.findChild<ui::MessageBar *>(u"ledgerMessage"_s)->hasMessage());
        cases::RectificationLedger ledger(*f->db, f->clock, f->audit.get());
        auto id = f->db->query(u"SELECT local_id FROM evaluations WHERE level <= 2 LIMIT 1"_s);
        QVERIFY(id.ok() && id->next());
        QCOMPARE(ledger.recordAction(clerk.roles, clerk.id, id->value(0).toString(), u"verified"_s, {})
                     .error()
                     .code,
                 u"forbidden"_s);
    }

private:
    std::unique_ptr<Fixture> f;
};

QTEST_MAIN(TestLedgerPage)
#include "tst_ledgerpage.moc"
