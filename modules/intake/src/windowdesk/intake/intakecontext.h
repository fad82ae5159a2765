#pragma once
// What the intake pages need from the application: the database, clock, audit log, the clerk at the
// window, and optionally the queue and the license scan service.
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/draftrepository.h>
#include <windowdesk/cases/evaluationservice.h>
#include <windowdesk/cases/queueservice.h>

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

// The case library's names as the intake pages use them (they live in windowdesk::cases).
using cases::ApplicantInput;
using cases::CaseService;
using cases::DraftRepository;
using cases::DueDates;
using cases::EvaluationInput;
using cases::EvaluationService;
using cases::FieldProblems;
using cases::IntakeDraft;
using cases::LocalQueueService;
using cases::MaterialMark;
using cases::Matter;
using cases::MatterMaterial;
using cases::QueueCategory;
using cases::QueueService;
using cases::StoredDraft;
using cases::SubmittedCase;
using cases::Ticket;
using cases::TicketAction;
using cases::WindowContext;

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
    // After login, list the clerk's own carded cases (cardreminder.h) once; the program sets it for clerks.
    bool remindCards = false;
};

} // namespace windowdesk::intake
