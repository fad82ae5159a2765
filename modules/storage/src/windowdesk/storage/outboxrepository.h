#pragma once
// The outbox (sync-rules.md): every write for the platform is queued here in the SAME transaction as the
// business write, with its Idempotency-Key (op_id) made once and kept for life.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct OutboxEnqueue {
    QString kind;          // case | case_event | evaluation | rectification | training_result
    QString localId;       // the record this write carries
    QString parentLocalId; // a child (event of a case, rectification of an evaluation) waits for its parent
    QString path;          // e.g. "/cases", "/cases/{case_no}/events" (placeholders resolved at send time)
    QByteArray payload;    // the exact JSON body, identical on every attempt
};

class OutboxRepository {
public:
    OutboxRepository(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}
    // Must be called inside Database::write() together with the business write; returns the new op_id.
    Result<QString> enqueue(const OutboxEnqueue &e);
    // Entries not yet acknowledged (pending, in_flight, retry_wait, needs_attention).
    Result<int> unacknowledgedCount() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
