#pragma once
// Small widget helpers the intake page's sections share: buttons reached by their shortcuts, inline error
// labels, shortcuts scoped to the page, and the guard that keeps the wheel off closed combo boxes.
#include <QKeySequence>
#include <QObject>
#include <QString>
#include <functional>

class QLabel;
class QPushButton;
class QShortcut;
class QWidget;

namespace windowdesk::intake {

// A button named `name` showing its key; buttons are reached by their shortcuts, so Tab walks the form only.
QPushButton *actionButton(QWidget *parent, const QString &name, const QString &text, const QKeySequence &key);
// A hidden red label for one field's problem.
QLabel *errorLabel(QWidget *parent, const QString &name);
// Shows `text` (hides the label when empty).
void setError(QLabel *label, const QString &text);
// A shortcut active while the focus is anywhere inside `scope` (the page).
QShortcut *scopedShortcut(QWidget *scope, const QKeySequence &key, std::function<void()> action);

// The wheel over a closed combo box scrolls the page (its parents) instead of changing the value: a clerk
// scrolling the long form must not change a field by passing over it. An open popup still scrolls.
class ComboWheelGuard : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace windowdesk::intake
