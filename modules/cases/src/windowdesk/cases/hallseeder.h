#pragma once
// `seed demo-cases --hall`: a whole demo hall for the supervision pages. Several windows and their clerks
// take in cases exactly as a window does (DemoCaseSeeder through CaseService::submit: case, items, materials,
// 'created' event, audit and outbox row in one transaction); the back office then moves them on as the cases
// feed would (status, suspensions closed and still open, finished cases mostly finished in time, some late
// ones left open so the board has 预警/黄牌/红牌), and citizens rate about half of the visits, some with 差评
// — each evaluation written and queued like the window's own (evaluations row + outbox row). Every case is
// audited as seeded (case_seeded by whoever seeded, marked demo): the sync engine never sends it, nor its
// evaluations, to a platform that is not on this machine.
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QString>

class QRandomGenerator;

namespace windowdesk {
class Clock;
}
namespace windowdesk::core {
class WorkingCalendar;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct HallSeedOptions {
    int count = 200;
    int days = 30;
    quint64 seed = 0; // 0: random
    // Tickets per working day of the queue's ticket events (ticketeventseeder.h); -1: from count and days.
    int ticketsPerDay = -1;
    // Who seeded, for the cases' case_seeded audit rows (as DemoCaseSeeder's SeedOptions::actorId).
    QString actorId = QStringLiteral("seed:demo-cases");
};

struct HallSeedReport {
    int cases = 0;
    int windows = 0;
    int inProgress = 0;
    int suspended = 0; // suspended now (open suspension)
    int finished = 0;  // completed or delivered
    int evaluations = 0;
    int badEvaluations = 0; // levels 1-2
    int tickets = 0;        // tickets of the queue's ticket events
    int ticketEvents = 0;
    bool catalogLoaded = false;
    int crossProvinceReceipts = 0; // 跨省通办 (crossprovinceseeder.h)
    int crossProvinceForwarded = 0;
};

class HallSeeder {
public:
    // `audit`: the log the cases' case_seeded rows go to (with the keychain's anchor, as any case's); null:
    // the chain without the anchor.
    HallSeeder(storage::Database &db, const Clock &clock, storage::AuditLog *audit = nullptr)
        : m_db(db)
        , m_clock(clock)
        , m_audit(audit) {}
    Result<HallSeedReport> seed(const HallSeedOptions &options);

private:
    // The back office's state of one accepted case (status, suspensions, a status_changed event).
    Status backOffice(const QString &localId, const QDateTime &created, const QDate &accepted,
                      int promisedDays, const QDate &today, const core::WorkingCalendar &calendar,
                      QRandomGenerator &rng, HallSeedReport &report);
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
