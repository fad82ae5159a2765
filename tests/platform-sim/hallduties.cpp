// The simulated platform's hall duties of platform-api.md 1.1 (issue 16) other than 跨省通办: the extension
// of 依申请公开 cases, the 告知承诺 post-checks and the 办不成事 requests, with their back-office progress.
#include "platform.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSim)

namespace windowdesk::sim {

namespace {
QByteArray compactJson(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QJsonObject objectOf(const QByteArray &b, bool *ok) {
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(b, &e);
    *ok = e.error == QJsonParseError::NoError && d.isObject();
    return d.object();
}
QJsonValue nullOr(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}
const QStringList kUnresolvedCategories{u"no_matching_item"_s, u"conditions_unmet"_s, u"cross_department"_s,
                                        u"system_fault"_s,     u"policy_gap"_s,       u"other"_s};
const QStringList kOutcomes{u"confirmed"_s, u"false_commitment"_s, u"unable"_s};
const QStringList kConsequences{u"order_fix"_s, u"revoke"_s};
constexpr int kCheckDueDays = 20;  // the department's check is due 20 working days after it opens
constexpr int kReplyDueDays = 5;   // 办不成事: the reply within 5 working days (platform-api.md)
constexpr int kExtensionDays = 20; // 依申请公开: once, 20 working days
} // namespace

bool Platform::createDutiesSchema() {
    const QStringList schema = {
        u"CREATE TABLE IF NOT EXISTS commitment_checks(check_id TEXT PRIMARY KEY, hall TEXT NOT NULL,"
        " case_no TEXT NOT NULL, item_code TEXT NOT NULL, material_id TEXT NOT NULL, material_name TEXT NOT"
        " NULL, due_date TEXT NOT NULL, state TEXT NOT NULL, outcome_note TEXT, consequence TEXT,"
        " version INTEGER NOT NULL, updated_at TEXT NOT NULL, seq INTEGER NOT NULL, steps INTEGER NOT NULL"
        " DEFAULT 0, n INTEGER NOT NULL, UNIQUE(case_no, item_code, material_id))"_s,
        u"CREATE INDEX IF NOT EXISTS commitment_checks_seq ON commitment_checks(hall, seq)"_s,
        u"CREATE TABLE IF NOT EXISTS check_results(local_id TEXT PRIMARY KEY, check_id TEXT NOT NULL,"
        " json BLOB NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS unresolved(request_no TEXT PRIMARY KEY, local_id TEXT NOT NULL UNIQUE,"
        " hall TEXT NOT NULL, json BLOB NOT NULL, state TEXT NOT NULL, reply_due TEXT NOT NULL,"
        " actions TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, seq INTEGER NOT NULL,"
        " n INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS unresolved_seq ON unresolved(hall, seq)"_s,
    };
    for (const QString &s : schema)
        if (!exec(s))
            return false;
    QSqlQuery q(m_db);
    q.exec(u"SELECT MAX(m) FROM (SELECT MAX(seq) AS m FROM commitment_checks UNION ALL SELECT MAX(seq) FROM"
           " unresolved)"_s);
    if (q.next())
        m_seq = qMax(m_seq, q.value(0).toLongLong());
    return true;
}

QJsonArray Platform::caseExtensions(const QString &caseNo) {
    QSqlQuery &q = prepared(u"SELECT extensions FROM cases WHERE case_no = ?"_s);
    q.addBindValue(caseNo);
    q.exec();
    const QJsonArray a = q.next() ? QJsonDocument::fromJson(q.value(0).toByteArray()).array() : QJsonArray();
    q.finish();
    return a;
}

// ---- Routing -------------------------------------------------------------------------------------------

std::optional<Response> Platform::dutiesRoute(const Request &r, const User &u) {
    const QStringList p = r.path.split(u'/', Qt::SkipEmptyParts);
    const bool get = r.method == "GET", post = r.method == "POST";
    const int n = int(p.size());
    if (!m_options.api11)
        return std::nullopt; // a 1.0 platform: 404 not_found as for any unknown path
    if (p.value(0) == u"commitment-checks"_s) {
        if (get && n == 2 && p[1] == u"changes"_s)
            return checkChanges(r, u);
        if (post && n == 3 && p[2] == u"result"_s)
            return keyed(r, u, [&] { return postCheckResult(r, u, p[1]); });
    }
    if (p.value(0) == u"unresolved-requests"_s) {
        if (post && n == 1)
            return keyed(r, u, [&] { return postUnresolved(r, u); });
        if (get && n == 2 && p[1] == u"changes"_s)
            return unresolvedChanges(r, u);
    }
    return std::nullopt;
}

// ---- Commitment checks ----------------------------------------------------------------------------------

QJsonObject Platform::checkJson(const QString &checkId, QString *hall) {
    QSqlQuery &q =
        prepared(u"SELECT check_id, case_no, item_code, material_id, material_name, due_date, state,"
                 " outcome_note, consequence, version, updated_at, hall FROM commitment_checks"
                 " WHERE check_id = ?"_s);
    q.addBindValue(checkId);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o{{u"check_id"_s, q.value(0).toString()},
                  {u"case_no"_s, q.value(1).toString()},
                  {u"item_code"_s, q.value(2).toString()},
                  {u"material_id"_s, q.value(3).toString()},
                  {u"material_name"_s, q.value(4).toString()},
                  {u"due_date"_s, q.value(5).toString()},
                  {u"state"_s, q.value(6).toString()},
                  {u"outcome_note"_s, nullOr(q.value(7).toString())},
                  {u"consequence"_s, nullOr(q.value(8).toString())},
                  {u"version"_s, q.value(9).toLongLong()},
                  {u"updated_at"_s, q.value(10).toString()}};
    if (hall)
        *hall = q.value(11).toString();
    q.finish();
    return o;
}

Response Platform::checkChanges(const Request &r, const User &u) {
    qint64 since = 0;
    Response failure;
    if (!parseCursor(u"commitment_checks"_s, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q = prepared(
        u"SELECT check_id, seq FROM commitment_checks WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(u.hallId);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    QStringList ids;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (ids.size() == limit) {
            more = true;
            break;
        }
        ids.append(q.value(0).toString());
        last = q.value(1).toLongLong();
    }
    q.finish();
    QJsonArray checks;
    for (const QString &id : ids)
        checks.append(checkJson(id));
    return json(200, QJsonObject{{u"checks"_s, checks},
                                 {u"next_cursor"_s, makeCursor(u"commitment_checks"_s, last)},
                                 {u"has_more"_s, more}});
}

Response Platform::postCheckResult(const Request &r, const User &u, const QString &checkId) {
    bool ok = false;
    const QJsonObject b = objectOf(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    const QJsonObject check = checkJson(checkId, &hall);
    if (check.isEmpty() || hall != u.hallId)
        return error(404, u"unknown_check"_s, u"核查任务不存在"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT check_id FROM check_results WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该核查结果已登记"_s,
                         QJsonObject{{u"record"_s, checkJson(existing)}});
        }
        q.finish();
    }
    const QString outcome = b.value(u"outcome"_s).toString();
    const QJsonValue consequence = b.value(u"consequence"_s);
    if (!kOutcomes.contains(outcome))
        fields.insert(u"outcome"_s, u"核查结论应为 confirmed、false_commitment 或 unable"_s);
    if (outcome == u"false_commitment"_s && !kConsequences.contains(consequence.toString()))
        fields.insert(u"consequence"_s, u"虚假承诺须写明处理措施（责令整改或撤销）"_s);
    if (outcome != u"false_commitment"_s && !consequence.isNull() && !consequence.isUndefined())
        fields.insert(u"consequence"_s, u"只有虚假承诺才有处理措施"_s);
    if (b.value(u"note"_s).toString().trimmed().isEmpty())
        fields.insert(u"note"_s, u"请填写核查说明"_s);
    if (!QDateTime::fromString(b.value(u"at"_s).toString(), Qt::ISODate).isValid())
        fields.insert(u"at"_s, u"时间格式应为 RFC 3339"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"核查结果未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    if (check.value(u"state"_s).toString() != u"open"_s)
        return error(409, u"state_conflict"_s, u"核查已有结论，不能再登记"_s,
                     QJsonObject{{u"record"_s, check}});
    QSqlQuery &up = prepared(u"UPDATE commitment_checks SET state = ?, outcome_note = ?, consequence = ?,"
                             " version = version + 1, updated_at = ?, seq = ? WHERE check_id = ?"_s);
    up.addBindValue(outcome);
    up.addBindValue(b.value(u"note"_s).toString());
    up.addBindValue(outcome == u"false_commitment"_s ? QVariant(consequence.toString()) : QVariant());
    up.addBindValue(iso(now()));
    up.addBindValue(nextSeq());
    up.addBindValue(checkId);
    if (!up.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    const QJsonObject record = checkJson(checkId);
    QSqlQuery &ins = prepared(u"INSERT INTO check_results(local_id, check_id, json) VALUES (?, ?, ?)"_s);
    ins.addBindValue(localId);
    ins.addBindValue(checkId);
    ins.addBindValue(r.body);
    if (!ins.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    // 虚假承诺 with revocation: the case ends withdrawn (reason 虚假承诺), through the cases feed.
    if (outcome == u"false_commitment"_s && consequence.toString() == u"revoke"_s) {
        QSqlQuery &c =
            prepared(u"UPDATE cases SET status = 'withdrawn', version = version + 1, updated_at = ?,"
                     " seq = ? WHERE case_no = ?"_s);
        c.addBindValue(iso(now()));
        c.addBindValue(nextSeq());
        c.addBindValue(check.value(u"case_no"_s).toString());
        c.exec();
    }
    return json(200, record);
}

// The platform opens a check for each material accepted on commitment in an accepted case.
void Platform::openCommitmentChecks() {
    QSqlQuery q(m_db);
    q.exec(
        u"SELECT case_no, hall, request, accepted_at FROM cases WHERE request IS NOT NULL AND status NOT IN"
        " ('rejected', 'correction_required')"_s);
    struct Open {
        QString caseNo, hall, itemCode, materialId, materialName;
    };
    QList<Open> toOpen;
    while (q.next()) {
        const QJsonObject b = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
        if (b.value(u"decision"_s).toString() != u"accepted"_s)
            continue;
        for (const auto &mv : b.value(u"materials"_s).toArray()) {
            const QJsonObject m = mv.toObject();
            if (m.value(u"status"_s).toString() != u"commitment"_s)
                continue;
            const QString code = m.value(u"item_code"_s).toString(),
                          id = m.value(u"material_id"_s).toString();
            QString name = id;
            for (const auto &im : m_itemsCache.value(code).value(u"materials"_s).toArray())
                if (im.toObject().value(u"id"_s).toString() == id)
                    name = im.toObject().value(u"name"_s).toString();
            toOpen.append({q.value(0).toString(), q.value(1).toString(), code, id, name});
        }
    }
    q.finish();
    QSqlQuery count(m_db);
    count.exec(u"SELECT COALESCE(MAX(n), 0) FROM commitment_checks"_s);
    qint64 n = count.next() ? count.value(0).toLongLong() : 0;
    count.finish();
    const QString due = addWorkingDays(cstDate(now()), kCheckDueDays).toString(Qt::ISODate);
    for (const Open &o : toOpen) {
        QSqlQuery &ins = prepared(
            u"INSERT OR IGNORE INTO commitment_checks(check_id, hall, case_no, item_code, material_id,"
            " material_name, due_date, state, version, updated_at, seq, n) VALUES (?, ?, ?, ?, ?, ?, ?,"
            " 'open', 1, ?, ?, ?)"_s);
        ins.addBindValue(u"CK%1"_s.arg(n + 1, 6, 10, QChar(u'0')));
        ins.addBindValue(o.hall);
        ins.addBindValue(o.caseNo);
        ins.addBindValue(o.itemCode);
        ins.addBindValue(o.materialId);
        ins.addBindValue(o.materialName);
        ins.addBindValue(due);
        ins.addBindValue(iso(now()));
        ins.addBindValue(m_seq + 1);
        ins.addBindValue(n + 1);
        if (ins.exec() && ins.numRowsAffected() > 0) {
            nextSeq();
            ++n;
        }
    }
}

// The departments check some themselves: every third open check (by number) is confirmed by its
// department two steps after it opened; the others wait for the hall (the applicant is needed).
void Platform::departmentChecks() {
    QSqlQuery q(m_db);
    q.exec(u"UPDATE commitment_checks SET steps = steps + 1 WHERE state = 'open'"_s);
    q.exec(u"SELECT check_id FROM commitment_checks WHERE state = 'open' AND steps >= 2 AND n % 3 = 0"_s);
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : ids) {
        QSqlQuery &up = prepared(
            u"UPDATE commitment_checks SET state = 'confirmed', outcome_note = ?, version = version + 1,"
            " updated_at = ?, seq = ? WHERE check_id = ?"_s);
        up.addBindValue(u"主管部门现场核查，承诺属实"_s);
        up.addBindValue(iso(now()));
        up.addBindValue(nextSeq());
        up.addBindValue(id);
        up.exec();
    }
}

// ---- 办不成事 requests ------------------------------------------------------------------------------------

QJsonObject Platform::unresolvedJson(const QString &requestNo, QString *hall) {
    QSqlQuery &q =
        prepared(u"SELECT json, state, reply_due, actions, version, updated_at, hall FROM unresolved"
                 " WHERE request_no = ?"_s);
    q.addBindValue(requestNo);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    o.insert(u"request_no"_s, requestNo);
    o.insert(u"state"_s, q.value(1).toString());
    o.insert(u"reply_due"_s, q.value(2).toString());
    o.insert(u"actions"_s, QJsonDocument::fromJson(q.value(3).toByteArray()).array());
    o.insert(u"version"_s, q.value(4).toLongLong());
    o.insert(u"updated_at"_s, q.value(5).toString());
    if (hall)
        *hall = q.value(6).toString();
    q.finish();
    return o;
}

Response Platform::postUnresolved(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = objectOf(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT request_no FROM unresolved WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该反映已登记"_s,
                         QJsonObject{{u"record"_s, unresolvedJson(existing)}});
        }
        q.finish();
    }
    if (!kUnresolvedCategories.contains(b.value(u"category"_s).toString()))
        fields.insert(u"category"_s, u"反映类别无效"_s);
    if (b.value(u"description"_s).toString().trimmed().isEmpty())
        fields.insert(u"description"_s, u"请填写群众的诉求"_s);
    const QJsonObject a = b.value(u"applicant"_s).toObject();
    if (a.value(u"name"_s).toString().trimmed().isEmpty())
        fields.insert(u"applicant.name"_s, u"请填写反映人姓名"_s);
    static const QRegularExpression phone(u"^1[3-9]\\d{9}$"_s);
    if (!phone.match(a.value(u"phone"_s).toString()).hasMatch())
        fields.insert(u"applicant.phone"_s, u"联系电话应为11位手机号码"_s);
    const QJsonValue routed = b.value(u"routed_to"_s);
    if (!routed.isNull() && !routed.isUndefined() && routed.toString().trimmed().isEmpty())
        fields.insert(u"routed_to"_s, u"转办部门无效"_s);
    const QDateTime created = QDateTime::fromString(b.value(u"created_at"_s).toString(), Qt::ISODate);
    if (!created.isValid())
        fields.insert(u"created_at"_s, u"时间格式应为 RFC 3339"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"反映内容未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    QSqlQuery count(m_db);
    count.exec(u"SELECT COALESCE(MAX(n), 0) FROM unresolved"_s);
    const qint64 n = (count.next() ? count.value(0).toLongLong() : 0) + 1;
    count.finish();
    const QString requestNo =
        u"BBCS%1%2"_s.arg(cstDate(now()).toString(u"yyyyMMdd"_s)).arg(n, 5, 10, QChar(u'0'));
    QJsonObject stored = b;
    stored.insert(u"clerk_id"_s, b.value(u"clerk_id"_s).toString(u.id));
    QSqlQuery &ins =
        prepared(u"INSERT INTO unresolved(request_no, local_id, hall, json, state, reply_due, actions,"
                 " version, updated_at, seq, n) VALUES (?, ?, ?, ?, 'open', ?, '[]', 1, ?, ?, ?)"_s);
    ins.addBindValue(requestNo);
    ins.addBindValue(localId);
    ins.addBindValue(u.hallId);
    ins.addBindValue(compactJson(stored));
    ins.addBindValue(addWorkingDays(cstDate(created), kReplyDueDays).toString(Qt::ISODate));
    ins.addBindValue(iso(now()));
    ins.addBindValue(nextSeq());
    ins.addBindValue(n);
    if (!ins.exec()) {
        qCWarning(lcSim) << "unresolved insert failed:" << ins.lastError().text();
        return error(500, u"internal"_s, u"数据库错误"_s);
    }
    return json(201, unresolvedJson(requestNo));
}

Response Platform::unresolvedChanges(const Request &r, const User &u) {
    qint64 since = 0;
    Response failure;
    if (!parseCursor(u"unresolved_requests"_s, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q =
        prepared(u"SELECT request_no, seq FROM unresolved WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(u.hallId);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    QStringList nos;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (nos.size() == limit) {
            more = true;
            break;
        }
        nos.append(q.value(0).toString());
        last = q.value(1).toLongLong();
    }
    q.finish();
    QJsonArray requests;
    for (const QString &no : nos)
        requests.append(unresolvedJson(no));
    return json(200, QJsonObject{{u"requests"_s, requests},
                                 {u"next_cursor"_s, makeCursor(u"unresolved_requests"_s, last)},
                                 {u"has_more"_s, more}});
}

// The 12345-style back office: each step routes an open request (to the department the window named, or
// the hall's office), and answers a routed one (resolved, or explained when nothing can be done); an answered
// one is closed on the next step. Every third request (by number) stays routed: its reply goes overdue.
void Platform::unresolvedStep() {
    QSqlQuery q(m_db);
    q.exec(u"SELECT request_no, state, actions, json, n FROM unresolved WHERE state NOT IN ('closed')"_s);
    struct Move {
        QString requestNo, state;
        QJsonArray actions;
    };
    QList<Move> moves;
    const QString at = iso(now());
    while (q.next()) {
        const QString state = q.value(1).toString();
        QJsonArray actions = QJsonDocument::fromJson(q.value(2).toByteArray()).array();
        const QJsonObject b = QJsonDocument::fromJson(q.value(3).toByteArray()).object();
        const qint64 n = q.value(4).toLongLong();
        Move m{q.value(0).toString(), {}, actions};
        if (state == u"open"_s) {
            m.state = u"routed"_s;
            m.actions.append(QJsonObject{
                {u"type"_s, u"routed"_s},
                {u"note"_s, u"转%1办理"_s.arg(b.value(u"routed_to"_s).toString(u"政务服务中心"_s))},
                {u"at"_s, at}});
        } else if (state == u"routed"_s && n % 3 != 0) {
            const bool explained = b.value(u"category"_s).toString() == u"policy_gap"_s;
            m.state = explained ? u"explained"_s : u"resolved"_s;
            m.actions.append(QJsonObject{{u"type"_s, m.state},
                                         {u"note"_s, explained ? u"已向群众解释政策依据"_s : u"已协调办理"_s},
                                         {u"at"_s, at}});
        } else if (state == u"resolved"_s || state == u"explained"_s) {
            m.state = u"closed"_s;
            m.actions.append(
                QJsonObject{{u"type"_s, u"closed"_s}, {u"note"_s, u"回访满意，办结"_s}, {u"at"_s, at}});
        } else {
            continue;
        }
        moves.append(m);
    }
    q.finish();
    for (const Move &m : moves) {
        QSqlQuery &up = prepared(u"UPDATE unresolved SET state = ?, actions = ?, version = version + 1,"
                                 " updated_at = ?, seq = ? WHERE request_no = ?"_s);
        up.addBindValue(m.state);
        up.addBindValue(QJsonDocument(m.actions).toJson(QJsonDocument::Compact));
        up.addBindValue(at);
        up.addBindValue(nextSeq());
        up.addBindValue(m.requestNo);
        up.exec();
    }
}

// ---- 依申请公开 -----------------------------------------------------------------------------------------

// The disclosure office extends the reply limit once (20 working days) for an application it is working on:
// the legal due date moves by 20 working days (suspensions were already counted into it); the promised date
// does not move.
void Platform::extendDisclosures() {
    QSqlQuery q(m_db);
    q.exec(u"SELECT case_no, request, legal_due_date FROM cases WHERE status = 'in_progress' AND extensions "
           u"= '[]'"
           " AND legal_due_date IS NOT NULL"_s);
    QList<std::pair<QString, QString>> toExtend;
    while (q.next()) {
        const QJsonObject b = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        bool disclosure = false;
        for (const auto &c : b.value(u"item_codes"_s).toArray())
            disclosure = disclosure ||
                         m_itemsCache.value(c.toString()).value(u"type"_s).toString() == u"info_disclosure"_s;
        if (disclosure)
            toExtend.append({q.value(0).toString(), q.value(2).toString()});
    }
    q.finish();
    for (const auto &[caseNo, legalDue] : toExtend) {
        const QJsonArray ext{
            QJsonObject{{u"days"_s, kExtensionDays},
                        {u"at"_s, iso(now())},
                        {u"reason"_s, u"申请公开的信息需要多个部门协调，经负责人同意延长答复期限"_s}}};
        QSqlQuery &up =
            prepared(u"UPDATE cases SET extensions = ?, legal_due_date = ?, version = version + 1,"
                     " updated_at = ?, seq = ? WHERE case_no = ?"_s);
        up.addBindValue(QJsonDocument(ext).toJson(QJsonDocument::Compact));
        up.addBindValue(
            addWorkingDays(QDate::fromString(legalDue, Qt::ISODate), kExtensionDays).toString(Qt::ISODate));
        up.addBindValue(iso(now()));
        up.addBindValue(nextSeq());
        up.addBindValue(caseNo);
        up.exec();
    }
}

void Platform::dutiesStep() {
    m_db.transaction();
    extendDisclosures();
    departmentChecks();
    openCommitmentChecks();
    unresolvedStep();
    m_db.commit();
}

QJsonObject Platform::dutiesStats() {
    QJsonObject o;
    const QList<std::pair<QString, QString>> counts = {
        {u"commitment_checks"_s, u"SELECT COUNT(*) FROM commitment_checks"_s},
        {u"check_results"_s, u"SELECT COUNT(*) FROM check_results"_s},
        {u"unresolved_requests"_s, u"SELECT COUNT(*) FROM unresolved"_s},
        {u"extended_cases"_s, u"SELECT COUNT(*) FROM cases WHERE extensions <> '[]'"_s},
    };
    for (const auto &[name, sql] : counts) {
        QSqlQuery q(m_db);
        q.exec(sql);
        o.insert(name, q.next() ? q.value(0).toLongLong() : 0);
    }
    return o;
}

} // namespace windowdesk::sim
