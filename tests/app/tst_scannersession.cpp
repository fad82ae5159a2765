// The serial (USB CDC) scanner as the logged-in session wires it: Settings saves scanner.serial_port, the
// session opens that port and every line read from it is verified like a wedge scan and shown in the license
// panel. The "serial port" is a pseudo-terminal (openpty); a port that cannot be opened is said in the status
// bar and the keyboard-wedge scanner still works.
#include "session.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/licensepanel.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/mainwindow.h>

#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#ifdef WINDOWDESK_HAVE_SERIALPORT
#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstScannerSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"scanner.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        auto loaded = storage::DemoHall::load(*m_db, m_clock);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message));
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        ui::DialogFacade::instance().setInteractive(false);
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void noPortNoSerialScanner() {
#ifdef WINDOWDESK_HAVE_SERIALPORT
        // Nothing set (the default): keyboard-wedge mode only.
        const ui::ShellContext ctx = context();
        ui::MainWindow w(ctx);
        auto session = std::make_unique<app::Session>(ctx, w);
        QVERIFY(!session->serialScanner());
        QVERIFY(!w.findChild<QLabel *>(u"serialScannerError"_s));
        session.reset();
#endif
    }

    void scansFromTheSerialPortReachTheLicensePanel() {
#ifndef WINDOWDESK_HAVE_SERIALPORT
        QSKIP("built without Qt Serial Port");
#else
        int master = -1, slave = -1;
        char name[256] = {};
        QVERIFY(openpty(&master, &slave, name, nullptr, nullptr) == 0);
        // A scanner's port neither echoes nor translates CR.
        termios raw{};
        tcgetattr(master, &raw);
        cfmakeraw(&raw);
        tcsetattr(master, TCSANOW, &raw);
        setPort(QString::fromLocal8Bit(name));

        const ui::ShellContext ctx = context();
        ui::MainWindow w(ctx);
        auto session = std::make_unique<app::Session>(ctx, w);
        w.show();
        QVERIFY(w.showPage(u"intake"_s));
        QVERIFY(session->serialScanner() && session->serialScanner()->isOpen());
        QVERIFY(!w.findChild<QLabel *>(u"serialScannerError"_s));
        auto *page = w.findChild<intake::IntakePage *>();
        QVERIFY(page);
        auto *holder = page->licensePanel()->findChild<QLabel *>(u"licenseHolder"_s);
        QVERIFY(holder && holder->text().isEmpty());

        auto payload = license::DemoLicenses::freshPayload(0, m_clock);
        QVERIFY(payload.ok());
        const QByteArray line = payload.value() + "\r\n";
        QCOMPARE(::write(master, line.constData(), size_t(line.size())), ssize_t(line.size()));
        QTRY_COMPARE(holder->text(), u"张三"_s);
        QCOMPARE(page->licensePanel()->findChild<QLabel *>(u"licenseState"_s)->text(),
                 intake::LicensePanel::offlineStateText());
        QVERIFY(page->licensePanel()->lastSeenId() > 0);

        session.reset();
        ::close(slave);
        ::close(master);
#endif
    }

    void aPortThatCannotBeOpenedIsSaid() {
#ifndef WINDOWDESK_HAVE_SERIALPORT
        QSKIP("built without Qt Serial Port");
#else
        setPort(u"/dev/does-not-exist-scanner"_s);
        const ui::ShellContext ctx = context();
        ui::MainWindow w(ctx);
        auto session = std::make_unique<app::Session>(ctx, w);
        QVERIFY(!session->serialScanner());
        auto *error = w.statusBar()->findChild<QLabel *>(u"serialScannerError"_s);
        QVERIFY(error);
        QVERIFY2(error->text().contains(u"/dev/does-not-exist-scanner"_s), qPrintable(error->text()));
        QVERIFY(session->scanner()); // the keyboard-wedge filter is there all the same
        session.reset();
#endif
    }

private:
    void setPort(const QString &port) {
        QVERIFY(storage::SettingsRepository(*m_db, m_clock)
                    .setValue(QString::fromLatin1(storage::settingkey::serialPort), port)
                    .ok());
    }
    ui::ShellContext context() const {
        ui::ShellContext ctx;
        ctx.db = m_db.get();
        ctx.clock = &m_clock;
        ctx.audit = m_audit.get();
        ctx.user = storage::UserRepository(*m_db, m_clock, nullptr).find(u"clerk"_s).value();
        return ctx;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_MAIN(TstScannerSession)
#include "tst_scannersession.moc"
