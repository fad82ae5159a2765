#pragma once
// The demo hall's month of queue activity for `seed demo-cases --hall`: tickets issued over each working
// day's opening hours, called by the windows of their category, started, served (some held and resumed, some
// transferred to another category and served there, some recalled, some no-shows), written as the local
// queue writes them — ticket events (ticket_events), appended in time order. Nothing after `now` happens.
#include <windowdesk/core/result.h>

class QRandomGenerator;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct TicketSeedReport {
    int tickets = 0;
    int events = 0;
};

// `days` days up to today (CST), Monday to Friday, about `ticketsPerDay` tickets each.
Result<TicketSeedReport> seedTicketEvents(storage::Database &db, const Clock &clock, int days,
                                          int ticketsPerDay, QRandomGenerator &rng);

} // namespace windowdesk::cases
