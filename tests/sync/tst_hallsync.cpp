// The sync half of supervision (issue 13, platform-api.md 1.1) against the simulator process: a supervisor's
// session pulls the hall-wide cases feed into the local cache (and onto `windowdeskctl board`); a red card's
// follow-up reaches the platform exactly once although the platform drops connections after committing;
// the callback and the appeal of a 差评 make the round trip; a 1.0 platform (no X-Api-Version) leaves these
// records local, says "平台暂不支持" and counts no failure.
#include "synctestsupport.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/cases/evaluationservice.h>
#include <windowdesk/cases/rectificationledger.h>

#include <QJsonArray>
#include <QSet>

using namespace synctest;

namespace {
const QString kSupervisor = u"supervisor"_s;
const QString kSupervisorPassword = u"Super@2026"_s;
const QString kSupervisorId = u"u-demo-supervisor"_s;

sync::SyncSummary runAs(Client &c, const QString &user, const QString &password, bool push = true,
                        bool pull = true) {
    sync::SyncEngine engine(*c.db, SystemClock::instance(), c.config);
    QSignalSpy spy(&engine, &sync::SyncEngine::finished);
    sync::SyncRunOptions o;
    o.username = user;
    o.password = password;
    o.maxSeconds = 60;
    o.push = push;
    o.pull = pull;
    engine.start(o);
    if (!spy.wait(90000))
        return {};
    return spy.first().first().value<sync::SyncSummary>();
}

QJsonObject intake(const Sim &sim, const QStringList &windows, int count, int daysAgo) {
    return sim
        .http("POST", u"/sim/backoffice/intake"_s,
              QJsonDocument(QJsonObject{{u"windows"_s, QJsonArray::fromStringList(windows)},
                                        {u"count"_s, count},
                                        {u"days_ago"_s, daysAgo}})
                  .toJson(QJsonDocument::Compact))
        .json();
}

QString outboxState(const Client &c, const QString &kind) {
    return c.text(u"SELECT group_concat(state) FROM outbox WHERE kind = ?"_s, {kind});
}
} // namespace

class TestHallSync : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(QStringLiteral(WINDOWDESK_PLATFORM_SIM))); }

    // Two other windows take cases in; the supervisor's sync brings both into the cache, as hall_feed rows
    // with masked ids only, and `windowdeskctl board --json` shows a row for each window. A clerk's session
    // does not pull the hall feed.
    void hallFeedBringsBothWindowsToTheBoard() {
        Sim sim;
        QVERIFY(sim.start({}));
        QCOMPARE(intake(sim, {u"A01"_s, u"B02"_s}, 6, 30).value(u"case_nos"_s).toArray().size(), 6);
        Client c;
        QVERIFY(c.open(sim));
        sync::SyncSummary clerk = c.run();
        QVERIFY2(clerk.success(), qPrintable(summaryText(clerk)));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE origin = 'hall_feed'"_s), 0);

        const sync::SyncSummary s = runAs(c, kSupervisor, kSupervisorPassword);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(s.hallCaseChanges, 6);
        QCOMPARE(c.text(u"SELECT value FROM sync_state WHERE key = 'platform_api_version'"_s), u"1.1"_s);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE origin = 'hall_feed'"_s), 6);
        QCOMPARE(c.scalar(u"SELECT count(DISTINCT window_no) FROM cases WHERE origin = 'hall_feed'"_s), 2);
        QCOMPARE(
            c.scalar(u"SELECT count(*) FROM cases WHERE origin = 'hall_feed' AND (applicant_id_number IS "
                     u"NOT NULL OR applicant_id_masked NOT LIKE '%*%')"_s),
            0);
        QVERIFY(!c.text(u"SELECT cursor FROM sync_cursors WHERE stream = 'case_changes_hall'"_s).isEmpty());
        // Each one's timeline starts with its decision at its window (by its clerk, at its created_at).
        QCOMPARE(
            c.scalar(u"SELECT count(*) FROM cases c JOIN case_events e ON e.case_local_id = c.local_id "
                     u"WHERE c.origin = 'hall_feed' AND e.type = 'created' AND e.reason = 'accepted' AND "
                     u"e.by_user = c.clerk_id AND e.at = c.created_at AND e.source = 'platform'"_s),
            6);

        QProcess p;
        p.start(QStringLiteral(WINDOWDESKCTL),
                {u"--db"_s, c.db->path(), u"board"_s, u"--json"_s, u"--by"_s, u"window"_s});
        QVERIFY(p.waitForFinished(60000));
        const QJsonObject board = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        QCOMPARE(p.exitCode(), 0);
        QSet<QString> keys;
        int open = 0;
        for (const auto &r : board.value(u"rows"_s).toArray()) {
            keys.insert(r.toObject().value(u"key"_s).toString());
            open += r.toObject().value(u"open"_s).toInt();
        }
        QVERIFY2(keys.contains(u"A01"_s) && keys.contains(u"B02"_s),
                 QJsonDocument(board).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(open, 6);
        QVERIFY(board.value(u"red"_s).toInt() + board.value(u"yellow"_s).toInt() > 0); // decided 30 days ago
    }

    // A red card of another window: the supervisor's follow-up is on the timeline at once and reaches the
    // platform exactly once although the platform commits and drops the connection (same key, adopted).
    void redFollowupReachesPlatformOnceUnderDropAfterCommit() {
        Sim sim;
        QVERIFY(sim.start({u"--seed"_s, u"7"_s}));
        const QString caseNo =
            intake(sim, {u"B02"_s}, 1, 40).value(u"case_nos"_s).toArray().first().toString();
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(runAs(c, kSupervisor, kSupervisorPassword).success());
        const QString caseLocalId = c.text(u"SELECT local_id FROM cases WHERE case_no = ?"_s, {caseNo});
        QVERIFY(!caseLocalId.isEmpty());
        cases::CaseFollowupService followups(*c.db, SystemClock::instance());
        QCOMPARE(
            followups.record({u"clerk"_s}, kSupervisorId, {caseLocalId, u"red"_s, u"other"_s, u"x"_s, {}})
                .error()
                .code,
            u"forbidden"_s);
        auto id = followups.record(
            {u"supervisor"_s}, kSupervisorId,
            {caseLocalId, u"red"_s, u"back_office_delay"_s, u"督促后台部门限时办结"_s, u"已电话联系"_s});
        QVERIFY(id.ok());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM card_followups WHERE case_local_id = ? AND colour = 'red'"_s,
                          {caseLocalId}),
                 1);

        QVERIFY(sim.setFaults(u"fail-nth=1,drop-after-commit=0.4"_s));
        sync::SyncSummary s;
        for (int run = 0; run < 4 && outboxState(c, u"case_followup"_s) != u"done"_s; ++run)
            s = runAs(c, kSupervisor, kSupervisorPassword, true, false);
        QCOMPARE(outboxState(c, u"case_followup"_s), u"done"_s);
        QVERIFY(sim.setFaults(QString()));
        const QJsonObject stats = sim.stats();
        QCOMPARE(stats.value(u"followups"_s).toInt(), 1);
        QCOMPARE(stats[u"keys_seen"_s][u"POST /cases/{id}/followups"_s].toInt(), 1);
        QVERIFY(stats[u"faults"_s][u"fail_nth"_s].toInt() +
                    stats[u"faults"_s][u"drop_after_commit"_s].toInt() >=
                1);
        QVERIFY(
            !c.text(u"SELECT followup_id FROM card_followups WHERE local_id = ?"_s, {id.value()}).isEmpty());
        // Pulled back with the case: still one follow-up locally.
        QVERIFY(runAs(c, kSupervisor, kSupervisorPassword).success());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM card_followups WHERE case_local_id = ?"_s, {caseLocalId}),
                 1);
    }

    // A real-name 差评 rated at another window: the supervisor's callback and appeal reach the platform, and
    // the evaluation comes back appealed with the callback once.
    void callbackAndAppealRoundTrip() {
        Sim sim;
        QVERIFY(sim.start({}));
        const QString token = sim.login();
        const QString evLocal = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const HttpAnswer posted = sim.http(
            "POST", u"/evaluations"_s,
            QJsonDocument(QJsonObject{{u"local_id"_s, evLocal},
                                      {u"level"_s, 1},
                                      {u"reasons"_s, QJsonArray{u"服务态度不好"_s}},
                                      {u"window_no"_s, u"B02"_s},
                                      {u"clerk_id"_s, u"u-sim-b02"_s},
                                      {u"real_name"_s, true},
                                      {u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}})
                .toJson(QJsonDocument::Compact),
            {{"Authorization", "Bearer " + token.toLatin1()}, {"Idempotency-Key", "ev-1"}});
        QCOMPARE(posted.status, 201);
        const QString evId = posted.json().value(u"evaluation_id"_s).toString();
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(runAs(c, kSupervisor, kSupervisorPassword).success());
        QCOMPARE(c.text(u"SELECT local_id FROM evaluations WHERE evaluation_id = ?"_s, {evId}), evLocal);
        QCOMPARE(c.scalar(u"SELECT real_name FROM evaluations WHERE local_id = ?"_s, {evLocal}), 1);

        cases::RectificationLedger ledger(*c.db, SystemClock::instance());
        QCOMPARE(ledger.recordCallback(kSupervisorId, evLocal, false, -1, QString()).error().code,
                 u"invalid_argument"_s);
        auto cb = ledger.recordCallback(kSupervisorId, evLocal, true, 0, u"已致歉并说明"_s);
        QVERIFY(cb.ok());
        auto ap = ledger.recordAppeal(kSupervisorId, evLocal, u"评价对象有误"_s);
        QVERIFY(ap.ok());
        const sync::SyncSummary s = runAs(c, kSupervisor, kSupervisorPassword);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(outboxState(c, u"evaluation_callback"_s), u"done"_s);
        QCOMPARE(outboxState(c, u"evaluation_appeal"_s), u"done"_s);
        const QJsonObject stats = sim.stats();
        QCOMPARE(stats.value(u"callbacks"_s).toInt(), 1);
        QCOMPARE(stats.value(u"appeals"_s).toInt(), 1);
        QJsonObject platformEval;
        for (const auto &v :
             sim.http("GET", u"/evaluations/changes"_s, {}, {{"Authorization", "Bearer " + token.toLatin1()}})
                 .json()
                 .value(u"changes"_s)
                 .toArray())
            if (v.toObject().value(u"evaluation_id"_s).toString() == evId)
                platformEval = v.toObject();
        QCOMPARE(platformEval.value(u"state"_s).toString(), u"appealed"_s);
        QCOMPARE(platformEval[u"callbacks"_s][0][u"local_id"_s].toString(), cb.value());
        QCOMPARE(platformEval[u"callbacks"_s][0][u"satisfied_after"_s].toBool(true), false);
        QCOMPARE(c.text(u"SELECT state FROM evaluations WHERE local_id = ?"_s, {evLocal}), u"appealed"_s);
        QCOMPARE(c.scalar(u"SELECT callback_done FROM evaluations WHERE local_id = ?"_s, {evLocal}), 1);
        QCOMPARE(
            c.scalar(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'callback'"_s,
                     {evLocal}),
            1);
        QCOMPARE(
            c.scalar(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND action = "
                     u"'appeal'"_s,
                     {evLocal}),
            1);
    }

    // A simulator started as a 1.0 platform: no hall feed is asked for, the follow-up and the callback stay
    // local as `unsupported` (not pending, no error, the run a success) with the "平台暂不支持" notice, and
    // a second sync sends nothing of them either.
    void platform10KeepsRecordsLocal() {
        Sim sim;
        QVERIFY(sim.start({u"--api-version"_s, u"1.0"_s}));
        Client c;
        QVERIFY(c.open(sim));
        QCOMPARE(c.seed(1), 1);
        QVERIFY(c.run().success());
        const QString caseLocalId = c.text(u"SELECT local_id FROM cases WHERE case_no IS NOT NULL"_s);
        QVERIFY(!caseLocalId.isEmpty());
        cases::EvaluationInput ev;
        ev.level = 1;
        ev.reasons = {u"等候时间过长"_s};
        ev.caseLocalId = caseLocalId;
        ev.windowNo = u"A07"_s;
        ev.clerkId = u"u-demo-clerk"_s;
        auto evLocal = cases::EvaluationService(*c.db, SystemClock::instance()).submit(ev);
        QVERIFY(evLocal.ok());
        QVERIFY(runAs(c, kSupervisor, kSupervisorPassword).success());
        QCOMPARE(c.text(u"SELECT value FROM sync_state WHERE key = 'platform_api_version'"_s), u"1.0"_s);
        QCOMPARE(cases::platformApiSupport(*c.db, SystemClock::instance()),
                 cases::PlatformApiSupport::Unsupported);

        auto followup = cases::CaseFollowupService(*c.db, SystemClock::instance())
                            .record({u"supervisor"_s}, kSupervisorId,
                                    {caseLocalId, u"red"_s, u"clerk_error"_s, u"约谈窗口人员"_s, {}});
        QVERIFY2(followup.ok(), qPrintable(followup.ok() ? QString() : followup.error().message));
        QVERIFY(cases::RectificationLedger(*c.db, SystemClock::instance())
                    .recordCallback(kSupervisorId, evLocal.value(), true, 1, {})
                    .ok());
        for (int run = 0; run < 2; ++run) {
            const sync::SyncSummary s = runAs(c, kSupervisor, kSupervisorPassword);
            QVERIFY2(s.success(), qPrintable(summaryText(s)));
            QCOMPARE(s.unsupported, 2);
            QCOMPARE(s.pending, 0);
            QVERIFY(
                s.toJson().value(u"notices"_s).toArray().first().toString().startsWith(u"平台暂不支持"_s));
        }
        QCOMPARE(outboxState(c, u"case_followup"_s), u"unsupported"_s);
        QCOMPARE(outboxState(c, u"evaluation_callback"_s), u"unsupported"_s);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM card_followups WHERE case_local_id = ?"_s, {caseLocalId}),
                 1);
        const QJsonObject requests = sim.stats().value(u"requests"_s).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it)
            QVERIFY2(!it.key().contains(u"followups"_s) && !it.key().contains(u"callback"_s),
                     qPrintable(it.key()));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM sync_cursors WHERE stream = 'case_changes_hall'"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestHallSync)
#include "tst_hallsync.moc"
