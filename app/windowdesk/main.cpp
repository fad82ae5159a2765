// windowdesk: the GUI. Opens the database (refusing a damaged or newer one), loads the demo hall when no
// platform is configured, then login → main window. --screenshots renders the main screens headless.
#include "appcontroller.h"
#include "screenshots.h"
#include "versions.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/personaldata.h>
#include <windowdesk/training/scenariostore.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/dialogfacade.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace windowdesk;

Q_LOGGING_CATEGORY(lcApp, "windowdesk.app")

// The name of the installed desktop file (installer/CMakeLists.txt; the UOS layout's is lowercase).
#ifndef WINDOWDESK_DESKTOP_ID
#define WINDOWDESK_DESKTOP_ID "cn.windowdesk.WindowDesk"
#endif

namespace {

// Exit codes as for windowdeskctl (cli.md): 2 usage, 4 the database is damaged or refused.
constexpr int ExitUsage = 2;
constexpr int ExitDatabase = 4;
constexpr int ExitFailure = 1;

// Translation context of the start-up messages.
class Main {
    Q_DECLARE_TR_FUNCTIONS(Main)
};

QString describeOpenError(const Error &e, const QString &path) {
    QString headline;
    if (e.code == u"db_damaged")
        headline =
            Main::tr("The database is damaged. It was copied aside and left in place; WindowDesk does not "
                     "start on a damaged database. Ask the hall IT staff to restore it; the copy keeps the "
                     "work that was not synced yet.");
    else if (e.code == u"db_newer_than_code")
        headline = Main::tr("The database was written by a newer version of WindowDesk. Nothing was changed. "
                            "Install the newer version to open it.");
    else if (e.code == u"migration_failed")
        headline =
            Main::tr("The database could not be upgraded to this version. The failed step was rolled back "
                     "and nothing was changed; a backup copy was made before the upgrade.");
    else if (e.code == u"db_unreadable")
        headline =
            Main::tr("The database file cannot be opened: it is not a WindowDesk database, or the disk or "
                     "its permissions refuse access.");
    else
        headline = Main::tr("The database cannot be opened.");
    return Main::tr("%1\n\nDetails: %2\n\nDatabase: %3").arg(headline, e.message, path);
}

// Whether a system keychain can be asked at all. Without a session bus there is no Secret Service: asking
// anyway makes D-Bus autolaunch a bus and each keychain job wait for its timeout.
bool keychainReachable() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        qCWarning(lcApp) << "no D-Bus session bus: the system keychain is not available";
        return false;
    }
#endif
    return true;
}

// Personal data at rest (issue 18 #4): the database's key is read from the keychain in the background (or
// made, and used only once the keychain has it), then the rows written in clear are sealed, audited. Until
// then, or without a keychain, values are written in clear: the main window's status bar says so.
void unlockPersonalData(storage::KeychainSecretStore &secrets, storage::Database &db,
                        storage::AuditLog &audit) {
    auto installed = [&db, &audit](const QString &keyId, const QByteArray &secret) {
        if (Status s = storage::PersonalData::install(db, keyId, secret); !s.ok()) {
            qCWarning(lcApp) << "personal data key refused:" << s.error().code;
            return;
        }
        if (auto sealed = storage::PersonalData::sealClearRows(db, &audit); !sealed.ok())
            qCWarning(lcApp) << "personal data: sealing the clear rows failed:" << sealed.error().code;
    };
    const QString ref = storage::PersonalData::keyRef(db);
    if (ref.isEmpty()) {
        const QString keyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray secret = crypto::randomBytes(32);
        secrets.writeAsync(
            u"personal-data-key/"_s + keyId, secret, &secrets, [installed, keyId, secret](const Status &s) {
                if (s.ok())
                    installed(keyId, secret);
                else
                    qCWarning(lcApp) << "no personal data key: id numbers and phones stay clear";
            });
        return;
    }
    secrets.readAsync(ref, &secrets, [installed, ref](const Result<QByteArray> &r) {
        if (r.ok())
            installed(ref.section(u'/', 1), r.value());
        else
            qCWarning(lcApp) << "personal data key unavailable:" << r.error().code
                             << "- sealed id numbers and phones cannot be read";
    });
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"WindowDesk"_s);
    QApplication::setOrganizationName(u"WindowDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(WINDOWDESK_VERSION));
    QApplication::setWindowIcon(QIcon(u":/icons/windowdesk.svg"_s));
    QApplication::setDesktopFileName(QStringLiteral(WINDOWDESK_DESKTOP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"WindowDesk — 综窗工作台"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_s,
                                      u"The client database (default: $WINDOWDESK_DB, else "
                                      u"$XDG_DATA_HOME/WindowDesk/windowdesk.db)."_s,
                                      u"FILE"_s);
    const QCommandLineOption langOption(u"lang"_s, u"User interface language: zh_CN or en."_s, u"LANG"_s);
    const QCommandLineOption shotsOption(
        u"screenshots"_s, u"Render the main screens into PNG files in DIR and exit."_s, u"DIR"_s);
    parser.addOptions({dbOption, langOption, shotsOption});
    parser.process(app);
    const QString langArg = parser.value(langOption);
    if (!langArg.isEmpty() && langArg != u"zh_CN" && langArg != u"en") {
        fprintf(stderr, "--lang must be zh_CN or en\n");
        return ExitUsage;
    }

    // Before the database is open only the option or the system locale can choose the language.
    ui::installTranslations(ui::resolveLanguage(langArg));
    ui::applyLookAndFeel(app);
    auto &dialogs = ui::DialogFacade::instance();

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : storage::Database::defaultPath();
    auto opened = storage::Database::open(path);
    if (!opened) {
        qCCritical(lcApp) << "database refused:" << opened.error().code;
        dialogs.critical(nullptr, Main::tr("WindowDesk cannot start"),
                         describeOpenError(opened.error(), path));
        return ExitDatabase;
    }
    std::unique_ptr<storage::Database> db = std::move(opened).value();
    const Clock &clock = SystemClock::instance();

    if (auto demo = storage::DemoHall::loadIfNeeded(*db, clock); !demo) {
        dialogs.critical(nullptr, Main::tr("WindowDesk cannot start"),
                         Main::tr("The demo hall could not be loaded: %1").arg(demo.error().message));
        return ExitFailure;
    } else if (demo->loaded) {
        qCInfo(lcApp) << "demo hall loaded:" << demo->items << "items," << demo->bundles << "bundles,"
                      << demo->users << "users";
    }

    if (langArg.isEmpty()) {
        ui::SettingsStore settings(*db, clock, nullptr, {});
        if (auto lang = settings.value(QString::fromLatin1(storage::settingkey::language));
            lang && !lang->isEmpty())
            ui::installTranslations(ui::resolveLanguage(lang.value()));
    }

    // The GUI never waits for the keychain: this database's audit anchor key is read now, in the background,
    // and the audit log takes it from the store's cache before each write transaction (a missing key is
    // created there, and written to the keychain behind).
    storage::KeychainSecretStore secrets(u"WindowDesk"_s, storage::KeychainSecretStore::Mode::NeverWait);
    const bool keychain = keychainReachable();
    if (keychain)
        secrets.prefetch(
            {storage::AuditLog(*db, clock, nullptr).anchorKeyRef()}, &secrets, [](bool available) {
                if (!available)
                    qCWarning(lcApp)
                        << "no system keychain: audit entries are chained but the head is not anchored";
            });
    storage::AuditLog audit(*db, clock, keychain ? &secrets : nullptr);
    if (keychain)
        unlockPersonalData(secrets, *db, audit);
    // The demo hall shows a scenario drill out of the box (once: a trainer who closes it does not get it
    // back).
    if (auto drill = training::ScenarioStore(*db, clock, &audit).seedDemoIfNeeded(); !drill)
        qCWarning(lcApp) << "demo scenario drill not added:" << drill.error().code;

    ui::ShellContext ctx;
    ctx.db = db.get();
    ctx.clock = &clock;
    ctx.audit = &audit;
    ctx.keychainAvailable = keychain;
    ctx.versions = app::componentVersions(db.get());

    if (parser.isSet(shotsOption))
        return app::renderScreenshots(parser.value(shotsOption), ctx);

    app::AppController controller(ctx);
    controller.start();
    return app.exec();
}
