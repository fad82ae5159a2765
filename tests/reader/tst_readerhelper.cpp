// The card reader as the GUI uses it: ReaderClient starting the real windowdesk-reader helper process, which
// drives the simulated reader (cards placed and removed, slow reads, failures, unplugging, a crash) or loads
// a stand-in SDT vendor library by dlopen.
#include <windowdesk/reader/cardreader.h>
#include <windowdesk/reader/readerclient.h>

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::reader;

Q_DECLARE_METATYPE(windowdesk::reader::IdCard)
Q_DECLARE_METATYPE(windowdesk::Error)

class TstReaderHelper : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void helloAndStatus();
    void readWithoutCard();
    void placedCardIsPushedAndRead();
    void removedCardIsReported();
    void slowReadTimesOutAndHelperStaysResponsive();
    void unpluggedReader();
    void failedRead();
    void helperCrashIsSurvived();
    void missingVendorLibrary();
    void vendorLibraryLoadedAtRunTime();
    void crashingVendorLibraryTakesOnlyTheHelperDown();

private:
    std::unique_ptr<ReaderClient> startClient(const QStringList &args, bool start = true);
    QJsonObject await(ReaderClient &client, int id);

    std::unique_ptr<ReaderClient> m_client;
};

void TstReaderHelper::initTestCase() {
    qRegisterMetaType<IdCard>();
    qRegisterMetaType<Error>();
}

void TstReaderHelper::init() {
    m_client = startClient({u"--adapter"_s, u"simulated"_s});
    QVERIFY(m_client && m_client->state() == ReaderClient::State::Ready);
}

void TstReaderHelper::cleanup() {
    m_client.reset();
    qunsetenv("FAKE_SDT_CARD");
    qunsetenv("FAKE_SDT_CRASH");
    qunsetenv("FAKE_SDT_DEVICE");
}

// A client of a fresh helper, started and answering (or, start = false, to be started by the test after it
// has connected its spies: a watched card may be read while the client waits for the hello).
std::unique_ptr<ReaderClient> TstReaderHelper::startClient(const QStringList &args, bool start) {
    ReaderClient::Options o;
    o.program = QStringLiteral(READER_HELPER);
    o.arguments = args;
    o.restartDelayMs = 50;
    auto client = std::make_unique<ReaderClient>(o);
    if (!start)
        return client;
    client->start();
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), ReaderClient::State::Ready, 60000);
    }();
    return client;
}

// The reply to request id (empty if none came within 15 s). Replies are only delivered while the event loop
// runs, so connecting after the request was sent misses nothing.
QJsonObject TstReaderHelper::await(ReaderClient &client, int id) {
    QJsonObject reply;
    bool got = false;
    const auto c = connect(&client, &ReaderClient::replied, this, [&](int replyId, const QJsonObject &r) {
        if (replyId == id) {
            reply = r;
            got = true;
        }
    });
    QDeadlineTimer deadline(60000);
    while (!got && !deadline.hasExpired())
        QTest::qWait(10);
    disconnect(c);
    return reply;
}

void TstReaderHelper::helloAndStatus() {
    QCOMPARE(m_client->helperInfo().value(u"helper"_s).toString(), u"windowdesk-reader"_s);
    QCOMPARE(m_client->helperInfo().value(u"adapter"_s).toString(), u"simulated"_s);
    QCOMPARE(m_client->helperInfo().value(u"protocol"_s).toInt(), 1);
    const QJsonObject status = await(*m_client, m_client->requestStatus());
    QCOMPARE(status.value(u"ok"_s).toBool(), true);
    QCOMPARE(status.value(u"device"_s).toString(), u"connected"_s);
    QCOMPARE(status.value(u"card"_s).toString(), u"absent"_s);
}

void TstReaderHelper::readWithoutCard() {
    QSignalSpy failed(m_client.get(), &ReaderClient::readFailed);
    const int id = m_client->read();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).toInt(), id);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, u"no_card"_s);
}

void TstReaderHelper::placedCardIsPushedAndRead() {
    QSignalSpy read(m_client.get(), &ReaderClient::cardRead);
    QCOMPARE(await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}})).value(u"ok"_s).toBool(), true);
    // Watching: the helper notices the card by itself and reads it at once.
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    QCOMPARE(read.at(0).at(0).toInt(), 0);
    const IdCard pushed = read.at(0).at(1).value<IdCard>();
    QCOMPARE(pushed, SimulatedReader::demoCard());
    QVERIFY(!pushed.photo.isEmpty());

    // An explicit read returns the same card.
    const int id = m_client->read();
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 10000);
    QCOMPARE(read.at(1).at(0).toInt(), id);
    QCOMPARE(read.at(1).at(1).value<IdCard>().idNumber, u"430104199003075318"_s);
}

void TstReaderHelper::removedCardIsReported() {
    QSignalSpy read(m_client.get(), &ReaderClient::cardRead);
    QSignalSpy removed(m_client.get(), &ReaderClient::cardRemoved);
    await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    await(*m_client, m_client->simulate({{u"action"_s, u"remove"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    // Placed again: read again (a second applicant's card).
    IdCard other = SimulatedReader::demoCard();
    other.name = u"赵敏"_s;
    other.sex = u"female"_s;
    other.idNumber = u"430104198506120024"_s;
    await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}, {u"card"_s, other.toJson()}}));
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, 10000);
    QCOMPARE(read.at(1).at(1).value<IdCard>().name, u"赵敏"_s);
}

void TstReaderHelper::slowReadTimesOutAndHelperStaysResponsive() {
    await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}}));
    await(*m_client, m_client->simulate({{u"action"_s, u"slow"_s}, {u"ms"_s, 3000}}));
    QSignalSpy failed(m_client.get(), &ReaderClient::readFailed);
    const int id = m_client->read(300);
    // The helper's main thread still answers while the reader is busy (a request that changes nothing: making
    // the reader fast here would let the queued read through before its time is up).
    QCOMPARE(await(*m_client, m_client->simulate({{u"action"_s, u"connect"_s}})).value(u"ok"_s).toBool(),
             true);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(failed.cbegin(), failed.cend(),
                                         [&](const QList<QVariant> &a) {
                                             return a.at(0).toInt() == id &&
                                                    a.at(1).value<Error>().code == u"timeout";
                                         }),
                             10000);
    // Once the slow read is over and the reader is fast again, reads work again.
    await(*m_client, m_client->simulate({{u"action"_s, u"slow"_s}, {u"ms"_s, 0}}));
    QSignalSpy read(m_client.get(), &ReaderClient::cardRead);
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 const int again = m_client->read(2000);
                                 const QJsonObject r = await(*m_client, again);
                                 return r.value(u"ok"_s).toBool();
                             }()),
                             60000);
}

void TstReaderHelper::unpluggedReader() {
    QSignalSpy device(m_client.get(), &ReaderClient::deviceChanged);
    await(*m_client, m_client->simulate({{u"action"_s, u"disconnect"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(!device.isEmpty() && device.last().at(0).toString() == u"not_connected", 10000);
    QSignalSpy failed(m_client.get(), &ReaderClient::readFailed);
    m_client->read();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, u"device_not_connected"_s);
    await(*m_client, m_client->simulate({{u"action"_s, u"connect"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(device.last().at(0).toString() == u"connected", 10000);
}

void TstReaderHelper::failedRead() {
    await(*m_client, m_client->simulate({{u"action"_s, u"fail"_s}, {u"error"_s, u"read_failed"_s}}));
    QSignalSpy failed(m_client.get(), &ReaderClient::readFailed);
    m_client->read();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, u"read_failed"_s);
    QVERIFY(!failed.at(0).at(1).value<Error>().message.isEmpty());
}

void TstReaderHelper::helperCrashIsSurvived() {
    QSignalSpy died(m_client.get(), &ReaderClient::helperDied);
    QSignalSpy failed(m_client.get(), &ReaderClient::readFailed);
    await(*m_client, m_client->simulate({{u"action"_s, u"slow"_s}, {u"ms"_s, 2000}}));
    await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}}));
    const int pendingRead = m_client->read(5000);
    m_client->simulate({{u"action"_s, u"crash"_s}});
    QTRY_COMPARE_WITH_TIMEOUT(died.size(), 1, 10000);
    // The read in flight is answered, not left hanging.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(failed.cbegin(), failed.cend(),
                                         [&](const QList<QVariant> &a) {
                                             return a.at(0).toInt() == pendingRead &&
                                                    a.at(1).value<Error>().code == u"helper_unavailable";
                                         }),
                             10000);
    // A fresh helper comes up by itself and works.
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), ReaderClient::State::Ready, 60000);
    QCOMPARE(m_client->restarts(), 1);
    QSignalSpy read(m_client.get(), &ReaderClient::cardRead);
    await(*m_client, m_client->simulate({{u"action"_s, u"place"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(!read.isEmpty(), 10000);
    QCOMPARE(read.last().at(1).value<IdCard>(), SimulatedReader::demoCard());
}

void TstReaderHelper::missingVendorLibrary() {
    auto client = startClient({u"--adapter"_s, u"sdt"_s, u"--library"_s, u"/nonexistent/libsdtapi.so"_s});
    QVERIFY(client);
    const QJsonObject status = await(*client, client->requestStatus());
    QCOMPARE(status.value(u"device"_s).toString(), u"sdk_not_found"_s);
    QSignalSpy failed(client.get(), &ReaderClient::readFailed);
    client->read();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.at(0).at(1).value<Error>().code, u"sdk_not_found"_s);
}

void TstReaderHelper::vendorLibraryLoadedAtRunTime() {
    qputenv("FAKE_SDT_CARD", "1"); // inherited by the helper the client starts
    auto client = startClient({u"--library"_s, QStringLiteral(FAKE_SDT_LIBRARY)}, false); // --adapter auto
    QSignalSpy read(client.get(), &ReaderClient::cardRead);
    client->start();
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), ReaderClient::State::Ready, 60000);
    QCOMPARE(client->helperInfo().value(u"adapter"_s).toString(), u"sdt"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!read.isEmpty(), 10000); // watched: read as soon as seen
    const IdCard card = read.first().at(1).value<IdCard>();
    QCOMPARE(card.name, u"王芳"_s);
    QCOMPARE(card.sex, u"female"_s);
    QCOMPARE(card.nation, u"回"_s);
    QCOMPARE(card.birth, u"1985-06-12"_s);
    QCOMPARE(card.idNumber, u"430104198506120024"_s);
    QCOMPARE(card.validTo, u"长期"_s);
    QVERIFY(card.photo.isEmpty()); // WLT needs the vendor's decoder: not sent
    const QJsonObject status = await(*client, client->requestStatus());
    QCOMPARE(status.value(u"device"_s).toString(), u"connected"_s);
    QCOMPARE(status.value(u"card"_s).toString(), u"present"_s);
}

void TstReaderHelper::crashingVendorLibraryTakesOnlyTheHelperDown() {
    qputenv("FAKE_SDT_CARD", "1");
    qputenv("FAKE_SDT_CRASH", "1");
    ReaderClient::Options o;
    o.program = QStringLiteral(READER_HELPER);
    o.arguments = {u"--adapter"_s, u"sdt"_s, u"--library"_s, QStringLiteral(FAKE_SDT_LIBRARY)};
    o.restartDelayMs = 50;
    o.watch = false;
    ReaderClient client(o);
    QSignalSpy died(&client, &ReaderClient::helperDied);
    QSignalSpy failed(&client, &ReaderClient::readFailed);
    client.start();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ReaderClient::State::Ready, 60000);
    const int id = client.read();
    QTRY_COMPARE_WITH_TIMEOUT(died.size(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
    QCOMPARE(failed.first().at(0).toInt(), id);
    QCOMPARE(failed.first().at(1).value<Error>().code, u"helper_unavailable"_s);
    // This process is still here, and the helper is back.
    qunsetenv("FAKE_SDT_CRASH");
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), ReaderClient::State::Ready, 60000);
}

QTEST_GUILESS_MAIN(TstReaderHelper)
#include "tst_readerhelper.moc"
