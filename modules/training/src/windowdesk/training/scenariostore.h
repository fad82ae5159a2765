#pragma once
// The trainer's scenario drills (情景演练, issue 15) as the 情景 tab keeps them: listed open and closed,
// saved after validateScenarioAgainstCatalog() (errors refuse, warnings are the trainer's to confirm and go
// into the audit row), closed (archived: a drill is never deleted, its attempts refer to it), exported to and
// imported from a JSON file so halls share drills. Every change writes an audit row in its transaction.
//
// Versions: an attempt is scored against the drill row it was taken under (ScenarioDrills::score re-reads
// its definition for the judged criteria), so a drill that has attempts is never rewritten. Saving changes
// to one makes a NEW drill row (definition "version": n + 1, "previous_version": the old id) and closes the
// old one in the same transaction: trainees see only the new version, results and judgements keep theirs.
// A drill without attempts is changed in place. A closed drill is not edited (duplicate it instead).
#include <windowdesk/core/result.h>
#include <windowdesk/training/scenariocheck.h>
#include <windowdesk/training/scenariodrill.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::training {

struct StoredScenario {
    QString id; // training_drills.id (s-…)
    Scenario scenario;
    bool open = true;   // not closed (ends_at unset or later than now)
    int attempts = 0;   // training_attempts taken under this row
    int version = 1;    // 1 + the versions it replaced
    QString previousId; // the version this one replaced; empty for the first
    QString createdBy;
    QDateTime createdAt;
    QDateTime closedAt; // invalid while open
};

struct SavedScenario {
    QString id;
    bool newVersion = false; // a new row replaced a drill with attempts (the old one closed)
    QString replacedId;
};

// What an import file held: the scenario, or every problem found (nothing imported).
struct ScenarioImport {
    std::optional<Scenario> scenario;
    QStringList errors;   // Chinese, one per problem
    QStringList warnings; // for the trainer to confirm before saving
};

class ScenarioStore {
public:
    ScenarioStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit);

    // Every scenario drill of the hall: open ones first, then closed; each by title.
    Result<QList<StoredScenario>> list() const;
    Result<StoredScenario> get(const QString &id) const;

    // validateScenarioAgainstCatalog() over this hall's catalog, today.
    QList<ScenarioProblem> check(const Scenario &s) const;

    // Saves `s` (a new drill when `id` is empty). Errors: invalid_scenario (the errors of check(), one a
    // line), closed (a closed drill), not_found, sql. Warnings do not refuse: the caller has had the
    // trainer confirm them; they are recorded in the audit row (training_scenario_saved).
    Result<SavedScenario> save(const QString &id, const Scenario &s, const QString &by);
    // Closes (archives) the drill: trainees no longer see it; its attempts and results stay. Audited
    // (training_scenario_closed). Errors: not_found, closed, sql.
    Status close(const QString &id, const QString &by);

    // The file a hall shares: Scenario::toJson() with "format": "windowdesk.scenario/1".
    static QByteArray exportJson(const Scenario &s);
    // Reads a shared file: not JSON, the wrong shape, or any error of check() → no scenario, every error.
    ScenarioImport readImport(const QByteArray &bytes) const;

    // The demo hall's sample drill (失业保险金申领 with a wrong termination proof), built from its catalog.
    static Scenario demoScenario();
    // Adds demoScenario() when the hall runs on the demo catalog (no platform, the sample's item present)
    // and has no scenario drill at all — open or closed, so a trainer who closed it does not get it back.
    // The new drill's id, or empty when nothing was needed. Audited as created by `by`.
    Result<QString> seedDemoIfNeeded(const QString &by = QStringLiteral("seed:demo"));

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::training
