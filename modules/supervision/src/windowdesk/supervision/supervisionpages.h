#pragma once
// The supervision module's pages in the main window (replacing the placeholder of the same id).
namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
struct User;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MainWindow;
}

namespace windowdesk::supervision {

// `db`, `clock` and `audit` outlive the window. The 监督 page holds two tabs: the overdue board and the
// 差评 ledger (Ctrl+PgDown / Ctrl+PgUp switch).
void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              storage::AuditLog *audit, const storage::User &user);

} // namespace windowdesk::supervision
