#include "syncstatus.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/syncstaterepository.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

SyncStatus::SyncStatus(storage::Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock) {}

qint64 SyncStatus::oldestPendingAgeSecs() const {
    return m_oldestPending.isValid() ? qMax<qint64>(0, m_oldestPending.secsTo(m_clock.nowUtc())) : 0;
}

Status SyncStatus::refresh() {
    storage::OutboxRepository outbox(m_db, m_clock);
    auto stats = outbox.stats();
    if (!stats.ok())
        return stats.error();
    m_pending = stats->pending;
    m_oldestPending = QDateTime::fromString(stats->oldestPendingCreatedAt, Qt::ISODate);
    auto rows = outbox.unacknowledged();
    if (!rows.ok())
        return rows.error();
    m_attention.clear();
    for (const auto &e : rows.value()) {
        if (e.state != u"needs_attention"_s)
            continue;
        AttentionItem a{e.opId,      e.kind,    e.localId,   e.lastStatus,
                        e.lastError, QString(), e.createdAt, storage::OutboxRepository::isFinalAnswer(e)};
        const QJsonObject err = QJsonDocument::fromJson(e.responseJson).object().value(u"error"_s).toObject();
        if (!err.isEmpty()) {
            a.message = err.value(u"message"_s).toString();
            a.fieldsJson = QString::fromUtf8(
                QJsonDocument(err.value(u"details"_s).toObject().value(u"fields"_s).toObject())
                    .toJson(QJsonDocument::Compact));
        }
        m_attention.append(a);
    }
    const storage::SyncStateRepository state(m_db, m_clock);
    const QString lastSuccess = state.state(u"last_success"_s);
    if (!lastSuccess.isEmpty())
        m_lastSuccess = QDateTime::fromString(lastSuccess, Qt::ISODate);
    const QString lastError = state.state(u"last_error"_s);
    if (!lastError.isEmpty())
        m_lastError = lastError; // the newest run's, not the first one ever seen
    Q_EMIT changed();
    return {};
}

Status SyncStatus::refreshIfChanged() {
    auto stats = storage::OutboxRepository(m_db, m_clock).stats();
    if (!stats.ok())
        return stats.error();
    if (stats->pending == m_pending && stats->needsAttention == needsAttentionCount() &&
        QDateTime::fromString(stats->oldestPendingCreatedAt, Qt::ISODate) == m_oldestPending)
        return {};
    return refresh();
}

Status SyncStatus::retry(const QString &opId) {
    Status s = storage::OutboxRepository(m_db, m_clock).retryNow(opId);
    if (s.ok())
        s = refresh();
    return s;
}

Status SyncStatus::acknowledge(const QString &opId, storage::AuditLog &audit, const QString &userId) {
    Status s = storage::OutboxRepository(m_db, m_clock).acknowledgeFinal(opId, audit, userId);
    if (s.ok())
        s = refresh();
    return s;
}

void SyncStatus::setOnline(bool online) {
    if (m_online != online) {
        m_online = online;
        Q_EMIT changed();
    }
}

void SyncStatus::setSyncing(bool syncing) {
    if (m_syncing != syncing) {
        m_syncing = syncing;
        Q_EMIT changed();
    }
}

void SyncStatus::setLoginRequired(bool required) {
    if (m_loginRequired != required) {
        m_loginRequired = required;
        Q_EMIT changed();
    }
}

void SyncStatus::setLastError(const QString &error) {
    m_lastError = error;
    Q_EMIT changed();
}

} // namespace windowdesk::sync
