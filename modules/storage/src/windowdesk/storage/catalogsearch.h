#pragma once
// Catalog search as clerks type in one box: Chinese substring, pinyin initials (spjy → 食品经营许可),
// the item's aliases (社保卡 → 社会保障卡申领), item code prefix, department. Ranked in tiers (1 exact name
// or initials, 2 prefix of name, initials or code, 3 substring of name or initials, or department), then by
// this window's use count, name length and code. Every path is an index lookup (see
// db/migrations/0002_catalog_search.sql).
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <memory>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct SearchHit {
    QString code;
    QString name;
    QString department;
    int tier = 0; // 1–3; 0 for the frequent items of an empty query
    int useCount = 0;
};

class CatalogSearch {
public:
    static constexpr int kMaxQueryLength = 100; // longer input is cut
    static constexpr int kDefaultLimit = 20;
    static constexpr int kBranchCap = 100; // rows taken from each index per query (see searchSql)
    static constexpr int kUsedCap = 10;    // this window's most used items always ranked exactly

    explicit CatalogSearch(Database &db);
    ~CatalogSearch();
    CatalogSearch(const CatalogSearch &) = delete;
    CatalogSearch &operator=(const CatalogSearch &) = delete;

    // Empty or white-space query → this window's most used items, then the others by code.
    // SQL/FTS syntax characters are searched as text. Errors only on database failure.
    Result<QList<SearchHit>> search(const QString &query, const QString &windowNo,
                                    int limit = kDefaultLimit) const;

    // One more use of `code` at `windowNo` (ranks it higher within its tier).
    Status recordUse(const QString &windowNo, const QString &code, const Clock &clock);

    // The query as searched: cut at kMaxQueryLength characters, then normalized (core::normalizeSearchText).
    static QString prepareQuery(const QString &query);
    // The SQL of a search, for EXPLAIN QUERY PLAN in tests; binds in `binds`. It returns every
    // candidate row in rank order, an item once per index branch that found it, best tier first:
    // search() keeps each item's first row, up to `limit` items.
    static QString searchSql(const QString &preparedQuery, const QString &windowNo, int limit,
                             QVariantList *binds);

    // Rebuilds the whole index from the current, non-deleted items (call inside Database::write).
    static Status rebuild(Database &db);

private:
    Database &m_db;
    // Prepared search statements, kept while this object lives (a page keeps one for every keystroke).
    struct Cache;
    mutable std::unique_ptr<Cache> m_cache;
};

// Index maintenance with prepared statements, used by CatalogImporter inside its write transaction
// (one indexer per transaction). index() writes the document's catalog_search row at once and the
// rest (grams, initials, FTS row, department count) at flush(), batched: call flush() before the
// transaction commits (and before searching inside it).
class CatalogSearchIndexer {
public:
    explicit CatalogSearchIndexer(Database &db);
    ~CatalogSearchIndexer();
    CatalogSearchIndexer(const CatalogSearchIndexer &) = delete;
    CatalogSearchIndexer &operator=(const CatalogSearchIndexer &) = delete;

    // Replaces the item's search document (name, initials, grams, department). `mayBeIndexed` false:
    // the caller knows the code has no document (a code never imported), so there is nothing to remove.
    // `aliases` (the item's other names) are searched as its initials are: each normalized alias is one
    // more key of the document in catalog_initials (exact: tier 1, prefix: tier 2), and its grams and
    // text are indexed for substrings (tier 3).
    Status index(const QString &code, const QString &name, const QString &department,
                 bool mayBeIndexed = true, const QStringList &aliases = {});
    // Writes the pending part of the documents index() added since the last flush.
    Status flush();
    // Merges the FTS5 index into one segment. Each flush adds a segment, and a substring search reads
    // every one: after the last page of a pull (or a file) the importer merges them (about 30 ms for
    // 10,000 items).
    Status optimize();
    // Removes it (deleted, or replaced by a version without a document); no-op when absent.
    Status unindex(const QString &code);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace windowdesk::storage
