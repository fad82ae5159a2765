#pragma once
// One real WindowDesk database per fuzz process (a file in a temporary directory, every migration applied,
// the demo catalog and a few seeded cases of our own, numbered C1…C5), so the readers that apply what they
// read run their real SQL. Each input is applied inside a write transaction that is then rolled back, so
// every input starts from the same database.
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>

namespace windowdesk::fuzz {

inline const FixedClock &fuzzClock() {
    static const FixedClock clock(QDateTime(QDate(2026, 6, 15), QTime(2, 0), QTimeZone::utc()));
    return clock;
}

inline storage::Database &fuzzDatabase() {
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = new QCoreApplication(argc, argv); // the SQL driver plugin needs one
    static QTemporaryDir *dir = new QTemporaryDir;
    static storage::Database *db = [] {
        (void)app;
        auto opened = storage::Database::open(dir->filePath(QStringLiteral("fuzz.db")));
        if (!opened.ok()) {
            std::fprintf(stderr, "fuzz: cannot open the database: %s\n", qPrintable(opened.error().message));
            std::abort();
        }
        cases::SeedOptions o;
        o.count = 5;
        o.seed = 18;
        o.days = 3;
        auto seeded = cases::DemoCaseSeeder(*opened.value(), fuzzClock()).seed(o);
        if (!seeded.ok() ||
            !opened.value()->exec(QStringLiteral("UPDATE cases SET case_no = 'C' || rowid")).ok()) {
            std::fprintf(stderr, "fuzz: cannot seed the database\n");
            std::abort();
        }
        return opened.value().release();
    }();
    return *db;
}

// Runs `fn` in a write transaction of the fuzz database and rolls it back; returns fn's status.
inline Status inRolledBackWrite(const std::function<Status()> &fn) {
    Status result;
    (void)fuzzDatabase().write([&]() -> Status {
        result = fn();
        return Status::failure(QStringLiteral("fuzz_rollback"), QString());
    });
    return result;
}

inline void check(bool invariant) {
    if (!invariant)
        __builtin_trap();
}

} // namespace windowdesk::fuzz
