// `windowdeskctl report --json` against an independent computation (report_model.py: Python's own sqlite3
// over the same file, every time parsed from its text, written from cli.md's words) on a seeded random month
// of the demo hall — tickets with recalls, holds, transfers and no-shows, cases and evaluations — plus
// hand-made edges: a number issued again the next day, an event before any issue of its number, a `started`
// without a window, holds without their resumption, tickets and evaluations on both edges of the period, and
// window keys whose code-point order differs from UTF-16 order. Also: the local queue writes its own events,
// and bad input is refused with exit 2.
#include "ctlrun.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/cases/queueservice.h>
#include <windowdesk/cases/ticketevents.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

const QTimeZone kCst(8 * 3600);

QDateTime cst(const QString &text) {
    QDateTime t = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    t.setTimeZone(kCst);
    return t.toUTC();
}

QJsonObject model(const QString &db, const QString &from, const QString &to, const QString &by) {
    QProcess p;
    p.start(QStringLiteral(PYTHON3), {QStringLiteral(REPORTS_TEST_DIR "/report_model.py"), db, from, to, by});
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        qWarning().noquote() << p.readAllStandardError();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void compareRow(const QJsonObject &got, const QJsonObject &want, const QString &where) {
    for (const QString &f : want.keys()) {
        const QJsonValue g = got.value(f), w = want.value(f);
        const QString what = where + u" "_s + f;
        QVERIFY2(got.contains(f), qPrintable(what + u" missing"_s));
        QVERIFY2(g.isNull() == w.isNull(), qPrintable(what + u" null?"_s));
        if (w.isString())
            QCOMPARE(g.toString(), w.toString());
        else
            QVERIFY2(g.toDouble() == w.toDouble(),
                     qPrintable(what + u": %1 != %2"_s.arg(g.toDouble()).arg(w.toDouble())));
    }
    QCOMPARE(got.keys(), want.keys());
}

void ev(storage::Database &db, const QString &no, const QString &type, const QString &at,
        const QString &window = {}, const QString &clerk = {}, const QString &category = u"企业开办"_s,
        const QString &to = {}) {
    cases::TicketEvent e{QString(), no, category, type, window, clerk, to, cst(at)};
    auto r = cases::appendTicketEvent(db, e, u"platform"_s);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
}

} // namespace

class TestReportCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesIndependentComputation();
    void localQueueWritesItsEvents();
    void badInputIsRefused();

private:
    QTemporaryDir m_dir;
};

void TestReportCli::matchesIndependentComputation() {
    const QString path = m_dir.filePath(u"hall.db"_s);
    {
        auto db = storage::Database::open(path);
        QVERIFY(db.ok());
        FixedClock clock(cst(u"2026-03-31 18:00:00"_s));
        // A busy month (many tickets a day, so waits pass the target) with a fixed seed.
        auto seeded = cases::HallSeeder(*db.value(), clock).seed({300, 40, 20260331, 120});
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));
        QVERIFY(seeded->ticketEvents > 10000);
        storage::Database &d = *db.value();
        QVERIFY(storage::SettingsRepository(d, clock).setValue(u"queue.service_level_s"_s, u"600"_s).ok());
        const QString w1 = u"Ａ1"_s, w2 = u"𠀀1"_s; // U+FF21 < U+20000 by code point, not by UTF-16 unit
        // The number Z001 on two days (numbers restart): each day's events are its own ticket's.
        ev(d, u"Z001"_s, u"issued"_s, u"2026-03-10 09:00:00"_s);
        ev(d, u"Z001"_s, u"called"_s, u"2026-03-10 09:20:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"recalled"_s, u"2026-03-10 09:22:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"started"_s, u"2026-03-10 09:23:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"held"_s, u"2026-03-10 09:25:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"resumed"_s, u"2026-03-10 09:35:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"held"_s, u"2026-03-10 09:40:00"_s, w1, u"u-x"_s); // never resumed
        ev(d, u"Z001"_s, u"done"_s, u"2026-03-10 09:50:00"_s, w1, u"u-x"_s);
        ev(d, u"Z001"_s, u"issued"_s, u"2026-03-11 10:00:00"_s);
        ev(d, u"Z001"_s, u"called"_s, u"2026-03-11 10:30:01"_s, w2, u"u-y"_s);
        ev(d, u"Z001"_s, u"no_show"_s, u"2026-03-11 10:33:00"_s, w2, u"u-y"_s);
        // An event before any issue of its number: no ticket's.
        ev(d, u"Z777"_s, u"called"_s, u"2026-03-12 09:00:00"_s, w1, u"u-x"_s);
        // Started without a window: the key is the last event that has one; transferred twice.
        ev(d, u"Z002"_s, u"issued"_s, u"2026-03-12 11:00:00"_s);
        ev(d, u"Z002"_s, u"called"_s, u"2026-03-12 11:05:00"_s, w2, u"u-y"_s);
        ev(d, u"Z002"_s, u"transferred"_s, u"2026-03-12 11:06:00"_s, w2, u"u-y"_s, u"企业开办"_s,
           u"社保医保"_s);
        ev(d, u"Z002"_s, u"called"_s, u"2026-03-12 11:30:00"_s, w1, QString(), u"社保医保"_s);
        ev(d, u"Z002"_s, u"started"_s, u"2026-03-12 11:31:00"_s, QString(), QString(), u"社保医保"_s);
        ev(d, u"Z002"_s, u"transferred"_s, u"2026-03-12 11:35:00"_s, w1, QString(), u"社保医保"_s,
           u"婚姻户籍"_s);
        // Period edges: the first and last second of March, and the seconds just outside.
        ev(d, u"Z010"_s, u"issued"_s, u"2026-02-28 23:59:59"_s);
        ev(d, u"Z010"_s, u"called"_s, u"2026-03-01 00:20:00"_s, w1, u"u-x"_s);
        ev(d, u"Z011"_s, u"issued"_s, u"2026-03-01 00:00:00"_s);
        ev(d, u"Z012"_s, u"issued"_s, u"2026-03-31 23:59:59"_s);
        ev(d, u"Z012"_s, u"called"_s, u"2026-04-01 00:09:59"_s, w2, u"u-y"_s);
        ev(d, u"Z012"_s, u"started"_s, u"2026-04-01 00:10:00"_s, w2, u"u-y"_s);
        ev(d, u"Z012"_s, u"done"_s, u"2026-04-01 00:12:03"_s, w2, u"u-y"_s);
        ev(d, u"Z013"_s, u"issued"_s, u"2026-04-01 00:00:00"_s);
        QVERIFY(
            d.exec(
                 u"INSERT INTO evaluations (local_id, window_no, clerk_id, level, at, updated_at) VALUES "
                 u"('e-edge-1', 'A01', 'u-hall-a01', 1, '2026-02-28T16:00:00Z', '2026-03-01T00:00:00Z'), "
                 u"('e-edge-2', 'A01', 'u-hall-a01', 2, '2026-02-28T15:59:59Z', '2026-03-01T00:00:00Z'), "
                 u"('e-edge-3', 'A02', 'u-hall-a02', 5, '2026-03-31T15:59:59.500Z', '2026-03-01T00:00:00Z')"_s)
                .ok());
    }
    for (const auto &[from, to] :
         {std::pair{u"2026-03-01"_s, u"2026-04-01"_s}, std::pair{u"2026-03-10"_s, u"2026-03-12"_s},
          std::pair{u"2025-01-01"_s, u"2027-01-01"_s}}) {
        for (const QString &by : {u"window"_s, u"clerk"_s, u"category"_s, u"hour"_s}) {
            const QString where = from + u".."_s + to + u" by "_s + by;
            const ctltest::Run run = ctltest::ctl(
                path, {u"report"_s, u"--from"_s, from, u"--to"_s, to, u"--by"_s, by, u"--json"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(where + u": "_s + run.err));
            const QJsonObject want = model(path, from, to, by);
            QVERIFY2(!want.isEmpty(), "the model printed nothing");
            QCOMPARE(run.json.value(u"from"_s).toString(), from);
            QCOMPARE(run.json.value(u"to"_s).toString(), to);
            QCOMPARE(run.json.value(u"by"_s).toString(), by);
            compareRow(run.json.value(u"total"_s).toObject(), want.value(u"total"_s).toObject(),
                       where + u" total"_s);
            const QJsonArray got = run.json.value(u"rows"_s).toArray(),
                             rows = want.value(u"rows"_s).toArray();
            QStringList gotKeys, wantKeys;
            for (const auto &r : got)
                gotKeys << r.toObject().value(u"key"_s).toString(u"(null)"_s);
            for (const auto &r : rows)
                wantKeys << r.toObject().value(u"key"_s).toString(u"(null)"_s);
            QCOMPARE(gotKeys, wantKeys);
            for (qsizetype i = 0; i < rows.size(); ++i)
                compareRow(got.at(i).toObject(), rows.at(i).toObject(), where + u" row "_s + wantKeys.at(i));
            if (by == u"window"_s && from == u"2026-03-01"_s) {
                // The month has what the rules are about: every kind of ticket, and waits above the target.
                const QJsonObject t = run.json.value(u"total"_s).toObject();
                QVERIFY(t.value(u"no_show"_s).toInt() > 0);
                QVERIFY(t.value(u"above_service_level"_s).toInt() > 0);
                QVERIFY(t.value(u"arrived"_s).toInt() > t.value(u"served"_s).toInt());
                QVERIFY(wantKeys.indexOf(u"Ａ1"_s) < wantKeys.indexOf(u"𠀀1"_s));
            }
        }
    }
}

void TestReportCli::localQueueWritesItsEvents() {
    const QString path = m_dir.filePath(u"queue.db"_s);
    auto db = storage::Database::open(path);
    QVERIFY(db.ok());
    FixedClock clock(cst(u"2026-03-16 09:00:00"_s));
    cases::LocalQueueService queue(*db.value(), clock, u"u-demo-clerk"_s);
    auto a = queue.issueTicket(u"企业开办"_s);
    auto b = queue.issueTicket(u"企业开办"_s);
    QVERIFY(a.ok() && b.ok());
    clock.advanceSecs(700);
    auto called = queue.callNext(u"A07"_s, {u"企业开办"_s});
    QVERIFY(called.ok() && called->has_value());
    clock.advanceSecs(30);
    QVERIFY(queue.recall(a->id).ok());
    clock.advanceSecs(30);
    QVERIFY(queue.start(a->id).ok());
    clock.advanceSecs(100);
    QVERIFY(queue.hold(a->id).ok());
    clock.advanceSecs(300);
    QVERIFY(queue.resume(a->id).ok());
    clock.advanceSecs(50);
    QVERIFY(queue.done(a->id).ok());
    auto second = queue.callNext(u"A07"_s, {u"企业开办"_s});
    QVERIFY(second.ok() && second->has_value());
    clock.advanceSecs(10);
    QVERIFY(queue.transfer(b->id, u"社保医保"_s).ok());
    clock.advanceSecs(10);
    QVERIFY(queue.callNext(u"A07"_s, {u"社保医保"_s}).ok());
    clock.advanceSecs(10);
    QVERIFY(queue.noShow(b->id).ok());

    QSqlQuery q(db.value()->sql());
    QVERIFY(q.exec(u"SELECT ticket_no, category, type, COALESCE(window_no, '-'), COALESCE(clerk_id, '-'), "
                   u"COALESCE(to_category, '-'), at FROM ticket_events ORDER BY seq"_s));
    QStringList got;
    while (q.next())
        got << u"%1 %2 %3 %4 %5 %6 %7"_s.arg(
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString());
    const QStringList want = {
        u"A001 企业开办 issued - - - 2026-03-16T01:00:00Z"_s,
        u"A002 企业开办 issued - - - 2026-03-16T01:00:00Z"_s,
        u"A001 企业开办 called A07 u-demo-clerk - 2026-03-16T01:11:40Z"_s,
        u"A001 企业开办 recalled A07 u-demo-clerk - 2026-03-16T01:12:10Z"_s,
        u"A001 企业开办 started A07 u-demo-clerk - 2026-03-16T01:12:40Z"_s,
        u"A001 企业开办 held A07 u-demo-clerk - 2026-03-16T01:14:20Z"_s,
        u"A001 企业开办 resumed A07 u-demo-clerk - 2026-03-16T01:19:20Z"_s,
        u"A001 企业开办 done A07 u-demo-clerk - 2026-03-16T01:20:10Z"_s,
        u"A002 企业开办 called A07 u-demo-clerk - 2026-03-16T01:20:10Z"_s,
        u"A002 企业开办 transferred A07 u-demo-clerk 社保医保 2026-03-16T01:20:20Z"_s,
        u"A002 社保医保 called A07 u-demo-clerk - 2026-03-16T01:20:30Z"_s,
        u"A002 社保医保 no_show A07 u-demo-clerk - 2026-03-16T01:20:40Z"_s,
    };
    QCOMPARE(got, want);
    // Nothing edits or removes an event.
    QVERIFY(!db.value()->exec(u"UPDATE ticket_events SET type = 'done'"_s).ok());
    QVERIFY(!db.value()->exec(u"DELETE FROM ticket_events"_s).ok());

    // The report counts them: wait 700 s (above the default 900? no), service 100 + 50 s (the hold taken
    // out).
    const ctltest::Run run = ctltest::ctl(path, {u"report"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s,
                                                 u"2026-03-17"_s, u"--by"_s, u"category"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject total = run.json.value(u"total"_s).toObject();
    QCOMPARE(total.value(u"arrived"_s).toInt(), 2);
    QCOMPARE(total.value(u"called"_s).toInt(), 2);
    QCOMPARE(total.value(u"served"_s).toInt(), 1);
    QCOMPARE(total.value(u"no_show"_s).toInt(), 1);
    QCOMPARE(total.value(u"above_service_level"_s).toInt(), 1); // A002 waited 1210 s
    QCOMPARE(total.value(u"max_service_s"_s).toInt(), 150);
    QCOMPARE(total.value(u"avg_wait_s"_s).toDouble(), 955.0); // (700 + 1210) / 2
    const QJsonArray rows = run.json.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 2); // 企业开办 (A001) and 社保医保 (A002, where it ended)
    QCOMPARE(rows.at(0).toObject().value(u"key"_s).toString(), u"企业开办"_s);
    QCOMPARE(rows.at(1).toObject().value(u"key"_s).toString(), u"社保医保"_s);
}

void TestReportCli::badInputIsRefused() {
    const QString path = m_dir.filePath(u"bad.db"_s);
    const QList<QStringList> bad = {
        {u"report"_s, u"--from"_s, u"2026-02-30"_s, u"--to"_s, u"2026-03-01"_s},
        {u"report"_s, u"--from"_s, u"2026-03-01"_s, u"--to"_s, u"2026-03-01"_s},
        {u"report"_s, u"--from"_s, u"2026-04-01"_s, u"--to"_s, u"2026-03-01"_s},
        {u"report"_s, u"--from"_s, u"2026-3-1"_s, u"--to"_s, u"2026-04-01"_s},
        {u"report"_s, u"--from"_s, u"2026-03-01"_s},
        {u"report"_s, u"--from"_s, u"2026-03-01"_s, u"--to"_s, u"2026-04-01"_s, u"--by"_s, u"department"_s},
    };
    for (const QStringList &args : bad) {
        const ctltest::Run run = ctltest::ctl(path, args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ') + u" → %1"_s.arg(run.exitCode)));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
