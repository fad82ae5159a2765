#pragma once
// The window's settings (platform URL, window number, scanner, language), kept in the database's
// settings table; each change is audited as settings_changed. Saving goes through storage::HallSettings,
// the rule windowdeskctl's `settings set` uses too: hall settings need the admin role.
#include <windowdesk/core/result.h>

#include <QString>
#include <QStringList>
#include <QStringView>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class AuditLog;
} // namespace windowdesk::storage

namespace windowdesk::ui {

// Keys of the settings table (other modules read them: the scanner filter, the sync client).
namespace settingkey {
inline constexpr QStringView platformUrl = u"platform.url";
inline constexpr QStringView caCert = u"platform.ca_cert"; // PEM file of the hall's CA (sync kCaCertKey)
inline constexpr QStringView windowNo = u"window.no";
inline constexpr QStringView scanMaxGapMs = u"scanner.max_gap_ms";
inline constexpr QStringView scanMinLength = u"scanner.min_length";
inline constexpr QStringView scanSuffix = u"scanner.suffix"; // CR | LF | Tab
inline constexpr QStringView scanPrefix = u"scanner.prefix";
inline constexpr QStringView serialPort = u"scanner.serial_port"; // empty: keyboard-wedge mode
inline constexpr QStringView language = u"ui.language";           // zh_CN | en | empty (follow the system)
} // namespace settingkey

struct ShellSettings {
    QString platformUrl;
    QString caCertPath; // empty: the system's certificate authorities only
    QString windowNo;
    int scanMaxGapMs = 50;
    int scanMinLength = 8;
    QString scanSuffix = QStringLiteral("CR");
    QString scanPrefix;
    QString serialPort;
    QString language;

    bool operator==(const ShellSettings &) const = default;
};

// Empty is valid (no platform: the demo hall). http:// only to a loopback host; otherwise https://.
// Errors: invalid_url, insecure_url (messages translated for the user).
Status validatePlatformUrl(const QString &url);
bool isLoopbackHost(const QString &host);
// Empty is valid (the system's authorities). Otherwise a readable file holding at least one PEM certificate.
// Errors: ca_unreadable, ca_not_certificate, ca_expired (messages translated for the user).
Status validateCaCertificate(const QString &path);

class SettingsStore {
public:
    // `roles`: the user's; with "admin" the hall settings may be changed, otherwise only the preferences
    // (scanner, language).
    SettingsStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit, QString userId,
                  QStringList roles = {});

    Result<ShellSettings> load() const;
    // Validates, then writes every changed key and its settings_changed audit row in one transaction.
    // Error admin_required (nothing written) when a hall setting changes and the user is no admin.
    Status save(const ShellSettings &settings);
    bool mayChangeHallSettings() const;

    Result<QString> value(const QString &key, const QString &defaultValue = {}) const;

    // Where a user's main window was (QWidget::saveGeometry, base64): layout, not a setting, so it is stored
    // without a settings_changed audit row. Per user: clerks share the window PC.
    Result<QByteArray> windowGeometry(const QString &userId) const;
    Status saveWindowGeometry(const QString &userId, const QByteArray &geometry);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    QString m_userId;
    QStringList m_roles;
};

} // namespace windowdesk::ui
