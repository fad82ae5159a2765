#include "settingsrepository.h"

#include "auditlog.h"
#include "database.h"

#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

SettingsRepository::SettingsRepository(Database &db, const Clock &clock, AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QString> SettingsRepository::value(const QString &key, const QString &fallback) const {
    auto q = m_db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!q.ok())
        return Result<QString>(q.error());
    return q->next() ? q->value(0).toString() : fallback;
}

Result<QMap<QString, QString>> SettingsRepository::all() const {
    auto q = m_db.query(u"SELECT key, value FROM settings ORDER BY key"_s);
    if (!q.ok())
        return Result<QMap<QString, QString>>(q.error());
    QMap<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Status SettingsRepository::setValue(const QString &key, const QString &value, const QString &userId) {
    if (key.isEmpty())
        return Status::failure(u"invalid_argument"_s, u"empty setting key"_s);
    return m_db.write([&]() -> Status {
        auto old = m_db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
        if (!old.ok())
            return Status(old.error());
        const bool existed = old->next();
        if (existed && old->value(0).toString() == value)
            return {}; // unchanged: no write, no audit row
        if (auto st = m_db.exec(
                u"INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                u"ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"_s,
                {key, value, m_clock.nowUtc().toString(Qt::ISODate)});
            !st.ok())
            return st;
        // The key only: a value may be a URL or a device name, never needed to prove who changed what when.
        return m_audit ? m_audit->append({userId, u"settings_changed"_s, key, {}}) : Status();
    });
}

Status SettingsRepository::remove(const QString &key, const QString &userId) {
    return m_db.write([&]() -> Status {
        auto q = m_db.query(u"DELETE FROM settings WHERE key = ? RETURNING key"_s, {key});
        if (!q.ok())
            return Status(q.error());
        if (!q->next())
            return {};
        q->finish();
        return m_audit ? m_audit->append({userId, u"settings_changed"_s, key, {{u"removed"_s, true}}})
                       : Status();
    });
}

} // namespace windowdesk::storage
