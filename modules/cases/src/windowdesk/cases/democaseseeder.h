#pragma once
// `seed demo-cases`: realistic synthetic cases for demos, drills and benchmarks. Each is the visit a clerk
// could have entered — a draft with valid (synthetic) resident id numbers, USCCs and mobile numbers over an
// item of the local catalog — taken in by CaseService::submit like a case made at the window (case, items,
// materials, 'created' event, audit row and outbox row in ONE transaction). Its audit row is `case_seeded`
// (never case_decided), which marks it as synthetic for good (the chain vouches for the mark) and carries the
// digests `audit verify` checks. The sync engine never pushes a seeded case to a platform that is not on this
// machine (loopback).
#include "intaketypes.h"

#include <windowdesk/core/result.h>

#include <QDate>
#include <QString>
#include <QStringList>

class QRandomGenerator;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

struct SeedOptions {
    int count = 10;
    int days = 30;    // the cases are spread over the last `days` days (office hours); 0: all decided now
    quint64 seed = 0; // 0: random
    QString clerkId = QStringLiteral("u-1001");
    QString windowNo = QStringLiteral("A07");
    QString actorId = QStringLiteral("seed:demo-cases"); // who seeded, for the audit rows
    QStringList itemCodes; // only these current items; empty: any current item of the catalog
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
    // Errors: catalog_empty (no usable item even after loading the demo hall), decision_invalid (an item
    // whose form cannot be filled validly), or the storage error.
    Result<SeedReport> seed(const SeedOptions &options);

    // The visit a clerk could have entered for `matter` on `day`: a synthetic applicant (an entity when the
    // matter is for legal persons), every form field filled validly, and the decision — nine in ten
    // accepted with every material on paper, the others a correction notice listing the required materials
    // as missing (the first material when none is required).
    static IntakeDraft syntheticDraft(const Matter &matter, const QDate &day, QRandomGenerator &rng);

private:
    Result<QList<Matter>> matters(const SeedOptions &options, SeedReport &report);
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::cases
