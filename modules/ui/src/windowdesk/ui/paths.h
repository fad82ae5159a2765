#pragma once
// Where WindowDesk keeps files the clerk looks for outside the program.
#include <QString>

namespace windowdesk::ui {

// The folder of the notices saved as PDF (受理回执, 补正告知书, 送达回执 …), beside the default database:
// $XDG_DATA_HOME/WindowDesk/notices (~/.local/share/WindowDesk/notices) on Linux,
// %LOCALAPPDATA%/WindowDesk/notices on Windows. Not QStandardPaths::AppDataLocation: that appends the
// organisation and the application name, both "WindowDesk", and gave …/WindowDesk/WindowDesk/notices.
// Created when missing.
QString noticesDirectory();

// Opens `dir` in the desktop's file manager. False when no file manager answered.
bool openFolder(const QString &dir);

} // namespace windowdesk::ui
