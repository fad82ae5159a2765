// What sealing personal data at rest costs (issue 18 #4; storage::PersonalData, AES-256-GCM + HMAC blind
// index): per value (seal, open, blind index of an 18-character id number); opening a database of N cases
// (default 300,000) in clear and sealed, as a program start does (Database::open with its quick check, then
// the key and the look for clear values left to seal); the one-time sealing of such a database written in
// clear (the code step of migrations 0012/0014: every id number, blind index and phone); and a clerk's case
// list of 1,000 rows (CaseRepository::clerkCases, My cases) read with its values sealed against the same
// list in clear. Wall time and CPU time (getrusage) are printed with the load average: the machine is shared.
//
//   build/tests/bench/bench_personaldata [CASES] [--db FILE]
// (configure with -DWINDOWDESK_BUILD_BENCH=ON; --db keeps the generated clear database for the next run,
// which copies it before sealing.)
#include "benchseed.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/personaldata.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <functional>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
QTextStream out(stdout);

long peakRssKb() {
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

// Runs `fn` `runs` times; prints the median wall and CPU time.
void measure(const QString &what, int runs, const std::function<void()> &fn) {
    QList<double> wall, cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        const double c0 = bench::cpuMs();
        t.start();
        fn();
        wall.append(t.nsecsElapsed() / 1e6);
        cpu.append(bench::cpuMs() - c0);
    }
    out << what << ": " << QString::number(bench::median(wall), 'f', 1) << " ms wall, "
        << QString::number(bench::median(cpu), 'f', 1) << " ms CPU (median of " << runs << ", load "
        << QString::number(bench::loadAverage(), 'f', 1) << ")" << Qt::endl;
}

bool copyDatabase(const QString &from, const QString &to) {
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(to + suffix);
    return QFile::copy(from, to);
}

void perValue(const QString &dir) {
    auto opened = storage::Database::open(dir + u"/keys.db"_s);
    if (!opened.ok())
        return;
    const QByteArray secret = crypto::randomBytes(32);
    (void)storage::PersonalData::install(*opened.value(), u"bench"_s, secret);
    const storage::PersonalData pd(*opened.value());
    constexpr int kValues = 100000;
    QStringList ids;
    for (int i = 0; i < kValues; ++i)
        ids.append(u"4301041988%1X"_s.arg(i, 7, 10, QChar(u'0')));
    QList<QVariant> sealed(kValues);
    QElapsedTimer t;
    double c0 = bench::cpuMs();
    t.start();
    for (int i = 0; i < kValues; ++i)
        sealed[i] = pd.seal(ids.at(i), storage::pdcolumn::idNumber, ids.at(i));
    out << "seal an id number: " << QString::number(t.nsecsElapsed() / 1e3 / kValues, 'f', 2) << " µs wall, "
        << QString::number((bench::cpuMs() - c0) * 1e3 / kValues, 'f', 2) << " µs CPU per value (" << kValues
        << " values; stored " << sealed.first().toString().size() << " characters for 18)" << Qt::endl;
    qint64 opened18 = 0;
    c0 = bench::cpuMs();
    t.restart();
    for (int i = 0; i < kValues; ++i)
        opened18 += pd.open(sealed.at(i), storage::pdcolumn::idNumber, ids.at(i)).size() == 18 ? 1 : 0;
    out << "open an id number: " << QString::number(t.nsecsElapsed() / 1e3 / kValues, 'f', 2) << " µs wall, "
        << QString::number((bench::cpuMs() - c0) * 1e3 / kValues, 'f', 2) << " µs CPU per value (" << opened18
        << " opened)" << Qt::endl;
    c0 = bench::cpuMs();
    t.restart();
    for (int i = 0; i < kValues; ++i)
        (void)pd.blindIndex(ids.at(i));
    out << "blind index of an id number: " << QString::number(t.nsecsElapsed() / 1e3 / kValues, 'f', 2)
        << " µs wall, " << QString::number((bench::cpuMs() - c0) * 1e3 / kValues, 'f', 2)
        << " µs CPU per value" << Qt::endl;
    storage::PersonalData::forget(*opened.value());
}

// The 1,000 newest cases become one clerk's cases of `today` (My cases lists them all).
bool makeClerkList(storage::Database &db, const QDate &today) {
    return db
        .exec(u"UPDATE cases SET clerk_id = 'u-bench', accepted_date = ? WHERE local_id IN (SELECT local_id "
              u"FROM cases ORDER BY created_at DESC LIMIT 1000)"_s,
              {today.toString(Qt::ISODate)})
        .ok();
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    qint64 count = 300000;
    QString path;
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == u"--db"_s && i + 1 < argc)
            path = QString::fromLocal8Bit(argv[++i]);
        else if (a.toLongLong() > 0)
            count = a.toLongLong();
    }
    QTemporaryDir dir;
    perValue(dir.path());

    if (path.isEmpty())
        path = dir.filePath(u"clear.db"_s);
    const QDate today = QDate::currentDate();
    SystemClock clock;
    if (!QFile::exists(path)) {
        auto opened = storage::Database::open(path);
        if (!opened.ok()) {
            out << "open: " << opened.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer t;
        t.start();
        out << "generating " << count << " cases in clear in " << path << Qt::endl;
        if (!bench::generateCases(*opened.value(), clock, count, today.addYears(-3), today, out) ||
            !makeClerkList(*opened.value(), today))
            return 1;
        (void)opened.value()->exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        out << "  generated in " << t.elapsed() / 1000 << " s" << Qt::endl;
    }
    const QString sealedPath = dir.filePath(u"sealed.db"_s);
    if (!copyDatabase(path, sealedPath)) {
        out << "cannot copy " << path << Qt::endl;
        return 1;
    }
    const QByteArray secret = crypto::randomBytes(32);
    const QString keyId = QUuid::createUuid().toString(QUuid::WithoutBraces);

    // The one-time sealing of the clear database (the first start with a keychain).
    {
        const long rssBefore = peakRssKb();
        auto opened = storage::Database::open(sealedPath);
        if (!opened.ok())
            return 1;
        storage::Database &db = *opened.value();
        (void)storage::PersonalData::install(db, keyId, secret);
        qint64 sealed = 0;
        measure(u"one-time sealing of %1 cases (id number, blind index, phone; one transaction, then the "
                u"WAL truncated)"_s.arg(count),
                1, [&] {
                    auto r = storage::PersonalData::sealClearRows(db, nullptr);
                    sealed = r.ok() ? r.value() : -1;
                });
        out << "  rows sealed: " << sealed << "; file " << QFileInfo(path).size() / (1024 * 1024)
            << " MiB clear → " << QFileInfo(sealedPath).size() / (1024 * 1024) << " MiB sealed; peak RSS "
            << rssBefore / 1024 << " → " << peakRssKb() / 1024 << " MiB" << Qt::endl;
        storage::PersonalData::forget(db);
    }

    // A program's start over each: open (quick check) and the personal data's state; sealed: the key
    // installed and the look for clear values left (nothing to seal).
    measure(u"open %1 cases in clear (open + personal data state)"_s.arg(count), 5, [&] {
        auto opened = storage::Database::open(path);
        if (opened.ok())
            (void)storage::PersonalData::unlock(*opened.value(), nullptr, nullptr);
    });
    measure(u"open %1 cases sealed (open + key + look for clear values)"_s.arg(count), 5, [&] {
        auto opened = storage::Database::open(sealedPath);
        if (!opened.ok())
            return;
        (void)storage::PersonalData::install(*opened.value(), keyId, secret);
        (void)storage::PersonalData::sealClearRows(*opened.value(), nullptr);
        storage::PersonalData::forget(*opened.value());
    });

    // My cases: 1,000 rows, clear and sealed.
    for (const auto &[label, file] : {std::pair{u"clear"_s, path}, std::pair{u"sealed"_s, sealedPath}}) {
        auto opened = storage::Database::open(file);
        if (!opened.ok())
            return 1;
        if (label == u"sealed"_s)
            (void)storage::PersonalData::install(*opened.value(), keyId, secret);
        const cases::CaseRepository repo(*opened.value());
        qsizetype rows = 0;
        QString firstId;
        measure(u"My cases, 1,000 rows, %1"_s.arg(label), 9, [&] {
            auto r = repo.clerkCases(u"u-bench"_s, today);
            rows = r.ok() ? r->size() : -1;
            firstId = r.ok() && !r->isEmpty() ? r->first().idMasked : QString();
        });
        out << "  rows: " << rows << ", first id shown as " << firstId << Qt::endl;
        storage::PersonalData::forget(*opened.value());
    }
    return 0;
}
