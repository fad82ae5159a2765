#pragma once
// How the app plugs the intake pages into the main window.
#include "intakecontext.h"

namespace windowdesk::ui {
class MainWindow;
}

namespace windowdesk::intake {

// Replaces the "intake", "cases" and "catalog" placeholder pages of the main window with the real ones
// (Enter on the catalog page starts an intake of the chosen item or bundle). `context` must outlive the
// window's pages.
// With context.remindCards, the clerk's carded cases are listed once the event loop runs (remindCards()).
void registerIntakePages(ui::MainWindow &window, IntakeContext &context);
// Opens the card reminder over `window` when the clerk's own cases carry cards (nothing otherwise).
void remindCards(ui::MainWindow &window, IntakeContext &context);

} // namespace windowdesk::intake
