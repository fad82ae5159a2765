#include "catalogsearch.h"

#include "catalogsql_p.h"
#include "database.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/pinyin.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {
namespace {

// Upper bound of a prefix range: every string starting with `prefix` sorts below it (BINARY collation).
QString prefixEnd(const QString &prefix) {
    return prefix + QString::fromUcs4(U"\U0010FFFF", 1);
}

// Grams of a string by code point: every unigram and bigram, as views into `s` (no allocation per gram:
// the grams are the bulk of an import's index work).
void addGrams(const QString &s, std::vector<QStringView> &out) {
    const auto next = [&s](qsizetype i) {
        return i + ((s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate()) ? 2 : 1);
    };
    for (qsizetype i = 0; i < s.size();) {
        const qsizetype j = next(i);
        out.push_back(QStringView(s).sliced(i, j - i));
        if (j < s.size())
            out.push_back(QStringView(s).sliced(i, next(j) - i));
        i = j;
    }
}

// A JSON array of strings, written directly (QJsonArray/QJsonDocument cost more than the SQL insert).
QString jsonArray(const std::vector<QStringView> &items) {
    QString out;
    out.reserve(qsizetype(items.size()) * 6 + 2);
    out += u'[';
    for (size_t n = 0; n < items.size(); ++n) {
        if (n)
            out += u',';
        out += u'"';
        for (const QChar c : items[n]) {
            if (c == u'"' || c == u'\\') {
                out += u'\\';
                out += c;
            } else if (c.unicode() < 0x20) {
                out += u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
            } else {
                out += c;
            }
        }
        out += u'"';
    }
    out += u']';
    return out;
}

// FTS5 string literal: the text in double quotes, inner quotes doubled, so nothing in it is syntax.
QString ftsPhrase(const QString &q) {
    QString inner = q;
    inner.replace(u'"', u"\"\""_s);
    return u'"' + inner + u'"';
}

int codePoints(const QString &s) {
    return int(s.toUcs4().size());
}

} // namespace

struct CatalogSearch::Cache {
    explicit Cache(Database &db)
        : st(db.sql()) {}
    detail::Statements st;
};

CatalogSearch::CatalogSearch(Database &db)
    : m_db(db) {}
CatalogSearch::~CatalogSearch() = default;

QString CatalogSearch::prepareQuery(const QString &query) {
    // Cut by code points so a surrogate pair is never split, before and after normalization
    // (NFKC may lengthen some compatibility characters).
    const auto cut = [](const QString &s) {
        const QList<uint> cps = s.toUcs4();
        if (cps.size() <= kMaxQueryLength)
            return s;
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), kMaxQueryLength);
    };
    return cut(core::normalizeSearchText(cut(query)));
}

QString CatalogSearch::searchSql(const QString &q, const QString &windowNo, int limit, QVariantList *binds) {
    const QString hi = prefixEnd(q);
    const int len = codePoints(q);
    // Each index branch stops at kBranchCap rows, so a broad query ("4", "许") costs the same as a narrow
    // one instead of sorting the whole catalog. Beyond the cap the order inside a tier is approximate for
    // items this window never used; the window's used items are matched by the last branch directly, so
    // they always keep their place at the top of their tier.
    const QString cap = QString::number(std::max(kBranchCap, limit)); // never fewer rows than asked for
    QString sql = uR"(WITH cand(id, tier) AS (
    SELECT * FROM (SELECT id, 1 FROM catalog_search WHERE name_norm = ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT doc_id, 1 FROM catalog_initials WHERE initials = ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT id, 2 FROM catalog_search WHERE name_norm >= ? AND name_norm < ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT doc_id, 2 FROM catalog_initials WHERE initials >= ? AND initials < ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT id, 2 FROM catalog_search WHERE code_norm >= ? AND code_norm < ? LIMIT %1)
)"_s.arg(cap);
    *binds = {q, q, q, hi, q, hi, q, hi};
    if (len <= 2) {
        sql +=
            u"    UNION ALL SELECT * FROM (SELECT doc_id, 3 FROM catalog_grams WHERE gram = ? LIMIT %1)\n"_s
                .arg(cap);
        binds->append(q);
    } else {
        sql +=
            u"    UNION ALL SELECT * FROM (SELECT rowid, 3 FROM catalog_fts WHERE catalog_fts MATCH ? LIMIT %1)\n"_s
                .arg(cap);
        binds->append(ftsPhrase(q));
    }
    // One character matches nearly every department: no use to the clerk.
    const QString deptCond = len >= 2 ? u"instr(d.name_norm, ?) > 0"_s : u"0"_s;
    if (len >= 2) {
        // Departments first (a handful of rows), then their items through the department index.
        sql += uR"(    UNION ALL SELECT * FROM (SELECT id, 3 FROM catalog_search WHERE department IN
              (SELECT name FROM catalog_departments d WHERE %1) LIMIT %2)
)"_s.arg(deptCond, cap);
        binds->append(q);
    }
    // This window's most used items (kUsedCap), their tier computed row by row: a few index lookups each.
    sql += uR"(    UNION ALL SELECT * FROM (SELECT s.id, CASE
        WHEN s.name_norm = ? OR EXISTS (SELECT 1 FROM catalog_initials i WHERE i.doc_id = s.id AND i.initials = ?)
            THEN 1
        WHEN substr(s.name_norm, 1, ?) = ? OR substr(s.code_norm, 1, ?) = ?
             OR EXISTS (SELECT 1 FROM catalog_initials i WHERE i.doc_id = s.id AND substr(i.initials, 1, ?) = ?)
            THEN 2
        WHEN instr(s.name_norm, ?) > 0
             OR EXISTS (SELECT 1 FROM catalog_initials i WHERE i.doc_id = s.id AND instr(i.initials, ?) > 0)
             OR EXISTS (SELECT 1 FROM catalog_departments d WHERE d.name = s.department AND %1)
            THEN 3 END AS tier
        FROM (SELECT item_code FROM item_usage WHERE window_no = ? AND use_count > 0
              ORDER BY use_count DESC LIMIT %2) used
        JOIN catalog_search s ON s.code = used.item_code) WHERE tier IS NOT NULL
)"_s.arg(deptCond, QString::number(kUsedCap));
    binds->append(QVariantList{q, q, len, q, len, q, len, q, q, q});
    if (len >= 2)
        binds->append(q);
    binds->append(windowNo);
    // Candidates are de-duplicated on their integer ids first: grouping the joined rows instead would
    // carry every candidate's name and department through a temporary B-tree.
    sql += uR"()
SELECT s.code, s.name, s.department, g.tier, COALESCE(u.use_count, 0) AS uses
FROM (SELECT id, MIN(tier) AS tier FROM cand GROUP BY id) g JOIN catalog_search s ON s.id = g.id
LEFT JOIN item_usage u ON u.window_no = ? AND u.item_code = s.code
ORDER BY g.tier, uses DESC, s.name_len, s.code
LIMIT ?)"_s;
    binds->append(windowNo);
    binds->append(limit);
    return sql;
}

Result<QList<SearchHit>> CatalogSearch::search(const QString &query, const QString &windowNo,
                                               int limit) const {
    limit = std::clamp(limit, 1, 1000);
    const QString q = prepareQuery(query);
    QList<SearchHit> hits;
    if (q.isEmpty()) {
        auto used = m_db.query(uR"(SELECT s.code, s.name, s.department, u.use_count
            FROM item_usage u JOIN catalog_search s ON s.code = u.item_code
            WHERE u.window_no = ? AND u.use_count > 0
            ORDER BY u.use_count DESC, s.name_len, s.code LIMIT ?)"_s,
                               {windowNo, limit});
        if (!used)
            return used.error();
        QSet<QString> seen;
        while (used->next()) {
            hits.append({used->value(0).toString(), used->value(1).toString(), used->value(2).toString(), 0,
                         used->value(3).toInt()});
            seen.insert(hits.last().code);
        }
        if (hits.size() < limit) {
            auto rest =
                m_db.query(u"SELECT code, name, department FROM catalog_search ORDER BY code LIMIT ?"_s,
                           {limit + int(seen.size())});
            if (!rest)
                return rest.error();
            while (rest->next() && hits.size() < limit) {
                const QString code = rest->value(0).toString();
                if (!seen.contains(code))
                    hits.append({code, rest->value(1).toString(), rest->value(2).toString(), 0, 0});
            }
        }
        return hits;
    }
    QVariantList binds;
    const QString sql = searchSql(q, windowNo, limit, &binds);
    if (!m_cache)
        m_cache = std::make_unique<Cache>(m_db);
    auto r = m_cache->st.run(sql, binds);
    if (!r)
        return r.error();
    QSqlQuery &rows = *r.value();
    while (rows.next()) {
        hits.append({rows.value(0).toString(), rows.value(1).toString(), rows.value(2).toString(),
                     rows.value(3).toInt(), rows.value(4).toInt()});
    }
    rows.finish(); // release the read snapshot at once
    return hits;
}

Status CatalogSearch::recordUse(const QString &windowNo, const QString &code, const Clock &clock) {
    const QString now = clock.nowUtc().toString(Qt::ISODate);
    return m_db.exec(
        uR"(INSERT INTO item_usage(window_no, item_code, use_count, last_used) VALUES (?, ?, 1, ?)
        ON CONFLICT(window_no, item_code) DO UPDATE SET use_count = use_count + 1, last_used = excluded.last_used)"_s,
        {windowNo, code, now});
}

Status CatalogSearch::rebuild(Database &db) {
    for (const QString &sql :
         {u"DELETE FROM catalog_fts"_s, u"DELETE FROM catalog_grams"_s, u"DELETE FROM catalog_initials"_s,
          u"DELETE FROM catalog_search"_s, u"DELETE FROM catalog_departments"_s}) {
        if (auto s = db.exec(sql); !s)
            return s;
    }
    auto r = db.query(
        u"SELECT code, name, department FROM service_items WHERE is_current = 1 AND deleted = 0 ORDER BY code"_s);
    if (!r)
        return r.error();
    CatalogSearchIndexer indexer(db);
    while (r->next()) {
        if (auto s = indexer.index(r->value(0).toString(), r->value(1).toString(), r->value(2).toString());
            !s)
            return s;
    }
    return {};
}

struct CatalogSearchIndexer::Private {
    explicit Private(Database &db)
        : st(db.sql()) {}
    detail::Statements st;
};

CatalogSearchIndexer::CatalogSearchIndexer(Database &db)
    : d(std::make_unique<Private>(db)) {}
CatalogSearchIndexer::~CatalogSearchIndexer() = default;

namespace {
// The grams of a document: unigrams and bigrams of its normalized name and of each initials string.
QString gramsJson(const QString &nameNorm, const QStringList &initials) {
    std::vector<QStringView> grams;
    grams.reserve(size_t(nameNorm.size() + 1) * 2 * size_t(initials.size() + 1));
    addGrams(nameNorm, grams);
    for (const QString &i : initials)
        addGrams(i, grams);
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return jsonArray(grams);
}
} // namespace

Status CatalogSearchIndexer::unindex(const QString &code) {
    auto doc = d->st.run(u"SELECT id, department, name FROM catalog_search WHERE code = ?"_s, {code});
    if (!doc)
        return doc.error();
    if (!doc.value()->next())
        return {};
    const qint64 id = doc.value()->value(0).toLongLong();
    const QString department = doc.value()->value(1).toString();
    const QString name = doc.value()->value(2).toString();
    doc.value()->finish();
    // Grams by primary key, recomputed from the stored name (catalog_grams has no doc_id index).
    if (auto r = d->st.run(
            u"DELETE FROM catalog_grams WHERE doc_id = ? AND gram IN (SELECT value FROM json_each(?))"_s,
            {id, gramsJson(core::normalizeSearchText(name), core::pinyinInitialsCombinations(name))});
        !r)
        return r.error();
    // The rest explicitly too, not through ON DELETE CASCADE: correct even where foreign keys are off.
    const QList<QString> deletes{u"DELETE FROM catalog_fts WHERE rowid = ?"_s,
                                 u"DELETE FROM catalog_initials WHERE doc_id = ?"_s,
                                 u"DELETE FROM catalog_search WHERE id = ?"_s};
    for (const QString &sql : deletes) {
        if (auto r = d->st.run(sql, {id}); !r)
            return r.error();
    }
    if (auto r =
            d->st.run(u"UPDATE catalog_departments SET items = items - 1 WHERE name = ?"_s, {department});
        !r)
        return r.error();
    if (auto r = d->st.run(u"DELETE FROM catalog_departments WHERE name = ? AND items <= 0"_s, {department});
        !r)
        return r.error();
    return {};
}

Status CatalogSearchIndexer::index(const QString &code, const QString &name, const QString &department) {
    if (auto s = unindex(code); !s)
        return s;
    const QString nameNorm = core::normalizeSearchText(name);
    QStringList initials = core::pinyinInitialsCombinations(name);
    initials.removeAll(QString());
    auto ins = d->st.run(
        u"INSERT INTO catalog_search(code, code_norm, name, name_norm, name_len, department) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {code, core::normalizeSearchText(code), name, nameNorm, codePoints(nameNorm), department});
    if (!ins)
        return ins.error();
    const qint64 id = ins.value()->lastInsertId().toLongLong();
    // One statement per item for the many small rows: SQLite expands the JSON array itself.
    if (auto r = d->st.run(
            u"INSERT OR IGNORE INTO catalog_grams(gram, doc_id) SELECT value, ? FROM json_each(?)"_s,
            {id, gramsJson(nameNorm, initials)});
        !r)
        return r.error();
    if (auto r = d->st.run(
            u"INSERT OR IGNORE INTO catalog_initials(initials, doc_id) SELECT value, ? FROM json_each(?)"_s,
            {id, jsonArray(std::vector<QStringView>(initials.cbegin(), initials.cend()))});
        !r)
        return r.error();
    if (auto r = d->st.run(u"INSERT INTO catalog_fts(rowid, name_norm, initials) VALUES (?, ?, ?)"_s,
                           {id, nameNorm, initials.join(u' ')});
        !r)
        return r.error();
    if (auto r = d->st.run(uR"(INSERT INTO catalog_departments(name, name_norm, items) VALUES (?, ?, 1)
            ON CONFLICT(name) DO UPDATE SET items = items + 1)"_s,
                           {department, core::normalizeSearchText(department)});
        !r)
        return r.error();
    return {};
}

} // namespace windowdesk::storage
