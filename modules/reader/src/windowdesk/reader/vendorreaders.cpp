// The vendor adapters. The library is loaded with QLibrary (dlopen) when the helper opens the reader, never
// linked: a machine without the vendor's SDK still runs WindowDesk, and the answer is sdk_not_found.
#include "cardreader.h"
#include "readerprotocol.h"

#include <QLibrary>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace windowdesk::reader {
namespace {

Error err(QLatin1StringView code, const QString &message) {
    return Error{QString(code), message};
}

// Loads the first library of the list that has every symbol; "" when none.
bool loadLibrary(QLibrary &lib, const QStringList &candidates, const QList<const char *> &symbols) {
    for (const QString &name : candidates) {
        lib.setFileName(name);
        if (!lib.load())
            continue;
        bool all = true;
        for (const char *s : symbols)
            all = all && lib.resolve(s);
        if (all)
            return true;
        lib.unload();
    }
    return false;
}

QList<int> portsToTry(int port) {
    QList<int> ports;
    if (port > 0)
        ports.append(port);
    else
        for (int p = 1001; p <= 1016; ++p) // the USB ports of both families
            ports.append(p);
    return ports;
}

// ---------------------------------------------------------------------------------------------------------------
class SdtReader : public CardReader {
public:
    SdtReader(QStringList libraries, int port)
        : m_candidates(std::move(libraries))
        , m_wanted(port) {
        if (m_candidates.isEmpty())
            m_candidates = {u"sdtapi"_s, u"/usr/lib/libsdtapi.so"_s, u"/usr/local/lib/libsdtapi.so"_s};
    }
    ~SdtReader() override { close(); }
    QString kind() const override { return u"sdt"_s; }
    QString library() const override { return m_lib.isLoaded() ? m_lib.fileName() : QString(); }

    Status open() override {
        if (!m_lib.isLoaded()) {
            if (!loadLibrary(m_lib, m_candidates,
                             {"SDT_OpenPort", "SDT_ClosePort", "SDT_StartFindIDCard", "SDT_SelectIDCard",
                              "SDT_ReadBaseMsg"}))
                return err(protocol::error::sdkNotFound, u"未找到读卡器厂商库（SDT 系列，libsdtapi.so）"_s);
            m_openPort = reinterpret_cast<OpenPort>(m_lib.resolve("SDT_OpenPort"));
            m_closePort = reinterpret_cast<ClosePort>(m_lib.resolve("SDT_ClosePort"));
            m_find = reinterpret_cast<FindCard>(m_lib.resolve("SDT_StartFindIDCard"));
            m_select = reinterpret_cast<SelectCard>(m_lib.resolve("SDT_SelectIDCard"));
            m_readBase = reinterpret_cast<ReadBase>(m_lib.resolve("SDT_ReadBaseMsg"));
        }
        if (m_port > 0)
            return {};
        for (int p : portsToTry(m_wanted)) {
            if (m_openPort(p) == Ok) {
                m_port = p;
                return {};
            }
        }
        return err(protocol::error::deviceNotConnected, u"未检测到读卡器，请检查 USB 连接"_s);
    }

    void close() override {
        if (m_port > 0 && m_closePort)
            m_closePort(m_port);
        m_port = 0;
    }

    Result<bool> cardPresent() override {
        if (auto o = open(); !o)
            return o.error();
        unsigned char mana[8] = {};
        const int rc = m_find(m_port, mana, 0);
        if (rc == CardFound)
            return true;
        if (rc == NoCard || rc == SelectFailed)
            return false;
        close(); // the device went away: look for it again next time
        return err(protocol::error::deviceNotConnected, u"读卡器无响应（代码 0x%1）"_s.arg(rc, 0, 16));
    }

    Result<IdCard> read() override {
        auto present = cardPresent();
        if (!present)
            return present.error();
        if (!*present)
            return err(protocol::error::noCard, u"读卡器上没有身份证"_s);
        unsigned char mana[8] = {};
        if (int rc = m_select(m_port, mana, 0); rc != Ok)
            return err(protocol::error::readFailed,
                       u"选卡失败（代码 0x%1），请重新放置身份证"_s.arg(rc, 0, 16));
        QByteArray text(256, '\0');
        QByteArray photo(1024, '\0');
        unsigned int textLen = 0, photoLen = 0;
        const int rc = m_readBase(m_port, reinterpret_cast<unsigned char *>(text.data()), &textLen,
                                  reinterpret_cast<unsigned char *>(photo.data()), &photoLen, 0);
        if (rc != Ok)
            return err(protocol::error::readFailed,
                       u"读卡失败（代码 0x%1），请重新放置身份证"_s.arg(rc, 0, 16));
        // The photo comes as WLT, which only the vendor's separate decoder turns into an image: not sent.
        return parseSdtText(text.left(int(qMin(textLen, 256u))));
    }

private:
    static constexpr int Ok = 0x90, CardFound = 0x9f, NoCard = 0x80, SelectFailed = 0x81;
    using OpenPort = int (*)(int);
    using ClosePort = int (*)(int);
    using FindCard = int (*)(int, unsigned char *, int);
    using SelectCard = int (*)(int, unsigned char *, int);
    using ReadBase = int (*)(int, unsigned char *, unsigned int *, unsigned char *, unsigned int *, int);

    QStringList m_candidates;
    int m_wanted = 0;
    int m_port = 0;
    QLibrary m_lib;
    OpenPort m_openPort = nullptr;
    ClosePort m_closePort = nullptr;
    FindCard m_find = nullptr;
    SelectCard m_select = nullptr;
    ReadBase m_readBase = nullptr;
};

// ---------------------------------------------------------------------------------------------------------------
class CvrReader : public CardReader {
public:
    CvrReader(QStringList libraries, int port)
        : m_candidates(std::move(libraries))
        , m_wanted(port) {
        if (m_candidates.isEmpty())
            m_candidates = {u"termb"_s, u"/usr/lib/libtermb.so"_s, u"/usr/local/lib/libtermb.so"_s};
    }
    ~CvrReader() override { close(); }
    QString kind() const override { return u"cvr"_s; }
    QString library() const override { return m_lib.isLoaded() ? m_lib.fileName() : QString(); }

    Status open() override {
        if (!m_lib.isLoaded()) {
            if (!loadLibrary(m_lib, m_candidates,
                             {"CVR_InitComm", "CVR_CloseComm", "CVR_Authenticate", "CVR_Read_Content",
                              "GetPeopleName", "GetPeopleIDCode"}))
                return err(protocol::error::sdkNotFound, u"未找到读卡器厂商库（CVR 系列，libtermb.so）"_s);
            m_init = reinterpret_cast<InitComm>(m_lib.resolve("CVR_InitComm"));
            m_closeComm = reinterpret_cast<CloseComm>(m_lib.resolve("CVR_CloseComm"));
            m_auth = reinterpret_cast<Authenticate>(m_lib.resolve("CVR_Authenticate"));
            m_readContent = reinterpret_cast<ReadContent>(m_lib.resolve("CVR_Read_Content"));
        }
        if (m_open)
            return {};
        for (int p : portsToTry(m_wanted)) {
            if (m_init(p) == Ok) {
                m_open = true;
                return {};
            }
        }
        return err(protocol::error::deviceNotConnected, u"未检测到读卡器，请检查 USB 连接"_s);
    }

    void close() override {
        if (m_open && m_closeComm)
            m_closeComm();
        m_open = false;
    }

    Result<bool> cardPresent() override {
        if (auto o = open(); !o)
            return o.error();
        const int rc = m_auth();
        if (rc == Ok)
            return true;
        if (rc == FindFailed || rc == SelectFailed)
            return false;
        close();
        return err(protocol::error::deviceNotConnected, u"读卡器无响应（代码 %1）"_s.arg(rc));
    }

    Result<IdCard> read() override {
        auto present = cardPresent();
        if (!present)
            return present.error();
        if (!*present)
            return err(protocol::error::noCard, u"读卡器上没有身份证"_s);
        if (int rc = m_readContent(1); rc != Ok)
            return err(protocol::error::readFailed, u"读卡失败（代码 %1），请重新放置身份证"_s.arg(rc));
        IdCard c;
        c.name = field("GetPeopleName");
        const QString sex = field("GetPeopleSex");
        c.sex = sex.startsWith(u"男") || sex == u"1"   ? u"male"_s
                : sex.startsWith(u"女") || sex == u"2" ? u"female"_s
                                                       : QString();
        c.nation = nationName(field("GetPeopleNation"));
        c.birth = cardDate(field("GetPeopleBirthday"));
        c.address = field("GetPeopleAddress");
        c.idNumber = field("GetPeopleIDCode");
        c.issuer = field("GetDepartment");
        c.validFrom = cardDate(field("GetStartDate"));
        c.validTo = cardDate(field("GetEndDate"));
        using GetBmp = int (*)(unsigned char *, int *);
        if (auto bmp = reinterpret_cast<GetBmp>(m_lib.resolve("GetBMPData"))) {
            QByteArray data(64 * 1024, '\0');
            int len = data.size();
            if (bmp(reinterpret_cast<unsigned char *>(data.data()), &len) == Ok && len > 0 &&
                len <= data.size()) {
                c.photo = data.left(len);
                c.photoFormat = u"bmp"_s;
            }
        }
        if (c.name.isEmpty() || c.idNumber.size() != 18)
            return err(protocol::error::readFailed, u"读卡器返回的文字信息不完整"_s);
        return c;
    }

private:
    static constexpr int Ok = 1, FindFailed = 2, SelectFailed = 3;
    using InitComm = int (*)(int);
    using CloseComm = int (*)();
    using Authenticate = int (*)();
    using ReadContent = int (*)(int);
    using GetText = int (*)(char *, int *);

    // The GetPeople* functions write GB 18030 text (the Windows SDKs' code page; UTF-8 passes through).
    QString field(const char *symbol) {
        auto get = reinterpret_cast<GetText>(m_lib.resolve(symbol));
        if (!get)
            return {};
        QByteArray buf(256, '\0');
        int len = buf.size() - 1;
        if (get(buf.data(), &len) != Ok)
            return {};
        buf.truncate(qBound(0, len, int(buf.size())));
        buf.truncate(int(qstrnlen(buf.constData(), buf.size())));
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString s = utf8(buf);
        if (utf8.hasError()) {
            QStringDecoder gb("GB18030");
            s = gb.isValid() ? QString(gb(buf)) : QString::fromLatin1(buf);
        }
        return s.trimmed();
    }

    QStringList m_candidates;
    int m_wanted = 0;
    bool m_open = false;
    QLibrary m_lib;
    InitComm m_init = nullptr;
    CloseComm m_closeComm = nullptr;
    Authenticate m_auth = nullptr;
    ReadContent m_readContent = nullptr;
};

} // namespace

std::unique_ptr<CardReader> makeSdtReader(const QStringList &libraries, int port) {
    return std::make_unique<SdtReader>(libraries, port);
}

std::unique_ptr<CardReader> makeCvrReader(const QStringList &libraries, int port) {
    return std::make_unique<CvrReader>(libraries, port);
}

} // namespace windowdesk::reader
