#include "focusreturn.h"

#include <QDialog>

namespace windowdesk::ui {

void returnFocus(QWidget *to) {
    if (!to || !to->isVisible())
        return;
    to->window()->activateWindow();
    to->setFocus(Qt::ActiveWindowFocusReason);
}

void returnFocusWhenClosed(QDialog *dialog, QWidget *to) {
    const QPointer<QWidget> target(to);
    QObject::connect(dialog, &QDialog::finished, to, [target] { returnFocus(target); });
}

} // namespace windowdesk::ui
