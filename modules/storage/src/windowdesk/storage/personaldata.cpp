#include "personaldata.h"

#include "auditlog.h"
#include "database.h"
#include "storagelogging.h"

#include <windowdesk/core/crypto.h>
#include <windowdesk/core/secretstore.h>

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

struct PersonalData::Keys {
    QByteArray seal;  // AES-256-GCM key
    QByteArray index; // HMAC-SHA256 key of the blind index
};

namespace {
const QByteArray kPrefix = QByteArrayLiteral("wdpd1:");
const QString kRefPrefix = u"personal-data-key/"_s;

QByteArray checkValue(const QByteArray &secret) {
    return crypto::hmacSha256(secret, QByteArrayLiteral("WindowDesk personal data check v1")).toHex();
}

// The registry of known keys, per database file, for every connection of the process.
QMutex &registryMutex() {
    static QMutex m;
    return m;
}
QHash<QString, std::shared_ptr<const PersonalData::Keys>> &registry() {
    static QHash<QString, std::shared_ptr<const PersonalData::Keys>> r;
    return r;
}
QString fileKey(const Database &db) {
    const QFileInfo fi(db.path());
    const QString canonical = fi.canonicalFilePath();
    return canonical.isEmpty() ? fi.absoluteFilePath() : canonical;
}

QByteArray aad(const char *column, const QString &rowId) {
    return QByteArray(column) + '/' + rowId.toUtf8();
}

// Stored-value predicates in SQL: sealed values start with the prefix.
const QString kSealedSql = u"substr(%1, 1, 6) = 'wdpd1:'"_s;
const QString kClearSql = u"(%1 IS NOT NULL AND %1 <> '' AND substr(%1, 1, 6) <> 'wdpd1:')"_s;

qint64 count(const Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toLongLong() : 0;
}

// The columns of migration 0014, each a whole value of a row keyed by `key` (no blind index: the app never
// looks these rows up by id number or phone).
struct SimpleColumn {
    const char *table;
    const char *key;
    const char *column;
    const char *aad;
};
const SimpleColumn kSimpleColumns[] = {
    {"cross_province_receipts", "local_id", "applicant_id_number", pdcolumn::crossProvinceIdNumber},
    {"cross_province_receipts", "local_id", "applicant_phone", pdcolumn::crossProvincePhone},
    {"unresolved_requests", "local_id", "applicant_phone", pdcolumn::unresolvedPhone},
    {"outbox", "op_id", "response_json", pdcolumn::outboxResponse},
};

QString anyClearSimpleSql() {
    QStringList parts;
    for (const SimpleColumn &c : kSimpleColumns)
        parts.append(u"EXISTS (SELECT 1 FROM %1 WHERE "_s.arg(QLatin1StringView(c.table)) +
                     kClearSql.arg(QLatin1StringView(c.column)) + u")"_s);
    return parts.join(u" OR "_s);
}

// Runs one UPDATE statement, prepared once, for each row of binds (inside the caller's write transaction):
// a statement prepared per row cost ten times the SQL work itself when a big database is sealed.
Status updateEach(Database &db, const QString &sql, const QList<QVariantList> &rows) {
    if (rows.isEmpty())
        return {};
    QSqlQuery q(db.sql());
    if (!q.prepare(sql))
        return Status::failure(u"sql"_s, q.lastError().text());
    for (const QVariantList &r : rows) {
        for (qsizetype i = 0; i < r.size(); ++i)
            q.bindValue(int(i), r[i]);
        if (!q.exec())
            return Status::failure(u"sql"_s, q.lastError().text());
    }
    return {};
}

// Seals the clear values of one such column (inside the caller's write transaction); how many.
Result<qint64> sealSimpleColumn(Database &db, const PersonalData &pd, const SimpleColumn &c) {
    const QString table = QLatin1StringView(c.table), column = QLatin1StringView(c.column),
                  key = QLatin1StringView(c.key);
    auto q = db.query(u"SELECT %1, %2 FROM %3 WHERE "_s.arg(key, column, table) + kClearSql.arg(column));
    if (!q.ok())
        return Result<qint64>(q.error());
    QList<QVariantList> rows;
    while (q->next())
        rows.append({pd.seal(q->value(1), c.aad, q->value(0).toString()), q->value(0)});
    q->finish();
    if (Status s = updateEach(db, u"UPDATE %1 SET %2 = ? WHERE %3 = ?"_s.arg(table, column, key), rows);
        !s.ok())
        return Result<qint64>(s.error());
    return qint64(rows.size());
}
} // namespace

PersonalData::PersonalData(const Database &db) {
    QMutexLocker lock(&registryMutex());
    m_keys = registry().value(fileKey(db));
}

bool PersonalData::isSealed(const QString &stored) {
    return stored.startsWith(QLatin1StringView(kPrefix));
}
bool PersonalData::isSealed(const QByteArray &stored) {
    return stored.startsWith(kPrefix);
}

QByteArray PersonalData::sealBytes(const QByteArray &clear, const char *column, const QString &rowId) const {
    if (!m_keys || clear.isEmpty() || isSealed(clear))
        return clear;
    return kPrefix + crypto::aes256GcmSeal(m_keys->seal, clear, aad(column, rowId)).toBase64();
}

QVariant PersonalData::seal(const QVariant &clear, const char *column, const QString &rowId) const {
    if (!m_keys || clear.isNull() || !clear.isValid())
        return clear;
    const QString text = clear.toString();
    if (text.isEmpty())
        return clear;
    return QString::fromUtf8(sealBytes(text.toUtf8(), column, rowId));
}

QByteArray PersonalData::openBytes(const QByteArray &stored, const char *column, const QString &rowId,
                                   bool *locked) const {
    if (locked)
        *locked = false;
    if (!isSealed(stored))
        return stored;
    bool ok = false;
    QByteArray clear;
    if (m_keys)
        clear = crypto::aes256GcmOpen(m_keys->seal, QByteArray::fromBase64(stored.mid(kPrefix.size())),
                                      aad(column, rowId), &ok);
    if (!ok) {
        if (locked)
            *locked = true;
        return {};
    }
    return clear;
}

QString PersonalData::open(const QVariant &stored, const char *column, const QString &rowId,
                           bool *locked) const {
    if (locked)
        *locked = false;
    if (stored.isNull() || !stored.isValid())
        return {};
    return QString::fromUtf8(openBytes(stored.toString().toUtf8(), column, rowId, locked));
}

QVariant PersonalData::blindIndex(const QString &normalizedId) const {
    if (!m_keys || normalizedId.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return QString::fromLatin1(crypto::hmacSha256(m_keys->index, normalizedId.toUtf8()).toHex());
}

QString PersonalData::keyRef(const Database &db) {
    auto q = db.query(u"SELECT key_id FROM personal_data_key WHERE id = 1"_s);
    if (!q.ok() || !q->next())
        return {};
    return kRefPrefix + q->value(0).toString();
}

Status PersonalData::install(Database &db, const QString &keyId, const QByteArray &secret) {
    if (secret.size() != 32)
        return Status::failure(u"personal_data_key_mismatch"_s, u"the personal data key is not 32 bytes"_s);
    const QString check = QString::fromLatin1(checkValue(secret));
    // A database that has its key is only read (no write lock: a reading command beside a writer never
    // waits here); one without is given its key row in a write transaction.
    auto known = db.query(u"SELECT check_value FROM personal_data_key WHERE id = 1"_s);
    if (!known.ok())
        return Status(known.error());
    const bool hasRow = known->next();
    const QString knownCheck = hasRow ? known->value(0).toString() : QString();
    known->finish();
    if (hasRow && !crypto::equalConstantTime(knownCheck.toLatin1(), check.toLatin1()))
        return Status::failure(
            u"personal_data_key_mismatch"_s,
            u"钥匙串中的个人信息密钥不属于此数据库 / the keychain's personal data key is not this "
            u"database's"_s);
    Status s = hasRow ? Status() : db.write([&]() -> Status {
        auto q = db.query(u"SELECT check_value FROM personal_data_key WHERE id = 1"_s);
        if (!q.ok())
            return Status(q.error());
        if (q->next()) {
            if (!crypto::equalConstantTime(q->value(0).toString().toLatin1(), check.toLatin1()))
                return Status::failure(
                    u"personal_data_key_mismatch"_s,
                    u"钥匙串中的个人信息密钥不属于此数据库 / the keychain's personal data key is not this "
                    u"database's"_s);
            return {};
        }
        return db.exec(
            u"INSERT INTO personal_data_key (id, key_id, check_value, created_at) VALUES (1, ?, ?, ?)"_s,
            {keyId, check, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    });
    if (!s.ok())
        return s;
    auto keys = std::make_shared<Keys>();
    keys->seal = crypto::hmacSha256(secret, QByteArrayLiteral("WindowDesk personal data seal v1"));
    keys->index = crypto::hmacSha256(secret, QByteArrayLiteral("WindowDesk personal data index v1"));
    QMutexLocker lock(&registryMutex());
    registry().insert(fileKey(db), std::move(keys));
    return {};
}

void PersonalData::forget(const Database &db) {
    QMutexLocker lock(&registryMutex());
    registry().remove(fileKey(db));
}

bool PersonalData::keychainReachable() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
#else
    return true;
#endif
}

QJsonObject PersonalData::unlock(Database &db, SecretStore *secrets, AuditLog *audit, bool mayWrite) {
    if (!secrets)
        return status(db, {}, !mayWrite);
    QString ref = keyRef(db);
    if (ref.isEmpty() && !mayWrite) {
        // No key yet, and none is made here: is there a keychain that could hold one?
        auto probe = secrets->read(kRefPrefix + u"probe"_s);
        return status(db, probe.ok() || probe.error().code == u"not_found" ? u"not_sealed"_s : QString(),
                      true);
    }
    if (ref.isEmpty()) {
        // A new key is in the keychain (and read back from it) before anything is sealed with it: a key that
        // never reached the keychain would leave sealed values nobody can open.
        const QString keyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray secret = crypto::randomBytes(32);
        Status w = secrets->write(kRefPrefix + keyId, secret);
        auto back = w.ok() ? secrets->read(kRefPrefix + keyId) : Result<QByteArray>(w.error());
        if (!back.ok() || back.value() != secret)
            return status(db, back.ok() ? u"keychain_unavailable"_s : back.error().code);
        if (Status s = install(db, keyId, secret); !s.ok()) {
            // Another program made the database's key meanwhile: ours is dropped, theirs is read below.
            secrets->remove(kRefPrefix + keyId);
            ref = keyRef(db);
            if (ref.isEmpty())
                return status(db, s.error().code);
        }
    }
    if (!PersonalData(db).unlocked()) {
        auto secret = secrets->read(ref);
        if (!secret.ok())
            return status(db, secret.error().code == u"not_found" ? u"key_missing"_s : secret.error().code,
                          !mayWrite);
        if (Status s = install(db, ref.mid(kRefPrefix.size()), secret.value()); !s.ok())
            return status(db, u"key_mismatch"_s, !mayWrite);
    }
    if (!mayWrite)
        return status(db, {}, true);
    if (auto sealed = sealClearRows(db, audit); !sealed.ok())
        qCWarning(lcStorage) << "personal data: sealing the clear rows failed:" << sealed.error().code;
    return status(db);
}

Result<qint64> PersonalData::sealClearRows(Database &db, AuditLog *audit) {
    const PersonalData pd(db);
    if (!pd.unlocked())
        return Result<qint64>::failure(u"personal_data_locked"_s, u"the personal data key is not known"_s);
    // Read first: a database with nothing clear is not written (no write lock taken at every open).
    const QString anyClear =
        u"SELECT EXISTS (SELECT 1 FROM outbox WHERE "_s + kClearSql.arg(u"payload"_s) +
        u") OR EXISTS (SELECT 1 FROM drafts WHERE "_s + kClearSql.arg(u"state_json"_s) +
        u") OR EXISTS (SELECT 1 FROM cases WHERE "_s + kClearSql.arg(u"applicant_id_number"_s) + u" OR "_s +
        kClearSql.arg(u"applicant_phone"_s) + u" OR ("_s + kClearSql.arg(u"form_values_json"_s) +
        u" AND form_values_json <> '{}') OR (applicant_id_number IS NOT NULL AND applicant_id_index IS NULL)) OR "_s +
        anyClearSimpleSql();
    if (count(db, anyClear) == 0)
        return qint64(0);
    qint64 cases = 0, outbox = 0, drafts = 0, duties = 0, responses = 0;
    Status st = db.write([&]() -> Status {
        // Cases in batches by rowid: the memory stays that of one batch however big the hall's history.
        const QString clearCase =
            kClearSql.arg(u"applicant_id_number"_s) + u" OR "_s + kClearSql.arg(u"applicant_phone"_s) +
            u" OR ("_s + kClearSql.arg(u"form_values_json"_s) +
            u" AND form_values_json <> '{}') OR (applicant_id_number IS NOT NULL AND applicant_id_index IS NULL)"_s;
        for (qint64 after = 0;;) {
            auto c = db.forwardQuery(u"SELECT rowid, local_id, applicant_id_number, applicant_phone, "
                                     u"form_values_json FROM cases WHERE rowid > ? AND ("_s +
                                         clearCase + u") ORDER BY rowid LIMIT 4000"_s,
                                     {after});
            if (!c.ok())
                return Status(c.error());
            QList<QVariantList> rows;
            while (c->next()) {
                after = c->value(0).toLongLong();
                const QString id = c->value(1).toString();
                const QString idNumber = pd.open(c->value(2), pdcolumn::idNumber, id);
                rows.append({pd.seal(c->value(2), pdcolumn::idNumber, id), pd.blindIndex(idNumber),
                             pd.seal(c->value(3), pdcolumn::phone, id),
                             c->value(4).toString() == u"{}" ? c->value(4)
                                                             : pd.seal(c->value(4), pdcolumn::formValues, id),
                             c->value(0)});
            }
            c->finish();
            if (rows.isEmpty())
                break;
            if (Status s = updateEach(db,
                                      u"UPDATE cases SET applicant_id_number = ?, applicant_id_index = ?, "
                                      u"applicant_phone = ?, form_values_json = ? WHERE rowid = ?"_s,
                                      rows);
                !s.ok())
                return s;
            cases += rows.size();
        }
        auto o = db.query(u"SELECT seq, op_id, payload FROM outbox WHERE "_s + kClearSql.arg(u"payload"_s));
        if (!o.ok())
            return Status(o.error());
        QList<QVariantList> outRows;
        while (o->next())
            outRows.append(
                {pd.seal(o->value(2), pdcolumn::outboxPayload, o->value(1).toString()), o->value(0)});
        o->finish();
        if (Status s = updateEach(db, u"UPDATE outbox SET payload = ? WHERE seq = ?"_s, outRows); !s.ok())
            return s;
        outbox = outRows.size();
        auto d = db.query(u"SELECT id, state_json FROM drafts WHERE "_s + kClearSql.arg(u"state_json"_s));
        if (!d.ok())
            return Status(d.error());
        QList<QVariantList> draftRows;
        while (d->next())
            draftRows.append(
                {pd.seal(d->value(1), pdcolumn::draftState, d->value(0).toString()), d->value(0)});
        d->finish();
        if (Status s = updateEach(db, u"UPDATE drafts SET state_json = ? WHERE id = ?"_s, draftRows); !s.ok())
            return s;
        drafts = draftRows.size();
        for (const SimpleColumn &column : kSimpleColumns) {
            auto n = sealSimpleColumn(db, pd, column);
            if (!n.ok())
                return Status(n.error());
            (qstrcmp(column.table, "outbox") == 0 ? responses : duties) += n.value();
        }
        if (cases + outbox + drafts + duties + responses == 0 || !audit)
            return {};
        return audit->append({QString(),
                              u"personal_data_sealed"_s,
                              QString(),
                              {{u"cases"_s, cases},
                               {u"outbox"_s, outbox},
                               {u"drafts"_s, drafts},
                               {u"hall_duties"_s, duties},
                               {u"responses"_s, responses}}});
    });
    if (!st.ok())
        return Result<qint64>(st.error());
    if (cases + outbox + drafts + duties + responses > 0) {
        // The clear pages are overwritten in the file (secure_delete) once checkpointed; the WAL that still
        // holds them is emptied. Another reader may keep the WAL alive: then it is emptied at a later write.
        QSqlQuery q(db.sql());
        q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        qCInfo(lcStorage) << "personal data sealed:" << cases << "cases," << outbox << "outbox rows,"
                          << drafts << "drafts," << duties << "hall duty values," << responses
                          << "platform answers";
    }
    return cases + outbox + drafts + duties + responses;
}

QJsonObject PersonalData::status(const Database &db, const QString &keyProblem, bool withCounts) {
    const bool unlocked = PersonalData(db).unlocked();
    const bool hasKey = !keyRef(db).isEmpty();
    qint64 clear = 0, sealed = 0;
    if (withCounts) {
        for (const auto &[table, column] :
             {std::pair{"cases", "applicant_id_number"}, std::pair{"cases", "applicant_phone"},
              std::pair{"outbox", "payload"}, std::pair{"drafts", "state_json"}}) {
            const QString c = QString::fromLatin1(column), t = QString::fromLatin1(table);
            clear += count(db, u"SELECT count(*) FROM %1 WHERE "_s.arg(t) + kClearSql.arg(c));
            sealed += count(db, u"SELECT count(*) FROM %1 WHERE "_s.arg(t) + kSealedSql.arg(c));
        }
        for (const SimpleColumn &sc : kSimpleColumns) {
            const QString c = QLatin1StringView(sc.column), t = QLatin1StringView(sc.table);
            clear += count(db, u"SELECT count(*) FROM %1 WHERE "_s.arg(t) + kClearSql.arg(c));
            sealed += count(db, u"SELECT count(*) FROM %1 WHERE "_s.arg(t) + kSealedSql.arg(c));
        }
    }
    QString state, message;
    if (unlocked) {
        state = u"encrypted"_s;
    } else if (keyProblem == u"key_missing" || keyProblem == u"key_mismatch") {
        state = keyProblem;
        message =
            u"个人信息已加密，但钥匙串中没有此数据库的密钥，加密的身份证号和电话无法读取；请恢复原钥匙串"
            u"（或在原机器上运行） / personal data is sealed but this keychain does not hold the "
            u"database's key (%1): sealed id numbers and phones cannot be read; restore the original "
            u"keychain or run on the original machine"_s.arg(keyRef(db));
    } else if (keyProblem == u"not_sealed") {
        state = u"clear_not_sealed"_s;
        message =
            u"身份证号和电话尚未加密（此次检查不写入数据库） / id numbers and phones are not encrypted yet "
            u"(this check writes nothing)"_s;
    } else if (hasKey || sealed > 0) {
        state = u"locked_no_keychain"_s;
        message = u"没有系统钥匙串：加密的个人信息无法读取，新写入的个人信息以明文保存，直到钥匙串可用 / no "
                  u"system keychain: sealed personal data cannot be read, and new personal data is written "
                  u"in clear until the keychain is back"_s;
    } else {
        state = u"clear_no_keychain"_s;
        message =
            u"没有系统钥匙串：身份证号和电话以明文保存在数据库中；钥匙串可用后首次启动时将自动加密 / no "
            u"system keychain: id numbers and phones are stored in clear in the database; they are "
            u"encrypted at the first start with a keychain"_s;
    }
    QJsonObject o{{u"state"_s, state}};
    if (withCounts) {
        o.insert(u"clear_values"_s, clear);
        o.insert(u"sealed_values"_s, sealed);
    }
    if (!message.isEmpty())
        o.insert(u"message"_s, message);
    return o;
}

} // namespace windowdesk::storage
