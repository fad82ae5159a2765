// bench_sync: push of 10,000 queued cases and pull of a 10,000-item catalog against the simulator on
// loopback (faults off), side by side with a plain client posting the same bodies (fresh local ids and keys)
// to the same simulator in the same run: a keep-alive QNetworkAccessManager with as many requests in flight
// as the pusher (SyncConfig::maxInFlight, sync-rules.md rule 8), no database at all. The plain client runs
// once before and once after the pusher (the simulator's database grows as it takes cases), and the pusher is
// compared with their mean. Wall-clock rates and this process's CPU time per case; client peak RSS.
// Run: build/tests/bench/bench_sync [--cases N] [--items N] [--sim PATH]
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/syncengine.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <sys/resource.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

sync::SyncSummary runEngine(storage::Database &db, const sync::SyncConfig &config, bool push, bool pull) {
    sync::SyncEngine engine(db, SystemClock::instance(), config);
    sync::SyncSummary out;
    QEventLoop loop;
    QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](const sync::SyncSummary &s) {
        out = s;
        loop.quit();
    });
    sync::SyncRunOptions o;
    o.username = u"clerk"_s;
    o.password = u"Clerk@2026"_s;
    o.maxSeconds = 600;
    o.push = push;
    o.pull = pull;
    engine.start(o);
    loop.exec();
    return out;
}

// The plain client: POST each body with a fresh key, `inFlight` at a time, nothing else.
double plainPost(const QString &base, const QByteArray &token, const QList<QByteArray> &bodies, int inFlight,
                 int *failures, double *cpuPerCase) {
    QNetworkAccessManager nam;
    int next = 0, done = 0;
    *failures = 0;
    QEventLoop loop;
    QElapsedTimer t;
    const double cpu0 = cpuSeconds();
    t.start();
    std::function<void()> sendOne = [&] {
        if (next >= bodies.size())
            return;
        QNetworkRequest rq(QUrl(base + u"/api/v1/cases"_s));
        rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        rq.setRawHeader("Authorization", "Bearer " + token);
        rq.setRawHeader("Idempotency-Key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        rq.setRawHeader("X-Request-Id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        QNetworkReply *r = nam.post(rq, bodies.at(next++));
        QObject::connect(r, &QNetworkReply::finished, &loop, [&, r] {
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201)
                ++*failures;
            r->deleteLater();
            if (++done == bodies.size())
                loop.quit();
            else
                sendOne();
        });
    };
    for (int i = 0; i < inFlight; ++i)
        sendOne();
    loop.exec();
    *cpuPerCase = (cpuSeconds() - cpu0) / bodies.size();
    return bodies.size() / (t.elapsed() / 1000.0);
}

QByteArray loginToken(const QString &base) {
    QNetworkAccessManager nam;
    QNetworkRequest lr(QUrl(base + u"/api/v1/auth/login"_s));
    lr.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *login =
        nam.post(lr, R"({"username":"clerk","password":"Clerk@2026","device_id":"bench"})");
    QEventLoop wait;
    QObject::connect(login, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    wait.exec();
    login->deleteLater();
    return QJsonDocument::fromJson(login->readAll()).object().value(u"access_token"_s).toString().toLatin1();
}

// The same bodies under fresh local ids: the platform takes each as a new case.
QList<QByteArray> freshBodies(const QList<QByteArray> &bodies) {
    QList<QByteArray> out;
    for (const QByteArray &b : bodies) {
        QJsonObject o = QJsonDocument::fromJson(b).object();
        o.insert(u"local_id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        out.append(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    return out;
}
} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    cases::registerSyncAppliers();
    int cases = 10000, items = 10000;
    QString simPath =
        QDir(QCoreApplication::applicationDirPath()).filePath(u"../platform-sim/windowdesk-platform-sim"_s);
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--cases")
            cases = args[i + 1].toInt();
        else if (args[i] == u"--items")
            items = args[i + 1].toInt();
        else if (args[i] == u"--sim")
            simPath = args[i + 1];
    }
    QTemporaryDir dir;
    QProcess sim;
    sim.setStandardErrorFile(QProcess::nullDevice());
    sim.start(simPath,
              {u"--port"_s, u"0"_s, u"--tickets-s"_s, u"0"_s, u"--catalog-size"_s, QString::number(items),
               u"--no-demo-catalog"_s, u"--data"_s, dir.filePath(u"sim.db"_s)});
    if (!sim.waitForStarted(10000) || !sim.waitForReadyRead(120000)) {
        std::fprintf(stderr, "cannot start the simulator at %s\n", qPrintable(simPath));
        return 1;
    }
    const QByteArray line = sim.readLine().trimmed();
    const QString base = u"http://127.0.0.1:%1"_s.arg(QString::fromLatin1(line.mid(10)));

    auto opened = storage::Database::open(dir.filePath(u"client.db"_s));
    if (!opened.ok())
        return 1;
    auto db = std::move(opened).value();
    (void)storage::SettingsRepository(*db, SystemClock::instance())
        .apply({u"bench"_s, true}, {{QString::fromLatin1(storage::settingkey::platformUrl), base},
                                    {QString::fromLatin1(storage::settingkey::syncPageLimit), u"2000"_s}});
    const sync::SyncConfig config = sync::loadSyncConfig(*db).value();

    QElapsedTimer t;
    t.start();
    const auto pulled = runEngine(*db, config, false, true);
    const double pullS = t.elapsed() / 1000.0;
    std::printf("pull: %d items, %d bundles in %.2f s (all streams, pages of 2000)\n", pulled.items,
                pulled.bundles, pullS);

    t.restart();
    cases::SeedOptions so;
    so.count = cases;
    auto seeded = cases::DemoCaseSeeder(*db, SystemClock::instance()).seed(so);
    if (!seeded.ok())
        return 1;
    std::printf("seed: %d cases queued in %.2f s\n", seeded->cases, t.elapsed() / 1000.0);
    QList<QByteArray> bodies;
    auto q = db->query(u"SELECT payload FROM outbox WHERE state = 'pending' ORDER BY seq"_s);
    while (q.ok() && q->next())
        bodies.append(q->value(0).toString().toUtf8());

    const QByteArray token = loginToken(base);
    int failures = 0, failuresAfter = 0;
    double plainCpu = 0, plainCpuAfter = 0;
    const double plainBefore =
        plainPost(base, token, freshBodies(bodies), config.maxInFlight, &failures, &plainCpu);

    t.restart();
    const double cpu0 = cpuSeconds();
    const auto pushed = runEngine(*db, config, true, false);
    const double pushS = t.elapsed() / 1000.0;
    const double pushCpu = (cpuSeconds() - cpu0) / qMax(1, pushed.pushed);
    const double pushRate = pushed.pushed / pushS;
    const long rss = peakRssMb();

    const double plainAfter =
        plainPost(base, token, freshBodies(bodies), config.maxInFlight, &failuresAfter, &plainCpuAfter);
    const double plainRate = (plainBefore + plainAfter) / 2;
    std::printf("push: %d cases in %.2f s (pending %d, needs attention %d)\n", pushed.pushed, pushS,
                pushed.pending, pushed.needsAttention);
    std::printf("side by side, %d in flight each:\n", config.maxInFlight);
    std::printf("  pusher        %6.0f cases/s  %5.0f us CPU/case\n", pushRate, pushCpu * 1e6);
    std::printf("  plain client  %6.0f cases/s  %5.0f us CPU/case  (%.0f before, %.0f after; %d not 201)\n",
                plainRate, (plainCpu + plainCpuAfter) / 2 * 1e6, plainBefore, plainAfter,
                failures + failuresAfter);
    std::printf(
        "plain / pusher = %.2f (target <= 1.5): %s; push >= 100/s: %s, pull < 5 s: %s, peak RSS %ld MB "
        "(target < 150): %s\n",
        plainRate / pushRate, plainRate / pushRate <= 1.5 ? "yes" : "NO", pushRate >= 100 ? "yes" : "NO",
        pullS < 5 ? "yes" : "NO", rss, rss < 150 ? "yes" : "NO");
    sim.terminate();
    sim.waitForFinished(10000);
    return 0;
}
