#pragma once
// `seed demo-cases`: realistic synthetic cases for demos, drills and benchmarks. Each is written like a case
// made at the window — case, items, materials, 'created' event and outbox row in ONE transaction — with valid
// (synthetic) resident id numbers, USCCs and mobile numbers, over items of the local catalog — and, like any
// case, its audit row: `case_seeded` (never case_decided), which marks it as synthetic for good (the chain
// vouches for the mark) and carries the digests `audit verify` checks. The sync engine never pushes a
// seeded case to a platform that is not on this machine (loopback).
#include <windowdesk/core/result.h>

#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::sync {

struct SeedOptions {
    int count = 10;
    int days = 30;
    quint64 seed = 0; // 0: random
    QString clerkId = QStringLiteral("u-1001");
    QString windowNo = QStringLiteral("A07");
    QString actorId = QStringLiteral("seed:demo-cases"); // who seeded, for the audit rows
};

struct SeedReport {
    int cases = 0;
    int accepted = 0;
    int correctionRequired = 0;
    bool catalogLoaded = false; // the demo catalog was loaded because the catalog was empty
};

class DemoCaseSeeder {
public:
    // `audit`: the log to write to (with the keychain's anchor); null: the chain without the anchor.
    DemoCaseSeeder(storage::Database &db, const Clock &clock, storage::AuditLog *audit = nullptr)
        : m_db(db)
        , m_clock(clock)
        , m_audit(audit) {}
    // Errors: catalog_empty (no usable item even after loading the demo hall), sql.
    Result<SeedReport> seed(const SeedOptions &options);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::sync
