#pragma once
// Applies the platform's catalog pages (GET /catalog/items, GET /catalog/bundles) and the same format from
// files (db/demo/, hall IT). The sync puller calls it with the raw response bytes.
//
// A body that does not parse as the page format (invalid or truncated JSON, missing or mistyped
// next_cursor, has_more, items/bundles or deleted) → error, nothing changed. A page that parses is applied
// in one transaction: valid records upserted by version (a lower version than the cached one is ignored;
// older versions stay while cases reference them), `deleted` codes hidden from search and new cases,
// each malformed record rejected into import_rejections with the field named, the search index updated,
// and the page's cursor stored for the stream.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct ImportRejection {
    QString recordKey; // the record's code, or "#<index>" when it has none
    QString field;     // "materials[2].required"
    QString message;   // "expected boolean"
};

struct ImportResult {
    int upserted = 0;
    int ignored = 0; // version lower than the cached one
    int deleted = 0; // codes in `deleted` that were in the cache
    QList<ImportRejection> rejected;
    QString nextCursor;
    bool hasMore = false;
};

struct ImportOptions {
    // Cursor stream ("catalog_items", "catalog_bundles"): the page's next_cursor is stored under it in the
    // same transaction. Empty: no cursor stored (files); `next_cursor`/`has_more` may then be absent and the
    // body may also be a bare array of records.
    QString stream;
    QString source = QStringLiteral("platform"); // platform | demo | file
    // Stream name written to import_rejections when `stream` is empty, e.g. "file:catalog_items.json".
    QString rejectionStream;
    // The first page pulled from a platform: removeDemoCatalog() runs in the page's transaction first.
    bool removeDemoCatalog = false;
};

class CatalogImporter {
public:
    CatalogImporter(Database &db, const Clock &clock);

    // Errors: bad_page (the body is not a page; nothing changed), sql (rolled back; nothing changed).
    Result<ImportResult> applyItemsPage(const QByteArray &body, const ImportOptions &options);
    Result<ImportResult> applyBundlesPage(const QByteArray &body, const ImportOptions &options);
    // A file holding items, bundles or both (by its "items"/"bundles" keys; a bare array is read as items);
    // with both, items are applied first and the two in one transaction.
    Result<ImportResult> importFile(const QString &path, const QString &source = QStringLiteral("file"));

    // 410 cursor_expired: the stream restarts from the beginning. beginFullPull clears the stream's cursor
    // and starts recording the codes the pull delivers; completeFullPull (after the last page, has_more
    // false) marks every cached record of the stream that the pull did not deliver as deleted, in one
    // transaction, and returns how many. Streams: catalog_items, catalog_bundles.
    Status beginFullPull(const QString &stream);
    Result<int> completeFullPull(const QString &stream);

    // The first catalog pull from a platform removes the demo hall's catalog: demo items and bundles not
    // referenced by cases are deleted; referenced ones stay for those cases but leave search and new cases.
    // Returns the number of demo items removed from the catalog.
    Result<int> removeDemoCatalog();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
