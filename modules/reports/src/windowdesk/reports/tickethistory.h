#pragma once
// The tickets of a period rebuilt from the hall's ticket events (platform-api.md 1.1 `GET /queue/events`,
// cli.md `report`): a ticket is its number and the CST date of its `issued` event, and an event belongs to
// the latest `issued` of its number at or before it. What a ticket counts as — called, served, no-show, its
// wait and service time, its window, clerk and category — is decided here once, for the report and the
// queue export alike.
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <optional>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::reports {

struct TicketRecord {
    QString ticketNo;
    QString category;                // the category it ends in: the last transfer's to_category, else its own
    qint64 issuedAt = 0;             // Unix seconds
    qint64 issuedSeq = 0;            // arrival order of its `issued` event (ties of time)
    std::optional<QString> windowNo; // of its last `started`, else of its last event that has one
    std::optional<QString> clerkId;  // likewise
    bool called = false;             // at least one `called` (a `recalled` is not a call)
    bool served = false;             // has a `done`
    bool noShow = false;             // its last event is `no_show`
    bool transferred = false;
    std::optional<qint64> firstCalledAt, startedAt, doneAt; // started: the last `started` before `done`
    std::optional<qint64> waitS;                            // first `called` − `issued`
    std::optional<qint64> serviceS; // `done` − last `started` before it − held→resumed inside that span
    // Where the ticket stands after its last event (the live queue board): the type of that event (`issued`
    // when it has none yet) and its time.
    QString lastEvent;
    qint64 lastEventAt = 0;
    // served | no_show | transferred | open (cli.md, export queue)
    QString outcome() const;
};

// The tickets whose `issued` lies in [fromS, toS) (Unix seconds), ordered by issue. Events up to seven days
// after `toS` are read for them (a ticket is served within its day: numbers restart every day).
Result<QList<TicketRecord>> loadTickets(const storage::Database &db, qint64 fromS, qint64 toS);

} // namespace windowdesk::reports
