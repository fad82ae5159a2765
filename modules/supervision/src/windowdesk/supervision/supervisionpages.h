#pragma once
// The supervision module's pages in the main window (replacing the placeholder of the same id).
#include <functional>

class QObject;

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

// Runs `slot` in `context` after every sync run that may have changed the local cache (a pulled page of the
// hall's cases or evaluations): the pages refresh live, keeping their selection. Empty: no platform.
using AfterPull = std::function<void(QObject *context, std::function<void()> slot)>;

// `db`, `clock` and `audit` outlive the window. The 监督 page holds four tabs: the overdue board, the 差评
// ledger, the live queue (排队) and the period report (报表) (Ctrl+PgDown / Ctrl+PgUp switch).
void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              storage::AuditLog *audit, const storage::User &user,
                              const AfterPull &afterPull = {});

} // namespace windowdesk::supervision
