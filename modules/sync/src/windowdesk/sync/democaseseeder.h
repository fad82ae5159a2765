#pragma once
// `seed demo-cases`: realistic synthetic cases for demos, drills and benchmarks. Each is written like a case
// made at the window — case, items, materials, 'created' event and outbox row in ONE transaction — with valid
// (synthetic) resident id numbers, USCCs and mobile numbers, over items of the local catalog.
#include <windowdesk/core/result.h>

#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::sync {

struct SeedOptions {
    int count = 10;
    int days = 30;
    quint64 seed = 0; // 0: random
    QString clerkId = QStringLiteral("u-1001");
    QString windowNo = QStringLiteral("A07");
};

struct SeedReport {
    int cases = 0;
    int accepted = 0;
    int correctionRequired = 0;
    bool catalogLoaded = false; // the demo catalog was loaded because the catalog was empty
};

class DemoCaseSeeder {
public:
    DemoCaseSeeder(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Errors: catalog_empty (no usable item even after loading the demo hall), sql.
    Result<SeedReport> seed(const SeedOptions &options);

private:
    storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::sync
