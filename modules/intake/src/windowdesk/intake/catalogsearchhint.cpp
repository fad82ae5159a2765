#include "catalogsearchhint.h"

#include <windowdesk/storage/catalogsearch.h>

namespace windowdesk::intake {

QString CatalogSearchHint::noResults(const storage::CatalogSearch &search, const QString &query,
                                     const QString &windowNo) {
    const QString q = storage::CatalogSearch::prepareQuery(query);
    if (q.isEmpty())
        return {};
    // A few extra characters are the usual cause (社保卡办理手续): the longest start that finds something,
    // at most kTries searches (each well under a millisecond) so a long paste stays instant.
    constexpr qsizetype kTries = 8;
    const QList<uint> cps = q.toUcs4();
    for (qsizetype n = cps.size() - 1; n >= 2 && n >= cps.size() - kTries; --n) {
        const QString shorter = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()), n);
        auto hits = search.search(shorter, windowNo, 1);
        if (hits.ok() && !hits->isEmpty())
            return tr("No results. Try “%1”, or pinyin initials (sbk for 社保卡), an item code or a "
                      "department.")
                .arg(shorter);
    }
    return tr("No results. Try fewer characters, pinyin initials (sbk for 社保卡), an item code or a "
              "department.");
}

} // namespace windowdesk::intake
