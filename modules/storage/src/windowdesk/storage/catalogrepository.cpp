#include "catalogrepository.h"

#include "database.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

CatalogRepository::CatalogRepository(Database &db)
    : m_db(db) {}

Result<CatalogCounts> CatalogRepository::counts() const {
    auto r = m_db.query(uR"(SELECT (SELECT count(*) FROM service_items WHERE is_current = 1 AND deleted = 0),
                                   (SELECT count(*) FROM bundles WHERE is_current = 1 AND deleted = 0))"_s);
    if (!r)
        return r.error();
    CatalogCounts c;
    if (r->next()) {
        c.items = r->value(0).toInt();
        c.bundles = r->value(1).toInt();
    }
    return c;
}

Result<core::ServiceItem> CatalogRepository::loadItem(const QString &where, const QVariantList &binds) const {
    auto r = m_db.query(uR"(SELECT code, version, name, type, department, basis, conditions, service_object,
        process_json, legal_time_limit_days, promised_time_limit_days, result, fee, online, cross_province,
        commitment_allowed, updated_at, aliases_json FROM service_items WHERE )"_s +
                            where,
                        binds);
    if (!r)
        return r.error();
    if (!r->next())
        return Error{u"not_found"_s, u"no such item: %1"_s.arg(binds.value(0).toString())};
    core::ServiceItem it;
    it.code = r->value(0).toString();
    it.version = r->value(1).toInt();
    it.name = r->value(2).toString();
    it.type = r->value(3).toString();
    it.department = r->value(4).toString();
    it.basis = r->value(5).toString();
    it.conditions = r->value(6).toString();
    it.serviceObject = r->value(7).toString();
    for (const auto &v : QJsonDocument::fromJson(r->value(8).toString().toUtf8()).array())
        it.process.append(v.toString());
    it.legalTimeLimitDays = r->value(9).toInt();
    it.promisedTimeLimitDays = r->value(10).toInt();
    it.result = r->value(11).toString();
    it.fee = r->value(12).toString();
    it.online = r->value(13).toBool();
    it.crossProvince = r->value(14).toBool();
    it.commitmentAllowed = r->value(15).toBool();
    it.updatedAt = r->value(16).toString();
    for (const auto &v : QJsonDocument::fromJson(r->value(17).toString().toUtf8()).array())
        it.aliases.append(v.toString());

    auto m =
        m_db.query(uR"(SELECT material_id, name, required, copies, license_type, commitment_allowed, notes
        FROM item_materials WHERE item_code = ? AND item_version = ? ORDER BY ord)"_s,
                   {it.code, it.version});
    if (!m)
        return m.error();
    while (m->next()) {
        core::Material mat;
        mat.id = m->value(0).toString();
        mat.name = m->value(1).toString();
        mat.required = m->value(2).toBool();
        mat.copies = m->value(3).toInt();
        mat.licenseType = m->value(4).toString();
        mat.commitmentAllowed = m->value(5).toBool();
        mat.notes = m->value(6).toString();
        it.materials.append(mat);
    }
    auto f =
        m_db.query(uR"(SELECT field_key, label, type, required, max_length, min_value, max_value, options_json
        FROM item_form_fields WHERE item_code = ? AND item_version = ? ORDER BY ord)"_s,
                   {it.code, it.version});
    if (!f)
        return f.error();
    while (f->next()) {
        core::FormField ff;
        ff.key = f->value(0).toString();
        ff.label = f->value(1).toString();
        ff.type = f->value(2).toString();
        ff.required = f->value(3).toBool();
        if (!f->value(4).isNull())
            ff.maxLength = f->value(4).toInt();
        if (!f->value(5).isNull())
            ff.min = f->value(5).toDouble();
        if (!f->value(6).isNull())
            ff.max = f->value(6).toDouble();
        for (const auto &v : QJsonDocument::fromJson(f->value(7).toString().toUtf8()).array())
            ff.options.append(v.toString());
        it.form.append(ff);
    }
    return it;
}

Result<core::ServiceItem> CatalogRepository::currentItem(const QString &code) const {
    return loadItem(u"code = ? AND is_current = 1 AND deleted = 0"_s, {code});
}

Result<core::ServiceItem> CatalogRepository::item(const QString &code, int version) const {
    return loadItem(u"code = ? AND version = ?"_s, {code, version});
}

namespace {
Result<QList<core::Bundle>> loadBundles(Database &db, const QString &where, const QVariantList &binds) {
    auto r = db.query(
        u"SELECT code, version, name, theme, promised_time_limit_days, updated_at FROM bundles WHERE "_s +
            where + u" ORDER BY code"_s,
        binds);
    if (!r)
        return r.error();
    QList<core::Bundle> out;
    while (r->next()) {
        core::Bundle b;
        b.code = r->value(0).toString();
        b.version = r->value(1).toInt();
        b.name = r->value(2).toString();
        b.theme = r->value(3).toString();
        b.promisedTimeLimitDays = r->value(4).toInt();
        b.updatedAt = r->value(5).toString();
        out.append(b);
    }
    for (auto &b : out) {
        auto items = db.query(
            u"SELECT item_code FROM bundle_items WHERE bundle_code = ? AND bundle_version = ? ORDER BY ord"_s,
            {b.code, b.version});
        if (!items)
            return items.error();
        while (items->next())
            b.itemCodes.append(items->value(0).toString());
    }
    return out;
}
} // namespace

Result<core::Bundle> CatalogRepository::currentBundle(const QString &code) const {
    auto r = loadBundles(m_db, u"code = ? AND is_current = 1 AND deleted = 0"_s, {code});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{u"not_found"_s, u"no such bundle: %1"_s.arg(code)};
    return r->front();
}

Result<QList<core::Bundle>> CatalogRepository::currentBundles() const {
    return loadBundles(m_db, u"is_current = 1 AND deleted = 0"_s, {});
}

Result<core::MergedBundle> CatalogRepository::mergedBundle(const QString &bundleCode) const {
    auto b = currentBundle(bundleCode);
    if (!b)
        return b.error();
    QList<core::ServiceItem> items;
    for (const QString &code : std::as_const(b->itemCodes)) {
        auto it = currentItem(code);
        if (it)
            items.append(it.value());
        else if (it.error().code != u"not_found")
            return it.error();
    }
    return core::mergeBundle(b.value(), items);
}

Result<QList<StoredRejection>> CatalogRepository::rejections(int limit) const {
    auto r = m_db.query(
        u"SELECT stream, record_key, field, message, at FROM import_rejections ORDER BY id DESC LIMIT ?"_s,
        {limit});
    if (!r)
        return r.error();
    QList<StoredRejection> out;
    while (r->next()) {
        out.append({r->value(0).toString(), r->value(1).toString(), r->value(2).toString(),
                    r->value(3).toString(), r->value(4).toString()});
    }
    return out;
}

} // namespace windowdesk::storage
