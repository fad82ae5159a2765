#include "cardreader.h"
#include "readerprotocol.h"

#include <QMutexLocker>
#include <QThread>

using namespace Qt::StringLiterals;

namespace windowdesk::reader {
namespace {

// A 102 x 126 24-bit BMP (the size of a card photo): a grey head and shoulders on the card's pale background.
QByteArray demoPhoto() {
    const int w = 102, h = 126, row = (w * 3 + 3) & ~3;
    QByteArray bmp(54 + row * h, '\0');
    auto put32 = [&](int at, quint32 v) {
        for (int i = 0; i < 4; ++i)
            bmp[at + i] = char((v >> (8 * i)) & 0xff);
    };
    bmp[0] = 'B';
    bmp[1] = 'M';
    put32(2, quint32(bmp.size()));
    put32(10, 54);
    put32(14, 40);
    put32(18, w);
    put32(22, h);
    bmp[26] = 1;
    bmp[28] = 24;
    put32(34, quint32(row * h));
    for (int y = 0; y < h; ++y) {
        const int top = h - 1 - y; // rows are stored bottom-up
        for (int x = 0; x < w; ++x) {
            const double hx = (x - 51) / 24.0, hy = (top - 48) / 30.0;
            const bool head = hx * hx + hy * hy <= 1.0;
            const double sx = (x - 51) / 48.0, sy = (top - 126) / 40.0;
            const bool shoulders = sx * sx + sy * sy <= 1.0;
            const int v = head ? 0x90 : shoulders ? 0x50 : 0xf4;
            const int at = 54 + y * row + x * 3;
            bmp[at] = char(head || shoulders ? v : 0xfa); // blue
            bmp[at + 1] = char(v);
            bmp[at + 2] = char(v);
        }
    }
    return bmp;
}

} // namespace

IdCard SimulatedReader::demoCard() {
    IdCard c;
    c.name = u"李明"_s;
    c.sex = u"male"_s;
    c.nation = u"汉"_s;
    c.birth = u"1990-03-07"_s;
    c.address = u"湖南省长沙市岳麓区麓山南路1号"_s;
    c.idNumber = u"430104199003075318"_s;
    c.issuer = u"长沙市公安局岳麓分局"_s;
    c.validFrom = u"2016-05-20"_s;
    c.validTo = u"2036-05-20"_s;
    c.photo = demoPhoto();
    c.photoFormat = u"bmp"_s;
    return c;
}

Status SimulatedReader::open() {
    QMutexLocker lock(&m_mutex);
    if (!m_connected)
        return Error{QString(protocol::error::deviceNotConnected), u"未检测到读卡器，请检查 USB 连接"_s};
    return {};
}

Result<bool> SimulatedReader::cardPresent() {
    QMutexLocker lock(&m_mutex);
    if (!m_connected)
        return Error{QString(protocol::error::deviceNotConnected), u"未检测到读卡器，请检查 USB 连接"_s};
    return m_card.has_value();
}

Result<IdCard> SimulatedReader::read() {
    int delay = 0;
    {
        QMutexLocker lock(&m_mutex);
        delay = m_delayMs;
    }
    if (delay > 0)
        QThread::msleep(
            ulong(delay)); // a slow device: the helper's worker thread waits, its main thread does not
    QMutexLocker lock(&m_mutex);
    if (!m_connected)
        return Error{QString(protocol::error::deviceNotConnected), u"未检测到读卡器，请检查 USB 连接"_s};
    if (!m_failNext.isEmpty()) {
        const QString code = std::exchange(m_failNext, QString());
        return Error{code, u"读卡失败，请重新放置身份证"_s};
    }
    if (!m_card)
        return Error{QString(protocol::error::noCard), u"读卡器上没有身份证"_s};
    return *m_card;
}

void SimulatedReader::place(const IdCard &card) {
    QMutexLocker lock(&m_mutex);
    m_card = card;
}

void SimulatedReader::remove() {
    QMutexLocker lock(&m_mutex);
    m_card.reset();
}

void SimulatedReader::setConnected(bool connected) {
    QMutexLocker lock(&m_mutex);
    m_connected = connected;
}

void SimulatedReader::setReadDelayMs(int ms) {
    QMutexLocker lock(&m_mutex);
    m_delayMs = qMax(0, ms);
}

void SimulatedReader::failNextRead(const QString &code) {
    QMutexLocker lock(&m_mutex);
    m_failNext = code;
}

} // namespace windowdesk::reader
