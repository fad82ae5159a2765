#include "appcontroller.h"

#include "pages.h"
#include "platformlogin.h"
#include "session.h"

#include <windowdesk/storage/database.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/logindialog.h>

#include <windowdesk/sync/syncconfig.h>

#include <QApplication>
#include <QLabel>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

AppController::AppController(ui::ShellContext base, QObject *parent)
    : QObject(parent)
    , m_base(std::move(base))
    , m_users(*m_base.db, *m_base.clock, m_base.audit)
    , m_secretService(m_base.keychainAvailable ? u"WindowDesk"_s : QString())
    , m_tokens(std::make_unique<sync::TokenHolder>(m_secretService)) {}

void AppController::setSecretService(const QString &service) {
    m_secretService = service;
    m_tokens = std::make_unique<sync::TokenHolder>(m_secretService);
}

AppController::~AppController() {
    delete m_login;
    for (auto &[window, session] : m_windows) {
        delete window.data(); // its pages first: they use the session's services
        delete session.data();
    }
}

void AppController::start() {
    // The program ends when the user quits (login dialog's Quit, Ctrl+Q, the main window's close button), not
    // when the login dialog hides for a moment before the main window shows.
    QApplication::setQuitOnLastWindowClosed(false);
    showLogin();
}

QString AppController::platformUrl() const {
    ui::SettingsStore store(*m_base.db, *m_base.clock, m_base.audit, {});
    auto v = store.value(ui::settingkey::platformUrl.toString());
    return v ? v.value() : QString();
}

void AppController::showLogin(const QString &username) {
    ui::LoginDialog *dlg = nullptr;
    if (platformUrl().isEmpty()) {
        m_platform.reset();
        dlg = new ui::LoginDialog([this](const QString &u, const QString &p) {
            m_offline = m_tokensInMemory = false;
            return m_users.authenticate(u, p);
        });
    } else {
        // Settings may have changed since the last login: read them again.
        m_platform = std::make_unique<PlatformLogin>(*m_base.db, *m_base.clock, m_base.audit,
                                                     sync::loadSyncConfig(*m_base.db), *m_tokens);
        dlg = new ui::LoginDialog([this](const QString &u, const QString &p, ui::LoginDialog::Reply reply) {
            m_platform->login(u, p, [this, reply](Result<PlatformLogin::Success> r) {
                if (!r.ok()) {
                    reply(r.error());
                    return;
                }
                m_offline = r->mode == PlatformLogin::Mode::Offline;
                m_tokensInMemory = r->tokensInMemoryOnly;
                reply(r->user);
            });
        });
    }
    m_login = dlg;
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setWindowIcon(QApplication::windowIcon());
    dlg->setContextLine(ui::MainWindow::platformStateText(platformUrl()));
    if (!username.isEmpty())
        dlg->setUsername(username);
    connect(dlg, &QDialog::accepted, this, [this, dlg] { showMain(dlg->user()); });
    connect(dlg, &QDialog::rejected, qApp, &QApplication::quit, Qt::QueuedConnection);
    dlg->show();
}

void AppController::showMain(const storage::User &user, const QString &pageId) {
    ui::ShellContext ctx = m_base;
    ctx.user = user;
    auto *w = new ui::MainWindow(ctx);
    m_main = w;
    w->setAttribute(Qt::WA_DeleteOnClose);
    for (const ui::PageSpec &spec : modulePages(ctx))
        w->registerPage(spec);
    // The session's services live as long as the window: freed once the window and its pages are gone.
    SessionOptions options;
    options.tokens = m_tokens.get();
    options.offlineLogin = m_offline;
    auto *session = new Session(ctx, *w, options);
    connect(w, &QObject::destroyed, session, &QObject::deleteLater);
    m_windows.removeIf([](const auto &p) { return p.first.isNull() && p.second.isNull(); });
    m_windows.append({w, session});
    decorateMain(*w);
    if (!pageId.isEmpty())
        w->showPage(pageId);
    connect(w, &ui::MainWindow::logoutRequested, this, [this] { endSession(false); });
    connect(w, &ui::MainWindow::quitRequested, this, [this] { endSession(true); });
    connect(w, &ui::MainWindow::languageChanged, this, &AppController::switchLanguage, Qt::QueuedConnection);
    connect(w, &ui::MainWindow::closed, this, [this, w] { onMainClosed(w); });
    w->show();
}

void AppController::decorateMain(ui::MainWindow &window) {
    // The offline-login state is the session's (it clears once sync reaches the platform).
    if (m_tokensInMemory) {
        auto *label = new QLabel(tr("No system keychain: the platform login is kept in memory for this run "
                                    "only; log in again after a restart"),
                                 &window);
        label->setObjectName(u"tokensInMemoryNotice"_s);
        label->setStyleSheet(u"QLabel { color: #9a3412; padding: 0 6px; }"_s);
        window.statusBar()->addPermanentWidget(label);
    }
}

void AppController::endSession(bool quit) {
    ui::MainWindow *w = m_main;
    if (!w)
        return;
    m_main = nullptr; // the window's closed() signal below is then ours, not the user's
    const storage::User user = w->user();
    (void)m_users.logout(user);     // audited by the repository; a failed audit write must not trap the user
    m_tokens->forgetMemoryTokens(); // a keychain-less platform login ends with the session
    w->close();
    if (quit)
        QTimer::singleShot(0, qApp, &QApplication::quit);
    else
        showLogin(user.username);
}

void AppController::onMainClosed(ui::MainWindow *window) {
    // Closed with the title bar's button: log out and quit, as Ctrl+Q does.
    if (window == m_main)
        endSession(true);
}

void AppController::switchLanguage(const QString &language) {
    ui::MainWindow *old = m_main;
    if (!old)
        return;
    ui::installTranslations(ui::resolveLanguage(language));
    // Rebuilding the window is the simplest way to have every string in the new language.
    const QRect geometry = old->geometry();
    showMain(old->user(), old->currentPageId()); // m_main is the new window from here on
    m_main->setGeometry(geometry);
    old->close();
}

} // namespace windowdesk::app
