#pragma once
// What one logged-in session at the window owns besides the main window: the intake context, the
// e-license verifier with its replay store, and the scanners that route scans to it: the keyboard-wedge
// filter always, the serial (USB CDC) scanner when the setting scanner.serial_port names a port.
#include <windowdesk/intake/intakecontext.h>
#include <windowdesk/license/el1verifier.h>
#include <windowdesk/license/licensescanservice.h>
#include <windowdesk/license/replaystore.h>
#include <windowdesk/license/scannerinputfilter.h>
#ifdef WINDOWDESK_HAVE_SERIALPORT
#include <windowdesk/license/serialscanner.h>
#endif
#include <windowdesk/reader/readerclient.h>
#include <windowdesk/sync/apiclient.h>
#include <windowdesk/ui/mainwindow.h>

#include <QObject>
#include <QPointer>
#include <memory>

namespace windowdesk::sync {
class SyncService;
class OnlineApi;
class TokenHolder;
} // namespace windowdesk::sync
namespace windowdesk::intake {
class IntakePage;
class PlatformQueueService;
} // namespace windowdesk::intake

namespace windowdesk::app {

struct SessionOptions {
    // The program's token holder (the keychain's tokens, or a keychain-less login's for this run); it
    // outlives the session. Null: sync has tokens of its own only (none until a login).
    sync::TokenHolder *tokens = nullptr;
    bool offlineLogin =
        false; // logged in against the offline verifier: shown until sync reaches the platform
};

class Session : public QObject {
    Q_OBJECT
public:
    // Plugs the real module pages into `window` (replacing their placeholders). Destroy the session only
    // after the window and its pages are gone.
    Session(const ui::ShellContext &context, ui::MainWindow &window, const SessionOptions &options = {},
            QObject *parent = nullptr);
    ~Session() override;

    license::ScannerInputFilter *scanner() const { return m_scanner.get(); }
#ifdef WINDOWDESK_HAVE_SERIALPORT
    // The serial scanner of the setting scanner.serial_port; null when none is set or it could not be opened.
    license::SerialScanner *serialScanner() const {
        return m_serial.get();
    }
#endif
    sync::SyncService *syncService() const {
        return m_sync.get();
    }
    // The resident-ID card reader (setting scanner.card_reader); null when off or its helper is not
    // installed.
    reader::ReaderClient *cardReader() const {
        return m_reader.get();
    }

private:
    void addOfflineLoginState(ui::MainWindow &window);
    void openSerialScanner(const QString &port, ui::MainWindow &window);
    void startCardReader(const QString &adapter, ui::MainWindow &window);
    // A scan from the wedge filter or the serial port: to the drill's scan service while a scenario drill
    // runs (its sandbox), otherwise to the real one.
    void scanned(const QString &payload);

    intake::IntakeContext m_intake;
    std::unique_ptr<license::SqlReplayStore> m_replay;
    std::unique_ptr<license::El1Verifier> m_verifier;
    std::unique_ptr<license::LicenseScanService> m_scanService;
    std::unique_ptr<license::ScannerInputFilter> m_scanner;
#ifdef WINDOWDESK_HAVE_SERIALPORT
    std::unique_ptr<license::SerialScanner> m_serial;
#endif
    // Only when a platform is configured (the demo hall syncs nothing).
    std::unique_ptr<sync::SyncService> m_sync;
    std::unique_ptr<sync::OnlineApi> m_online;
    std::unique_ptr<intake::PlatformQueueService> m_platformQueue;
    std::unique_ptr<reader::ReaderClient> m_reader;
    // The scenario drill under way (trainingui's DrillView), which the devices feed instead of the real
    // visit.
    QPointer<intake::IntakePage> m_drillPage;
    QPointer<license::LicenseScanService> m_drillScan;
};

} // namespace windowdesk::app
