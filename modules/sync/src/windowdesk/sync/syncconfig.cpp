#include "syncconfig.h"

#include <windowdesk/storage/settingsrepository.h>

#include <QUuid>

#include <climits>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

Result<SyncConfig> loadSyncConfig(storage::Database &db, const QString &urlOverride, const Clock &clock) {
    namespace key = storage::settingkey;
    const storage::SettingsRepository settings(db, clock);
    const auto text = [&settings](const char *k) {
        auto v = settings.value(QString::fromLatin1(k));
        return v.ok() ? v.value() : QString();
    };
    SyncConfig c;
    const QString url = (urlOverride.isEmpty() ? text(key::platformUrl) : urlOverride).trimmed();
    if (url.isEmpty())
        return Error{u"platform_not_configured"_s, u"未配置平台地址 / no platform URL configured"_s};
    if (auto s = storage::validatePlatformUrl(url); !s.ok())
        return s.error();
    c.baseUrl = QUrl(url);
    c.caCertPath = text(key::caCert);
    c.timeoutMs = int(settings.number(QString::fromLatin1(key::syncTimeoutMs), c.timeoutMs, 0, INT_MAX));
    c.backoffBaseMs =
        settings.number(QString::fromLatin1(key::syncBackoffBaseMs), c.backoffBaseMs, 0, LLONG_MAX);
    c.backoffCapMs =
        settings.number(QString::fromLatin1(key::syncBackoffCapMs), c.backoffCapMs, 0, LLONG_MAX);
    c.pageLimit = int(
        qBound(qint64(1), settings.number(QString::fromLatin1(key::syncPageLimit), c.pageLimit, 0, LLONG_MAX),
               qint64(2000)));
    c.deviceId = text(key::deviceId);
    if (c.deviceId.isEmpty()) {
        c.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        storage::SettingsRepository writer(db, clock);
        if (auto s = writer.setProgramValue(QString::fromLatin1(key::deviceId), c.deviceId); !s.ok())
            return s.error();
    }
    return c;
}

} // namespace windowdesk::sync
