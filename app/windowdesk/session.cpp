#include "session.h"

#include "syncindicator.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/intake/intakepages.h>
#include <windowdesk/license/keyset.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/syncservice.h>
#include <windowdesk/ui/appsettings.h>

#include <QStatusBar>

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

Session::Session(const ui::ShellContext &context, ui::MainWindow &window, QObject *parent)
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
    connect(m_scanner.get(), &license::ScannerInputFilter::scanned, m_scanService.get(),
            &license::LicenseScanService::verifyScanned);
    m_scanner->install();

    m_intake.db = &db;
    m_intake.clock = context.clock;
    m_intake.audit = context.audit;
    m_intake.window = {context.user.id, context.user.name,
                       settings.windowNo.isEmpty() ? context.user.windowNo : settings.windowNo,
                       context.user.hallName};
    m_intake.demoHall = settings.platformUrl.isEmpty();
    m_intake.scanService = m_scanService.get();
    intake::registerIntakePages(window, m_intake);

    // Sync with the provincial platform, when one is configured: on a timer, when the network comes back and
    // on "sync now"; its state is always visible in the status bar.
    if (!settings.platformUrl.isEmpty()) {
        auto config = sync::loadSyncConfig(db);
        if (config.ok()) {
            m_sync = std::make_unique<sync::SyncService>(db, *context.clock, config.value());
            window.statusBar()->addWidget(new SyncIndicator(*m_sync, context.user.username, &window), 1);
            m_sync->start();
        } else {
            qCWarning(lcSession) << "sync not started:" << config.error().code;
        }
    }
}

Session::~Session() {
    m_sync.reset(); // stops its worker before the database connection users go away
    if (m_scanner)
        m_scanner->uninstall();
}

} // namespace windowdesk::app
