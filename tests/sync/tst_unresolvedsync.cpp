// 办不成事 反映窗口 (issue 16) without widgets, against the simulator process: every field refused with its
// own message and nothing written; a request recorded here reaches the platform exactly once through dropped
// answers (one key, one record), comes back with the platform's number and reply date, and follows
// the back office (open → routed → resolved → closed) through GET /unresolved-requests/changes; overdue is
// flagged only while it waits for its reply; the audit row holds the phone masked; the reply limit is the
// hall's setting; a 1.0 platform leaves it local (`unsupported`, 平台暂不支持) and is never asked.
#include "synctestsupport.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/cases/unresolvedrequests.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
const cases::WindowContext kWindow{u"u-1001"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};

cases::UnresolvedInput goodInput() {
    cases::UnresolvedInput in;
    in.category = u"cross_department"_s;
    in.description = u"老人异地就医备案需医保和民政两个部门的证明，窗口无法一次办结"_s;
    in.applicantName = u"刘建国"_s;
    in.applicantPhone = u"139 0731 2288"_s;
    in.routedTo = u"区医疗保障局"_s;
    return in;
}

QString outboxState(const Client &c, const QString &localId) {
    return c.text(u"SELECT state FROM outbox WHERE local_id = ? AND kind = 'unresolved_request'"_s,
                  {localId});
}
} // namespace

class TestUnresolvedSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_sim.start({u"--catalog-size"_s, u"5"_s})); }

    void everyFieldRefusedWithItsMessage_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problemKey");
        QTest::addRow("no category") << u"category"_s << QString() << u"category"_s;
        QTest::addRow("unknown category") << u"category"_s << u"too_hard"_s << u"category"_s;
        QTest::addRow("no description") << u"description"_s << u"   "_s << u"description"_s;
        QTest::addRow("description too long") << u"description"_s << QString(501, u'办') << u"description"_s;
        QTest::addRow("no name") << u"name"_s << QString() << u"applicant.name"_s;
        QTest::addRow("no phone") << u"phone"_s << QString() << u"applicant.phone"_s;
        QTest::addRow("short phone") << u"phone"_s << u"1390731"_s << u"applicant.phone"_s;
        QTest::addRow("landline prefix") << u"phone"_s << u"07318888888"_s << u"applicant.phone"_s;
        QTest::addRow("unknown department") << u"routed"_s << u"区宇宙管理局"_s << u"routed_to"_s;
    }
    void everyFieldRefusedWithItsMessage() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, problemKey);
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(storage::DemoHall::load(*c.db, SystemClock::instance()).ok());
        cases::UnresolvedInput in = goodInput();
        if (field == u"category")
            in.category = value;
        else if (field == u"description")
            in.description = value;
        else if (field == u"name")
            in.applicantName = value;
        else if (field == u"phone")
            in.applicantPhone = value;
        else
            in.routedTo = value;
        cases::UnresolvedRequestService service(*c.db, SystemClock::instance(), nullptr, kWindow);
        const cases::FieldProblems p = service.problems(in);
        QCOMPARE(p.keys(), QStringList{problemKey});
        QVERIFY(!p.value(problemKey).isEmpty());
        auto r = service.record(in);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"invalid_argument"_s);
        QCOMPARE(r.error().message, p.value(problemKey));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM unresolved_requests"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox"_s), 0);
        // The good input has no problem at all (the phone's spaces are the citizen's way of saying it).
        QVERIFY(service.problems(goodInput()).isEmpty());
    }

    void recordedOnceAndFollowedToItsEnd() {
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(c.run(30, false, true).items > 0); // catalog (its departments) and calendars
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        cases::UnresolvedRequestService service(*c.db, SystemClock::instance(), &audit, kWindow);
        QCOMPARE(service.replyDays(), 5);
        auto id = service.record(goodInput());
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().message));
        const QString localId = id.value();
        QCOMPARE(c.scalar(u"SELECT count(*) FROM unresolved_requests WHERE local_id = ?"_s, {localId}), 1);
        QCOMPARE(outboxState(c, localId), u"pending"_s);
        // Our reply date: 5 working days after today (CST).
        auto calendar = storage::CalendarRepository(*c.db).workingCalendar();
        QVERIFY(calendar.ok());
        const QDate today = SystemClock::instance().todayCst();
        const QDate due = core::dueDate(today, 5, calendar.value())->date;
        QCOMPARE(c.text(u"SELECT reply_due FROM unresolved_requests WHERE local_id = ?"_s, {localId}),
                 due.toString(Qt::ISODate));
        // The audit row says who recorded it, never the full phone.
        const QString auditText = c.text(
            u"SELECT group_concat(details_json, ' ') FROM audit_log WHERE action = 'unresolved_request_recorded'"_s);
        QVERIFY2(auditText.contains(u"139****2288"_s), qPrintable(auditText));
        QVERIFY(!auditText.contains(u"13907312288"_s));

        // Through dropped answers (the second request's for certain, then three in ten): one record, one key.
        QVERIFY(m_sim.setFaults(u"fail-nth=2,drop-after-commit=0.3"_s));
        for (int round = 0; round < 10 && outboxState(c, localId) != u"done"_s; ++round)
            c.run(20, true, false);
        QVERIFY(m_sim.setFaults(QString()));
        QCOMPARE(outboxState(c, localId), u"done"_s);
        const QJsonObject stats = m_sim.stats();
        QCOMPARE(stats.value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), 1); // an answer was lost
        QCOMPARE(stats.value(u"unresolved_requests"_s).toInt(), 1);
        QCOMPARE(stats.value(u"keys_seen"_s).toObject().value(u"POST /unresolved-requests"_s).toInt(), 1);
        const QString requestNo =
            c.text(u"SELECT request_no FROM unresolved_requests WHERE local_id = ?"_s, {localId});
        QVERIFY(requestNo.startsWith(u"BBCS"_s));
        auto rows = service.list(SystemClock::instance().nowUtc());
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().state, u"open"_s);
        QVERIFY(!rows->first().overdue);
        QCOMPARE(rows->first().syncState, u"done"_s);

        // The back office routes it; it is overdue only while it waits after its reply date.
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        QVERIFY(c.run(20, false, true).success());
        rows = service.list(SystemClock::instance().nowUtc());
        QCOMPARE(rows->first().state, u"routed"_s);
        const QDateTime afterDue(due.addDays(1), QTime(9, 0), Clock::chinaStandardTime());
        QVERIFY(service.list(afterDue)->first().overdue);
        QVERIFY(!service.list(QDateTime(due, QTime(17, 0), Clock::chinaStandardTime()))->first().overdue);
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        QCOMPARE(m_sim.http("POST", u"/sim/backoffice/step"_s, "{}").status, 200);
        QVERIFY(c.run(20, false, true).success());
        rows = service.list(afterDue);
        QCOMPARE(rows->first().state, u"closed"_s);
        QVERIFY(!rows->first().overdue);
        QVERIFY(c.text(u"SELECT actions_json FROM unresolved_requests WHERE local_id = ?"_s, {localId})
                    .contains(u"resolved"_s));
        // Pulled again from the start: nothing doubles, nothing goes back.
        QVERIFY(c.db->exec(u"DELETE FROM sync_cursors WHERE stream = 'unresolved_requests'"_s).ok());
        QVERIFY(c.run(20, false, true).success());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM unresolved_requests"_s), 1);
        QCOMPARE(service.list(afterDue)->first().state, u"closed"_s);
        QCOMPARE(m_sim.stats().value(u"unresolved_requests"_s).toInt(), 1);
    }

    // The reply limit is the hall's setting, changed through the audited settings path.
    void replyLimitIsTheHallsSetting() {
        Client c;
        QVERIFY(c.open(m_sim));
        QVERIFY(storage::DemoHall::load(*c.db, SystemClock::instance()).ok());
        storage::AuditLog audit(*c.db, SystemClock::instance(), nullptr);
        const Status set = storage::SettingsRepository(*c.db, SystemClock::instance(), &audit)
                               .apply({u"hall-it"_s, true}, {{u"duties.unresolved_reply_days"_s, u"10"_s}});
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'settings_changed' AND target = "
                          u"'duties.unresolved_reply_days'"_s),
                 1);
        cases::UnresolvedRequestService service(*c.db, SystemClock::instance(), nullptr, kWindow);
        QCOMPARE(service.replyDays(), 10);
        auto calendar = storage::CalendarRepository(*c.db).workingCalendar();
        const QDateTime created(QDate(2026, 9, 30), QTime(10, 0), Clock::chinaStandardTime());
        // National Day: 10 working days after 2026-09-30 skip the holiday week.
        QCOMPARE(service.replyDue(created).value(),
                 core::dueDate(QDate(2026, 9, 30), 10, calendar.value())->date);
        QVERIFY(service.replyDue(created).value() > QDate(2026, 10, 14));
        QVERIFY(!storage::SettingsRepository(*c.db, SystemClock::instance(), &audit)
                     .apply({u"hall-it"_s, true}, {{u"duties.unresolved_reply_days"_s, u"0"_s}})
                     .ok());
    }

    void platform10KeepsTheRequestLocal() {
        Sim sim;
        QVERIFY(sim.start({u"--api-version"_s, u"1.0"_s, u"--catalog-size"_s, u"5"_s}));
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(c.run(30, false, true).items > 0);
        cases::UnresolvedRequestService service(*c.db, SystemClock::instance(), nullptr, kWindow);
        auto id = service.record(goodInput());
        QVERIFY(id.ok());
        for (int run = 0; run < 2; ++run) {
            const sync::SyncSummary s = c.run(20);
            QVERIFY2(s.success(), qPrintable(summaryText(s)));
            QCOMPARE(s.unsupported, 1);
            QVERIFY(
                s.toJson().value(u"notices"_s).toArray().first().toString().startsWith(u"平台暂不支持"_s));
        }
        QCOMPARE(outboxState(c, id.value()), u"unsupported"_s);
        QCOMPARE(service.list(SystemClock::instance().nowUtc())->first().syncState, u"unsupported"_s);
        QCOMPARE(cases::platformApiSupport(*c.db, SystemClock::instance()),
                 cases::PlatformApiSupport::Unsupported);
        const QJsonObject requests = sim.stats().value(u"requests"_s).toObject();
        for (auto it = requests.begin(); it != requests.end(); ++it)
            QVERIFY2(!it.key().contains(u"unresolved"_s), qPrintable(it.key()));
    }

private:
    Sim m_sim;
};

QTEST_GUILESS_MAIN(TestUnresolvedSync)
#include "tst_unresolvedsync.moc"
