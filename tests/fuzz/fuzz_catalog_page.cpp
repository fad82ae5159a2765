// libFuzzer target: a pulled catalog page (GET /catalog/items, /catalog/bundles) read and applied by the
// CatalogImporter to a real database with the demo catalog (the first byte picks the stream). Never a crash,
// a hang or undefined behaviour; a page is applied, rejected whole as bad_page, or its bad records rejected.
#include "fuzzdatabase.h"

#include <windowdesk/storage/catalogimporter.h>

#include <cstddef>
#include <cstdint>

using namespace windowdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    storage::Database &db = fuzz::fuzzDatabase();
    const bool items = data[0] % 2 == 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    storage::ImportOptions o;
    o.stream = items ? QStringLiteral("catalog_items") : QStringLiteral("catalog_bundles");
    (void)fuzz::inRolledBackWrite([&]() -> Status {
        storage::CatalogImporter importer(db, fuzz::fuzzClock());
        auto r = items ? importer.applyItemsPage(body, o) : importer.applyBundlesPage(body, o);
        if (!r.ok())
            return r.error();
        fuzz::check(r->upserted >= 0 && r->deleted >= 0);
        return {};
    });
    return 0;
}
