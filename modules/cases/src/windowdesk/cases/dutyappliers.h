#pragma once
// The hall duties' streams and writes of platform-api.md 1.1 (issue 16) other than 跨省通办, behind
// storage::StreamApplier: 办不成事 requests (GET /unresolved-requests/changes, POST /unresolved-requests) and
// 告知承诺 post-checks (GET /commitment-checks/changes, POST /commitment-checks/{check_id}/result). Both are
// 1.1 only: never asked of a 1.0 platform, their writes kept locally as `unsupported` there.
#include <windowdesk/storage/streamapplier.h>

namespace windowdesk::cases {

// 办不成事: the hall's requests (ours matched by local_id, the hall's other windows' added as origin
// 'platform'); a record's version never goes back.
class UnresolvedStreamApplier : public storage::StreamApplier {
public:
    UnresolvedStreamApplier(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    QString stream() const override;
    QString path() const override;
    QString listKey() const override;
    QStringList outboxKinds() const override;
    QString pathPlaceholder() const override { return {}; }
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Result<QString> platformId(const QString &localId) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &, const QJsonObject &) override { return {}; }
    bool api11Stream() const override { return true; }
    bool requiresApi11(const QString &kind) const override;

private:
    Status applyRecord(const QJsonObject &r);
    storage::Database &m_db;
    const Clock &m_clock;
};

// 告知承诺 post-checks: the platform's checks of this hall's commitments; the answer to a recorded outcome
// (the check as it now stands, also from a 409 state_conflict) lands the same way.
class CommitmentCheckStreamApplier : public storage::StreamApplier {
public:
    CommitmentCheckStreamApplier(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    QString stream() const override;
    QString path() const override;
    QString listKey() const override;
    QStringList outboxKinds() const override;
    QString pathPlaceholder() const override { return {}; }
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Result<QString> platformId(const QString &localId) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &, const QJsonObject &) override { return {}; }
    bool api11Stream() const override { return true; }
    bool requiresApi11(const QString &kind) const override;

private:
    static bool valid(const QJsonObject &c);
    Status upsert(const QJsonObject &c);
    storage::Database &m_db;
    const Clock &m_clock;
};

// Registers the appliers above with storage::registerStreamApplier. Idempotent.
void registerDutyAppliers();

} // namespace windowdesk::cases
