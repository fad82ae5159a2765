// Fail the n-th request (dropped after the platform committed it) and, separately, the n-th database write,
// for every n of a fixed scenario: 10 cases, 2 case events, 1 evaluation, one page per pull stream. After a
// second sync the platform holds exactly what the clean run left, nothing lost or doubled.
#include "synctestsupport.h"

#include <windowdesk/storage/outboxrepository.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
struct PlatformState {
    int cases = 0, events = 0, evaluations = 0;
    bool operator==(const PlatformState &o) const {
        return cases == o.cases && events == o.events && evaluations == o.evaluations;
    }
};
} // namespace

class TstFailNth : public QObject {
    Q_OBJECT
private:
    QTemporaryDir logDir;

    // Fresh simulator and client; catalog pulled; the scenario's writes queued.
    bool setUp(Sim &sim, Client &c) {
        if (!sim.start({u"--catalog-size"_s, u"30"_s, u"--no-demo-catalog"_s}, logDir.filePath(u"sim.log"_s)))
            return false;
        if (!c.open(sim, 20, 200, 3000))
            return false;
        if (!c.run(30, false, true).success())
            return false;
        if (c.seed(10) != 10)
            return false;
        // Two events on accepted cases and one evaluation of a case, each waiting for its parent.
        auto q = c.db->query(
            u"SELECT local_id FROM cases WHERE decision = 'accepted' ORDER BY created_at LIMIT 3"_s);
        QStringList ids;
        while (q.ok() && q->next())
            ids.append(q->value(0).toString());
        if (ids.size() < 3)
            return false;
        storage::OutboxRepository outbox(*c.db, SystemClock::instance());
        const QString at = u"2026-03-06T02:00:00Z"_s;
        for (int i = 0; i < 2; ++i) {
            const Status s = c.db->write([&]() -> Status {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                if (auto s = c.db->exec(
                        u"INSERT INTO case_events (event_id, case_local_id, type, at, by_user) VALUES "
                        u"(?, ?, 'suspended', ?, 'u-1001')"_s,
                        {id, ids.at(i), at});
                    !s.ok())
                    return s;
                auto r = outbox.enqueue(
                    {u"case_event"_s, id, ids.at(i), u"/cases/{case_no}/events"_s,
                     R"({"type":"suspended","reason":"专家评审","at":"2026-03-06T02:00:00Z"})"});
                return r.ok() ? Status() : Status(r.error());
            });
            if (!s.ok())
                return false;
        }
        const Status s = c.db->write([&]() -> Status {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (auto s = c.db->exec(
                    u"INSERT INTO evaluations (local_id, case_local_id, window_no, clerk_id, level, at, "
                    u"updated_at) VALUES (?, ?, 'A07', 'u-1001', 2, ?, ?)"_s,
                    {id, ids.at(2), at, at});
                !s.ok())
                return s;
            const QByteArray body = QJsonDocument(QJsonObject{{u"local_id"_s, id},
                                                              {u"case_no"_s, QJsonValue(QJsonValue::Null)},
                                                              {u"case_local_id"_s, ids.at(2)},
                                                              {u"ticket_no"_s, QJsonValue(QJsonValue::Null)},
                                                              {u"window_no"_s, u"A07"_s},
                                                              {u"clerk_id"_s, u"u-1001"_s},
                                                              {u"level"_s, 2},
                                                              {u"reasons"_s, QJsonArray{u"等候时间长"_s}},
                                                              {u"comment"_s, u""_s},
                                                              {u"channel"_s, u"window_device"_s},
                                                              {u"at"_s, at}})
                                        .toJson(QJsonDocument::Compact);
            auto r = outbox.enqueue({u"evaluation"_s, id, ids.at(2), u"/evaluations"_s, body});
            return r.ok() ? Status() : Status(r.error());
        });
        return s.ok();
    }
    PlatformState state(const Sim &sim) {
        const QJsonObject s = sim.stats();
        return {s.value(u"cases"_s).toInt(), s.value(u"case_events_applied"_s).toInt(),
                s.value(u"evaluations"_s).toInt()};
    }
    void checkConverged(Client &c, const Sim &sim, const PlatformState &expected, const QString &what) {
        const PlatformState got = state(sim);
        QVERIFY2(got == expected, qPrintable(u"%1: cases %2/%3 events %4/%5 evaluations %6/%7"_s.arg(what)
                                                 .arg(got.cases)
                                                 .arg(expected.cases)
                                                 .arg(got.events)
                                                 .arg(expected.events)
                                                 .arg(got.evaluations)
                                                 .arg(expected.evaluations)));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE case_no IS NULL"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM evaluations WHERE evaluation_id IS NULL"_s), 0);
    }

    int m_requests = 0;
    int m_writes = 0;
    PlatformState m_clean;

private Q_SLOTS:
    void cleanRun() {
        Sim sim;
        Client c;
        QVERIFY(setUp(sim, c));
        const int before = sim.stats().value(u"requests_total"_s).toInt();
        const auto s = c.run(60);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        m_requests = sim.stats().value(u"requests_total"_s).toInt() - before;
        m_writes = s.dbWrites;
        m_clean = state(sim);
        QCOMPARE(m_clean.cases, 10);
        QCOMPARE(m_clean.events, 2);
        QCOMPARE(m_clean.evaluations, 1);
        qInfo("clean run: %d requests, %d database writes", m_requests, m_writes);
        QVERIFY(m_requests >= 13 + 6);
    }

    void failNthRequest() {
        QVERIFY(m_requests > 0);
        for (int n = 1; n <= m_requests; ++n) {
            Sim sim;
            Client c;
            QVERIFY(setUp(sim, c));
            QVERIFY(sim.setFaults(u"fail-nth=%1"_s.arg(n)));
            (void)c.run(30);
            // The fault really fired: the n-th request was committed and its answer dropped.
            QCOMPARE(sim.stats().value(u"faults"_s).toObject().value(u"fail_nth"_s).toInt(), 1);
            QVERIFY(sim.setFaults(QString()));
            const auto s = c.run(30);
            QVERIFY2(s.success(), qPrintable(u"n=%1 %2"_s.arg(n).arg(summaryText(s))));
            checkConverged(c, sim, m_clean, u"request %1"_s.arg(n));
            if (QTest::currentTestFailed())
                return;
        }
    }

    void failNthDatabaseWrite() {
        QVERIFY(m_writes > 0);
        for (int n = 1; n <= m_writes; ++n) {
            Sim sim;
            Client c;
            QVERIFY(setUp(sim, c));
            (void)c.run(30, true, true, n);
            const auto s = c.run(30);
            QVERIFY2(s.success(), qPrintable(u"n=%1 %2"_s.arg(n).arg(summaryText(s))));
            checkConverged(c, sim, m_clean, u"write %1"_s.arg(n));
            if (QTest::currentTestFailed())
                return;
        }
    }
};

QTEST_GUILESS_MAIN(TstFailNth)
#include "tst_failnth.moc"
