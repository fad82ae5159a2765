#include "citizenphonewindow.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/timeformat.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/license/qrcode.h>

#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
constexpr qint64 kRefreshSecs = 60;
constexpr qint64 kLifetimeSecs = 300;

Qt::Key keyFor(char c) {
    if (c >= 'a' && c <= 'z')
        return Qt::Key(Qt::Key_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z')
        return Qt::Key(Qt::Key_A + (c - 'A'));
    if (c >= '0' && c <= '9')
        return Qt::Key(Qt::Key_0 + (c - '0'));
    switch (c) {
    case '.':
        return Qt::Key_Period;
    case '-':
        return Qt::Key_Minus;
    case '_':
        return Qt::Key_Underscore;
    default:
        return Qt::Key_unknown;
    }
}
} // namespace

CitizenPhoneWindow::CitizenPhoneWindow(const Clock &clock, QWidget *clerkWindow)
    : QWidget(clerkWindow, Qt::Window)
    , m_clock(clock)
    , m_clerkWindow(clerkWindow) {
    setObjectName(u"citizenPhone"_s);
    setWindowTitle(tr("Citizen phone (demo)"));
    auto *root = new QVBoxLayout(this);
    auto *demo = new QLabel(tr("DEMO DATA — signed with the demo hall's key"), this);
    demo->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    root->addWidget(demo);
    m_license = new QComboBox(this);
    m_license->setObjectName(u"citizenPhoneLicense"_s);
    for (const auto &l : license::DemoLicenses::licenses())
        m_license->addItem(l.title);
    connect(m_license, &QComboBox::currentIndexChanged, this, &CitizenPhoneWindow::selectLicense);
    root->addWidget(m_license);
    m_qr = new QLabel(this);
    m_qr->setObjectName(u"citizenPhoneQr"_s);
    m_qr->setAlignment(Qt::AlignCenter);
    root->addWidget(m_qr, 1);
    m_expiry = new QLabel(this);
    m_expiry->setObjectName(u"citizenPhoneExpiry"_s);
    root->addWidget(m_expiry);
    m_error = new QLabel(this);
    m_error->setObjectName(u"citizenPhoneError"_s);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();
    root->addWidget(m_error);
    // Selectable and copyable so it can be pasted into the license panel.
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"citizenPhonePayload"_s);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setMaximumHeight(90);
    root->addWidget(m_text);
    m_simulate = new QPushButton(tr("Simulate scan (types the code into the clerk's window)"), this);
    m_simulate->setObjectName(u"simulateScan"_s);
    m_simulate->setFocusPolicy(Qt::NoFocus);
    connect(m_simulate, &QPushButton::clicked, this, &CitizenPhoneWindow::simulateScan);
    root->addWidget(m_simulate);

    // Checked every second against the injected clock, so a moved clock refreshes too.
    m_refreshTimer.setInterval(1000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &CitizenPhoneWindow::refreshIfDue);
    m_refreshTimer.start();
    m_typer.setInterval(3); // well under the filter's 50 ms gap
    m_typer.setTimerType(Qt::PreciseTimer);
    connect(&m_typer, &QTimer::timeout, this, &CitizenPhoneWindow::typeNext);
    refresh();
}

void CitizenPhoneWindow::selectLicense(int index) {
    if (index < 0)
        return;
    m_index = index;
    if (m_license->currentIndex() != index)
        m_license->setCurrentIndex(index);
    refresh();
}

void CitizenPhoneWindow::refreshIfDue() {
    if (m_clock.nowSecs() - m_issuedAt >= kRefreshSecs)
        refresh();
}

void CitizenPhoneWindow::refresh() {
    m_issuedAt = m_clock.nowSecs();
    auto payload = license::DemoLicenses::freshPayload(m_index, m_clock, kLifetimeSecs);
    if (!payload.ok()) {
        m_payload.clear();
        m_error->setText(tr("No demo license: %1").arg(payload.error().message));
        m_error->show();
        return;
    }
    m_payload = payload.value();
    auto image = license::QrCode::render(m_payload, 4);
    if (!image.ok()) {
        m_error->setText(tr("QR code failed: %1").arg(image.error().message));
        m_error->show();
    } else {
        m_error->hide();
        m_qr->setPixmap(QPixmap::fromImage(image.value()));
    }
    m_text->setPlainText(QString::fromLatin1(m_payload));
    m_expiry->setText(tr("Valid until %1 (a new code every minute)")
                          .arg(core::displayTime(m_clock.nowUtc().addSecs(kLifetimeSecs))));
    emit refreshed();
}

void CitizenPhoneWindow::simulateScan() {
    if (m_payload.isEmpty() || m_typer.isActive())
        return;
    m_typing = m_payload + '\r';
    m_typed = 0;
    if (m_clerkWindow)
        m_clerkWindow->activateWindow();
    m_typer.start();
}

void CitizenPhoneWindow::typeNext() {
    if (m_typed >= m_typing.size()) {
        m_typer.stop();
        emit scanTyped();
        return;
    }
    QWidget *target = m_clerkWindow ? m_clerkWindow->window()->focusWidget() : nullptr;
    if (!target)
        target = m_clerkWindow ? m_clerkWindow->window() : nullptr;
    if (!target) {
        m_typer.stop();
        return;
    }
    const char c = m_typing.at(m_typed++);
    const bool enter = c == '\r';
    const Qt::Key key = enter ? Qt::Key_Return : keyFor(c);
    const QString text = enter ? u"\r"_s : QString(QLatin1Char(c));
    const Qt::KeyboardModifiers mods =
        (c >= 'A' && c <= 'Z') || c == '_' ? Qt::ShiftModifier : Qt::NoModifier;
    // Sent through QApplication so the application-wide ScannerInputFilter sees them as it sees a scanner.
    QKeyEvent press(QEvent::KeyPress, key, mods, text);
    QApplication::sendEvent(target, &press);
    QKeyEvent release(QEvent::KeyRelease, key, mods, text);
    QApplication::sendEvent(target, &release);
}

} // namespace windowdesk::intake
