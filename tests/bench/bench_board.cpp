// Supervision board benchmark (issue 13): a hall database of 1,000,000 cases (3 years of a big hall's
// traffic, about 20,000 unfinished), then the board as the supervision page and `windowdeskctl board` open it
// (calendars + K + cases::OverdueBoard::compute), a refresh after a pulled page of 500 changes
// (cases::OverdueBoard::refresh), and one window's case list; median of 9 runs each, the cold first run
// printed apart. The query plans are printed. Run: cmake --build build --target bench_board &&
// build/tests/bench/bench_board [CASES] [--db FILE] (with --db the generated database is kept and reused by
// the next run). Targets: board open <= 200 ms median, refresh <= 50 ms, one window's list <= 50 ms.
//
// The rows are written here in one transaction per 50,000 cases, in the shape DemoCaseSeeder/HallSeeder give
// them (case, first item, 'created' event, suspensions): the seeders' one transaction per case (as at the
// window) would take hours for a million.
#include <windowdesk/cases/overdueboard.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

QTextStream out(stdout);

// CPU time of this process (user + system), in ms: on a loaded machine the wall time shows the wait for a
// core too, so both are printed.
double cpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

const QStringList kWindows = {u"A01"_s, u"A02"_s, u"A03"_s, u"A04"_s, u"A05"_s, u"A06"_s, u"A07"_s, u"A08"_s,
                              u"B01"_s, u"B02"_s, u"B03"_s, u"B04"_s, u"C01"_s, u"C02"_s, u"C03"_s, u"C04"_s};

bool generate(storage::Database &db, const Clock &clock, int count) {
    if (!storage::DemoHall::load(db, clock).ok())
        return false;
    QList<std::tuple<QString, int, int, int>> items;
    auto q =
        db.query(u"SELECT code, version, promised_time_limit_days, legal_time_limit_days FROM service_items "
                 u"WHERE is_current = 1"_s);
    if (!q.ok())
        return false;
    while (q->next())
        items.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(), q->value(3).toInt()});
    QRandomGenerator rng(13);
    const QDateTime now = clock.nowUtc();
    const qint64 span = 3LL * 365 * 86400;
    QElapsedTimer t;
    t.start();
    constexpr int kBatch = 50000;
    for (int start = 0; start < count; start += kBatch) {
        const Status st = db.write([&]() -> Status {
            for (int i = start; i < std::min(count, start + kBatch); ++i) {
                // Uniform over 3 years; the unfinished ~2 % are the recent ones (and a few stuck older ones).
                const qint64 ago = qint64(rng.bounded(double(span)));
                QDateTime created = now.addSecs(-ago);
                const bool recent = ago < 40LL * 86400;
                const bool open = recent ? rng.bounded(100) < 60 : rng.bounded(10000) < 5;
                if (open && !recent && created.date().year() < 2025)
                    created = now.addSecs(-qint64(rng.bounded(300.0 * 86400)));
                const auto &[code, version, promised, legal] = items.at(int(rng.bounded(items.size())));
                const QString status = open ? (rng.bounded(10) < 7 ? u"in_progress"_s
                                               : rng.bounded(3)    ? u"accepted"_s
                                                                   : u"suspended"_s)
                                            : (rng.bounded(10) < 9 ? u"delivered"_s : u"completed"_s);
                const QString id = u"bench-%1"_s.arg(i, 7, 10, QChar(u'0'));
                const QString createdText = created.toString(Qt::ISODate);
                const QDate acc = created.toTimeZone(Clock::chinaStandardTime()).date();
                Status s = db.exec(
                    u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, decision, "
                    u"status, clerk_id, "
                    u"window_no, created_at, accepted_date, promised_days, legal_days, updated_at) VALUES "
                    u"(?, ?, 'person', '测试', 'accepted', ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {id, u"HN%1"_s.arg(i, 10, 10, QChar(u'0')), status, u"u-%1"_s.arg(i % 64),
                     kWindows.at(i % kWindows.size()), createdText, acc.toString(Qt::ISODate), promised,
                     legal, createdText});
                if (s.ok())
                    s = db.exec(
                        u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) VALUES "
                        u"(?, 0, ?, ?)"_s,
                        {id, code, version});
                if (s.ok())
                    s = db.exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES "
                                u"(?, ?, 'created', ?)"_s,
                                {id + u"-c"_s, id, createdText});
                if (s.ok() && rng.bounded(10) == 0)
                    s = db.exec(
                        u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES (?, ?, "
                        u"?)"_s,
                        {id, acc.addDays(2).toString(Qt::ISODate),
                         status == u"suspended"_s ? QVariant()
                                                  : QVariant(acc.addDays(6).toString(Qt::ISODate))});
                if (!s.ok())
                    return s;
            }
            return {};
        });
        if (!st.ok()) {
            out << "generate: " << st.error().message << Qt::endl;
            return false;
        }
        out << "  " << std::min(count, start + kBatch) << " cases, " << t.elapsed() / 1000.0 << " s"
            << Qt::endl;
    }
    return db.exec(u"ANALYZE"_s).ok();
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int count = 1000000;
    QString path;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--db"_s && i + 1 < args.size())
            path = args.at(++i);
        else
            count = args.at(i).toInt();
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(u"bench.db"_s);
    const bool reuse = QFile::exists(path);
    SystemClock clock;
    auto db = storage::Database::open(path);
    if (!db.ok()) {
        out << "open: " << db.error().message << Qt::endl;
        return 1;
    }
    if (!reuse) {
        out << "generating " << count << " cases in " << path << Qt::endl;
        if (!generate(*db.value(), clock, count))
            return 1;
    }
    const cases::CaseRepository repo(*db.value());
    if (auto plans = repo.explainPlans(); plans.ok())
        for (const QString &p : plans.value())
            out << "plan  " << p << Qt::endl;

    auto openBoard = [&](const std::optional<QString> &window) -> cases::BoardCounts {
        auto cal = storage::CalendarRepository(*db.value(), clock).workingCalendar();
        auto settings = repo.cardSettings();
        auto b = cases::OverdueBoard::compute(repo, clock.nowUtc(), cases::BoardGrouping::Window, cal.value(),
                                              settings.value(), window);
        return b.ok() ? b->total : cases::BoardCounts{};
    };
    auto measure = [&](const char *name, const std::function<void()> &before,
                       const std::optional<QString> &window) {
        QList<double> ms, cpu;
        cases::BoardCounts c;
        for (int run = 0; run < 10; ++run) {
            if (before)
                before();
            QElapsedTimer t;
            t.start();
            const double c0 = cpuMs();
            c = openBoard(window);
            cpu.append(cpuMs() - c0);
            ms.append(t.nsecsElapsed() / 1e6);
        }
        const double cold = ms.takeFirst();
        cpu.removeFirst();
        out << name << ": median " << median(ms) << " ms, CPU " << median(cpu) << " ms (cold first run "
            << cold << " ms); open " << c.open << ", warning " << c.warning << ", yellow " << c.yellow
            << ", red " << c.red << ", calendar missing " << c.calendarMissing << Qt::endl;
    };
    auto total = db.value()->query(u"SELECT count(*) FROM cases"_s);
    if (total.ok() && total->next())
        out << "cases in the database: " << total->value(0).toLongLong() << Qt::endl;
    measure("board open (whole hall)", {}, std::nullopt);
    // Where the time of an opening goes: the calendar and K, then reading the unfinished cases.
    {
        QList<double> calMs, readMs;
        for (int run = 0; run < 10; ++run) {
            double c0 = cpuMs();
            auto cal = storage::CalendarRepository(*db.value(), clock).workingCalendar();
            auto settings = repo.cardSettings();
            calMs.append(cpuMs() - c0);
            c0 = cpuMs();
            auto open = repo.openCases(clock.nowUtc());
            readMs.append(cpuMs() - c0);
        }
        calMs.removeFirst();
        readMs.removeFirst();
        out << "  of which (CPU medians): calendar + K " << median(calMs) << " ms, reading the open cases "
            << median(readMs) << " ms" << Qt::endl;
    }
    // A pulled page: 500 cases change status in one transaction, then the open board is brought up to date
    // (OverdueBoard::refresh: only the changed cases are read again), as the page does after each pull.
    {
        auto cal = storage::CalendarRepository(*db.value(), clock).workingCalendar();
        auto settings = repo.cardSettings();
        auto board = cases::OverdueBoard::compute(repo, clock.nowUtc(), cases::BoardGrouping::Window,
                                                  cal.value(), settings.value());
        QList<double> ms, cpu;
        for (int page = 0; page < 10; ++page) {
            QStringList changed;
            const Status s = db.value()->write([&]() -> Status {
                for (int i = 0; i < 500; ++i) {
                    const QString id = u"bench-%1"_s.arg((page * 500 + i) * 37 % count, 7, 10, QChar(u'0'));
                    changed << id;
                    const Status st = db.value()->exec(
                        u"UPDATE cases SET status = CASE status WHEN 'in_progress' THEN 'accepted' WHEN "
                        u"'accepted' THEN 'delivered' ELSE status END, remote_version = remote_version + 1 "
                        u"WHERE local_id = ?"_s,
                        {id});
                    if (!st.ok())
                        return st;
                }
                return {};
            });
            if (!s.ok())
                return 1;
            QElapsedTimer t;
            t.start();
            const double c0 = cpuMs();
            const Status r = cases::OverdueBoard::refresh(board.value(), repo, clock.nowUtc(), changed,
                                                          cal.value(), settings.value());
            cpu.append(cpuMs() - c0);
            ms.append(t.nsecsElapsed() / 1e6);
            if (!r.ok())
                return 1;
        }
        const double cold = ms.takeFirst();
        cpu.removeFirst();
        out << "board refresh after a pulled page of 500 changes: median " << median(ms) << " ms, CPU "
            << median(cpu) << " ms (cold first run " << cold << " ms); open " << board->total.open
            << Qt::endl;
    }
    measure("one window's case list (A07)", {}, u"A07"_s);
    return 0;
}
