// reports::LiveQueueMonitor, the live board's data without widgets: it re-reads the ticket events only when
// new ones arrived or the CST day changed, counts today's tickets only (numbers restart every day), and
// takes wait, service (held time left out) and no-shows from the same ticket rules as the period report.
#include <windowdesk/cases/ticketevents.h>
#include <windowdesk/reports/livequeue.h>
#include <windowdesk/storage/database.h>

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
qint64 at(int day, int h, int m) {
    return QDateTime(QDate(2026, 3, day), QTime(h, m), QTimeZone(8 * 3600)).toSecsSinceEpoch();
}
void ev(storage::Database &db, const QString &no, const QString &type, qint64 t, const QString &window = {}) {
    auto r = cases::appendTicketEvent(db,
                                      {QString(), no, u"综合业务"_s, type, window,
                                       window.isEmpty() ? QString() : u"u-"_s + window, QString(),
                                       QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc())},
                                      u"local"_s);
    QVERIFY(r.ok());
}
} // namespace

class TestLiveQueue : public QObject {
    Q_OBJECT
private slots:
    void rereadsOnlyWhenEventsArrive() {
        QTemporaryDir dir;
        auto opened = storage::Database::open(dir.filePath(u"q.db"_s));
        QVERIFY(opened.ok());
        storage::Database &db = *opened.value();
        // Yesterday's A001 was served; today's A001 waits.
        ev(db, u"A001"_s, u"issued"_s, at(9, 9, 0));
        ev(db, u"A001"_s, u"called"_s, at(9, 9, 5), u"A01"_s);
        ev(db, u"A001"_s, u"started"_s, at(9, 9, 6), u"A01"_s);
        ev(db, u"A001"_s, u"done"_s, at(9, 9, 20), u"A01"_s);
        ev(db, u"A001"_s, u"issued"_s, at(10, 9, 0));

        reports::LiveQueueMonitor m(db);
        const qint64 now = at(10, 9, 30);
        QCOMPARE(m.poll(now).value(), true);
        reports::LiveQueue q = m.snapshot(now);
        QCOMPARE(q.arrivedToday, 1);
        QCOMPARE(q.waiting, 1);
        QCOMPARE(q.longestWaitS, std::optional<qint64>(30 * 60));
        QCOMPARE(q.servedToday, 0);
        QVERIFY(q.windows.isEmpty());
        QCOMPARE(m.poll(now + 1).value(), false); // nothing new: no read

        // Served with a hold: 20 minutes at the window, 5 of them held.
        ev(db, u"A001"_s, u"called"_s, at(10, 9, 40), u"A01"_s);
        ev(db, u"A001"_s, u"started"_s, at(10, 9, 40), u"A01"_s);
        ev(db, u"A001"_s, u"held"_s, at(10, 9, 45), u"A01"_s);
        ev(db, u"A001"_s, u"resumed"_s, at(10, 9, 50), u"A01"_s);
        const qint64 later = at(10, 9, 55);
        QCOMPARE(m.poll(later).value(), true);
        q = m.snapshot(later);
        QCOMPARE(q.waiting, 0);
        QCOMPARE(q.windows.size(), 1);
        QCOMPARE(q.windows.first().ticketState, u"serving"_s);
        QCOMPARE(q.windows.first().currentForS, std::optional<qint64>(15 * 60)); // since its last `started`
        ev(db, u"A001"_s, u"done"_s, at(10, 10, 0), u"A01"_s);
        ev(db, u"A002"_s, u"issued"_s, at(10, 10, 1));
        ev(db, u"A002"_s, u"called"_s, at(10, 10, 10), u"A01"_s); // waited 9 min (A001 waited 40: over 15)
        ev(db, u"A002"_s, u"no_show"_s, at(10, 10, 13), u"A01"_s);
        const qint64 end = at(10, 10, 23);
        QVERIFY(m.poll(end).value());
        q = m.snapshot(end);
        QCOMPARE(q.servedToday, 1);
        QCOMPARE(q.noShowsToday, 1);
        QCOMPARE(q.calledToday, 2);
        QCOMPARE(q.withinServiceLevel, 1);
        QCOMPARE(q.windows.first().servedToday, 1);
        QCOMPARE(q.windows.first().avgServiceTenths, std::optional<qint64>(15 * 60 * 10)); // 20 min − 5 held
        QCOMPARE(q.windows.first().idleS, std::optional<qint64>(10 * 60)); // since the no-show
        QVERIFY(q.windows.first().ticketState.isEmpty());

        // The next morning: a new day, nothing yet, though no event arrived.
        QCOMPARE(m.poll(at(11, 8, 0)).value(), true);
        q = m.snapshot(at(11, 8, 0));
        QCOMPARE(q.arrivedToday, 0);
        QVERIFY(q.windows.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLiveQueue)
#include "tst_livequeue.moc"
