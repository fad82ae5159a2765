#pragma once
// Read access to the cached catalog: items (current or a given version), bundles and their merged lists.
// Writes go through CatalogImporter.
#include <windowdesk/core/bundlemerge.h>
#include <windowdesk/core/catalog.h>
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>

namespace windowdesk::storage {
class Database;

struct CatalogCounts {
    int items = 0;   // current, non-deleted
    int bundles = 0; // current, non-deleted
};

struct StoredRejection {
    QString stream;
    QString recordKey;
    QString field;
    QString message;
    QString at;
};

class CatalogRepository {
public:
    explicit CatalogRepository(Database &db);

    Result<CatalogCounts> counts() const;
    // The version offered for new cases; error not_found when unknown or deleted.
    Result<core::ServiceItem> currentItem(const QString &code) const;
    // A given version, deleted or not (what a case was accepted under); error not_found.
    Result<core::ServiceItem> item(const QString &code, int version) const;
    Result<core::Bundle> currentBundle(const QString &code) const;
    Result<QList<core::Bundle>> currentBundles() const;
    // The bundle's merged form and materials over the current versions of its items.
    Result<core::MergedBundle> mergedBundle(const QString &bundleCode) const;
    // Records rejected by imports and pulls, newest first (for hall IT).
    Result<QList<StoredRejection>> rejections(int limit = 100) const;

private:
    Result<core::ServiceItem> loadItem(const QString &where, const QVariantList &binds) const;
    Database &m_db;
};

} // namespace windowdesk::storage
