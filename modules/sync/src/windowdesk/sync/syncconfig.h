#pragma once
// Where and how to reach the platform: read from the settings table (keys below), overridable per run.
#include <windowdesk/core/result.h>

#include <QString>
#include <QUrl>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

// Settings keys.
inline constexpr char kPlatformUrlKey[] = "platform.url";
inline constexpr char kCaCertKey[] = "platform.ca_cert";          // path of the hall CA certificate (PEM)
inline constexpr char kTimeoutKey[] = "sync.timeout_ms";          // transfer timeout of every request
inline constexpr char kBackoffBaseKey[] = "sync.backoff_base_ms"; // full-jitter base (default 2 s)
inline constexpr char kBackoffCapKey[] = "sync.backoff_cap_ms";   // full-jitter cap (default 5 min)
inline constexpr char kDeviceIdKey[] = "sync.device_id";          // stable uuid of this install
inline constexpr char kPageLimitKey[] = "sync.page_limit";

struct SyncConfig {
    QUrl baseUrl;       // {base}; requests go to {base}/api/v1/...
    QString caCertPath; // optional extra CA for the platform's TLS certificate
    int timeoutMs = 30000;
    qint64 backoffBaseMs = 2000;
    qint64 backoffCapMs = 300000;
    int maxInFlight = 4;
    int pageLimit = 500;
    QString deviceId;
};

// Plain HTTP only for loopback hosts (127.0.0.0/8, ::1, localhost). Errors: platform_url_invalid,
// insecure_platform_url.
Status checkPlatformUrl(const QUrl &url);
bool isLoopbackHost(const QString &host);

// Reads the settings; `urlOverride` (--platform, env) wins over the stored URL. Makes and stores the device
// id on first use. Errors: platform_not_configured, and those of checkPlatformUrl.
Result<SyncConfig> loadSyncConfig(storage::Database &db, const QString &urlOverride = {});
QString settingValue(storage::Database &db, const QString &key);
Status setSetting(storage::Database &db, const QString &key, const QString &value);

} // namespace windowdesk::sync
