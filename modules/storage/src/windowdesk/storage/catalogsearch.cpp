#include "catalogsearch.h"

#include "catalogsql_p.h"
#include "database.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/pinyin.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <unordered_map>
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

// FTS5 string literal: the text in double quotes, inner quotes doubled, so nothing in it is syntax.
QString ftsPhrase(const QString &q) {
    QString inner = q;
    inner.replace(u'"', u"\"\""_s);
    return u'"' + inner + u'"';
}

// Code points, as QString::toUcs4().size() counts them (a surrogate pair is one, a lone surrogate one),
// without converting.
int codePoints(QStringView s) {
    int n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!(s[i].isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate()))
            ++n;
    }
    return n;
}

} // namespace

// Prepared search statements by shape (see searchSql): the SQL text and the statement are made once,
// not per keystroke.
struct CatalogSearch::Cache {
    explicit Cache(Database &db)
        : db(db.sql()) {}
    QSqlDatabase db;
    std::unordered_map<qint64, std::unique_ptr<QSqlQuery>> queries;
};

CatalogSearch::CatalogSearch(Database &db)
    : m_db(db) {}
CatalogSearch::~CatalogSearch() = default;

QString CatalogSearch::prepareQuery(const QString &query) {
    // Cut by code points so a surrogate pair is never split, before and after normalization
    // (NFKC may lengthen some compatibility characters).
    const auto cut = [](const QString &s) {
        if (s.size() <= kMaxQueryLength) // never more code points than UTF-16 units
            return s;
        const QList<uint> cps = s.toUcs4();
        if (cps.size() <= kMaxQueryLength)
            return s;
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), kMaxQueryLength);
    };
    return cut(core::normalizeSearchText(cut(query)));
}

namespace {
// The SQL of a search depends on the query only through its length class (1, 2, 3+ code points) and on
// the limit through the branch cap.
qint64 shapeKey(int len, int limit) {
    return (qint64(std::min(len, 3)) << 32) | qint64(std::max(CatalogSearch::kBranchCap, limit));
}
} // namespace

namespace {
// The SQL of a search for a query of `len` code points. Parameters: ? the query, ? the end of its
// prefix range, ? its length, ? its FTS5 phrase (3+ code points), ? the window.
QString searchSqlText(int len, int limit) {
    // Each index branch stops at kBranchCap rows, so a broad query ("4", "许") costs the same as a narrow
    // one instead of sorting the whole catalog. Beyond the cap the order inside a tier is approximate for
    // items this window never used; the window's used items are matched by the last branch directly, so
    // they always keep their place at the top of their tier.
    const QString cap = QString::number(std::max(CatalogSearch::kBranchCap, limit)); // never fewer than asked
    QString sql = uR"(WITH cand(id, tier) AS (
    SELECT * FROM (SELECT id, 1 FROM catalog_search WHERE name_norm = ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT doc_id, 1 FROM catalog_initials WHERE initials = ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT id, 2 FROM catalog_search WHERE name_norm >= ? AND name_norm < ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT doc_id, 2 FROM catalog_initials WHERE initials >= ? AND initials < ? LIMIT %1)
    UNION ALL SELECT * FROM (SELECT id, 2 FROM catalog_search WHERE code_norm >= ? AND code_norm < ? LIMIT %1)
)"_s.arg(cap);
    if (len <= 2) {
        sql +=
            u"    UNION ALL SELECT * FROM (SELECT doc_id, 3 FROM catalog_grams WHERE gram = ? LIMIT %1)\n"_s
                .arg(cap);
    } else {
        sql +=
            u"    UNION ALL SELECT * FROM (SELECT rowid, 3 FROM catalog_fts WHERE catalog_fts MATCH ? LIMIT %1)\n"_s
                .arg(cap);
    }
    // One character matches nearly every department: no use to the clerk.
    const QString deptCond = len >= 2 ? u"instr(d.name_norm, ?) > 0"_s : u"0"_s;
    if (len >= 2) {
        // Departments first (a handful of rows, in name order through their key), then their items
        // through the department index: the rows of `department IN (SELECT …)` in the same order,
        // without the temporary index an IN list needs.
        sql += uR"(    UNION ALL SELECT * FROM (SELECT s.id, 3 FROM catalog_departments d
              CROSS JOIN catalog_search s ON s.department = d.name WHERE %1 ORDER BY d.name LIMIT %2)
)"_s.arg(deptCond, cap);
    }
    // This window's most used items (kUsedCap), their tier computed row by row: a few index lookups each.
    // CROSS JOIN here and below keeps the subquery the outer loop, read as a co-routine instead of being
    // materialized: every temporary B-tree costs a page cache of its own, allocated and freed per search.
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
        CROSS JOIN catalog_search s ON s.code = used.item_code) WHERE tier IS NOT NULL
)"_s.arg(deptCond, QString::number(CatalogSearch::kUsedCap));
    // Every candidate row ranked, an item once per branch that found it (its best tier first): the
    // caller keeps the first row of each item and stops at the limit. (Grouping on the id first would
    // cost a sort of its own; ORDER BY … LIMIT keeps its top rows in a temporary B-tree.)
    sql += uR"()
SELECT s.code, s.name, s.department, c.tier, COALESCE(u.use_count, 0) AS uses
FROM cand c CROSS JOIN catalog_search s ON s.id = c.id
LEFT JOIN item_usage u ON u.window_no = ? AND u.item_code = s.code
ORDER BY c.tier, uses DESC, s.name_len, s.code)"_s;
    return sql;
}

QVariantList searchBinds(const QString &q, int len, const QString &windowNo) {
    const QString hi = prefixEnd(q);
    QVariantList binds{q, q, q, hi, q, hi, q, hi, len <= 2 ? q : ftsPhrase(q)};
    if (len >= 2)
        binds.append(q);                                            // departments
    binds.append(QVariantList{q, q, len, q, len, q, len, q, q, q}); // used items
    if (len >= 2)
        binds.append(q);
    binds.append(windowNo);
    binds.append(windowNo);
    return binds;
}
} // namespace

QString CatalogSearch::searchSql(const QString &q, const QString &windowNo, int limit, QVariantList *binds) {
    const int len = codePoints(q);
    *binds = searchBinds(q, len, windowNo);
    return searchSqlText(len, limit);
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
    if (!m_cache)
        m_cache = std::make_unique<Cache>(m_db);
    const int len = codePoints(q);
    std::unique_ptr<QSqlQuery> &prepared = m_cache->queries[shapeKey(len, limit)];
    const QVariantList binds = searchBinds(q, len, windowNo);
    if (!prepared) {
        prepared = std::make_unique<QSqlQuery>(m_cache->db);
        prepared->setForwardOnly(true);
        if (!prepared->prepare(searchSqlText(len, limit))) {
            const QString error = prepared->lastError().text();
            prepared.reset();
            return Error{u"sql"_s, error};
        }
    }
    QSqlQuery &rows = *prepared;
    for (qsizetype i = 0; i < binds.size(); ++i)
        rows.bindValue(int(i), binds.at(i));
    if (!rows.exec())
        return Error{u"sql"_s, rows.lastError().text()};
    QSet<QString> seen; // an item's later rows are its worse tiers
    while (hits.size() < limit && rows.next()) {
        QString code = rows.value(0).toString();
        if (seen.contains(code))
            continue;
        seen.insert(code);
        hits.append({std::move(code), rows.value(1).toString(), rows.value(2).toString(),
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
        uR"(SELECT code, name, department, aliases_json FROM service_items WHERE is_current = 1 AND deleted = 0
            ORDER BY code)"_s);
    if (!r)
        return r.error();
    CatalogSearchIndexer indexer(db);
    while (r->next()) {
        QStringList aliases;
        for (const QJsonValue v : QJsonDocument::fromJson(r->value(3).toString().toUtf8()).array())
            aliases.append(v.toString());
        if (auto s = indexer.index(r->value(0).toString(), r->value(1).toString(), r->value(2).toString(),
                                   false, aliases);
            !s)
            return s;
    }
    return indexer.flush();
}

namespace {
using detail::appendJsonString;

// The grams of a document: unigrams and bigrams of its normalized name and of each initials string,
// sorted and distinct.
std::vector<QStringView> docGrams(const QString &nameNorm, const QStringList &initials) {
    std::vector<QStringView> grams;
    grams.reserve(size_t(nameNorm.size() + 1) * 2 * size_t(initials.size() + 1));
    addGrams(nameNorm, grams);
    for (const QString &i : initials)
        addGrams(i, grams);
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

// A (key, document) row of catalog_grams or catalog_initials. `prefix` packs the key's first four
// UTF-16 units, so sorting compares integers: a gram (at most two code points) is decided by it and
// its length alone; only longer initials strings with the same prefix compare their text.
struct Posting {
    quint64 prefix;
    QStringView key;
    qint64 doc;
    Posting(QStringView k, qint64 d)
        : prefix(0)
        , key(k)
        , doc(d) {
        for (qsizetype i = 0; i < 4; ++i)
            prefix = (prefix << 16) | (i < k.size() ? k[i].unicode() : 0u);
    }
    static int compareKeys(const Posting &a, const Posting &b) {
        if (a.prefix != b.prefix)
            return a.prefix < b.prefix ? -1 : 1;
        if (a.key.size() <= 4 && b.key.size() <= 4)
            return int(a.key.size() - b.key.size());
        return a.key.compare(b.key);
    }
    bool operator<(const Posting &o) const {
        const int c = compareKeys(*this, o);
        return c != 0 ? c < 0 : doc < o.doc;
    }
};

// Rows as one JSON object {"key":[doc,…],…}, keys in order: SQLite expands it with two json_each, so
// the rows reach the B-tree sorted (neighbouring keys share its pages).
QString postingsJson(std::vector<Posting> &rows) {
    std::sort(rows.begin(), rows.end());
    QString out;
    out.reserve(qsizetype(rows.size()) * 12 + 2);
    out += u'{';
    for (size_t n = 0; n < rows.size(); ++n) {
        if (n == 0 || Posting::compareKeys(rows[n], rows[n - 1]) != 0) {
            if (n)
                out += u"],"_s;
            appendJsonString(out, rows[n].key);
            out += u":["_s;
        } else {
            out += u',';
        }
        out += QString::number(rows[n].doc);
    }
    if (!rows.empty())
        out += u']';
    out += u'}';
    return out;
}
} // namespace

struct CatalogSearchIndexer::Private {
    explicit Private(Database &db)
        : st(db.sql()) {}
    detail::Statements st;
    // Documents indexed since the last flush(), written by it once per page: every index table in one
    // statement each, rows sorted by key. (FTS5 last: any statement that opens a statement journal
    // makes FTS5 write out its pending terms as a new segment, which per item was an eighth of the
    // import.) Ids are assigned here, so nothing is written per document.
    struct Doc {
        qint64 id = 0;
        QString code;
        QString name;
        QString nameNorm;
        QStringList initials; // without empty strings
        QString department;
        bool dropped = false; // unindexed again before the flush
    };
    std::vector<Doc> pending;
    QHash<QString, size_t> pendingByCode;
    qint64 nextId = 0;                      // 0: read from catalog_search at the next index()
    QHash<QString, QString> departmentNorm; // normalized once per indexer
};

CatalogSearchIndexer::CatalogSearchIndexer(Database &db)
    : d(std::make_unique<Private>(db)) {}

// Documents not flushed are dropped: without flush() the caller is rolling its transaction back.
CatalogSearchIndexer::~CatalogSearchIndexer() = default;

Status CatalogSearchIndexer::unindex(const QString &code) {
    if (const auto p = d->pendingByCode.constFind(code); p != d->pendingByCode.cend()) {
        d->pending[p.value()].dropped = true; // nothing of it written yet
        d->pendingByCode.erase(p);
        return {};
    }
    auto doc = d->st.run(u"SELECT id, department, name_norm FROM catalog_search WHERE code = ?"_s, {code});
    if (!doc)
        return doc.error();
    if (!doc.value()->next())
        return {};
    const qint64 id = doc.value()->value(0).toLongLong();
    const QString department = doc.value()->value(1).toString();
    const QString nameNorm = doc.value()->value(2).toString();
    doc.value()->finish();
    // Grams by primary key, recomputed from the stored name and keys (catalog_grams has no doc_id index).
    // The keys are read back rather than recomputed: they include the aliases the document was indexed with.
    std::vector<Posting> grams;
    QStringList initials;
    auto keys = d->st.run(u"SELECT initials FROM catalog_initials WHERE doc_id = ?"_s, {id});
    if (!keys)
        return keys.error();
    while (keys.value()->next())
        initials.append(keys.value()->value(0).toString());
    keys.value()->finish();
    for (const QStringView g : docGrams(nameNorm, initials))
        grams.emplace_back(g, id);
    if (auto r = d->st.run(
            u"DELETE FROM catalog_grams WHERE doc_id = ? AND gram IN (SELECT key FROM json_each(?))"_s,
            {id, postingsJson(grams)});
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

Status CatalogSearchIndexer::index(const QString &code, const QString &name, const QString &department,
                                   bool mayBeIndexed, const QStringList &aliases) {
    if (mayBeIndexed) {
        if (auto s = unindex(code); !s)
            return s;
    }
    if (d->nextId == 0) {
        auto max = d->st.run(u"SELECT COALESCE(MAX(id), 0) + 1 FROM catalog_search"_s);
        if (!max)
            return max.error();
        d->nextId = max.value()->next() ? max.value()->value(0).toLongLong() : 1;
        max.value()->finish();
    }
    Private::Doc doc;
    doc.id = d->nextId++;
    doc.code = code;
    doc.name = name;
    doc.nameNorm = core::normalizeSearchText(name);
    doc.initials = core::pinyinInitialsCombinationsOfNormalized(doc.nameNorm);
    for (const QString &alias : aliases) {
        // Normalized as queries are (no white space left: see catalog_fts.initials), and its own pinyin
        // initials too (sbk for 社保卡).
        const QString key = CatalogSearch::prepareQuery(alias);
        QStringList keys{key};
        keys += core::pinyinInitialsCombinationsOfNormalized(key);
        for (const QString &k : std::as_const(keys))
            if (!k.isEmpty() && k != doc.nameNorm && !doc.initials.contains(k))
                doc.initials.append(k);
    }
    doc.initials.removeAll(QString());
    doc.department = department;
    d->pendingByCode.insert(code, d->pending.size());
    d->pending.push_back(std::move(doc));
    return {};
}

Status CatalogSearchIndexer::flush() {
    const auto done = qScopeGuard([this] {
        d->pending.clear();
        d->pendingByCode.clear();
        d->nextId = 0;
    });
    if (d->pendingByCode.isEmpty())
        return {};
    std::vector<Posting> grams, initials;
    QString docs = u"["_s, fts = u"["_s;
    QHash<QString, int> departments;
    for (const Private::Doc &doc : d->pending) {
        if (doc.dropped)
            continue;
        const QString id = QString::number(doc.id);
        if (docs.size() > 1)
            docs += u',';
        docs += u'[' + id + u',';
        appendJsonString(docs, doc.code);
        docs += u',';
        appendJsonString(docs, core::normalizeSearchText(doc.code));
        docs += u',';
        appendJsonString(docs, doc.name);
        docs += u',';
        appendJsonString(docs, doc.nameNorm);
        docs += u',' + QString::number(codePoints(doc.nameNorm)) + u',';
        appendJsonString(docs, doc.department);
        docs += u']';
        for (const QStringView g : docGrams(doc.nameNorm, doc.initials))
            grams.emplace_back(g, doc.id);
        for (const QString &i : doc.initials)
            initials.emplace_back(i, doc.id);
        if (fts.size() > 1)
            fts += u',';
        fts += u'[' + id + u',';
        appendJsonString(fts, doc.nameNorm);
        fts += u',';
        appendJsonString(fts, doc.initials.join(u' '));
        fts += u']';
        ++departments[doc.department];
    }
    docs += u']';
    fts += u']';
    if (auto r = d->st.run(
            uR"(INSERT INTO catalog_search(id, code, code_norm, name, name_norm, name_len, department)
                SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
                FROM json_each(?))"_s,
            {docs});
        !r)
        return r.error();
    // OR IGNORE as before: two readings can give the same initials string.
    if (auto r = d->st.run(uR"(INSERT OR IGNORE INTO catalog_grams(gram, doc_id)
                SELECT g.key, i.value FROM json_each(?) g, json_each(g.value) i)"_s,
                           {postingsJson(grams)});
        !r)
        return r.error();
    if (auto r = d->st.run(uR"(INSERT OR IGNORE INTO catalog_initials(initials, doc_id)
                SELECT g.key, i.value FROM json_each(?) g, json_each(g.value) i)"_s,
                           {postingsJson(initials)});
        !r)
        return r.error();
    for (auto it = departments.cbegin(); it != departments.cend(); ++it) {
        auto norm = d->departmentNorm.constFind(it.key());
        if (norm == d->departmentNorm.cend())
            norm = d->departmentNorm.insert(it.key(), core::normalizeSearchText(it.key()));
        if (auto r = d->st.run(uR"(INSERT INTO catalog_departments(name, name_norm, items) VALUES (?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET items = items + excluded.items)"_s,
                               {it.key(), norm.value(), it.value()});
            !r)
            return r.error();
    }
    if (auto r = d->st.run(uR"(INSERT INTO catalog_fts(rowid, name_norm, initials)
                SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))"_s,
                           {fts});
        !r)
        return r.error();
    return {};
}

Status CatalogSearchIndexer::optimize() {
    auto r = d->st.run(u"INSERT INTO catalog_fts(catalog_fts) VALUES ('optimize')"_s);
    return r ? Status() : Status(r.error());
}

} // namespace windowdesk::storage
