#pragma once
// What the platform's answers and GET /cross-province/changes do to the hall's 跨省通办 receipts
// (platform-api.md 1.1): the receipt number, state, target_case_no, events and forward_due are the
// platform's; an older version never overwrites a newer one; a receipt of another window of the hall is kept
// for the supervisor's hall-wide view with the masked id only. Both writes (cross_province_receipt,
// cross_province_event) and the stream are 1.1: a 1.0 platform gets none of them (kept locally,
// 平台暂不支持).
#include <windowdesk/storage/streamapplier.h>

namespace windowdesk::cases {

class CrossProvinceStreamApplier : public storage::StreamApplier {
public:
    CrossProvinceStreamApplier(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    QString stream() const override;
    QString path() const override;
    QString listKey() const override;
    QStringList outboxKinds() const override;
    QString pathPlaceholder() const override;
    Result<storage::AppliedPage> applyPage(const QJsonArray &records) override;
    bool answerComplete(const storage::OutboxEntry &entry, const QJsonObject &answer) const override;
    Result<QString> platformId(const QString &localId) const override;
    Status applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) override;
    Status noteRejected(const storage::OutboxEntry &entry, const QJsonObject &message) override;
    bool api11Stream() const override { return true; }
    bool requiresApi11(const QString &kind) const override;

    // A record is usable: a receipt number, a known state, a version.
    static bool wellFormed(const QJsonObject &receipt);

private:
    // False: nothing written (an older version, or another window's receipt without what a row needs).
    Result<bool> applyReceipt(const QJsonObject &receipt, const QString &localIdHint);
    Status insertOtherWindow(const QJsonObject &receipt);
    storage::Database &m_db;
    const Clock &m_clock;
};

// Registers the applier (stream cross_province_changes) with storage::registerStreamApplier. Idempotent.
void registerCrossProvinceApplier();

} // namespace windowdesk::cases
