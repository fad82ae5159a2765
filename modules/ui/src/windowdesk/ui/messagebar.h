#pragma once
// An inline, non-blocking message strip (info / warning / error): routine errors are shown here,
// never in a modal box, so the clerk's typing is not interrupted.
#include <QFrame>

class QLabel;
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

    QString text() const;
    Level level() const { return m_level; }
    bool hasMessage() const { return !isHidden(); }

signals:
    void messageChanged(const QString &text);

private:
    QLabel *m_icon;
    QLabel *m_label;
    QToolButton *m_close;
    Level m_level = Level::Info;
};

} // namespace windowdesk::ui
