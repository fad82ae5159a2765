// 办不成事 反映窗口 (issue 16) in the real main window, by keys under offscreen: the window key opens the
// record from a page that is not the intake page, prefilled with the intake visit's citizen; an incomplete
// record is refused with the message beside its field and nothing written; the complete one is written with
// its outbox row (kind unresolved_request, a local_id) and shown in the list below with the phone masked; the
// supervisor's 办事难点 tab lists it hall-wide and flags it once past its reply date.
#include "intakefixture.h"

#include <windowdesk/cases/unresolvedrequests.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/intake/unresolveddialog.h>
#include <windowdesk/supervision/halldutiespage.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/dutyshortcuts.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

class TestUnresolvedDialog : public QObject {
    Q_OBJECT
private slots:
    void recordedFromAnyPageByKeys() {
        ui::DialogFacade::instance().reset();
        Fixture f;
        QVERIFY(f.open());
        IntakeContext ctx;
        ctx.db = f.db.get();
        ctx.clock = &f.clock;
        ctx.audit = f.audit.get();
        ctx.window = f.window;
        ctx.noticeDir = f.dir.filePath(u"notices"_s);
        storage::User clerk;
        clerk.id = f.window.clerkId;
        clerk.username = u"clerk"_s;
        clerk.name = f.window.clerkName;
        clerk.roles = {u"clerk"_s};
        clerk.windowNo = f.window.windowNo;
        ui::ShellContext shell;
        shell.db = f.db.get();
        shell.clock = &f.clock;
        shell.audit = f.audit.get();
        shell.user = clerk;
        ui::MainWindow hall(shell);
        registerIntakePages(hall, ctx);
        QVERIFY(hall.showPage(u"intake"_s));
        auto *intake = qobject_cast<IntakePage *>(hall.page(u"intake"_s));
        QVERIFY(intake);
        hall.resize(1366, 768);
        hall.show();
        hall.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&hall));

        // The visit: a citizen the clerk has typed in.
        typeText(intake->findChild<QLineEdit *>(u"applicantName"_s), u"黄秀兰"_s);
        typeText(intake->findChild<QLineEdit *>(u"applicantPhone"_s), u"15973122041"_s);

        // From the catalog page: the window key opens the record over it.
        QVERIFY(hall.showPage(u"catalog"_s));
        QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : &hall;
        QTest::keySequence(focus, ui::shortcutKey(ui::shortcut::reportUnresolved));
        UnresolvedDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = hall.findChild<UnresolvedDialog *>()) != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>(u"unresolvedName"_s)->text(), u"黄秀兰"_s);
        QCOMPARE(dialog->findChild<QLineEdit *>(u"unresolvedPhone"_s)->text(), u"15973122041"_s);

        // Ctrl+Enter on an empty record: the category's message beside it, nothing written.
        auto key = [&](Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
            QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : dialog;
            QTest::keyClick(w, k, m);
            QCoreApplication::processEvents();
        };
        QTRY_COMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedCategory"_s));
        key(Qt::Key_Return, Qt::ControlModifier);
        auto *categoryProblem = dialog->findChild<QLabel *>(u"unresolvedProblem_category"_s);
        QVERIFY(categoryProblem->isVisible());
        QCOMPARE(categoryProblem->text(),
                 cases::UnresolvedRequestService::tr("Choose what kind of matter could not be done"));
        QVERIFY(dialog->findChild<QLabel *>(u"unresolvedProblem_description"_s)->isVisible());
        QCOMPARE(f.count(u"SELECT count(*) FROM unresolved_requests"_s), 0);

        // By keys: category (cross_department, the third), what was needed, the phone corrected, the
        // department picked by typing its first characters.
        key(Qt::Key_Down);
        key(Qt::Key_Down);
        key(Qt::Key_Down);
        QCOMPARE(dialog->findChild<QComboBox *>(u"unresolvedCategory"_s)->currentData().toString(),
                 u"cross_department"_s);
        key(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedDescription"_s));
        typeText(QApplication::focusWidget(), u"异地就医备案需民政出具的低保证明，两个部门要求互为前置"_s);
        key(Qt::Key_Tab); // name (prefilled)
        key(Qt::Key_Tab); // phone
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedPhone"_s));
        auto *phone = dialog->findChild<QLineEdit *>(u"unresolvedPhone"_s);
        phone->selectAll();
        typeText(phone, u"159731220"_s); // too short: refused with the phone's own message
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(dialog->findChild<QLabel *>(u"unresolvedProblem_applicant_phone"_s)->isVisible());
        QVERIFY(!dialog->findChild<QLabel *>(u"unresolvedProblem_category"_s)->isVisible());
        QCOMPARE(f.count(u"SELECT count(*) FROM unresolved_requests"_s), 0);
        typeText(phone, u"41"_s);
        key(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->findChild<QWidget *>(u"unresolvedDepartment"_s));
        typeText(QApplication::focusWidget(), u"区医疗"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"unresolvedDepartment"_s)->currentText(), u"区医疗保障局"_s);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(!dialog->recordedLocalId().isEmpty());
        const QString id = dialog->recordedLocalId();
        QCOMPARE(
            f.count(u"SELECT count(*) FROM unresolved_requests WHERE local_id = ? AND category = "
                    u"'cross_department' AND routed_to = '区医疗保障局' AND applicant_phone = '15973122041' "
                    u"AND window_no = 'A07' AND reply_due = '2026-03-13'"_s,
                    {id}),
            1);
        QCOMPARE(
            f.count(u"SELECT count(*) FROM outbox WHERE local_id = ? AND kind = 'unresolved_request' AND "
                    u"path = '/unresolved-requests' AND state = 'pending'"_s,
                    {id}),
            1);
        QCOMPARE(f.count(u"SELECT count(*) FROM audit_log WHERE action = 'unresolved_request_recorded' AND "
                         u"target = ? AND details_json NOT LIKE '%15973122041%'"_s,
                         {id}),
                 1);
        // The list below: the phone masked.
        auto *list = dialog->findChild<QTableView *>(u"unresolvedList"_s);
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, cases::UnresolvedModel::Phone).data().toString(), u"159****2041"_s);
        dialog->close();

        // The supervisor's tab, hall-wide: one request, overdue once past 2026-03-13.
        supervision::HallDutiesPage duties(*f.db, f.clock, f.audit.get(), clerk);
        QCOMPARE(duties.unresolvedModel().rowCount(), 1);
        QCOMPARE(duties.unresolvedModel().overdueCount(), 0);
        f.clock.set(QDateTime(QDate(2026, 3, 16), QTime(1, 0), QTimeZone::utc()));
        duties.refresh();
        QCOMPARE(duties.unresolvedModel().overdueCount(), 1);
        QVERIFY(duties.findChild<QLabel *>(u"unresolvedSummary"_s)->text().contains(u"1"_s));
    }
};

QTEST_MAIN(TestUnresolvedDialog)
#include "tst_unresolveddialog.moc"
