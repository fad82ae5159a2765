#pragma once
#include <windowdesk/ui/mainwindow.h>

#include <QString>

namespace windowdesk::app {
// Renders the main screens (login, main window on each page, settings, about) into PNG files in `dir`
// as the demo admin (all roles), without any dialog, prints their paths on stdout; returns the exit code.
int renderScreenshots(const QString &dir, ui::ShellContext base);
} // namespace windowdesk::app
