// windowdesk-platform-sim: the provincial platform simulator (see README.md next to this file).
#include "platform.h"
#include "simserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace windowdesk::sim;

namespace {
volatile std::sig_atomic_t g_stop = 0;
void onSignal(int) {
    g_stop = 1;
}

// "step-s=5,suspend=0.1"
bool parseBackoffice(const QString &spec, Options *o, QString *error) {
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double v = part.section(u'=', 1).trimmed().toDouble(&ok);
        if (!ok || v < 0) {
            *error = u"bad --backoffice value: %1"_s.arg(part);
            return false;
        }
        if (name == u"step-s"_s)
            o->backofficeStepS = v;
        else if (name == u"suspend"_s)
            o->suspendShare = v;
        else if (name == u"intake"_s)
            o->intakePerStep = int(v);
        else {
            *error = u"unknown --backoffice setting: %1"_s.arg(name);
            return false;
        }
    }
    return true;
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"windowdesk-platform-sim"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"WindowDesk provincial platform simulator (test tool)"_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"TCP port; 0 picks a free one (default 8080)"_s, u"N"_s,
                                  u"8080"_s);
    const QCommandLineOption listen(u"listen"_s, u"Address to listen on (default 127.0.0.1)"_s, u"ADDR"_s,
                                    u"127.0.0.1"_s);
    const QCommandLineOption data(u"data"_s, u"SQLite state file (default: a temporary file)"_s, u"FILE"_s);
    const QCommandLineOption faults(u"faults"_s,
                                    u"Fault injection, e.g. drop-after-commit=0.2,http-503=0.1"_s, u"SPEC"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed of the fault dice (default 1)"_s, u"N"_s, u"1"_s);
    const QCommandLineOption backoffice(u"backoffice"_s,
                                        u"Back-office simulation, e.g. step-s=5,suspend=0.1"_s, u"SPEC"_s);
    const QCommandLineOption catalogSize(u"catalog-size"_s, u"Generated catalog items (default 200)"_s,
                                         u"N"_s, u"200"_s);
    const QCommandLineOption users(u"users"_s, u"JSON file of users (default: built-in users)"_s, u"FILE"_s);
    const QCommandLineOption serve(
        u"serve-s"_s,
        u"The hall's windows A01, A02, B01 serve the queue every N seconds, 0 = off (default 0)"_s, u"N"_s,
        u"0"_s);
    const QCommandLineOption tickets(
        u"tickets-s"_s, u"Ticket machine period in seconds, 0 = off (default 5)"_s, u"N"_s, u"5"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s,
                                     u"Serve HTTPS with this PEM certificate (with --tls-key)"_s, u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key of --tls-cert"_s, u"FILE"_s);
    const QCommandLineOption apiVersion(
        u"api-version"_s,
        u"Platform API version: 1.1 (default; X-Api-Version header and the 1.1 paths) or 1.0 (no header, the "
        u"1.1 paths answer 404). Also WINDOWDESK_SIM_API_VERSION"_s,
        u"V"_s);
    const QCommandLineOption noDemo(u"no-demo-catalog"_s,
                                    u"Serve only the generated items, not the demo hall's catalog"_s);
    parser.addOptions({port, listen, data, faults, seed, backoffice, catalogSize, users, tickets, serve,
                       noDemo, tlsCert, tlsKey, apiVersion});
    parser.process(app);

    auto fail = [](const QString &msg) {
        std::fprintf(stderr, "windowdesk-platform-sim: %s\n", qUtf8Printable(msg));
        return 2;
    };
    Options o;
    o.dataFile = parser.value(data);
    o.catalogSize = parser.value(catalogSize).toInt();
    o.usersFile = parser.value(users);
    o.demoCatalog = !parser.isSet(noDemo);
    o.seed = parser.value(seed).toUInt();
    o.ticketEveryS = parser.value(tickets).toInt();
    o.serveEveryS = parser.value(serve).toDouble();
    const QString version = parser.isSet(apiVersion)
                                ? parser.value(apiVersion)
                                : qEnvironmentVariable("WINDOWDESK_SIM_API_VERSION", u"1.1"_s);
    if (version != u"1.0"_s && version != u"1.1"_s)
        return fail(u"--api-version must be 1.0 or 1.1"_s);
    o.api11 = version == u"1.1"_s;
    if (o.catalogSize < 0)
        return fail(u"--catalog-size must not be negative"_s);
    QString error;
    if (parser.isSet(backoffice) && !parseBackoffice(parser.value(backoffice), &o, &error))
        return fail(error);
    Faults f;
    if (parser.isSet(faults) && !Faults::parse(parser.value(faults), &f, &error))
        return fail(error);
    if (f.tokenTtlS >= 0)
        o.tokenTtlS = f.tokenTtlS;
    if (f.refreshGraceS >= 0)
        o.refreshGraceS = f.refreshGraceS;
    const QHostAddress address(parser.value(listen));
    if (address.isNull())
        return fail(u"bad --listen address"_s);

    Platform platform(o);
    if (!platform.open(&error))
        return fail(error);
    SimServer server(&platform, f, o.seed);
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(u"--tls-cert and --tls-key go together"_s);
    if (parser.isSet(tlsCert)) {
        // HTTPS with a hall's own CA: lets the client's "hall CA certificate" setting be tested.
        QFile certFile(parser.value(tlsCert)), keyFile(parser.value(tlsKey));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(u"cannot read the TLS certificate or key"_s);
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (cert.isNull() || key.isNull())
            return fail(u"invalid TLS certificate or key (PEM, EC or RSA)"_s);
        server.sslSetup(cert, key);
    }
    const quint16 actual = server.listen(address, quint16(parser.value(port).toUInt()));
    if (actual == 0)
        return fail(u"cannot listen on %1:%2"_s.arg(parser.value(listen), parser.value(port)));
    // The first stdout line tells tests which port was picked.
    std::printf("LISTENING %u\n", unsigned(actual));
    std::fflush(stdout);

    QTimer backofficeTimer;
    if (o.backofficeStepS > 0) {
        QObject::connect(&backofficeTimer, &QTimer::timeout, &app,
                         [&platform] { platform.backofficeStep(); });
        backofficeTimer.start(int(o.backofficeStepS * 1000));
    }
    QTimer ticketTimer;
    if (o.ticketEveryS > 0) {
        QObject::connect(&ticketTimer, &QTimer::timeout, &app, [&platform] {
            static const QStringList categories = {u"综合业务"_s, u"企业开办"_s, u"社保医保"_s, u"不动产"_s};
            QStringList halls;
            for (const User &u : platform.users())
                if (!halls.contains(u.hallId))
                    halls.append(u.hallId);
            static int turn = 0;
            for (const QString &h : halls)
                platform.issueTicket(h, categories.at(turn % categories.size()));
            ++turn;
        });
        ticketTimer.start(o.ticketEveryS * 1000);
    }
    QTimer serveTimer;
    if (o.serveEveryS > 0) {
        QObject::connect(&serveTimer, &QTimer::timeout, &app, [&platform] {
            QStringList halls;
            for (const User &u : platform.users())
                if (!halls.contains(u.hallId))
                    halls.append(u.hallId);
            for (const QString &h : halls)
                platform.serveStep(h, {u"A01"_s, u"A02"_s, u"B01"_s});
        });
        serveTimer.start(int(o.serveEveryS * 1000));
    }
    // SIGTERM/SIGINT end the event loop so that a temporary database is removed.
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [] {
        if (g_stop)
            QCoreApplication::quit();
    });
    stopPoll.start(100);
    return app.exec();
}
