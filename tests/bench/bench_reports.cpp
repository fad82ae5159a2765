// Period report and live queue benchmark (issue 14): a year of a big hall's ticket events (default 500,000:
// about 400 tickets a working day, issued → called → started → done, some no-shows and holds, 16 windows),
// then the month report as the 报表 tab and `windowdeskctl report` compute it (reports::PeriodReportEngine,
// with the charts' shape), the year report, the queue export of a month as CSV and XLSX (reports::Exporter),
// and the live board's re-read of a busy day (reports::LiveQueueMonitor::poll after a new event); median of
// several runs, the CPU time beside the wall time (the build machine is shared). Cases are not generated: the
// report's case and rating part is one indexed GROUP BY each (see bench_board for a million cases).
// Run: cmake -DWINDOWDESK_BUILD_BENCH=ON … && cmake --build build --target bench_reports &&
//      build/tests/bench/bench_reports [EVENTS] [--db FILE] (with --db the generated events are kept and
//      reused)
// Targets (issue 14): a month report ≤ 300 ms median, a year ≤ 1 s.
#include "benchseed.h"

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

using bench::cpuMs;
using bench::median;

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
        << qRound(wall.first()) << " ms), load " << bench::loadAverage() << Qt::endl;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    qint64 events = 500000;
    QString path;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--db") == 0 && i + 1 < argc)
            path = QString::fromLocal8Bit(argv[++i]);
        else
            events = QString::fromLatin1(argv[i]).toLongLong();
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(u"bench.db"_s);
    const bool reuse = QFile::exists(path);
    auto opened = storage::Database::open(path);
    if (!opened.ok()) {
        out << opened.error().message << Qt::endl;
        return 1;
    }
    storage::Database &db = *opened.value();
    if (!reuse) {
        QElapsedTimer t;
        t.start();
        const qint64 written = bench::generateTicketEvents(db, events, out);
        if (written < 0)
            return 1;
        out << "generated " << written << " ticket events of a year in " << t.elapsed() << " ms" << Qt::endl;
    }
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
            {u"x%1-%2"_s.arg(QDateTime::currentMSecsSinceEpoch()).arg(++extra),
             QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()).toString(Qt::ISODate), now});
        (void)monitor.poll(now);
    });
    measure(u"live board: snapshot (the 1 s redraw)"_s, 21, [&] { (void)monitor.snapshot(now); });
    return 0;
}
