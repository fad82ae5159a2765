#pragma once
// The training module's pages in the main window (issue 15), replacing the placeholder of the same id: the
// trainer's 培训 page (题库 / 组卷 / 竞赛 / 成绩 tabs).
#include <windowdesk/storage/userrepository.h>

#include <functional>

class QObject;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::sync {
class OnlineApi;
}
namespace windowdesk::ui {
class MainWindow;
}
namespace windowdesk::intake {
class IntakePage;
}
namespace windowdesk::license {
class LicenseScanService;
}

namespace windowdesk::trainingui {

// What the training pages need from the session. `db`, `clock` and `audit` outlive the window.
struct TrainingContext {
    storage::Database *db = nullptr;
    const Clock *clock = nullptr;
    storage::AuditLog *audit = nullptr;
    storage::User user;
    // Runs `slot` in `context` after every sync run (results pushed, pages pulled): the pages refresh live.
    // Empty: no platform.
    std::function<void(QObject *context, std::function<void()> slot)> afterSync;
    // The platform's online calls (the competitions' platform leaderboard); null without a platform.
    sync::OnlineApi *online = nullptr;
    // While a scenario drill runs on its sandbox, the hall's devices (the e-license scanner, the ID card
    // reader) must feed the drill's intake page and scan service, never the real visit or the real
    // database: a drill calls this with its page and scan service when it opens and with nulls when it ends.
    // Empty: no devices to route (tests without a session).
    std::function<void(intake::IntakePage *page, license::LicenseScanService *scan)> routeDevices;
};

void registerTrainingPages(ui::MainWindow &window, const TrainingContext &context);

} // namespace windowdesk::trainingui
