#pragma once
#include <windowdesk/ui/mainwindow.h>

namespace windowdesk::app {
// The real pages of the feature modules, for the window of one logged-in user. Each replaces the
// placeholder with the same id (intake, catalog, cases, supervision, training); MainWindow shows only
// those the user's roles allow. Add a module's page here when it arrives.
QList<ui::PageSpec> modulePages(const ui::ShellContext &context);
} // namespace windowdesk::app
