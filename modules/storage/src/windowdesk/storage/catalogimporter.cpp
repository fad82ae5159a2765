#include "catalogimporter.h"

#include "storagelogging.h"

#include "catalogsearch.h"
#include "catalogsql_p.h"
#include "database.h"

#include <windowdesk/core/catalog.h>
#include <windowdesk/core/clock.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {
namespace {

struct Page {
    QJsonArray records;
    QJsonArray deleted;
    QString nextCursor;
    bool hasMore = false;
};

Error badPage(const QString &what) {
    return Error{u"bad_page"_s, what};
}

// The page format of platform-api.md. `strict` (a platform response) requires next_cursor and has_more;
// files may omit them and may be a bare array of records.
Result<Page> parsePage(const QByteArray &body, const QString &key, bool strict) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError)
        return badPage(u"invalid JSON at offset %1: %2"_s.arg(pe.offset).arg(pe.errorString()));
    Page page;
    if (doc.isArray() && !strict) {
        page.records = doc.array();
        return page;
    }
    if (!doc.isObject())
        return badPage(u"expected a JSON object"_s);
    const QJsonObject o = doc.object();
    const QJsonValue records = o.value(key);
    if (!records.isArray())
        return badPage(records.isUndefined() ? u"missing %1"_s.arg(key) : u"%1: expected array"_s.arg(key));
    page.records = records.toArray();
    const QJsonValue deleted = o.value(u"deleted"_s);
    if (!deleted.isUndefined() && !deleted.isArray())
        return badPage(u"deleted: expected array"_s);
    page.deleted = deleted.toArray();
    const QJsonValue cursor = o.value(u"next_cursor"_s);
    if (strict || !cursor.isUndefined()) {
        if (!cursor.isString() || cursor.toString().isEmpty())
            return badPage(cursor.isUndefined() ? u"missing next_cursor"_s
                                                : u"next_cursor: expected non-empty string"_s);
        page.nextCursor = cursor.toString();
    }
    const QJsonValue more = o.value(u"has_more"_s);
    if (strict || !more.isUndefined()) {
        if (!more.isBool())
            return badPage(more.isUndefined() ? u"missing has_more"_s : u"has_more: expected boolean"_s);
        page.hasMore = more.toBool();
    }
    return page;
}

QString compactJson(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QVariant orNull(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}

// Qt binds a null QString as SQL NULL: NOT NULL text columns get an empty string instead.
QString nn(const QString &s) {
    return s.isNull() ? QString(u""_s) : s;
}

// One row of a JSON array of rows (`out` starts as "[" and gets its "]" when complete): the rows of a
// page are bound as one text and expanded by json_each, one statement per table instead of one per row.
class JsonRow {
public:
    explicit JsonRow(QString &out)
        : m_out(out) {
        if (m_out.size() > 1)
            m_out += u',';
        m_out += u'[';
    }
    ~JsonRow() { m_out += u']'; }
    JsonRow &str(QStringView s) {
        sep();
        detail::appendJsonString(m_out, s);
        return *this;
    }
    JsonRow &num(qint64 n) {
        sep();
        m_out += QString::number(n);
        return *this;
    }
    JsonRow &real(std::optional<double> d) {
        sep();
        // As QJsonDocument writes a number; null when absent.
        m_out += d ? QString::number(*d, 'g', QLocale::FloatingPointShortest) : u"null"_s;
        return *this;
    }
    JsonRow &orNull(const std::optional<int> &n) { return n ? num(*n) : raw(u"null"); }
    JsonRow &strOrNull(const QString &s) { return s.isEmpty() ? raw(u"null") : str(s); }
    JsonRow &raw(QStringView json) {
        sep();
        m_out += json;
        return *this;
    }

private:
    void sep() {
        if (m_out.back() != u'[')
            m_out += u',';
    }
    QString &m_out;
};

QString jsonStringArray(const QStringList &list) {
    QString out = u"["_s;
    for (const QString &s : list) {
        if (out.size() > 1)
            out += u',';
        detail::appendJsonString(out, s);
    }
    out += u']';
    return out;
}

// The rows of an item's materials and form fields (columns as in the INSERTs of kMaterialsSql and
// kFormSql), appended to `materials` and `form`.
void appendChildRows(const core::ServiceItem &it, QString &materials, QString &form) {
    for (qsizetype i = 0; i < it.materials.size(); ++i) {
        const core::Material &m = it.materials.at(i);
        JsonRow(materials)
            .str(it.code)
            .num(it.version)
            .str(m.id)
            .num(i)
            .str(m.name)
            .num(m.required)
            .num(m.copies)
            .strOrNull(m.licenseType)
            .num(m.commitmentAllowed)
            .str(m.notes);
    }
    for (qsizetype i = 0; i < it.form.size(); ++i) {
        const core::FormField &f = it.form.at(i);
        JsonRow(form)
            .str(it.code)
            .num(it.version)
            .str(f.key)
            .num(i)
            .str(f.label)
            .str(f.type)
            .num(f.required)
            .orNull(f.maxLength)
            .real(f.min)
            .real(f.max)
            .raw(f.type == u"select" ? jsonStringArray(f.options) : u"null"_s); // options_json: the array
    }
}

const QString kMaterialsSql = uR"(INSERT INTO item_materials(item_code, item_version, material_id, ord, name,
    required, copies, license_type, commitment_allowed, notes)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
    value ->> 7, value ->> 8, value ->> 9 FROM json_each(?))"_s;
// options_json keeps the array as JSON text (json_extract gives arrays as text, null as NULL).
const QString kFormSql =
    uR"(INSERT INTO item_form_fields(item_code, item_version, field_key, ord, label, type,
    required, max_length, min_value, max_value, options_json)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
    value ->> 7, value ->> 8, value ->> 9, json_extract(value, '$[10]') FROM json_each(?))"_s;

enum class Kind { Items, Bundles };

// One page applied inside one write transaction.
class PageApplier {
public:
    PageApplier(Database &db, const QString &now, const ImportOptions &opt, Kind kind)
        : m_st(db.sql())
        , m_indexer(db)
        , m_now(now)
        , m_opt(opt)
        , m_kind(kind) {}

    Status apply(const Page &page, ImportResult &res) {
        if (!m_opt.stream.isEmpty()) {
            auto fp = m_st.run(u"SELECT full_pull FROM sync_cursors WHERE stream = ?"_s, {m_opt.stream});
            if (!fp)
                return fp.error();
            m_fullPull = fp.value()->next() && fp.value()->value(0).toInt() == 1;
            fp.value()->finish();
        }
        if (m_kind == Kind::Items) {
            if (auto s = prefetchItems(page.records); !s)
                return s;
        }
        for (qsizetype i = 0; i < page.records.size(); ++i) {
            const QJsonValue v = page.records.at(i);
            core::FieldError where;
            const QString key = v.toObject().value(u"code"_s).isString() && !v[u"code"_s].toString().isEmpty()
                                    ? v[u"code"_s].toString()
                                    : u"#%1"_s.arg(i);
            Status s;
            if (m_kind == Kind::Items) {
                auto item = core::ServiceItem::fromJson(v, &where);
                s = item ? upsertItem(item.value(), res) : reject(res, key, where);
            } else {
                auto bundle = core::Bundle::fromJson(v, &where);
                s = bundle ? upsertBundle(bundle.value(), res) : reject(res, key, where);
            }
            if (!s)
                return s;
        }
        // Before the deletions, which must find the page's new rows.
        if (auto s = flushNewItems(); !s)
            return s;
        for (qsizetype i = 0; i < page.deleted.size(); ++i) {
            const QJsonValue v = page.deleted.at(i);
            Status s =
                v.isString() && !v.toString().isEmpty()
                    ? markDeleted(v.toString(), res)
                    : reject(res, u"deleted[%1]"_s.arg(i),
                             core::FieldError{u"deleted[%1]"_s.arg(i), u"expected non-empty string"_s});
            if (!s)
                return s;
        }
        if (auto s = m_indexer.flush(); !s)
            return s;
        // The end of a pull or a file: the FTS index in one segment again (see optimize()).
        if (m_kind == Kind::Items && !page.hasMore && res.upserted + res.deleted > 0) {
            if (auto s = m_indexer.optimize(); !s)
                return s;
        }
        res.nextCursor = page.nextCursor;
        res.hasMore = page.hasMore;
        if (!m_opt.stream.isEmpty() && !page.nextCursor.isEmpty()) {
            auto r =
                m_st.run(uR"(INSERT INTO sync_cursors(stream, cursor, full_pull, completed_at, updated_at)
                VALUES (?, ?, 0, ?, ?)
                ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at,
                    completed_at = COALESCE(excluded.completed_at, sync_cursors.completed_at))"_s,
                         {m_opt.stream, page.nextCursor, page.hasMore ? QVariant() : QVariant(m_now), m_now});
            if (!r)
                return r.error();
        }
        return {};
    }

private:
    Status reject(ImportResult &res, const QString &key, const core::FieldError &where) {
        res.rejected.append({key, where.field, where.message});
        const QString stream = m_opt.stream.isEmpty() ? m_opt.rejectionStream : m_opt.stream;
        auto r = m_st.run(
            u"INSERT INTO import_rejections(stream, record_key, field, message, at) VALUES (?, ?, ?, ?, ?)"_s,
            {stream.isEmpty() ? u"import"_s : stream, key, where.field, where.message, m_now});
        return r ? Status() : Status(r.error());
    }

    Status seen(const QString &code) {
        if (!m_fullPull)
            return {};
        auto r = m_st.run(u"INSERT OR IGNORE INTO catalog_pull_seen(stream, code) VALUES (?, ?)"_s,
                          {m_opt.stream, code});
        return r ? Status() : Status(r.error());
    }

    struct Cached {
        int version = -1; // the current version, or -1
        bool any = false; // any row for the code, current or kept for cases
    };
    Result<Cached> cached(const QString &table, const QString &code) {
        auto r = m_st.run(
            u"SELECT MAX(CASE WHEN is_current = 1 THEN version END), count(*) FROM %1 WHERE code = ?"_s.arg(
                table),
            {code});
        if (!r)
            return r.error();
        Cached c;
        if (r.value()->next()) {
            c.version = r.value()->value(0).isNull() ? -1 : r.value()->value(0).toInt();
            c.any = r.value()->value(1).toInt() > 0;
        }
        r.value()->finish();
        return c;
    }

    Status run(const QString &sql, const QVariantList &binds) {
        auto r = m_st.run(sql, binds);
        return r ? Status() : Status(r.error());
    }

    // The cached state of every code of the page's records in one query; upsertItem keeps it current.
    Status prefetchItems(const QJsonArray &records) {
        QString codes = u"["_s;
        for (const QJsonValue &v : records) {
            const QJsonValue code = v.toObject().value(u"code"_s);
            if (!code.isString())
                continue;
            if (codes.size() > 1)
                codes += u',';
            detail::appendJsonString(codes, code.toString());
            m_items.insert(code.toString(), Cached());
        }
        codes += u']';
        auto r = m_st.run(uR"(SELECT code, MAX(CASE WHEN is_current = 1 THEN version END), count(*)
            FROM service_items WHERE code IN (SELECT value FROM json_each(?)) GROUP BY code)"_s,
                          {codes});
        if (!r)
            return r.error();
        while (r.value()->next())
            m_items.insert(r.value()->value(0).toString(),
                           Cached{r.value()->value(1).isNull() ? -1 : r.value()->value(1).toInt(),
                                  r.value()->value(2).toInt() > 0});
        r.value()->finish();
        return {};
    }

    Status upsertItem(const core::ServiceItem &it, ImportResult &res) {
        if (auto s = seen(it.code); !s)
            return s;
        Cached cur;
        if (const auto known = m_items.constFind(it.code); known != m_items.cend()) {
            cur = known.value();
        } else {
            auto c = cached(u"service_items"_s, it.code);
            if (!c)
                return c.error();
            cur = c.value();
        }
        if (it.version < cur.version) {
            ++res.ignored;
            return {};
        }
        if (const auto pending = m_newByCode.constFind(it.code); pending != m_newByCode.cend()) {
            // Again in the page: an equal version would update the row, a higher one replace it (an
            // older version goes unless a case uses it, and none can use one written in this page).
            m_newItems[pending.value()] = it;
        } else if (!cur.any) {
            // A code never seen: written with the page's other new codes by flushNewItems().
            m_newByCode.insert(it.code, m_newItems.size());
            m_newItems.push_back(it);
        } else if (auto s = upsertKnownItem(it); !s) {
            return s;
        }
        m_items.insert(it.code, Cached{it.version, true});
        if (auto s = m_indexer.index(it.code, it.name, it.department, cur.any, it.aliases); !s)
            return s;
        ++res.upserted;
        return {};
    }

    Status flushNewItems() {
        if (m_newItems.empty())
            return {};
        QString items = u"["_s, materials = u"["_s, form = u"["_s;
        for (const core::ServiceItem &it : m_newItems) {
            JsonRow(items)
                .str(it.code)
                .num(it.version)
                .str(it.name)
                .str(it.type)
                .str(it.department)
                .str(it.basis)
                .str(it.conditions)
                .str(it.serviceObject)
                .str(jsonStringArray(it.process))
                .num(it.legalTimeLimitDays)
                .num(it.promisedTimeLimitDays)
                .str(it.result)
                .str(it.fee)
                .num(it.online)
                .num(it.crossProvince)
                .num(it.commitmentAllowed)
                .strOrNull(it.updatedAt)
                .str(m_opt.source)
                .str(jsonStringArray(it.aliases));
            appendChildRows(it, materials, form);
        }
        m_newItems.clear();
        m_newByCode.clear();
        const QList<std::pair<QString, QString>> steps{
            {uR"(INSERT INTO service_items(code, version, name, type, department, basis, conditions,
                service_object, process_json, legal_time_limit_days, promised_time_limit_days, result, fee,
                online, cross_province, commitment_allowed, updated_at, source, aliases_json, is_current,
                deleted)
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
                value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12,
                value ->> 13, value ->> 14, value ->> 15, value ->> 16, value ->> 17, value ->> 18, 1, 0
                FROM json_each(?))"_s,
             items + u']'},
            {kMaterialsSql, materials + u']'},
            {kFormSql, form + u']'},
        };
        for (const auto &[sql, rows] : steps) {
            if (auto s = run(sql, {rows}); !s)
                return s;
        }
        return {};
    }

    // A code with rows already: the current version demoted, this one upserted, its children replaced,
    // older versions pruned unless a case uses them.
    Status upsertKnownItem(const core::ServiceItem &it) {
        QString materials = u"["_s, form = u"["_s;
        appendChildRows(it, materials, form);
        materials += u']';
        form += u']';
        const QList<std::pair<QString, QVariantList>> steps{
            {u"UPDATE service_items SET is_current = 0 WHERE code = ? AND is_current = 1 AND version <> ?"_s,
             {it.code, it.version}},
            {uR"(INSERT INTO service_items(code, version, name, type, department, basis, conditions, service_object,
                process_json, legal_time_limit_days, promised_time_limit_days, result, fee, online, cross_province,
                commitment_allowed, updated_at, source, aliases_json, is_current, deleted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)
                ON CONFLICT(code, version) DO UPDATE SET name = excluded.name, type = excluded.type,
                department = excluded.department, basis = excluded.basis, conditions = excluded.conditions,
                service_object = excluded.service_object, process_json = excluded.process_json,
                legal_time_limit_days = excluded.legal_time_limit_days,
                promised_time_limit_days = excluded.promised_time_limit_days, result = excluded.result,
                fee = excluded.fee, online = excluded.online, cross_province = excluded.cross_province,
                commitment_allowed = excluded.commitment_allowed, updated_at = excluded.updated_at,
                source = excluded.source, aliases_json = excluded.aliases_json, is_current = 1, deleted = 0)"_s,
             {it.code, it.version, it.name, it.type, it.department, nn(it.basis), nn(it.conditions),
              it.serviceObject, jsonStringArray(it.process), it.legalTimeLimitDays, it.promisedTimeLimitDays,
              nn(it.result), nn(it.fee), int(it.online), int(it.crossProvince), int(it.commitmentAllowed),
              orNull(it.updatedAt), m_opt.source, jsonStringArray(it.aliases)}},
            {u"DELETE FROM item_materials WHERE item_code = ? AND item_version = ?"_s, {it.code, it.version}},
            {kMaterialsSql, {materials}},
            {u"DELETE FROM item_form_fields WHERE item_code = ? AND item_version = ?"_s,
             {it.code, it.version}},
            {kFormSql, {form}},
            // Older versions go unless a case was accepted under them (children follow by ON DELETE CASCADE).
            {uR"(DELETE FROM service_items WHERE code = ? AND is_current = 0 AND NOT EXISTS
                (SELECT 1 FROM case_items c WHERE c.item_code = service_items.code
                 AND c.item_version = service_items.version))"_s,
             {it.code}},
        };
        for (const auto &[sql, binds] : steps) {
            if (auto s = run(sql, binds); !s)
                return s;
        }
        return {};
    }

    Status upsertBundle(const core::Bundle &b, ImportResult &res) {
        if (auto s = seen(b.code); !s)
            return s;
        auto cur = cached(u"bundles"_s, b.code);
        if (!cur)
            return cur.error();
        if (b.version < cur->version) {
            ++res.ignored;
            return {};
        }
        const QList<std::pair<QString, QVariantList>> steps{
            {u"UPDATE bundles SET is_current = 0 WHERE code = ? AND is_current = 1 AND version <> ?"_s,
             {b.code, b.version}},
            {uR"(INSERT INTO bundles(code, version, name, theme, promised_time_limit_days, updated_at, source,
                is_current, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0)
                ON CONFLICT(code, version) DO UPDATE SET name = excluded.name, theme = excluded.theme,
                promised_time_limit_days = excluded.promised_time_limit_days, updated_at = excluded.updated_at,
                source = excluded.source, is_current = 1, deleted = 0)"_s,
             {b.code, b.version, b.name, nn(b.theme), b.promisedTimeLimitDays, orNull(b.updatedAt),
              m_opt.source}},
            {u"DELETE FROM bundle_items WHERE bundle_code = ? AND bundle_version = ?"_s, {b.code, b.version}},
            {uR"(INSERT INTO bundle_items(bundle_code, bundle_version, ord, item_code)
                SELECT ?, ?, key, value FROM json_each(?))"_s,
             {b.code, b.version, compactJson(QJsonArray::fromStringList(b.itemCodes))}},
            {uR"(DELETE FROM bundles WHERE code = ? AND is_current = 0 AND NOT EXISTS
                (SELECT 1 FROM cases c WHERE c.bundle_code = bundles.code AND c.bundle_version = bundles.version))"_s,
             {b.code}},
        };
        for (const auto &[sql, binds] : steps) {
            if (auto s = run(sql, binds); !s)
                return s;
        }
        ++res.upserted;
        return {};
    }

    Status markDeleted(const QString &code, ImportResult &res) {
        const QString table = m_kind == Kind::Items ? u"service_items"_s : u"bundles"_s;
        auto r = m_st.run(
            u"UPDATE %1 SET deleted = 1 WHERE code = ? AND is_current = 1 AND deleted = 0"_s.arg(table),
            {code});
        if (!r)
            return r.error();
        if (r.value()->numRowsAffected() > 0)
            ++res.deleted;
        if (m_kind == Kind::Items)
            return m_indexer.unindex(code);
        return {};
    }

    detail::Statements m_st;
    CatalogSearchIndexer m_indexer;
    QHash<QString, Cached> m_items; // code → state, for the codes of the page
    std::vector<core::ServiceItem> m_newItems;
    QHash<QString, size_t> m_newByCode;
    QString m_now;
    ImportOptions m_opt;
    Kind m_kind;
    bool m_fullPull = false;
};

Result<ImportResult> applyPage(Database &db, const Clock &clock, const QByteArray &body,
                               const ImportOptions &opt, Kind kind) {
    const QString key = kind == Kind::Items ? u"items"_s : u"bundles"_s;
    auto page = parsePage(body, key, !opt.stream.isEmpty());
    if (!page) {
        qCWarning(lcStorage) << "catalog page refused:" << opt.stream << page.error().message;
        return page.error();
    }
    ImportResult res;
    const QString now = clock.nowUtc().toString(Qt::ISODate);
    const Status s = db.write([&]() -> Status {
        res = ImportResult();
        if (opt.removeDemoCatalog) {
            if (auto removed = CatalogImporter(db, clock).removeDemoCatalog(); !removed)
                return removed.error();
        }
        PageApplier applier(db, now, opt, kind);
        return applier.apply(page.value(), res);
    });
    if (!s)
        return s.error();
    if (!res.rejected.isEmpty())
        qCWarning(lcStorage) << "catalog page:" << res.rejected.size() << "records rejected" << opt.stream;
    return res;
}

} // namespace

CatalogImporter::CatalogImporter(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock) {} // every connection has a 32 MB page cache (Database::configure)

Result<ImportResult> CatalogImporter::applyItemsPage(const QByteArray &body, const ImportOptions &options) {
    return applyPage(m_db, m_clock, body, options, Kind::Items);
}

Result<ImportResult> CatalogImporter::applyBundlesPage(const QByteArray &body, const ImportOptions &options) {
    return applyPage(m_db, m_clock, body, options, Kind::Bundles);
}

Result<ImportResult> CatalogImporter::importFile(const QString &path, const QString &source) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{u"file_unreadable"_s, u"cannot read %1: %2"_s.arg(path, f.errorString())};
    const QByteArray body = f.readAll();
    ImportOptions opt;
    opt.source = source;
    opt.rejectionStream = u"file:"_s + QFileInfo(path).fileName();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const bool bundles = doc.isObject() && doc.object().contains(u"bundles"_s);
    const bool items = doc.isObject() && doc.object().contains(u"items"_s);
    if (!(items && bundles))
        return bundles ? applyBundlesPage(body, opt) : applyItemsPage(body, opt);
    // Both in one file: items first (bundles name them), in one transaction — all or nothing.
    ImportResult both;
    const Status st = m_db.write([&]() -> Status {
        for (const bool itemsNow : {true, false}) {
            auto r = itemsNow ? applyItemsPage(body, opt) : applyBundlesPage(body, opt);
            if (!r.ok())
                return Status(r.error());
            both.upserted += r->upserted;
            both.ignored += r->ignored;
            both.deleted += r->deleted;
            both.rejected += r->rejected;
        }
        return {};
    });
    if (!st.ok())
        return st.error();
    return both;
}

Status CatalogImporter::beginFullPull(const QString &stream) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.write([&]() -> Status {
        if (auto s = m_db.exec(u"DELETE FROM catalog_pull_seen WHERE stream = ?"_s, {stream}); !s)
            return s;
        return m_db.exec(
            uR"(INSERT INTO sync_cursors(stream, cursor, full_pull, updated_at) VALUES (?, NULL, 1, ?)
            ON CONFLICT(stream) DO UPDATE SET cursor = NULL, full_pull = 1, updated_at = excluded.updated_at)"_s,
            {stream, now});
    });
}

Result<int> CatalogImporter::completeFullPull(const QString &stream) {
    const bool items = stream == u"catalog_items";
    if (!items && stream != u"catalog_bundles")
        return Error{u"unknown_stream"_s, u"not a catalog stream: %1"_s.arg(stream)};
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    int removed = 0;
    const Status s = m_db.write([&]() -> Status {
        auto fp = m_db.query(u"SELECT full_pull FROM sync_cursors WHERE stream = ?"_s, {stream});
        if (!fp)
            return fp.error();
        if (!fp->next() || fp->value(0).toInt() != 1)
            return Status::failure(u"no_full_pull"_s, u"no full pull under way for %1"_s.arg(stream));
        const QString table = items ? u"service_items"_s : u"bundles"_s;
        auto gone = m_db.query(uR"(SELECT code FROM %1 WHERE is_current = 1 AND deleted = 0
            AND code NOT IN (SELECT code FROM catalog_pull_seen WHERE stream = ?))"_s.arg(table),
                               {stream});
        if (!gone)
            return gone.error();
        QStringList codes;
        while (gone->next())
            codes.append(gone->value(0).toString());
        CatalogSearchIndexer indexer(m_db);
        for (const QString &code : std::as_const(codes)) {
            if (auto r = m_db.exec(
                    u"UPDATE %1 SET deleted = 1 WHERE code = ? AND is_current = 1"_s.arg(table), {code});
                !r)
                return r;
            if (items) {
                if (auto r = indexer.unindex(code); !r)
                    return r;
            }
        }
        removed = int(codes.size());
        if (auto r = m_db.exec(u"DELETE FROM catalog_pull_seen WHERE stream = ?"_s, {stream}); !r)
            return r;
        return m_db.exec(
            u"UPDATE sync_cursors SET full_pull = 0, completed_at = ?, updated_at = ? WHERE stream = ?"_s,
            {now, now, stream});
    });
    if (!s)
        return s.error();
    return removed;
}

Result<int> CatalogImporter::removeDemoCatalog() {
    int removed = 0;
    const Status s = m_db.write([&]() -> Status {
        auto demo = m_db.query(u"SELECT code FROM service_items WHERE source = 'demo' AND is_current = 1"_s);
        if (!demo)
            return demo.error();
        QStringList codes;
        while (demo->next())
            codes.append(demo->value(0).toString());
        CatalogSearchIndexer indexer(m_db);
        for (const QString &code : std::as_const(codes)) {
            if (auto r = indexer.unindex(code); !r)
                return r;
        }
        removed = int(codes.size());
        const QStringList steps{
            uR"(DELETE FROM service_items WHERE source = 'demo' AND NOT EXISTS (SELECT 1 FROM case_items c
                WHERE c.item_code = service_items.code AND c.item_version = service_items.version))"_s,
            // Kept for the cases accepted under them, but no longer offered: the platform's versions take
            // over.
            u"UPDATE service_items SET is_current = 0, deleted = 1 WHERE source = 'demo'"_s,
            uR"(DELETE FROM bundles WHERE source = 'demo' AND NOT EXISTS (SELECT 1 FROM cases c
                WHERE c.bundle_code = bundles.code AND c.bundle_version = bundles.version))"_s,
            u"UPDATE bundles SET is_current = 0, deleted = 1 WHERE source = 'demo'"_s,
        };
        for (const QString &sql : steps) {
            if (auto r = m_db.exec(sql); !r)
                return r;
        }
        return {};
    });
    if (!s)
        return s.error();
    return removed;
}

} // namespace windowdesk::storage
