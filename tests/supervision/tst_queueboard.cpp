// The 排队 tab on a real database: the tiles, the waiting per category and the row of each window computed
// from the hall's ticket events (the same ticket rules as the report), the clocks moving with time, and new
// events — written by another connection, as the sync worker writes pulled ones — on the board within two
// seconds without anyone pressing a key; Ctrl+R refreshes at once. The models pass QAbstractItemModelTester.
#include "intakefixture.h"

#include <windowdesk/cases/ticketevents.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/supervision/queueboardpage.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::LiveWindowsModel;
using windowdesk::supervision::QueueBoardPage;

namespace {
storage::User supervisor() {
    storage::User u;
    u.id = u"u-demo-supervisor"_s;
    u.username = u"supervisor"_s;
    u.name = u"王强"_s;
    u.roles = {u"supervisor"_s};
    return u;
}

// Monday 2026-03-30, CST.
QDateTime at(int h, int m, int s = 0) {
    return QDateTime(QDate(2026, 3, 30), QTime(h, m, s), QTimeZone(8 * 3600)).toUTC();
}

void ev(storage::Database &db, const QString &no, const QString &category, const QString &type,
        const QDateTime &t, const QString &window = {}, const QString &clerk = {}, const QString &to = {}) {
    auto r =
        cases::appendTicketEvent(db, {QString(), no, category, type, window, clerk, to, t}, u"platform"_s);
    QVERIFY2(r.ok() && r.value(), qPrintable(r.ok() ? no : r.error().message));
}

QString cell(QTableView *v, int row, int column) {
    return v->model()->index(row, column).data().toString();
}
} // namespace

class TestQueueBoard : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        f->clock.set(at(10, 0));
        QVERIFY(storage::SettingsRepository(*f->db, f->clock)
                    .setValue(u"queue.service_level_s"_s, u"900"_s)
                    .ok());
        storage::Database &d = *f->db;
        const QString biz = u"企业开办"_s, social = u"社保医保"_s, general = u"综合业务"_s;
        // Yesterday's ticket of the same number: not today's.
        ev(d, u"B002"_s, biz, u"issued"_s, at(9, 0).addDays(-1));
        // A01 serves B001 since 09:41 (waited 10 minutes).
        ev(d, u"B001"_s, biz, u"issued"_s, at(9, 30));
        ev(d, u"B001"_s, biz, u"called"_s, at(9, 40), u"A01"_s, u"u-a"_s);
        ev(d, u"B001"_s, biz, u"started"_s, at(9, 41), u"A01"_s, u"u-a"_s);
        // Waiting: B002 since 09:35, C001 since 09:50; D001 was transferred from 不动产 to 综合业务 and
        // waits.
        ev(d, u"B002"_s, biz, u"issued"_s, at(9, 35));
        ev(d, u"C001"_s, social, u"issued"_s, at(9, 50));
        ev(d, u"D001"_s, u"不动产"_s, u"issued"_s, at(9, 52));
        ev(d, u"D001"_s, u"不动产"_s, u"called"_s, at(9, 53), u"A02"_s, u"u-b"_s);
        ev(d, u"D001"_s, u"不动产"_s, u"transferred"_s, at(9, 54), u"A02"_s, u"u-b"_s, general);
        // A02 served A001 (10 minutes of service) and then A002 did not come.
        ev(d, u"A001"_s, general, u"issued"_s, at(9, 0));
        ev(d, u"A001"_s, general, u"called"_s, at(9, 5), u"A02"_s, u"u-b"_s);
        ev(d, u"A001"_s, general, u"started"_s, at(9, 6), u"A02"_s, u"u-b"_s);
        ev(d, u"A001"_s, general, u"done"_s, at(9, 16), u"A02"_s, u"u-b"_s);
        ev(d, u"A002"_s, general, u"issued"_s, at(9, 10));
        ev(d, u"A002"_s, general, u"called"_s, at(9, 30), u"A02"_s, u"u-b"_s); // waited 20 min: over target
        ev(d, u"A002"_s, general, u"no_show"_s, at(9, 33), u"A02"_s, u"u-b"_s);
        // B01 holds C000 since 09:57.
        ev(d, u"C000"_s, social, u"issued"_s, at(9, 20));
        ev(d, u"C000"_s, social, u"called"_s, at(9, 25), u"B01"_s, u"u-c"_s);
        ev(d, u"C000"_s, social, u"started"_s, at(9, 26), u"B01"_s, u"u-c"_s);
        ev(d, u"C000"_s, social, u"held"_s, at(9, 57), u"B01"_s, u"u-c"_s);
    }
    void cleanup() { f.reset(); }

    void tilesAndWindowsFromTheEvents() {
        QueueBoardPage page(*f->db, f->clock, supervisor());
        page.resize(1200, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *windows = page.findChild<QTableView *>(u"queueWindows"_s);
        auto *categories = page.findChild<QTableView *>(u"queueCategories"_s);
        QVERIFY(windows && categories);
        QAbstractItemModelTester wt(windows->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester ct(categories->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

        const reports::LiveQueue &q = page.queue();
        QCOMPARE(q.arrivedToday, 7);
        QCOMPARE(q.waiting, 3);
        QCOMPARE(q.longestWaitS, std::optional<qint64>(25 * 60)); // B002 since 09:35
        QCOMPARE(q.servedToday, 1);
        QCOMPARE(q.noShowsToday, 1);
        QCOMPARE(q.calledToday, 5);
        QCOMPARE(q.withinServiceLevel, 4); // A002 waited 20 minutes
        auto tile = [&](const QString &name) {
            return page.findChild<QLabel *>(u"queueTile_"_s + name)->accessibleName();
        };
        QVERIFY2(tile(u"waiting"_s).endsWith(u" 3"_s), qPrintable(tile(u"waiting"_s)));
        QVERIFY2(tile(u"longest"_s).endsWith(u" 25:00"_s), qPrintable(tile(u"longest"_s)));
        QVERIFY2(tile(u"withinTarget"_s).endsWith(u" 80%"_s), qPrintable(tile(u"withinTarget"_s)));
        QVERIFY2(tile(u"noShows"_s).endsWith(u" 1"_s), qPrintable(tile(u"noShows"_s)));

        // Waiting per category: the transferred ticket waits in (and belongs to) its new category.
        QCOMPARE(categories->model()->rowCount(), 3);
        QHash<QString, QString> waiting;
        for (int r = 0; r < 3; ++r)
            waiting.insert(cell(categories, r, 0), cell(categories, r, 1) + u' ' + cell(categories, r, 2));
        QCOMPARE(waiting.value(u"企业开办"_s), u"1 25:00"_s);
        QCOMPARE(waiting.value(u"社保医保"_s), u"1 10:00"_s);
        QCOMPARE(waiting.value(u"综合业务"_s), u"1 08:00"_s);

        // One row per window.
        QCOMPARE(windows->model()->rowCount(), 3);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::Window), u"A01"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::Ticket), u"B001"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::State), u"Serving"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::For), u"19:00"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::Idle), u"—"_s);
        QCOMPARE(cell(windows, 1, LiveWindowsModel::Window), u"A02"_s);
        QCOMPARE(cell(windows, 1, LiveWindowsModel::Ticket), u"—"_s);
        QCOMPARE(cell(windows, 1, LiveWindowsModel::Idle), u"06:00"_s); // since the transfer at 09:54
        QCOMPARE(cell(windows, 1, LiveWindowsModel::ServedToday), u"1"_s);
        QCOMPARE(cell(windows, 1, LiveWindowsModel::AvgService), u"10:00"_s);
        QCOMPARE(cell(windows, 1, LiveWindowsModel::Clerk), u"u-b"_s);
        QCOMPARE(cell(windows, 2, LiveWindowsModel::Window), u"B01"_s);
        QCOMPARE(cell(windows, 2, LiveWindowsModel::State), u"On hold"_s);
        QCOMPARE(cell(windows, 2, LiveWindowsModel::For), u"03:00"_s);
    }

    void movesWithinTwoSecondsOfNewEvents() {
        QueueBoardPage page(*f->db, f->clock, supervisor());
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *windows = page.findChild<QTableView *>(u"queueWindows"_s);
        windows->setFocus();
        windows->selectRow(1);
        QCOMPARE(page.queue().servedToday, 1);
        // The clocks move: a minute later, without new events.
        f->clock.advanceSecs(60);
        QTRY_COMPARE_WITH_TIMEOUT(page.queue().longestWaitS, std::optional<qint64>(26 * 60), 2000);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::For), u"20:00"_s);
        QCOMPARE(windows->currentIndex().row(), 1); // the selection stays while the clocks tick

        // Another connection writes new events (as the sync worker does with a pulled page).
        auto other = storage::Database::open(f->dir.filePath(u"wd.db"_s));
        QVERIFY(other.ok());
        ev(*other.value(), u"B001"_s, u"企业开办"_s, u"done"_s, at(10, 1), u"A01"_s, u"u-a"_s);
        ev(*other.value(), u"B002"_s, u"企业开办"_s, u"called"_s, at(10, 1), u"A01"_s, u"u-a"_s);
        QElapsedTimer t;
        t.start();
        QTRY_COMPARE_WITH_TIMEOUT(page.queue().servedToday, 2, 2000);
        qInfo("board moved %lld ms after the events were written", t.elapsed());
        QCOMPARE(page.queue().waiting, 2);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::Ticket), u"B002"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::State), u"Called"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::ServedToday), u"1"_s);
        QCOMPARE(cell(windows, 0, LiveWindowsModel::AvgService), u"20:00"_s); // 09:41 → 10:01

        // Ctrl+R reads at once.
        ev(*other.value(), u"C001"_s, u"社保医保"_s, u"called"_s, at(10, 1), u"B01"_s, u"u-c"_s);
        QTest::keyClick(windows, Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(page.queue().waiting, 1);
        QCOMPARE(cell(windows, 2, LiveWindowsModel::Ticket), u"C001"_s);
    }

    void aClerkSeesNoHallQueue() {
        storage::User clerk = supervisor();
        clerk.roles = {u"clerk"_s};
        QueueBoardPage page(*f->db, f->clock, clerk);
        QCOMPARE(page.queue().arrivedToday, 0);
        QCOMPARE(page.findChild<QTableView *>(u"queueWindows"_s)->model()->rowCount(), 0);
    }

private:
    std::unique_ptr<Fixture> f;
};

QTEST_MAIN(TestQueueBoard)
#include "tst_queueboard.moc"
