#pragma once
// The login dialog: user name, password, and an inline message for a wrong password, a locked
// account or an unreachable platform. Authentication itself is injected (local users, or the platform
// with an offline fallback), so the dialog holds no rule. An asynchronous authenticator answers through
// its reply callback while the dialog shows a busy state (no nested event loop).
#include <windowdesk/core/result.h>
#include <windowdesk/storage/userrepository.h>

#include <QDialog>
#include <functional>

class QLineEdit;
class QPushButton;
class QLabel;

namespace windowdesk::ui {
class MessageBar;

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    using Authenticator =
        std::function<Result<storage::User>(const QString &username, const QString &password)>;

    using Reply = std::function<void(Result<storage::User>)>;
    // Must call `reply` exactly once, now or later, in the GUI thread.
    using AsyncAuthenticator =
        std::function<void(const QString &username, const QString &password, Reply reply)>;

    explicit LoginDialog(Authenticator authenticate, QWidget *parent = nullptr);
    explicit LoginDialog(AsyncAuthenticator authenticate, QWidget *parent = nullptr);

    // True while an attempt waits for its answer (inputs and the login button are disabled).
    bool isBusy() const { return m_busy; }

    // The user who logged in (valid after accepted()).
    const storage::User &user() const { return m_user; }
    // Shown under the title, e.g. "未配置平台（演示大厅）" or the platform address.
    void setContextLine(const QString &text);
    void setUsername(const QString &username);
    MessageBar *messageBar() const { return m_message; }

    // Turns an authentication error into the text the user reads.
    static QString describeError(const Error &error);

private:
    void attempt();
    void answered(Result<storage::User> result);
    void setBusy(bool busy);
    void updateButton();

    AsyncAuthenticator m_authenticate;
    bool m_busy = false;
    int m_attempt = 0; // answers of an older attempt are ignored
    storage::User m_user;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPushButton *m_login;
    QLabel *m_context;
    MessageBar *m_message;
};

} // namespace windowdesk::ui
