#pragma once
// What a search box says when a catalog search finds nothing: 无结果, and what to try instead — the
// longest start of the query that does find matters, else the other ways to search.
#include <QCoreApplication>
#include <QString>

namespace windowdesk::storage {
class CatalogSearch;
}

namespace windowdesk::intake {

class CatalogSearchHint {
    Q_DECLARE_TR_FUNCTIONS(windowdesk::intake::CatalogSearchHint)
public:
    // Empty when `query` is blank (nothing was searched).
    static QString noResults(const storage::CatalogSearch &search, const QString &query,
                             const QString &windowNo);
};

} // namespace windowdesk::intake
