#pragma once
// The GUI's life cycle: login dialog → main window → (log out → login again | quit), language switches.
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/mainwindow.h>

#include <QObject>
#include <QPointer>

namespace windowdesk::ui {
class LoginDialog;
}

namespace windowdesk::app {

class AppController : public QObject {
    Q_OBJECT
public:
    AppController(ui::ShellContext base, QObject *parent = nullptr);
    ~AppController() override;
    void start();

private:
    void showLogin(const QString &username = {});
    void showMain(const storage::User &user, const QString &pageId = {});
    void endSession(bool quit);
    void onMainClosed(ui::MainWindow *window);
    void switchLanguage(const QString &language);
    QString platformUrl() const;

    ui::ShellContext m_base;
    storage::UserRepository m_users;
    QPointer<ui::LoginDialog> m_login;
    QPointer<ui::MainWindow> m_main;
};

} // namespace windowdesk::app
