#include "outboxrepository.h"

#include "database.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>

#include <QUuid>

namespace windowdesk::storage {

Result<QString> OutboxRepository::enqueue(const OutboxEnqueue &e) {
    if (!m_db.inTransaction())
        return Result<QString>::failure(QStringLiteral("outbox_outside_transaction"),
                                        QStringLiteral("outbox rows are written only with their business write"));
    const QString opId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    const Status s = m_db.exec(
        QStringLiteral("INSERT INTO outbox (op_id, kind, local_id, parent_local_id, method, path, payload, "
                       "payload_sha256, state, attempts, created_at, next_attempt_at) "
                       "VALUES (?, ?, ?, ?, 'POST', ?, ?, ?, 'pending', 0, ?, ?)"),
        {opId, e.kind, e.localId, e.parentLocalId.isEmpty() ? QVariant() : QVariant(e.parentLocalId), e.path,
         QString::fromUtf8(e.payload), QString::fromLatin1(crypto::sha256(e.payload).toHex()), now, now});
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

} // namespace windowdesk::storage
