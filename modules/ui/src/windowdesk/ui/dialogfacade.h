#pragma once
// Every QMessageBox / QFileDialog of WindowDesk goes through this facade, so tests can pre-answer
// dialogs (and read what was shown) and headless runs never block on a box nobody can click.
#include <QList>
#include <QMessageBox>
#include <QQueue>
#include <QString>

class QWidget;

namespace windowdesk::ui {

class DialogFacade {
public:
    enum class Kind { Information, Warning, Critical, Question, OpenFile, SaveFile, Directory };

    struct Shown {
        Kind kind;
        QString title;
        QString text;
    };

    static DialogFacade &instance();

    QMessageBox::StandardButton information(QWidget *parent, const QString &title, const QString &text);
    QMessageBox::StandardButton warning(QWidget *parent, const QString &title, const QString &text);
    QMessageBox::StandardButton critical(QWidget *parent, const QString &title, const QString &text);
    QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                         QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                QMessageBox::No,
                                         QMessageBox::StandardButton defaultButton = QMessageBox::No);

    // A question with buttons of its own wording (each a standard button id with its text, in order); returns
    // the id chosen. Tests pre-answer it with preAnswer(id) like any other box.
    QMessageBox::StandardButton ask(QWidget *parent, const QString &title, const QString &text,
                                    const QList<std::pair<QMessageBox::StandardButton, QString>> &buttons,
                                    QMessageBox::StandardButton defaultButton);

    // Empty string = cancelled.
    QString openFileName(QWidget *parent, const QString &caption, const QString &dir = {},
                         const QString &filter = {});
    QString saveFileName(QWidget *parent, const QString &caption, const QString &dir = {},
                         const QString &filter = {});
    QString existingDirectory(QWidget *parent, const QString &caption, const QString &dir = {});

    // Tests: answers consumed in order by the next dialogs instead of showing them.
    void preAnswer(QMessageBox::StandardButton button) { m_buttons.enqueue(button); }
    void preAnswerPath(const QString &path) { m_paths.enqueue(path); }
    // Without a pre-answer, a non-interactive facade returns the default (or cancels) without showing
    // anything. It is non-interactive by default on the offscreen/minimal platforms.
    void setInteractive(bool on) { m_interactive = on ? 1 : 0; }
    bool interactive() const;
    const QList<Shown> &shown() const { return m_shown; }
    void reset();

private:
    DialogFacade() = default;
    QMessageBox::StandardButton
    message(QWidget *parent, Kind kind, const QString &title, const QString &text,
            QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
            const QList<std::pair<QMessageBox::StandardButton, QString>> &texts = {});
    QString path(Kind kind, QWidget *parent, const QString &caption, const QString &dir,
                 const QString &filter);

    QQueue<QMessageBox::StandardButton> m_buttons;
    QQueue<QString> m_paths;
    QList<Shown> m_shown;
    int m_interactive = -1; // -1: decide by the platform plugin
};

} // namespace windowdesk::ui
