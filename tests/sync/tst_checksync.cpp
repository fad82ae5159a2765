// 告知承诺 post-checks (issue 16) without widgets, against the simulator process: a case accepted here with a
// material on commitment makes the platform open a check, which arrives through GET
// /commitment-checks/changes with its due date (20 working days, counted here the same); an outcome is
// refused with its specific message when it is incomplete (a false commitment without its consequence, no
// note, not open); a false commitment with revocation reaches the platform exactly once through dropped
// answers, comes back as the check's state, and the case's later status (withdrawn) comes from the
// cases feed; a second outcome is refused.
#include "synctestsupport.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/commitmentchecks.h>
#include <windowdesk/cases/intaketypes.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogrepository.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
const QString kItem =
    u"430104-000201001000-XK-001"_s; // 个体工商户设立登记: m3 经营场所使用证明 on commitment
const QString kPersonId = u"11010519491231002X"_s;

// A case of the demo item with its premises proof on commitment, taken in through CaseService.
QString takeInOnCommitment(Client &c) {
    auto item = storage::CatalogRepository(*c.db).currentItem(kItem);
    if (!item.ok())
        return {};
    const cases::Matter matter = cases::Matter::fromItem(item.value());
    cases::IntakeDraft d;
    d.itemCode = kItem;
    d.applicant.name = u"欧阳明"_s;
    d.applicant.idNumber = kPersonId;
    d.applicant.phone = u"13807310001"_s;
    d.formValues =
        QJsonObject{{u"applicant_name"_s, d.applicant.name}, {u"id_number"_s, kPersonId},
                    {u"phone"_s, d.applicant.phone},         {u"shop_name"_s, u"岳麓区欧阳小吃店"_s},
                    {u"organization_form"_s, u"个人经营"_s}, {u"premises_address"_s, u"岳麓区麓山南路1号"_s},
                    {u"business_scope"_s, u"小吃服务"_s},    {u"capital_wan"_s, 5}};
    for (const cases::MatterMaterial &m : matter.materials)
        d.materials.insert(m.key, {m.material.id == u"m3"_s ? u"commitment"_s : u"paper"_s, {}, {}, 0});
    d.decision = u"accepted"_s;
    storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
    cases::CaseService service(*c.db, SystemClock::instance(), &audit,
                               {u"u-1001"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s});
    auto submitted = service.submit(matter, d);
    if (!submitted.ok())
        qWarning() << submitted.error().message;
    return submitted.ok() ? submitted->localId : QString();
}

void pushThroughFaults(Sim &sim, Client &c) {
    QVERIFY(sim.setFaults(u"fail-nth=2,drop-after-commit=0.3"_s));
    for (int round = 0; round < 12 && c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s) > 0;
         ++round)
        c.run(20, true, false);
    QVERIFY(sim.setFaults(QString()));
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
}
} // namespace

class TestCheckSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"5"_s})); }

    void checkOpenedRecordedOnceAndTheCaseFollows() {
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0);
        const QString caseLocalId = takeInOnCommitment(c);
        QVERIFY(!caseLocalId.isEmpty());
        pushThroughFaults(m_sim, c);
        const QString caseNo = c.text(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {caseLocalId});
        QVERIFY(!caseNo.isEmpty());

        // The platform opens the check; the feed brings it with its due date.
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        QVERIFY(c.run(20, false, true).success());
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        cases::CommitmentCheckService service(*c.db, SystemClock::instance(), &audit, u"u-1001"_s);
        auto rows = service.list(SystemClock::instance().nowUtc());
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        const cases::CheckRow check = rows->first();
        QCOMPARE(check.caseNo, caseNo);
        QCOMPARE(check.caseLocalId, caseLocalId);
        QCOMPARE(check.applicantName, u"欧阳明"_s);
        QCOMPARE(check.materialName, u"经营场所使用证明"_s);
        QCOMPARE(check.state, u"open"_s);
        auto calendar = storage::CalendarRepository(*c.db).workingCalendar();
        QCOMPARE(check.dueDate,
                 core::dueDate(SystemClock::instance().todayCst(), 20, calendar.value())->date);
        QCOMPARE(check.workingDaysLeft, 20);
        QVERIFY(!check.overdue);
        const QDateTime late(check.dueDate.addDays(1), QTime(9, 0), Clock::chinaStandardTime());
        QVERIFY(service.list(late)->first().overdue);

        // Incomplete outcomes: each refused with its own message, nothing queued.
        cases::CheckOutcomeInput in{check.checkId, u"false_commitment"_s, QString(),
                                    u"经营场所为他人住宅，与承诺不符"_s};
        QCOMPARE(service.problems(in).keys(), QStringList{u"consequence"_s});
        QCOMPARE(service.problems(in).value(u"consequence"_s),
                 cases::CommitmentCheckService::tr(
                     "A false commitment needs its consequence: order to fix, or revoke"));
        QCOMPARE(service.problems({check.checkId, u"confirmed"_s, u"revoke"_s, u"属实"_s}).keys(),
                 QStringList{u"consequence"_s});
        QCOMPARE(service.problems({check.checkId, u"unable"_s, QString(), u"  "_s}).value(u"note"_s),
                 cases::CommitmentCheckService::tr("Say why the check could not be made"));
        QCOMPARE(service.problems({check.checkId, QString(), QString(), u"x"_s}).keys(),
                 QStringList{u"outcome"_s});
        QCOMPARE(service.problems({u"CK-NONE"_s, u"confirmed"_s, QString(), u"x"_s}).keys(),
                 QStringList{u"check"_s});
        QVERIFY(!service.record(in).ok());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'commitment_check_result'"_s), 0);

        // False commitment, revoked: once on the platform through the faults.
        in.consequence = u"revoke"_s;
        auto recorded = service.record(in);
        QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().message));
        QCOMPARE(
            c.scalar(
                u"SELECT count(*) FROM audit_log WHERE action = 'commitment_check_recorded' AND target = ?"_s,
                {check.checkId}),
            1);
        QVERIFY(service.list(SystemClock::instance().nowUtc())->first().recordedOutcome ==
                u"false_commitment"_s);
        // A second outcome of the same check is refused here at once.
        QCOMPARE(service.problems({check.checkId, u"confirmed"_s, QString(), u"属实"_s}).keys(),
                 QStringList{u"check"_s});
        pushThroughFaults(m_sim, c);
        const QJsonObject stats = m_sim.stats();
        QCOMPARE(stats.value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), 2); // answers were lost
        QCOMPARE(stats.value(u"check_results"_s).toInt(), 1);
        QCOMPARE(
            stats.value(u"keys_seen"_s).toObject().value(u"POST /commitment-checks/{id}/result"_s).toInt(),
            1);
        QCOMPARE(c.text(u"SELECT state FROM commitment_checks WHERE check_id = ?"_s, {check.checkId}),
                 u"false_commitment"_s);
        QCOMPARE(c.text(u"SELECT consequence FROM commitment_checks WHERE check_id = ?"_s, {check.checkId}),
                 u"revoke"_s);
        QCOMPARE(service.falseCommitments().value(), 1);

        // The case's later status comes from the cases feed.
        QVERIFY(c.run(20, false, true).success());
        QCOMPARE(c.text(u"SELECT status FROM cases WHERE local_id = ?"_s, {caseLocalId}), u"withdrawn"_s);
        QCOMPARE(c.text(u"SELECT state FROM commitment_checks WHERE check_id = ?"_s, {check.checkId}),
                 u"false_commitment"_s);
    }

private:
    Sim m_sim;
};

QTEST_GUILESS_MAIN(TestCheckSync)
#include "tst_checksync.moc"
