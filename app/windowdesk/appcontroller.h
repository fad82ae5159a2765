#pragma once
// The GUI's life cycle: login dialog → main window → (log out → login again | quit), language switches.
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/sync/apiclient.h>
#include <windowdesk/sync/tokenholder.h>
#include <windowdesk/ui/mainwindow.h>

#include <QObject>
#include <QPointer>
#include <memory>

namespace windowdesk::ui {
class LoginDialog;
}

namespace windowdesk::app {
class PlatformLogin;

class AppController : public QObject {
    Q_OBJECT
public:
    AppController(ui::ShellContext base, QObject *parent = nullptr);
    ~AppController() override;
    void start();

    // Keychain service for the platform tokens (tests use their own; empty = none, memory only). Default:
    // "WindowDesk" when the context says a keychain is available.
    void setSecretService(const QString &service);

private:
    void showLogin(const QString &username = {});
    void showMain(const storage::User &user, const QString &pageId = {});
    // Log out (or quit): asks first when the intake page has a called ticket or unsaved entries.
    void requestEndSession(bool quit);
    void endSession(bool quit);
    void onMainClosed(ui::MainWindow *window);
    void switchLanguage(const QString &language);
    QString platformUrl() const;
    void decorateMain(ui::MainWindow &window);

    ui::ShellContext m_base;
    storage::UserRepository m_users;
    QPointer<ui::LoginDialog> m_login;
    QPointer<ui::MainWindow> m_main;
    // Every window this controller opened and its session: a closed window is deleted later (deleteLater),
    // its session after it; whatever is still alive when the controller goes is deleted with it, window
    // first, so no session outlives the database the caller destroys next.
    QList<std::pair<QPointer<ui::MainWindow>, QPointer<QObject>>> m_windows;
    QString m_secretService;
    // The program's one holder of the platform tokens (login, sync, online calls); outlives every session.
    std::unique_ptr<sync::TokenHolder> m_tokens;
    std::unique_ptr<PlatformLogin> m_platform;
    bool m_offline = false;        // the current session logged in against the offline verifier
    bool m_tokensInMemory = false; // online login without a keychain: tokens for this run only
};

} // namespace windowdesk::app
