#include "appcontroller.h"

#include "platformlogin.h"
#include "session.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/appsettings.h>
#include <windowdesk/ui/dialogfacade.h>
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
    auto v = store.value(QString::fromLatin1(storage::settingkey::platformUrl));
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
    w->setInterceptClose(true); // the close button quits like Ctrl+Q, asking first about open work
    connect(w, &ui::MainWindow::logoutRequested, this, [this] { requestEndSession(false); });
    connect(w, &ui::MainWindow::quitRequested, this, [this] { requestEndSession(true); });
    connect(w, &ui::MainWindow::languageChanged, this, &AppController::switchLanguage, Qt::QueuedConnection);
    connect(w, &ui::MainWindow::closed, this, [this, w] { onMainClosed(w); });
    w->showForUser();
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

void AppController::requestEndSession(bool quit) {
    ui::MainWindow *w = m_main;
    if (!w)
        return;
    // Only a page already made can hold work: findChild does not create one.
    auto *intake = w->findChild<intake::IntakePage *>();
    if (!intake || !intake->hasOpenWork()) {
        endSession(quit);
        return;
    }
    const auto ticket = intake->currentTicket();
    const bool ticketOpen = ticket && (core::is(ticket->status, core::TicketStatus::Called) ||
                                       core::is(ticket->status, core::TicketStatus::Serving));
    const bool entries = !intake->currentDraft().isEmpty();
    QString text = ticketOpen ? tr("Ticket %1 is still being served at this window.").arg(ticket->ticketNo)
                              : tr("The current visit has entries that are not saved as a case.");
    QList<std::pair<QMessageBox::StandardButton, QString>> buttons;
    // Hold: the ticket waits in the held list (Shift+F7 after the next login) with its draft.
    if (ticketOpen)
        buttons.append({QMessageBox::Yes, tr("&Hold the ticket")});
    // Keep: the draft (with its ticket) is offered under "Unfinished drafts" at the next login. Without
    // entries there is no draft to carry the ticket, so keeping is offered only with entries.
    if (entries)
        buttons.append(
            {QMessageBox::Save, ticketOpen ? tr("&Keep the draft and the ticket") : tr("&Keep the draft")});
    buttons.append({QMessageBox::Cancel, tr("&Cancel")});
    text += u"\n\n"_s + (quit ? tr("What should happen to it before WindowDesk quits?")
                              : tr("What should happen to it before you log out?"));
    const QMessageBox::StandardButton answer =
        ui::DialogFacade::instance().ask(w, quit ? tr("Quit with work open") : tr("Log out with work open"),
                                         text, buttons, buttons.first().first);
    QPointer<ui::MainWindow> guard(w);
    switch (answer) {
    case QMessageBox::Yes:
        intake->holdCurrentTicket([this, guard, quit](bool held) {
            // Refused (the platform queue is unreachable): the page says why and the clerk stays.
            if (held && guard && guard == m_main)
                endSession(quit);
        });
        return;
    case QMessageBox::Save:
        intake->saveDraftNow();
        endSession(quit);
        return;
    default:
        return; // stay: nothing changes
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
    w->closeForGood();
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
    const QByteArray geometry = old->saveGeometry(); // maximized stays maximized
    showMain(old->user(), old->currentPageId());     // m_main is the new window from here on
    m_main->restoreGeometry(geometry);
    old->closeForGood();
}

} // namespace windowdesk::app
