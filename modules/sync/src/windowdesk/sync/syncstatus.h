#pragma once
// What the clerk always sees (sync-rules.md, rule 8): online/offline, pending writes and the age of the
// oldest, items needing attention with the server's messages (and a retry), last success, last error. Read
// from the GUI's own database connection; refreshed by SyncService after every run and on a timer.
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::sync {

struct AttentionItem {
    QString opId;
    QString kind;
    QString localId;
    int httpStatus = 0;
    QString message;    // the server's message
    QString fieldsJson; // the server's field messages (422), for the clerk
    QString createdAt;
    // The platform answered for good (409 state_conflict, 403, 404): retrying gets the same answer; the
    // clerk acknowledges it instead (OutboxRepository::acknowledgeFinal).
    bool finalAnswer = false;
};

class SyncStatus : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool online READ online NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(int needsAttentionCount READ needsAttentionCount NOTIFY changed)
public:
    SyncStatus(storage::Database &db, const Clock &clock, QObject *parent = nullptr);

    bool online() const { return m_online; }
    bool syncing() const { return m_syncing; }
    bool loginRequired() const { return m_loginRequired; }
    int pendingCount() const { return m_pending; }
    // Seconds since the oldest pending write was made (0 when none).
    qint64 oldestPendingAgeSecs() const;
    int needsAttentionCount() const { return int(m_attention.size()); }
    const QList<AttentionItem> &needsAttention() const { return m_attention; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    QString lastError() const { return m_lastError; }

    // Re-reads counts and lists from the database; emits changed().
    Status refresh();
    // Cheap check of the counts (pending, attention): refresh() only when they changed since the last read,
    // so a write saved while offline shows at once, without a sync run.
    Status refreshIfChanged();
    // The clerk's retry of one needs-attention item (same key and body).
    Status retry(const QString &opId);
    // The clerk's "the platform's answer stands" on a final answer (audited by `userId`).
    Status acknowledge(const QString &opId, storage::AuditLog &audit, const QString &userId);

    void setOnline(bool online);
    void setSyncing(bool syncing);
    void setLoginRequired(bool required);
    void setLastError(const QString &error);

Q_SIGNALS:
    void changed();
    void progress(const QString &stream, int records);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    bool m_online = false;
    bool m_syncing = false;
    bool m_loginRequired = false;
    int m_pending = 0;
    QDateTime m_oldestPending;
    QList<AttentionItem> m_attention;
    QDateTime m_lastSuccess;
    QString m_lastError;
};

} // namespace windowdesk::sync
