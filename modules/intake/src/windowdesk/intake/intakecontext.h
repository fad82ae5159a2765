#pragma once
// What the intake pages need from the application: the database, clock, audit log, the clerk at the
// window, and optionally the queue and the license scan service.
#include "caseservice.h"

#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class AuditLog;
} // namespace windowdesk::storage
namespace windowdesk::license {
class LicenseScanService;
}
namespace windowdesk::sync {
class OnlineApi;
}

namespace windowdesk::intake {

class QueueService;

struct IntakeContext {
    storage::Database *db = nullptr;
    const Clock *clock = nullptr;
    storage::AuditLog *audit = nullptr;
    WindowContext window;
    // Null: a LocalQueueService over `db` is made (demo hall tickets generated when `demoHall`).
    QueueService *queue = nullptr;
    bool demoHall = true;
    // Where notices are saved as PDF; empty: <AppDataLocation>/notices.
    QString noticeDir;
    // Verified scans arrive here when set (the license panel's service).
    license::LicenseScanService *scanService = nullptr;
    // Online platform calls (queue, license resolve); null in the demo hall or before a platform login.
    sync::OnlineApi *online = nullptr;
};

} // namespace windowdesk::intake
