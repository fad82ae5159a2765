// 跨省通办 receipts without widgets (issue 16): bad input gets its specific Chinese message and stores
// nothing; a good receipt is stored with its outbox row (POST /cross-province/receipts, the exact body) and
// its audit row in one go; forward_due is the working day after the CST date; only the client's transitions
// are allowed and each event is queued as a child of the receipt; the applier takes the platform's answers
// and pulled changes with version checks and keeps another window's receipt masked.
#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/cases/crossprovinceapplier.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;

namespace {
const QString kGoodId = u"11010519491231002X"_s;

CrossProvinceInput goodInput() {
    CrossProvinceInput in;
    in.targetRegion = u"440305"_s;
    in.targetAuthority = u"深圳市南山区市场监督管理局"_s;
    in.itemName = u"个体工商户设立登记"_s;
    in.applicant.name = u"张三"_s;
    in.applicant.idNumber = kGoodId;
    in.applicant.phone = u"13800138000"_s;
    in.materials = {{u"个体工商户登记申请书"_s, 1, u"paper"_s, true},
                    {u"经营场所使用证明"_s, 2, u"paper"_s, true},
                    {u"身份证复印件"_s, 1, u"electronic"_s, true}};
    in.handoverMethod = u"post"_s;
    in.trackingNo = u"SF1234567890"_s;
    return in;
}
} // namespace

class TestCrossProvince : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    // 2026-09-29 17:00 UTC is 2026-09-30 01:00 CST, the eve of the National Day holidays.
    FixedClock m_clock{QDateTime(QDate(2026, 9, 29), QTime(17, 0), QTimeZone::utc())};
    WindowContext m_window{u"u-demo-clerk"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};

    int count(const QString &sql, const QVariantList &binds = {}) {
        auto q = m_db->query(sql, binds);
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }

private slots:
    void init() {
        m_db.reset();
        QFile::remove(m_dir.filePath(u"x.db"_s));
        auto db = storage::Database::open(m_dir.filePath(u"x.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
    }

    void badInput_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problemKey");
        QTest::addColumn<QString>("message");
        QTest::addRow("no region") << u"region"_s << u""_s << u"target_region"_s << u"请选择受理地行政区划"_s;
        QTest::addRow("unknown region")
            << u"region"_s << u"449999"_s << u"target_region"_s << u"未知的行政区划代码：449999"_s;
        QTest::addRow("no authority")
            << u"authority"_s << u"  "_s << u"target_authority"_s << u"请填写受理地的受理部门"_s;
        QTest::addRow("no item") << u"item"_s << u""_s << u"item_name"_s << u"请填写办理事项名称"_s;
        QTest::addRow("bad id checksum")
            << u"id"_s << u"110105194912310021"_s << u"applicant.id_number"_s << u"身份证号码校验位错误"_s;
        QTest::addRow("no id") << u"id"_s << u""_s << u"applicant.id_number"_s << u"请填写申请人证件号码"_s;
        QTest::addRow("no name") << u"name"_s << u""_s << u"applicant.name"_s << u"请填写申请人姓名"_s;
        QTest::addRow("bad phone") << u"phone"_s << u"1380013"_s << u"applicant.phone"_s << u""_s;
        QTest::addRow("no materials")
            << u"materials"_s << u""_s << u"materials"_s << u"请至少登记一份申请材料"_s;
        QTest::addRow("zero copies") << u"copies"_s << u"0"_s << u"material.1"_s
                                     << u"材料「经营场所使用证明」的份数至少为 1"_s;
        QTest::addRow("unchecked") << u"unchecked"_s << u""_s << u"material.2"_s
                                   << u"材料「身份证复印件」尚未核对"_s;
        QTest::addRow("no handover") << u"handover"_s << u"fax"_s << u"handover_method"_s
                                     << u"请选择移交方式（邮寄或平台流转）"_s;
    }
    void badInput() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problemKey);
        QFETCH(QString, message);
        CrossProvinceInput in = goodInput();
        if (field == u"region")
            in.targetRegion = value;
        else if (field == u"authority")
            in.targetAuthority = value;
        else if (field == u"item")
            in.itemName = value;
        else if (field == u"id")
            in.applicant.idNumber = value;
        else if (field == u"name")
            in.applicant.name = value;
        else if (field == u"phone")
            in.applicant.phone = value;
        else if (field == u"materials")
            in.materials.clear();
        else if (field == u"copies")
            in.materials[1].copies = 0;
        else if (field == u"unchecked")
            in.materials[2].checked = false;
        else if (field == u"handover")
            in.handoverMethod = value;
        const FieldProblems p = CrossProvinceService::problems(in, m_clock.todayCst());
        QVERIFY2(p.contains(problemKey), qPrintable(p.keys().join(u',')));
        QVERIFY2(p.value(problemKey).contains(message), qPrintable(p.value(problemKey)));
        storage::AuditLog audit(*m_db, m_clock, nullptr);
        auto r = CrossProvinceService(*m_db, m_clock, &audit, m_window).receive(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"invalid_argument"_s);
        QCOMPARE(count(u"SELECT count(*) FROM cross_province_receipts"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM outbox"_s), 0);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action LIKE 'cross_province%'"_s), 0);
    }

    void goodInputIsStoredQueuedAndAudited() {
        QVERIFY(CrossProvinceService::problems(goodInput(), m_clock.todayCst()).isEmpty());
        storage::AuditLog audit(*m_db, m_clock, nullptr);
        auto r = CrossProvinceService(*m_db, m_clock, &audit, m_window).receive(goodInput());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->state, u"received"_s);
        QCOMPARE(r->targetRegionName, u"广东省深圳市南山区"_s);
        // 09-30 CST; 10-01..10-07 are the holidays (10-03/04 the weekend): the next working day is 10-08.
        QCOMPARE(r->forwardDue, QDate(2026, 10, 8));
        QCOMPARE(r->applicantIdMasked, u"110***********002X"_s);
        QCOMPARE(r->materials.size(), 3);
        auto rows = storage::OutboxRepository(*m_db, m_clock).unacknowledged();
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        const storage::OutboxEntry &e = rows->first();
        QCOMPARE(e.kind, u"cross_province_receipt"_s);
        QCOMPARE(e.path, u"/cross-province/receipts"_s);
        QCOMPARE(e.localId, r->localId);
        const QJsonObject body = QJsonDocument::fromJson(e.payload).object();
        QCOMPARE(body.value(u"local_id"_s).toString(), r->localId);
        QCOMPARE(body.value(u"target_region"_s).toString(), u"440305"_s);
        QCOMPARE(body[u"applicant"_s][u"id_number"_s].toString(), kGoodId);
        QCOMPARE(body[u"materials"_s][1][u"copies"_s].toInt(), 2);
        QCOMPARE(body[u"materials"_s][2][u"form"_s].toString(), u"electronic"_s);
        QCOMPARE(body[u"handover"_s][u"method"_s].toString(), u"post"_s);
        QCOMPARE(body[u"handover"_s][u"tracking_no"_s].toString(), u"SF1234567890"_s);
        QCOMPARE(body.value(u"window_no"_s).toString(), u"A07"_s);
        QCOMPARE(body.value(u"created_at"_s).toString(), u"2026-09-29T17:00:00Z"_s);
        QCOMPARE(
            count(u"SELECT count(*) FROM audit_log WHERE action = 'cross_province_received' AND target = ?"_s,
                  {r->localId}),
            1);
        // The audit row never holds the id number unmasked.
        QCOMPARE(
            count(u"SELECT count(*) FROM audit_log WHERE details_json LIKE ?"_s, {u"%"_s + kGoodId + u"%"_s}),
            0);
    }

    void onlyTheClientsTransitions() {
        CrossProvinceInput in = goodInput();
        in.trackingNo.clear();
        CrossProvinceService svc(*m_db, m_clock, nullptr, m_window);
        auto r = svc.receive(in);
        QVERIFY(r.ok());
        // Post without a tracking number: refused, nothing changes.
        auto noTracking = svc.recordEvent(r->localId, u"forwarded"_s);
        QVERIFY(!noTracking.ok());
        QCOMPARE(noTracking.error().message, u"邮寄移交须填写快递单号"_s);
        QCOMPARE(count(u"SELECT count(*) FROM outbox WHERE kind = 'cross_province_event'"_s), 0);
        auto fwd = svc.recordEvent(r->localId, u"forwarded"_s, u"EMS9876543210"_s);
        QVERIFY(fwd.ok());
        QCOMPARE(fwd->state, u"forwarded"_s);
        QCOMPARE(fwd->trackingNo, u"EMS9876543210"_s);
        // Forwarded: neither forwarded again nor returned to the applicant.
        auto again = svc.recordEvent(r->localId, u"forwarded"_s, u"X"_s);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"state_conflict"_s);
        auto back = svc.recordEvent(r->localId, u"returned_to_applicant"_s);
        QVERIFY(!back.ok());
        QCOMPARE(back.error().code, u"state_conflict"_s);
        QVERIFY(back.error().message.contains(u"已移交"_s));
        auto other = svc.recordEvent(r->localId, u"completed"_s);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code, u"invalid_argument"_s);
        // The event is queued as a child waiting for the receipt's number.
        auto q = m_db->query(
            u"SELECT parent_local_id, path, payload FROM outbox WHERE kind = 'cross_province_event'"_s);
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), r->localId);
        QCOMPARE(q->value(1).toString(), u"/cross-province/receipts/{receipt_no}/events"_s);
        const QJsonObject ev = QJsonDocument::fromJson(q->value(2).toByteArray()).object();
        QCOMPARE(ev.value(u"type"_s).toString(), u"forwarded"_s);
        QCOMPARE(ev.value(u"tracking_no"_s).toString(), u"EMS9876543210"_s);
        QVERIFY(!ev.value(u"local_id"_s).toString().isEmpty());
        q->finish();
        auto due = storage::OutboxRepository(*m_db, m_clock).due(10);
        QVERIFY(due.ok());
        QCOMPARE(due->size(), 1); // only the receipt: the event waits for receipt_no
        QCOMPARE(due->first().kind, u"cross_province_receipt"_s);
    }

    void returnedFromReceivedOrRejected() {
        CrossProvinceService svc(*m_db, m_clock, nullptr, m_window);
        auto r = svc.receive(goodInput());
        QVERIFY(r.ok());
        auto back = svc.recordEvent(r->localId, u"returned_to_applicant"_s, {}, u"申请人撤回"_s);
        QVERIFY(back.ok());
        QCOMPARE(back->state, u"returned_to_applicant"_s);
    }

    void applierTakesAnswersWithVersionChecks() {
        CrossProvinceService svc(*m_db, m_clock, nullptr, m_window);
        auto r = svc.receive(goodInput());
        QVERIFY(r.ok());
        CrossProvinceStreamApplier applier(*m_db, m_clock);
        QVERIFY(applier.requiresApi11(u"cross_province_receipt"_s));
        QVERIFY(applier.api11Stream());
        storage::OutboxEntry entry;
        entry.kind = u"cross_province_receipt"_s;
        entry.localId = r->localId;
        QJsonObject answer{{u"local_id"_s, r->localId},
                           {u"receipt_no"_s, u"KS20260930000001"_s},
                           {u"state"_s, u"received"_s},
                           {u"version"_s, 1},
                           {u"forward_due"_s, u"2026-10-08"_s}};
        QVERIFY(!applier.answerComplete(entry, QJsonObject{{u"state"_s, u"received"_s}}));
        QVERIFY(applier.answerComplete(entry, answer));
        QVERIFY(m_db->write([&] { return applier.applyAnswer(entry, answer); }).ok());
        QCOMPARE(applier.platformId(r->localId).value(), u"KS20260930000001"_s);
        // Pulled: accepted (version 3) applies; an older version 2 afterwards changes nothing.
        QJsonObject accepted = answer;
        accepted[u"state"_s] = u"accepted_by_target"_s;
        accepted[u"target_case_no"_s] = u"440305-SL-000001"_s;
        accepted[u"version"_s] = 3;
        QJsonObject older = answer;
        older[u"state"_s] = u"forwarded"_s;
        older[u"version"_s] = 2;
        QJsonObject broken{{u"receipt_no"_s, u"KS-X"_s}, {u"state"_s, u"lost"_s}, {u"version"_s, 1}};
        storage::AppliedPage page;
        QVERIFY(m_db->write([&]() -> Status {
                        auto p = applier.applyPage(QJsonArray{accepted, older, broken});
                        if (!p.ok())
                            return p.error();
                        page = p.value();
                        return {};
                    })
                    .ok());
        QCOMPARE(page.applied, 1);
        QCOMPARE(page.rejected.size(), 1);
        auto now = CrossProvinceRepository(*m_db, m_clock).find(r->localId);
        QCOMPARE(now->state, u"accepted_by_target"_s);
        QCOMPARE(now->targetCaseNo, u"440305-SL-000001"_s);
        QCOMPARE(now->version, 3);
    }

    void anotherWindowsReceiptIsKeptMasked() {
        CrossProvinceStreamApplier applier(*m_db, m_clock);
        const QJsonObject other{
            {u"local_id"_s, u"other-1"_s},
            {u"receipt_no"_s, u"KS20260930000009"_s},
            {u"target_region"_s, u"330100"_s},
            {u"target_authority"_s, u"杭州市人力资源和社会保障局"_s},
            {u"item_name"_s, u"社会保险关系转移"_s},
            {u"applicant"_s,
             QJsonObject{{u"kind"_s, u"person"_s}, {u"name"_s, u"王五"_s}, {u"id_number"_s, kGoodId}}},
            {u"materials"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"申请表"_s}, {u"copies"_s, 1}, {u"form"_s, u"paper"_s}}}},
            {u"handover"_s, QJsonObject{{u"method"_s, u"platform"_s}}},
            {u"clerk_id"_s, u"u-sim-A01"_s},
            {u"window_no"_s, u"A01"_s},
            {u"created_at"_s, u"2026-09-20T02:00:00Z"_s},
            {u"forward_due"_s, u"2026-09-21"_s},
            {u"state"_s, u"received"_s},
            {u"version"_s, 1}};
        QVERIFY(m_db->write([&]() -> Status {
                        auto p = applier.applyPage(QJsonArray{other});
                        return p.ok() ? Status() : Status(p.error());
                    })
                    .ok());
        QCOMPARE(count(u"SELECT count(*) FROM cross_province_receipts WHERE applicant_id_number IS NULL AND "
                       u"origin = 'platform'"_s),
                 1);
        auto hall = CrossProvinceRepository(*m_db, m_clock).list();
        QVERIFY(hall.ok());
        QCOMPARE(hall->size(), 1);
        QCOMPARE(hall->first().applicantIdMasked, u"110***********002X"_s);
        QVERIFY(hall->first().lateOn(m_clock.todayCst())); // still received after 09-21
        QCOMPARE(CrossProvinceRepository(*m_db, m_clock).lateCount().value(), 1);
        QVERIFY(CrossProvinceRepository(*m_db, m_clock).list(u"A07"_s)->isEmpty());
        // Not this window's: the clerk cannot move it.
        auto fwd = CrossProvinceService(*m_db, m_clock, nullptr, m_window)
                       .recordEvent(u"other-1"_s, u"forwarded"_s, u"X1"_s);
        QVERIFY(!fwd.ok());
    }

    void recentTargetsCarryTheirMaterials() {
        CrossProvinceService svc(*m_db, m_clock, nullptr, m_window);
        QVERIFY(svc.receive(goodInput()).ok());
        m_clock.advanceSecs(60);
        CrossProvinceInput second = goodInput();
        second.materials.removeLast();
        QVERIFY(svc.receive(second).ok());
        auto recent = CrossProvinceRepository(*m_db, m_clock).recent();
        QVERIFY(recent.ok());
        QCOMPARE(recent->size(), 1); // one target, its latest list
        QCOMPARE(recent->first().materials.size(), 2);
        QVERIFY(!recent->first().materials.first().checked); // checked again for each applicant
        QCOMPARE(recent->first().targetAuthority, u"深圳市南山区市场监督管理局"_s);
    }
};

QTEST_GUILESS_MAIN(TestCrossProvince)
#include "tst_crossprovince.moc"
