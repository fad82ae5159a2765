#pragma once
// One card reader as the helper drives it. The vendor adapters call into a library loaded at run time; every
// call may block, so the helper makes them on a worker thread, one at a time. Error codes are the protocol's
// (readerprotocol.h): sdk_not_found, device_not_connected, no_card, read_failed.
#include "idcard.h"

#include <QMutex>
#include <QStringList>
#include <memory>

namespace windowdesk::reader {

class CardReader {
public:
    virtual ~CardReader() = default;
    virtual QString kind() const = 0;              // "sdt", "cvr", "simulated"
    virtual QString library() const { return {}; } // the vendor library loaded, when there is one
    virtual Status open() = 0;                     // load the library, find the device
    virtual void close() = 0;
    virtual Result<bool> cardPresent() = 0;
    virtual Result<IdCard> read() = 0;
};

// The SDT family (SDT_OpenPort / SDT_StartFindIDCard / SDT_SelectIDCard / SDT_ReadBaseMsg, success 0x90, card
// found 0x9F). port 0: try the USB ports 1001..1016. An empty library list: the usual names.
std::unique_ptr<CardReader> makeSdtReader(const QStringList &libraries = {}, int port = 0);
// The CVR family (CVR_InitComm / CVR_Authenticate / CVR_Read_Content / GetPeople*, success 1).
std::unique_ptr<CardReader> makeCvrReader(const QStringList &libraries = {}, int port = 0);

// A reader that behaves like a device, for tests and the demo hall: a card is placed and removed, the device
// is plugged and unplugged, a read can be slow or fail. Thread-safe: the helper changes it from its main
// thread while the worker reads.
class SimulatedReader : public CardReader {
public:
    QString kind() const override { return QStringLiteral("simulated"); }
    Status open() override;
    void close() override {}
    Result<bool> cardPresent() override;
    Result<IdCard> read() override;

    void place(const IdCard &card);
    void remove();
    void setConnected(bool connected);
    void setReadDelayMs(int ms);
    void failNextRead(const QString &code); // read_failed, device_not_connected, ...
    static IdCard demoCard();               // a made-up applicant (valid check digit, demo photo)

private:
    mutable QMutex m_mutex;
    std::optional<IdCard> m_card;
    bool m_connected = true;
    int m_delayMs = 0;
    QString m_failNext;
};

} // namespace windowdesk::reader
