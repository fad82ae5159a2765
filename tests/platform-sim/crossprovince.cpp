// 跨省通办 异地代收代办 (platform-api.md 1.1): receipts taken at a window for an authority of another
// province, their events, the hall's changes feed, and the target province's back office (it accepts a
// forwarded receipt with its own case number, or rejects every fourth; an accepted one is completed on the
// next step). Only on a 1.1 simulator: a 1.0 one answers 404 not_found on these paths.
#include "platform.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::sim {

namespace {
QByteArray toJson(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QJsonObject parse(const QByteArray &b, bool *ok) {
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(b, &e);
    *ok = e.error == QJsonParseError::NoError && d.isObject();
    return d.object();
}
const QStringList kIdTypes = {u"resident_id"_s, u"hk_macao_permit"_s, u"taiwan_permit"_s,
                              u"foreign_permanent_residence"_s, u"passport"_s};
} // namespace

bool Platform::openCrossProvince() {
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS cp_receipts(receipt_no TEXT PRIMARY KEY, local_id TEXT NOT NULL UNIQUE,"
        " hall TEXT NOT NULL, n INTEGER NOT NULL, body BLOB NOT NULL, state TEXT NOT NULL, forward_due TEXT "
        "NOT "
        "NULL, target_case_no TEXT, events TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,"
        " seq INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS cp_receipts_seq ON cp_receipts(hall, seq)"_s,
    };
    for (const QString &s : schema)
        if (!exec(s))
            return false;
    QSqlQuery q(m_db);
    q.exec(u"SELECT COALESCE(MAX(seq), 0), COALESCE(MAX(n), 0) FROM cp_receipts"_s);
    if (q.next()) {
        m_seq = qMax(m_seq, q.value(0).toLongLong());
        m_receiptCounter = q.value(1).toLongLong();
    }
    return true;
}

QJsonObject Platform::receiptJson(const QString &receiptNo, QString *hall) {
    QSqlQuery &q =
        prepared(u"SELECT body, state, forward_due, target_case_no, events, version, updated_at, hall"
                 " FROM cp_receipts WHERE receipt_no = ?"_s);
    q.addBindValue(receiptNo);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    o.insert(u"receipt_no"_s, receiptNo);
    o.insert(u"state"_s, q.value(1).toString());
    o.insert(u"forward_due"_s, q.value(2).toString());
    o.insert(u"target_case_no"_s,
             q.value(3).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(3).toString()));
    o.insert(u"events"_s, QJsonDocument::fromJson(q.value(4).toByteArray()).array());
    o.insert(u"version"_s, q.value(5).toInt());
    o.insert(u"updated_at"_s, q.value(6).toString());
    if (hall)
        *hall = q.value(7).toString();
    q.finish();
    return o;
}

Response Platform::crossProvinceRoute(const Request &r, const User &u, const QStringList &p) {
    const bool get = r.method == "GET", post = r.method == "POST";
    const int n = int(p.size());
    if (!m_options.api11)
        return error(404, u"not_found"_s, u"没有这个接口"_s);
    if (get && n == 2 && p[1] == u"changes"_s)
        return receiptChanges(r, u);
    if (post && n == 2 && p[1] == u"receipts"_s)
        return keyed(r, u, [&] { return postReceipt(r, u); });
    if (post && n == 4 && p[1] == u"receipts"_s && p[3] == u"events"_s)
        return keyed(r, u, [&] { return receiptEvent(r, u, p[2]); });
    return error(404, u"not_found"_s, u"没有这个接口"_s);
}

Response Platform::postReceipt(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parse(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QJsonObject fields;
    const QString localId = b.value(u"local_id"_s).toString();
    if (localId.isEmpty()) {
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    } else {
        QSqlQuery &q = prepared(u"SELECT receipt_no FROM cp_receipts WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该跨省通办件已登记"_s,
                         QJsonObject{{u"record"_s, receiptJson(existing)}});
        }
        q.finish();
    }
    static const QRegularExpression sixDigits(u"^[1-8][0-9]{5}$"_s);
    if (!sixDigits.match(b.value(u"target_region"_s).toString()).hasMatch())
        fields.insert(u"target_region"_s, u"行政区划代码应为 6 位数字（GB/T 2260）"_s);
    if (b.value(u"target_authority"_s).toString().trimmed().isEmpty())
        fields.insert(u"target_authority"_s, u"请填写受理部门"_s);
    if (b.value(u"item_name"_s).toString().trimmed().isEmpty())
        fields.insert(u"item_name"_s, u"请填写事项名称"_s);
    const QJsonObject a = b.value(u"applicant"_s).toObject();
    const QString kind = a.value(u"kind"_s).toString();
    if (kind != u"person"_s && kind != u"entity"_s)
        fields.insert(u"applicant.kind"_s, u"申请人类型应为 person 或 entity"_s);
    if (a.value(u"name"_s).toString().trimmed().isEmpty())
        fields.insert(u"applicant.name"_s, u"请填写姓名"_s);
    if (!kIdTypes.contains(a.value(u"id_type"_s).toString()))
        fields.insert(u"applicant.id_type"_s, u"证件类型无效"_s);
    if (a.value(u"id_number"_s).toString().trimmed().isEmpty())
        fields.insert(u"applicant.id_number"_s, u"请填写证件号码"_s);
    const QJsonArray materials = b.value(u"materials"_s).toArray();
    if (materials.isEmpty())
        fields.insert(u"materials"_s, u"至少一份材料"_s);
    for (int i = 0; i < materials.size(); ++i) {
        const QJsonObject m = materials.at(i).toObject();
        const QString form = m.value(u"form"_s).toString();
        if (m.value(u"name"_s).toString().trimmed().isEmpty() || !m.value(u"copies"_s).isDouble() ||
            m.value(u"copies"_s).toInt() < 1 || (form != u"paper"_s && form != u"electronic"_s))
            fields.insert(u"materials[%1]"_s.arg(i), u"材料名称、份数（至少 1）或形式无效"_s);
    }
    const QString method = b.value(u"handover"_s).toObject().value(u"method"_s).toString();
    if (method != u"post"_s && method != u"platform"_s)
        fields.insert(u"handover.method"_s, u"应为 post 或 platform"_s);
    const QDateTime created = QDateTime::fromString(b.value(u"created_at"_s).toString(), Qt::ISODate);
    if (!created.isValid())
        fields.insert(u"created_at"_s, u"时间格式应为 RFC 3339"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"跨省通办收件未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    const qint64 number = ++m_receiptCounter;
    const QString receiptNo =
        u"KS%1%2"_s.arg(cstDate(created).toString(u"yyyyMMdd"_s)).arg(number, 6, 10, QLatin1Char('0'));
    const QString due = addWorkingDays(cstDate(created), 1).toString(Qt::ISODate);
    const QString at = iso(now());
    QSqlQuery &ins =
        prepared(u"INSERT INTO cp_receipts(receipt_no, local_id, hall, n, body, state, forward_due,"
                 " target_case_no, events, version, updated_at, seq)"
                 " VALUES (?, ?, ?, ?, ?, 'received', ?, NULL, '[]', 1, ?, ?)"_s);
    ins.addBindValue(receiptNo);
    ins.addBindValue(localId);
    ins.addBindValue(u.hallId);
    ins.addBindValue(number);
    ins.addBindValue(toJson(b));
    ins.addBindValue(due);
    ins.addBindValue(at);
    ins.addBindValue(nextSeq());
    if (!ins.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(201, receiptJson(receiptNo));
}

bool Platform::moveReceipt(const QString &receiptNo, const QString &state, const QJsonObject &event,
                           const QString &targetCaseNo) {
    QSqlQuery &q = prepared(u"SELECT events FROM cp_receipts WHERE receipt_no = ?"_s);
    q.addBindValue(receiptNo);
    q.exec();
    if (!q.next())
        return false;
    QJsonArray events = QJsonDocument::fromJson(q.value(0).toByteArray()).array();
    q.finish();
    events.append(event);
    QSqlQuery &u =
        prepared(u"UPDATE cp_receipts SET state = ?, events = ?, target_case_no = COALESCE(?, "
                 "target_case_no), version = version + 1, updated_at = ?, seq = ? WHERE receipt_no = ?"_s);
    u.addBindValue(state);
    u.addBindValue(QJsonDocument(events).toJson(QJsonDocument::Compact));
    u.addBindValue(targetCaseNo.isEmpty() ? QVariant() : QVariant(targetCaseNo));
    u.addBindValue(iso(now()));
    u.addBindValue(nextSeq());
    u.addBindValue(receiptNo);
    return u.exec();
}

Response Platform::receiptEvent(const Request &r, const User &u, const QString &receiptNo) {
    bool ok = false;
    const QJsonObject b = parse(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    const QJsonObject receipt = receiptJson(receiptNo, &hall);
    if (receipt.isEmpty() || hall != u.hallId)
        return error(404, u"not_found"_s, u"跨省通办件不存在"_s);
    const QString type = b.value(u"type"_s).toString();
    const QString state = receipt.value(u"state"_s).toString();
    if (type != u"forwarded"_s && type != u"returned_to_applicant"_s)
        return error(422, u"validation"_s, u"事件类型无效"_s,
                     QJsonObject{{u"fields"_s,
                                  QJsonObject{{u"type"_s, u"应为 forwarded 或 returned_to_applicant"_s}}}});
    const QStringList from = type == u"forwarded"_s ? QStringList{u"received"_s}
                                                    : QStringList{u"received"_s, u"rejected_by_target"_s};
    if (!from.contains(state))
        return error(409, u"state_conflict"_s, u"收件当前状态为 %1，不能执行 %2"_s.arg(state, type),
                     QJsonObject{{u"record"_s, receipt}});
    const QString tracking = b.value(u"tracking_no"_s).toString().trimmed();
    if (type == u"forwarded"_s && tracking.isEmpty() &&
        receipt.value(u"handover"_s).toObject().value(u"method"_s).toString() == u"post"_s)
        return error(
            422, u"validation"_s, u"邮寄移交须填写快递单号"_s,
            QJsonObject{{u"fields"_s, QJsonObject{{u"tracking_no"_s, u"邮寄移交须填写快递单号"_s}}}});
    if (!QDateTime::fromString(b.value(u"at"_s).toString(), Qt::ISODate).isValid())
        return error(422, u"validation"_s, u"时间格式无效"_s,
                     QJsonObject{{u"fields"_s, QJsonObject{{u"at"_s, u"时间格式应为 RFC 3339"_s}}}});
    const QJsonObject event{
        {u"local_id"_s, b.value(u"local_id"_s).toString()},
        {u"type"_s, type},
        {u"tracking_no"_s, tracking.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(tracking)},
        {u"note"_s, b.value(u"note"_s).toString()},
        {u"at"_s, b.value(u"at"_s).toString()},
        {u"by"_s, u.id}};
    if (!moveReceipt(receiptNo, type, event))
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(200, receiptJson(receiptNo));
}

Response Platform::receiptChanges(const Request &r, const User &u) {
    qint64 since = 0;
    Response failure;
    if (!parseCursor(u"cross_province"_s, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q = prepared(
        u"SELECT receipt_no, seq FROM cp_receipts WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(u.hallId);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    QStringList numbers;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (numbers.size() == limit) {
            more = true;
            break;
        }
        numbers.append(q.value(0).toString());
        last = q.value(1).toLongLong();
    }
    q.finish();
    QJsonArray receipts;
    for (const QString &no : numbers)
        receipts.append(receiptJson(no));
    return json(200, QJsonObject{{u"receipts"_s, receipts},
                                 {u"next_cursor"_s, makeCursor(u"cross_province"_s, last)},
                                 {u"has_more"_s, more}});
}

// The target province's side, one step: forwarded → accepted_by_target (its case number) or, for every
// fourth receipt, rejected_by_target; accepted_by_target → completed.
void Platform::crossProvinceStep() {
    QSqlQuery q(m_db);
    q.exec(u"SELECT receipt_no, state, n, json_extract(body, '$.target_region') FROM cp_receipts"
           " WHERE state IN ('forwarded', 'accepted_by_target') ORDER BY seq"_s);
    QList<std::tuple<QString, QString, qint64, QString>> open;
    while (q.next())
        open.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toString()});
    q.finish();
    if (open.isEmpty())
        return;
    m_db.transaction();
    const QString at = iso(now());
    for (const auto &[no, state, n, region] : open) {
        if (state == u"forwarded"_s && n % 4 == 0) {
            moveReceipt(no, u"rejected_by_target"_s,
                        QJsonObject{{u"type"_s, u"rejected_by_target"_s},
                                    {u"note"_s, u"材料不符合受理地要求"_s},
                                    {u"at"_s, at},
                                    {u"by"_s, u"target"_s}});
        } else if (state == u"forwarded"_s) {
            const QString caseNo = u"%1-SL-%2"_s.arg(region).arg(n, 6, 10, QLatin1Char('0'));
            moveReceipt(no, u"accepted_by_target"_s,
                        QJsonObject{{u"type"_s, u"accepted_by_target"_s},
                                    {u"target_case_no"_s, caseNo},
                                    {u"at"_s, at},
                                    {u"by"_s, u"target"_s}},
                        caseNo);
        } else {
            moveReceipt(no, u"completed"_s,
                        QJsonObject{{u"type"_s, u"completed"_s}, {u"at"_s, at}, {u"by"_s, u"target"_s}});
        }
    }
    m_db.commit();
}

} // namespace windowdesk::sim
