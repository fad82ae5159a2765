// A serial (USB CDC) scanner, played by a pseudo-terminal: one scan per CR/LF/Tab-terminated line.
#include <QSignalSpy>
#include <QTest>

#ifdef WINDOWDESK_HAVE_SERIALPORT
#include <windowdesk/license/serialscanner.h>

#include <fcntl.h>
#include <pty.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

class TestSerialScanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linesBecomeScans() {
#ifndef WINDOWDESK_HAVE_SERIALPORT
        QSKIP("built without Qt Serial Port");
#else
        int master = -1, slave = -1;
        char name[256] = {};
        QVERIFY(openpty(&master, &slave, name, nullptr, nullptr) == 0);
        windowdesk::license::SerialScanner scanner;
        QSignalSpy scanned(&scanner, &windowdesk::license::SerialScanner::scanned);
        const auto st = scanner.open(QString::fromLocal8Bit(name), 115200);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        // The pty would echo and translate CR otherwise; a scanner's port does neither.
        termios raw{};
        tcgetattr(master, &raw);
        cfmakeraw(&raw);
        tcsetattr(master, TCSANOW, &raw);

        const QByteArray first = "EL1.demo-hall-2026.eyJhIjoxfQ.MEUCIQD";
        // Arrives in pieces, as from a real port.
        QCOMPARE(::write(master, first.constData(), 10), ssize_t(10));
        QTest::qWait(50);
        QCOMPARE(scanned.size(), 0);
        const QByteArray rest = first.mid(10) + "\r\nsecond-scan\t\r\n";
        QCOMPARE(::write(master, rest.constData(), size_t(rest.size())), ssize_t(rest.size()));
        QTRY_COMPARE(scanned.size(), 2);
        QCOMPARE(scanned.at(0).at(0).toString(), QString::fromLatin1(first));
        QCOMPARE(scanned.at(1).at(0).toString(), u"second-scan"_s);
        scanner.close();
        ::close(slave);
        ::close(master);
#endif
    }

    void unknownPortIsAnError() {
#ifndef WINDOWDESK_HAVE_SERIALPORT
        QSKIP("built without Qt Serial Port");
#else
        windowdesk::license::SerialScanner scanner;
        const auto st = scanner.open(u"/dev/does-not-exist-scanner"_s);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, u"serial_open_failed"_s);
        QVERIFY(!scanner.isOpen());
#endif
    }
};

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
