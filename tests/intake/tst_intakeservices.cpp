// CaseService (one transaction, decision rules, due dates), drafts, local queue, evaluations, case events.
#include "intakefixture.h"

#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/cases/evaluationservice.h>
#include <windowdesk/cases/queueservice.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
const QString kMedical = u"430104-001001001000-GG-001"_s; // promised 0, legal 5; 4 materials, 2 required
const QString kRetire = u"430104-001001006000-QR-006"_s;  // promised 5, legal 15
const QString kMarriage = u"YJS-HY-001"_s;                // 婚姻一件事: two items sharing the ID card

IntakeDraft personDraft(const Matter &m, const QString &decision) {
    IntakeDraft d;
    d.draftId = u"draft-1"_s;
    d.ticketNo = u"F001"_s;
    d.applicant.name = u"张三"_s;
    d.applicant.idNumber = kPersonId;
    d.applicant.phone = u"13800138000"_s;
    d.itemCode = m.itemCode;
    d.bundleCode = m.bundleCode;
    for (const auto &f : m.fields) {
        if (f.type == u"id_number"_s)
            d.formValues.insert(f.key, kPersonId);
        else if (f.type == u"phone"_s)
            d.formValues.insert(f.key, u"13800138000"_s);
        else if (f.type == u"select"_s)
            d.formValues.insert(f.key, f.options.first());
        else if (f.type == u"date"_s)
            d.formValues.insert(f.key, u"2026-03-01"_s);
        else if (f.type == u"number"_s)
            d.formValues.insert(f.key, f.min.value_or(0) + 1);
        else if (f.type == u"bool"_s)
            d.formValues.insert(f.key, true);
        else if (f.type == u"uscc"_s)
            d.formValues.insert(f.key, u"91110108MA01G0FB09"_s);
        else
            d.formValues.insert(f.key, u"张三"_s);
    }
    for (const auto &mm : m.materials)
        d.materials.insert(mm.key, MaterialMark{u"paper"_s, {}, {}});
    d.decision = decision;
    return d;
}
} // namespace

class TestIntakeServices : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        cases = std::make_unique<CaseService>(*f->db, f->clock, f->audit.get(), f->window);
    }

    void submitWritesEverythingInOneTransaction() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kRetire);
        QVERIFY(m.ok());
        IntakeDraft d = personDraft(m.value(), u"accepted"_s);
        QVERIFY(DraftRepository(*f->db, f->clock).save(f->window.clerkId, d).ok());
        const int audit0 = f->count(u"SELECT COUNT(*) FROM audit_log"_s);
        auto r = cases->submit(m.value(), d);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const QString id = r->localId;
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND status = 'accepted'"_s, {id}),
                 1);
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM case_items WHERE case_local_id = ? AND item_version = 1"_s, {id}),
            1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ?"_s, {id}),
                 int(m->materials.size()));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_events WHERE case_local_id = ? AND type = 'created'"_s,
                          {id}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM audit_log"_s), audit0 + 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM drafts WHERE id = 'draft-1' AND status = 'submitted' AND "
                          u"case_local_id = ?"_s,
                          {id}),
                 1);
        auto q = f->db->query(u"SELECT kind, path, payload, state FROM outbox WHERE local_id = ?"_s, {id});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), u"case"_s);
        QCOMPARE(q->value(1).toString(), u"/cases"_s);
        QCOMPARE(q->value(3).toString(), u"pending"_s);
        QCOMPARE(q->value(2).toByteArray(), r->payload);
        // The body is the POST /cases contract.
        const QJsonObject body = QJsonDocument::fromJson(r->payload).object();
        QCOMPARE(body.value(u"local_id"_s).toString(), id);
        QCOMPARE(body.value(u"item_codes"_s).toArray(), QJsonArray{kRetire});
        QVERIFY(body.value(u"bundle_code"_s).isNull());
        QCOMPARE(body.value(u"applicant"_s)[u"id_number"_s].toString(), kPersonId);
        QCOMPARE(body.value(u"applicant"_s)[u"kind"_s].toString(), u"person"_s);
        QCOMPARE(body.value(u"decision"_s).toString(), u"accepted"_s);
        QCOMPARE(body.value(u"clerk_id"_s).toString(), u"u-demo-clerk"_s);
        QCOMPARE(body.value(u"window_no"_s).toString(), u"A07"_s);
        QCOMPARE(body.value(u"ticket_no"_s).toString(), u"F001"_s);
        QCOMPARE(body.value(u"created_at"_s).toString(), u"2026-03-06T01:02:03Z"_s);
        QCOMPARE(body.value(u"materials"_s).toArray().size(), m->materials.size());
        QVERIFY(body.value(u"form_values"_s).toObject().value(u"id_number"_s).isString());
        // Due dates: 5 and 15 working days after Friday 2026-03-06 (no holidays in March 2026).
        auto due = f->db->query(
            u"SELECT promised_due, legal_due, accepted_date FROM cases WHERE local_id = ?"_s, {id});
        QVERIFY(due.ok() && due->next());
        QCOMPARE(due->value(0).toString(), u"2026-03-13"_s);
        QCOMPARE(due->value(1).toString(), u"2026-03-27"_s);
        QCOMPARE(due->value(2).toString(), u"2026-03-06"_s);
    }

    void bundleMaterialsOncePerItem() {
        auto m = Matter::loadBundle(storage::CatalogRepository(*f->db), kMarriage);
        QVERIFY(m.ok());
        QCOMPARE(m->items.size(), 2);
        int refs = 0;
        bool shared = false;
        for (const auto &mm : m->materials) {
            refs += int(mm.refs.size());
            shared = shared || mm.refs.size() > 1;
        }
        QVERIFY(shared); // the resident ID card is asked once for both items
        QCOMPARE(m->promisedDays, 1);
        QCOMPARE(m->legalDays, std::max(m->items[0].legalTimeLimitDays, m->items[1].legalTimeLimitDays));
        IntakeDraft d = personDraft(m.value(), u"accepted"_s);
        auto r = cases->submit(m.value(), d);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_materials WHERE case_local_id = ?"_s, {r->localId}),
                 refs);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM case_items WHERE case_local_id = ?"_s, {r->localId}), 2);
        const QJsonObject body = QJsonDocument::fromJson(r->payload).object();
        QCOMPARE(body.value(u"bundle_code"_s).toString(), kMarriage);
        QCOMPARE(body.value(u"materials"_s).toArray().size(), refs);
    }

    void failureLeavesNothing_data() {
        QTest::addColumn<QString>("step");
        for (const char *s : {"case", "items", "materials", "licenses", "event", "audit", "outbox", "draft"})
            QTest::addRow("%s", s) << QString::fromLatin1(s);
    }
    void failureLeavesNothing() {
        QFETCH(QString, step);
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        IntakeDraft d = personDraft(m.value(), u"accepted"_s);
        QVERIFY(DraftRepository(*f->db, f->clock).save(f->window.clerkId, d).ok());
        const qint64 seen = insertSeen(u"1.2.156.3005.2.11100000000013127D.1.001.X"_s);
        const QStringList tables{u"cases"_s,       u"case_items"_s, u"case_materials"_s,
                                 u"case_events"_s, u"audit_log"_s,  u"outbox"_s};
        QList<int> before;
        for (const auto &t : tables)
            before << f->count(u"SELECT COUNT(*) FROM "_s + t);
        cases->setFailAtStepForTest(step);
        auto r = cases->submit(m.value(), d, {seen});
        QVERIFY(!r.ok());
        for (int i = 0; i < tables.size(); ++i)
            QCOMPARE(f->count(u"SELECT COUNT(*) FROM "_s + tables[i]), before[i]);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM drafts WHERE id = 'draft-1' AND status = 'open'"_s), 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id IS NOT NULL"_s), 0);
        // The same draft goes through once the failure is gone, its license linked.
        cases->setFailAtStepForTest({});
        auto ok = cases->submit(m.value(), d, {seen});
        QVERIFY(ok.ok());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases"_s), before[0] + 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {seen, ok->localId}),
                 1);
    }

    // The e-licenses seen for a case are linked to it by the submit's own transaction: with the case, or not
    // at all.
    void submitLinksLicenses() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        const qint64 first = insertSeen(u"lid-a"_s), second = insertSeen(u"lid-b"_s),
                     other = insertSeen(u"lid-c"_s);
        auto r = cases->submit(m.value(), personDraft(m.value(), u"accepted"_s), {first, second});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE case_local_id = ?"_s, {r->localId}), 2);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id IN (?, ?) AND case_local_id = ?"_s,
                          {first, second, r->localId}),
                 2);
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id IS NULL"_s, {other}),
            1);
        // A license already linked keeps its case.
        auto again = cases->submit(m.value(), personDraft(m.value(), u"accepted"_s), {first, other});
        QVERIFY(again.ok());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {first, r->localId}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {other, again->localId}),
                 1);
    }

    // A real storage failure after the link (the outbox insert refused by a trigger) rolls the link back with
    // the case.
    void licenseLinkRolledBackWithTheCase() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        const qint64 seen = insertSeen(u"lid-a"_s);
        QVERIFY(f->db
                    ->exec(u"CREATE TEMP TRIGGER outbox_refused BEFORE INSERT ON main.outbox "
                           u"BEGIN SELECT RAISE(ABORT, 'outbox refused'); END"_s)
                    .ok());
        const int cases0 = f->count(u"SELECT COUNT(*) FROM cases"_s);
        auto r = cases->submit(m.value(), personDraft(m.value(), u"accepted"_s), {seen});
        QVERIFY(!r.ok());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases"_s), cases0);
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id IS NULL"_s, {seen}),
            1);
        QVERIFY(f->db->exec(u"DROP TRIGGER temp.outbox_refused"_s).ok());
        auto ok = cases->submit(m.value(), personDraft(m.value(), u"accepted"_s), {seen});
        QVERIFY(ok.ok());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM licenses_seen WHERE id = ? AND case_local_id = ?"_s,
                          {seen, ok->localId}),
                 1);
    }

    void decisionRules() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        const QDate today = f->clock.todayCst();
        IntakeDraft ok = personDraft(m.value(), u"accepted"_s);
        QVERIFY(CaseService::decisionProblems(m.value(), ok, u"accepted"_s, today).isEmpty());

        // A required material missing blocks acceptance…
        IntakeDraft missing = ok;
        missing.materials[u"m2"_s].status = u"missing"_s;
        QVERIFY(CaseService::decisionProblems(m.value(), missing, u"accepted"_s, today)
                    .contains(u"material.m2"_s));
        // …and a correction notice needs a reason for it.
        QVERIFY(CaseService::decisionProblems(m.value(), missing, u"correction_required"_s, today)
                    .contains(u"material.m2"_s));
        missing.materials[u"m2"_s].reason = u"户口簿未带原件"_s;
        // A correction notice may be issued with an incomplete form.
        missing.formValues = {};
        QVERIFY(CaseService::decisionProblems(m.value(), missing, u"correction_required"_s, today).isEmpty());
        QVERIFY(!CaseService::decisionProblems(m.value(), missing, u"accepted"_s, today).isEmpty());
        // Nothing missing: no correction to notify.
        QVERIFY(CaseService::decisionProblems(m.value(), ok, u"correction_required"_s, today)
                    .contains(u"materials"_s));

        // Refusal: reason and legal basis.
        IntakeDraft refuse = ok;
        auto p = CaseService::decisionProblems(m.value(), refuse, u"rejected"_s, today);
        QVERIFY(p.contains(u"decision_reason"_s) && p.contains(u"decision_basis"_s));
        refuse.decisionReason = u"不属于本机关职权范围"_s;
        refuse.decisionBasis = u"《中华人民共和国行政许可法》第三十二条"_s;
        QVERIFY(CaseService::decisionProblems(m.value(), refuse, u"rejected"_s, today).isEmpty());

        // Invalid fields block acceptance with the domain's message.
        IntakeDraft bad = ok;
        bad.applicant.idNumber = u"110105194912310021"_s; // wrong check character
        bad.formValues[u"start_date"_s] = u"2026-02-30"_s;
        auto pb = CaseService::decisionProblems(m.value(), bad, u"accepted"_s, today);
        QVERIFY(pb.contains(u"applicant.id_number"_s));
        QVERIFY(pb.contains(u"form.start_date"_s));
        // A commitment where the item does not allow one is refused.
        IntakeDraft commit = ok;
        commit.materials[u"m2"_s].status = u"commitment"_s;
        QVERIFY(CaseService::decisionProblems(m.value(), commit, u"accepted"_s, today)
                    .contains(u"material.m2"_s));
        // max_length is enforced.
        core::FormField text{u"k"_s, u"名称"_s, u"text"_s, true, 5, {}, {}, {}};
        QVERIFY(!CaseService::checkField(text, u"123456"_s, today).isEmpty());
        QVERIFY(CaseService::checkField(text, u"12345"_s, today).isEmpty());
    }

    void dueDatesWithoutCalendar() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kRetire);
        QVERIFY(m.ok());
        const DueDates d = CaseService::dueDates(m.value(), QDate(2026, 3, 6), core::WorkingCalendar());
        QVERIFY(d.calendarMissingYear.has_value());
        QCOMPARE(*d.calendarMissingYear, 2026);
        QVERIFY(!d.promised);
    }

    void draftsRestoreExactly() {
        auto m = Matter::loadBundle(storage::CatalogRepository(*f->db), kMarriage);
        QVERIFY(m.ok());
        IntakeDraft d = personDraft(m.value(), u"correction_required"_s);
        d.draftId = u"draft-x"_s;
        d.ticketId = 42;
        d.applicant.phone = u"１３８ ００１３ ８０００"_s; // as pasted
        d.materials[m->materials.first().key] =
            MaterialMark{u"electronic"_s, u"1.2.156.3005.2.x"_s, u"缺'); DROP"_s};
        d.decisionReason = u"<b>%1</b>"_s;
        DraftRepository repo(*f->db, f->clock);
        QVERIFY(repo.save(u"u-demo-clerk"_s, d).ok());
        auto back = repo.load(u"draft-x"_s);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), d);
        auto open = repo.openDrafts(u"u-demo-clerk"_s);
        QVERIFY(open.ok());
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->first().draft, d);
        QVERIFY(repo.openDrafts(u"someone-else"_s)->isEmpty());
        // Submitted drafts are no longer offered, and a late save does not reopen them.
        d.materials[m->materials.first().key].reason = u"证件过期"_s;
        for (auto it = d.materials.begin(); it != d.materials.end(); ++it)
            if (it->status != u"electronic"_s)
                it->status = u"missing"_s, it->reason = u"未提供"_s;
        d.materials[m->materials.first().key] = MaterialMark{u"missing"_s, {}, u"证件过期"_s};
        d.ticketId = 0; // no such ticket in this database
        auto submitted = cases->submit(m.value(), d);
        QVERIFY2(submitted.ok(), qPrintable(submitted.ok() ? QString() : submitted.error().message));
        QVERIFY(repo.openDrafts(u"u-demo-clerk"_s)->isEmpty());
        QVERIFY(repo.save(u"u-demo-clerk"_s, d).ok());
        QVERIFY(repo.openDrafts(u"u-demo-clerk"_s)->isEmpty());
    }

    // The draft keeps, with an e-license material, the licenses_seen row of its scan: saved and loaded
    // exactly; a draft saved before the id was kept (no seen_id) still loads, with nothing to link.
    void draftKeepsLicenseSeenId_data() {
        QTest::addColumn<qint64>("seenId");
        QTest::addRow("with the scan's row") << qint64(7);
        QTest::addRow("without (no scan recorded)") << qint64(0);
    }
    void draftKeepsLicenseSeenId() {
        QFETCH(qint64, seenId);
        IntakeDraft d;
        d.draftId = u"draft-seen"_s;
        d.applicant.name = u"张三"_s;
        d.itemCode = kMedical;
        d.materials.insert(u"m-id"_s, MaterialMark{u"electronic"_s, u"lid-a"_s, {}, seenId});
        d.materials.insert(u"m-paper"_s, MaterialMark{u"paper"_s, {}, u"复印件"_s});
        const QJsonObject json = d.toJson();
        const QJsonObject mark = json.value(u"materials"_s).toObject().value(u"m-id"_s).toObject();
        QCOMPARE(mark.contains(u"seen_id"_s), seenId > 0);
        QCOMPARE(mark.value(u"seen_id"_s).toInteger(), seenId);
        QCOMPARE(IntakeDraft::fromJson(json), d);
        // Through the database as the page saves and restores it.
        DraftRepository repo(*f->db, f->clock);
        QVERIFY(repo.save(f->window.clerkId, d).ok());
        auto back = repo.load(d.draftId);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), d);
        QCOMPARE(back->materials.value(u"m-id"_s).seenId, seenId);
        QCOMPARE(back->licenseSeenIds(), seenId > 0 ? QList<qint64>{seenId} : QList<qint64>{});
    }

    void oldDraftWithoutSeenIdLoads() {
        // state_json exactly as the version before seen_id wrote it.
        const QString old =
            uR"({"v":1,"draft_id":"draft-old","ticket_no":"F003","ticket_id":0,"applicant":{"kind":"person",)"
            uR"("name":"张三","id_type":"resident_id","id_number":"","phone":"","entity_name":"","uscc":""},)"
            uR"("item_code":"430104-001001001000-GG-001","bundle_code":"","form_values":{},)"
            uR"("materials":{"m-id":{"status":"electronic","license_id":"lid-a","reason":""},)"
            uR"("m-paper":{"status":"paper","license_id":"","reason":""}},)"
            uR"("decision":"","decision_reason":"","decision_basis":""})"_s;
        QVERIFY(f->db
                    ->exec(u"INSERT INTO drafts (id, clerk_id, state_json, created_at, updated_at) "
                           u"VALUES ('draft-old', ?, ?, '2026-03-06T01:00:00Z', '2026-03-06T01:00:00Z')"_s,
                           {f->window.clerkId, old})
                    .ok());
        auto d = DraftRepository(*f->db, f->clock).load(u"draft-old"_s);
        QVERIFY(d.ok());
        QCOMPARE(d->ticketNo, u"F003"_s);
        QCOMPARE(d->applicant.name, u"张三"_s);
        QCOMPARE(d->materials.value(u"m-id"_s), (MaterialMark{u"electronic"_s, u"lid-a"_s, {}, 0}));
        QCOMPARE(d->materials.value(u"m-paper"_s).status, u"paper"_s);
        QVERIFY(d->licenseSeenIds().isEmpty());
    }

    // Only a material still standing on its e-license links the scan: marked electronic with the license.
    void licenseSeenIdsFromElectronicMarks() {
        IntakeDraft d;
        d.materials.insert(u"a"_s, MaterialMark{u"electronic"_s, u"lid-a"_s, {}, 12});
        d.materials.insert(u"b"_s, MaterialMark{u"electronic"_s, u"lid-b"_s, {}, 5});
        d.materials.insert(u"c"_s, MaterialMark{u"electronic"_s, u"lid-b"_s, {}, 5}); // one scan, two lines
        d.materials.insert(u"d"_s, MaterialMark{u"paper"_s, u"lid-d"_s, {}, 9});
        d.materials.insert(u"e"_s, MaterialMark{u"electronic"_s, {}, {}, 3});
        d.materials.insert(u"f"_s, MaterialMark{u"missing"_s, {}, u"未提供"_s, 4});
        d.materials.insert(u"g"_s, MaterialMark{u"electronic"_s, u"lid-g"_s, {}, 0});
        QCOMPARE(d.licenseSeenIds(), (QList<qint64>{5, 12}));
    }

    void localQueue() {
        LocalQueueService q(*f->db, f->clock, u"u-demo-clerk"_s);
        auto n = q.generateDemoTickets();
        QVERIFY(n.ok());
        QVERIFY(n.value() > 5);
        QCOMPARE(q.generateDemoTickets().value(), 0); // once per day
        const QStringList cats = q.categoriesForWindow(u"A07"_s);
        QVERIFY(cats.contains(u"综合受理"_s));
        QVERIFY(!cats.contains(u"不动产登记"_s));
        const int waiting = q.waitingCount(cats).value();
        auto t = q.callNext(u"A07"_s, cats);
        QVERIFY(t.ok() && t->has_value());
        const Ticket first = **t;
        QCOMPARE(first.status, u"called"_s);
        QCOMPARE(first.windowNo, u"A07"_s);
        QVERIFY(cats.contains(first.category));
        QCOMPARE(q.waitingCount(cats).value(), waiting - 1);
        // The oldest ticket is called first.
        auto older =
            f->count(u"SELECT COUNT(*) FROM queue_tickets WHERE status = 'waiting' AND issued_at < ?"_s,
                     {first.issuedAt.toString(Qt::ISODate)});
        QVERIFY(older >= 0);
        QCOMPARE(
            f->count(u"SELECT COUNT(*) FROM queue_tickets WHERE status = 'waiting' AND issued_at < ? AND "
                     u"category IN ('综合受理','企业开办','社保医保','婚姻户籍')"_s,
                     {first.issuedAt.toString(Qt::ISODate)}),
            0);
        QVERIFY(first.waitSecs(f->clock.nowUtc()) >= 0);
        QVERIFY(q.recall(first.id).ok());
        QCOMPARE(q.start(first.id)->status, u"serving"_s);
        QCOMPARE(q.recall(first.id).error().code, u"ticket_state"_s);
        QCOMPARE(q.hold(first.id)->status, u"held"_s);
        QCOMPARE(q.heldTickets(u"A07"_s)->size(), 1);
        QCOMPARE(q.resume(first.id)->status, u"serving"_s);
        QCOMPARE(q.done(first.id)->status, u"done"_s);
        QCOMPARE(q.noShow(first.id).error().code, u"ticket_state"_s);
        auto second = q.callNext(u"A07"_s, cats);
        QVERIFY(second.ok() && second->has_value());
        auto moved = q.transfer((*second)->id, u"不动产登记"_s);
        QVERIFY(moved.ok());
        QCOMPARE(moved->status, u"waiting"_s);
        QCOMPARE(moved->category, u"不动产登记"_s);
        QCOMPARE(q.lastCalled(5)->first().ticketNo, first.ticketNo);
        auto issued = q.issueTicket(u"综合受理"_s);
        QVERIFY(issued.ok());
        QVERIFY(issued->ticketNo.startsWith(u'F'));
        q.setOnline(false);
        QCOMPARE(q.callNext(u"A07"_s, cats).error().code, u"queue_offline"_s);
    }

    void evaluation() {
        EvaluationService s(*f->db, f->clock);
        EvaluationInput in;
        in.level = 2;
        in.windowNo = u"A07"_s;
        in.clerkId = u"u-demo-clerk"_s;
        in.ticketNo = u"F001"_s;
        QCOMPARE(s.submit(in).error().code, u"reasons_required"_s);
        in.level = 7;
        QCOMPARE(s.submit(in).error().code, u"level_invalid"_s);
        in.level = 1;
        in.reasons = {EvaluationService::negativeReasons().first()};
        in.comment = u"等了很久"_s;
        auto id = s.submit(in);
        QVERIFY(id.ok());
        QCOMPARE(
            f->count(
                u"SELECT COUNT(*) FROM evaluations WHERE local_id = ? AND level = 1 AND ticket_no = 'F001'"_s,
                {id.value()}),
            1);
        auto q = f->db->query(
            u"SELECT path, payload FROM outbox WHERE kind = 'evaluation' AND local_id = ?"_s, {id.value()});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), u"/evaluations"_s);
        const QJsonObject body = QJsonDocument::fromJson(q->value(1).toByteArray()).object();
        QCOMPARE(body.value(u"level"_s).toInt(), 1);
        QCOMPARE(body.value(u"reasons"_s).toArray().size(), 1);
        QCOMPARE(body.value(u"channel"_s).toString(), u"window_device"_s);
    }

    void caseEvents() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        auto accepted = cases->submit(m.value(), personDraft(m.value(), u"accepted"_s));
        QVERIFY(accepted.ok());
        auto ev = cases->recordEvent(accepted->localId, u"delivered"_s, u"窗口领取"_s);
        QVERIFY(ev.ok());
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM cases WHERE local_id = ? AND status = 'delivered'"_s,
                          {accepted->localId}),
                 1);
        QCOMPARE(f->count(u"SELECT COUNT(*) FROM outbox WHERE kind = 'case_event' AND local_id = ? AND "
                          u"parent_local_id = ? AND path = '/cases/{case_no}/events'"_s,
                          {ev.value(), accepted->localId}),
                 1);
        QCOMPARE(cases->recordEvent(accepted->localId, u"withdrawn"_s, {}).error().code, u"state_conflict"_s);
        IntakeDraft refuse = personDraft(m.value(), u"rejected"_s);
        refuse.decisionReason = u"理由"_s;
        refuse.decisionBasis = u"依据"_s;
        auto rejected = cases->submit(m.value(), refuse);
        QVERIFY(rejected.ok());
        QCOMPARE(cases->recordEvent(rejected->localId, u"delivered"_s, {}).error().code, u"state_conflict"_s);
    }

    void entityApplicant() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), u"430104-000201002000-XK-002"_s);
        QVERIFY(m.ok());
        IntakeDraft d = personDraft(m.value(), u"accepted"_s);
        d.applicant.kind = u"entity"_s;
        d.applicant.entityName = u"湖南示例科技有限公司"_s;
        d.applicant.uscc = u"91110108MA01G0FB0"_s; // one character short
        const QDate today = f->clock.todayCst();
        QVERIFY(
            CaseService::decisionProblems(m.value(), d, u"accepted"_s, today).contains(u"applicant.uscc"_s));
        d.applicant.uscc = u"９１１１０１０８ＭＡ０１Ｇ０ＦＢ０９"_s; // full-width, as pasted
        auto r = cases->submit(m.value(), d);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const QJsonObject a = QJsonDocument::fromJson(r->payload).object().value(u"applicant"_s).toObject();
        QCOMPARE(a.value(u"kind"_s).toString(), u"entity"_s);
        QCOMPARE(a.value(u"entity_name"_s).toString(), u"湖南示例科技有限公司"_s);
        QCOMPARE(a.value(u"uscc"_s).toString(), u"91110108MA01G0FB09"_s);
        QCOMPARE(a.value(u"name"_s).toString(), u"张三"_s); // the legal representative
        QCOMPARE(
            f->count(
                u"SELECT COUNT(*) FROM cases WHERE uscc = '91110108MA01G0FB09' AND applicant_kind = 'entity'"_s),
            1);
    }

    void returningApplicant() {
        auto m = Matter::loadItem(storage::CatalogRepository(*f->db), kMedical);
        QVERIFY(m.ok());
        QVERIFY(!cases->findReturningApplicant(kPersonId));
        QVERIFY(cases->submit(m.value(), personDraft(m.value(), u"accepted"_s)).ok());
        auto a = cases->findReturningApplicant(u"１１０１０５１９４９１２３１００２ｘ"_s);
        QVERIFY(a.has_value());
        QCOMPARE(a->name, u"张三"_s);
        QCOMPARE(a->phone, u"13800138000"_s);
    }

private:
    // A licenses_seen row as the license panel records a scan verified offline (masked holder id only).
    qint64 insertSeen(const QString &lid) {
        auto q =
            f->db->query(u"INSERT INTO licenses_seen (lid, type_code, type_name, number_masked, holder_name, "
                         u"holder_id_masked, issuer, issued_on, valid_until, verified_at, verification, "
                         u"status, payload_exp) "
                         u"VALUES (?, '11100000000013127D', '居民身份证', ?, '张三', ?, '公安局', "
                         u"'2020-01-01', '2040-01-01', "
                         u"'2026-03-06T01:02:03Z', 'offline', 'unconfirmed', 1772758923)"_s,
                         {lid, kPersonIdMasked, kPersonIdMasked});
        if (!q.ok())
            qFatal("licenses_seen insert failed");
        return q->lastInsertId().toLongLong();
    }

    std::unique_ptr<Fixture> f;
    std::unique_ptr<CaseService> cases;
};

QTEST_GUILESS_MAIN(TestIntakeServices)
#include "tst_intakeservices.moc"
