// The outbox push against the simulator process (sync-rules.md): exactly once under lost answers, timeouts
// and every HTTP status class; children after parents; 422 corrections under a new key.
#include "synctestsupport.h"

#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/sync/apiclient.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

class TstSyncPush : public QObject {
    Q_OBJECT
private:
    Sim sim;
    QTemporaryDir logDir;

    // A fresh client with the simulator's catalog pulled, ready to seed cases.
    bool prepare(Client &c, int timeoutMs = 5000) {
        if (!c.open(sim, 50, 400, timeoutMs))
            return false;
        const auto s = c.run(30, false, true);
        return s.items > 0;
    }
    int platformCases() { return sim.stats().value(u"cases"_s).toInt(); }
    int routeRequests(const QString &route) {
        return sim.stats().value(u"requests"_s).toObject().value(route).toInt();
    }
    int keysSeen(const QString &route) {
        return sim.stats().value(u"keys_seen"_s).toObject().value(route).toInt();
    }
    QString opIdOf(Client &c, const QString &localId) {
        return c.text(u"SELECT op_id FROM outbox WHERE local_id = ? ORDER BY seq DESC LIMIT 1"_s, {localId});
    }
    QString stateOf(Client &c, const QString &opId) {
        return c.text(u"SELECT state FROM outbox WHERE op_id = ?"_s, {opId});
    }
    // Queues a raw write the way a service would: the record and its outbox row in one transaction.
    QString enqueueCase(Client &c, const QByteArray &payload, const QString &localId) {
        QString op;
        (void)c.db->write([&]() -> Status {
            Status s =
                c.db->exec(u"INSERT INTO cases (local_id, applicant_kind, applicant_name, decision, status, "
                           u"clerk_id, window_no, created_at, accepted_date, updated_at) VALUES "
                           u"(?, 'person', '测试', 'accepted', 'accepted', 'u-1001', 'A07', ?, ?, ?)"_s,
                           {localId, u"2026-03-06T01:02:03Z"_s, u"2026-03-06"_s, u"2026-03-06T01:02:03Z"_s});
            if (!s.ok())
                return s;
            auto r = storage::OutboxRepository(*c.db, SystemClock::instance())
                         .enqueue({u"case"_s, localId, QString(), u"/cases"_s, payload});
            if (!r.ok())
                return r.error();
            op = r.value();
            return {};
        });
        return op;
    }
    QString seededLocalId(Client &c) {
        return c.text(u"SELECT local_id FROM cases ORDER BY created_at DESC LIMIT 1"_s);
    }
    QByteArray payloadOf(Client &c, const QString &localId) {
        return c.text(u"SELECT payload FROM outbox WHERE local_id = ? ORDER BY seq LIMIT 1"_s, {localId})
            .toUtf8();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(logDir.isValid());
        QVERIFY(sim.start({u"--catalog-size"_s, u"40"_s}, logDir.filePath(u"sim.log"_s)));
    }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void pushesCasesOnceAndTakesTheServersDates() {
        Client c;
        QVERIFY(prepare(c));
        const int before = platformCases();
        QCOMPARE(c.seed(5), 5);
        const auto s = c.run(30);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(s.pushed, 5);
        QCOMPARE(platformCases() - before, 5);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE case_no IS NOT NULL"_s), 5);
        QCOMPARE(
            c.scalar(
                u"SELECT count(*) FROM cases WHERE decision = 'accepted' AND due_source <> 'platform'"_s),
            0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE remote_version < 1"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
        // A second run sends nothing again.
        const int posts = routeRequests(u"POST /cases"_s);
        QVERIFY(c.run(30).success());
        QCOMPARE(routeRequests(u"POST /cases"_s), posts);
    }

    void responseLostAfterCommit() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(1), 1);
        const QString localId = seededLocalId(c);
        const QString op = opIdOf(c, localId);
        LoggedInEngine e;
        QVERIFY(e.login(c));
        const int before = platformCases();
        const int keysBefore = keysSeen(u"POST /cases"_s);
        const int postsBefore = routeRequests(u"POST /cases"_s);
        QVERIFY(sim.setFaults(u"fail-nth=1"_s)); // the POST is committed, then the connection is dropped
        const auto s = e.run(20);
        QVERIFY2(s.pending == 0, qPrintable(summaryText(s)));
        QCOMPARE(stateOf(c, op), u"done"_s);
        QCOMPARE(platformCases() - before, 1);
        QVERIFY(routeRequests(u"POST /cases"_s) - postsBefore >= 2); // it was sent again…
        QCOMPARE(keysSeen(u"POST /cases"_s) - keysBefore, 1);        // …always under the same key
        QCOMPARE(opIdOf(c, localId), op);
        QVERIFY(!c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId}).isEmpty());
    }

    void hangingRequestTimesOutAndRetriesWithTheSameKey() {
        Client c;
        QVERIFY(prepare(c, 800));
        QCOMPARE(c.seed(1), 1);
        const QString localId = seededLocalId(c);
        const QString op = opIdOf(c, localId);
        LoggedInEngine e;
        QVERIFY(e.login(c));
        const int before = platformCases();
        // Answers come (long) after the 800 ms transfer timeout: to the client the request hangs. The
        // platform may or may not have committed it — an ambiguous outcome, resent under the same key.
        QVERIFY(sim.setFaults(u"delay-ms=60000"_s));
        const auto s1 = e.run(2);
        QCOMPARE(s1.pending, 1);
        QCOMPARE(stateOf(c, op), u"retry_wait"_s);
        QCOMPARE(c.text(u"SELECT last_error FROM outbox WHERE op_id = ?"_s, {op}), u"timeout"_s);
        QVERIFY(c.scalar(u"SELECT attempts FROM outbox WHERE op_id = ?"_s, {op}) >= 1);
        QVERIFY(sim.setFaults(QString()));
        const auto s2 = e.run(20);
        QVERIFY2(s2.pending == 0, qPrintable(summaryText(s2)));
        QCOMPARE(opIdOf(c, localId), op);
        QCOMPARE(stateOf(c, op), u"done"_s);
        QCOMPARE(platformCases() - before, 1);
    }

    void retryableStatuses_data() {
        QTest::addColumn<int>("code");
        for (int code : {500, 502, 503, 504, 408, 429})
            QTest::addRow("%d", code) << code;
    }
    void retryableStatuses() {
        QFETCH(int, code);
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(1), 1);
        const QString localId = seededLocalId(c);
        const QString op = opIdOf(c, localId);
        LoggedInEngine e;
        QVERIFY(e.login(c));
        const int before = platformCases();
        QVERIFY(sim.setFaults(u"http-%1=1"_s.arg(code)));
        const auto s1 = e.run(1);
        QCOMPARE(stateOf(c, op), u"retry_wait"_s); // never needs_attention, never dropped
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {op}), code);
        if (code == 503 || code == 429) {
            // Retry-After: 1 wins over the 50 ms backoff base.
            const QDateTime last = QDateTime::fromString(
                c.text(u"SELECT last_attempt_at FROM outbox WHERE op_id = ?"_s, {op}), Qt::ISODate);
            const QDateTime next = QDateTime::fromString(
                c.text(u"SELECT next_attempt_at FROM outbox WHERE op_id = ?"_s, {op}), Qt::ISODate);
            QVERIFY2(last.msecsTo(next) >= 900,
                     qPrintable(u"%1 → %2"_s.arg(last.toString(Qt::ISODateWithMs),
                                                 next.toString(Qt::ISODateWithMs))));
        }
        QCOMPARE(s1.pending, 1);
        QVERIFY(sim.setFaults(QString()));
        const auto s2 = e.run(20);
        QVERIFY2(s2.pending == 0 && s2.needsAttention == 0, qPrintable(summaryText(s2)));
        QCOMPARE(opIdOf(c, localId), op);
        QCOMPARE(platformCases() - before, 1);
    }

    void validationErrorNeedsAttentionThenCorrectionUnderANewKey() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(1), 1);
        const QString good = seededLocalId(c);
        QJsonObject body = QJsonDocument::fromJson(payloadOf(c, good)).object();
        const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        body.insert(u"local_id"_s, localId);
        const QJsonArray goodCodes = body.value(u"item_codes"_s).toArray();
        body.insert(u"item_codes"_s, QJsonArray{u"NO-SUCH-ITEM"_s});
        const QString op = enqueueCase(c, QJsonDocument(body).toJson(QJsonDocument::Compact), localId);
        QVERIFY(!op.isEmpty());
        const int postsBefore = routeRequests(u"POST /cases"_s);
        const auto s = c.run(20);
        QCOMPARE(s.needsAttention, 1);
        QVERIFY(!s.success());
        QCOMPARE(stateOf(c, op), u"needs_attention"_s);
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {op}), 422);
        // The server's field messages are on the case for the clerk.
        const QJsonObject msg =
            QJsonDocument::fromJson(
                c.text(u"SELECT sync_message_json FROM cases WHERE local_id = ?"_s, {localId}).toUtf8())
                .object();
        QVERIFY(msg.value(u"fields"_s).toObject().contains(u"item_codes"_s));
        // Not re-sent: a 4xx other than 408/429/409-in-progress is final. (The good case went too.)
        const int posts = routeRequests(u"POST /cases"_s);
        QCOMPARE(posts - postsBefore, 2);
        QVERIFY(c.run(10).needsAttention == 1);
        QCOMPARE(routeRequests(u"POST /cases"_s), posts);
        // The clerk's correction: new body, NEW key, same local_id.
        body.insert(u"item_codes"_s, goodCodes);
        auto fixed = storage::OutboxRepository(*c.db, SystemClock::instance())
                         .replaceRejected(localId, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY(fixed.ok());
        QVERIFY(fixed.value() != op);
        const auto s2 = c.run(20);
        QVERIFY2(s2.success(), qPrintable(summaryText(s2)));
        QCOMPARE(stateOf(c, fixed.value()), u"done"_s);
        QCOMPARE(c.text(u"SELECT superseded_by FROM outbox WHERE op_id = ?"_s, {op}), fixed.value());
        QVERIFY(!c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId}).isEmpty());
    }

    void badRequestNeedsAttention() {
        Client c;
        QVERIFY(prepare(c));
        const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString op = enqueueCase(c, "not json", localId);
        const int postsBefore = routeRequests(u"POST /cases"_s);
        const auto s = c.run(10);
        QCOMPARE(s.needsAttention, 1);
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {op}), 400);
        QCOMPARE(routeRequests(u"POST /cases"_s) - postsBefore, 1);
    }

    void duplicateLocalIdAdoptsTheCase() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(1), 1);
        const QString localId = seededLocalId(c);
        // The same case already reached the platform under another key (e.g. an earlier install).
        const auto first =
            sim.http("POST", u"/cases"_s, payloadOf(c, localId),
                     {{"Authorization", "Bearer " + sim.login().toLatin1()},
                      {"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}});
        QCOMPARE(first.status, 201);
        const QString caseNo = first.json().value(u"case_no"_s).toString();
        const int before = platformCases();
        const auto s = c.run(20);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(stateOf(c, opIdOf(c, localId)), u"done"_s);
        QCOMPARE(c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {localId}), caseNo);
        QCOMPARE(platformCases(), before);
    }

    void idempotencyInProgressIsRetriedWithTheSameKey() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(1), 1);
        const QString localId = seededLocalId(c);
        const QString op = opIdOf(c, localId);
        // Another attempt with the same key is still being answered (slowly) when ours arrives.
        QNetworkAccessManager nam;
        QNetworkRequest rq(QUrl(sim.base() + u"/api/v1/cases"_s));
        rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        rq.setRawHeader("Authorization", "Bearer " + sim.login().toLatin1());
        rq.setRawHeader("Idempotency-Key", op.toLatin1());
        rq.setRawHeader("X-Sim-Delay-Ms", "2500");
        const int before = platformCases();
        std::unique_ptr<QNetworkReply> slow(nam.post(rq, payloadOf(c, localId)));
        QTest::qWait(300);
        const auto s = c.run(20);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QVERIFY(slow->isFinished() || QSignalSpy(slow.get(), &QNetworkReply::finished).wait(5000));
        QCOMPARE(stateOf(c, op), u"done"_s);
        QVERIFY(c.scalar(u"SELECT attempts FROM outbox WHERE op_id = ?"_s, {op}) >= 2);
        QCOMPARE(platformCases() - before, 1);
    }

    void childWaitsForItsParentAndStateConflictKeepsLocalData() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(4), 4); // one in ten seeded cases is a correction notice: take an accepted one
        const QString caseId = c.text(
            u"SELECT local_id FROM cases WHERE decision = 'accepted' ORDER BY created_at DESC LIMIT 1"_s);
        QVERIFY(!caseId.isEmpty());
        auto enqueueEvent = [&](const QString &type) {
            QString op;
            (void)c.db->write([&]() -> Status {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                Status s =
                    c.db->exec(u"INSERT INTO case_events (event_id, case_local_id, type, at, by_user) VALUES "
                               u"(?, ?, ?, '2026-03-06T02:00:00Z', 'u-1001')"_s,
                               {id, caseId, type});
                if (!s.ok())
                    return s;
                auto r = storage::OutboxRepository(*c.db, SystemClock::instance())
                             .enqueue({u"case_event"_s, id, caseId, u"/cases/{case_no}/events"_s,
                                       QJsonDocument(QJsonObject{{u"type"_s, type},
                                                                 {u"reason"_s, u"申请人撤回"_s},
                                                                 {u"at"_s, u"2026-03-06T02:00:00Z"_s}})
                                           .toJson(QJsonDocument::Compact)});
                op = r.ok() ? r.value() : QString();
                return {};
            });
            return op;
        };
        const QString withdraw = enqueueEvent(u"withdrawn"_s);
        const QString deliver = enqueueEvent(u"delivered"_s); // forbidden once withdrawn: state_conflict
        // Without the parent acknowledged, the child is not due.
        auto due = storage::OutboxRepository(*c.db, SystemClock::instance()).due(10);
        QVERIFY(due.ok());
        for (const auto &e : due.value())
            QVERIFY(e.opId != withdraw && e.opId != deliver);
        const auto s = c.run(20);
        QCOMPARE(stateOf(c, withdraw), u"done"_s);
        QCOMPARE(stateOf(c, deliver), u"needs_attention"_s);
        QCOMPARE(c.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {deliver}), 409);
        QCOMPARE(s.needsAttention, 1);
        // The server's case was taken (withdrawn), nothing local deleted.
        QCOMPARE(c.text(u"SELECT status FROM cases WHERE local_id = ?"_s, {caseId}), u"withdrawn"_s);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM case_events WHERE case_local_id = ?"_s, {caseId}), 3);
    }

    void sessionRefusedPausesTheQueueAndDiscardsNothing() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(3), 3);
        sync::SyncEngine engine(*c.db, SystemClock::instance(), c.config);
        engine.api()->setTokens({u"not-a-token"_s, u"not-a-refresh"_s, kUser});
        QSignalSpy spy(&engine, &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.maxSeconds = 10;
        engine.start(o);
        QVERIFY(spy.wait(20000));
        const auto s = spy.first().first().value<sync::SyncSummary>();
        QVERIFY(s.loginRequired);
        QCOMPARE(s.pending, 3);
        QCOMPARE(s.needsAttention, 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state IN ('pending','retry_wait')"_s), 3);
        QCOMPARE(engine.api()->refreshCount(), 0); // invalid_token is not token_expired
    }

    void expiredTokenIsRefreshedOnceAndTheRequestReplayed() {
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(4), 4);
        QVERIFY(sim.setFaults(u"token-ttl-s=1"_s));
        LoggedInEngine e;
        QVERIFY(e.login(c));
        const int refreshBefore = routeRequests(u"POST /auth/refresh"_s);
        QTest::qWait(1300);
        const auto s = e.run(20);
        QVERIFY2(s.pending == 0 && !s.loginRequired, qPrintable(summaryText(s)));
        QVERIFY(routeRequests(u"POST /auth/refresh"_s) - refreshBefore >= 1);
        QVERIFY(sim.setFaults(u"token-ttl-s=3600"_s));
    }

    void singleRefreshForConcurrent401s() {
        QVERIFY(sim.setFaults(u"token-ttl-s=1"_s));
        Client c;
        QVERIFY(c.open(sim));
        sync::ApiClient api(c.config);
        const auto login = sim.http("POST", u"/auth/login"_s,
                                    R"({"username":"clerk","password":"Clerk@2026","device_id":"t"})");
        api.setTokens({login.json().value(u"access_token"_s).toString(),
                       login.json().value(u"refresh_token"_s).toString(), kUser});
        QVERIFY(sim.setFaults(u"token-ttl-s=3600"_s)); // the new pair lives long
        QTest::qWait(1300);
        const int refreshBefore = routeRequests(u"POST /auth/refresh"_s);
        int ok = 0, answered = 0;
        for (int i = 0; i < 6; ++i) {
            sync::ApiRequest rq;
            rq.path = u"/cases/changes"_s;
            api.send(rq, [&](const sync::ApiResponse &r) {
                ++answered;
                ok += r.ok() ? 1 : 0;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 6, 20000);
        QCOMPARE(ok, 6);
        QCOMPARE(routeRequests(u"POST /auth/refresh"_s) - refreshBefore, 1);
        QCOMPARE(api.refreshCount(), 1);
        QVERIFY(!api.authLost());
    }

    void lostRefreshAnswerDoesNotLogOut() {
        QVERIFY(sim.setFaults(u"token-ttl-s=1"_s));
        Client c;
        QVERIFY(c.open(sim));
        sync::ApiClient api(c.config);
        const auto login = sim.http("POST", u"/auth/login"_s,
                                    R"({"username":"clerk","password":"Clerk@2026","device_id":"t"})");
        api.setTokens({login.json().value(u"access_token"_s).toString(),
                       login.json().value(u"refresh_token"_s).toString(), kUser});
        QTest::qWait(1300);
        // Request 1: the GET (401 token_expired); request 2: the refresh, committed and its answer dropped.
        QVERIFY(sim.setFaults(u"token-ttl-s=3600,fail-nth=2"_s));
        const int refreshBefore = routeRequests(u"POST /auth/refresh"_s);
        sync::ApiResponse answer;
        bool done = false;
        sync::ApiRequest rq;
        rq.path = u"/cases/changes"_s;
        api.send(rq, [&](const sync::ApiResponse &r) {
            answer = r;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(answer.ok(), qPrintable(answer.errorCode));
        QVERIFY(!api.authLost());
        QVERIFY(routeRequests(u"POST /auth/refresh"_s) - refreshBefore >= 2); // re-sent
        QVERIFY(sim.stats().value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt() >= 1);
    }

    void personalDataNeverInRequestLog() {
        // The simulator logs method, route and status of every request our client made in this test class
        // (and at least this push of cases full of id numbers and phone numbers).
        Client c;
        QVERIFY(prepare(c));
        QCOMPARE(c.seed(3), 3);
        QVERIFY(c.run(20).success());
        QFile log(logDir.filePath(u"sim.log"_s));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY(text.contains(u"POST /cases"_s));
        // Bounded by non-alphanumerics: request ids are hexadecimal uuids whose digit runs must not count.
        static const QRegularExpression id(u"(?<![0-9A-Za-z])\\d{17}[\\dX](?![0-9A-Za-z])"_s),
            phone(u"(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])"_s);
        const auto idMatch = id.match(text), phoneMatch = phone.match(text);
        QVERIFY2(!idMatch.hasMatch(), qPrintable(text.mid(qMax(0, int(idMatch.capturedStart()) - 80), 160)));
        QVERIFY2(!phoneMatch.hasMatch(),
                 qPrintable(text.mid(qMax(0, int(phoneMatch.capturedStart()) - 80), 160)));
    }

    void cleanupTestCase() { sim.stop(); }
};

QTEST_GUILESS_MAIN(TstSyncPush)
#include "tst_syncpush.moc"
