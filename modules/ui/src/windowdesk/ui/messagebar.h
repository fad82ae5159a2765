#pragma once
// An inline, non-blocking message strip (info / warning / error): routine errors are shown here,
// never in a modal box, so the clerk's typing is not interrupted.
#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;

namespace windowdesk::ui {

class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    Q_ENUM(Level)

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    void showInfo(const QString &text) { showMessage(Level::Info, text); }
    void showWarning(const QString &text) { showMessage(Level::Warning, text); }
    void showError(const QString &text) { showMessage(Level::Error, text); }
    void clearMessage();
    // A button after the text (e.g. "Open folder"), shown with the current message until the next one.
    void setAction(const QString &text, std::function<void()> action);
    // At most this many lines of text are shown; a longer message scrolls inside the bar, so a page (and
    // the window) never grows past the screen because of it.
    static constexpr int kMaxVisibleLines = 4;

    QString text() const;
    Level level() const { return m_level; }
    bool hasMessage() const { return !isHidden(); }

signals:
    void messageChanged(const QString &text);

private:
    QLabel *m_icon;
    QLabel *m_label;
    QScrollArea *m_scroll;
    QPushButton *m_action;
    QToolButton *m_close;
    std::function<void()> m_onAction;
    Level m_level = Level::Info;
};

} // namespace windowdesk::ui
