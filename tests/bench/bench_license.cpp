// Figures for issue 6 (targets: verify < 1 ms, scan-to-shown < 30 ms offline).
//  1. median time of El1Verifier::verify for one fresh payload (in-memory replay store, and the SQLite
//     replay store of a real client database, which commits with synchronous=FULL);
//  2. scan-to-shown: synthetic key events at scanner speed through ScannerInputFilter, from the suffix
//     key to LicenseScanService::verified (SQLite replay store), median.
// Usage: bench_license [ROUNDS]   (default 300)
#include <windowdesk/core/clock.h>
#include <windowdesk/license/el1signer.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/license/scannerinputfilter.h>
#include <windowdesk/license/sm2.h>
#include <windowdesk/storage/database.h>

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QTemporaryDir>
#include <QWindow>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::license;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}
double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(double(v.size()) * p))];
}

El1Claims claimsAt(qint64 iat, int i) {
    El1Claims c;
    c.lid = u"1.2.156.3005.2.11100000000013338W001.11430100MB1A23456Q.2021090600087.001.7"_s;
    c.typ = u"11100000000013338W001"_s;
    c.tn = u"营业执照"_s;
    c.no = u"91430100MA4L0T3Q4H"_s;
    c.hn = u"湖南示例科技有限公司"_s;
    c.hid = u"914***********3Q4H"_s;
    c.iss = u"长沙市市场监督管理局"_s;
    c.isd = u"2021-09-06"_s;
    c.vu = u"长期"_s;
    c.iat = iat;
    c.exp = iat + 180;
    c.nonce = u"bench-nonce-%1"_s.arg(i, 8, 10, QChar(u'0'));
    return c;
}

void sendKey(QObject *target, QEvent::Type type, int key, const QString &text) {
    QKeyEvent e(type, key, Qt::NoModifier, text);
    QCoreApplication::sendEvent(target, &e);
}

} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(10, atoi(argv[1])) : 300;

    const sm2::KeyPair pair = sm2::generateKeyPair();
    const QJsonObject set{
        {u"keys"_s, QJsonArray{QJsonObject{{u"kid"_s, u"bench"_s},
                                           {u"alg"_s, u"SM2-SM3"_s},
                                           {u"public_key_pem"_s, QString::fromLatin1(pair.publicPem)},
                                           {u"not_before"_s, u"2026-01-01T00:00:00Z"_s},
                                           {u"not_after"_s, u"2027-12-31T23:59:59Z"_s}}}}};
    auto keys = KeySet::fromJson(QJsonDocument(set).toJson());
    auto signer = El1Signer::fromPrivateKeyPem(pair.privatePem, u"bench"_s);
    if (!keys.ok() || !signer.ok()) {
        std::fprintf(stderr, "setup failed\n");
        return 1;
    }
    const qint64 iat = 1772758800;
    FixedClock clock(QDateTime::fromSecsSinceEpoch(iat + 5, QTimeZone::utc()));
    std::vector<QByteArray> payloads;
    for (int i = 0; i < 3 * rounds; ++i)
        payloads.push_back(signer->sign(claimsAt(iat, i)));

    QTemporaryDir dir;
    auto db = storage::Database::open(dir.filePath(u"bench.db"_s));
    if (!db.ok()) {
        std::fprintf(stderr, "db: %s\n", qPrintable(db.error().message));
        return 1;
    }

    // 1a. verify, in-memory replay store.
    MemoryReplayStore memory;
    El1Verifier memVerifier(keys.value(), memory, clock);
    std::vector<double> memTimes;
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        auto r = memVerifier.verify(payloads[size_t(i)]);
        memTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok() || !r->ok())
            return 2;
    }
    // 1b. verify, SQLite replay store.
    SqlReplayStore sqlStore(*db.value());
    El1Verifier sqlVerifier(keys.value(), sqlStore, clock);
    std::vector<double> sqlTimes;
    for (int i = rounds; i < 2 * rounds; ++i) {
        QElapsedTimer t;
        t.start();
        auto r = sqlVerifier.verify(payloads[size_t(i)]);
        sqlTimes.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok() || !r->ok())
            return 3;
    }

    // 2. scan-to-shown through the application-wide filter.
    QWindow window;
    qint64 fakeMs = 0;
    ScannerInputFilter filter;
    filter.setTimeSource([&] { return fakeMs; });
    filter.install();
    LicenseScanService service(sqlVerifier);
    QObject::connect(&filter, &ScannerInputFilter::scanned, &service, &LicenseScanService::verifyScanned);
    QElapsedTimer sinceSuffix;
    double lastShownMs = -1;
    QObject::connect(&service, &LicenseScanService::verified, &service, [&](const El1Result &r) {
        lastShownMs = r.ok() ? double(sinceSuffix.nsecsElapsed()) / 1e6 : -2;
    });
    std::vector<double> scanTimes;
    for (int i = 2 * rounds; i < 3 * rounds; ++i) {
        for (char c : payloads[size_t(i)]) {
            fakeMs += 5;
            const QString text(QChar::fromLatin1(c));
            sendKey(&window, QEvent::KeyPress, Qt::Key_A, text);
            sendKey(&window, QEvent::KeyRelease, Qt::Key_A, text);
        }
        fakeMs += 5;
        lastShownMs = -1;
        sinceSuffix.start();
        sendKey(&window, QEvent::KeyPress, Qt::Key_Return, u"\r"_s);
        if (lastShownMs < 0)
            return 4;
        scanTimes.push_back(lastShownMs);
        sendKey(&window, QEvent::KeyRelease, Qt::Key_Return, u"\r"_s);
        fakeMs += 1000;
    }

    std::printf("EL1 verify (in-memory replay store): median %.3f ms, p90 %.3f ms  (n=%d)\n",
                median(memTimes), percentile(memTimes, 0.9), rounds);
    std::printf("EL1 verify (SQLite replay store):    median %.3f ms, p90 %.3f ms  (n=%d)\n",
                median(sqlTimes), percentile(sqlTimes, 0.9), rounds);
    std::printf(
        "scan-to-shown (suffix key -> verified signal, SQLite): median %.3f ms, p90 %.3f ms  (n=%d)\n",
        median(scanTimes), percentile(scanTimes, 0.9), rounds);
    std::printf("targets: verify < 1 ms, scan-to-shown < 30 ms\n");
    return 0;
}
