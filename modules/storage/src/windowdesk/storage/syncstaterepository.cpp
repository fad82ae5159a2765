#include "syncstaterepository.h"

#include "database.h"

#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

QString SyncStateRepository::cursor(const QString &stream) const {
    auto q = m_db.query(u"SELECT cursor FROM sync_cursors WHERE stream = ?"_s, {stream});
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

bool SyncStateRepository::fullPullUnderway(const QString &stream) const {
    auto q = m_db.query(u"SELECT full_pull FROM sync_cursors WHERE stream = ?"_s, {stream});
    return q.ok() && q->next() && q->value(0).toInt() == 1;
}

Status SyncStateRepository::storeCursor(const QString &stream, const QString &cursor, bool completed) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.exec(u"INSERT INTO sync_cursors(stream, cursor, full_pull, completed_at, updated_at) VALUES "
                     u"(?, ?, 0, ?, ?) ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, "
                     u"completed_at = COALESCE(excluded.completed_at, sync_cursors.completed_at), "
                     u"updated_at = excluded.updated_at"_s,
                     {stream, cursor, completed ? QVariant(now) : QVariant(), now});
}

Status SyncStateRepository::forgetCursor(const QString &stream) {
    return m_db.exec(u"UPDATE sync_cursors SET cursor = NULL, updated_at = ? WHERE stream = ?"_s,
                     {m_clock.nowUtc().toString(Qt::ISODate), stream});
}

Status SyncStateRepository::recordRejection(const QString &stream, const QString &recordKey,
                                            const QString &field, const QString &message) {
    return m_db.exec(
        u"INSERT INTO import_rejections(stream, record_key, field, message, at) VALUES (?, ?, ?, ?, ?)"_s,
        {stream, recordKey, field, message, m_clock.nowUtc().toString(Qt::ISODate)});
}

QString SyncStateRepository::state(const QString &key) const {
    auto q = m_db.query(u"SELECT value FROM sync_state WHERE key = ?"_s, {key});
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

Status SyncStateRepository::setState(const QString &key, const QString &value) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&] {
        return m_db.exec(
            u"INSERT INTO sync_state(key, value, at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
            u"SET value = excluded.value, at = excluded.at"_s,
            {key, value, now});
    });
}

} // namespace windowdesk::storage
