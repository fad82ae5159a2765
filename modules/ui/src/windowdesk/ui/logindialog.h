#pragma once
// The login dialog: user name, password, and an inline message for a wrong password, a locked
// account or an unreachable platform. Authentication itself is injected (local users now, the
// platform later), so the dialog holds no rule.
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

    explicit LoginDialog(Authenticator authenticate, QWidget *parent = nullptr);

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
    void updateButton();

    Authenticator m_authenticate;
    storage::User m_user;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QPushButton *m_login;
    QLabel *m_context;
    MessageBar *m_message;
};

} // namespace windowdesk::ui
