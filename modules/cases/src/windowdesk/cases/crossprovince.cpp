#include "crossprovince.h"

#include "caseslogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/core/regiondirectory.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/personaldata.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
QVariant nullIfEmpty(const QString &s) {
    return s.isEmpty() ? QVariant() : QVariant(s);
}
QJsonValue jsonOrNull(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void applicantProblems(const ApplicantInput &a, const QDate &today, FieldProblems &p) {
    const bool entity = a.kind == u"entity"_s;
    if (a.name.trimmed().isEmpty())
        p.insert(u"applicant.name"_s, entity ? u"请填写法定代表人或经办人姓名"_s : u"请填写申请人姓名"_s);
    if (a.idNumber.trimmed().isEmpty()) {
        p.insert(u"applicant.id_number"_s, u"请填写申请人证件号码"_s);
    } else if (a.idType == u"resident_id"_s) {
        const auto r = core::validateResidentId(a.idNumber, today);
        if (!r.valid)
            p.insert(u"applicant.id_number"_s, r.message);
    }
    if (!a.phone.trimmed().isEmpty()) {
        const auto r = core::validatePhone(a.phone);
        if (!r.valid)
            p.insert(u"applicant.phone"_s, r.message);
    }
    if (entity) {
        if (a.entityName.trimmed().isEmpty())
            p.insert(u"applicant.entity_name"_s, u"请填写单位名称"_s);
        const auto r = core::validateUscc(a.uscc);
        if (!r.valid)
            p.insert(u"applicant.uscc"_s,
                     a.uscc.trimmed().isEmpty() ? u"请填写统一社会信用代码"_s : r.message);
    }
}
} // namespace

QJsonArray materialsToJson(const QList<CrossProvinceMaterial> &materials) {
    QJsonArray out;
    for (const auto &m : materials)
        out.append(QJsonObject{{u"name"_s, m.name.trimmed()}, {u"copies"_s, m.copies}, {u"form"_s, m.form}});
    return out;
}

QList<CrossProvinceMaterial> materialsFromJson(const QJsonArray &array) {
    QList<CrossProvinceMaterial> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        CrossProvinceMaterial m;
        m.name = o.value(u"name"_s).toString();
        m.copies = o.value(u"copies"_s).toInt(1);
        m.form = o.value(u"form"_s).toString(u"paper"_s);
        m.checked = true; // stored materials were all checked at intake
        out.append(m);
    }
    return out;
}

bool CrossProvinceReceipt::lateOn(const QDate &today) const {
    return state == u"received"_s && forwardDue.isValid() && today > forwardDue;
}

QString crossProvinceStateName(const QString &state) {
    static const QHash<QString, QString> names{{u"received"_s, u"已收件待移交"_s},
                                               {u"forwarded"_s, u"已移交"_s},
                                               {u"accepted_by_target"_s, u"对方已受理"_s},
                                               {u"rejected_by_target"_s, u"对方不予受理"_s},
                                               {u"completed"_s, u"已办结"_s},
                                               {u"returned_to_applicant"_s, u"已退还申请人"_s}};
    return names.value(state, state);
}

CrossProvinceService::CrossProvinceService(storage::Database &db, const Clock &clock,
                                           storage::AuditLog *audit, WindowContext window)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_window(std::move(window)) {}

FieldProblems CrossProvinceService::problems(const CrossProvinceInput &in, const QDate &today) {
    FieldProblems p;
    const QString region = in.targetRegion.trimmed();
    if (region.isEmpty())
        p.insert(u"target_region"_s, u"请选择受理地行政区划"_s);
    else if (!core::RegionDirectory::embedded().find(region))
        p.insert(u"target_region"_s, u"未知的行政区划代码：%1"_s.arg(region));
    if (in.targetAuthority.trimmed().isEmpty())
        p.insert(u"target_authority"_s, u"请填写受理地的受理部门"_s);
    if (in.itemName.trimmed().isEmpty())
        p.insert(u"item_name"_s, u"请填写办理事项名称"_s);
    applicantProblems(in.applicant, today, p);
    if (in.materials.isEmpty())
        p.insert(u"materials"_s, u"请至少登记一份申请材料"_s);
    for (int i = 0; i < in.materials.size(); ++i) {
        const CrossProvinceMaterial &m = in.materials.at(i);
        const QString key = u"material.%1"_s.arg(i);
        if (m.name.trimmed().isEmpty())
            p.insert(key, u"第 %1 项材料没有名称"_s.arg(i + 1));
        else if (m.copies < 1)
            p.insert(key, u"材料「%1」的份数至少为 1"_s.arg(m.name.trimmed()));
        else if (m.form != u"paper"_s && m.form != u"electronic"_s)
            p.insert(key, u"材料「%1」的形式应为纸质或电子"_s.arg(m.name.trimmed()));
        else if (!m.checked)
            p.insert(key, u"材料「%1」尚未核对"_s.arg(m.name.trimmed()));
    }
    if (in.handoverMethod != u"post"_s && in.handoverMethod != u"platform"_s)
        p.insert(u"handover_method"_s, u"请选择移交方式（邮寄或平台流转）"_s);
    return p;
}

QDate CrossProvinceService::forwardDue(const QDateTime &createdAtUtc) const {
    const QDate day = core::cstDate(createdAtUtc);
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    if (cal.ok())
        if (auto d = core::dueDate(day, 1, cal.value()); d.ok())
            return d->date;
    QDate next = day.addDays(1); // no calendar for that year: Monday to Friday
    while (next.dayOfWeek() > 5)
        next = next.addDays(1);
    return next;
}

Result<CrossProvinceReceipt> CrossProvinceService::receive(const CrossProvinceInput &in) {
    const FieldProblems p = problems(in, m_clock.todayCst());
    if (!p.isEmpty())
        return Error{u"invalid_argument"_s, p.first()};
    const core::Region *region = core::RegionDirectory::embedded().find(in.targetRegion.trimmed());
    const QString localId = newId();
    const QDateTime now = m_clock.nowUtc();
    const QString createdAt = now.toString(Qt::ISODate);
    const QDate due = forwardDue(now);
    const ApplicantInput &a = in.applicant;
    const bool entity = a.kind == u"entity"_s;
    const QString idNumber = core::normalizeIdentifier(a.idNumber);
    const QString phone = core::normalizePhone(a.phone);
    const QString tracking = in.trackingNo.trimmed();
    const QJsonArray materials = materialsToJson(in.materials);
    // The exact body, the same on every attempt (sync-rules.md rule 2).
    const QJsonObject body{
        {u"local_id"_s, localId},
        {u"target_region"_s, region->code},
        {u"target_authority"_s, in.targetAuthority.trimmed()},
        {u"item_name"_s, in.itemName.trimmed()},
        {u"item_code"_s, jsonOrNull(in.itemCode.trimmed())},
        {u"applicant"_s,
         QJsonObject{{u"kind"_s, entity ? u"entity"_s : u"person"_s},
                     {u"name"_s, a.name.trimmed()},
                     {u"id_type"_s, a.idType},
                     {u"id_number"_s, idNumber},
                     {u"phone"_s, jsonOrNull(phone)},
                     {u"entity_name"_s, entity ? jsonOrNull(a.entityName.trimmed()) : QJsonValue()},
                     {u"uscc"_s, entity ? jsonOrNull(core::normalizeIdentifier(a.uscc)) : QJsonValue()}}},
        {u"materials"_s, materials},
        {u"handover"_s,
         QJsonObject{{u"method"_s, in.handoverMethod}, {u"tracking_no"_s, jsonOrNull(tracking)}}},
        {u"clerk_id"_s, m_window.clerkId},
        {u"window_no"_s, m_window.windowNo},
        {u"created_at"_s, createdAt}};
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // Sealed at rest (migration 0014): the full values leave only in the outbox's sealed body.
    const storage::PersonalData pd(m_db);
    const Status st = m_db.write([&]() -> Status {
        Status s = m_db.exec(
            u"INSERT INTO cross_province_receipts (local_id, origin, target_region, target_region_name, "
            u"target_authority, item_name, item_code, applicant_kind, applicant_name, applicant_id_type, "
            u"applicant_id_number, applicant_id_masked, applicant_phone, entity_name, uscc, materials_json, "
            u"handover_method, tracking_no, clerk_id, window_no, created_at, forward_due, state, updated_at) "
            u"VALUES (?, 'local', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)"_s,
            {localId,
             region->code,
             region->fullName,
             in.targetAuthority.trimmed(),
             in.itemName.trimmed(),
             nullIfEmpty(in.itemCode.trimmed()),
             entity ? u"entity"_s : u"person"_s,
             a.name.trimmed(),
             a.idType,
             pd.seal(nullIfEmpty(idNumber), storage::pdcolumn::crossProvinceIdNumber, localId),
             core::maskIdNumber(idNumber),
             pd.seal(nullIfEmpty(phone), storage::pdcolumn::crossProvincePhone, localId),
             entity ? nullIfEmpty(a.entityName.trimmed()) : QVariant(),
             entity ? nullIfEmpty(core::normalizeIdentifier(a.uscc)) : QVariant(),
             QString::fromUtf8(QJsonDocument(materials).toJson(QJsonDocument::Compact)),
             in.handoverMethod,
             nullIfEmpty(tracking),
             m_window.clerkId,
             m_window.windowNo,
             createdAt,
             due.toString(Qt::ISODate),
             createdAt});
        if (!s.ok())
            return s;
        auto op =
            storage::OutboxRepository(m_db, m_clock)
                .enqueue({u"cross_province_receipt"_s, localId, {}, u"/cross-province/receipts"_s, payload});
        if (!op.ok())
            return op.error();
        if (m_audit)
            s = m_audit->append({m_window.clerkId, u"cross_province_received"_s, localId,
                                 QJsonObject{{u"target_region"_s, region->code},
                                             {u"materials"_s, int(in.materials.size())},
                                             {u"applicant_id"_s, core::maskIdNumber(idNumber)},
                                             {u"op_id"_s, op.value()}}});
        return s;
    });
    if (!st.ok())
        return st.error();
    qCInfo(lcCases) << "cross-province receipt" << localId << "for" << region->code;
    return CrossProvinceRepository(m_db, m_clock).find(localId);
}

Result<CrossProvinceReceipt> CrossProvinceService::recordEvent(const QString &localId, const QString &type,
                                                               const QString &trackingNo,
                                                               const QString &note) {
    auto found = CrossProvinceRepository(m_db, m_clock).find(localId);
    if (!found.ok())
        return found.error();
    const CrossProvinceReceipt &r = found.value();
    if (r.origin != u"local"_s)
        return Error{u"forbidden"_s, u"只能处理本窗口收件的跨省通办件"_s};
    QString tracking = trackingNo.trimmed();
    if (type == u"forwarded"_s) {
        if (r.state != u"received"_s)
            return Error{u"state_conflict"_s,
                         u"该件当前状态为「%1」，不能再移交"_s.arg(crossProvinceStateName(r.state))};
        if (tracking.isEmpty())
            tracking = r.trackingNo;
        if (r.handoverMethod == u"post"_s && tracking.isEmpty())
            return Error{u"invalid_argument"_s, u"邮寄移交须填写快递单号"_s};
    } else if (type == u"returned_to_applicant"_s) {
        if (r.state != u"received"_s && r.state != u"rejected_by_target"_s)
            return Error{u"state_conflict"_s,
                         u"该件当前状态为「%1」，不能退还申请人"_s.arg(crossProvinceStateName(r.state))};
    } else {
        return Error{u"invalid_argument"_s, u"事件类型应为移交或退还申请人"_s};
    }
    const QString eventId = newId();
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QJsonObject event{{u"local_id"_s, eventId},
                            {u"type"_s, type},
                            {u"tracking_no"_s, jsonOrNull(tracking)},
                            {u"note"_s, note.trimmed()},
                            {u"at"_s, at}};
    QJsonArray events = r.events;
    events.append(event);
    const Status st = m_db.write([&]() -> Status {
        Status s = m_db.exec(
            u"UPDATE cross_province_receipts SET state = ?, events_json = ?, tracking_no = COALESCE(?, "
            u"tracking_no), forwarded_at = CASE WHEN ? = 'forwarded' THEN ? ELSE forwarded_at END, "
            u"updated_at = ? "
            u"WHERE local_id = ?"_s,
            {type, QString::fromUtf8(QJsonDocument(events).toJson(QJsonDocument::Compact)),
             nullIfEmpty(tracking), type, at, at, localId});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"cross_province_event"_s, eventId, localId,
                                u"/cross-province/receipts/{receipt_no}/events"_s,
                                QJsonDocument(event).toJson(QJsonDocument::Compact)});
        if (!op.ok())
            return op.error();
        if (m_audit)
            s = m_audit->append({m_window.clerkId, u"cross_province_"_s + type, localId,
                                 QJsonObject{{u"event"_s, eventId}, {u"op_id"_s, op.value()}}});
        return s;
    });
    if (!st.ok())
        return st.error();
    return CrossProvinceRepository(m_db, m_clock).find(localId);
}

// ---- CrossProvinceRepository ----------------------------------------------------------------------------

namespace {
const QString kColumns =
    u"local_id, receipt_no, origin, target_region, target_region_name, target_authority, item_name, "
    u"item_code, "
    u"applicant_kind, applicant_name, applicant_id_type, applicant_id_number, applicant_id_masked, "
    u"applicant_phone, entity_name, uscc, materials_json, handover_method, tracking_no, clerk_id, window_no, "
    u"created_at, forward_due, state, target_case_no, events_json, version, platform_message, "
    u"(SELECT o.state FROM outbox o WHERE o.kind = 'cross_province_receipt' AND o.local_id = r.local_id "
    u"ORDER BY o.seq DESC LIMIT 1)"_s;

CrossProvinceReceipt readRow(const QSqlQuery &q, const storage::PersonalData &pd) {
    CrossProvinceReceipt r;
    int i = 0;
    r.localId = q.value(i++).toString();
    r.receiptNo = q.value(i++).toString();
    r.origin = q.value(i++).toString();
    r.targetRegion = q.value(i++).toString();
    r.targetRegionName = q.value(i++).toString();
    r.targetAuthority = q.value(i++).toString();
    r.itemName = q.value(i++).toString();
    r.itemCode = q.value(i++).toString();
    r.applicantKind = q.value(i++).toString();
    r.applicantName = q.value(i++).toString();
    r.applicantIdType = q.value(i++).toString();
    ++i; // applicant_id_number: never read into a list
    r.applicantIdMasked = q.value(i++).toString();
    const QString phone = pd.open(q.value(i++), storage::pdcolumn::crossProvincePhone, r.localId);
    r.applicantPhoneMasked = core::maskPhone(phone);
    r.entityName = q.value(i++).toString();
    r.uscc = q.value(i++).toString();
    r.materials = materialsFromJson(QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).array());
    r.handoverMethod = q.value(i++).toString();
    r.trackingNo = q.value(i++).toString();
    r.clerkId = q.value(i++).toString();
    r.windowNo = q.value(i++).toString();
    r.createdAt = q.value(i++).toString();
    r.forwardDue = QDate::fromString(q.value(i++).toString(), Qt::ISODate);
    r.state = q.value(i++).toString();
    r.targetCaseNo = q.value(i++).toString();
    r.events = QJsonDocument::fromJson(q.value(i++).toString().toUtf8()).array();
    r.version = q.value(i++).toInt();
    r.platformMessage = q.value(i++).toString();
    r.outboxState = q.value(i++).toString();
    return r;
}
} // namespace

Result<QList<CrossProvinceReceipt>> CrossProvinceRepository::list(const QString &windowNo, int limit) const {
    const bool hall = windowNo.isEmpty();
    auto q = m_db.query(u"SELECT "_s + kColumns + u" FROM cross_province_receipts r "_s +
                            (hall ? QString() : u"WHERE window_no = ? "_s) +
                            u"ORDER BY created_at DESC, local_id LIMIT ?"_s,
                        hall ? QVariantList{limit} : QVariantList{windowNo, limit});
    if (!q.ok())
        return q.error();
    const storage::PersonalData pd(m_db);
    QList<CrossProvinceReceipt> out;
    while (q->next())
        out.append(readRow(*q, pd));
    return out;
}

Result<CrossProvinceReceipt> CrossProvinceRepository::find(const QString &localId) const {
    auto q = m_db.query(u"SELECT "_s + kColumns + u" FROM cross_province_receipts r WHERE local_id = ?"_s,
                        {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这个跨省通办件"_s};
    return readRow(*q, storage::PersonalData(m_db));
}

Result<QList<CrossProvinceRecent>> CrossProvinceRepository::recent(int limit) const {
    auto q = m_db.query(
        u"SELECT target_region, target_region_name, target_authority, item_name, item_code, materials_json "
        u"FROM cross_province_receipts r WHERE created_at = (SELECT max(created_at) FROM "
        u"cross_province_receipts "
        u"x WHERE x.target_region = r.target_region AND x.target_authority = r.target_authority AND "
        u"x.item_name = "
        u"r.item_name) ORDER BY created_at DESC LIMIT ?"_s,
        {limit});
    if (!q.ok())
        return q.error();
    QList<CrossProvinceRecent> out;
    while (q->next()) {
        CrossProvinceRecent r;
        r.targetRegion = q->value(0).toString();
        r.targetRegionName = q->value(1).toString();
        r.targetAuthority = q->value(2).toString();
        r.itemName = q->value(3).toString();
        r.itemCode = q->value(4).toString();
        r.materials = materialsFromJson(QJsonDocument::fromJson(q->value(5).toString().toUtf8()).array());
        for (auto &m : r.materials)
            m.checked = false; // checked again for each applicant
        out.append(r);
    }
    return out;
}

Result<int> CrossProvinceRepository::lateCount() const {
    auto q = m_db.query(
        u"SELECT count(*) FROM cross_province_receipts WHERE state = 'received' AND forward_due < ?"_s,
        {m_clock.todayCst().toString(Qt::ISODate)});
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

} // namespace windowdesk::cases
