#pragma once
// Where and how to reach the platform: read from the settings table (storage::settingkey::platformUrl,
// caCert, syncTimeoutMs, syncBackoffBaseMs, syncBackoffCapMs, syncPageLimit, deviceId) through
// storage::SettingsRepository, overridable per run.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/result.h>

#include <QString>
#include <QUrl>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

struct SyncConfig {
    QUrl baseUrl;       // {base}; requests go to {base}/api/v1/...
    QString caCertPath; // optional extra CA for the platform's TLS certificate
    int timeoutMs = 30000;
    qint64 backoffBaseMs = 2000;
    qint64 backoffCapMs = 300000;
    int maxInFlight = 4; // sync-rules.md rule 8
    int pageLimit = 500;
    QString deviceId;
};

// Reads the settings; `urlOverride` (--platform, env) wins over the stored URL, and is checked the same way
// (storage::validatePlatformUrl: plain HTTP only for loopback hosts). Makes and stores the device id on first
// use (at `clock`'s time). Errors: platform_not_configured, invalid_url, insecure_url.
Result<SyncConfig> loadSyncConfig(storage::Database &db, const QString &urlOverride = {},
                                  const Clock &clock = SystemClock::instance());

} // namespace windowdesk::sync
