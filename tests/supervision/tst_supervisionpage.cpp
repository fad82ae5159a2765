// The supervision page driven by keys: tiles → rows per window → case list → timeline and back, typing
// filters, the models checked by QAbstractItemModelTester, the numbers equal to the board's (the same code
// as `windowdeskctl board`), and a clerk refused the hall's cases.
#include "intakefixture.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/supervision/supervisionpage.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::SupervisionPage;

namespace {
storage::User supervisor() {
    storage::User u;
    u.id = u"u-demo-supervisor"_s;
    u.username = u"supervisor"_s;
    u.name = u"王强"_s;
    u.roles = {u"supervisor"_s};
    return u;
}
// Stands for the sync service: its signal is what "a pull finished" is to the pages.
class PullSource : public QObject {
    Q_OBJECT
Q_SIGNALS:
    void pulled();
};
} // namespace

class TestSupervisionPage : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        // Monday 2026-03-30 10:00 CST: a hall of 150 cases of the last 40 days.
        f->clock.set(QDateTime(QDate(2026, 3, 30), QTime(2, 0), QTimeZone::utc()));
        auto r = cases::HallSeeder(*f->db, f->clock).seed({150, 40, 7});
        QVERIFY(r.ok());
        // One red case gets its follow-up (the rest stay missing).
    }
    void cleanup() { f.reset(); }

    void drillDownByKeys() {
        SupervisionPage page(*f->db, f->clock, supervisor());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *view = page.findChild<QTableView *>(u"boardView"_s);
        auto *filter = page.findChild<QLineEdit *>(u"boardFilter"_s);
        QVERIFY(view && filter);
        QAbstractItemModelTester proxyTester(view->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        const cases::BoardCounts total = page.board().total;
        QVERIFY(total.open > 0);
        QVERIFY(total.red + total.yellow > 0);
        QVERIFY(
            page.findChild<QPushButton *>(u"tile_open"_s)->text().startsWith(QString::number(total.open)));

        // Rows per window: one per window with open cases; their open counts add up to the tile.
        QCOMPARE(page.level(), SupervisionPage::Level::Groups);
        int sum = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            sum += view->model()->index(r, 1).data().toInt();
        QCOMPARE(sum, total.open);
        QVERIFY(view->model()->rowCount() >= 5);
        // Columns sized sensibly at 1366 px: the window column as wide as its names, not stretched across the
        // table; the counts share the rest, each wide enough for its header.
        page.resize(1366, 700);
        QTRY_VERIFY(view->horizontalHeader()->sectionSize(0) > 0);
        QHeaderView *header = view->horizontalHeader();
        QVERIFY2(
            header->sectionSize(0) < view->viewport()->width() / 4,
            qPrintable(
                u"窗口 column %1 of %2 px"_s.arg(header->sectionSize(0)).arg(view->viewport()->width())));
        for (int r = 0; r < view->model()->rowCount(); ++r)
            QVERIFY(header->sectionSize(0) >=
                    view->fontMetrics().horizontalAdvance(view->model()->index(r, 0).data().toString()));
        for (int c = 1; c < header->count(); ++c)
            QVERIFY2(header->sectionSize(c) >= header->fontMetrics().horizontalAdvance(
                                                   view->model()->headerData(c, Qt::Horizontal).toString()),
                     qPrintable(view->model()->headerData(c, Qt::Horizontal).toString()));

        // The red tile by its shortcut, then type a window's number to filter.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_4, Qt::AltModifier);
        QCOMPARE(page.tile(), cases::BoardTile::Red);
        QVERIFY(page.findChild<QPushButton *>(u"tile_red"_s)->isChecked());
        if (total.red == 0)
            QTest::keyClick(view, Qt::Key_3, Qt::AltModifier); // no red today: the yellow ones
        QVERIFY(view->model()->rowCount() > 0);
        const QString window = view->model()->index(0, 0).data().toString();
        QTest::keyClicks(view, window);
        QCOMPARE(filter->text(), window);
        QCOMPARE(view->model()->rowCount(), 1);
        const int casesInRow =
            view->model()->index(0, page.tile() == cases::BoardTile::Red ? 4 : 3).data().toInt();
        QVERIFY(casesInRow > 0);

        // Enter: that window's cases of the tile.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(page.level(), SupervisionPage::Level::Cases);
        QCOMPARE(view->model()->rowCount(), casesInRow);
        QVERIFY(filter->text().isEmpty());
        for (int r = 0; r < view->model()->rowCount(); ++r)
            QCOMPARE(view->model()->index(r, 1).data().toString(), window);
        QAbstractItemModelTester casesTester(
            qobject_cast<QSortFilterProxyModel *>(view->model())->sourceModel(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString caseRef = view->model()->index(0, 0).data().toString();

        // Enter: the case's timeline, starting with its decision at the window.
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(page.level(), SupervisionPage::Level::Timeline);
        QVERIFY(view->model()->rowCount() >= 1);
        QVERIFY(page.findChild<QLabel *>(u"boardPath"_s)->text().contains(caseRef));

        // Backspace: back to the list with the case still selected, then to the rows with the window
        // selected.
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(page.level(), SupervisionPage::Level::Cases);
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), caseRef);
        // A typed character is taken back by Backspace before it goes up.
        QTest::keyClicks(view, u"zz"_s);
        QCOMPARE(view->model()->rowCount(), 0);
        QTest::keyClick(view, Qt::Key_Backspace);
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(page.level(), SupervisionPage::Level::Cases);
        QCOMPARE(view->model()->rowCount(), casesInRow);
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(page.level(), SupervisionPage::Level::Groups);
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), window);
        QCOMPARE(filter->text(), window); // the rows' filter is kept while drilled in

        // Ctrl+G: by department; the rows still add up to the tile.
        QTest::keyClick(view, Qt::Key_Escape);
        QTest::keyClick(view, Qt::Key_1, Qt::AltModifier);
        QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier);
        sum = 0;
        for (int r = 0; r < view->model()->rowCount(); ++r)
            sum += view->model()->index(r, 1).data().toInt();
        QCOMPARE(sum, total.open);
    }

    void refreshKeepsTheSelection() {
        SupervisionPage page(*f->db, f->clock, supervisor());
        page.show();
        auto *view = page.findChild<QTableView *>(u"boardView"_s);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        const QString key = view->currentIndex().siblingAtColumn(0).data().toString();
        QTest::keyClick(view, Qt::Key_Return);
        QTest::keyClick(view, Qt::Key_Down);
        const QString ref = view->currentIndex().siblingAtColumn(0).data().toString();
        const QKeyCombination refresh = ui::shortcutKey(ui::shortcut::reloadCases)[0];
        QTest::keyClick(view, refresh.key(), refresh.keyboardModifiers());
        QCOMPARE(page.level(), SupervisionPage::Level::Cases);
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), ref);
        QVERIFY(page.findChild<QLabel *>(u"boardPath"_s)->text().contains(key));
    }

    // The page in the main window follows each pull without a key pressed, and keeps the selection.
    void liveRefreshAfterAPull() {
        ui::ShellContext ctx;
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.user = supervisor();
        ui::MainWindow w(ctx);
        PullSource source;
        supervision::registerSupervisionPages(w, *f->db, f->clock, f->audit.get(), supervisor(),
                                              [&source](QObject *context, std::function<void()> slot) {
                                                  QObject::connect(&source, &PullSource::pulled, context,
                                                                   [slot] { slot(); });
                                              });
        w.show();
        QVERIFY(w.showPage(u"supervision"_s));
        auto *page = w.findChild<SupervisionPage *>();
        QVERIFY(page);
        auto *view = page->findChild<QTableView *>(u"boardView"_s);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        const QString key = view->currentIndex().siblingAtColumn(0).data().toString();
        const int before = page->board().total.open;
        // A pulled page reopens a delivered case of another window (the back office took it back).
        auto q = f->db->query(u"SELECT local_id FROM cases WHERE status IN ('delivered','completed') AND "
                              u"window_no <> ? LIMIT 1"_s,
                              {key});
        QVERIFY(q.ok() && q->next());
        QVERIFY(
            f->db->exec(u"UPDATE cases SET status = 'in_progress' WHERE local_id = ?"_s, {q->value(0)}).ok());
        QCOMPARE(page->board().total.open, before); // nothing moves before the pull is over
        emit source.pulled();
        QCOMPARE(page->board().total.open, before + 1);
        QVERIFY(
            page->findChild<QPushButton *>(u"tile_open"_s)->text().startsWith(QString::number(before + 1)));
        QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), key);
    }

    void clerksAreRefused() {
        storage::User clerk = supervisor();
        clerk.roles = {u"clerk"_s};
        SupervisionPage page(*f->db, f->clock, clerk);
        auto *view = page.findChild<QTableView *>(u"boardView"_s);
        QCOMPARE(view->model() ? view->model()->rowCount() : 0, 0);
        QVERIFY(page.findChild<ui::MessageBar *>(u"boardMessage"_s)->hasMessage());
    }

private:
    std::unique_ptr<Fixture> f;
};

QTEST_MAIN(TestSupervisionPage)
#include "tst_supervisionpage.moc"
