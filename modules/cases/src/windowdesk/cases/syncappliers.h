#pragma once
// What the platform's answers and pulled changes do to this window's cases and evaluations (platform-api.md:
// the server's case number, status and dates are authoritative; an older version never overwrites a newer
// one; another window's records are not ours). The sync worker calls them through storage::StreamApplier
// (sync never links cases); programs register them once with registerSyncAppliers().
#include "caserepository.h"

#include <windowdesk/storage/streamapplier.h>
#include <windowdesk/storage/userrepository.h>

namespace windowdesk::cases {

// The cases stream (case_changes) and the answers to case and case_event writes.
class CaseStreamApplier : public storage::StreamApplier {
public:
    CaseStreamApplier(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
        , m_cases(db)
        , m_users(db, clock, nullptr) {}
    QString stream() const override;
    QString path() const override;
    QStringList outboxKinds() const override;
    QString pathPlaceholder() const override;
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Result<QString> platformId(const QString &localId) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) override;
    QList<int> calendarYearsNeeded() const override;

protected:
    Status applyCase(const QString &localId, const QJsonObject &c);
    storage::Database &m_db;
    const Clock &m_clock;
    CaseRepository m_cases;
    storage::UserRepository m_users;
};

// The supervisor's hall-wide cases feed (platform-api.md 1.1, GET /cases/changes?scope=hall, stream
// case_changes_hall, pulled only by a supervisor's session from a 1.1 platform): every case of the hall goes
// into the local cache — another window's case as a row of origin hall_feed, with the masked id only, its
// clerk, department, extensions and follow-ups. Also takes the answers to follow-up writes (case_followup,
// POST /cases/{case_no}/followups, never sent to a 1.0 platform).
class HallCaseStreamApplier : public CaseStreamApplier {
public:
    using CaseStreamApplier::CaseStreamApplier;
    QString stream() const override;
    QString path() const override;
    QStringList outboxKinds() const override;
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) override;
    bool supervisorStream() const override { return true; }
    bool requiresApi11(const QString &kind) const override;

private:
    Result<QString> insertHallCase(const QJsonObject &c); // its local id
    Status applyHallFields(const QString &localId, const QJsonObject &c);
    Status applyFollowups(const QString &localId, const QJsonArray &followups);
};

// The evaluations stream (evaluation_changes) and the answers to evaluation writes.
class EvaluationStreamApplier : public storage::StreamApplier {
public:
    EvaluationStreamApplier(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    QString stream() const override;
    QString path() const override;
    QStringList outboxKinds() const override;
    QString pathPlaceholder() const override;
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Result<QString> platformId(const QString &localId) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) override;
    bool requiresApi11(const QString &kind) const override;

private:
    Result<bool> applyChange(const QJsonObject &c);
    Status insertHallEvaluation(const QJsonObject &c);
    Status addCallbacks(const QString &localId, const QJsonArray &callbacks);
    Status addPlatformActions(const QString &evaluationId, const QString &localId, const QJsonArray &actions);
    storage::Database &m_db;
    const Clock &m_clock;
};

// The hall's ticket events (platform-api.md 1.1, GET /queue/events, stream queue_events, list key "events"):
// pulled by a supervisor's session from a 1.1 platform into the append-only ticket_events table, deduplicated
// by event_id (a page pulled again, or an event the local queue wrote under the same id, adds nothing). The
// live queue board and the period report read them. No writes go this way.
class TicketEventStreamApplier : public storage::StreamApplier {
public:
    TicketEventStreamApplier(storage::Database &db, const Clock &)
        : m_db(db) {}
    QString stream() const override;
    QString path() const override;
    QString listKey() const override;
    QStringList outboxKinds() const override { return {}; }
    QString pathPlaceholder() const override { return {}; }
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &, const QJsonObject &) const override { return false; }
    Result<QString> platformId(const QString &) const override { return QString(); }
    Status applyAnswer(const storage::OutboxEntry &, const QJsonObject &) override;
    Status noteRejected(const storage::OutboxEntry &, const QJsonObject &) override { return {}; }
    bool supervisorStream() const override { return true; }

private:
    storage::Database &m_db;
};

// Registers them with storage::registerStreamApplier (cases, the hall-wide cases, evaluations, then the
// hall's ticket events).
// Idempotent.
void registerSyncAppliers();

} // namespace windowdesk::cases
