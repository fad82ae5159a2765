#include "appsettings.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

bool isLoopbackHost(const QString &host) {
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (host == u"::1"_s || host == u"0:0:0:0:0:0:0:1"_s)
        return true;
    // 127.0.0.0/8 (QtNetwork is not linked into the UI library for this one check).
    static const QRegularExpression v4(u"^127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"_s);
    const auto m = v4.match(host);
    if (!m.hasMatch())
        return false;
    for (int i = 1; i <= 3; ++i) {
        if (m.captured(i).toInt() > 255)
            return false;
    }
    return true;
}

Status validatePlatformUrl(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        return Status::failure(
            u"invalid_url"_s,
            QCoreApplication::translate("windowdesk::ui::SettingsStore",
                                        "The platform address is not a valid web address. Example: "
                                        "https://zwfw.hunan.gov.cn/windowdesk"));
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return Status::failure(
            u"insecure_url"_s,
            QCoreApplication::translate("windowdesk::ui::SettingsStore",
                                        "Refused: the platform address must use https://. Plain http:// is "
                                        "only allowed for this computer (127.0.0.1, localhost), because "
                                        "passwords and case data would travel unencrypted."));
    }
    return {};
}

Status validateCaCertificate(const QString &path) {
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return {};
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("windowdesk::ui::SettingsStore", text);
    };
    QFile f(trimmed);
    if (!f.open(QIODevice::ReadOnly))
        return Status::failure(u"ca_unreadable"_s,
                               tr("The CA certificate file cannot be read: %1").arg(f.errorString()));
    const QList<QSslCertificate> certs = QSslCertificate::fromData(f.readAll(), QSsl::Pem);
    if (certs.isEmpty() || certs.first().isNull())
        return Status::failure(u"ca_not_certificate"_s,
                               tr("The file holds no certificate in PEM format (text starting with "
                                  "-----BEGIN CERTIFICATE-----). Ask the platform operator for the hall CA "
                                  "certificate."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &c : certs) {
        if (c.expiryDate() > now && c.effectiveDate() <= now)
            return {};
    }
    return Status::failure(u"ca_expired"_s,
                           tr("The CA certificate is expired or not yet valid (valid until %1).")
                               .arg(certs.first().expiryDate().toString(Qt::ISODate)));
}

SettingsStore::SettingsStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                             QString userId)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_userId(std::move(userId)) {}

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
    if (auto st = validatePlatformUrl(settings.platformUrl); !st)
        return st;
    if (auto st = validateCaCertificate(settings.caCertPath); !st)
        return st;
    auto current = load();
    if (!current)
        return current.error();
    const auto before = toPairs(current.value());
    const auto after = toPairs(settings);
    const QString now = m_clock.nowUtc().toString(Qt::ISODateWithMs);
    return m_db.write([&]() -> Status {
        for (qsizetype i = 0; i < after.size(); ++i) {
            if (after[i].second == before[i].second)
                continue;
            const QString &key = after[i].first;
            if (auto st = m_db.exec(u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                                    u"ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                                    u"updated_at = excluded.updated_at"_s,
                                    {key, text(after[i].second), now});
                !st)
                return st;
            if (m_audit) {
                // Settings hold no personal data, so old and new values can be kept for the record.
                const QJsonObject details{{u"old"_s, text(before[i].second)},
                                          {u"new"_s, text(after[i].second)}};
                if (auto st = m_audit->append({m_userId, u"settings_changed"_s, key, details}); !st)
                    return st;
            }
        }
        return {};
    });
}

} // namespace windowdesk::ui
