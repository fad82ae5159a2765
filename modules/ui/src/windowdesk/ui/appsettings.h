#pragma once
// The window's settings as the shell and the Settings dialog see them (platform URL, window number, scanner,
// language). Reading and saving go through storage::SettingsRepository, the one path the sync worker and
// windowdeskctl use too (keys, validators, the admin rule, the settings_changed audit rows).
#include <windowdesk/core/result.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QMap>
#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class AuditLog;
} // namespace windowdesk::storage

namespace windowdesk::ui {

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
    // The hall's supervision rules (hall settings, admin only): red after more than K working days of yellow;
    // a 差评's rectification due in working days; the queue's service-level target in seconds.
    int cardYellowToRedDays = 5;
    int rectificationDays = 15;
    int serviceLevelS = 900;
    // The citizen's screen of this desk (a preference): evaluation.screen, empty for none.
    QString evaluationScreen;
    // The hall's printing (hall settings, admin only): per notice kind slug (acceptance, correction, …) the
    // printer (empty: the system's default) and paper (empty: A4), and whether the notice of a confirmed
    // decision prints without preview.
    struct NoticePrinting {
        QString printer;
        QString paper;
        bool operator==(const NoticePrinting &) const = default;
    };
    QMap<QString, NoticePrinting> printing;
    bool printDirectConfirmed = false;

    bool operator==(const ShellSettings &) const = default;
};

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
    storage::SettingsRepository m_settings;
    QString m_userId;
    QStringList m_roles;
};

} // namespace windowdesk::ui
