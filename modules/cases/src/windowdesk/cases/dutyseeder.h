#pragma once
// `seed demo-cases --hall`, the hall duties of issue 16 (cli.md): a few 办不成事 requests of the last days,
// each recorded through cases::UnresolvedRequestService at the moment it was made (the same row, audit row
// and outbox row as the window's own), some already past their reply date so the supervisor's list shows
// overdue ones; and a few 告知承诺 post-checks as the platform's feed brings them.
#include <windowdesk/core/result.h>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct DutySeedReport {
    int unresolvedRequests = 0;
    int commitmentChecks = 0; // as the platform's feed would bring them (some open, some with an outcome)
};

class DutySeeder {
public:
    DutySeeder(storage::Database &db, const Clock &clock, storage::AuditLog *audit = nullptr)
        : m_db(db)
        , m_clock(clock)
        , m_audit(audit) {}
    // Requests spread over the last `days` days (at least 8 of them when days allows).
    Result<DutySeedReport> seed(int days);

private:
    // Post-checks of materials this hall's accepted cases could take on commitment, applied through the
    // checks' stream applier exactly as a pulled page: two open (one past its due date), one confirmed, one
    // false commitment ordered to be fixed.
    Result<int> seedChecks();
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
