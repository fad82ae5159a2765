#include "demohall.h"
#include "licensekeystore.h"
#include "settingsrepository.h"

#include "storagelogging.h"

#include "catalogimporter.h"
#include "database.h"

#include <windowdesk/core/clock.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {
namespace {

const QString kDemoDir = u":/db/demo/"_s;

Result<QByteArray> readDemo(const QString &name, bool optional = false) {
    QFile f(kDemoDir + name);
    if (!f.exists() && optional)
        return QByteArray();
    if (!f.open(QIODevice::ReadOnly))
        return Error{u"demo_missing"_s, u"demo hall file %1 is missing from this build"_s.arg(name)};
    return f.readAll();
}

Result<QJsonObject> readDemoObject(const QString &name, bool optional = false) {
    auto bytes = readDemo(name, optional);
    if (!bytes)
        return bytes.error();
    if (bytes->isEmpty())
        return QJsonObject();
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &pe);
    if (!doc.isObject())
        return Error{u"demo_invalid"_s,
                     u"demo hall file %1 is not a JSON object: %2"_s.arg(name, pe.errorString())};
    return doc.object();
}

// Demo records must all load: a rejected demo record is a defect of this build, not data to skip.
Status checkImport(const QString &name, const Result<ImportResult> &r) {
    if (!r)
        return Status::failure(r.error().code, u"%1: %2"_s.arg(name, r.error().message));
    if (!r->rejected.isEmpty()) {
        const auto &x = r->rejected.front();
        return Status::failure(u"demo_invalid"_s, u"%1: record %2 rejected: %3: %4"_s.arg(
                                                      name, x.recordKey, x.field, x.message));
    }
    return {};
}

Status loadUsersAndHall(Database &db, const Clock &clock, const QString &now, int &users) {
    auto o = readDemoObject(u"users.json"_s);
    if (!o)
        return o.error();
    const QJsonObject hall = o->value(u"hall"_s).toObject();
    const QString hallId = hall.value(u"hall_id"_s).toString(hall.value(u"id"_s).toString());
    const QString hallName = hall.value(u"hall_name"_s).toString(hall.value(u"name"_s).toString());
    const QString windowNo = hall.value(u"window_no"_s).toString();
    // Settings the hall may already have changed stay as they are.
    QList<QPair<QString, QString>> defaults;
    for (const auto &[key, value] : {qMakePair(QString::fromLatin1(settingkey::hallId), hallId),
                                     qMakePair(QString::fromLatin1(settingkey::hallName), hallName),
                                     qMakePair(QString::fromLatin1(settingkey::windowNo), windowNo)})
        if (!value.isEmpty())
            defaults.append({key, value});
    if (auto s = SettingsRepository(db, clock).setDefaults(defaults); !s)
        return s;
    // Users straight into the table (UserRepository has no bulk import): existing users keep their
    // passwords and roles, so loading again changes nothing.
    const QJsonArray list = o->value(u"users"_s).toArray();
    for (const auto &v : list) {
        const QJsonObject u = v.toObject();
        QStringList roles;
        for (const auto &r : u.value(u"roles"_s).toArray())
            roles.append(r.toString());
        const QString id = u.value(u"id"_s).toString();
        const QString username = u.value(u"username"_s).toString();
        if (id.isEmpty() || username.isEmpty() || roles.isEmpty())
            return Status::failure(u"demo_invalid"_s, u"users.json: a user without id, username or roles"_s);
        if (auto s = db.exec(
                uR"(INSERT INTO users(id, username, name, roles, password_verifier, hall_id, hall_name,
                window_no, source, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo', 1, ?, ?)
                ON CONFLICT DO NOTHING)"_s,
                {id, username, u.value(u"name"_s).toString(), roles.join(u','),
                 u.value(u"password_verifier"_s).toString(), hallId, hallName,
                 u.value(u"window_no"_s).toString(windowNo), now, now});
            !s)
            return s;
        ++users;
    }
    return {};
}

Status loadLicenseKeys(Database &db, const QString &now) {
    auto o = readDemoObject(u"license_keys.json"_s, true);
    if (!o)
        return o.error();
    QList<LicenseKeyRow> keys;
    for (const auto &v : o->value(u"keys"_s).toArray()) {
        const QJsonObject k = v.toObject();
        const QString kid = k.value(u"kid"_s).toString();
        if (kid.isEmpty())
            return Status::failure(u"demo_invalid"_s, u"license_keys.json: a key without kid"_s);
        keys.append({kid, k.value(u"alg"_s).toString(), k.value(u"public_key_pem"_s).toString(),
                     k.value(u"not_before"_s).toString(), k.value(u"not_after"_s).toString(), u"demo"_s});
    }
    return LicenseKeyStore(db).addMissing(keys, now);
}

} // namespace

Result<DemoHallReport> DemoHall::loadIfNeeded(Database &db, const Clock &clock) {
    auto r = db.query(uR"(SELECT (SELECT count(*) FROM settings WHERE key = 'platform.url' AND value <> ''),
                                 (SELECT count(*) FROM service_items))"_s);
    if (!r)
        return r.error();
    if (r->next() && (r->value(0).toInt() > 0 || r->value(1).toInt() > 0))
        return DemoHallReport{};
    return load(db, clock);
}

Result<DemoHallReport> DemoHall::load(Database &db, const Clock &clock) {
    auto items = readDemo(u"catalog_items.json"_s);
    if (!items)
        return items.error();
    auto bundles = readDemo(u"catalog_bundles.json"_s);
    if (!bundles)
        return bundles.error();
    const QString now = clock.nowUtc().toString(Qt::ISODate);
    DemoHallReport report;
    CatalogImporter importer(db, clock);
    const Status s = db.write([&]() -> Status {
        report = DemoHallReport{};
        // No cursor stream: the platform's own pull must still start from the beginning.
        ImportOptions opt;
        opt.source = u"demo"_s;
        opt.rejectionStream = u"demo:catalog_items.json"_s;
        auto ri = importer.applyItemsPage(items.value(), opt);
        if (auto c = checkImport(u"catalog_items.json"_s, ri); !c)
            return c;
        opt.rejectionStream = u"demo:catalog_bundles.json"_s;
        auto rb = importer.applyBundlesPage(bundles.value(), opt);
        if (auto c = checkImport(u"catalog_bundles.json"_s, rb); !c)
            return c;
        report.items = ri->upserted + ri->ignored;
        report.bundles = rb->upserted + rb->ignored;
        if (auto u = loadUsersAndHall(db, clock, now, report.users); !u)
            return u;
        return loadLicenseKeys(db, now);
    });
    if (!s)
        return s.error();
    report.loaded = true;
    qCInfo(lcStorage) << "demo hall loaded:" << report.items << "items," << report.bundles << "bundles,"
                      << report.users << "users";
    return report;
}

} // namespace windowdesk::storage
