#pragma once
// A serial (USB CDC) scanner: one scan per line. Recommended for IME-heavy desks, since no keyboard
// events are involved. Built only when Qt Serial Port is available (WINDOWDESK_HAVE_SERIALPORT).
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QObject>
#include <QSerialPort>

namespace windowdesk::license {

class SerialScanner : public QObject {
    Q_OBJECT
public:
    explicit SerialScanner(QObject *parent = nullptr);
    Status open(const QString &portName, qint32 baudRate = 9600);
    void close();
    bool isOpen() const { return m_port.isOpen(); }

Q_SIGNALS:
    void scanned(const QString &payload);

private:
    void readAvailable();
    QSerialPort m_port;
    QByteArray m_buffer;
};

} // namespace windowdesk::license
