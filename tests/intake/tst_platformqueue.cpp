// The platform queue (PlatformQueueService over OnlineApi) against the simulator process: call-next returns a
// ticket the ticket machine issued, actions move it on the platform, a refused action reads as a clear
// Chinese message, a stopped platform makes the queue offline and a restarted one brings it back by itself.
// The intake page over this queue: Shift+F7 while serving swaps the current ticket with the held one.
#include "../sync/synctestsupport.h"
#include "intakefixture.h"

#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/platformqueueservice.h>
#include <windowdesk/sync/onlineapi.h>

#include <QLineEdit>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using windowdesk::cases::Ticket;
using windowdesk::cases::TicketAction;
using windowdesk::intake::PlatformQueueService;

namespace {
sync::Tokens loginTokens(const synctest::Sim &sim) {
    const QJsonObject o = sim.http("POST", u"/auth/login"_s,
                                   QJsonDocument(QJsonObject{{u"username"_s, synctest::kUser},
                                                             {u"password"_s, synctest::kPassword},
                                                             {u"device_id"_s, u"t"_s}})
                                       .toJson(QJsonDocument::Compact))
                              .json();
    return {o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(), synctest::kUser};
}

QString platformStatus(const synctest::Sim &sim, const QString &ticketNo) {
    const QString token = sim.login();
    const QJsonArray tickets =
        sim.http("GET", u"/queue"_s, {}, {{"Authorization", "Bearer " + token.toLatin1()}})
            .json()
            .value(u"tickets"_s)
            .toArray();
    for (const auto &v : tickets)
        if (v.toObject().value(u"ticket_no"_s).toString() == ticketNo)
            return v.toObject().value(u"status"_s).toString();
    return {};
}

bool issue(const synctest::Sim &sim, const QString &category, int count = 1) {
    return sim.http("POST", u"/sim/queue/issue"_s,
                    QJsonDocument(QJsonObject{{u"category"_s, category}, {u"count"_s, count}})
                        .toJson(QJsonDocument::Compact))
               .status == 200;
}

// Tickets called or in service at `windowNo` on the platform.
int activeAt(const synctest::Sim &sim, const QString &windowNo) {
    const QString token = sim.login();
    const QJsonArray tickets =
        sim.http("GET", u"/queue"_s, {}, {{"Authorization", "Bearer " + token.toLatin1()}})
            .json()
            .value(u"tickets"_s)
            .toArray();
    int n = 0;
    for (const auto &v : tickets) {
        const QJsonObject t = v.toObject();
        const QString st = t.value(u"status"_s).toString();
        if (t.value(u"window_no"_s).toString() == windowNo && (st == u"called"_s || st == u"serving"_s))
            ++n;
    }
    return n;
}

struct Waiter {
    bool finished = false;
    std::optional<Result<Ticket>> ticket;
    std::optional<Result<std::optional<Ticket>>> called;
};
} // namespace

class TestPlatformQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--data"_s, m_dir.filePath(u"sim.db"_s)})); }
    void init() {
        sync::SyncConfig c;
        c.baseUrl = QUrl(m_sim.base());
        c.timeoutMs = 3000;
        m_api = std::make_unique<sync::OnlineApi>(c);
        m_api->setTokens(loginTokens(m_sim));
        QVERIFY(m_api->available());
        m_queue = std::make_unique<PlatformQueueService>(*m_api, QString(), QStringList{u"企业开办"_s});
        m_queue->setPollInterval(200);
    }
    void cleanup() {
        m_queue.reset();
        m_api.reset();
    }

    void callNextAndActions() {
        QVERIFY(issue(m_sim, u"企业开办"_s));
        QVERIFY(issue(m_sim, u"社保医保"_s)); // another category: never called by this window
        const Ticket t = callNext();
        QVERIFY2(t.ticketNo.startsWith(u'B'), qPrintable(t.ticketNo));
        QCOMPARE(t.category, u"企业开办"_s);
        QCOMPARE(t.status, u"called"_s);
        QCOMPARE(platformStatus(m_sim, t.ticketNo), u"called"_s);

        const struct {
            TicketAction action;
            const char *status;
        } steps[] = {{TicketAction::Recall, "called"},
                     {TicketAction::Start, "serving"},
                     {TicketAction::Hold, "held"},
                     {TicketAction::Resume, "serving"},
                     {TicketAction::Done, "done"}};
        for (const auto &s : steps) {
            const Result<Ticket> r = act(t.id, s.action);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r.value().status, QString::fromLatin1(s.status));
            QCOMPARE(platformStatus(m_sim, t.ticketNo), QString::fromLatin1(s.status));
        }
        // Done tickets leave the held list and the strip still shows it as called.
        QVERIFY(m_queue->heldTickets(u"A07"_s).value().isEmpty());
        QTRY_VERIFY(!m_queue->lastCalled(6).value().isEmpty());
    }

    void transferAndNoShow() {
        QVERIFY(issue(m_sim, u"企业开办"_s));
        const Ticket t = callNext();
        auto r = act(t.id, TicketAction::Transfer, u"不动产"_s);
        QVERIFY(r.ok());
        QCOMPARE(r.value().status, u"transferred"_s);
        QCOMPARE(r.value().category, u"不动产"_s);
        QCOMPARE(platformStatus(m_sim, t.ticketNo), u"transferred"_s);

        QVERIFY(issue(m_sim, u"企业开办"_s));
        const Ticket u2 = callNext();
        r = act(u2.id, TicketAction::NoShow);
        QVERIFY(r.ok());
        QCOMPARE(platformStatus(m_sim, u2.ticketNo), u"no_show"_s);
    }

    void ticketStateConflictIsAClearMessage() {
        QVERIFY(issue(m_sim, u"企业开办"_s));
        const Ticket t = callNext();
        // done before start: the platform refuses (409 ticket_state).
        const auto r = act(t.id, TicketAction::Done);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"ticket_state"_s);
        QVERIFY2(r.error().message.contains(t.ticketNo) && r.error().message.contains(u"已叫号"_s),
                 qPrintable(r.error().message));
        QVERIFY(m_queue->isOnline()); // a refusal is an answer, not an outage
        QCOMPARE(platformStatus(m_sim, t.ticketNo), u"called"_s);
    }

    void noneWaitingIsEmpty() {
        // Drain this window's categories, then nothing is left.
        for (int i = 0; i < 20; ++i) {
            const auto r = callNextRaw();
            QVERIFY(r.ok());
            if (!r.value())
                return;
        }
        QFAIL("call-next never answered 204");
    }

    void offlineAndBackOnline() {
        QTRY_VERIFY(m_queue->isOnline());
        QSignalSpy changes(m_queue.get(), &PlatformQueueService::onlineChanged);
        const int port = m_sim.port;
        m_sim.stop();
        const auto r = callNextRaw();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"queue_offline"_s);
        QVERIFY(r.error().message.contains(u"叫号系统离线"_s));
        QVERIFY(!m_queue->isOnline());
        QVERIFY(!changes.isEmpty() && !changes.last().at(0).toBool());

        QVERIFY(m_sim.start({u"--data"_s, m_dir.filePath(u"sim.db"_s), u"--port"_s, QString::number(port)}));
        QCOMPARE(m_sim.port, port);
        // The poll finds the platform again without any action of the clerk.
        QTRY_VERIFY_WITH_TIMEOUT(m_queue->isOnline(), 10000);
        QVERIFY(changes.last().at(0).toBool());
        QVERIFY(issue(m_sim, u"企业开办"_s));
        QVERIFY(!callNext().ticketNo.isEmpty());
    }

    // Shift+F7 while a ticket is in service: the page holds it (draft kept) and resumes the one held before;
    // on the platform exactly one ticket stays called or in service at the window, both visits keep their
    // data.
    void pageSwapsCurrentAndHeld() {
        intake::test::Fixture f;
        QVERIFY(f.open());
        f.window.windowNo = u"B03"_s; // its own window: the functions above leave tickets called at A07
        intake::IntakeContext ctx;
        ctx.db = f.db.get();
        ctx.clock = &f.clock;
        ctx.audit = f.audit.get();
        ctx.window = f.window;
        ctx.queue = m_queue.get();
        ctx.demoHall = false;
        ctx.noticeDir = f.dir.filePath(u"notices"_s);
        QVERIFY(issue(m_sim, u"企业开办"_s, 2));
        intake::IntakePage page(ctx);
        page.show();
        auto *name = page.findChild<QLineEdit *>(u"applicantName"_s);
        QVERIFY(name);
        QTRY_VERIFY(m_queue->isOnline());

        page.callNext();
        QTRY_VERIFY_WITH_TIMEOUT(page.currentTicket().has_value(), 10000);
        const Ticket first = *page.currentTicket();
        name->setText(u"孙八"_s);
        QVERIFY(page.startMatter(u"430104-001001001000-GG-001"_s, false));
        page.holdTicket();
        QTRY_VERIFY_WITH_TIMEOUT(!page.currentTicket().has_value(), 10000);
        QCOMPARE(platformStatus(m_sim, first.ticketNo), u"held"_s);

        page.callNext();
        QTRY_VERIFY_WITH_TIMEOUT(page.currentTicket().has_value(), 10000);
        const Ticket second = *page.currentTicket();
        QVERIFY(second.ticketNo != first.ticketNo);
        page.startServing();
        QTRY_COMPARE_WITH_TIMEOUT(page.currentTicket()->status, u"serving"_s, 10000);
        name->setText(u"周九"_s);
        QVERIFY(page.startMatter(u"YJS-HY-001"_s, true));

        page.resumeHeld();
        QTRY_COMPARE_WITH_TIMEOUT(page.currentTicket().value_or(Ticket{}).ticketNo, first.ticketNo, 10000);
        QCOMPARE(page.currentTicket()->status, u"serving"_s);
        QCOMPARE(platformStatus(m_sim, first.ticketNo), u"serving"_s);
        QCOMPARE(platformStatus(m_sim, second.ticketNo), u"held"_s);
        QCOMPARE(activeAt(m_sim, u"B03"_s), 1);
        QCOMPARE(name->text(), u"孙八"_s);
        QCOMPARE(page.matter().itemCode, u"430104-001001001000-GG-001"_s);
        const auto draftOf = [&f](qint64 ticketId) {
            auto drafts = cases::DraftRepository(*f.db, f.clock).openDrafts(f.window.clerkId);
            if (drafts.ok())
                for (const auto &d : drafts.value())
                    if (d.draft.ticketId == ticketId)
                        return std::optional<cases::IntakeDraft>(d.draft);
            return std::optional<cases::IntakeDraft>();
        };
        QVERIFY(draftOf(second.id).has_value());
        QCOMPARE(draftOf(second.id)->applicant.name, u"周九"_s);
        QCOMPARE(draftOf(second.id)->bundleCode, u"YJS-HY-001"_s);

        // Swapped back: the second visit returns with its own data, the first is held with its draft.
        page.resumeHeld();
        QTRY_COMPARE_WITH_TIMEOUT(page.currentTicket().value_or(Ticket{}).ticketNo, second.ticketNo, 10000);
        QCOMPARE(platformStatus(m_sim, first.ticketNo), u"held"_s);
        QCOMPARE(platformStatus(m_sim, second.ticketNo), u"serving"_s);
        QCOMPARE(activeAt(m_sim, u"B03"_s), 1);
        QCOMPARE(name->text(), u"周九"_s);
        QCOMPARE(page.matter().bundleCode, u"YJS-HY-001"_s);
        QCOMPARE(draftOf(first.id)->applicant.name, u"孙八"_s);
    }

private:
    Result<std::optional<Ticket>> callNextRaw() {
        Waiter w;
        m_queue->callNextAsync(u"A07"_s, m_queue->categoriesForWindow(u"A07"_s),
                               [&w](const Result<std::optional<Ticket>> &r) {
                                   w.called = r;
                                   w.finished = true;
                               });
        if (!QTest::qWaitFor([&] { return w.finished; }, 20000))
            return Result<std::optional<Ticket>>::failure(u"test_timeout"_s, u"no answer"_s);
        return *w.called;
    }
    Ticket callNext() {
        const auto r = callNextRaw();
        if (!r.ok() || !r.value())
            return {};
        return *r.value();
    }
    Result<Ticket> act(qint64 id, TicketAction a, const QString &to = {}) {
        Waiter w;
        m_queue->actAsync(id, a, to, [&w](const Result<Ticket> &r) {
            w.ticket = r;
            w.finished = true;
        });
        if (!QTest::qWaitFor([&] { return w.finished; }, 20000))
            return Result<Ticket>::failure(u"test_timeout"_s, u"no answer"_s);
        return *w.ticket;
    }

    QTemporaryDir m_dir;
    synctest::Sim m_sim;
    std::unique_ptr<sync::OnlineApi> m_api;
    std::unique_ptr<PlatformQueueService> m_queue;
};

QTEST_MAIN(TestPlatformQueue) // the page test needs widgets
#include "tst_platformqueue.moc"
