#pragma once
// The live queue board (product.md §4): the hall now, from today's ticket events (platform-api.md 1.1, the
// local queue's own and the pulled hall-wide feed) through the same ticket rules as the period report
// (tickethistory.h). Widget-free: the board page polls it on a timer and after each pull.
#include "tickethistory.h"

#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <optional>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::reports {

struct LiveCategory {
    QString category;
    qint64 waiting = 0;
    std::optional<qint64> longestWaitS; // the longest waiting ticket of the category, seconds since issued
};

struct LiveWindow {
    QString windowNo;
    std::optional<QString> clerkId;    // of the window's latest ticket that names one
    std::optional<QString> ticketNo;   // the ticket at the window now (called, being served or held)
    QString ticketState;               // called | serving | held (empty: none)
    std::optional<qint64> currentForS; // serving: since its last `started`; called/held: since that event
    std::optional<qint64> idleS;       // no ticket now: since the window's last finished ticket
    qint64 servedToday = 0;
    std::optional<qint64> avgServiceTenths; // mean service time of today's served tickets, in tenths of s
};

struct LiveQueue {
    qint64 atS = 0;                 // the moment shown (Unix seconds)
    qint64 serviceLevelS = 0;       // the hall's target (queue.service_level_s)
    QList<LiveCategory> categories; // every category seen today, by code point
    qint64 waiting = 0;
    std::optional<qint64> longestWaitS;
    qint64 arrivedToday = 0, calledToday = 0, servedToday = 0, noShowsToday = 0;
    qint64 withinServiceLevel = 0; // called today with a wait not above the target
    QList<LiveWindow> windows;     // every window seen today, by code point
};

// Keeps today's tickets and re-reads them only when ticket_events has grown (its last rowid moved) or the
// CST day changed; snapshot() then costs no I/O, so the board can redraw its clocks every second.
class LiveQueueMonitor {
public:
    explicit LiveQueueMonitor(storage::Database &db)
        : m_db(db) {}
    // Whether it re-read (the snapshot may differ beyond its clocks). Error: the database's.
    Result<bool> poll(qint64 nowS);
    LiveQueue snapshot(qint64 nowS) const;
    qint64 lastSeq() const { return m_lastSeq; }

private:
    storage::Database &m_db;
    QList<TicketRecord> m_tickets;
    qint64 m_lastSeq = -1;
    qint64 m_dayStart = -1;
    qint64 m_serviceLevelS = 900;
};

// The board of `nowS` from the tickets issued that CST day (pure: tests and the monitor share it).
LiveQueue liveQueueOf(const QList<TicketRecord> &today, qint64 nowS, qint64 serviceLevelS);

} // namespace windowdesk::reports
