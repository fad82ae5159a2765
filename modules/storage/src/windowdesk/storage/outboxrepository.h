#pragma once
// The outbox (sync-rules.md): every write for the platform is queued here in the SAME transaction as the
// business write, with its Idempotency-Key (op_id) made once and kept for life. The sync pusher moves rows
// pending → in_flight → done | retry_wait | needs_attention; done rows are archived, never deleted.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class AuditLog;
class Database;

struct OutboxEnqueue {
    QString kind;          // case | case_event | evaluation | rectification | training_result |
                           // case_followup | evaluation_callback | evaluation_appeal (platform-api.md 1.1)
    QString localId;       // the record this write carries
    QString parentLocalId; // a child (event of a case, rectification of an evaluation) waits for its parent
    QString path;          // e.g. "/cases", "/cases/{case_no}/events" (placeholders resolved at send time)
    QByteArray payload;    // the exact JSON body, identical on every attempt
};

struct OutboxEntry {
    qint64 seq = 0;
    QString opId;
    QString kind;
    QString localId;
    QString parentLocalId;
    QString method;
    QString path;
    QByteArray payload;
    QString payloadSha256;
    QString state; // pending | in_flight | done | retry_wait | needs_attention | unsupported
    int attempts = 0;
    QString createdAt;
    QString nextAttemptAt;
    QString lastAttemptAt;
    int lastStatus = 0; // 0: no HTTP status (network error, timeout) or never sent
    QString lastError;
    QByteArray responseJson;
    QString doneAt;
    QString supersededBy;
};

struct OutboxStats {
    int pending = 0; // pending + in_flight + retry_wait
    int needsAttention = 0;
    QString oldestPendingCreatedAt; // empty when nothing is pending
    int unsupported = 0; // 1.1 writes kept locally: the platform is 1.0 (neither pending nor a failure)
};

class OutboxRepository {
public:
    OutboxRepository(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Must be called inside Database::write() together with the business write; returns the new op_id.
    Result<QString> enqueue(const OutboxEnqueue &e);
    // Entries not yet acknowledged (pending, in_flight, retry_wait, needs_attention).
    Result<int> unacknowledgedCount() const;

    // Start-up recovery: every in_flight row (its answer never arrived) becomes retry_wait, due now, with the
    // same key and body. Returns how many.
    Result<int> recoverInFlight();
    // Rows that may be sent now, oldest first: pending or retry_wait whose time has come, and whose parent
    // (if any) is acknowledged (its case_no / evaluation_id is known). `excludeOpIds` are rows already sent.
    Result<QList<OutboxEntry>> due(int limit, const QStringList &excludeOpIds = {}) const;
    // The earliest next_attempt_at among retry_wait rows (invalid when none).
    Result<QDateTime> nextRetryAt() const;
    Result<OutboxEntry> find(const QString &opId) const;

    Status markInFlight(const QString &opId);
    // Rows marked in_flight but never sent (the run ended first): back to pending/retry_wait, same key.
    Status releaseUnsent(const QStringList &opIds);
    Status markDone(const QString &opId, int httpStatus, const QByteArray &response);
    Status markRetry(const QString &opId, int httpStatus, const QString &error,
                     const QDateTime &nextAttemptAt);
    // A 1.1 write (platform-api.md additions) the platform does not support (a 1.0 platform): kept locally,
    // neither pending nor a sync failure, never sent until reviveUnsupported(). Its waiting children with it.
    Status markUnsupported(const QString &opId);
    // After a login to a 1.1 platform: every unsupported row is pending again (same key and body). Returns
    // how many.
    Result<int> reviveUnsupported();
    Status markNeedsAttention(const QString &opId, int httpStatus, const QString &error,
                              const QByteArray &response);
    // The clerk's "retry" on a needs_attention row: back to pending with the SAME key and body (for rows that
    // failed for reasons other than the body, e.g. a conflict since resolved or a 4xx the server fixed).
    Status retryNow(const QString &opId);
    // True for a needs_attention row the platform answered for good: 409 state_conflict (the platform's
    // record stands, sync-rules.md rule 4), 403 forbidden and 404 unknown_<kind> (final answers about that
    // record, platform-api.md 1.1). Re-sending it would get the same answer.
    static bool isFinalAnswer(const OutboxEntry &e);
    // The clerk's or supervisor's "the platform's answer stands" on such a row: archived as done (kept, with
    // the platform's answer in response_json, never deleted), so it no longer waits in the list; its
    // waiting children are then sent and get their own answers. One audit row (outbox_acknowledged, by
    // `userId`, naming the op id, kind, local id and HTTP status) in the same transaction. Errors: not_found,
    // not_final (any other row: a 400/422 is corrected at the window, others are retried).
    Status acknowledgeFinal(const QString &opId, AuditLog &audit, const QString &userId);
    // After a 422 the clerk's correction replaces the body under a NEW key (same local_id): the rejected row
    // is archived as done with superseded_by = the new op_id. Runs in its own transaction unless already in
    // one (the business update of the record should share it). Errors: not_found, not_correctable (the
    // latest row of this record was not rejected with 400/422).
    Result<QString> replaceRejected(const QString &localId, const QByteArray &correctedPayload);

    // Every write not yet acknowledged, oldest first (`outbox` command, needs-attention list).
    Result<QList<OutboxEntry>> unacknowledged() const;
    Result<OutboxStats> stats() const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
