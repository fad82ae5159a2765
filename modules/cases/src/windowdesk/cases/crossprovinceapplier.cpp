#include "crossprovinceapplier.h"

#include "caseslogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/regiondirectory.h>
#include <windowdesk/storage/database.h>

#include <QDate>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
const QStringList kStates = {u"received"_s,           u"forwarded"_s, u"accepted_by_target"_s,
                             u"rejected_by_target"_s, u"completed"_s, u"returned_to_applicant"_s};
const QString kKindReceipt = u"cross_province_receipt"_s;
const QString kKindEvent = u"cross_province_event"_s;

QVariant textOrNull(const QJsonValue &v) {
    return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant();
}
QString compact(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}
} // namespace

QString CrossProvinceStreamApplier::stream() const {
    return u"cross_province_changes"_s;
}

QString CrossProvinceStreamApplier::path() const {
    return u"/cross-province/changes"_s;
}

QString CrossProvinceStreamApplier::listKey() const {
    return u"receipts"_s;
}

QStringList CrossProvinceStreamApplier::outboxKinds() const {
    return {kKindReceipt, kKindEvent};
}

QString CrossProvinceStreamApplier::pathPlaceholder() const {
    return u"{receipt_no}"_s;
}

bool CrossProvinceStreamApplier::requiresApi11(const QString &kind) const {
    return kind == kKindReceipt || kind == kKindEvent;
}

bool CrossProvinceStreamApplier::wellFormed(const QJsonObject &r) {
    return !r.value(u"receipt_no"_s).toString().isEmpty() &&
           kStates.contains(r.value(u"state"_s).toString()) && r.value(u"version"_s).isDouble() &&
           (r.value(u"forward_due"_s).isUndefined() || r.value(u"forward_due"_s).isNull() ||
            QDate::fromString(r.value(u"forward_due"_s).toString(), Qt::ISODate).isValid()) &&
           (r.value(u"events"_s).isUndefined() || r.value(u"events"_s).isArray());
}

Result<storage::AppliedPage> CrossProvinceStreamApplier::applyPage(const QJsonArray &records) {
    storage::AppliedPage page;
    int i = 0;
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        const QString idx = u"#%1"_s.arg(i++);
        if (!wellFormed(r)) {
            const QString no = r.value(u"receipt_no"_s).toString();
            page.rejected.append({no.isEmpty() ? idx : no, u"invalid cross-province receipt"_s});
            continue;
        }
        auto applied = applyReceipt(r, {});
        if (!applied.ok())
            return applied.error();
        if (applied.value())
            ++page.applied;
    }
    return page;
}

Result<bool> CrossProvinceStreamApplier::applyReceipt(const QJsonObject &r, const QString &localIdHint) {
    const QString receiptNo = r.value(u"receipt_no"_s).toString();
    const QString localIdInRecord = r.value(u"local_id"_s).toString();
    // Ours by number, or by local_id when our POST's answer was lost.
    auto q = m_db.query(u"SELECT local_id, version FROM cross_province_receipts WHERE receipt_no = ? OR "
                        u"(receipt_no IS NULL AND local_id IN (?, ?))"_s,
                        {receiptNo, localIdInRecord, localIdHint.isEmpty() ? localIdInRecord : localIdHint});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        if (Status s = insertOtherWindow(r); !s.ok())
            return s.error();
        return true;
    }
    const QString localId = q->value(0).toString();
    const int localVersion = q->value(1).toInt();
    q->finish();
    const int version = r.value(u"version"_s).toInt();
    if (version <= localVersion)
        return false; // older or the same: never overwrite a newer one
    const Status s = m_db.exec(
        u"UPDATE cross_province_receipts SET receipt_no = ?, state = ?, target_case_no = ?, events_json = ?, "
        u"forward_due = COALESCE(?, forward_due), version = ?, updated_at = ?, platform_message = NULL "
        u"WHERE local_id = ?"_s,
        {receiptNo, r.value(u"state"_s).toString(), textOrNull(r.value(u"target_case_no"_s)),
         compact(r.value(u"events"_s).toArray()), textOrNull(r.value(u"forward_due"_s)), version,
         r.value(u"updated_at"_s).toString(m_clock.nowUtc().toString(Qt::ISODate)), localId});
    if (!s.ok())
        return s.error();
    return true;
}

// Another window's receipt (the hall-wide feed): kept with the masked id only.
Status CrossProvinceStreamApplier::insertOtherWindow(const QJsonObject &r) {
    const QJsonObject a = r.value(u"applicant"_s).toObject();
    const QString region = r.value(u"target_region"_s).toString();
    const core::Region *known = core::RegionDirectory::embedded().find(region);
    const QString localId = r.value(u"local_id"_s).toString(r.value(u"receipt_no"_s).toString());
    const QString createdAt = r.value(u"created_at"_s).toString();
    if (region.isEmpty() || createdAt.isEmpty() || a.value(u"name"_s).toString().isEmpty())
        return {}; // not enough to show: skipped
    const QString masked = core::maskIdNumber(a.value(u"id_number"_s).toString());
    return m_db.exec(
        u"INSERT OR IGNORE INTO cross_province_receipts (local_id, receipt_no, origin, target_region, "
        u"target_region_name, target_authority, item_name, item_code, applicant_kind, applicant_name, "
        u"applicant_id_type, applicant_id_number, applicant_id_masked, applicant_phone, entity_name, uscc, "
        u"materials_json, handover_method, tracking_no, clerk_id, window_no, created_at, forward_due, state, "
        u"target_case_no, events_json, version, updated_at) VALUES (?, ?, 'platform', ?, ?, ?, ?, ?, ?, ?, "
        u"?, "
        u"NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {localId,
         r.value(u"receipt_no"_s).toString(),
         region,
         known ? known->fullName : region,
         r.value(u"target_authority"_s).toString(),
         r.value(u"item_name"_s).toString(),
         textOrNull(r.value(u"item_code"_s)),
         a.value(u"kind"_s).toString(u"person"_s),
         a.value(u"name"_s).toString(),
         a.value(u"id_type"_s).toString(u"resident_id"_s),
         masked,
         textOrNull(a.value(u"entity_name"_s)),
         textOrNull(a.value(u"uscc"_s)),
         compact(r.value(u"materials"_s).toArray()),
         r.value(u"handover"_s).toObject().value(u"method"_s).toString(u"post"_s),
         textOrNull(r.value(u"handover"_s).toObject().value(u"tracking_no"_s)),
         r.value(u"clerk_id"_s).toString(),
         r.value(u"window_no"_s).toString(),
         createdAt,
         r.value(u"forward_due"_s).toString(),
         r.value(u"state"_s).toString(),
         textOrNull(r.value(u"target_case_no"_s)),
         compact(r.value(u"events"_s).toArray()),
         r.value(u"version"_s).toInt(),
         r.value(u"updated_at"_s).toString(createdAt)});
}

bool CrossProvinceStreamApplier::answerComplete(const storage::OutboxEntry &,
                                                const QJsonObject &answer) const {
    return wellFormed(answer);
}

Result<QString> CrossProvinceStreamApplier::platformId(const QString &localId) const {
    auto q = m_db.query(u"SELECT receipt_no FROM cross_province_receipts WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Status CrossProvinceStreamApplier::applyAnswer(const storage::OutboxEntry &entry, const QJsonObject &record) {
    if (!wellFormed(record))
        return {}; // e.g. a 409 without the receipt: nothing to take
    const QString localId = entry.kind == kKindReceipt ? entry.localId : entry.parentLocalId;
    auto applied = applyReceipt(record, localId);
    return applied.ok() ? Status() : Status(applied.error());
}

Status CrossProvinceStreamApplier::noteRejected(const storage::OutboxEntry &entry,
                                                const QJsonObject &message) {
    const QString localId = entry.kind == kKindReceipt ? entry.localId : entry.parentLocalId;
    QStringList parts{message.value(u"message"_s).toString()};
    const QJsonObject fields = message.value(u"fields"_s).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        parts.append(it.key() + u": "_s + it.value().toString());
    parts.removeAll(QString());
    qCWarning(lcCases) << "cross-province write rejected:" << entry.kind << entry.opId
                       << message.value(u"status"_s).toInt();
    return m_db.exec(u"UPDATE cross_province_receipts SET platform_message = ? WHERE local_id = ?"_s,
                     {core::maskPersonalDataInText(parts.join(u"；"_s)), localId});
}

void registerCrossProvinceApplier() {
    storage::registerStreamApplier(u"cross_province_changes"_s,
                                   [](storage::Database &db, const Clock &clock) {
                                       return std::unique_ptr<storage::StreamApplier>(
                                           std::make_unique<CrossProvinceStreamApplier>(db, clock));
                                   });
}

} // namespace windowdesk::cases
