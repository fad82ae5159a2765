// libFuzzer target: a pulled change page (platform-api.md: GET /cases/changes, ?scope=hall, /evaluations/
// changes, /queue/events) read by the sync engine's envelope reader and applied by the stream's applier to a
// real database. The first byte picks the stream. Never a crash, a hang or undefined behaviour; a page is
// either refused whole (bad_page) or applied with its malformed records rejected one by one — never an SQL
// error that would stop the stream at this page for good.
#include "fuzzdatabase.h"

#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/sync/platformreaders.h>

#include <cstddef>
#include <cstdint>

using namespace windowdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    storage::Database &db = fuzz::fuzzDatabase();
    std::unique_ptr<storage::StreamApplier> applier;
    switch (data[0] % 4) {
    case 0:
        applier = std::make_unique<cases::CaseStreamApplier>(db, fuzz::fuzzClock());
        break;
    case 1:
        applier = std::make_unique<cases::HallCaseStreamApplier>(db, fuzz::fuzzClock());
        break;
    case 2:
        applier = std::make_unique<cases::EvaluationStreamApplier>(db, fuzz::fuzzClock());
        break;
    default:
        applier = std::make_unique<cases::TicketEventStreamApplier>(db, fuzz::fuzzClock());
        break;
    }
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    auto page = sync::readChangePage(body, applier->listKey(), applier->stream());
    if (!page.ok()) {
        fuzz::check(page.error().code == QStringLiteral("bad_page"));
        return 0;
    }
    fuzz::check(!page->nextCursor.isEmpty());
    const Status st = fuzz::inRolledBackWrite([&]() -> Status {
        auto applied = applier->applyPage(page->records);
        if (!applied.ok())
            return applied.error();
        fuzz::check(applied->applied + applied->rejected.size() <= page->records.size());
        return {};
    });
    if (!st.ok()) {
        std::fprintf(stderr, "fuzz: %s refused a page with %s: %s\n", qPrintable(applier->stream()),
                     qPrintable(st.error().code), qPrintable(st.error().message));
        fuzz::check(false);
    }
    return 0;
}
