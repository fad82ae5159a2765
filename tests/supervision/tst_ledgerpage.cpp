// The 差评 ledger driven by keys: every level 1-2 evaluation of the seeded hall is a task with its deadline
// (15 working days after the rating's CST date) and overdue flag; an action is recorded with Enter, F2 and
// Ctrl+Return, written with its audit row and queued for /evaluations/{evaluation_id}/rectification in one
// transaction; an explanation without a note and an action the state forbids change nothing.
#include "intakefixture.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/core/evaluation.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/supervision/ledgerpage.h>
#include <windowdesk/ui/messagebar.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSortFilterProxyModel>
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
        view->setFocus();
        const QString id = view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString();
        QVERIFY(!id.isEmpty());
        auto written = [&] {
            return f->count(u"SELECT count(*) FROM rectification_actions"_s) +
                   f->count(u"SELECT count(*) FROM outbox WHERE kind = 'rectification'"_s);
        };

        // Enter: into the note; F2 F2: "explained"; Ctrl+Return without a note is refused.
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(note->hasFocus());
        QTest::keyClick(note, Qt::Key_F2);
        QTest::keyClick(note, Qt::Key_F2);
        QCOMPARE(page.findChild<QComboBox *>(u"ledgerAction"_s)->currentData().toString(), u"explained"_s);
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QVERIFY(message->text().contains(u"说明"_s));
        QCOMPARE(written(), 0);

        typeText(note, u"已电话联系群众说明办理时限"_s);
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
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
        // The list shows it and keeps the task selected.
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString(), id);
        QCOMPARE(view->currentIndex().siblingAtColumn(LedgerModel::State).data().toString(),
                 LedgerModel::stateLabel(u"explained"_s));

        // Explained already: a second explanation is refused by the state, nothing written.
        const int before = written();
        QTest::keyClick(view, Qt::Key_Return);
        typeText(note, u"再次说明"_s);
        QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(message->level(), ui::MessageBar::Level::Error);
        QCOMPARE(written(), before);
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
