// 跨省通办 receipts against the simulator PROCESS (issue 16): with its faults on (dropped connections after
// commit, 503s, truncated answers) a receipt and its forwarded event reach the platform exactly once, each
// under one Idempotency-Key, and the target province's answer (its case number) comes back through
// GET /cross-province/changes; an event the platform's state forbids ends in needs_attention with the
// platform's receipt taken (409 state_conflict); the platform's 422 names the field; against a 1.0 platform
// the receipt and its event stay local ("平台暂不支持"), never sent and never a failure.
#include "synctestsupport.h"

#include <windowdesk/cases/crossprovince.h>

#include <QJsonArray>

using namespace synctest;
using namespace windowdesk::cases;

namespace {
CrossProvinceInput receiptInput() {
    CrossProvinceInput in;
    in.targetRegion = u"440305"_s;
    in.targetAuthority = u"深圳市南山区市场监督管理局"_s;
    in.itemName = u"个体工商户设立登记"_s;
    in.applicant.name = u"张三"_s;
    in.applicant.idNumber = u"11010519491231002X"_s;
    in.materials = {{u"个体工商户登记申请书"_s, 1, u"paper"_s, true},
                    {u"经营场所使用证明"_s, 2, u"paper"_s, true}};
    in.handoverMethod = u"post"_s;
    return in;
}
const WindowContext kWindow{u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};
const QString kReceiptRoute = u"POST /cross-province/receipts"_s;
const QString kEventRoute = u"POST /cross-province/receipts/{id}/events"_s;
} // namespace

class TestCrossProvinceSync : public QObject {
    Q_OBJECT

    static int keysSeen(const Sim &sim, const QString &route) {
        return sim.stats().value(u"keys_seen"_s).toObject().value(route).toInt();
    }
    static QString outboxState(Client &c, const QString &kind) {
        return c.text(u"SELECT state FROM outbox WHERE kind = ? ORDER BY seq DESC LIMIT 1"_s, {kind});
    }

private slots:
    void receiptAndForwardReachThePlatformOnceUnderFaults() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client c;
        QVERIFY(c.open(sim));
        LoggedInEngine engine;
        QVERIFY(engine.login(c));
        CrossProvinceService svc(*c.db, SystemClock::instance(), nullptr, kWindow);
        auto r = svc.receive(receiptInput());
        QVERIFY(r.ok());
        auto fwd = svc.recordEvent(r->localId, u"forwarded"_s, u"SF1234567890"_s);
        QVERIFY(fwd.ok());
        QVERIFY(sim.setFaults(u"drop-after-commit=0.4,http-503=0.2,truncate=0.2,delay-ms=50"_s));
        for (int run = 0; run < 12 && c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s) > 0;
             ++run)
            engine.run(10, true, false);
        QVERIFY(sim.setFaults(u""_s));
        QVERIFY2(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s) == 0,
                 qPrintable(c.text(
                     u"SELECT group_concat(kind || ' ' || state || ' ' || attempts || ' ' || "
                     u"coalesce(last_status, '') || ' ' || coalesce(last_error, ''), '; ') FROM outbox"_s)));
        const QJsonObject stats = sim.stats();
        QCOMPARE(stats.value(u"cross_province_receipts"_s).toInt(), 1);
        QCOMPARE(stats.value(u"cross_province_forwarded"_s).toInt(), 1);
        QCOMPARE(keysSeen(sim, kReceiptRoute), 1); // every attempt carried the same key
        QCOMPARE(keysSeen(sim, kEventRoute), 1);
        const QString receiptNo =
            c.text(u"SELECT receipt_no FROM cross_province_receipts WHERE local_id = ?"_s, {r->localId});
        QVERIFY2(receiptNo.startsWith(u"KS"_s), qPrintable(receiptNo));
        QCOMPARE(c.text(u"SELECT state FROM cross_province_receipts WHERE local_id = ?"_s, {r->localId}),
                 u"forwarded"_s);
        QCOMPARE(c.scalar(u"SELECT version FROM cross_province_receipts WHERE local_id = ?"_s, {r->localId}),
                 2);

        // The target province accepts it; the feed brings its case number, then the completion.
        QCOMPARE(sim.http("POST", u"/sim/backoffice/step"_s).status, 200);
        QVERIFY(engine.run(20, false, true).success());
        auto now = CrossProvinceRepository(*c.db, SystemClock::instance()).find(r->localId);
        QCOMPARE(now->state, u"accepted_by_target"_s);
        QCOMPARE(now->targetCaseNo, u"440305-SL-000001"_s);
        QCOMPARE(sim.http("POST", u"/sim/backoffice/step"_s).status, 200);
        QVERIFY(engine.run(20, false, true).success());
        QCOMPARE(CrossProvinceRepository(*c.db, SystemClock::instance()).find(r->localId)->state,
                 u"completed"_s);
    }

    void forbiddenTransitionTakesThePlatformsReceipt() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client c;
        QVERIFY(c.open(sim));
        CrossProvinceService svc(*c.db, SystemClock::instance(), nullptr, kWindow);
        CrossProvinceInput in = receiptInput();
        in.handoverMethod = u"platform"_s;
        auto r = svc.receive(in);
        QVERIFY(r.ok());
        QVERIFY(c.run().success());
        const QString receiptNo =
            c.text(u"SELECT receipt_no FROM cross_province_receipts WHERE local_id = ?"_s, {r->localId});
        QVERIFY(!receiptNo.isEmpty());
        // Meanwhile the file was forwarded from elsewhere (another desk of the hall, same account).
        const QByteArray token = "Bearer " + sim.login().toLatin1();
        const HttpAnswer forwarded = sim.http(
            "POST", u"/cross-province/receipts/%1/events"_s.arg(receiptNo),
            R"({"local_id":"elsewhere-1","type":"forwarded","tracking_no":null,"note":"","at":"2026-12-05T01:00:00Z"})",
            {{"Authorization", token}, {"Idempotency-Key", "elsewhere-1"}});
        QCOMPARE(forwarded.status, 200);
        // This desk still sees it received and hands it back to the applicant: the platform refuses.
        QVERIFY(svc.recordEvent(r->localId, u"returned_to_applicant"_s).ok());
        const sync::SyncSummary s = c.run(30, true, false);
        QVERIFY(!s.success());
        QCOMPARE(outboxState(c, u"cross_province_event"_s), u"needs_attention"_s);
        QVERIFY(c.text(u"SELECT last_error FROM outbox WHERE kind = 'cross_province_event'"_s)
                    .startsWith(u"state_conflict"_s));
        // The platform's receipt is taken, ours is not sent over it.
        QCOMPARE(c.text(u"SELECT state FROM cross_province_receipts WHERE local_id = ?"_s, {r->localId}),
                 u"forwarded"_s);
        QCOMPARE(sim.stats().value(u"cross_province_forwarded"_s).toInt(), 1);
    }

    void platformValidationNamesTheField() {
        Sim sim;
        QVERIFY(sim.start({}));
        const QByteArray token = "Bearer " + sim.login().toLatin1();
        const QJsonObject bad{
            {u"local_id"_s, u"bad-1"_s},
            {u"target_region"_s, u"4403"_s},
            {u"target_authority"_s, u"某局"_s},
            {u"item_name"_s, u"某事项"_s},
            {u"applicant"_s, QJsonObject{{u"kind"_s, u"person"_s},
                                         {u"name"_s, u"张三"_s},
                                         {u"id_type"_s, u"resident_id"_s},
                                         {u"id_number"_s, u"11010519491231002X"_s}}},
            {u"materials"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"申请书"_s}, {u"copies"_s, 0}, {u"form"_s, u"paper"_s}}}},
            {u"handover"_s, QJsonObject{{u"method"_s, u"post"_s}}},
            {u"created_at"_s, u"2026-12-05T01:00:00Z"_s}};
        const HttpAnswer a =
            sim.http("POST", u"/cross-province/receipts"_s, QJsonDocument(bad).toJson(QJsonDocument::Compact),
                     {{"Authorization", token}, {"Idempotency-Key", "bad-1"}});
        QCOMPARE(a.status, 422);
        const QJsonObject fields = a.json()[u"error"_s][u"details"_s][u"fields"_s].toObject();
        QVERIFY(fields.contains(u"target_region"_s));
        QVERIFY(fields.contains(u"materials[0]"_s));
        QCOMPARE(sim.stats().value(u"cross_province_receipts"_s).toInt(), 0);
    }

    void platform10KeepsReceiptsLocal() {
        Sim sim;
        QVERIFY(sim.start({u"--api-version"_s, u"1.0"_s}));
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(c.run().success()); // learns the platform's version
        CrossProvinceService svc(*c.db, SystemClock::instance(), nullptr, kWindow);
        auto r = svc.receive(receiptInput());
        QVERIFY(r.ok());
        QVERIFY(svc.recordEvent(r->localId, u"forwarded"_s, u"SF1"_s).ok());
        for (int run = 0; run < 2; ++run) {
            const sync::SyncSummary s = c.run();
            QVERIFY2(s.success(), qPrintable(summaryText(s)));
            QCOMPARE(s.unsupported, 2);
            QCOMPARE(s.pending, 0);
            QVERIFY(
                s.toJson().value(u"notices"_s).toArray().first().toString().startsWith(u"平台暂不支持"_s));
        }
        QCOMPARE(outboxState(c, u"cross_province_receipt"_s), u"unsupported"_s);
        QCOMPARE(outboxState(c, u"cross_province_event"_s), u"unsupported"_s);
        auto kept = CrossProvinceRepository(*c.db, SystemClock::instance()).find(r->localId);
        QVERIFY(kept.ok());
        QCOMPARE(kept->state, u"forwarded"_s);
        QCOMPARE(kept->outboxState, u"unsupported"_s);
        const QJsonObject requests = sim.stats().value(u"requests"_s).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it)
            QVERIFY2(!it.key().contains(u"cross-province"_s), qPrintable(it.key()));
    }
};

QTEST_GUILESS_MAIN(TestCrossProvinceSync)
#include "tst_crossprovincesync.moc"
