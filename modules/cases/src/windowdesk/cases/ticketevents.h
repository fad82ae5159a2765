#pragma once
// The hall's ticket events (platform-api.md 1.1, `GET /queue/events`): one append-only table, ticket_events,
// written by the local queue as it acts, by the demo hall's seeder, and by the pull of the hall-wide feed.
// Reports and exports read them (modules/reports); nothing ever edits or deletes a row.
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct TicketEvent {
    QString eventId; // empty: a uuid is made when it is appended
    QString ticketNo;
    QString category;
    QString type;     // issued | called | recalled | started | done | no_show | held | resumed | transferred
    QString windowNo; // empty: null
    QString clerkId;  // empty: null
    QString toCategory; // transferred only; empty: null
    QDateTime at;       // stored in whole seconds (UTC)
};

// Every type of platform-api.md 1.1.
const QStringList &ticketEventTypes();

// The event of one feed entry; error invalid_event naming what is missing or wrong.
Result<TicketEvent> ticketEventFromJson(const QJsonObject &o);

// Appends one event (inside the caller's write transaction when one is open). An event whose id is already
// stored is ignored (the feed is deduplicated by id): returns whether a row was added. `source`: local |
// platform.
Result<bool> appendTicketEvent(storage::Database &db, const TicketEvent &e, const QString &source);

} // namespace windowdesk::cases
