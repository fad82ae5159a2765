#pragma once
// The supervision module's pages in the main window (replacing the placeholder of the same id).
namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
struct User;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MainWindow;
}

namespace windowdesk::supervision {

// `db` and `clock` outlive the window.
void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              const storage::User &user);

} // namespace windowdesk::supervision
