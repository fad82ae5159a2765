#include "dialogfacade.h"

#include "logging.h"
#include <QAbstractButton>
#include <QFileDialog>
#include <QGuiApplication>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

DialogFacade &DialogFacade::instance() {
    static DialogFacade f;
    return f;
}

bool DialogFacade::interactive() const {
    if (m_interactive >= 0)
        return m_interactive == 1;
    const QString p = QGuiApplication::platformName();
    return p != u"offscreen" && p != u"minimal";
}

void DialogFacade::reset() {
    m_buttons.clear();
    m_paths.clear();
    m_shown.clear();
}

QMessageBox::StandardButton DialogFacade::information(QWidget *parent, const QString &title,
                                                      const QString &text) {
    return message(parent, Kind::Information, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton DialogFacade::warning(QWidget *parent, const QString &title,
                                                  const QString &text) {
    return message(parent, Kind::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton DialogFacade::critical(QWidget *parent, const QString &title,
                                                   const QString &text) {
    return message(parent, Kind::Critical, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton DialogFacade::question(QWidget *parent, const QString &title, const QString &text,
                                                   QMessageBox::StandardButtons buttons,
                                                   QMessageBox::StandardButton defaultButton) {
    return message(parent, Kind::Question, title, text, buttons, defaultButton);
}

QMessageBox::StandardButton
DialogFacade::ask(QWidget *parent, const QString &title, const QString &text,
                  const QList<std::pair<QMessageBox::StandardButton, QString>> &buttons,
                  QMessageBox::StandardButton defaultButton) {
    QMessageBox::StandardButtons ids;
    for (const auto &b : buttons)
        ids |= b.first;
    return message(parent, Kind::Question, title, text, ids, defaultButton, buttons);
}

QMessageBox::StandardButton
DialogFacade::message(QWidget *parent, Kind kind, const QString &title, const QString &text,
                      QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton,
                      const QList<std::pair<QMessageBox::StandardButton, QString>> &texts) {
    m_shown.append({kind, title, text});
    if (!m_buttons.isEmpty())
        return m_buttons.dequeue();
    if (!interactive()) {
        // Nobody can click a box on a headless run: say it on stderr instead (no personal data goes in
        // boxes).
        qCWarning(lcUi).noquote() << title << u":"_s << text;
        return defaultButton;
    }
    QMessageBox box(parent);
    box.setWindowTitle(title);
    box.setText(text);
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.setStandardButtons(buttons);
    for (const auto &[id, label] : texts)
        if (QAbstractButton *b = box.button(id))
            b->setText(label);
    box.setDefaultButton(defaultButton);
    switch (kind) {
    case Kind::Warning:
        box.setIcon(QMessageBox::Warning);
        break;
    case Kind::Critical:
        box.setIcon(QMessageBox::Critical);
        break;
    case Kind::Question:
        box.setIcon(QMessageBox::Question);
        break;
    default:
        box.setIcon(QMessageBox::Information);
        break;
    }
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

QString DialogFacade::path(Kind kind, QWidget *parent, const QString &caption, const QString &dir,
                           const QString &filter) {
    m_shown.append({kind, caption, dir});
    if (!m_paths.isEmpty())
        return m_paths.dequeue();
    if (!interactive())
        return {};
    switch (kind) {
    case Kind::SaveFile:
        return QFileDialog::getSaveFileName(parent, caption, dir, filter);
    case Kind::Directory:
        return QFileDialog::getExistingDirectory(parent, caption, dir);
    default:
        return QFileDialog::getOpenFileName(parent, caption, dir, filter);
    }
}

QString DialogFacade::openFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter) {
    return path(Kind::OpenFile, parent, caption, dir, filter);
}

QString DialogFacade::saveFileName(QWidget *parent, const QString &caption, const QString &dir,
                                   const QString &filter) {
    return path(Kind::SaveFile, parent, caption, dir, filter);
}

QString DialogFacade::existingDirectory(QWidget *parent, const QString &caption, const QString &dir) {
    return path(Kind::Directory, parent, caption, dir, {});
}

} // namespace windowdesk::ui
