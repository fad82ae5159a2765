#pragma once
// Demo hall only: the citizen's phone showing a demo e-license QR (DEMO DATA, signed with the demo key),
// a fresh payload every minute, the payload text to copy, and a "simulate scan" that types the payload
// like a keyboard-wedge scanner into the clerk's window so the real scanner filter path runs.
#include <windowdesk/core/result.h>

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace windowdesk {
class Clock;
}

namespace windowdesk::intake {

class CitizenPhoneWindow : public QWidget {
    Q_OBJECT
public:
    // `clerkWindow`: where simulated scans are typed (its focus widget); also the parent (a separate window).
    explicit CitizenPhoneWindow(const Clock &clock, QWidget *clerkWindow = nullptr);

    QByteArray payload() const { return m_payload; }
    qint64 issuedAt() const { return m_issuedAt; }
    // Milliseconds between simulated key strokes (a wedge scanner types a few ms apart).
    void setKeyIntervalMs(int ms) { m_typer.setInterval(ms); }
    bool isTyping() const { return m_typer.isActive(); }

public Q_SLOTS:
    void selectLicense(int index);
    // Signs a fresh payload for the chosen license and shows its QR.
    void refresh();
    // Types the current payload + Enter as key events to the clerk window's focus widget.
    void simulateScan();

Q_SIGNALS:
    void refreshed();
    void scanTyped();

private:
    void refreshIfDue();
    void typeNext();

    const Clock &m_clock;
    QPointer<QWidget> m_clerkWindow;
    int m_index = 0;
    QByteArray m_payload;
    qint64 m_issuedAt = 0;
    QComboBox *m_license = nullptr;
    QLabel *m_qr = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_error = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_simulate = nullptr;
    QTimer m_refreshTimer;
    QTimer m_typer;
    QByteArray m_typing;
    int m_typed = 0;
};

} // namespace windowdesk::intake
