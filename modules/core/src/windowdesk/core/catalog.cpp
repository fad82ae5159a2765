#include "catalog.h"

#include <QJsonArray>
#include <QSet>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace windowdesk::core {
namespace {

// Reads typed fields of one JSON object, remembering the first error with its full path.
class Reader {
public:
    Reader(const QJsonObject &o, QString prefix, std::optional<FieldError> &err)
        : m_o(o)
        , m_prefix(std::move(prefix))
        , m_err(err) {}

    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }
    bool failed() const { return m_err.has_value(); }
    void fail(const QString &key, const QString &message) {
        if (!m_err)
            m_err = FieldError{path(key), message};
    }

    // Missing → error when required, else `def`; null counts as missing for optional fields.
    QString string(const QString &key, bool required, bool nonEmpty = false, const QString &def = {}) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail(key, u"missing"_s);
            return def;
        }
        if (!v.isString()) {
            fail(key, u"expected string"_s);
            return def;
        }
        if (nonEmpty && v.toString().trimmed().isEmpty())
            fail(key, u"must not be empty"_s);
        return v.toString();
    }

    bool boolean(const QString &key, bool required, bool def = false) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail(key, u"missing"_s);
            return def;
        }
        if (!v.isBool()) {
            fail(key, u"expected boolean"_s);
            return def;
        }
        return v.toBool();
    }

    std::optional<int> integer(const QString &key, bool required, int min = std::numeric_limits<int>::min()) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail(key, u"missing"_s);
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || std::floor(d) != d || d < std::numeric_limits<int>::min() ||
            d > std::numeric_limits<int>::max()) {
            fail(key, u"expected integer"_s);
            return std::nullopt;
        }
        if (int(d) < min) {
            fail(key, u"must be at least %1"_s.arg(min));
            return std::nullopt;
        }
        return int(d);
    }

    std::optional<double> number(const QString &key) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(key, u"expected number"_s);
            return std::nullopt;
        }
        return v.toDouble();
    }

    QStringList strings(const QString &key, bool required, bool nonEmptyList = false) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail(key, u"missing"_s);
            return {};
        }
        if (!v.isArray()) {
            fail(key, u"expected array of strings"_s);
            return {};
        }
        QStringList out;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString()) {
                fail(u"%1[%2]"_s.arg(key).arg(i), u"expected string"_s);
                return {};
            }
            out.append(a.at(i).toString());
        }
        if (nonEmptyList && out.isEmpty())
            fail(key, u"must not be empty"_s);
        return out;
    }

    // Array of objects; returns nullopt (error recorded) when it is not one.
    std::optional<QJsonArray> objects(const QString &key, bool required) {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined() || (v.isNull() && !required)) {
            if (required)
                fail(key, u"missing"_s);
            return QJsonArray();
        }
        if (!v.isArray()) {
            fail(key, u"expected array"_s);
            return std::nullopt;
        }
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isObject()) {
                fail(u"%1[%2]"_s.arg(key).arg(i), u"expected object"_s);
                return std::nullopt;
            }
        }
        return a;
    }

private:
    QJsonObject m_o;
    QString m_prefix;
    std::optional<FieldError> &m_err;
};

template <typename T> Result<T> finish(T value, const std::optional<FieldError> &err, FieldError *where) {
    if (err) {
        if (where)
            *where = *err;
        return Result<T>::failure(u"invalid_record"_s, err->text());
    }
    return value;
}

Result<void> notObject(FieldError *where) {
    const FieldError e{u"(record)"_s, u"expected object"_s};
    if (where)
        *where = e;
    return Status::failure(u"invalid_record"_s, e.text());
}

} // namespace

const QStringList &FormField::types() {
    static const QStringList t{u"text"_s,      u"multiline"_s, u"number"_s, u"date"_s, u"select"_s,
                               u"id_number"_s, u"uscc"_s,      u"phone"_s,  u"bool"_s};
    return t;
}

Result<ServiceItem> ServiceItem::fromJson(const QJsonValue &v, FieldError *where) {
    if (!v.isObject())
        return notObject(where).error();
    std::optional<FieldError> err;
    Reader r(v.toObject(), {}, err);
    ServiceItem it;
    it.code = r.string(u"code"_s, true, true);
    it.name = r.string(u"name"_s, true, true);
    it.aliases = r.strings(u"aliases"_s, false);
    for (qsizetype i = 0; i < it.aliases.size() && !r.failed(); ++i) {
        if (it.aliases.at(i).trimmed().isEmpty())
            r.fail(u"aliases[%1]"_s.arg(i), u"must not be empty"_s);
        else if (it.aliases.at(i).size() > kMaxAliasLength)
            r.fail(u"aliases[%1]"_s.arg(i), u"at most %1 characters"_s.arg(kMaxAliasLength));
    }
    if (!r.failed() && it.aliases.size() > kMaxAliases)
        r.fail(u"aliases"_s, u"at most %1 aliases"_s.arg(kMaxAliases));
    it.aliases.removeDuplicates();
    it.type = r.string(u"type"_s, true, true);
    it.department = r.string(u"department"_s, true, true);
    it.basis = r.string(u"basis"_s, true);
    it.conditions = r.string(u"conditions"_s, false);
    it.serviceObject = r.string(u"service_object"_s, true);
    if (!r.failed() &&
        !QStringList{u"natural_person"_s, u"legal_person"_s, u"both"_s}.contains(it.serviceObject))
        r.fail(u"service_object"_s, u"expected natural_person, legal_person or both"_s);
    it.process = r.strings(u"process"_s, false);
    it.legalTimeLimitDays = r.integer(u"legal_time_limit_days"_s, true, 0).value_or(0);
    it.promisedTimeLimitDays = r.integer(u"promised_time_limit_days"_s, true, 0).value_or(0);
    it.result = r.string(u"result"_s, false);
    it.fee = r.string(u"fee"_s, false);
    it.online = r.boolean(u"online"_s, false);
    it.crossProvince = r.boolean(u"cross_province"_s, false);
    it.commitmentAllowed = r.boolean(u"commitment_allowed"_s, false);

    if (const auto mats = r.objects(u"materials"_s, true)) {
        QSet<QString> ids;
        for (qsizetype i = 0; i < mats->size() && !r.failed(); ++i) {
            Reader m(mats->at(i).toObject(), u"materials[%1]"_s.arg(i), err);
            Material mat;
            mat.id = m.string(u"id"_s, true, true);
            mat.name = m.string(u"name"_s, true, true);
            mat.required = m.boolean(u"required"_s, true);
            mat.copies = m.integer(u"copies"_s, false, 0).value_or(1);
            mat.licenseType = m.string(u"license_type"_s, false);
            mat.commitmentAllowed = m.boolean(u"commitment_allowed"_s, false);
            mat.notes = m.string(u"notes"_s, false);
            if (!m.failed() && ids.contains(mat.id))
                m.fail(u"id"_s, u"duplicate material id"_s);
            ids.insert(mat.id);
            it.materials.append(mat);
        }
    }
    if (const auto fields = r.objects(u"form"_s, true)) {
        QSet<QString> keys;
        for (qsizetype i = 0; i < fields->size() && !r.failed(); ++i) {
            Reader f(fields->at(i).toObject(), u"form[%1]"_s.arg(i), err);
            FormField ff;
            ff.key = f.string(u"key"_s, true, true);
            ff.label = f.string(u"label"_s, true, true);
            ff.type = f.string(u"type"_s, true);
            if (!f.failed() && !FormField::types().contains(ff.type))
                f.fail(u"type"_s, u"unknown field type"_s);
            ff.required = f.boolean(u"required"_s, false);
            ff.maxLength = f.integer(u"max_length"_s, false, 0);
            ff.min = f.number(u"min"_s);
            ff.max = f.number(u"max"_s);
            ff.options = f.strings(u"options"_s, ff.type == u"select", ff.type == u"select");
            if (!f.failed() && keys.contains(ff.key))
                f.fail(u"key"_s, u"duplicate field key"_s);
            keys.insert(ff.key);
            it.form.append(ff);
        }
    }
    it.version = r.integer(u"version"_s, true, 0).value_or(0);
    it.updatedAt = r.string(u"updated_at"_s, false);
    return finish(std::move(it), err, where);
}

Result<Bundle> Bundle::fromJson(const QJsonValue &v, FieldError *where) {
    if (!v.isObject())
        return notObject(where).error();
    std::optional<FieldError> err;
    Reader r(v.toObject(), {}, err);
    Bundle b;
    b.code = r.string(u"code"_s, true, true);
    b.name = r.string(u"name"_s, true, true);
    b.theme = r.string(u"theme"_s, true);
    b.itemCodes = r.strings(u"item_codes"_s, true, true);
    for (qsizetype i = 0; i < b.itemCodes.size() && !r.failed(); ++i) {
        if (b.itemCodes.at(i).trimmed().isEmpty())
            r.fail(u"item_codes[%1]"_s.arg(i), u"must not be empty"_s);
        else if (b.itemCodes.indexOf(b.itemCodes.at(i)) != i)
            r.fail(u"item_codes[%1]"_s.arg(i), u"duplicate item code"_s);
    }
    b.promisedTimeLimitDays = r.integer(u"promised_time_limit_days"_s, true, 0).value_or(0);
    b.version = r.integer(u"version"_s, true, 0).value_or(0);
    b.updatedAt = r.string(u"updated_at"_s, false);
    return finish(std::move(b), err, where);
}

QJsonObject Material::toJson() const {
    QJsonObject o{{u"id"_s, id},
                  {u"name"_s, name},
                  {u"required"_s, required},
                  {u"copies"_s, copies},
                  {u"commitment_allowed"_s, commitmentAllowed},
                  {u"notes"_s, notes}};
    if (!licenseType.isEmpty())
        o.insert(u"license_type"_s, licenseType);
    return o;
}

QJsonObject FormField::toJson() const {
    QJsonObject o{{u"key"_s, key}, {u"label"_s, label}, {u"type"_s, type}, {u"required"_s, required}};
    if (maxLength)
        o.insert(u"max_length"_s, *maxLength);
    if (min)
        o.insert(u"min"_s, *min);
    if (max)
        o.insert(u"max"_s, *max);
    if (type == u"select")
        o.insert(u"options"_s, QJsonArray::fromStringList(options));
    return o;
}

QJsonObject ServiceItem::toJson() const {
    QJsonArray mats, fields;
    for (const auto &m : materials)
        mats.append(m.toJson());
    for (const auto &f : form)
        fields.append(f.toJson());
    QJsonObject o{{u"code"_s, code},
                  {u"name"_s, name},
                  {u"type"_s, type},
                  {u"department"_s, department},
                  {u"basis"_s, basis},
                  {u"conditions"_s, conditions},
                  {u"service_object"_s, serviceObject},
                  {u"process"_s, QJsonArray::fromStringList(process)},
                  {u"legal_time_limit_days"_s, legalTimeLimitDays},
                  {u"promised_time_limit_days"_s, promisedTimeLimitDays},
                  {u"result"_s, result},
                  {u"fee"_s, fee},
                  {u"online"_s, online},
                  {u"cross_province"_s, crossProvince},
                  {u"commitment_allowed"_s, commitmentAllowed},
                  {u"materials"_s, mats},
                  {u"form"_s, fields},
                  {u"version"_s, version}};
    if (!updatedAt.isEmpty())
        o.insert(u"updated_at"_s, updatedAt);
    if (!aliases.isEmpty())
        o.insert(u"aliases"_s, QJsonArray::fromStringList(aliases));
    return o;
}

const Material *ServiceItem::material(const QString &id) const {
    for (const auto &m : materials) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

QJsonObject Bundle::toJson() const {
    QJsonObject o{{u"code"_s, code},
                  {u"name"_s, name},
                  {u"theme"_s, theme},
                  {u"item_codes"_s, QJsonArray::fromStringList(itemCodes)},
                  {u"promised_time_limit_days"_s, promisedTimeLimitDays},
                  {u"version"_s, version}};
    if (!updatedAt.isEmpty())
        o.insert(u"updated_at"_s, updatedAt);
    return o;
}

} // namespace windowdesk::core
