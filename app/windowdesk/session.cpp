#include "session.h"

#include <windowdesk/storage/settingsrepository.h>

#include <windowdesk/intake/intakepage.h>

#include "syncindicator.h"

#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/intake/crossprovincepage.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/intake/platformqueueservice.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/supervision/supervisionpages.h>
#include <windowdesk/sync/onlineapi.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/syncservice.h>
#include <windowdesk/sync/tokenholder.h>
#include <windowdesk/trainingui/trainingpages.h>
#include <windowdesk/ui/appsettings.h>

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSession, "windowdesk.app")

namespace windowdesk::app {

namespace {
license::ScannerInputFilter::Suffixes suffixesFrom(const QString &setting) {
    license::ScannerInputFilter::Suffixes s;
    const QStringList parts = setting.toUpper().split(u'|', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const QString t = p.trimmed();
        if (t == u"CR")
            s |= license::ScannerInputFilter::SuffixCR;
        else if (t == u"LF")
            s |= license::ScannerInputFilter::SuffixLF;
        else if (t == u"TAB")
            s |= license::ScannerInputFilter::SuffixTab;
    }
    return s ? s
             : license::ScannerInputFilter::Suffixes(license::ScannerInputFilter::SuffixCR |
                                                     license::ScannerInputFilter::SuffixLF |
                                                     license::ScannerInputFilter::SuffixTab);
}
} // namespace

Session::Session(const ui::ShellContext &context, ui::MainWindow &window, const SessionOptions &options,
                 QObject *parent)
    : QObject(parent) {
    storage::Database &db = *context.db;
    const ui::SettingsStore settingsStore(db, *context.clock, context.audit, context.user.id);
    const auto loaded = settingsStore.load();
    const ui::ShellSettings settings = loaded.ok() ? loaded.value() : ui::ShellSettings{};

    // E-license verification (offline first, against the cached keys) and the scanner that feeds it.
    auto keys = license::LicenseKeyRepository(db).load();
    if (!keys.ok())
        qCWarning(lcSession) << "license keys unavailable:" << keys.error().code;
    m_replay = std::make_unique<license::SqlReplayStore>(db);
    m_verifier = std::make_unique<license::El1Verifier>(keys.ok() ? keys.value() : license::KeySet{},
                                                        *m_replay, *context.clock);
    m_scanService = std::make_unique<license::LicenseScanService>(*m_verifier);
    m_scanner = std::make_unique<license::ScannerInputFilter>();
    m_scanner->setMaxGapMs(settings.scanMaxGapMs);
    m_scanner->setMinLength(settings.scanMinLength);
    m_scanner->setSuffixes(suffixesFrom(settings.scanSuffix));
    m_scanner->setPrefix(settings.scanPrefix);
    // Only e-license payloads are scans here: an id number typed fast and ended by Tab stays typed.
    m_scanner->setPayloadFilter([](const QString &payload) { return payload.startsWith(u"EL1."); });
    connect(m_scanner.get(), &license::ScannerInputFilter::scanned, this, &Session::scanned);
    m_scanner->install();
    if (!settings.serialPort.isEmpty())
        openSerialScanner(settings.serialPort, window);

    m_intake.db = &db;
    m_intake.clock = context.clock;
    m_intake.audit = context.audit;
    m_intake.window = {context.user.id, context.user.name,
                       settings.windowNo.isEmpty() ? context.user.windowNo : settings.windowNo,
                       context.user.hallName};
    m_intake.demoHall = settings.platformUrl.isEmpty();
    m_intake.scanService = m_scanService.get();
    m_intake.remindCards = context.user.roles.contains(u"clerk"_s);
    // The card reader: a clerk's device. Default: auto-detected with a platform, off in the demo hall.
    if (context.user.roles.contains(u"clerk"_s)) {
        auto stored = storage::SettingsRepository(db, *context.clock)
                          .value(QString::fromLatin1(storage::settingkey::cardReader));
        QString adapter = stored.ok() ? stored.value() : QString();
        if (adapter.isEmpty())
            adapter = m_intake.demoHall ? u"off"_s : u"auto"_s;
        if (adapter != u"off"_s)
            startCardReader(adapter, window);
    }

    // Sync with the provincial platform, when one is configured: on a timer, when the network comes back and
    // on "sync now"; its state is always visible in the status bar.
    if (!settings.platformUrl.isEmpty()) {
        // What sync's answers and pulled changes do to cases and evaluations is the cases module's rule.
        cases::registerSyncAppliers();
        auto config = sync::loadSyncConfig(db);
        if (config.ok()) {
            // Sync and the online-only calls of the GUI (queue, license resolve) share the program's token
            // holder: a login or a refresh by either reaches the other, and only the holder stores tokens.
            m_sync = std::make_unique<sync::SyncService>(db, *context.clock, config.value(), options.tokens);
            auto *indicator = new SyncIndicator(*m_sync, context.user.username, &window);
            indicator->setAuditor(context.audit, context.user.id);
            window.statusBar()->addWidget(indicator, 1);
            window.statusBar()->addWidget(indicator->progressBar());
            m_online = std::make_unique<sync::OnlineApi>(config.value(), options.tokens);
            if (options.tokens) // an offline login has none yet: the keychain may hold some
                options.tokens->load(m_online.get(), {});
            m_sync->start();
            m_intake.online = m_online.get();
            // The hall's queue goes through the platform (hall id: the logged-in user's, the platform's
            // default); until it answers, the page shows the queue offline and serves walk-ins.
            m_platformQueue = std::make_unique<intake::PlatformQueueService>(*m_online, QString());
            m_intake.queue = m_platformQueue.get();
        } else {
            qCWarning(lcSession) << "sync not started:" << config.error().code;
        }
    }
    if (options.offlineLogin)
        addOfflineLoginState(window);
    // After the platform services: the pages take the queue and online API from the context.
    intake::registerIntakePages(window, m_intake);
    supervision::AfterPull afterPull;
    if (m_sync)
        afterPull = [sync = m_sync.get()](QObject *context, std::function<void()> slot) {
            // Once the run ends and as soon as a page of new records is in: a supervisor watching the
            // board sees the hall's cases arrive without waiting for the whole run. Pages that come in a
            // burst make one refresh (a quarter of a second after the last), not one each.
            auto *coalesce = new QTimer(context);
            coalesce->setSingleShot(true);
            coalesce->setInterval(250);
            QObject::connect(coalesce, &QTimer::timeout, context, [slot] { slot(); });
            QObject::connect(sync, &sync::SyncService::pulled, coalesce, qOverload<>(&QTimer::start));
            QObject::connect(sync, &sync::SyncService::finished, coalesce, qOverload<>(&QTimer::start));
        };
    supervision::registerSupervisionPages(window, db, *context.clock, context.audit, context.user, afterPull);
    trainingui::TrainingContext training{&db,          context.clock, context.audit,
                                         context.user, afterPull,     m_online.get()};
    training.routeDevices = [this](intake::IntakePage *page, license::LicenseScanService *scan) {
        m_drillPage = page;
        m_drillScan = scan;
    };
    trainingui::registerTrainingPages(window, training);
}

void Session::startCardReader(const QString &adapter, ui::MainWindow &window) {
    auto *label = new QLabel(&window);
    label->setObjectName(u"cardReaderState"_s);
    label->setContentsMargins(6, 0, 6, 0);
    window.statusBar()->addPermanentWidget(label);
    const QString helper = reader::ReaderClient::defaultHelperPath();
    if (helper.isEmpty()) {
        qCWarning(lcSession) << "card reader helper not installed";
        label->setText(tr("Card reader: helper not installed"));
        return;
    }
    reader::ReaderClient::Options o;
    o.program = helper;
    o.arguments = {u"--adapter"_s, adapter};
    m_reader = std::make_unique<reader::ReaderClient>(o);
    auto show = [label, reader = m_reader.get()] {
        switch (reader->state()) {
        case reader::ReaderClient::State::Ready:
            label->setText(tr("Card reader ready"));
            break;
        case reader::ReaderClient::State::Starting:
            label->setText(reader->restarts() > 0 ? tr("Card reader restarting…")
                                                  : tr("Card reader starting…"));
            break;
        case reader::ReaderClient::State::Stopped:
            label->setText(tr("Card reader off"));
            break;
        }
    };
    connect(m_reader.get(), &reader::ReaderClient::stateChanged, label, show);
    // A card placed fills the applicant of the visit on the intake page (shown if another page was open).
    ui::MainWindow *w = &window;
    connect(m_reader.get(), &reader::ReaderClient::cardRead, w, [this, w](int, const reader::IdCard &card) {
        // During a scenario drill the card fills the drill's applicant (its sandbox), never the real visit.
        if (m_drillPage) {
            m_drillPage->takeIdCard({card.name, card.idNumber, card.birth, card.sex, card.photo});
            return;
        }
        // On the 跨省通办 page the card fills its applicant instead.
        if (w->currentPageId() == u"crossprovince"_s)
            if (auto *xp = qobject_cast<intake::CrossProvincePage *>(w->page(u"crossprovince"_s))) {
                xp->takeIdCard({card.name, card.idNumber, card.birth, card.sex, card.photo});
                return;
            }
        auto *page = qobject_cast<intake::IntakePage *>(w->page(u"intake"_s));
        if (!page)
            return;
        w->showPage(u"intake"_s);
        page->takeIdCard({card.name, card.idNumber, card.birth, card.sex, card.photo});
    });
    connect(m_reader.get(), &reader::ReaderClient::readFailed, label,
            [label](int, const Error &e) { label->setToolTip(e.message); });
    m_reader->start();
    show();
}

void Session::scanned(const QString &payload) {
    if (m_drillScan)
        m_drillScan->verifyScanned(payload);
    else
        m_scanService->verifyScanned(payload);
}

void Session::openSerialScanner(const QString &port, ui::MainWindow &window) {
#ifdef WINDOWDESK_HAVE_SERIALPORT
    // One scan per line from the port, verified like a wedge scan (the license panel shows it). A port that
    // cannot be opened is said in the status bar; the keyboard-wedge filter still works.
    m_serial = std::make_unique<license::SerialScanner>();
    connect(m_serial.get(), &license::SerialScanner::scanned, this, &Session::scanned);
    if (const Status opened = m_serial->open(port); !opened.ok()) {
        qCWarning(lcSession) << "serial scanner not opened:" << opened.error().code;
        m_serial.reset();
        auto *label = new QLabel(tr("Serial scanner unavailable: %1").arg(opened.error().message), &window);
        label->setObjectName(u"serialScannerError"_s);
        label->setStyleSheet(u"QLabel { color: #b3261e; padding: 0 6px; }"_s);
        window.statusBar()->addPermanentWidget(label);
    }
#else
    Q_UNUSED(window);
    qCWarning(lcSession) << "scanner.serial_port is set but this build has no Qt Serial Port:" << port;
#endif
}

void Session::addOfflineLoginState(ui::MainWindow &window) {
    auto *label = new QLabel(tr("Offline login: the platform cannot be reached; data will sync once the "
                                "link is back"),
                             &window);
    label->setObjectName(u"offlineLoginState"_s);
    label->setStyleSheet(u"QLabel { color: #9a3412; font-weight: bold; padding: 0 6px; }"_s);
    window.statusBar()->addPermanentWidget(label);
    if (!m_sync)
        return;
    // Once a sync reaches the platform the offline state is over and the label goes. Without tokens (an
    // offline login has none unless the keychain kept them) sync needs the platform login first: said so.
    sync::SyncStatus *status = m_sync->status();
    connect(status, &sync::SyncStatus::changed, label, [label, status] {
        if (status->online()) {
            label->setVisible(false);
        } else if (status->loginRequired()) {
            label->setText(tr("Offline login: log in to the platform (sync state menu, Ctrl+Shift+L) so that "
                              "the data can sync"));
            label->setVisible(true);
        }
    });
}

Session::~Session() {
    m_platformQueue.reset();
    m_online.reset();
    m_sync.reset(); // stops its worker before the database connection users go away
    if (m_scanner)
        m_scanner->uninstall();
#ifdef WINDOWDESK_HAVE_SERIALPORT
    m_serial.reset();
#endif
}

} // namespace windowdesk::app
