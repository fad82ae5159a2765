// Period report and live queue benchmark (issue 14): a year of a big hall's ticket events (default 500,000:
// about 400 tickets a working day, issued → called → started → done, some no-shows and holds, 16 windows),
// then the month report as the 报表 tab and `windowdeskctl report` compute it (reports::PeriodReportEngine,
// with the charts' shape), the year report, the queue export of a month as CSV and XLSX (reports::Exporter),
// and the live board's re-read of a busy day (reports::LiveQueueMonitor::poll after a new event); median of
// several runs, the CPU time beside the wall time (the build machine is shared). Cases are not generated: the
// report's case and rating part is one indexed GROUP BY each (see bench_board for a million cases).
// Run: cmake -DWINDOWDESK_BUILD_BENCH=ON … && cmake --build build --target bench_reports &&
//      build/tests/bench/bench_reports [EVENTS]
// Targets (issue 14): a month report ≤ 300 ms median, a year ≤ 1 s.
#include <windowdesk/core/clock.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/reports/livequeue.h>
#include <windowdesk/reports/periodreport.h>
#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimeZone>
#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
QTextStream out(stdout);

double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

const QStringList kCategories = {u"综合受理"_s, u"企业开办"_s, u"社保医保"_s, u"不动产登记"_s};
const QStringList kLetters = {u"A"_s, u"B"_s, u"C"_s, u"D"_s};

// Ticket events of 2025-12-01 .. 2026-11-30, working days, `events` in all (about 5 per ticket).
qint64 generate(storage::Database &db, qint64 events) {
    QRandomGenerator rng(20261205);
    const QTimeZone cst(8 * 3600);
    QList<QDate> days;
    for (QDate d(2025, 12, 1); d < QDate(2026, 12, 1); d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days.append(d);
    const qint64 perDay = std::max<qint64>(1, events / 5 / days.size());
    qint64 written = 0;
    auto st = db.write([&]() -> Status {
        for (const QDate &d : days) {
            QHash<QString, int> numbers;
            for (qint64 i = 0; i < perDay; ++i) {
                const int c = int(rng.bounded(4));
                const QString no =
                    u"%1%2"_s.arg(kLetters.at(c)).arg(++numbers[kLetters.at(c)], 3, 10, QLatin1Char('0'));
                const QString window =
                    u"%1%2"_s.arg(kLetters.at(c)).arg(1 + rng.bounded(4), 2, 10, QLatin1Char('0'));
                const QString clerk = u"u-"_s + window;
                const qint64 issued =
                    QDateTime(d, QTime(8, 30), cst).toSecsSinceEpoch() + qint64(i) * 8 * 3600 / perDay;
                QList<std::tuple<QString, qint64, QString>> ev = {{u"issued"_s, issued, QString()}};
                const qint64 called = issued + 60 + rng.bounded(1800);
                ev.append({u"called"_s, called, window});
                if (rng.bounded(20) == 0) {
                    ev.append({u"no_show"_s, called + 180, window});
                } else {
                    const qint64 started = called + 30;
                    ev.append({u"started"_s, started, window});
                    qint64 done = started + 300 + rng.bounded(900);
                    if (rng.bounded(10) == 0) {
                        ev.append({u"held"_s, started + 120, window});
                        ev.append({u"resumed"_s, started + 420, window});
                        done += 300;
                    }
                    ev.append({u"done"_s, done, window});
                }
                for (const auto &[type, at, w] : ev) {
                    const QDateTime t = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc());
                    auto q = db.query(
                        u"INSERT INTO ticket_events (event_id, ticket_no, category, type, window_no, "
                        u"clerk_id, to_category, at, at_s, source) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, "
                        u"'platform')"_s,
                        {u"e%1"_s.arg(written), no, kCategories.at(c), type,
                         w.isEmpty() ? QVariant() : QVariant(w), w.isEmpty() ? QVariant() : QVariant(clerk),
                         t.toString(Qt::ISODate), at});
                    if (!q.ok())
                        return q.error();
                    ++written;
                }
            }
        }
        return {};
    });
    if (!st.ok()) {
        out << "generate: " << st.error().message << Qt::endl;
        return -1;
    }
    return written;
}

template <typename F> void measure(const QString &what, int runs, F f) {
    QList<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const double c0 = cpuMs();
        f();
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << cpuMs() - c0;
    }
    out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << " median " << qRound(median(wall))
        << " ms wall, " << qRound(median(cpu)) << " ms CPU (" << runs << " runs, first "
        << qRound(wall.first()) << " ms)" << Qt::endl;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? QString::fromLatin1(argv[1]).toLongLong() : 500000;
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"bench.db"_s));
    if (!opened.ok()) {
        out << opened.error().message << Qt::endl;
        return 1;
    }
    storage::Database &db = *opened.value();
    QElapsedTimer t;
    t.start();
    const qint64 written = generate(db, events);
    if (written < 0)
        return 1;
    out << "generated " << written << " ticket events of a year in " << t.elapsed() << " ms" << Qt::endl;

    reports::PeriodReportEngine engine(db);
    qint64 tickets = 0;
    measure(u"month report (2026-03, by window, + shape)"_s, 7, [&] {
        reports::PeriodShape shape;
        auto r =
            engine.compute(QDate(2026, 3, 1), QDate(2026, 4, 1), reports::ReportGrouping::Window, &shape);
        tickets = r.ok() ? r->total.arrived : -1;
    });
    out << "  tickets in the month: " << tickets << Qt::endl;
    measure(u"month report (2026-03, by hour)"_s, 7, [&] {
        (void)engine.compute(QDate(2026, 3, 1), QDate(2026, 4, 1), reports::ReportGrouping::Hour);
    });
    measure(u"year report (2025-12 .. 2026-11, by window)"_s, 3, [&] {
        auto r = engine.compute(QDate(2025, 12, 1), QDate(2026, 12, 1), reports::ReportGrouping::Window);
        tickets = r.ok() ? r->total.arrived : -1;
    });
    out << "  tickets in the year: " << tickets << Qt::endl;
    FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(10, 0), QTimeZone::utc()));
    reports::Exporter exporter(db, clock);
    qint64 rows = 0;
    measure(u"queue export of the month, CSV"_s, 3, [&] {
        auto table = exporter.table(reports::ExportKind::Queue, QDate(2026, 3, 1), QDate(2026, 4, 1), false);
        rows = table.ok() ? table->rows.size() : -1;
        QFile f(dir.filePath(u"q.csv"_s));
        if (table.ok() && f.open(QIODevice::WriteOnly))
            f.write(reports::toCsv(table.value()));
    });
    out << "  rows: " << rows << Qt::endl;
    measure(u"queue export of the month, XLSX"_s, 3, [&] {
        auto table = exporter.table(reports::ExportKind::Queue, QDate(2026, 3, 1), QDate(2026, 4, 1), false);
        if (table.ok())
            (void)reports::writeXlsx(table.value(), dir.filePath(u"q.xlsx"_s));
    });
    // The live board on a busy day: the timer's poll with nothing new, and the re-read after a new event.
    reports::LiveQueueMonitor monitor(db);
    const qint64 now = QDateTime(QDate(2026, 11, 30), QTime(15, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
    (void)monitor.poll(now);
    out << "  tickets on the busy day: " << monitor.snapshot(now).arrivedToday << Qt::endl;
    measure(u"live board: poll, nothing new"_s, 21, [&] { (void)monitor.poll(now); });
    int extra = 0;
    measure(u"live board: poll after a new event (re-read)"_s, 21, [&] {
        (void)db.query(
            u"INSERT INTO ticket_events (event_id, ticket_no, category, type, at, at_s) VALUES (?, 'Z001', "
            u"'综合受理', 'issued', ?, ?)"_s,
            {u"x%1"_s.arg(++extra),
             QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()).toString(Qt::ISODate), now});
        (void)monitor.poll(now);
    });
    measure(u"live board: snapshot (the 1 s redraw)"_s, 21, [&] { (void)monitor.snapshot(now); });
    return 0;
}
