#pragma once
// The embedded demo hall (db/demo/): a Hunan hall's catalog, the ten 一件事一次办 bundles, demo users,
// and the demo e-license key. Loaded on first start when no platform is configured, through the same
// importer that applies the platform's JSON pages.
#include <windowdesk/core/result.h>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

struct DemoHallReport {
    bool loaded = false; // false when nothing was needed (already loaded, or a platform is configured)
    int items = 0;
    int bundles = 0;
    int users = 0;
};

class DemoHall {
public:
    // Loads the demo hall when no platform URL is configured (settings key "platform.url") and the catalog is
    // empty.
    static Result<DemoHallReport> loadIfNeeded(Database &db, const Clock &clock);
    // Loads it unconditionally (used by `seed demo-cases` and tests); idempotent.
    static Result<DemoHallReport> load(Database &db, const Clock &clock);
};

} // namespace windowdesk::storage
