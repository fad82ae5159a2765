#pragma once
#include <QList>
#include <QString>
#include <utility>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::app {
// WindowDesk, Qt, SQLite (as linked by the Qt driver), zint and OpenSSL versions for the about dialog.
QList<std::pair<QString, QString>> componentVersions(const storage::Database *db);
} // namespace windowdesk::app
