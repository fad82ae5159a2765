#pragma once
// The keyboard back where it was once a dialog is closed (accepted, cancelled, Esc). A window manager
// re-activates the main window when a dialog goes; without one (a kiosk session on a bare X server, the
// offscreen platform of the tests) nothing does, no widget has the focus, and no shortcut of the main window
// fires — Ctrl+PgDown stopped switching the supervision tabs after F3 and Esc. So the widget's window is
// activated and the widget focused again.
#include <QPointer>
#include <QWidget>

class QDialog;

namespace windowdesk::ui {

// When `dialog` is finished, `to` (if it still exists) gets its window activated and the focus.
void returnFocusWhenClosed(QDialog *dialog, QWidget *to);
// Now: `to`'s window activated and `to` focused (after a modal dialog, e.g. a file dialog, returned).
void returnFocus(QWidget *to);

} // namespace windowdesk::ui
