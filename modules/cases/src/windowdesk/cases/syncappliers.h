#pragma once
// What the platform's answers and pulled changes do to this window's cases and evaluations (platform-api.md:
// the server's case number, status and dates are authoritative; an older version never overwrites a newer
// one; another window's records are not ours). The sync worker calls them through storage::StreamApplier
// (sync never links cases); programs register them once with registerSyncAppliers().
#include <windowdesk/storage/streamapplier.h>

namespace windowdesk::cases {

// The cases stream (case_changes) and the answers to case and case_event writes.
class CaseStreamApplier : public storage::StreamApplier {
public:
    CaseStreamApplier(storage::Database &db, const Clock &clock)
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
    QList<int> calendarYearsNeeded() const override;

private:
    Status applyCase(const QString &localId, const QJsonObject &c);
    Status replaceSuspensions(const QString &localId, int version, const QJsonArray &suspensions);
    storage::Database &m_db;
    const Clock &m_clock;
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

private:
    Result<bool> applyChange(const QJsonObject &c);
    Status addPlatformActions(const QString &evaluationId, const QString &localId, const QJsonArray &actions);
    storage::Database &m_db;
    const Clock &m_clock;
};

// Registers both with storage::registerStreamApplier (cases first, then evaluations). Idempotent.
void registerSyncAppliers();

} // namespace windowdesk::cases
