// Exports and the GUI's memory benchmark (issue 14, "Speed"): a big hall of 300,000 cases over three years
// (2023-12 .. 2026-11, ~100,000 a year, each with a resident's id number and phone) and a year of 500,000
// ticket events (bench_reports' year), then
//  1. the export of a year's cases (~100,000) as CSV and as XLSX through reports::exportToFile — the code
//     `windowdeskctl export cases` and the report page's Ctrl+S run, rows streamed from storage into the
//     file — median of 5 runs, wall and CPU (getrusage, user + system) and the load average beside;
//  2. the year report over this database (reports::PeriodReportEngine with the charts' shape);
//  3. in a child process (`--gui`, QT_QPA_PLATFORM=offscreen): the real 报表 tab (supervision::ReportPage)
//     shows the year, then exports its cases as CSV and as XLSX (ReportPage::exportTo, what Ctrl+S runs
//     after its file dialog; 3 runs each, wall, CPU and load), and the process's peak RSS (VmHWM of
//     /proc/self/status) is printed after each step.
// Run: cmake -DWINDOWDESK_BUILD_BENCH=ON … && cmake --build build --target bench_exports &&
//      build/tests/bench/bench_exports [--db FILE] (with --db the generated database is kept and reused).
// Targets: CSV of 100,000 cases ≤ 2 s, XLSX ≤ 5 s, year report ≤ 1 s, peak RSS of the GUI ≤ 150 MB.
#include "benchseed.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/reports/periodreport.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/supervision/reportpage.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

QTextStream out(stdout);

const QDate kYearFrom(2025, 12, 1), kYearTo(2026, 12, 1);

// Peak resident set of this process so far, in MB (VmHWM).
double peakRssMb() {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

template <typename F> void measure(const QString &what, int runs, F f) {
    QList<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const double c0 = bench::cpuMs();
        f();
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << bench::cpuMs() - c0;
    }
    out << qSetFieldWidth(44) << Qt::left << what << qSetFieldWidth(0) << " median "
        << qRound(bench::median(wall)) << " ms wall, " << qRound(bench::median(cpu)) << " ms CPU (" << runs
        << " runs, first " << qRound(wall.first()) << " ms), load " << bench::loadAverage() << Qt::endl;
}

// The GUI part, in its own process so that its peak RSS is the page's alone.
int gui(const QString &path, const QString &outDir) {
    auto db = storage::Database::open(path);
    if (!db.ok()) {
        out << "open: " << db.error().message << Qt::endl;
        return 1;
    }
    FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(10, 0), QTimeZone::utc()));
    storage::User user{u"u-super"_s, u"supervisor"_s, u"督查"_s, {u"supervisor"_s}, {}, {}, {}};
    out << "GUI (offscreen ReportPage): peak RSS at start " << qRound(peakRssMb()) << " MB" << Qt::endl;
    supervision::ReportPage page(*db.value(), clock, user);
    page.resize(1366, 700);
    page.show();
    QApplication::processEvents();
    out << "  page shown (this month)                 peak RSS " << qRound(peakRssMb()) << " MB" << Qt::endl;
    QElapsedTimer t;
    t.start();
    double c0 = bench::cpuMs();
    page.setCustomRange(kYearFrom, kYearTo);
    QApplication::processEvents();
    out << "  year report shown: " << t.elapsed() << " ms wall, " << qRound(bench::cpuMs() - c0)
        << " ms CPU, tickets " << page.report().total.arrived << "; peak RSS " << qRound(peakRssMb()) << " MB"
        << Qt::endl;
    auto *kind = page.findChild<QComboBox *>(u"reportExportKind"_s);
    if (!kind)
        return 1;
    kind->setCurrentIndex(1); // 办件 (cases)
    // Ctrl+S on the report's table, the file dialog answered with the file's name (ui::DialogFacade, as the
    // GUI tests answer it): 3 runs of each, median.
    auto *view = page.findChild<QTableView *>(u"reportView"_s);
    if (!view)
        return 1;
    QApplication::setActiveWindow(&page);
    view->setFocus();
    for (const QString &ext : {u"csv"_s, u"xlsx"_s}) {
        const QString file = outDir + u"/gui-cases."_s + ext;
        measure(u"  GUI: Ctrl+S, cases of the year as "_s + ext, 3, [&] {
            ui::DialogFacade::instance().preAnswerPath(file);
            QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
            QApplication::processEvents();
        });
        if (!QFileInfo::exists(file)) {
            out << "Ctrl+S wrote nothing" << Qt::endl;
            return 1;
        }
        out << "    " << QFileInfo(file).size() / 1024 << " KiB; peak RSS " << qRound(peakRssMb()) << " MB"
            << Qt::endl;
    }
    out << "GUI peak RSS (VmHWM) over the year report and both exports: " << qRound(peakRssMb())
        << " MB, load " << bench::loadAverage() << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    QString path;
    bool guiMode = false;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == u"--db"_s && i + 1 < argc)
            path = QString::fromLocal8Bit(argv[++i]);
        else if (a == u"--gui"_s)
            guiMode = true;
    }
    if (guiMode) {
        QApplication app(argc, argv);
        QTemporaryDir dir;
        return gui(path, dir.path());
    }
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(u"bench.db"_s);
    const bool reuse = QFile::exists(path);
    SystemClock systemClock;
    auto opened = storage::Database::open(path);
    if (!opened.ok()) {
        out << "open: " << opened.error().message << Qt::endl;
        return 1;
    }
    storage::Database &db = *opened.value();
    if (!reuse) {
        QElapsedTimer t;
        t.start();
        out << "generating 300,000 cases and 500,000 ticket events in " << path << Qt::endl;
        if (!bench::generateCases(db, systemClock, 300000, QDate(2023, 12, 1), kYearTo, out) ||
            bench::generateTicketEvents(db, 500000, out) < 0)
            return 1;
        out << "  generated in " << t.elapsed() / 1000 << " s" << Qt::endl;
    }
    FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(10, 0), QTimeZone::utc()));
    reports::Exporter exporter(db, clock);
    qint64 rows = 0;
    const QString csv = dir.filePath(u"cases.csv"_s), xlsx = dir.filePath(u"cases.xlsx"_s);
    // reports::exportToFile: the rows streamed from storage into the file, as windowdeskctl and Ctrl+S run
    // it.
    measure(u"cases of a year, CSV (streamed to the file)"_s, 5, [&] {
        auto r = reports::exportToFile(exporter, reports::ExportKind::Cases, kYearFrom, kYearTo, false,
                                       reports::ExportFormat::Csv, csv);
        rows = r.ok() ? r.value() : -1;
    });
    out << "  rows: " << rows << ", " << QFileInfo(csv).size() / 1024 << " KiB" << Qt::endl;
    measure(u"cases of a year, XLSX (streamed to the file)"_s, 5, [&] {
        (void)reports::exportToFile(exporter, reports::ExportKind::Cases, kYearFrom, kYearTo, false,
                                    reports::ExportFormat::Xlsx, xlsx);
    });
    out << "  " << QFileInfo(xlsx).size() / 1024 << " KiB" << Qt::endl;
    reports::PeriodReportEngine engine(db);
    qint64 accepted = 0;
    measure(u"year report with cases (+ shape)"_s, 5, [&] {
        reports::PeriodShape shape;
        auto r = engine.compute(kYearFrom, kYearTo, reports::ReportGrouping::Window, &shape);
        accepted = r.ok() ? r->total.accepted : -1;
    });
    out << "  cases accepted in the year: " << accepted << Qt::endl;
    out << "peak RSS of this (non-GUI) process: " << qRound(peakRssMb()) << " MB" << Qt::endl;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"--gui"_s, u"--db"_s, path});
    child.waitForFinished(-1);
    return child.exitCode();
}
