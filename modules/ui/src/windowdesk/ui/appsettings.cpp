#include "appsettings.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/hallsettings.h>

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

// The rules live in storage::HallSettings (shared with windowdeskctl); these names stay for the dialog.
bool isLoopbackHost(const QString &host) {
    return storage::isLoopbackHost(host);
}

Status validatePlatformUrl(const QString &text) {
    return storage::validatePlatformUrl(text);
}

Status validateCaCertificate(const QString &path) {
    return storage::validateCaCertificate(path);
}

SettingsStore::SettingsStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                             QString userId, QStringList roles)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_userId(std::move(userId))
    , m_roles(std::move(roles)) {}

bool SettingsStore::mayChangeHallSettings() const {
    return storage::SettingsActor::fromRoles(m_userId, m_roles).admin;
}

Result<QString> SettingsStore::value(const QString &key, const QString &defaultValue) const {
    auto q = m_db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!q)
        return q.error();
    if (q->next())
        return q->value(0).toString();
    return defaultValue;
}

namespace {
// A null QString binds as SQL NULL; settings.value is NOT NULL, and "" means "not set".
QString text(const QString &s) {
    return s.isNull() ? QString(u""_s) : s;
}

QList<std::pair<QString, QString>> toPairs(const ShellSettings &s) {
    return {
        {settingkey::platformUrl.toString(), s.platformUrl.trimmed()},
        {settingkey::caCert.toString(), s.caCertPath.trimmed()},
        {settingkey::windowNo.toString(), s.windowNo.trimmed()},
        {settingkey::scanMaxGapMs.toString(), QString::number(s.scanMaxGapMs)},
        {settingkey::scanMinLength.toString(), QString::number(s.scanMinLength)},
        {settingkey::scanSuffix.toString(), s.scanSuffix},
        {settingkey::scanPrefix.toString(), s.scanPrefix},
        {settingkey::serialPort.toString(), s.serialPort.trimmed()},
        {settingkey::language.toString(), s.language},
    };
}
} // namespace

Result<ShellSettings> SettingsStore::load() const {
    auto q = m_db.query(u"SELECT key, value FROM settings"_s);
    if (!q)
        return q.error();
    ShellSettings s;
    while (q->next()) {
        const QString k = q->value(0).toString();
        const QString v = q->value(1).toString();
        if (k == settingkey::platformUrl)
            s.platformUrl = v;
        else if (k == settingkey::caCert)
            s.caCertPath = v;
        else if (k == settingkey::windowNo)
            s.windowNo = v;
        else if (k == settingkey::scanMaxGapMs)
            s.scanMaxGapMs = v.toInt() > 0 ? v.toInt() : 50;
        else if (k == settingkey::scanMinLength)
            s.scanMinLength = v.toInt() > 0 ? v.toInt() : 8;
        else if (k == settingkey::scanSuffix)
            s.scanSuffix = v;
        else if (k == settingkey::scanPrefix)
            s.scanPrefix = v;
        else if (k == settingkey::serialPort)
            s.serialPort = v;
        else if (k == settingkey::language)
            s.language = v;
    }
    return s;
}

Status SettingsStore::save(const ShellSettings &settings) {
    auto current = load();
    if (!current)
        return current.error();
    // Only what differs from what the dialog showed (defaults included) counts as a change.
    const auto before = toPairs(current.value());
    const auto after = toPairs(settings);
    QList<QPair<QString, QString>> changes;
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (after[i].second != before[i].second)
            changes.append({after[i].first, text(after[i].second)});
    }
    return storage::HallSettings(m_db, m_clock, m_audit)
        .apply(storage::SettingsActor::fromRoles(m_userId, m_roles), changes);
}

namespace {
QString geometryKey(const QString &userId) {
    return u"ui.geometry."_s + userId;
}
} // namespace

Result<QByteArray> SettingsStore::windowGeometry(const QString &userId) const {
    auto v = value(geometryKey(userId));
    if (!v)
        return v.error();
    return QByteArray::fromBase64(v->toLatin1());
}

Status SettingsStore::saveWindowGeometry(const QString &userId, const QByteArray &geometry) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODateWithMs);
    return m_db.write([&]() -> Status {
        return m_db.exec(u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                         u"ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at"_s,
                         {geometryKey(userId), QString::fromLatin1(geometry.toBase64()), now});
    });
}

} // namespace windowdesk::ui
