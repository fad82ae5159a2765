#pragma once
// Key/value settings kept in the database (platform.url, window.no, scanner.*, ui.language…), shared by the
// GUI and windowdeskctl. Changes made by a user are audited (settings_changed); secrets never go here (see
// SecretStore).
#include <windowdesk/core/result.h>

#include <QMap>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class AuditLog;
class Database;

class SettingsRepository {
public:
    SettingsRepository(Database &db, const Clock &clock, AuditLog *audit = nullptr);
    // The stored value, or `fallback` when the key is not set.
    Result<QString> value(const QString &key, const QString &fallback = {}) const;
    Result<QMap<QString, QString>> all() const;
    // Sets a value (in the caller's transaction when one is open); audited with the user and the key when it
    // changed.
    Status setValue(const QString &key, const QString &value, const QString &userId = {});
    Status remove(const QString &key, const QString &userId = {});

private:
    Database &m_db;
    const Clock &m_clock;
    AuditLog *m_audit;
};

} // namespace windowdesk::storage
