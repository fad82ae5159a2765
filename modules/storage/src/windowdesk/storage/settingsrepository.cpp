#include "settingsrepository.h"

#include "auditlog.h"
#include "database.h"

#include <windowdesk/core/clock.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <ctime>
#include <memory>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
// The dialog's translation context: the messages were the Settings store's before they moved here.
QString trSettings(const char *text) {
    return QCoreApplication::translate("windowdesk::ui::SettingsStore", text);
}

struct NumberRange {
    const char *key;
    qint64 min;
    qint64 max;
};
// Whole-number settings and what the program can live with (sub-second backoff: a test hall's simulator).
// duties.unresolved_reply_days: 办不成事, the reply within N working days (named by
// cases::kUnresolvedReplyDaysKey, not in the header every module includes).
constexpr NumberRange kNumbers[] = {
    {settingkey::scanMaxGapMs, 5, 500},           {settingkey::scanMinLength, 1, 256},
    {settingkey::syncTimeoutMs, 100, 600000},     {settingkey::syncBackoffBaseMs, 10, 600000},
    {settingkey::syncBackoffCapMs, 100, 3600000}, {settingkey::syncPageLimit, 1, 2000},
    {settingkey::queueServiceLevelS, 60, 86400},  {settingkey::cardYellowToRedDays, 0, 3650},
    {settingkey::rectificationDays, 0, 365},      {"duties.unresolved_reply_days", 1, 60},
};

const QStringList &textKeys() {
    static const QStringList keys = [] {
        QStringList k;
        for (const char *key :
             {settingkey::platformUrl, settingkey::caCert, settingkey::windowNo, settingkey::hallId,
              settingkey::hallName, settingkey::scanSuffix, settingkey::scanPrefix, settingkey::serialPort,
              settingkey::language, settingkey::evaluationScreen, settingkey::cardReader,
              settingkey::printDirectConfirmed})
            k.append(QString::fromLatin1(key));
        for (const char *kind : settingkey::printKindSlugs)
            k << printerKey(QString::fromLatin1(kind)) << paperKey(QString::fromLatin1(kind));
        return k;
    }();
    return keys;
}

bool isProgramKey(const QString &key) {
    return key == QLatin1String(settingkey::deviceId) ||
           key == QLatin1String(settingkey::demoCatalogRemoved) ||
           key.startsWith(QLatin1String(settingkey::windowGeometryPrefix));
}

QDateTime fromAsn1(const ASN1_TIME *t) {
    std::tm tm{};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

// A null QString binds as SQL NULL; settings.value is NOT NULL, and "" means "not set".
QString text(const QString &s) {
    return s.isNull() ? u""_s : s;
}
} // namespace

bool isPreferenceKey(const QString &key) {
    return key.startsWith(u"scanner."_s) || key == QLatin1String(settingkey::language) ||
           key == QLatin1String(settingkey::evaluationScreen);
}

QString printerKey(const QString &kindSlug) {
    return QLatin1String(settingkey::printPrefix) + kindSlug + u".printer"_s;
}

QString paperKey(const QString &kindSlug) {
    return QLatin1String(settingkey::printPrefix) + kindSlug + u".paper"_s;
}

QStringList knownSettingKeys() {
    QStringList keys = textKeys();
    for (const auto &n : kNumbers)
        keys.append(QString::fromLatin1(n.key));
    keys.sort();
    return keys;
}

bool isLoopbackHost(const QString &host) {
    // Addresses only (127.0.0.1.evil.example is a name, not an address): 127.0.0.0/8, ::1 and localhost.
    // Parsed here rather than with QHostAddress: storage does not link Qt Network.
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    if (host == u"::1"_s || host == u"0:0:0:0:0:0:0:1"_s)
        return true;
    static const QRegularExpression v4(u"^127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"_s);
    const auto m = v4.match(host);
    if (!m.hasMatch())
        return false;
    for (int i = 1; i <= 3; ++i)
        if (m.captured(i).toInt() > 255)
            return false;
    return true;
}

Status validatePlatformUrl(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https")) {
        return Status::failure(u"invalid_url"_s,
                               trSettings("The platform address is not a valid web address. Example: "
                                          "https://zwfw.hunan.gov.cn/windowdesk"));
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return Status::failure(u"insecure_url"_s,
                               trSettings("Refused: the platform address must use https://. Plain http:// is "
                                          "only allowed for this computer (127.0.0.1, localhost), because "
                                          "passwords and case data would travel unencrypted."));
    }
    return {};
}

Status validateCaCertificate(const QString &path) {
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return {};
    QFile f(trimmed);
    if (!f.open(QIODevice::ReadOnly))
        return Status::failure(u"ca_unreadable"_s,
                               trSettings("The CA certificate file cannot be read: %1").arg(f.errorString()));
    const QByteArray pem = f.readAll();
    // OpenSSL reads the PEM (the same library Qt's TLS backend uses to trust it later).
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    QDateTime firstExpiry;
    bool any = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (bio) {
        std::unique_ptr<X509, decltype(&X509_free)> cert(
            PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
        if (!cert)
            break;
        const QDateTime from = fromAsn1(X509_get0_notBefore(cert.get()));
        const QDateTime until = fromAsn1(X509_get0_notAfter(cert.get()));
        if (!any)
            firstExpiry = until;
        any = true;
        if (from.isValid() && until.isValid() && from <= now && until > now)
            return {};
    }
    if (!any)
        return Status::failure(
            u"ca_not_certificate"_s,
            trSettings("The file holds no certificate in PEM format (text starting with "
                       "-----BEGIN CERTIFICATE-----). Ask the platform operator for the hall CA "
                       "certificate."));
    return Status::failure(u"ca_expired"_s,
                           trSettings("The CA certificate is expired or not yet valid (valid until %1).")
                               .arg(firstExpiry.toString(Qt::ISODate)));
}

Status validateSetting(const QString &key, const QString &value) {
    if (key == QLatin1String(settingkey::platformUrl))
        return validatePlatformUrl(value);
    if (key == QLatin1String(settingkey::caCert))
        return validateCaCertificate(value);
    for (const auto &n : kNumbers) {
        if (key != QLatin1String(n.key))
            continue;
        bool ok = false;
        const qint64 v = value.toLongLong(&ok);
        if (!ok || v < n.min || v > n.max || value.trimmed() != value)
            return Status::failure(
                u"invalid_value"_s,
                trSettings("%1 must be a whole number from %2 to %3.").arg(key).arg(n.min).arg(n.max));
        return {};
    }
    if (!textKeys().contains(key))
        return Status::failure(u"unknown_setting"_s, trSettings("Unknown setting: %1").arg(key));
    if (key == QLatin1String(settingkey::scanSuffix) &&
        !QStringList{u"CR"_s, u"LF"_s, u"Tab"_s}.contains(value))
        return Status::failure(u"invalid_value"_s, trSettings("The scanner suffix must be CR, LF or Tab."));
    if (key == QLatin1String(settingkey::language) &&
        !QStringList{QString(), u"zh_CN"_s, u"en"_s}.contains(value))
        return Status::failure(u"invalid_value"_s,
                               trSettings("The language must be zh_CN, en or empty (follow the system)."));
    if (key == QLatin1String(settingkey::cardReader) &&
        !QStringList{QString(), u"auto"_s, u"sdt"_s, u"cvr"_s, u"simulated"_s, u"off"_s}.contains(value))
        return Status::failure(
            u"invalid_value"_s,
            trSettings("The card reader must be auto, sdt, cvr, simulated, off or empty."));
    if (key == QLatin1String(settingkey::printDirectConfirmed) &&
        !QStringList{QString(), u"on"_s, u"off"_s}.contains(value))
        return Status::failure(u"invalid_value"_s,
                               trSettings("Printing without preview must be on, off or empty."));
    if (key.startsWith(QLatin1String(settingkey::printPrefix)) && key.endsWith(u".paper"_s)) {
        QStringList sizes{QString()};
        for (const char *size : settingkey::printPaperSizes)
            sizes.append(QString::fromLatin1(size));
        if (!sizes.contains(value))
            return Status::failure(u"invalid_value"_s,
                                   trSettings("The paper size must be one of %1, or empty (A4).")
                                       .arg(sizes.mid(1).join(u", "_s)));
    }
    if (key.startsWith(QLatin1String(settingkey::printPrefix)) && key.endsWith(u".printer"_s) &&
        (value.size() > 127 || value.trimmed() != value ||
         std::any_of(value.begin(), value.end(),
                     [](QChar c) { return c.category() == QChar::Other_Control; })))
        return Status::failure(u"invalid_value"_s,
                               trSettings("A printer name is at most 127 characters, without control "
                                          "characters or spaces at its ends."));
    if (key == QLatin1String(settingkey::scanPrefix) && value.size() > 8)
        return Status::failure(u"invalid_value"_s, trSettings("The scanner prefix is at most 8 characters."));
    return {};
}

SettingsRepository::SettingsRepository(Database &db, const Clock &clock, AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QString> settingValue(const Database &db, const QString &key, const QString &fallback) {
    auto q = db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
    if (!q.ok())
        return Result<QString>(q.error());
    return q->next() ? q->value(0).toString() : fallback;
}

qint64 settingNumber(const Database &db, const QString &key, qint64 fallback, qint64 min, qint64 max) {
    auto v = settingValue(db, key);
    bool ok = false;
    const qint64 n = v.ok() ? v->toLongLong(&ok) : 0;
    return ok && n >= min && n <= max ? n : fallback;
}

Result<QString> SettingsRepository::value(const QString &key, const QString &fallback) const {
    return settingValue(m_db, key, fallback);
}

qint64 SettingsRepository::number(const QString &key, qint64 fallback, qint64 min, qint64 max) const {
    return settingNumber(m_db, key, fallback, min, max);
}

Result<QMap<QString, QString>> SettingsRepository::all() const {
    auto q = m_db.query(u"SELECT key, value FROM settings ORDER BY key"_s);
    if (!q.ok())
        return Result<QMap<QString, QString>>(q.error());
    QMap<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Status SettingsRepository::write(const QString &key, const QString &value) {
    return m_db.exec(
        u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE "
        u"SET value = excluded.value, updated_at = excluded.updated_at"_s,
        {key, text(value), m_clock.nowUtc().toString(Qt::ISODate)});
}

Status SettingsRepository::apply(const SettingsActor &actor, const QList<QPair<QString, QString>> &changes) {
    auto current = all();
    if (!current.ok())
        return Status(current.error());
    QList<QPair<QString, QString>> changed;
    for (const auto &[key, value] : changes) {
        if (current->value(key) == value)
            continue;
        if (!isPreferenceKey(key) && !actor.admin)
            return Status::failure(
                u"admin_required"_s,
                trSettings("Only an administrator may change the hall settings (%1). Ask hall IT, "
                           "who can also use windowdeskctl settings set.")
                    .arg(key));
        if (auto st = validateSetting(key, value); !st.ok())
            return st;
        changed.append({key, text(value)});
    }
    if (changed.isEmpty())
        return {};
    return m_db.write([&]() -> Status {
        for (const auto &[key, value] : changed) {
            const QString old = current->value(key);
            if (auto st = write(key, value); !st.ok())
                return st;
            // Settings hold no personal data, so old and new values are kept for the record.
            if (m_audit)
                if (auto st = m_audit->append(
                        {actor.userId, u"settings_changed"_s, key, {{u"old"_s, old}, {u"new"_s, value}}});
                    !st.ok())
                    return st;
            if (key != QLatin1String(settingkey::platformUrl) || isLoopbackHost(QUrl(value.trimmed()).host()))
                continue; // the simulator on this machine: the demo hall goes on
            if (value.trimmed().isEmpty()) {
                // Clearing the platform is an admin's act on the record; local login stays as it was.
                if (m_audit)
                    if (auto st =
                            m_audit->append({actor.userId, u"platform_cleared"_s, key, {{u"old"_s, old}}});
                        !st.ok())
                        return st;
                continue;
            }
            if (auto st = closeLocalAccounts(actor, value, current.value()); !st.ok())
                return st;
        }
        return {};
    });
}

// A real platform from now on: the demo accounts and local-only logins end here (in apply's transaction).
Status SettingsRepository::closeLocalAccounts(const SettingsActor &actor, const QString &url,
                                              const QMap<QString, QString> &before) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    auto disabled = m_db.query(
        u"UPDATE users SET active = 0, updated_at = ? WHERE source = 'demo' AND active = 1 RETURNING username"_s,
        {now});
    if (!disabled.ok())
        return Status(disabled.error());
    QStringList names;
    while (disabled->next())
        names.append(disabled->value(0).toString());
    disabled->finish();
    const QString localLogin = QString::fromLatin1(settingkey::localLogin);
    if (auto st = write(localLogin, u"off"_s); !st.ok())
        return st;
    if (!m_audit || (names.isEmpty() && before.value(localLogin) == u"off"_s))
        return {};
    names.sort();
    return m_audit->append(
        {actor.userId,
         u"local_accounts_closed"_s,
         localLogin,
         {{u"demo_users_disabled"_s, QJsonArray::fromStringList(names)}, {u"platform_url"_s, url}}});
}

Status SettingsRepository::setValue(const QString &key, const QString &value, const QString &userId) {
    if (key.isEmpty())
        return Status::failure(u"invalid_argument"_s, u"empty setting key"_s);
    return apply({userId, true}, {{key, value}});
}

Status SettingsRepository::remove(const QString &key, const QString &userId) {
    return m_db.write([&]() -> Status {
        auto q = m_db.query(u"DELETE FROM settings WHERE key = ? RETURNING key"_s, {key});
        if (!q.ok())
            return Status(q.error());
        if (!q->next())
            return {};
        q->finish();
        return m_audit ? m_audit->append({userId, u"settings_changed"_s, key, {{u"removed"_s, true}}})
                       : Status();
    });
}

Status SettingsRepository::setProgramValue(const QString &key, const QString &value) {
    if (!isProgramKey(key))
        return Status::failure(u"unknown_setting"_s, u"not a key the program keeps: %1"_s.arg(key));
    return m_db.write([&] { return write(key, value); });
}

Status SettingsRepository::setDefaults(const QList<QPair<QString, QString>> &defaults) {
    for (const auto &[key, value] : defaults)
        if (auto st = validateSetting(key, value); !st.ok())
            return st;
    return m_db.write([&]() -> Status {
        for (const auto &[key, value] : defaults) {
            if (auto st = m_db.exec(u"INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) "
                                    u"ON CONFLICT(key) DO NOTHING"_s,
                                    {key, text(value), m_clock.nowUtc().toString(Qt::ISODate)});
                !st.ok())
                return st;
        }
        return {};
    });
}

Status SettingsRepository::openLocalLogin() {
    return m_db.write([&] { return write(QString::fromLatin1(settingkey::localLogin), u"on"_s); });
}

} // namespace windowdesk::storage
