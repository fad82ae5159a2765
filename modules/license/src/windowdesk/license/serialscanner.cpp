#include "serialscanner.h"

using namespace Qt::StringLiterals;

namespace windowdesk::license {

namespace {
constexpr qsizetype kMaxLine = 8192; // a stuck or noisy line must not grow without bound
}

SerialScanner::SerialScanner(QObject *parent)
    : QObject(parent) {
    connect(&m_port, &QSerialPort::readyRead, this, &SerialScanner::readAvailable);
}

Status SerialScanner::open(const QString &portName, qint32 baudRate) {
    close();
    m_port.setPortName(portName);
    m_port.setBaudRate(baudRate);
    if (!m_port.open(QIODevice::ReadOnly))
        return Error{u"serial_open_failed"_s,
                     u"无法打开扫码枪串口 %1：%2"_s.arg(portName, m_port.errorString())};
    return {};
}

void SerialScanner::close() {
    if (m_port.isOpen())
        m_port.close();
    m_buffer.clear();
}

void SerialScanner::readAvailable() {
    m_buffer += m_port.readAll();
    for (;;) {
        qsizetype end = -1;
        for (qsizetype i = 0; i < m_buffer.size(); ++i) {
            if (m_buffer[i] == '\r' || m_buffer[i] == '\n' || m_buffer[i] == '\t') {
                end = i;
                break;
            }
        }
        if (end < 0)
            break;
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (!line.trimmed().isEmpty())
            Q_EMIT scanned(QString::fromLatin1(line));
    }
    if (m_buffer.size() > kMaxLine)
        m_buffer.clear();
}

} // namespace windowdesk::license
