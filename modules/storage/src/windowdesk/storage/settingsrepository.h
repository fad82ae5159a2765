#pragma once
// The settings table (platform.url, window.no, scanner.*, ui.language, sync tuning…): the one way every part
// of the program reads and changes it — the Settings dialog, the sync worker and windowdeskctl alike (issue
// 12). Every key the program reads is named here with its validator. A change by a person is validated,
// refused to a non-admin for hall settings, written with its settings_changed audit row (old and new value:
// settings hold no personal data, secrets never go here) in one transaction, at the injected clock's time.
// Hall settings (every key that is not a preference) need the `admin` role: a platform account with that
// role, or hall IT on the machine through windowdeskctl. A clerk changes only their preferences (scanner,
// language).
//
// Configuring a real platform (not loopback: the simulator on this machine keeps the demo hall) retires the
// local accounts: the demo users are disabled and local login is closed to every account that never logged
// in online (accounts.local_login = off), in the same transaction and audited. Clearing the platform URL
// later never reopens it; only an explicit, audited admin action does (UserRepository::reopenLocalAccounts,
// `windowdeskctl users reopen-local`).
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

// Every key of the settings table.
namespace settingkey {
inline constexpr char platformUrl[] = "platform.url";
inline constexpr char caCert[] = "platform.ca_cert"; // PEM file of the hall's CA; empty: the system's CAs
inline constexpr char windowNo[] = "window.no";
inline constexpr char hallId[] = "hall.id";
inline constexpr char hallName[] = "hall.name";
inline constexpr char scanMaxGapMs[] = "scanner.max_gap_ms";
inline constexpr char scanMinLength[] = "scanner.min_length";
inline constexpr char scanSuffix[] = "scanner.suffix"; // CR | LF | Tab
inline constexpr char scanPrefix[] = "scanner.prefix";
inline constexpr char serialPort[] = "scanner.serial_port"; // empty: keyboard-wedge mode
// The resident-ID card reader's adapter: auto | sdt | cvr | simulated | off; empty: auto with a platform,
// off in the demo hall (no device there).
inline constexpr char cardReader[] = "scanner.card_reader";
inline constexpr char language[] = "ui.language";                   // zh_CN | en | empty (follow the system)
inline constexpr char syncTimeoutMs[] = "sync.timeout_ms";          // transfer timeout of every request
inline constexpr char syncBackoffBaseMs[] = "sync.backoff_base_ms"; // full-jitter base (default 2 s)
inline constexpr char syncBackoffCapMs[] = "sync.backoff_cap_ms";   // full-jitter cap (default 5 min)
inline constexpr char syncPageLimit[] = "sync.page_limit";
inline constexpr char queueServiceLevelS[] = "queue.service_level_s";
// The citizen's screen of this desk (the evaluation pad): a screen name or a number from 1; empty: none, the
// evaluation opens over the clerk's window. A preference: it follows the desk's cabling, like the scanner.
inline constexpr char evaluationScreen[] = "evaluation.screen";
inline constexpr char cardYellowToRedDays[] = "card.yellow_to_red_days";
inline constexpr char rectificationDays[] = "evaluation.rectification_days";
// Printing the notices (hall settings): per notice kind (printKindSlugs) the printer's name
// (print.<kind>.printer; empty: the system's default printer) and the paper (print.<kind>.paper, one of
// printPaperSizes; empty: A4); and whether the notice of a confirmed decision goes straight to the printer
// (print.direct_confirmed on | off; off or empty: the print preview first).
inline constexpr char printPrefix[] = "print.";
inline constexpr char printDirectConfirmed[] = "print.direct_confirmed";
inline constexpr const char *printKindSlugs[] = {"acceptance", "correction", "rejection", "commitment",
                                                 "delivery"};
inline constexpr const char *printPaperSizes[] = {"A4", "A5", "A3", "B5", "Letter", "Legal"};
inline constexpr char localLogin[] = "accounts.local_login"; // on | off; absent: off once a platform is set
// Kept by the program itself, never by a person (not audited; `settings set` refuses them).
inline constexpr char deviceId[] = "sync.device_id"; // stable uuid of this install
inline constexpr char demoCatalogRemoved[] = "sync.demo_catalog_removed";
inline constexpr char windowGeometryPrefix[] = "ui.geometry."; // + user id: where the user's window was
} // namespace settingkey

// Who changes settings: the logged-in user (admin when their roles hold "admin"), or hall IT through
// windowdeskctl (admin; userId names the command and the system account).
struct SettingsActor {
    QString userId;
    bool admin = false;
    static SettingsActor fromRoles(const QString &userId, const QStringList &roles) {
        return {userId, roles.contains(QStringLiteral("admin"))};
    }
};

// Preferences (scanner.*, ui.language, evaluation.screen) are the user's own; every other key is a hall
// setting.
bool isPreferenceKey(const QString &key);
// Keys a person may set (the only ones `settings set` accepts).
QStringList knownSettingKeys();
// print.<kind>.printer and print.<kind>.paper of a notice kind's slug (acceptance, correction, …).
QString printerKey(const QString &kindSlug);
QString paperKey(const QString &kindSlug);

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http:// may reach (platform-api.md, Conventions).
bool isLoopbackHost(const QString &host);
// Empty is valid (no platform: the demo hall). http:// only to a loopback host; otherwise https://.
// Errors: invalid_url, insecure_url (messages translated for the user).
Status validatePlatformUrl(const QString &url);
// Empty is valid (the system's authorities). Otherwise a readable file holding at least one PEM certificate
// valid now. Errors: ca_unreadable, ca_not_certificate, ca_expired (messages translated for the user).
Status validateCaCertificate(const QString &path);
// The validator of the key (the two above, whole numbers in range for the numeric ones, the scanner's
// suffix, the language). Errors: unknown_setting, invalid_value, and those above.
Status validateSetting(const QString &key, const QString &value);

// Reading needs no clock and no actor: the one read of a setting, for code that only reads (the board's K,
// the ledger's due date); SettingsRepository::value and number are these.
Result<QString> settingValue(const Database &db, const QString &key, const QString &fallback = {});
// A whole number in [min, max], or `fallback` when unset or unusable.
qint64 settingNumber(const Database &db, const QString &key, qint64 fallback, qint64 min, qint64 max);

class SettingsRepository {
public:
    // `audit`: the log changes by people are written to (null: not audited, e.g. a read-only use).
    SettingsRepository(Database &db, const Clock &clock, AuditLog *audit = nullptr);

    // The stored value, or `fallback` when the key is not set.
    Result<QString> value(const QString &key, const QString &fallback = {}) const;
    // A whole number in [min, max], or `fallback` when unset or unusable.
    qint64 number(const QString &key, qint64 fallback, qint64 min, qint64 max) const;
    Result<QMap<QString, QString>> all() const;

    // Changes by a person: validates every change, refuses hall keys to a non-admin (admin_required), then
    // writes the changed keys and their audit rows in one transaction (in the caller's when one is open).
    // Unchanged keys are neither written nor audited; nothing is written when one change is refused.
    Status apply(const SettingsActor &actor, const QList<QPair<QString, QString>> &changes);
    // One change by an admin (hall IT, a test): apply({userId, admin}, {{key, value}}).
    Status setValue(const QString &key, const QString &value, const QString &userId = {});
    // Removes a key (audited when it was set).
    Status remove(const QString &key, const QString &userId = {});

    // State the program keeps for itself under settingkey::deviceId, demoCatalogRemoved or
    // windowGeometryPrefix + user: no person changed anything, so no audit row. Error unknown_setting for
    // any other key.
    Status setProgramValue(const QString &key, const QString &value);

    // Values a loader puts in place where the key is not set yet (the demo hall's hall.id, hall.name and
    // window.no): a value the hall has set stays. No one changed a setting, so no audit row; validated.
    Status setDefaults(const QList<QPair<QString, QString>> &defaults);
    // Local login opened again (accounts.local_login = on) inside UserRepository::reopenLocalAccounts, whose
    // transaction writes the local_accounts_reopened audit row.
    Status openLocalLogin();

private:
    Status write(const QString &key, const QString &value);
    Status closeLocalAccounts(const SettingsActor &actor, const QString &url,
                              const QMap<QString, QString> &before);

    Database &m_db;
    const Clock &m_clock;
    AuditLog *m_audit;
};

} // namespace windowdesk::storage
