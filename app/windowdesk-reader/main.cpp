// windowdesk-reader — the resident-ID card reader helper. Speaks JSON lines on a local socket
// (modules/reader/src/windowdesk/reader/readerprotocol.h) and exits when its last client leaves.
#include <windowdesk/reader/cardreader.h>
#include <windowdesk/reader/readerservice.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;
using namespace windowdesk::reader;

namespace {

// auto: the first family whose library loads (SDT, then CVR); with neither, SDT answers sdk_not_found.
std::unique_ptr<CardReader> chooseReader(const QString &adapter, const QStringList &libraries, int port,
                                         bool demoCard) {
    if (adapter == u"simulated") {
        auto sim = std::make_unique<SimulatedReader>();
        if (demoCard)
            sim->place(SimulatedReader::demoCard());
        return sim;
    }
    if (adapter == u"sdt")
        return makeSdtReader(libraries, port);
    if (adapter == u"cvr")
        return makeCvrReader(libraries, port);
    auto sdt = makeSdtReader(libraries, port);
    if (auto opened = sdt->open(); opened || opened.error().code != u"sdk_not_found")
        return sdt;
    auto cvr = makeCvrReader(libraries, port);
    if (auto opened = cvr->open(); opened || opened.error().code != u"sdk_not_found")
        return cvr;
    return sdt;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"windowdesk-reader"_s);
    QCoreApplication::setOrganizationName(u"WindowDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(WINDOWDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"WindowDesk resident-ID card reader helper"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption socketOption(u"socket"_s, u"The local socket to listen on."_s, u"NAME"_s);
    const QCommandLineOption adapterOption(u"adapter"_s, u"auto (default), sdt, cvr or simulated."_s,
                                           u"KIND"_s, u"auto"_s);
    const QCommandLineOption libraryOption(
        u"library"_s,
        u"The vendor library to load (default: $WINDOWDESK_READER_LIBRARY, else the usual names)."_s,
        u"FILE"_s);
    const QCommandLineOption portOption(u"port"_s, u"The reader's port (default: try USB 1001-1016)."_s,
                                        u"N"_s);
    const QCommandLineOption demoOption(u"demo-card"_s,
                                        u"With the simulated adapter: start with a card placed."_s);
    const QCommandLineOption stayOption(u"stay"_s, u"Keep running when the last client leaves."_s);
    parser.addOptions({socketOption, adapterOption, libraryOption, portOption, demoOption, stayOption});
    parser.process(app);

    const QString adapter = parser.value(adapterOption);
    if (!parser.isSet(socketOption) ||
        !QStringList{u"auto"_s, u"sdt"_s, u"cvr"_s, u"simulated"_s}.contains(adapter)) {
        fprintf(stderr, "usage: windowdesk-reader --socket NAME [--adapter auto|sdt|cvr|simulated]\n");
        return 2;
    }
    QStringList libraries;
    if (parser.isSet(libraryOption))
        libraries.append(parser.value(libraryOption));
    else if (const QString env = qEnvironmentVariable("WINDOWDESK_READER_LIBRARY"); !env.isEmpty())
        libraries.append(env);

    ReaderService::Options options;
    options.exitWhenLastClientLeaves = !parser.isSet(stayOption);
    ReaderService service(
        chooseReader(adapter, libraries, parser.value(portOption).toInt(), parser.isSet(demoOption)),
        options);
    QString error;
    if (!service.listen(parser.value(socketOption), &error)) {
        fprintf(stderr, "windowdesk-reader: cannot listen on %s: %s\n",
                qPrintable(parser.value(socketOption)), qPrintable(error));
        return 1;
    }
    return app.exec();
}
