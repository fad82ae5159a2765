#include "auditlog.h"

#include "database.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/core/secretstore.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
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

Result<QByteArray> AuditLog::anchorKey(const QString &ref, bool create) const {
    if (!m_secrets)
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, u"no keychain"_s);
    auto key = m_secrets->read(ref);
    if (key.ok() || key.error().code != u"not_found" || !create)
        return key;
    const QByteArray fresh = crypto::randomBytes(32);
    if (auto st = m_secrets->write(ref, fresh); !st.ok())
        return Result<QByteArray>(st.error());
    return fresh;
}

Status AuditLog::append(const AuditEntry &entry) {
    if (entry.action.isEmpty())
        return Status::failure(u"invalid_argument"_s, u"audit entry without action"_s);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QByteArray details = canonicalJson(entry.details);
    // The anchor key is read (or created) before the write transaction: a keychain call never runs inside
    // one (issue 12, "Secrets never block a transaction").
    QString ref;
    Result<QByteArray> key = Result<QByteArray>::failure(u"keychain_unavailable"_s, u"no keychain"_s);
    if (m_secrets) {
        auto anchor = readAnchor(m_db);
        if (!anchor.ok())
            return Status(anchor.error());
        ref = anchor->present && !anchor->keyRef.isEmpty() ? anchor->keyRef : anchorKeyRef();
        key = anchorKey(ref, true);
    }
    return m_db.write([&]() -> Status {
        auto last = m_db.query(u"SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
        if (!last.ok())
            return Status(last.error());
        qint64 seq = 1;
        QByteArray prev = genesisHash();
        if (last->next()) {
            seq = last->value(0).toLongLong() + 1;
            prev = QByteArray::fromHex(last->value(1).toString().toLatin1());
        }
        const QByteArray h =
            crypto::sm3(prev + canonical(seq, at, entry.userId, entry.action, entry.target, details));
        if (auto st =
                m_db.exec(u"INSERT INTO audit_log (seq, at, user_id, action, target, details_json, hash) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                          {seq, at, entry.userId, entry.action, entry.target, QString::fromUtf8(details),
                           QString::fromLatin1(h.toHex())});
            !st.ok())
            return st;

        if (!m_secrets)
            return {};
        if (!key.ok()) {
            // Without a keychain the chain still grows; `db check` says the tail cannot be checked.
            if (!m_warnedNoAnchor)
                qCWarning(lcAudit) << "audit anchor not updated:" << key.error().code;
            m_warnedNoAnchor = true;
            return {};
        }
        return m_db.exec(
            u"INSERT INTO audit_anchor (id, head_seq, head_hmac, key_ref, at) VALUES (1, ?, ?, ?, ?) "
            u"ON CONFLICT(id) DO UPDATE SET head_seq = excluded.head_seq, "
            u"head_hmac = excluded.head_hmac, key_ref = excluded.key_ref, at = excluded.at"_s,
            {seq, QString::fromLatin1(crypto::hmacSm3(key.value(), h).toHex()), ref, at});
    });
}

Result<AuditVerifyReport> AuditLog::verify() const {
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

    // The anchor: only the keychain's key can vouch for the tail.
    const QString ref = anchor->present && !anchor->keyRef.isEmpty() ? anchor->keyRef : anchorKeyRef();
    auto key = anchorKey(ref, false);
    if (!key.ok()) {
        const bool keychainAnswered = key.error().code == u"not_found";
        if (keychainAnswered && !anchor->present && r.rows == 0) {
            r.anchorChecked = true; // nothing written yet, nothing to anchor
            return r;
        }
        r.anchorChecked = false;
        if (r.chainOk) {
            if (!keychainAnswered)
                r.message = u"审计链尾部无法校验：系统钥匙串不可用 / the audit chain's tail cannot be "
                            u"checked: no system "
                            u"keychain"_s;
            else if (anchor->present)
                r.message =
                    u"审计链尾部无法校验：锚点密钥不在钥匙串中 / the audit chain's tail cannot be checked: "
                    u"the anchor key is not in the keychain"_s;
            else
                r.message = u"审计链尾部无法校验：记录写入时钥匙串不可用，尚未锚定 / the audit chain's tail "
                            u"cannot be "
                            u"checked: it was written without a keychain and never anchored"_s;
        }
        return r;
    }
    r.anchorChecked = true;
    if (!anchor->present) {
        // A key exists for this database but its anchor row is gone: rows after the last anchor may have been
        // cut.
        if (r.rows > 0)
            breakAt(lastSeq + 1, u"审计锚点记录被删除"_s, u"the audit anchor row is missing"_s);
        return r;
    }
    if (!r.chainOk)
        return r;
    if (lastSeq < anchor->headSeq) {
        breakAt(lastSeq + 1, u"末尾记录被截断（锚点在第 %1 条）"_s.arg(anchor->headSeq),
                u"rows cut off the end (anchor at seq %1)"_s.arg(anchor->headSeq));
        return r;
    }
    if (!crypto::equalConstantTime(crypto::hmacSm3(key.value(), hashAtAnchor), anchor->headHmac))
        breakAt(anchor->headSeq, u"锚点与审计链不符"_s, u"the anchor does not match the chain"_s);
    return r;
}

} // namespace windowdesk::storage
