// The live queue board against the platform simulator process (platform-api.md 1.1 GET /queue/events): the
// simulator's ticket machine issues tickets and its windows call, start and finish them; a supervisor's sync
// pulls the hall's ticket events into ticket_events (a stream of its own, append-only, deduplicated by
// event_id even when an expired cursor makes it pull everything again) and the board, refreshed by the
// pull's end as the session's AfterPull hook does, moves. A clerk's session does not pull the feed.
#include "synctestsupport.h"

#include <windowdesk/supervision/queueboardpage.h>

#include <QJsonArray>
#include <QTableView>

using namespace synctest;
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

void post(const Sim &sim, const QString &path, const QJsonObject &body) {
    const HttpAnswer a = sim.http("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QVERIFY2(a.status == 200, a.body.constData());
}
} // namespace

class TestQueuePull : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(QFile::exists(QStringLiteral(WINDOWDESK_PLATFORM_SIM))); }

    void boardMovesAfterAPull() {
        Sim sim;
        QVERIFY(sim.start({}));
        // The ticket machine: three 企业开办 (B…) and two 社保医保 (C…) tickets; windows A01 and A02 call,
        // start and finish one each.
        post(sim, u"/sim/queue/issue"_s, {{u"category"_s, u"企业开办"_s}, {u"count"_s, 3}});
        post(sim, u"/sim/queue/issue"_s, {{u"category"_s, u"社保医保"_s}, {u"count"_s, 2}});
        const QJsonObject serve{{u"windows"_s, QJsonArray{u"A01"_s, u"A02"_s}}};
        for (int i = 0; i < 3; ++i)
            post(sim, u"/sim/queue/serve"_s, serve);
        post(sim, u"/sim/queue/serve"_s, serve); // each calls its next ticket

        Client c;
        QVERIFY(c.open(sim));
        // A clerk's session does not pull the hall's queue.
        const sync::SyncSummary clerk = c.run();
        QVERIFY2(clerk.success(), qPrintable(summaryText(clerk)));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM ticket_events"_s), 0);

        QueueBoardPage page(*c.db, SystemClock::instance(), supervisor());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.queue().arrivedToday, 0);
        auto *windows = page.findChild<QTableView *>(u"queueWindows"_s);

        // The supervisor's sync; the board refreshes when it finishes (the session's AfterPull hook).
        sync::SyncEngine engine(*c.db, SystemClock::instance(), c.config);
        QObject::connect(&engine, &sync::SyncEngine::finished, &page, [&page] { page.refresh(); });
        QSignalSpy spy(&engine, &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.username = u"supervisor"_s;
        o.password = u"Super@2026"_s;
        o.maxSeconds = 60;
        engine.start(o);
        QVERIFY(spy.wait(90000));
        sync::SyncSummary s = spy.takeFirst().first().value<sync::SyncSummary>();
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        // 5 issued, 4 called, 2 started, 2 done.
        QCOMPARE(s.queueEvents, 13);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM ticket_events WHERE source = 'platform'"_s), 13);
        // The board moved with the pull, without waiting for its timer.
        const reports::LiveQueue &q = page.queue();
        QCOMPARE(q.arrivedToday, 5);
        QCOMPARE(q.servedToday, 2);
        QCOMPARE(q.waiting, 1);
        QCOMPARE(q.calledToday, 4);
        QCOMPARE(windows->model()->rowCount(), 2);
        QCOMPARE(windows->model()->index(0, LiveWindowsModel::Window).data().toString(), u"A01"_s);
        QCOMPARE(windows->model()->index(0, LiveWindowsModel::Clerk).data().toString(), u"u-sim-A01"_s);
        QCOMPARE(windows->model()->index(0, LiveWindowsModel::State).data().toString(), u"Called"_s);
        QCOMPARE(windows->model()->index(1, LiveWindowsModel::ServedToday).data().toString(), u"1"_s);

        // More work in the hall, and every cursor expired: the next pull starts again from the beginning and
        // adds only the new events (deduplicated by id, nothing deleted).
        post(sim, u"/sim/queue/issue"_s, {{u"category"_s, u"不动产"_s}, {u"count"_s, 1}});
        post(sim, u"/sim/queue/serve"_s, serve); // both start
        post(sim, u"/sim/queue/serve"_s, serve); // both finish
        QVERIFY(sim.http("POST", u"/sim/cursors/expire"_s).status == 200);
        engine.start(o);
        QVERIFY(spy.wait(90000));
        s = spy.takeFirst().first().value<sync::SyncSummary>();
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM ticket_events"_s), 13 + 1 + 2 + 2);
        QCOMPARE(c.scalar(u"SELECT count(DISTINCT event_id) FROM ticket_events"_s), 18);
        QCOMPARE(page.queue().arrivedToday, 6);
        QCOMPARE(page.queue().servedToday, 4);
        QCOMPARE(page.queue().waiting, 2);
    }
};

QTEST_MAIN(TestQueuePull)
#include "tst_queuepull.moc"
