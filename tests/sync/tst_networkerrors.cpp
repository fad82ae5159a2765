// Network and TLS failures (issue 18 item 11): a refused connection, an unknown host and an untrusted
// certificate each have their own error code and message, told at the first failure of a run (the engine's
// problem(), which the CLI prints and the status bar shows) and listed in the run's errors — not only as
// time_ran_out at the end — while the writes are still retried with backoff. And through windowdeskctl:
// `sync --json` names the cause.
#include "synctestsupport.h"

#include <QJsonArray>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
// A loopback port nothing listens on (bound once to find it, then closed).
int closedPort() {
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const int port = s.serverPort();
    s.close();
    return port;
}

QStringList codes(const sync::SyncSummary &s) {
    QStringList out;
    for (const auto &e : s.errors)
        out.append(e.toObject().value(u"code"_s).toString());
    return out;
}

QString messageOf(const sync::SyncSummary &s, const QString &code) {
    for (const auto &e : s.errors)
        if (e.toObject().value(u"code"_s).toString() == code)
            return e.toObject().value(u"message"_s).toString();
    return {};
}
} // namespace

class TstNetworkErrors : public QObject {
    Q_OBJECT
private:
    // A client with pending writes and tokens, whose platform is then `url`: one run of `seconds`.
    struct Outcome {
        sync::SyncSummary summary;
        QStringList problemsBeforeEnd; // problem() codes told while the run was still going
        int attempts = 0;              // push attempts of the first row
    };
    Outcome runAgainst(const QString &url, const QString &caPath = {}) {
        Outcome out;
        Sim sim;
        if (!sim.start({u"--catalog-size"_s, u"5"_s}))
            return out;
        Client c;
        if (!c.open(sim) || c.seed(2) != 2)
            return out;
        LoggedInEngine logged;
        if (!logged.login(c))
            return out;
        // The same engine (tokens in hand) against another address.
        sync::SyncConfig config = c.config;
        config.baseUrl = QUrl(url);
        config.caCertPath = caPath;
        config.timeoutMs = 3000;
        auto engine = std::make_unique<sync::SyncEngine>(*c.db, SystemClock::instance(), config);
        engine->adoptTokens(logged.engine->api()->tokens());
        bool ended = false;
        connect(engine.get(), &sync::SyncEngine::problem, engine.get(),
                [&](const QString &code, const QString &) {
                    if (!ended)
                        out.problemsBeforeEnd.append(code);
                });
        QSignalSpy spy(engine.get(), &sync::SyncEngine::finished);
        sync::SyncRunOptions o;
        o.maxSeconds = 3;
        engine->start(o);
        if (!spy.wait(60000))
            return out;
        ended = true;
        out.summary = spy.first().first().value<sync::SyncSummary>();
        out.attempts = c.scalar(u"SELECT max(attempts) FROM outbox"_s);
        return out;
    }

private Q_SLOTS:
    void refusedConnection() {
        const int port = closedPort();
        QVERIFY(port > 0);
        const Outcome o = runAgainst(u"http://127.0.0.1:%1"_s.arg(port));
        QCOMPARE(o.problemsBeforeEnd.value(0), u"connection_refused"_s);
        QVERIFY2(codes(o.summary).contains(u"connection_refused"_s), qPrintable(summaryText(o.summary)));
        QVERIFY2(messageOf(o.summary, u"connection_refused"_s).contains(u"拒绝连接"_s),
                 qPrintable(summaryText(o.summary)));
        QCOMPARE(o.summary.pending, 2);
        QVERIFY2(o.attempts >= 2, "retried with backoff, not given up after one try");
        // The cause comes before the run's end marker, when the run ended by running out of time.
        const QStringList all = codes(o.summary);
        if (all.contains(u"time_ran_out"_s))
            QVERIFY(all.indexOf(u"connection_refused"_s) < all.indexOf(u"time_ran_out"_s));
    }

    void unknownHost() {
        const Outcome o = runAgainst(u"https://windowdesk-platform.invalid"_s);
        QCOMPARE(o.problemsBeforeEnd.value(0), u"host_not_found"_s);
        QVERIFY2(codes(o.summary).contains(u"host_not_found"_s), qPrintable(summaryText(o.summary)));
        QVERIFY2(messageOf(o.summary, u"host_not_found"_s).contains(u"windowdesk-platform.invalid"_s),
                 qPrintable(summaryText(o.summary)));
        // No attempts check here: the fixture's cases are seeded demo cases, which the engine never sends to
        // a non-loopback platform (issue 18 item 14), so the retry of a write to this host is not exercised.
        // The probe still names the cause. TODO: take the cases in through CaseService to test the backoff.
    }

    void untrustedCertificate() {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s), key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                     u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-keyout"_s, key,
                                     u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                     u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            QSKIP("openssl could not make a test certificate");
        Sim tls;
        QVERIFY(tls.start({u"--catalog-size"_s, u"5"_s, u"--tls-cert"_s, cert, u"--tls-key"_s, key}));
        const Outcome o = runAgainst(u"https://127.0.0.1:%1"_s.arg(tls.port));
        QCOMPARE(o.problemsBeforeEnd.value(0), u"tls_untrusted"_s);
        QVERIFY2(codes(o.summary).contains(u"tls_untrusted"_s), qPrintable(summaryText(o.summary)));
        QVERIFY2(messageOf(o.summary, u"tls_untrusted"_s).contains(u"CA"_s),
                 qPrintable(summaryText(o.summary)));
    }

    void cliSyncJsonNamesTheCause() {
        QTemporaryDir dir;
        const int port = closedPort();
        QProcess p;
        p.start(QStringLiteral(WINDOWDESKCTL),
                {u"--db"_s, dir.filePath(u"w.db"_s), u"--platform"_s, u"http://127.0.0.1:%1"_s.arg(port),
                 u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s, u"--max-seconds"_s, u"20"_s});
        QVERIFY(p.waitForStarted());
        p.write(kPassword.toUtf8() + '\n');
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(120000));
        const QByteArray out = p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 5);
        const QJsonArray errors = QJsonDocument::fromJson(out).object().value(u"errors"_s).toArray();
        QStringList got;
        for (const auto &e : errors)
            got.append(e.toObject().value(u"code"_s).toString());
        QVERIFY2(got.contains(u"connection_refused"_s), out.constData());
    }
};

QTEST_GUILESS_MAIN(TstNetworkErrors)
#include "tst_networkerrors.moc"
