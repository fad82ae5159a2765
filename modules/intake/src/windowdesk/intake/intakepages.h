#pragma once
// How the app plugs the intake pages into the main window.
#include "intakecontext.h"

namespace windowdesk::ui {
class MainWindow;
}

namespace windowdesk::intake {

// Replaces the "intake" and "cases" placeholder pages of the main window with the real ones. `context`
// must outlive the window's pages.
void registerIntakePages(ui::MainWindow &window, IntakeContext &context);

} // namespace windowdesk::intake
