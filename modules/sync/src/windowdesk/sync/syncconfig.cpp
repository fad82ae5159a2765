#include "syncconfig.h"

#include <windowdesk/storage/database.h>

#include <QDateTime>
#include <QHostAddress>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

bool isLoopbackHost(const QString &host) {
    const QString h = host.toLower();
    if (h == u"localhost"_s)
        return true;
    const QHostAddress a(h);
    return !a.isNull() && a.isLoopback();
}

Status checkPlatformUrl(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
        return Status::failure(u"platform_url_invalid"_s, u"平台地址无效 / invalid platform URL"_s);
    if (url.scheme() == u"http"_s && !isLoopbackHost(url.host()))
        return Status::failure(
            u"insecure_platform_url"_s,
            u"平台地址必须使用 HTTPS（仅本机地址可用 HTTP） / the platform URL must use HTTPS "
            u"(plain HTTP only for loopback)"_s);
    return {};
}

QString settingValue(storage::Database &db, const QString &key) {
    auto q = db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

Status setSetting(storage::Database &db, const QString &key, const QString &value) {
    return db.write([&] {
        return db.exec(
            u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
            u"SET value = excluded.value, updated_at = excluded.updated_at"_s,
            {key, value, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    });
}

Result<SyncConfig> loadSyncConfig(storage::Database &db, const QString &urlOverride) {
    SyncConfig c;
    const QString url =
        urlOverride.isEmpty() ? settingValue(db, QString::fromLatin1(kPlatformUrlKey)) : urlOverride;
    if (url.trimmed().isEmpty())
        return Error{u"platform_not_configured"_s, u"未配置平台地址 / no platform URL configured"_s};
    c.baseUrl = QUrl(url.trimmed());
    if (auto s = checkPlatformUrl(c.baseUrl); !s.ok())
        return s.error();
    c.caCertPath = settingValue(db, QString::fromLatin1(kCaCertKey));
    auto num = [&](const char *key, qint64 def) {
        bool ok = false;
        const qint64 v = settingValue(db, QString::fromLatin1(key)).toLongLong(&ok);
        return ok && v >= 0 ? v : def;
    };
    c.timeoutMs = int(num(kTimeoutKey, c.timeoutMs));
    c.backoffBaseMs = num(kBackoffBaseKey, c.backoffBaseMs);
    c.backoffCapMs = num(kBackoffCapKey, c.backoffCapMs);
    c.pageLimit = int(qBound(qint64(1), num(kPageLimitKey, c.pageLimit), qint64(2000)));
    c.deviceId = settingValue(db, QString::fromLatin1(kDeviceIdKey));
    if (c.deviceId.isEmpty()) {
        c.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (auto s = setSetting(db, QString::fromLatin1(kDeviceIdKey), c.deviceId); !s.ok())
            return s.error();
    }
    return c;
}

} // namespace windowdesk::sync
