#include "outboxrepository.h"

#include "auditlog.h"
#include "database.h"
#include "personaldata.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>

#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
const QString kColumns =
    u"seq, op_id, kind, local_id, parent_local_id, method, path, payload, payload_sha256, "
    u"state, attempts, created_at, next_attempt_at, last_attempt_at, last_status, last_error, "
    u"response_json, done_at, superseded_by"_s;

// The payload and the platform's answer are sealed at rest (PersonalData); entries carry the exact clear
// body, as sent, and the answer as received.
OutboxEntry readEntry(const QSqlQuery &q, const PersonalData &pd, bool *locked = nullptr) {
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.opId = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.localId = q.value(3).toString();
    e.parentLocalId = q.value(4).toString();
    e.method = q.value(5).toString();
    e.path = q.value(6).toString();
    e.payload = pd.openBytes(q.value(7).toString().toUtf8(), pdcolumn::outboxPayload, e.opId, locked);
    e.payloadSha256 = q.value(8).toString();
    e.state = q.value(9).toString();
    e.attempts = q.value(10).toInt();
    e.createdAt = q.value(11).toString();
    e.nextAttemptAt = q.value(12).toString();
    e.lastAttemptAt = q.value(13).toString();
    e.lastStatus = q.value(14).toInt();
    e.lastError = q.value(15).toString();
    e.responseJson = pd.openBytes(q.value(16).toString().toUtf8(), pdcolumn::outboxResponse, e.opId);
    e.doneAt = q.value(17).toString();
    e.supersededBy = q.value(18).toString();
    return e;
}

} // namespace

Result<QString> OutboxRepository::enqueue(const OutboxEnqueue &e) {
    if (!m_db.inTransaction())
        return Result<QString>::failure(
            QStringLiteral("outbox_outside_transaction"),
            QStringLiteral("outbox rows are written only with their business write"));
    const QString opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    const Status s = m_db.exec(
        QStringLiteral("INSERT INTO outbox (op_id, kind, local_id, parent_local_id, method, path, payload, "
                       "payload_sha256, state, attempts, created_at, next_attempt_at) "
                       "VALUES (?, ?, ?, ?, 'POST', ?, ?, ?, 'pending', 0, ?, ?)"),
        {opId, e.kind, e.localId, e.parentLocalId.isEmpty() ? QVariant() : QVariant(e.parentLocalId), e.path,
         QString::fromUtf8(PersonalData(m_db).sealBytes(e.payload, pdcolumn::outboxPayload, opId)),
         QString::fromLatin1(crypto::sha256(e.payload).toHex()), now, now});
    if (!s.ok())
        return s.error();
    return opId;
}

Result<int> OutboxRepository::unacknowledgedCount() const {
    auto q = m_db.query(QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'done'"));
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<int> OutboxRepository::recoverInFlight() {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    int n = 0;
    const Status st = m_db.write([&]() -> Status {
        auto q = m_db.query(u"SELECT count(*) FROM outbox WHERE state = 'in_flight'"_s);
        if (!q.ok())
            return q.error();
        n = q->next() ? q->value(0).toInt() : 0;
        return m_db.exec(u"UPDATE outbox SET state = 'retry_wait', next_attempt_at = ?, "
                         u"last_error = COALESCE(last_error, 'interrupted') WHERE state = 'in_flight'"_s,
                         {now});
    });
    if (!st.ok())
        return st.error();
    return n;
}

Result<QList<OutboxEntry>> OutboxRepository::due(int limit, const QStringList &excludeOpIds) const {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    // A child is ready once its parent is acknowledged: the platform's number is known locally.
    auto q = m_db.query(
        u"SELECT "_s + kColumns +
            u" FROM outbox o WHERE state IN ('pending','retry_wait') AND (next_attempt_at IS NULL OR "
            u"next_attempt_at <= ?) AND (parent_local_id IS NULL "
            u"OR EXISTS (SELECT 1 FROM cases c WHERE c.local_id = o.parent_local_id AND c.case_no IS NOT "
            u"NULL) "
            u"OR EXISTS (SELECT 1 FROM evaluations e WHERE e.local_id = o.parent_local_id "
            u"AND e.evaluation_id IS NOT NULL) "
            u"OR EXISTS (SELECT 1 FROM cross_province_receipts x WHERE x.local_id = o.parent_local_id "
            u"AND x.receipt_no IS NOT NULL)) "
            // Children of one parent go one at a time, in order (suspended before resumed).
            u"AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.parent_local_id = o.parent_local_id AND p.seq < "
            u"o.seq "
            u"AND p.state NOT IN ('done','needs_attention','unsupported')) ORDER BY seq LIMIT ?"_s,
        {now, limit + int(excludeOpIds.size())});
    if (!q.ok())
        return q.error();
    QList<OutboxEntry> out;
    const PersonalData pd(m_db);
    while (q->next() && out.size() < limit) {
        bool locked = false;
        OutboxEntry e = readEntry(*q, pd, &locked);
        // A sealed body this process cannot open (no keychain now) waits: never sent empty.
        if (locked)
            continue;
        if (!excludeOpIds.contains(e.opId))
            out.append(std::move(e));
    }
    return out;
}

Result<QDateTime> OutboxRepository::nextRetryAt() const {
    auto q = m_db.query(u"SELECT min(next_attempt_at) FROM outbox WHERE state IN ('pending','retry_wait')"_s);
    if (!q.ok())
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return QDateTime();
    return QDateTime::fromString(q->value(0).toString(), Qt::ISODate);
}

Result<OutboxEntry> OutboxRepository::find(const QString &opId) const {
    auto q = m_db.query(u"SELECT "_s + kColumns + u" FROM outbox WHERE op_id = ?"_s, {opId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no outbox row %1"_s.arg(opId)};
    return readEntry(*q, PersonalData(m_db));
}

Status OutboxRepository::markInFlight(const QString &opId) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&] {
        return m_db.exec(
            u"UPDATE outbox SET state = 'in_flight', attempts = attempts + 1, last_attempt_at = ? "
            u"WHERE op_id = ? AND state IN ('pending','retry_wait')"_s,
            {now, opId});
    });
}

Status OutboxRepository::releaseUnsent(const QStringList &opIds) {
    return m_db.write([&]() -> Status {
        for (const QString &op : opIds)
            if (Status s = m_db.exec(u"UPDATE outbox SET state = CASE WHEN attempts <= 1 THEN 'pending' ELSE "
                                     u"'retry_wait' END, attempts = max(attempts - 1, 0) WHERE op_id = ? AND "
                                     u"state = 'in_flight'"_s,
                                     {op});
                !s.ok())
                return s;
        return {};
    });
}

Status OutboxRepository::markUnsupported(const QString &opId) {
    return m_db.write([&]() -> Status {
        Status s =
            m_db.exec(u"UPDATE outbox SET state = 'unsupported', next_attempt_at = NULL WHERE op_id = ? AND "
                      u"state IN ('pending','retry_wait','in_flight')"_s,
                      {opId});
        if (!s.ok())
            return s;
        // Its children (a 跨省通办 receipt's events) can never be sent before it: kept with it, revived with
        // it.
        return m_db.exec(
            u"UPDATE outbox SET state = 'unsupported', next_attempt_at = NULL WHERE parent_local_id = "
            u"(SELECT local_id FROM outbox WHERE op_id = ?) AND state IN ('pending','retry_wait')"_s,
            {opId});
    });
}

Result<int> OutboxRepository::reviveUnsupported() {
    int n = 0;
    const Status st = m_db.write([&]() -> Status {
        auto q = m_db.query(u"SELECT count(*) FROM outbox WHERE state = 'unsupported'"_s);
        if (!q.ok())
            return q.error();
        n = q->next() ? q->value(0).toInt() : 0;
        if (n == 0)
            return {};
        return m_db.exec(u"UPDATE outbox SET state = 'pending', next_attempt_at = NULL WHERE state = "
                         u"'unsupported'"_s);
    });
    if (!st.ok())
        return st.error();
    return n;
}

Status OutboxRepository::markDone(const QString &opId, int httpStatus, const QByteArray &response) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&] {
        return m_db.exec(
            u"UPDATE outbox SET state = 'done', done_at = ?, last_status = ?, last_error = NULL, "
            u"response_json = ?, next_attempt_at = NULL WHERE op_id = ?"_s,
            {now, httpStatus,
             QString::fromUtf8(PersonalData(m_db).sealBytes(response, pdcolumn::outboxResponse, opId)),
             opId});
    });
}

Status OutboxRepository::markRetry(const QString &opId, int httpStatus, const QString &error,
                                   const QDateTime &nextAttemptAt) {
    return m_db.write([&] {
        return m_db.exec(u"UPDATE outbox SET state = 'retry_wait', last_status = ?, last_error = ?, "
                         u"next_attempt_at = ? WHERE op_id = ? AND state <> 'done'"_s,
                         {httpStatus > 0 ? QVariant(httpStatus) : QVariant(), error,
                          nextAttemptAt.toUTC().toString(Qt::ISODateWithMs), opId});
    });
}

Status OutboxRepository::markNeedsAttention(const QString &opId, int httpStatus, const QString &error,
                                            const QByteArray &response) {
    return m_db.write([&] {
        return m_db.exec(u"UPDATE outbox SET state = 'needs_attention', last_status = ?, last_error = ?, "
                         u"response_json = ?, next_attempt_at = NULL WHERE op_id = ? AND state <> 'done'"_s,
                         {httpStatus > 0 ? QVariant(httpStatus) : QVariant(), error,
                          response.isEmpty() ? QVariant()
                                             : QVariant(QString::fromUtf8(PersonalData(m_db).sealBytes(
                                                   response, pdcolumn::outboxResponse, opId))),
                          opId});
    });
}

Status OutboxRepository::retryNow(const QString &opId) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&] {
        return m_db.exec(u"UPDATE outbox SET state = 'pending', next_attempt_at = ? "
                         u"WHERE op_id = ? AND state = 'needs_attention'"_s,
                         {now, opId});
    });
}

bool OutboxRepository::isFinalAnswer(const OutboxEntry &e) {
    return e.state == u"needs_attention"_s &&
           (e.lastStatus == 409 || e.lastStatus == 403 || e.lastStatus == 404);
}

Status OutboxRepository::acknowledgeFinal(const QString &opId, AuditLog &audit, const QString &userId) {
    return m_db.write([&]() -> Status {
        auto row = find(opId);
        if (!row.ok())
            return row.error();
        const OutboxEntry &e = row.value();
        if (!isFinalAnswer(e))
            return Status::failure(u"not_final"_s,
                                   u"only a write the platform answered for good (403, 404, 409) may be "
                                   u"acknowledged; state %1, HTTP %2"_s.arg(e.state)
                                       .arg(e.lastStatus));
        if (Status st = m_db.exec(u"UPDATE outbox SET state = 'done', done_at = ?, next_attempt_at = NULL "
                                  u"WHERE op_id = ? AND state = 'needs_attention'"_s,
                                  {m_clock.nowUtc().toString(Qt::ISODate), opId});
            !st.ok())
            return st;
        return audit.append({userId,
                             u"outbox_acknowledged"_s,
                             opId,
                             {{u"kind"_s, e.kind},
                              {u"local_id"_s, e.localId},
                              {u"http_status"_s, e.lastStatus},
                              {u"error"_s, e.lastError.left(200)}}});
    });
}

Result<QString> OutboxRepository::replaceRejected(const QString &localId,
                                                  const QByteArray &correctedPayload) {
    QString newOp;
    const Status st = m_db.write([&]() -> Status {
        auto q = m_db.query(
            u"SELECT "_s + kColumns +
                u" FROM outbox WHERE local_id = ? AND superseded_by IS NULL ORDER BY seq DESC LIMIT 1"_s,
            {localId});
        if (!q.ok())
            return q.error();
        if (!q->next())
            return Status::failure(u"not_found"_s, u"no outbox row for this record"_s);
        const OutboxEntry old = readEntry(*q, PersonalData(m_db));
        // Only a rejection (nothing created on the platform) frees the record for a new body and key.
        if (old.state != u"needs_attention"_s || (old.lastStatus != 400 && old.lastStatus != 422))
            return Status::failure(u"not_correctable"_s,
                                   u"only a write rejected with 400/422 may be corrected"_s);
        auto op = enqueue({old.kind, old.localId, old.parentLocalId, old.path, correctedPayload});
        if (!op.ok())
            return op.error();
        newOp = op.value();
        return m_db.exec(
            u"UPDATE outbox SET state = 'done', done_at = ?, superseded_by = ? WHERE op_id = ?"_s,
            {m_clock.nowUtc().toString(Qt::ISODate), newOp, old.opId});
    });
    if (!st.ok())
        return st.error();
    return newOp;
}

Result<QList<OutboxEntry>> OutboxRepository::unacknowledged() const {
    auto q = m_db.query(u"SELECT "_s + kColumns + u" FROM outbox WHERE state <> 'done' ORDER BY seq"_s);
    if (!q.ok())
        return q.error();
    QList<OutboxEntry> out;
    while (q->next())
        out.append(readEntry(*q, PersonalData(m_db)));
    return out;
}

Result<OutboxStats> OutboxRepository::stats() const {
    auto q = m_db.query(
        u"SELECT sum(state IN ('pending','in_flight','retry_wait')), sum(state = 'needs_attention'), "
        u"min(CASE WHEN state IN ('pending','in_flight','retry_wait') THEN created_at END), "
        u"sum(state = 'unsupported') FROM outbox WHERE state <> 'done'"_s);
    if (!q.ok())
        return q.error();
    OutboxStats s;
    if (q->next()) {
        s.pending = q->value(0).toInt();
        s.needsAttention = q->value(1).toInt();
        s.oldestPendingCreatedAt = q->value(2).toString();
        s.unsupported = q->value(3).toInt();
    }
    return s;
}

} // namespace windowdesk::storage
