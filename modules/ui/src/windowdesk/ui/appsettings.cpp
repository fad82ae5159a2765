#include "appsettings.h"

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

namespace key = storage::settingkey;

SettingsStore::SettingsStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                             QString userId, QStringList roles)
    : m_settings(db, clock, audit)
    , m_userId(std::move(userId))
    , m_roles(std::move(roles)) {}

bool SettingsStore::mayChangeHallSettings() const {
    return storage::SettingsActor::fromRoles(m_userId, m_roles).admin;
}

Result<QString> SettingsStore::value(const QString &k, const QString &defaultValue) const {
    return m_settings.value(k, defaultValue);
}

namespace {
QList<std::pair<QString, QString>> toPairs(const ShellSettings &s) {
    return {
        {QString::fromLatin1(key::platformUrl), s.platformUrl.trimmed()},
        {QString::fromLatin1(key::caCert), s.caCertPath.trimmed()},
        {QString::fromLatin1(key::windowNo), s.windowNo.trimmed()},
        {QString::fromLatin1(key::scanMaxGapMs), QString::number(s.scanMaxGapMs)},
        {QString::fromLatin1(key::scanMinLength), QString::number(s.scanMinLength)},
        {QString::fromLatin1(key::scanSuffix), s.scanSuffix},
        {QString::fromLatin1(key::scanPrefix), s.scanPrefix},
        {QString::fromLatin1(key::serialPort), s.serialPort.trimmed()},
        {QString::fromLatin1(key::language), s.language},
        {QString::fromLatin1(key::cardYellowToRedDays), QString::number(s.cardYellowToRedDays)},
        {QString::fromLatin1(key::rectificationDays), QString::number(s.rectificationDays)},
        {QString::fromLatin1(key::queueServiceLevelS), QString::number(s.serviceLevelS)},
        {QString::fromLatin1(key::evaluationScreen), s.evaluationScreen.trimmed()},
        {QString::fromLatin1(key::printDirectConfirmed), s.printDirectConfirmed ? u"on"_s : u"off"_s},
    };
}

// The printing keys of every notice kind (the same order in before and after).
void appendPrinting(QList<std::pair<QString, QString>> &pairs, const ShellSettings &s) {
    for (const char *kind : key::printKindSlugs) {
        const QString slug = QString::fromLatin1(kind);
        const ShellSettings::NoticePrinting p = s.printing.value(slug);
        pairs.append({storage::printerKey(slug), p.printer});
        pairs.append({storage::paperKey(slug), p.paper});
    }
}

int positive(const QString &v, int fallback) {
    return v.toInt() > 0 ? v.toInt() : fallback;
}

int wholeNumber(const QString &v, int fallback) {
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n >= 0 ? n : fallback;
}
} // namespace

Result<ShellSettings> SettingsStore::load() const {
    auto all = m_settings.all();
    if (!all)
        return all.error();
    const auto get = [&all](const char *k, const QString &fallback = {}) {
        return all->value(QString::fromLatin1(k), fallback);
    };
    ShellSettings s;
    s.platformUrl = get(key::platformUrl);
    s.caCertPath = get(key::caCert);
    s.windowNo = get(key::windowNo);
    s.scanMaxGapMs = positive(get(key::scanMaxGapMs), s.scanMaxGapMs);
    s.scanMinLength = positive(get(key::scanMinLength), s.scanMinLength);
    s.scanSuffix = get(key::scanSuffix, s.scanSuffix);
    s.scanPrefix = get(key::scanPrefix);
    s.serialPort = get(key::serialPort);
    s.language = get(key::language);
    s.cardYellowToRedDays = wholeNumber(get(key::cardYellowToRedDays), s.cardYellowToRedDays);
    s.rectificationDays = positive(get(key::rectificationDays), s.rectificationDays);
    s.serviceLevelS = positive(get(key::queueServiceLevelS), s.serviceLevelS);
    s.evaluationScreen = get(key::evaluationScreen);
    s.printDirectConfirmed = get(key::printDirectConfirmed) == u"on"_s;
    for (const char *kind : key::printKindSlugs) {
        const QString slug = QString::fromLatin1(kind);
        s.printing.insert(slug, {all->value(storage::printerKey(slug)), all->value(storage::paperKey(slug))});
    }
    return s;
}

Status SettingsStore::save(const ShellSettings &settings) {
    auto current = load();
    if (!current)
        return current.error();
    // Only what differs from what the dialog showed (defaults included) counts as a change.
    auto before = toPairs(current.value());
    auto after = toPairs(settings);
    appendPrinting(before, current.value());
    appendPrinting(after, settings);
    QList<QPair<QString, QString>> changes;
    for (qsizetype i = 0; i < after.size(); ++i) {
        if (after[i].second != before[i].second)
            changes.append({after[i].first, after[i].second});
    }
    return m_settings.apply(storage::SettingsActor::fromRoles(m_userId, m_roles), changes);
}

Result<QByteArray> SettingsStore::windowGeometry(const QString &userId) const {
    auto v = m_settings.value(QString::fromLatin1(key::windowGeometryPrefix) + userId);
    if (!v)
        return v.error();
    return QByteArray::fromBase64(v->toLatin1());
}

Status SettingsStore::saveWindowGeometry(const QString &userId, const QByteArray &geometry) {
    return m_settings.setProgramValue(QString::fromLatin1(key::windowGeometryPrefix) + userId,
                                      QString::fromLatin1(geometry.toBase64()));
}

} // namespace windowdesk::ui
