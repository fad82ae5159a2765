#include "logindialog.h"

#include "appearance.h"
#include "logging.h"
#include "messagebar.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

LoginDialog::LoginDialog(Authenticator authenticate, QWidget *parent)
    : LoginDialog(AsyncAuthenticator(
                      [authenticate = std::move(authenticate)](const QString &u, const QString &p,
                                                               Reply reply) { reply(authenticate(u, p)); }),
                  parent) {}

LoginDialog::LoginDialog(AsyncAuthenticator authenticate, QWidget *parent)
    : QDialog(parent)
    , m_authenticate(std::move(authenticate))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_login(new QPushButton(tr("&Log in"), this))
    , m_context(new QLabel(this))
    , m_message(new MessageBar(this)) {
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("WindowDesk — Log in"));

    auto *title = new QLabel(tr("WindowDesk"), this);
    title->setObjectName(u"loginTitle"_s);
    auto *subtitle = new QLabel(tr("Comprehensive window workbench"), this);
    subtitle->setObjectName(u"loginSubtitle"_s);
    m_context->setObjectName(u"loginContext"_s);
    m_context->setWordWrap(true);
    m_context->hide();

    m_username->setObjectName(u"loginUser"_s);
    m_username->setAccessibleName(tr("User name"));
    m_username->setPlaceholderText(tr("User name"));
    m_username->setMaxLength(64);
    m_password->setObjectName(u"loginPassword"_s);
    m_password->setAccessibleName(tr("Password"));
    m_password->setPlaceholderText(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(128);
    m_login->setObjectName(u"loginButton"_s);
    m_login->setAccessibleName(tr("Log in"));
    m_login->setDefault(true);
    m_message->setObjectName(u"loginMessage"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_login, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("&Quit"));
    cancel->setObjectName(u"loginQuit"_s);

    auto *l = new QVBoxLayout(this);
    l->setContentsMargins(28, 24, 28, 20);
    l->setSpacing(10);
    l->addWidget(title);
    l->addWidget(subtitle);
    l->addWidget(m_context);
    l->addSpacing(8);
    l->addLayout(form);
    l->addWidget(m_message);
    l->addStretch();
    l->addWidget(buttons);
    setMinimumWidth(420);

    // The button, not the dialog's accept(), runs the attempt.
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_username, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButton);
    // Enter reaches the default (login) button by itself; with no password yet it moves on instead.
    connect(m_username, &QLineEdit::returnPressed, this, [this] {
        if (m_password->text().isEmpty())
            m_password->setFocus();
    });
    updateButton();
    m_username->setFocus();
}

void LoginDialog::setContextLine(const QString &text) {
    m_context->setText(text);
    m_context->setVisible(!text.isEmpty());
}

void LoginDialog::setUsername(const QString &username) {
    m_username->setText(username);
    m_password->setFocus();
}

void LoginDialog::updateButton() {
    m_login->setEnabled(!m_busy && !m_username->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

QString LoginDialog::describeError(const Error &error) {
    QString text;
    if (error.code == u"invalid_credentials")
        text = tr("Wrong user name or password.");
    else if (error.code == u"account_locked")
        text = tr("This account is locked after too many failed attempts.");
    else if (error.code == u"platform_unreachable" || error.code == u"offline")
        text = tr("The platform cannot be reached. You can log in with an account already used on this "
                  "computer; work is kept and synced when the link returns.");
    else if (error.code == u"offline_unknown_user")
        text = tr("The platform cannot be reached and this account has never logged in online on this "
                  "computer, so it cannot log in offline. Log in once while the platform is reachable.");
    else if (error.code == u"account_inactive")
        text = tr("This account is disabled. Ask the hall administrator.");
    else
        text = tr("Login failed.");
    if (error.message.isEmpty())
        return text;
    // The repository's own text carries the specifics (attempts left, locked until …) and is written in
    // Chinese for the clerk: in a Chinese UI it says it all, elsewhere it follows the translated headline.
    if (installedLanguage().startsWith(u"zh"_s))
        return error.message;
    return text + u"\n"_s + error.message;
}

void LoginDialog::setBusy(bool busy) {
    m_busy = busy;
    m_username->setReadOnly(busy);
    m_password->setReadOnly(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateButton();
}

void LoginDialog::attempt() {
    if (m_busy)
        return;
    const QString username = m_username->text().trimmed();
    const QString password = m_password->text();
    if (username.isEmpty() || password.isEmpty()) {
        m_message->showWarning(tr("Enter your user name and password."));
        return;
    }
    const int attempt = ++m_attempt;
    setBusy(true);
    m_message->showInfo(tr("Logging in…"));
    // The reply may come after the dialog is gone (quit while waiting): then it goes nowhere.
    m_authenticate(username, password,
                   [self = QPointer<LoginDialog>(this), attempt](Result<storage::User> r) {
                       if (self && attempt == self->m_attempt)
                           self->answered(std::move(r));
                   });
}

void LoginDialog::answered(Result<storage::User> result) {
    setBusy(false);
    m_password->clear();
    if (!result) {
        qCInfo(lcUi) << "login refused:" << result.error().code;
        const bool offline =
            result.error().code == u"platform_unreachable" || result.error().code == u"offline";
        m_message->showMessage(offline ? MessageBar::Level::Warning : MessageBar::Level::Error,
                               describeError(result.error()));
        m_password->setFocus();
        return;
    }
    m_user = std::move(result).value();
    m_message->clearMessage();
    accept();
}

} // namespace windowdesk::ui
