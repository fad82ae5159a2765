#pragma once
// Changing settings, for the Settings dialog and `windowdeskctl settings set` alike (one rule, cli.md):
// the same validation, one settings_changed audit row per changed key (old and new value: settings hold no
// personal data), and the role check. Hall settings (platform URL, CA file, window number, thresholds,
// printer defaults, sync tuning: every key that is not a preference) need the `admin` role: a platform
// account with that role, or hall IT on the machine through windowdeskctl. A clerk changes only their
// preferences (scanner, language).
//
// Configuring a real platform (not loopback: the simulator on this machine keeps the demo hall) retires the
// local accounts: the demo users are disabled and local login is
// closed to every account that never logged in online (accounts.local_login = off), in the same
// transaction and audited. Clearing the platform URL later never reopens it; only an explicit, audited
// admin action does (UserRepository::reopenLocalAccounts, `windowdeskctl users reopen-local`).
#include <windowdesk/core/result.h>

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class AuditLog;
class Database;

namespace hallkey {
inline constexpr char platformUrl[] = "platform.url";
inline constexpr char caCert[] = "platform.ca_cert";
inline constexpr char localLogin[] = "accounts.local_login"; // on | off; absent: off once a platform is set
} // namespace hallkey

// Who changes settings: the logged-in user (admin when their roles hold "admin"), or hall IT through
// windowdeskctl (admin; userId names the command and the system account).
struct SettingsActor {
    QString userId;
    bool admin = false;
    static SettingsActor fromRoles(const QString &userId, const QStringList &roles) {
        return {userId, roles.contains(QStringLiteral("admin"))};
    }
};

// Preferences (scanner.*, ui.language) are the user's own; every other key is a hall setting.
bool isPreferenceKey(const QString &key);
// Keys the program reads (the only ones `settings set` accepts).
QStringList knownSettingKeys();

// Empty is valid (no platform: the demo hall). http:// only to a loopback host; otherwise https://.
// Errors: invalid_url, insecure_url (messages translated for the user).
Status validatePlatformUrl(const QString &url);
bool isLoopbackHost(const QString &host);
// Empty is valid (the system's authorities). Otherwise a readable file holding at least one PEM certificate
// valid now. Errors: ca_unreadable, ca_not_certificate, ca_expired (messages translated for the user).
Status validateCaCertificate(const QString &path);
// The check of any known key (the two above, whole numbers in range for the numeric ones, the scanner's
// suffix, the language). Errors: unknown_setting, invalid_value, and those above.
Status validateSetting(const QString &key, const QString &value);

class HallSettings {
public:
    HallSettings(Database &db, const Clock &clock, AuditLog *audit);

    Result<QMap<QString, QString>> all() const;
    // Validates every change, refuses hall keys to a non-admin (admin_required), then writes the changed
    // keys and their audit rows in one transaction (in the caller's when one is open). Unchanged keys are
    // neither written nor audited.
    Status apply(const SettingsActor &actor, const QList<QPair<QString, QString>> &changes);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditLog *m_audit;
};

} // namespace windowdesk::storage
