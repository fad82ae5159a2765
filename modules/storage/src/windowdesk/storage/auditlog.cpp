#include "auditlog.h"

#include "database.h"
#include "personaldata.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/core/secretstore.h>

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
Q_LOGGING_CATEGORY(lcAudit, "windowdesk.storage.audit")

void appendString(QByteArray &out, const QString &s) {
    // Escaped as a QString first so surrogate pairs stay together when converted to UTF-8.
    QString esc;
    esc.reserve(s.size() + 2);
    esc += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'"':
            esc += u"\\\""_s;
            break;
        case u'\\':
            esc += u"\\\\"_s;
            break;
        case u'\b':
            esc += u"\\b"_s;
            break;
        case u'\f':
            esc += u"\\f"_s;
            break;
        case u'\n':
            esc += u"\\n"_s;
            break;
        case u'\r':
            esc += u"\\r"_s;
            break;
        case u'\t':
            esc += u"\\t"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                esc += u"\\u%1"_s.arg(qulonglong(c.unicode()), 4, 16, QChar(u'0'));
            else
                esc += c;
        }
    }
    esc += u'"';
    out += esc.toUtf8();
}

void appendValue(QByteArray &out, const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9007199254740992.0)
            out += QByteArray::number(qint64(d));
        else
            out += QString::number(d, 'g', QLocale::FloatingPointShortest).toUtf8();
        break;
    }
    case QJsonValue::String:
        appendString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        QStringList keys = o.keys();
        std::sort(keys.begin(), keys.end()); // QString's operator< compares UTF-16 code units
        out += '{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                out += ',';
            appendString(out, keys.at(i));
            out += ':';
            appendValue(out, o.value(keys.at(i)));
        }
        out += '}';
        break;
    }
    }
}

struct AnchorRow {
    bool present = false;
    qint64 headSeq = 0;
    QByteArray headHmac; // raw
    QString keyRef;
};

Result<AnchorRow> readAnchor(const Database &db) {
    auto q = db.query(u"SELECT head_seq, head_hmac, key_ref FROM audit_anchor WHERE id = 1"_s);
    if (!q.ok())
        return Result<AnchorRow>(q.error());
    AnchorRow a;
    if (q->next()) {
        a.present = true;
        a.headSeq = q->value(0).toLongLong();
        a.headHmac = QByteArray::fromHex(q->value(1).toString().toLatin1());
        a.keyRef = q->value(2).toString();
    }
    return a;
}
} // namespace

QByteArray AuditLog::canonicalJson(const QJsonValue &v) {
    QByteArray out;
    appendValue(out, v);
    return out;
}

QByteArray AuditLog::genesisHash() {
    return crypto::sm3(QByteArrayLiteral("WindowDesk audit v1"));
}

QByteArray AuditLog::canonical(qint64 seq, const QString &at, const QString &userId, const QString &action,
                               const QString &target, const QByteArray &detailsJson) {
    // Keys in sorted order: action, at, details, seq, target, user_id. `details` is stored already canonical.
    QByteArray out = "{\"action\":";
    appendString(out, action);
    out += ",\"at\":";
    appendString(out, at);
    out += ",\"details\":" + detailsJson + ",\"seq\":" + QByteArray::number(seq) + ",\"target\":";
    appendString(out, target);
    out += ",\"user_id\":";
    appendString(out, userId);
    out += '}';
    return out;
}

AuditLog::AuditLog(Database &db, const Clock &clock, SecretStore *secrets)
    : m_db(db)
    , m_clock(clock)
    , m_secrets(secrets) {}

QString AuditLog::anchorKeyRef() const {
    QFileInfo fi(m_db.path());
    const QString path = fi.canonicalFilePath().isEmpty() ? fi.absoluteFilePath() : fi.canonicalFilePath();
    return u"audit-anchor-key/"_s + QString::fromLatin1(crypto::sha256(path.toUtf8()).toHex().left(32));
}

Result<QString> AuditLog::caseContentDigest(const Database &db, const QString &localId) {
    static const QStringList caseColumns{u"local_id"_s,
                                         u"bundle_code"_s,
                                         u"bundle_version"_s,
                                         u"applicant_kind"_s,
                                         u"applicant_name"_s,
                                         u"applicant_id_type"_s,
                                         u"applicant_id_number"_s,
                                         u"applicant_phone"_s,
                                         u"entity_name"_s,
                                         u"uscc"_s,
                                         u"form_values_json"_s,
                                         u"decision"_s,
                                         u"decision_reason"_s,
                                         u"decision_basis"_s,
                                         u"clerk_id"_s,
                                         u"window_no"_s,
                                         u"created_at"_s,
                                         u"accepted_date"_s};
    auto row = [](const QSqlQuery &q, const QStringList &names) {
        QJsonObject o;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QVariant v = q.value(int(i));
            o.insert(names.at(i), v.isNull() ? QJsonValue() : QJsonValue(v.toString()));
        }
        return o;
    };
    auto c =
        db.query(u"SELECT "_s + caseColumns.join(u", "_s) + u" FROM cases WHERE local_id = ?"_s, {localId});
    if (!c.ok())
        return Result<QString>(c.error());
    if (!c->next())
        return Result<QString>::failure(u"not_found"_s, u"no such case"_s);
    QJsonObject content = row(c.value(), caseColumns);
    c->finish();
    // The digest is of the clear content: sealing a clear row (PersonalData) or sealing it again changes
    // the stored bytes, never what was decided for whom. A sealed value this process cannot open makes the
    // case unverifiable here (personal_data_locked).
    const PersonalData pd(db);
    for (const char *column : {pdcolumn::idNumber, pdcolumn::phone, pdcolumn::formValues}) {
        const QString name = QString::fromLatin1(column).section(u'.', 1);
        const QJsonValue v = content.value(name);
        if (!v.isString())
            continue;
        bool locked = false;
        const QString clear = pd.open(v.toString(), column, localId, &locked);
        if (locked && !pd.unlocked())
            return Result<QString>::failure(u"personal_data_locked"_s,
                                            u"the case's personal data cannot be opened without its key"_s);
        content.insert(name, locked ? v : QJsonValue(clear)); // altered under the key: the digest differs
    }
    static const QStringList itemColumns{u"ord"_s, u"item_code"_s, u"item_version"_s};
    auto items = db.query(u"SELECT ord, item_code, item_version FROM case_items WHERE case_local_id = ? "
                          u"ORDER BY ord, item_code"_s,
                          {localId});
    if (!items.ok())
        return Result<QString>(items.error());
    QJsonArray itemList;
    while (items->next())
        itemList.append(row(items.value(), itemColumns));
    static const QStringList materialColumns{u"item_code"_s, u"material_id"_s, u"status"_s, u"license_id"_s,
                                             u"reason"_s};
    auto materials =
        db.query(u"SELECT item_code, material_id, status, license_id, reason FROM case_materials "
                 u"WHERE case_local_id = ? ORDER BY item_code, material_id"_s,
                 {localId});
    if (!materials.ok())
        return Result<QString>(materials.error());
    QJsonArray materialList;
    while (materials->next())
        materialList.append(row(materials.value(), materialColumns));
    content.insert(u"items"_s, itemList);
    content.insert(u"materials"_s, materialList);
    return QString::fromLatin1(crypto::sha256(canonicalJson(content)).toHex());
}

bool AuditLog::isSeededCase(const Database &db, const QString &localId) {
    auto q =
        db.query(u"SELECT 1 FROM audit_log WHERE action = 'case_seeded' AND target = ? LIMIT 1"_s, {localId});
    return q.ok() && q->next();
}

namespace {
// The records the chain vouches for: see AuditVerifyReport::recordsOk.
Status checkRecords(const Database &db, AuditVerifyReport &r) {
    auto problem = [&](const QString &text) {
        r.recordsOk = false;
        if (r.recordProblems.size() < 50)
            r.recordProblems.append(text);
    };
    auto q =
        db.query(u"SELECT seq, action, target, details_json FROM audit_log WHERE action IN ('case_decided', "
                 u"'case_seeded', 'case_changed', 'case_delivered', 'case_withdrawn') ORDER BY seq"_s);
    if (!q.ok())
        return Status(q.error());
    QHash<QString, QPair<qint64, QString>> latestDigest; // case local id -> (seq, content digest)
    struct OutboxRef {
        qint64 seq;
        QString sql;
        QVariantList binds;
        QString what;
    };
    QList<OutboxRef> outboxRefs;
    while (q->next()) {
        const qint64 seq = q->value(0).toLongLong();
        const QString action = q->value(1).toString();
        const QString target = q->value(2).toString();
        const QJsonObject d = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        if (const QString digest = d.value(u"content_sha256"_s).toString(); !digest.isEmpty())
            latestDigest.insert(target, {seq, digest});
        if (const QString sha = d.value(u"payload_sha256"_s).toString(); !sha.isEmpty())
            outboxRefs.append(
                {seq,
                 u"SELECT 1 FROM outbox WHERE kind = 'case' AND local_id = ? AND payload_sha256 = ?"_s,
                 {target, sha},
                 u"case %1"_s.arg(target)});
        if (const QString op = d.value(u"op_id"_s).toString(); !op.isEmpty())
            outboxRefs.append({seq, u"SELECT 1 FROM outbox WHERE op_id = ?"_s, {op}, u"op %1"_s.arg(op)});
        if (const QString ev = d.value(u"event_id"_s).toString();
            !ev.isEmpty() && (action == u"case_delivered" || action == u"case_withdrawn"))
            outboxRefs.append({seq,
                               u"SELECT 1 FROM outbox WHERE kind = 'case_event' AND local_id = ?"_s,
                               {ev},
                               u"case event %1"_s.arg(ev)});
    }
    q->finish();
    QStringList ids = latestDigest.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : ids) {
        ++r.casesChecked;
        const auto [seq, digest] = latestDigest.value(id);
        auto now = AuditLog::caseContentDigest(db, id);
        if (!now.ok() && now.error().code == u"not_found")
            problem(u"案件 %1 已被删除（审计第 %2 条记录了它） / case %1 deleted (recorded by audit seq %2)"_s
                        .arg(id)
                        .arg(seq));
        else if (!now.ok() && now.error().code == u"personal_data_locked")
            continue; // cannot be checked without the key: the personal data state says so
        else if (!now.ok())
            return Status(now.error());
        else if (now.value() != digest)
            problem(u"案件 %1 的确认内容被改动（与审计第 %2 条不符） / case %1: its confirmed content was "
                    u"changed "
                    u"(does not match audit seq %2)"_s.arg(id)
                        .arg(seq));
    }
    for (const OutboxRef &ref : outboxRefs) {
        auto o = db.query(ref.sql, ref.binds);
        if (!o.ok())
            return Status(o.error());
        if (!o->next())
            problem(
                u"待同步记录缺失或被改动：%1（审计第 %2 条） / outbox row missing or altered: %1 (audit seq %2)"_s
                    .arg(ref.what)
                    .arg(ref.seq));
    }
    // Outbox rows are archived, never deleted: their AUTOINCREMENT sequence has no gap and ends where
    // SQLite's own counter does. A row deleted before (or after) acknowledgement leaves a hole.
    auto gap =
        db.query(u"SELECT count(*), coalesce(max(seq), 0), "
                 u"coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0) FROM outbox"_s);
    if (!gap.ok())
        return Status(gap.error());
    if (gap->next()) {
        const qint64 count = gap->value(0).toLongLong(), max = gap->value(1).toLongLong(),
                     counter = gap->value(2).toLongLong();
        if (count != max || counter != max)
            problem(
                u"待同步记录被删除：%1 条记录，序号到 %2 / outbox rows deleted: %1 rows, sequence up to %2"_s
                    .arg(count)
                    .arg(qMax(max, counter)));
    }
    auto sums = db.query(u"SELECT op_id, payload, payload_sha256 FROM outbox WHERE state <> 'done'"_s);
    if (!sums.ok())
        return Status(sums.error());
    const PersonalData pd(db);
    while (sums->next()) {
        // payload_sha256 is of the clear body (the exact body sent); a sealed one is opened first, and one
        // that does not open (altered, moved to another row) is as altered as a changed clear one.
        bool locked = false;
        const QByteArray body = pd.openBytes(sums->value(1).toString().toUtf8(), pdcolumn::outboxPayload,
                                             sums->value(0).toString(), &locked);
        if (locked && !pd.unlocked())
            continue; // cannot be checked without the key: told by the personal data state, not as damage
        if (locked || QString::fromLatin1(crypto::sha256(body).toHex()) != sums->value(2).toString())
            problem(u"待同步记录内容被改动：op %1 / outbox payload altered: op %1"_s.arg(
                sums->value(0).toString()));
    }
    return {};
}
} // namespace

QJsonObject AuditVerifyReport::recordsJson() const {
    return {{u"ok"_s, recordsOk},
            {u"cases_checked"_s, casesChecked},
            {u"problems"_s, QJsonArray::fromStringList(recordProblems)}};
}

QString anchorStatusCode(AnchorStatus s) {
    switch (s) {
    case AnchorStatus::Checked:
        return u"checked"_s;
    case AnchorStatus::NeverAnchored:
        return u"never_anchored"_s;
    case AnchorStatus::NoKeychain:
        return u"no_keychain"_s;
    case AnchorStatus::Removed:
        return u"removed"_s;
    case AnchorStatus::KeyMissing:
        return u"key_missing"_s;
    case AnchorStatus::Unverifiable:
        return u"unverifiable_no_keychain"_s;
    case AnchorStatus::Mismatch:
        return u"mismatch"_s;
    }
    return {};
}

Status AuditLog::append(const AuditEntry &entry) {
    if (entry.action.isEmpty())
        return Status::failure(u"invalid_argument"_s, u"audit entry without action"_s);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    // The anchor key is read — and for the first anchor of this file, made — before the write transaction:
    // a keychain call never runs inside one.
    Result<QByteArray> key = Result<QByteArray>::failure(u"keychain_unavailable"_s, u"no keychain"_s);
    bool keyIsNew = false;
    if (m_secrets) {
        key = m_secrets->read(anchorKeyRef());
        if (!key.ok() && key.error().code == u"not_found") {
            auto anchor = readAnchor(m_db);
            if (!anchor.ok())
                return Status(anchor.error());
            // With an anchor row but no key, no new key is made: that anchor could then never be checked
            // again, and a fresh one would vouch for whatever the file holds now.
            if (!anchor->present) {
                const QByteArray fresh = crypto::randomBytes(32);
                if (m_secrets->write(anchorKeyRef(), fresh).ok()) {
                    key = fresh;
                    keyIsNew = true;
                } else
                    key = Result<QByteArray>::failure(u"keychain_write_failed"_s, u"anchor key not stored"_s);
            }
        }
    }
    return m_db.write([&]() -> Status {
        auto row = insertRow(entry, at);
        if (!row.ok())
            return Status(row.error());
        if (!m_secrets)
            return {};
        return moveAnchor(key, keyIsNew, row->first, row->second, at);
    });
}

Result<std::pair<qint64, QByteArray>> AuditLog::insertRow(const AuditEntry &entry, const QString &at) {
    using Row = std::pair<qint64, QByteArray>;
    const QByteArray details = canonicalJson(entry.details);
    auto last = m_db.query(u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
    if (!last.ok())
        return Result<Row>(last.error());
    qint64 seq = 1;
    QByteArray prev = genesisHash();
    if (last->next()) {
        seq = last->value(0).toLongLong() + 1;
        prev = QByteArray::fromHex(last->value(1).toString().toLatin1());
    }
    const QByteArray h =
        crypto::sm3(prev + canonical(seq, at, entry.userId, entry.action, entry.target, details));
    if (auto st = m_db.exec(u"INSERT INTO audit_log (seq, at, user_id, action, target, details_json, hash) "
                            u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                            {seq, at, entry.userId, entry.action, entry.target, QString::fromUtf8(details),
                             QString::fromLatin1(h.toHex())});
        !st.ok())
        return Result<Row>(st.error());
    return Row{seq, h};
}

Status AuditLog::moveAnchor(const Result<QByteArray> &key, bool keyIsNew, qint64 seq, const QByteArray &h,
                            const QString &at) {
    auto anchor = readAnchor(m_db);
    if (!anchor.ok())
        return Status(anchor.error());
    auto leave = [&](const char *why) {
        // The business write goes on; the anchor stays as it is, so `audit verify` reports the damage.
        if (!m_warnedNoAnchor)
            qCWarning(lcAudit) << "audit anchor not updated:" << why;
        m_warnedNoAnchor = true;
        return Status();
    };
    if (!key.ok()) {
        if (key.error().code == u"not_found")
            return leave("this database has an anchor but its key is not in the keychain");
        return leave("no keychain"); // the chain still grows; verify says the tail cannot be checked
    }
    if (!anchor->present) {
        // The first anchor of this file (or the first since a keychain became available) is written with
        // the key just made; an existing key without its anchor row means the row was removed.
        if (seq > 1 && !keyIsNew)
            return leave("the anchor row of this database is missing");
    } else {
        // Only an anchor that still matches the chain moves forward: re-anchoring a rewritten chain, a cut
        // tail or a deleted anchor row would make the program vouch for the tampering.
        auto q = m_db.query(u"SELECT hash FROM audit_log WHERE seq = ?"_s, {anchor->headSeq});
        if (!q.ok())
            return Status(q.error());
        const bool matches =
            q->next() && anchor->headSeq < seq &&
            crypto::equalConstantTime(
                crypto::hmacSm3(key.value(), QByteArray::fromHex(q->value(0).toString().toLatin1())),
                anchor->headHmac);
        if (!matches)
            return leave("the anchor does not match the chain");
    }
    // key_ref is informational only: verify() never reads it.
    return m_db.exec(
        u"INSERT INTO audit_anchor (id, head_seq, head_hmac, key_ref, at) VALUES (1, ?, ?, ?, ?) "
        u"ON CONFLICT(id) DO UPDATE SET head_seq = excluded.head_seq, "
        u"head_hmac = excluded.head_hmac, key_ref = excluded.key_ref, at = excluded.at"_s,
        {seq, QString::fromLatin1(crypto::hmacSm3(key.value(), h).toHex()), anchorKeyRef(), at});
}

Result<AuditVerifyReport> AuditLog::verifyChain() const {
    AuditVerifyReport r;
    // The anchor is read before the rows: an append in between can only make the chain longer than the
    // anchor.
    auto anchor = readAnchor(m_db);
    if (!anchor.ok())
        return Result<AuditVerifyReport>(anchor.error());
    auto q = m_db.query(
        u"SELECT seq, at, user_id, action, target, details_json, hash FROM audit_log ORDER BY seq"_s);
    if (!q.ok())
        return Result<AuditVerifyReport>(q.error());

    QByteArray prev = genesisHash();
    QByteArray hashAtAnchor;
    qint64 expected = 1;
    qint64 lastSeq = 0;
    auto breakAt = [&](qint64 seq, const QString &zh, const QString &en) {
        if (!r.chainOk)
            return;
        r.chainOk = false;
        r.firstBadSeq = seq;
        r.message = u"审计链在第 %1 条断开：%2 / audit chain broken at seq %1: %3"_s.arg(seq).arg(zh, en);
    };
    while (q->next()) {
        ++r.rows;
        const qint64 seq = q->value(0).toLongLong();
        lastSeq = seq;
        if (!r.chainOk)
            continue;
        if (seq != expected) {
            if (seq > expected)
                breakAt(expected, u"记录缺失"_s, u"row missing"_s);
            else
                breakAt(expected, u"记录位置错乱"_s, u"row out of place"_s);
            continue;
        }
        const QByteArray details = q->value(5).toString().toUtf8();
        const QByteArray h =
            crypto::sm3(prev + canonical(seq, q->value(1).toString(), q->value(2).toString(),
                                         q->value(3).toString(), q->value(4).toString(), details));
        if (QString::fromLatin1(h.toHex()) != q->value(6).toString()) {
            breakAt(seq, u"记录被改动或位置错乱"_s, u"row altered or out of place"_s);
            continue;
        }
        if (anchor->present && seq == anchor->headSeq)
            hashAtAnchor = h;
        prev = h;
        ++expected;
    }

    r.linksOk = r.chainOk;
    // The anchor: only the keychain's key can vouch for the tail. The key is looked up by this file's name,
    // never by the anchor row's key_ref (anyone who can write the file could point that at nothing).
    const Result<QByteArray> key =
        m_secrets ? m_secrets->read(anchorKeyRef())
                  : Result<QByteArray>::failure(u"keychain_unavailable"_s, u"no keychain"_s);
    if (!key.ok()) {
        const bool keychainAnswered = key.error().code == u"not_found";
        r.anchorChecked = false;
        if (anchor->present) {
            // This database was anchored: it never verifies without its anchor being checked.
            r.anchor = keychainAnswered ? AnchorStatus::KeyMissing : AnchorStatus::Unverifiable;
            const QString why =
                keychainAnswered
                    ? u"钥匙串中没有本数据库文件的锚点密钥 / this database file's anchor key is not in the "
                      u"keychain (a database copied or moved here, or the keychain entry deleted)"_s
                    : u"系统钥匙串不可用，无法校验此数据库的锚点 / no system keychain is reachable to check "
                      u"this "
                      u"database's anchor (run in the hall user's desktop session)"_s;
            const QString msg = u"审计锚点（audit_anchor，第 %1 条）无法校验：%2 / the audit anchor "
                                u"(audit_anchor, seq %1) cannot be checked"_s.arg(anchor->headSeq)
                                    .arg(why);
            if (r.chainOk) {
                r.chainOk = false;
                r.firstBadSeq = anchor->headSeq;
                r.message = msg;
            }
            return r;
        }
        if (keychainAnswered && r.rows == 0) {
            r.anchorChecked = true; // nothing written yet, nothing to anchor
            return r;
        }
        r.anchor = keychainAnswered ? AnchorStatus::NeverAnchored : AnchorStatus::NoKeychain;
        if (r.chainOk) {
            if (!keychainAnswered)
                r.message =
                    u"审计链尾部无法校验：系统钥匙串不可用，此数据库从未锚定（1.0 方式，仅校验链本身）"
                    u" / the audit chain's tail cannot be checked: no system keychain, and this "
                    u"database was never anchored (1.0 behaviour: the chain alone is checked)"_s;
            else
                r.message = u"审计链尾部无法校验：记录写入时钥匙串不可用，尚未锚定 / the audit chain's tail "
                            u"cannot be checked: it was written without a keychain and never anchored"_s;
        }
        return r;
    }
    r.anchorChecked = true;
    if (!anchor->present) {
        // A key exists for this database file but its anchor row is gone: rows after the last anchor may have
        // been cut, rewritten or both.
        if (r.rows > 0) {
            r.anchor = AnchorStatus::Removed;
            breakAt(lastSeq + 1, u"审计锚点记录（audit_anchor）被删除"_s,
                    u"the audit anchor row (audit_anchor) is missing"_s);
        }
        return r;
    }
    if (!r.chainOk)
        return r;
    if (lastSeq < anchor->headSeq) {
        r.anchor = AnchorStatus::Mismatch;
        breakAt(lastSeq + 1, u"末尾记录被截断（锚点在第 %1 条）"_s.arg(anchor->headSeq),
                u"rows cut off the end (anchor at seq %1)"_s.arg(anchor->headSeq));
        return r;
    }
    if (!crypto::equalConstantTime(crypto::hmacSm3(key.value(), hashAtAnchor), anchor->headHmac)) {
        r.anchor = AnchorStatus::Mismatch;
        breakAt(anchor->headSeq, u"锚点（audit_anchor）与审计链不符"_s,
                u"the anchor (audit_anchor) does not match the chain"_s);
    }
    return r;
}

Result<AuditVerifyReport> AuditLog::verify() const {
    auto r = verifyChain();
    if (!r.ok())
        return r;
    if (auto st = checkRecords(m_db, r.value()); !st.ok())
        return Result<AuditVerifyReport>(st.error());
    if (!r->recordsOk && r->chainOk)
        r->message = r->recordProblems.first();
    return r;
}

Result<ReanchorReport> AuditLog::reanchor(const QString &userId) {
    if (!m_secrets)
        return Result<ReanchorReport>::failure(u"keychain_unavailable"_s, u"no keychain"_s);
    const QString ref = anchorKeyRef();
    auto existing = m_secrets->read(ref);
    if (!existing.ok() && existing.error().code != u"not_found")
        return Result<ReanchorReport>::failure(
            u"keychain_unavailable"_s,
            u"系统钥匙串不可用，无法重新锚定 / no system keychain is reachable to hold "
            u"the new anchor key (run in the hall user's desktop session)"_s);
    auto report = verify();
    if (!report.ok())
        return Result<ReanchorReport>(report.error());
    const AuditVerifyReport &v = report.value();
    ReanchorReport out;
    out.before = v.anchor;
    out.rows = v.rows;
    out.keyRef = ref;
    // Tampering the chain shows by itself, or that this keychain's own key shows: never vouched for.
    const bool anchorSaysTampered = v.anchor == AnchorStatus::Mismatch || v.anchor == AnchorStatus::Removed;
    if (!v.linksOk || !v.recordsOk || anchorSaysTampered)
        return Result<ReanchorReport>::failure(
            u"audit_tampered"_s,
            u"审计链校验未通过，拒绝重新锚定 / the audit chain does not verify; not "
            u"re-anchored: "_s +
                (v.message.isEmpty() && !v.recordProblems.isEmpty() ? v.recordProblems.first() : v.message));
    if (v.anchor == AnchorStatus::Checked && existing.ok())
        return out; // anchored under this keychain already
    auto anchor = readAnchor(m_db);
    if (!anchor.ok())
        return Result<ReanchorReport>(anchor.error());
    auto oldAt = m_db.query(u"SELECT at FROM audit_anchor WHERE id = 1"_s);
    if (!oldAt.ok())
        return Result<ReanchorReport>(oldAt.error());
    if (anchor->present)
        out.oldAnchor = QJsonObject{{u"head_seq"_s, anchor->headSeq},
                                    {u"head_hmac"_s, QString::fromLatin1(anchor->headHmac.toHex())},
                                    {u"key_ref"_s, anchor->keyRef},
                                    {u"at"_s, oldAt->next() ? oldAt->value(0).toString() : QString()}};
    // The key is stored before the write (a keychain call never runs inside a transaction) and removed again
    // when the write fails: a new key beside the old anchor would read as a mismatch, i.e. as tampering.
    const QByteArray key = crypto::randomBytes(32);
    if (Status st = m_secrets->write(ref, key); !st.ok())
        return Result<ReanchorReport>::failure(u"keychain_unavailable"_s, st.error().message);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const AuditEntry entry{userId,
                           u"audit_reanchored"_s,
                           ref,
                           {{u"previous_status"_s, anchorStatusCode(v.anchor)},
                            {u"old_anchor"_s, anchor->present ? QJsonValue(out.oldAnchor) : QJsonValue()},
                            {u"new_key_ref"_s, ref},
                            {u"rows_verified"_s, v.rows},
                            {u"cases_checked"_s, v.casesChecked}}};
    const Status st = m_db.write([&]() -> Status {
        auto row = insertRow(entry, at);
        if (!row.ok())
            return Status(row.error());
        out.headSeq = row->first;
        return m_db.exec(
            u"INSERT INTO audit_anchor (id, head_seq, head_hmac, key_ref, at) VALUES (1, ?, ?, ?, ?) "
            u"ON CONFLICT(id) DO UPDATE SET head_seq = excluded.head_seq, "
            u"head_hmac = excluded.head_hmac, key_ref = excluded.key_ref, at = excluded.at"_s,
            {row->first, QString::fromLatin1(crypto::hmacSm3(key, row->second).toHex()), ref, at});
    });
    if (!st.ok()) {
        if (existing.ok())
            (void)m_secrets->write(ref, existing.value());
        else
            (void)m_secrets->remove(ref);
        return Result<ReanchorReport>(st.error());
    }
    out.reanchored = true;
    return out;
}

} // namespace windowdesk::storage
