#pragma once
// The demo hall's 跨省通办 receipts (issue 16, cli.md `seed demo-cases --hall`): a few receipts per window
// over the last days, written through CrossProvinceService exactly as the window does (row, audit row, outbox
// row), each marked seeded (never sent to a platform off this machine); most forwarded in time, one left late
// (still received after its forward_due), one handed back to the applicant.
#include "caseservice.h"

#include <windowdesk/core/result.h>

#include <QList>

class QRandomGenerator;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct CrossProvinceSeedReport {
    int receipts = 0;
    int forwarded = 0;
    int late = 0;
};

// `windows`: the clerks and windows of the hall (clerkId, windowNo, clerkName, hallName of each).
Result<CrossProvinceSeedReport> seedCrossProvinceReceipts(storage::Database &db, const Clock &clock,
                                                          const QList<WindowContext> &windows, int days,
                                                          QRandomGenerator &rng);

} // namespace windowdesk::cases
