#include "platform.h"

#include "catalog.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSim, "windowdesk.platformsim")

namespace windowdesk::sim {

namespace {

QByteArray compact(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
QJsonObject parseObject(const QByteArray &b, bool *ok) {
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(b, &e);
    *ok = e.error == QJsonParseError::NoError && d.isObject();
    return d.object();
}
QJsonValue nullable(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

bool isFinalStatus(int status, const QByteArray &body) {
    // platform-api.md Conventions: store 2xx and 4xx except 401, 408, 409 idempotency_in_progress, 429.
    if (status >= 200 && status < 300)
        return true;
    if (status >= 400 && status < 500)
        return status != 401 && status != 408 && status != 429 &&
               !(status == 409 && body.contains("idempotency_in_progress"));
    return false;
}

struct DemoLicense {
    QString id, typeCode, typeName, number, holderName, holderId, issuer, issuerCode, serial, issuedOn,
        validUntil, status;
    bool maskNumber;
};

const QList<DemoLicense> &demoLicenses() {
    static const QList<DemoLicense> l = {
        {u"lic-rid-zhangsan"_s, QString::fromLatin1(kResidentIdType), u"居民身份证"_s,
         u"11010519491231002X"_s, u"张三"_s, u"11010519491231002X"_s, u"北京市公安局朝阳分局"_s,
         u"11110105000013127D"_s, u"2020010101"_s, u"2020-01-01"_s, u"2040-01-01"_s, u"valid"_s, true},
        {u"lic-bl-hnsl"_s, QString::fromLatin1(kBusinessLicenseType), u"营业执照"_s, u"91430100MA4L12345A"_s,
         u"湖南示例科技有限公司"_s, u"91430100MA4L12345A"_s, u"长沙市市场监督管理局"_s,
         u"11430100MB1536284X"_s, u"2021052001"_s, u"2021-05-20"_s, u"2041-05-19"_s, u"valid"_s, false},
        {u"lic-bl-expired"_s, QString::fromLatin1(kBusinessLicenseType), u"营业执照"_s,
         u"91430100MA4L12345A"_s, u"湖南示例科技有限公司"_s, u"91430100MA4L12345A"_s,
         u"长沙市市场监督管理局"_s, u"11430100MB1536284X"_s, u"2016052001"_s, u"2016-05-20"_s,
         u"2021-05-19"_s, u"expired"_s, false},
    };
    return l;
}

const DemoLicense *findLicense(const QString &id) {
    for (const auto &l : demoLicenses())
        if (l.id == id)
            return &l;
    return nullptr;
}

QString lidOf(const DemoLicense &l) {
    const QString body = l.typeCode + u'.' + l.issuerCode + u'.' + l.serial + u".001"_s;
    QString alnum = body;
    alnum.remove(u'.');
    return u"1.2.156.3005.2."_s + body + u'.' + mod3736Check(alnum);
}

QString mask(const QString &s) {
    if (s.size() <= 7)
        return s;
    return s.left(3) + QString(s.size() - 7, u'*') + s.right(4);
}

const QStringList kCategories = {u"综合业务"_s, u"企业开办"_s, u"社保医保"_s, u"不动产"_s};
const QString kLetters = u"ABCD"_s;

} // namespace

Platform::Platform(const Options &options)
    : m_options(options)
    , m_rng(options.seed ^ 0x5eed) {}

Platform::~Platform() {
    qDeleteAll(m_queries);
    m_queries.clear();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    if (!m_tempPath.isEmpty()) {
        QFile::remove(m_tempPath);
        QFile::remove(m_tempPath + u"-wal"_s);
        QFile::remove(m_tempPath + u"-shm"_s);
    }
}

bool Platform::exec(const QString &sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        qCWarning(lcSim) << "sql failed:" << q.lastError().text();
        return false;
    }
    return true;
}

QSqlQuery &Platform::prepared(const QString &sql) {
    // Prepared once, reused: the simulator must take several hundred writes per second.
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        auto *q = new QSqlQuery(m_db);
        if (!q->prepare(sql))
            qCWarning(lcSim) << "prepare failed:" << q->lastError().text() << sql;
        it = m_queries.insert(sql, q);
    }
    (*it)->finish();
    return **it;
}

bool Platform::open(QString *error) {
    m_connection = u"platformsim-%1"_s.arg(quintptr(this));
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    QString path = m_options.dataFile;
    if (path.isEmpty()) {
        m_tempPath = QDir::temp().filePath(u"windowdesk-platform-sim-%1.sqlite"_s.arg(uuid()));
        path = m_tempPath;
    }
    m_db.setDatabaseName(path);
    if (!m_db.open()) {
        *error = u"cannot open %1: %2"_s.arg(path, m_db.lastError().text());
        return false;
    }
    const QStringList schema = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"PRAGMA busy_timeout=5000"_s,
        u"CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v BLOB)"_s,
        u"CREATE TABLE IF NOT EXISTS tokens(token TEXT PRIMARY KEY, kind TEXT NOT NULL, username TEXT NOT "
        u"NULL,"
        " expires_at INTEGER NOT NULL, used_at INTEGER, next_access TEXT, next_refresh TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS idem(hall TEXT NOT NULL, key TEXT NOT NULL, req_hash TEXT NOT NULL,"
        " status INTEGER NOT NULL, body BLOB, created_at INTEGER NOT NULL, PRIMARY KEY(hall, key))"_s,
        u"CREATE TABLE IF NOT EXISTS catalog(code TEXT PRIMARY KEY, kind TEXT NOT NULL, json BLOB NOT NULL,"
        " version INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS catalog_seq ON catalog(kind, seq)"_s,
        u"CREATE TABLE IF NOT EXISTS cases(case_no TEXT PRIMARY KEY, local_id TEXT NOT NULL UNIQUE,"
        " hall TEXT NOT NULL, request BLOB, status TEXT NOT NULL, accepted_at TEXT, due_date TEXT,"
        " legal_due_date TEXT, suspensions TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL,"
        " seq INTEGER NOT NULL, will_suspend INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE INDEX IF NOT EXISTS cases_seq ON cases(hall, seq)"_s,
        u"CREATE INDEX IF NOT EXISTS cases_status ON cases(status)"_s,
        u"CREATE TABLE IF NOT EXISTS evaluations(evaluation_id TEXT PRIMARY KEY, local_id TEXT NOT NULL "
        u"UNIQUE,"
        " hall TEXT NOT NULL, case_no TEXT, level INTEGER NOT NULL, rectification_due TEXT, state TEXT NOT "
        "NULL,"
        " actions TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, seq INTEGER NOT NULL,"
        " request BLOB)"_s,
        u"CREATE INDEX IF NOT EXISTS evaluations_seq ON evaluations(hall, seq)"_s,
        u"CREATE TABLE IF NOT EXISTS training(result_id TEXT PRIMARY KEY, local_id TEXT NOT NULL UNIQUE,"
        " hall TEXT NOT NULL, drill_id TEXT NOT NULL, trainee_id TEXT NOT NULL, score REAL NOT NULL,"
        " max_score REAL, duration_s INTEGER, finished_at TEXT, request BLOB)"_s,
        u"CREATE TABLE IF NOT EXISTS tickets(hall TEXT NOT NULL, ticket_no TEXT NOT NULL, category TEXT NOT "
        u"NULL,"
        " issued_at TEXT NOT NULL, status TEXT NOT NULL, window_no TEXT, called_at TEXT, n INTEGER NOT NULL,"
        " PRIMARY KEY(hall, ticket_no))"_s,
        // 1.1: the hall's ticket events (GET /queue/events), appended as the queue moves; never changed.
        u"CREATE TABLE IF NOT EXISTS queue_events(seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT "
        u"NULL"
        u" UNIQUE, hall TEXT NOT NULL, ticket_no TEXT NOT NULL, category TEXT NOT NULL, type TEXT NOT NULL,"
        u" window_no TEXT, clerk_id TEXT, to_category TEXT, at TEXT NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS queue_events_hall ON queue_events(hall, seq)"_s,
        u"CREATE TABLE IF NOT EXISTS resolved(payload_hash TEXT PRIMARY KEY, hall TEXT NOT NULL,"
        " license_id TEXT NOT NULL)"_s,
        // POST /sim/licenses/{id}/status: a demo license's status as the platform now sees it ('unknown': the
        // platform no longer knows the license). No row: the built-in status.
        u"CREATE TABLE IF NOT EXISTS license_status(license_id TEXT PRIMARY KEY, status TEXT NOT NULL)"_s,
        // 1.1: supervisors' follow-ups of overdue cases, and the callbacks and appeals of evaluations.
        u"CREATE TABLE IF NOT EXISTS followups(followup_id TEXT PRIMARY KEY, local_id TEXT NOT NULL UNIQUE,"
        " case_no TEXT NOT NULL, hall TEXT NOT NULL, json BLOB NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS followups_case ON followups(case_no)"_s,
        u"CREATE TABLE IF NOT EXISTS evaluation_writes(local_id TEXT PRIMARY KEY, evaluation_id TEXT NOT "
        u"NULL,"
        " kind TEXT NOT NULL, json BLOB NOT NULL)"_s,
        u"CREATE INDEX IF NOT EXISTS evaluation_writes_eval ON evaluation_writes(evaluation_id)"_s,
    };
    for (const QString &s : schema)
        if (!exec(s)) {
            *error = u"schema failed: %1"_s.arg(s);
            return false;
        }
    {
        // Data files made before 1.1 lack the extensions column (ALTER fails harmlessly when it exists).
        QSqlQuery alter(m_db);
        alter.exec(u"ALTER TABLE cases ADD COLUMN extensions TEXT NOT NULL DEFAULT '[]'"_s);
    }
    if (!loadUsers(error))
        return false;
    if (!loadCalendars()) {
        *error = u"embedded calendars missing"_s;
        return false;
    }
    QSqlQuery q(m_db);
    q.exec(u"SELECT MAX(m) FROM (SELECT MAX(seq) AS m FROM catalog UNION ALL SELECT MAX(seq) FROM cases"
           " UNION ALL SELECT MAX(seq) FROM evaluations)"_s);
    m_seq = q.next() ? q.value(0).toLongLong() : 0;
    q.exec(u"SELECT COUNT(*) FROM cases"_s);
    m_caseCounter = q.next() ? q.value(0).toLongLong() : 0;
    q.exec(u"SELECT COALESCE(MAX(n), 0) FROM tickets"_s);
    m_ticketCounter = q.next() ? q.value(0).toLongLong() : 0;
    q.exec(u"SELECT v FROM meta WHERE k = 'cursor_epoch'"_s);
    m_epoch = q.next() ? q.value(0).toLongLong() : 0;
    if (!ensureKey()) {
        *error = u"cannot create or load the SM2 key"_s;
        return false;
    }
    if (!ensureCatalog()) {
        *error = u"cannot create the catalog"_s;
        return false;
    }
    if (!openCrossProvince()) {
        *error = u"cannot create the cross-province tables"_s;
        return false;
    }
    if (!createDutiesSchema()) {
        *error = u"cannot create the hall duties' tables"_s;
        return false;
    }
    return true;
}

bool Platform::loadUsers(QString *error) {
    if (m_options.usersFile.isEmpty()) {
        // The demo hall's accounts (db/demo/users.json) with the public demo passwords.
        const QString hall = u"430104-ZWFW"_s, hallName = u"长沙市岳麓区政务服务中心"_s;
        m_users = {
            {u"u-demo-clerk"_s,
             u"clerk"_s,
             u"Clerk@2026"_s,
             u"李娜"_s,
             hall,
             hallName,
             u"A07"_s,
             {u"clerk"_s}},
            {u"u-demo-supervisor"_s,
             u"supervisor"_s,
             u"Super@2026"_s,
             u"王强"_s,
             hall,
             hallName,
             u"A07"_s,
             {u"supervisor"_s}},
            {u"u-demo-trainer"_s,
             u"trainer"_s,
             u"Train@2026"_s,
             u"赵敏"_s,
             hall,
             hallName,
             u"A07"_s,
             {u"trainer"_s}},
            {u"u-demo-admin"_s,
             u"admin"_s,
             u"Admin@2026"_s,
             u"陈静"_s,
             hall,
             hallName,
             u"A07"_s,
             {u"clerk"_s, u"supervisor"_s, u"trainer"_s}},
            // A clerk of another hall: payload replay across halls, hall-scoped keys and changes.
            {u"u-sim-other"_s,
             u"other"_s,
             u"Other@2026"_s,
             u"孙丽"_s,
             u"430100-ZWFW"_s,
             u"长沙市政务服务中心"_s,
             u"B02"_s,
             {u"clerk"_s}},
        };
        return true;
    }
    QFile f(m_options.usersFile);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"cannot read users file %1"_s.arg(m_options.usersFile);
        return false;
    }
    const QJsonDocument d = QJsonDocument::fromJson(f.readAll());
    const QJsonArray arr = d.isArray() ? d.array() : d.object().value(u"users"_s).toArray();
    for (const auto &v : arr) {
        const QJsonObject o = v.toObject();
        User u{o.value(u"id"_s).toString(),        o.value(u"username"_s).toString(),
               o.value(u"password"_s).toString(),  o.value(u"name"_s).toString(),
               o.value(u"hall_id"_s).toString(),   o.value(u"hall_name"_s).toString(),
               o.value(u"window_no"_s).toString(), {}};
        for (const auto &r : o.value(u"roles"_s).toArray())
            u.roles.append(r.toString());
        if (u.id.isEmpty() || u.username.isEmpty() || u.password.isEmpty() || u.hallId.isEmpty()) {
            *error = u"users file: each user needs id, username, password, hall_id"_s;
            return false;
        }
        m_users.append(u);
    }
    if (m_users.isEmpty()) {
        *error = u"users file lists no users"_s;
        return false;
    }
    return true;
}

bool Platform::loadCalendars() {
    for (int year : {2025, 2026, 2027}) {
        QFile f(u":/calendars/%1.json"_s.arg(year));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray data = f.readAll();
        const QJsonObject o = QJsonDocument::fromJson(data).object();
        Calendar c;
        c.provisional = o.value(u"provisional"_s).toBool();
        for (const auto &v : o.value(u"holidays"_s).toArray())
            c.holidays.insert(QDate::fromString(v.toString(), Qt::ISODate));
        for (const auto &v : o.value(u"workdays"_s).toArray())
            c.workdays.insert(QDate::fromString(v.toString(), Qt::ISODate));
        m_calendars.insert(year, c);
        m_calendarJson.insert(year, compact(o));
    }
    return true;
}

bool Platform::ensureKey() {
    QSqlQuery q(m_db);
    q.exec(u"SELECT k, v FROM meta WHERE k IN ('sm2_key', 'kid', 'key_not_before', 'key_not_after')"_s);
    QHash<QString, QByteArray> meta;
    while (q.next())
        meta.insert(q.value(0).toString(), q.value(1).toByteArray());
    if (meta.contains(u"sm2_key"_s) && m_key.loadPrivatePem(meta.value(u"sm2_key"_s))) {
        m_kid = QString::fromUtf8(meta.value(u"kid"_s));
        m_keyNotBefore = QString::fromUtf8(meta.value(u"key_not_before"_s));
        m_keyNotAfter = QString::fromUtf8(meta.value(u"key_not_after"_s));
        return true;
    }
    if (!m_key.generate())
        return false;
    const int year = now().date().year();
    m_kid = u"sim-%1"_s.arg(year);
    m_keyNotBefore = u"%1-01-01T00:00:00Z"_s.arg(year);
    m_keyNotAfter = u"%1-12-31T23:59:59Z"_s.arg(year + 1);
    QSqlQuery ins(m_db);
    ins.prepare(u"INSERT OR REPLACE INTO meta(k, v) VALUES (?, ?)"_s);
    const QList<std::pair<QString, QByteArray>> rows = {{u"sm2_key"_s, m_key.privatePem()},
                                                        {u"kid"_s, m_kid.toUtf8()},
                                                        {u"key_not_before"_s, m_keyNotBefore.toUtf8()},
                                                        {u"key_not_after"_s, m_keyNotAfter.toUtf8()}};
    for (const auto &[k, v] : rows) {
        ins.addBindValue(k);
        ins.addBindValue(v);
        if (!ins.exec())
            return false;
    }
    return true;
}

bool Platform::ensureCatalog() {
    QSqlQuery q(m_db);
    q.exec(u"SELECT COUNT(*) FROM catalog"_s);
    const bool empty = !q.next() || q.value(0).toLongLong() == 0;
    if (empty) {
        const QString stamp = iso(now());
        const QList<QJsonObject> generated = generateItems(m_options.catalogSize);
        QList<QJsonObject> items, bundles;
        if (m_options.demoCatalog) {
            auto load = [](const QString &file, const QString &key) {
                QList<QJsonObject> out;
                QFile f(file);
                if (f.open(QIODevice::ReadOnly))
                    for (const auto &v : QJsonDocument::fromJson(f.readAll()).object().value(key).toArray())
                        out.append(v.toObject());
                if (out.isEmpty())
                    qCWarning(lcSim) << "demo catalog file missing or empty:" << file;
                return out;
            };
            items = load(u":/demo/catalog_items.json"_s, u"items"_s);
            bundles = load(u":/demo/catalog_bundles.json"_s, u"bundles"_s);
        }
        items += generated;
        bundles += generateBundles(generated);
        m_db.transaction();
        QSqlQuery ins(m_db);
        ins.prepare(
            u"INSERT OR IGNORE INTO catalog(code, kind, json, version, deleted, seq) VALUES (?, ?, ?, ?, 0, ?)"_s);
        auto add = [&](QJsonObject o, const QString &kind) {
            if (!o.value(u"version"_s).isDouble())
                o.insert(u"version"_s, 1);
            if (!o.value(u"updated_at"_s).isString())
                o.insert(u"updated_at"_s, stamp);
            ins.addBindValue(o.value(u"code"_s).toString());
            ins.addBindValue(kind);
            ins.addBindValue(compact(o));
            ins.addBindValue(o.value(u"version"_s).toInteger());
            ins.addBindValue(nextSeq());
            return ins.exec();
        };
        for (const auto &o : items)
            if (!add(o, u"item"_s)) {
                m_db.rollback();
                return false;
            }
        for (const auto &o : bundles)
            if (!add(o, u"bundle"_s)) {
                m_db.rollback();
                return false;
            }
        m_db.commit();
    }
    q.exec(u"SELECT kind, json FROM catalog WHERE deleted = 0"_s);
    while (q.next()) {
        const QJsonObject o = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        (q.value(0).toString() == u"item"_s ? m_itemsCache : m_bundlesCache)
            .insert(o.value(u"code"_s).toString(), o);
    }
    return true;
}

QString Platform::iso(const QDateTime &t) {
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QDate Platform::cstDate(const QDateTime &t) {
    return t.toUTC().addSecs(8 * 3600).date();
}

bool Platform::isWorkingDay(const QDate &d) const {
    const auto it = m_calendars.constFind(d.year());
    if (it != m_calendars.constEnd()) {
        if (it->holidays.contains(d))
            return false;
        if (it->workdays.contains(d))
            return true;
    }
    return d.dayOfWeek() <= 5;
}

QDate Platform::addWorkingDays(QDate from, int n) const {
    // The n-th working day after `from` (the acceptance date itself does not count).
    while (n > 0) {
        from = from.addDays(1);
        if (isWorkingDay(from))
            --n;
    }
    return from;
}

int Platform::workingDaysBetween(const QDate &from, const QDate &toExclusive) const {
    int n = 0;
    for (QDate d = from; d < toExclusive; d = d.addDays(1))
        if (isWorkingDay(d))
            ++n;
    return n;
}

Response Platform::json(int status, const QJsonObject &o) {
    Response r;
    r.status = status;
    r.body = compact(o);
    return r;
}

Response Platform::error(int status, const QString &code, const QString &message,
                         const QJsonObject &details) {
    Response r =
        json(status,
             QJsonObject{{u"error"_s,
                          QJsonObject{{u"code"_s, code}, {u"message"_s, message}, {u"details"_s, details}}}});
    if (status == 429 || status == 503 || code == u"idempotency_in_progress"_s)
        r.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
    return r;
}

QString Platform::makeCursor(const QString &stream, qint64 seq) const {
    const QByteArray raw = u"v1:%1:%2:%3"_s.arg(stream).arg(m_epoch).arg(seq).toUtf8();
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Platform::parseCursor(const QString &stream, const QString &cursor, qint64 *seq,
                           Response *failure) const {
    *seq = 0;
    if (cursor.isEmpty())
        return true;
    const QString raw = QString::fromUtf8(QByteArray::fromBase64(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QStringList parts = raw.split(u':');
    bool ok1 = false, ok2 = false;
    if (parts.size() != 4 || parts[0] != u"v1"_s || parts[1] != stream) {
        *failure = error(400, u"bad_cursor"_s, u"游标无效"_s);
        return false;
    }
    const qint64 epoch = parts[2].toLongLong(&ok1);
    *seq = parts[3].toLongLong(&ok2);
    if (!ok1 || !ok2) {
        *failure = error(400, u"bad_cursor"_s, u"游标无效"_s);
        return false;
    }
    if (epoch != m_epoch) {
        *failure = error(410, u"cursor_expired"_s, u"游标已过期，请从头同步"_s);
        return false;
    }
    return true;
}

int Platform::pageLimit(const QUrlQuery &q) {
    bool ok = false;
    int n = q.queryItemValue(u"limit"_s).toInt(&ok);
    if (!ok || n <= 0)
        n = 500;
    return qMin(n, 2000);
}

QString Platform::routeOf(const QByteArray &method, const QString &path) const {
    const QStringList p = path.split(u'/', Qt::SkipEmptyParts);
    QStringList out;
    for (int i = 0; i < p.size(); ++i) {
        const QString &s = p[i];
        const QString prev = i > 0 ? p[i - 1] : QString();
        const bool variable =
            (prev == u"cases"_s && s != u"changes"_s) || (prev == u"evaluations"_s && s != u"changes"_s) ||
            (prev == u"licenses"_s && s != u"resolve"_s) || prev == u"tickets"_s || (prev == u"calendar"_s) ||
            prev == u"receipts"_s || (prev == u"commitment-checks"_s && s != u"changes"_s);
        out.append(variable ? u"{id}"_s : s);
    }
    return QString::fromLatin1(method) + u" /"_s + out.join(u'/');
}

QJsonObject Platform::userJson(const User &u) const {
    return QJsonObject{{u"id"_s, u.id},
                       {u"name"_s, u.name},
                       {u"roles"_s, QJsonArray::fromStringList(u.roles)},
                       {u"hall_id"_s, u.hallId},
                       {u"hall_name"_s, u.hallName},
                       {u"window_no"_s, u.windowNo}};
}

const User *Platform::authenticate(const Request &r, Response *failure) {
    const QByteArray h = r.headers.value("authorization");
    if (!h.startsWith("Bearer ")) {
        *failure = error(401, u"unauthorized"_s, u"需要登录"_s);
        return nullptr;
    }
    QSqlQuery &q = prepared(u"SELECT username, expires_at FROM tokens WHERE token = ? AND kind = 'access'"_s);
    q.addBindValue(QString::fromLatin1(h.mid(7).trimmed()));
    q.exec();
    if (!q.next()) {
        *failure = error(401, u"invalid_token"_s, u"登录凭证无效，请重新登录"_s);
        return nullptr;
    }
    const QString username = q.value(0).toString();
    const qint64 expires = q.value(1).toLongLong();
    q.finish();
    if (now().toSecsSinceEpoch() >= expires) {
        *failure = error(401, u"token_expired"_s, u"访问令牌已过期"_s);
        return nullptr;
    }
    for (const User &u : m_users)
        if (u.username == username)
            return &u;
    *failure = error(401, u"invalid_token"_s, u"用户不存在"_s);
    return nullptr;
}

Response Platform::issueTokens(const User &u, bool withUser) {
    const qint64 t = now().toSecsSinceEpoch();
    const QString access = QString::fromLatin1(randomToken(32));
    const QString refresh = QString::fromLatin1(randomToken(32));
    QSqlQuery &q = prepared(u"INSERT INTO tokens(token, kind, username, expires_at) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(access);
    q.addBindValue(u"access"_s);
    q.addBindValue(u.username);
    q.addBindValue(t + m_options.tokenTtlS);
    q.exec();
    q.addBindValue(refresh);
    q.addBindValue(u"refresh"_s);
    q.addBindValue(u.username);
    q.addBindValue(t + 30 * 86400);
    q.exec();
    QJsonObject o{
        {u"access_token"_s, access}, {u"refresh_token"_s, refresh}, {u"expires_in"_s, m_options.tokenTtlS}};
    if (withUser)
        o.insert(u"user"_s, userJson(u));
    return json(200, o);
}

Response Platform::login(const Request &r) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    const QString username = b.value(u"username"_s).toString();
    const QString password = b.value(u"password"_s).toString();
    if (!ok || username.isEmpty())
        return error(400, u"bad_request"_s, u"请求格式错误"_s);
    const qint64 t = now().toSecsSinceEpoch();
    if (m_lockedUntil.value(username) > t)
        return error(423, u"account_locked"_s, u"连续登录失败次数过多，账号已锁定15分钟"_s,
                     QJsonObject{{u"locked_until"_s, iso(QDateTime::fromSecsSinceEpoch(
                                                         m_lockedUntil.value(username), Qt::UTC))}});
    const User *user = nullptr;
    for (const User &u : m_users)
        if (u.username == username)
            user = &u;
    if (!user || user->password != password) {
        auto &fails = m_failedLogins[username];
        fails.append(t);
        fails.erase(std::remove_if(fails.begin(), fails.end(), [t](qint64 f) { return f <= t - 15 * 60; }),
                    fails.end());
        if (fails.size() >= 5) {
            m_lockedUntil.insert(username, t + 15 * 60);
            fails.clear();
        }
        return error(401, u"invalid_credentials"_s, u"用户名或密码错误"_s);
    }
    m_failedLogins.remove(username);
    return issueTokens(*user, true);
}

Response Platform::refresh(const Request &r) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    const QString token = b.value(u"refresh_token"_s).toString();
    if (!ok || token.isEmpty())
        return error(400, u"bad_request"_s, u"请求格式错误"_s);
    const qint64 t = now().toSecsSinceEpoch();
    QSqlQuery &q = prepared(u"SELECT username, expires_at, used_at, next_access, next_refresh FROM tokens"
                            " WHERE token = ? AND kind = 'refresh'"_s);
    q.addBindValue(token);
    q.exec();
    if (!q.next())
        return error(401, u"invalid_refresh_token"_s, u"登录已失效，请重新登录"_s);
    const QString username = q.value(0).toString();
    const qint64 expires = q.value(1).toLongLong();
    const bool used = !q.value(2).isNull();
    const qint64 usedAt = q.value(2).toLongLong();
    const QString nextAccess = q.value(3).toString(), nextRefresh = q.value(4).toString();
    q.finish();
    const User *user = nullptr;
    for (const User &u : m_users)
        if (u.username == username)
            user = &u;
    if (!user || t >= expires)
        return error(401, u"invalid_refresh_token"_s, u"登录已失效，请重新登录"_s);
    if (used) {
        // A re-sent refresh whose answer was lost gets the same pair for 60 s (platform-api.md, Auth).
        if (t - usedAt <= m_options.refreshGraceS)
            return json(200, QJsonObject{{u"access_token"_s, nextAccess},
                                         {u"refresh_token"_s, nextRefresh},
                                         {u"expires_in"_s, m_options.tokenTtlS},
                                         {u"user"_s, userJson(*user)}});
        return error(401, u"invalid_refresh_token"_s, u"登录已失效，请重新登录"_s);
    }
    Response resp = issueTokens(*user, true);
    const QJsonObject o = QJsonDocument::fromJson(resp.body).object();
    QSqlQuery &u =
        prepared(u"UPDATE tokens SET used_at = ?, next_access = ?, next_refresh = ? WHERE token = ?"_s);
    u.addBindValue(t);
    u.addBindValue(o.value(u"access_token"_s).toString());
    u.addBindValue(o.value(u"refresh_token"_s).toString());
    u.addBindValue(token);
    u.exec();
    return resp;
}

Response Platform::keys() {
    return json(200, QJsonObject{{u"keys"_s, QJsonArray{QJsonObject{{u"kid"_s, m_kid},
                                                                    {u"alg"_s, u"SM2-SM3"_s},
                                                                    {u"public_key_pem"_s,
                                                                     QString::fromLatin1(m_key.publicPem())},
                                                                    {u"not_before"_s, m_keyNotBefore},
                                                                    {u"not_after"_s, m_keyNotAfter}}}}});
}

Response Platform::catalogPage(const Request &r, const QString &kind) {
    const QString stream = kind == u"item"_s ? u"items"_s : u"bundles"_s;
    qint64 since = 0;
    Response failure;
    if (!parseCursor(stream, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q = prepared(u"SELECT code, json, deleted, seq FROM catalog WHERE kind = ? AND seq > ?"
                            " ORDER BY seq LIMIT ?"_s);
    q.addBindValue(kind);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    // Built from the stored compact JSON directly: paging 10,000 items must stay fast.
    QByteArray upserts, deleted;
    int n = 0;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (n == limit) {
            more = true;
            break;
        }
        ++n;
        last = q.value(3).toLongLong();
        if (q.value(2).toInt()) {
            if (!deleted.isEmpty())
                deleted += ',';
            deleted += compact(QJsonObject{{u"c"_s, q.value(0).toString()}}).mid(5).chopped(1);
        } else {
            if (!upserts.isEmpty())
                upserts += ',';
            upserts += q.value(1).toByteArray();
        }
    }
    q.finish();
    Response resp;
    resp.body = "{\"" + stream.toLatin1() + "\":[" + upserts + "],\"deleted\":[" + deleted +
                "],\"next_cursor\":\"" + makeCursor(stream, last).toLatin1() +
                "\",\"has_more\":" + (more ? "true" : "false") + "}";
    return resp;
}

Response Platform::calendar(int year) {
    if (!m_calendarJson.contains(year))
        return error(404, u"calendar_not_published"_s, u"%1年的工作日历尚未发布"_s.arg(year),
                     QJsonObject{{u"year"_s, year}});
    Response r;
    r.body = m_calendarJson.value(year);
    return r;
}

Response Platform::keyed(const Request &r, const User &u, const std::function<Response()> &fn) {
    const QString key = QString::fromLatin1(r.headers.value("idempotency-key")).trimmed();
    if (key.isEmpty())
        return error(400, u"idempotency_key_required"_s, u"缺少 Idempotency-Key"_s);
    const QString scoped = u.hallId + u'\n' + key;
    if (m_inflight.contains(scoped))
        return error(409, u"idempotency_in_progress"_s, u"相同的请求仍在处理中，请稍后重试"_s);
    const QString hash = QString::fromLatin1(sha256Hex(r.method + ' ' + r.path.toUtf8() + '\n' + r.body));
    QSqlQuery &q = prepared(u"SELECT req_hash, status, body FROM idem WHERE hall = ? AND key = ?"_s);
    q.addBindValue(u.hallId);
    q.addBindValue(key);
    q.exec();
    if (q.next()) {
        const bool same = q.value(0).toString() == hash;
        Response stored;
        stored.status = q.value(1).toInt();
        stored.body = q.value(2).toByteArray();
        q.finish();
        if (!same)
            return error(422, u"idempotency_mismatch"_s, u"同一 Idempotency-Key 对应了不同的请求内容"_s);
        m_faultCounts[u"idempotent_replays"_s] += 1;
        stored.headers.append(std::pair<QByteArray, QByteArray>("Idempotent-Replayed", "true"));
        if (stored.body.isEmpty())
            stored.contentType.clear();
        return stored;
    }
    q.finish();
    m_db.transaction();
    Response resp = fn();
    if (isFinalStatus(resp.status, resp.body)) {
        QSqlQuery &ins = prepared(u"INSERT INTO idem(hall, key, req_hash, status, body, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)"_s);
        ins.addBindValue(u.hallId);
        ins.addBindValue(key);
        ins.addBindValue(hash);
        ins.addBindValue(resp.status);
        ins.addBindValue(resp.body);
        ins.addBindValue(now().toSecsSinceEpoch());
        if (!ins.exec()) {
            m_db.rollback();
            return error(500, u"internal"_s, u"数据库错误"_s);
        }
    }
    if (!m_db.commit()) {
        m_db.rollback();
        return error(500, u"internal"_s, u"数据库错误"_s);
    }
    // Held until the answer has been written or dropped: a concurrent retry sees 409 in progress.
    m_inflight.insert(scoped);
    resp.inflightKey = scoped;
    return resp;
}

QJsonObject Platform::caseJson(const QString &caseNo, QString *hall) {
    QSqlQuery &q = prepared(u"SELECT case_no, local_id, status, accepted_at, due_date, legal_due_date,"
                            " suspensions, version, updated_at, hall FROM cases WHERE case_no = ?"_s);
    q.addBindValue(caseNo);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o{{u"case_no"_s, q.value(0).toString()},
                  {u"local_id"_s, q.value(1).toString()},
                  {u"status"_s, q.value(2).toString()},
                  {u"accepted_at"_s, nullable(q.value(3).toString())},
                  {u"due_date"_s, nullable(q.value(4).toString())},
                  {u"legal_due_date"_s, nullable(q.value(5).toString())},
                  {u"suspensions"_s, QJsonDocument::fromJson(q.value(6).toByteArray()).array()},
                  {u"version"_s, q.value(7).toLongLong()},
                  {u"updated_at"_s, q.value(8).toString()},
                  // Not in the contract: clients must ignore unknown fields.
                  {u"platform_node"_s, u"HN-SIM"_s}};
    if (hall)
        *hall = q.value(9).toString();
    q.finish();
    // 1.1: an extension of the legal limit (依申请公开) arrives in the case's own feed too.
    if (m_options.api11)
        o.insert(u"extensions"_s, caseExtensions(caseNo));
    return o;
}

Response Platform::postCase(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QJsonObject fields;
    const QString localId = b.value(u"local_id"_s).toString();
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT case_no FROM cases WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该办件已提交"_s,
                         QJsonObject{{u"case"_s, caseJson(existing)}});
        }
        q.finish();
    }
    // Items and bundle
    QList<QJsonObject> items;
    const QJsonValue codesValue = b.value(u"item_codes"_s);
    if (!codesValue.isArray() || codesValue.toArray().isEmpty())
        fields.insert(u"item_codes"_s, u"至少选择一个事项"_s);
    for (const auto &c : codesValue.toArray()) {
        const auto it = m_itemsCache.constFind(c.toString());
        if (it == m_itemsCache.constEnd()) {
            fields.insert(u"item_codes"_s, u"未知或已下线的事项：%1"_s.arg(c.toString()));
            continue;
        }
        items.append(*it);
    }
    QJsonObject bundle;
    const QJsonValue bundleValue = b.value(u"bundle_code"_s);
    if (!bundleValue.isNull() && !bundleValue.isUndefined()) {
        bundle = m_bundlesCache.value(bundleValue.toString());
        if (bundle.isEmpty())
            fields.insert(u"bundle_code"_s, u"未知的一件事：%1"_s.arg(bundleValue.toString()));
        else
            for (const auto &c : codesValue.toArray())
                if (!bundle.value(u"item_codes"_s).toArray().contains(c))
                    fields.insert(u"item_codes"_s, u"事项 %1 不属于该一件事"_s.arg(c.toString()));
    }
    // Applicant
    const QJsonObject a = b.value(u"applicant"_s).toObject();
    const QString kind = a.value(u"kind"_s).toString();
    static const QStringList idTypes = {u"resident_id"_s, u"hk_macao_permit"_s, u"taiwan_permit"_s,
                                        u"foreign_permanent_residence"_s, u"passport"_s};
    if (kind != u"person"_s && kind != u"entity"_s)
        fields.insert(u"applicant.kind"_s, u"申请人类型应为 person 或 entity"_s);
    if (a.value(u"name"_s).toString().trimmed().isEmpty())
        fields.insert(u"applicant.name"_s, u"请填写姓名"_s);
    if (!idTypes.contains(a.value(u"id_type"_s).toString()))
        fields.insert(u"applicant.id_type"_s, u"证件类型无效"_s);
    if (a.value(u"id_number"_s).toString().trimmed().isEmpty())
        fields.insert(u"applicant.id_number"_s, u"请填写证件号码"_s);
    if (kind == u"entity"_s) {
        if (a.value(u"entity_name"_s).toString().trimmed().isEmpty())
            fields.insert(u"applicant.entity_name"_s, u"请填写单位名称"_s);
        if (a.value(u"uscc"_s).toString().size() != 18)
            fields.insert(u"applicant.uscc"_s, u"统一社会信用代码应为18位"_s);
    }
    // Decision
    const QString decision = b.value(u"decision"_s).toString();
    if (decision != u"accepted"_s && decision != u"rejected"_s && decision != u"correction_required"_s)
        fields.insert(u"decision"_s, u"受理决定无效"_s);
    if (decision != u"accepted"_s && b.value(u"decision_reason"_s).toString().trimmed().isEmpty())
        fields.insert(u"decision_reason"_s, u"请填写理由"_s);
    if (decision == u"rejected"_s && b.value(u"decision_basis"_s).toString().trimmed().isEmpty())
        fields.insert(u"decision_basis"_s, u"不予受理须写明法律依据"_s);
    const QDateTime createdAt = QDateTime::fromString(b.value(u"created_at"_s).toString(), Qt::ISODate);
    if (!createdAt.isValid())
        fields.insert(u"created_at"_s, u"时间格式应为 RFC 3339"_s);
    if (b.value(u"window_no"_s).toString().isEmpty())
        fields.insert(u"window_no"_s, u"缺少窗口号"_s);
    // Materials: one entry per (item_code, material_id)
    static const QStringList statuses = {u"paper"_s, u"electronic"_s, u"commitment"_s, u"missing"_s};
    QHash<QString, QJsonObject> given;
    const QJsonArray mats = b.value(u"materials"_s).toArray();
    for (int i = 0; i < mats.size(); ++i) {
        const QJsonObject m = mats.at(i).toObject();
        const QString key = m.value(u"item_code"_s).toString() + u'/' + m.value(u"material_id"_s).toString();
        const QString f = u"materials.%1"_s.arg(key);
        if (given.contains(key))
            fields.insert(f, u"材料重复"_s);
        given.insert(key, m);
        const QString st = m.value(u"status"_s).toString();
        if (!statuses.contains(st))
            fields.insert(f, u"材料状态无效"_s);
        else if (st == u"electronic"_s && m.value(u"license_id"_s).toString().isEmpty())
            fields.insert(f, u"电子证照缺少证照编号"_s);
    }
    if (decision == u"accepted"_s) {
        const QJsonObject values = b.value(u"form_values"_s).toObject();
        for (const QJsonObject &item : items) {
            const QString code = item.value(u"code"_s).toString();
            for (const auto &fv : item.value(u"form"_s).toArray()) {
                const QJsonObject f = fv.toObject();
                const QString key = f.value(u"key"_s).toString();
                const QJsonValue v = values.value(key);
                const QString type = f.value(u"type"_s).toString();
                const bool present = type == u"number"_s ? v.isDouble()
                                     : type == u"bool"_s ? v.isBool()
                                                         : v.isString() && !v.toString().trimmed().isEmpty();
                if (f.value(u"required"_s).toBool() && !present)
                    fields.insert(u"form_values.%1"_s.arg(key),
                                  u"请填写%1"_s.arg(f.value(u"label"_s).toString()));
                else if (present && type == u"select"_s && !f.value(u"options"_s).toArray().contains(v))
                    fields.insert(u"form_values.%1"_s.arg(key),
                                  u"%1的取值不在选项中"_s.arg(f.value(u"label"_s).toString()));
            }
            for (const auto &mv : item.value(u"materials"_s).toArray()) {
                const QJsonObject m = mv.toObject();
                if (!m.value(u"required"_s).toBool())
                    continue;
                const QString key = code + u'/' + m.value(u"id"_s).toString();
                const QString st = given.value(key).value(u"status"_s).toString();
                const QString f = u"materials.%1"_s.arg(key);
                if (st.isEmpty() || st == u"missing"_s)
                    fields.insert(f, u"缺少必要材料：%1"_s.arg(m.value(u"name"_s).toString()));
                else if (st == u"commitment"_s && !m.value(u"commitment_allowed"_s).toBool())
                    fields.insert(f, u"该材料不适用告知承诺：%1"_s.arg(m.value(u"name"_s).toString()));
            }
        }
    }
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"办件内容未通过校验"_s, QJsonObject{{u"fields"_s, fields}});

    // Create
    const QDateTime t = now();
    const QDate d = cstDate(createdAt);
    QString due, legalDue;
    if (decision == u"accepted"_s) {
        int promised = 0, legal = 0;
        for (const auto &item : items) {
            promised = qMax(promised, item.value(u"promised_time_limit_days"_s).toInt());
            legal = qMax(legal, item.value(u"legal_time_limit_days"_s).toInt());
        }
        if (!bundle.isEmpty())
            promised = bundle.value(u"promised_time_limit_days"_s).toInt();
        due = addWorkingDays(d, promised).toString(Qt::ISODate);
        legalDue = addWorkingDays(d, legal).toString(Qt::ISODate);
    }
    QString window = b.value(u"window_no"_s).toString();
    window.remove(QRegularExpression(u"[^A-Za-z0-9]"_s));
    const QString caseNo = u"HN%1%2%3"_s.arg(cstDate(t).toString(u"yyyyMMdd"_s), window.left(4))
                               .arg(++m_caseCounter, 6, 10, QChar(u'0'));
    QSqlQuery &ins =
        prepared(u"INSERT INTO cases(case_no, local_id, hall, request, status, accepted_at, due_date,"
                 " legal_due_date, suspensions, version, updated_at, seq, will_suspend)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', 1, ?, ?, ?)"_s);
    ins.addBindValue(caseNo);
    ins.addBindValue(localId);
    ins.addBindValue(u.hallId);
    ins.addBindValue(r.body);
    ins.addBindValue(decision);
    ins.addBindValue(iso(t));
    ins.addBindValue(due.isEmpty() ? QVariant() : QVariant(due));
    ins.addBindValue(legalDue.isEmpty() ? QVariant() : QVariant(legalDue));
    ins.addBindValue(iso(t));
    ins.addBindValue(nextSeq());
    ins.addBindValue(m_rng.generateDouble() < m_options.suspendShare ? 1 : 0);
    if (!ins.exec()) {
        --m_caseCounter;
        qCWarning(lcSim) << "case insert failed:" << ins.lastError().text();
        return error(500, u"internal"_s, u"数据库错误"_s);
    }
    return json(201, caseJson(caseNo));
}

Response Platform::getCase(const QString &caseNo, const User &u) {
    QString hall;
    const QJsonObject c = caseJson(caseNo, &hall);
    if (c.isEmpty() || hall != u.hallId)
        return error(404, u"not_found"_s, u"办件不存在"_s);
    return json(200, c);
}

Response Platform::caseChanges(const Request &r, const User &u) {
    // 1.1: scope=hall is the supervisor's hall-wide feed, a stream of its own (its own cursors). A 1.0
    // platform does not know the parameter and answers its usual feed.
    const bool hallScope = m_options.api11 && r.query.queryItemValue(u"scope"_s) == u"hall"_s;
    if (hallScope && !u.roles.contains(u"supervisor"_s))
        return error(403, u"forbidden"_s, u"只有监督人员可以查看全厅办件"_s);
    const QString stream = hallScope ? u"cases_hall"_s : u"cases"_s;
    qint64 since = 0;
    Response failure;
    if (!parseCursor(stream, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q =
        prepared(u"SELECT case_no, seq FROM cases WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(u.hallId);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    QStringList caseNos;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (caseNos.size() == limit) {
            more = true;
            break;
        }
        caseNos.append(q.value(0).toString());
        last = q.value(1).toLongLong();
    }
    q.finish();
    QJsonArray changes;
    for (const QString &c : caseNos)
        changes.append(hallScope ? hallCaseJson(c) : caseJson(c));
    return json(200, QJsonObject{{u"changes"_s, changes},
                                 {u"next_cursor"_s, makeCursor(stream, last)},
                                 {u"has_more"_s, more}});
}

Response Platform::caseEvent(const Request &r, const User &u, const QString &caseNo) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    QJsonObject c = caseJson(caseNo, &hall);
    if (c.isEmpty() || hall != u.hallId)
        return error(404, u"not_found"_s, u"办件不存在"_s);
    const QString type = b.value(u"type"_s).toString();
    const QString status = c.value(u"status"_s).toString();
    static const QHash<QString, QStringList> allowedFrom = {
        {u"delivered"_s, {u"completed"_s}},
        {u"withdrawn"_s, {u"accepted"_s, u"in_progress"_s, u"suspended"_s, u"correction_required"_s}},
        {u"suspended"_s, {u"accepted"_s, u"in_progress"_s}},
        {u"resumed"_s, {u"suspended"_s}},
    };
    if (!allowedFrom.contains(type))
        return error(
            422, u"validation"_s, u"事件类型无效"_s,
            QJsonObject{{u"fields"_s,
                         QJsonObject{{u"type"_s, u"应为 delivered、withdrawn、suspended 或 resumed"_s}}}});
    if (!allowedFrom.value(type).contains(status))
        return error(409, u"state_conflict"_s, u"办件当前状态为 %1，不能执行 %2"_s.arg(status, type),
                     QJsonObject{{u"case"_s, c}});
    const QString newStatus = type == u"resumed"_s ? u"in_progress"_s : type;
    QJsonArray suspensions = c.value(u"suspensions"_s).toArray();
    QString due = c.value(u"due_date"_s).toString(), legalDue = c.value(u"legal_due_date"_s).toString();
    const QDate today = cstDate(now());
    if (type == u"suspended"_s)
        suspensions.append(QJsonObject{{u"from"_s, today.toString(Qt::ISODate)}, {u"to"_s, QJsonValue()}});
    if (type == u"resumed"_s && !suspensions.isEmpty()) {
        QJsonObject last = suspensions.last().toObject();
        last.insert(u"to"_s, today.toString(Qt::ISODate));
        suspensions.replace(suspensions.size() - 1, last);
        // The clock stopped: due dates move on by the working days the case was suspended.
        const int stopped =
            workingDaysBetween(QDate::fromString(last.value(u"from"_s).toString(), Qt::ISODate), today);
        if (!due.isEmpty())
            due = addWorkingDays(QDate::fromString(due, Qt::ISODate), stopped).toString(Qt::ISODate);
        if (!legalDue.isEmpty())
            legalDue =
                addWorkingDays(QDate::fromString(legalDue, Qt::ISODate), stopped).toString(Qt::ISODate);
    }
    QSqlQuery &q = prepared(u"UPDATE cases SET status = ?, suspensions = ?, due_date = ?, legal_due_date = ?,"
                            " version = version + 1, updated_at = ?, seq = ? WHERE case_no = ?"_s);
    q.addBindValue(newStatus);
    q.addBindValue(QJsonDocument(suspensions).toJson(QJsonDocument::Compact));
    q.addBindValue(due.isEmpty() ? QVariant() : QVariant(due));
    q.addBindValue(legalDue.isEmpty() ? QVariant() : QVariant(legalDue));
    q.addBindValue(iso(now()));
    q.addBindValue(nextSeq());
    q.addBindValue(caseNo);
    if (!q.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(200, caseJson(caseNo));
}

void Platform::backofficeStep() {
    crossProvinceStep(); // the target provinces answer forwarded 跨省通办 receipts (crossprovince.cpp)
    QSqlQuery q(m_db);
    q.exec(u"SELECT case_no, status, suspensions, will_suspend, due_date, legal_due_date FROM cases"
           " WHERE status IN ('accepted', 'in_progress', 'suspended')"_s);
    struct Move {
        QString caseNo, status;
        QByteArray suspensions;
        QVariant due, legalDue;
    };
    QList<Move> moves;
    const QDate today = cstDate(now());
    while (q.next()) {
        Move m{q.value(0).toString(), {}, q.value(2).toByteArray(), q.value(4), q.value(5)};
        const QString status = q.value(1).toString();
        QJsonArray susp = QJsonDocument::fromJson(m.suspensions).array();
        if (status == u"accepted"_s) {
            m.status = u"in_progress"_s;
        } else if (status == u"in_progress"_s && q.value(3).toInt() && susp.isEmpty()) {
            m.status = u"suspended"_s;
            susp.append(QJsonObject{{u"from"_s, today.toString(Qt::ISODate)}, {u"to"_s, QJsonValue()}});
        } else if (status == u"suspended"_s) {
            m.status = u"in_progress"_s;
            if (!susp.isEmpty()) {
                QJsonObject last = susp.last().toObject();
                last.insert(u"to"_s, today.toString(Qt::ISODate));
                susp.replace(susp.size() - 1, last);
                const int stopped = workingDaysBetween(
                    QDate::fromString(last.value(u"from"_s).toString(), Qt::ISODate), today);
                if (!m.due.isNull())
                    m.due = addWorkingDays(m.due.toDate(), stopped).toString(Qt::ISODate);
                if (!m.legalDue.isNull())
                    m.legalDue = addWorkingDays(m.legalDue.toDate(), stopped).toString(Qt::ISODate);
            }
        } else {
            m.status = u"completed"_s;
        }
        m.suspensions = QJsonDocument(susp).toJson(QJsonDocument::Compact);
        moves.append(m);
    }
    q.finish();
    m_db.transaction();
    QSqlQuery &u = prepared(u"UPDATE cases SET status = ?, suspensions = ?, due_date = ?, legal_due_date = ?,"
                            " version = version + 1, updated_at = ?, seq = ? WHERE case_no = ?"_s);
    const QString stamp = iso(now());
    for (const Move &m : moves) {
        u.addBindValue(m.status);
        u.addBindValue(m.suspensions);
        u.addBindValue(m.due);
        u.addBindValue(m.legalDue);
        u.addBindValue(stamp);
        u.addBindValue(nextSeq());
        u.addBindValue(m.caseNo);
        u.exec();
    }
    // Rectified or explained 差评 are reviewed and closed by the supervision office; so are appeals decided.
    QSqlQuery e(m_db);
    e.exec(u"SELECT evaluation_id FROM evaluations WHERE state IN ('rectified', 'explained', 'appealed')"_s);
    QStringList toClose;
    while (e.next())
        toClose.append(e.value(0).toString());
    e.finish();
    QSqlQuery &c = prepared(u"UPDATE evaluations SET state = 'closed', version = version + 1, updated_at = ?,"
                            " seq = ? WHERE evaluation_id = ?"_s);
    for (const QString &id : toClose) {
        c.addBindValue(stamp);
        c.addBindValue(nextSeq());
        c.addBindValue(id);
        c.exec();
    }
    m_db.commit();
    if (!moves.isEmpty() || !toClose.isEmpty())
        qCInfo(lcSim) << "backoffice step: cases moved" << moves.size() << "evaluations closed"
                      << toClose.size();
    if (m_options.intakePerStep > 0 && !m_users.isEmpty())
        backofficeIntake(m_users.first().hallId, {}, m_options.intakePerStep, 0);
    if (m_options.api11)
        dutiesStep();
}

QStringList Platform::backofficeIntake(const QString &hallId, const QStringList &windowsIn, int count,
                                       int daysAgo) {
    // Other windows of the hall take cases in (as their clients would POST them): the body is stored as the
    // request, so the hall-wide feed reads them like any case.
    static const QStringList kNames = {u"赵一"_s, u"钱二"_s, u"孙三"_s, u"李四"_s,
                                       u"周五"_s, u"吴六"_s, u"郑七"_s, u"王八"_s};
    const QStringList windows = windowsIn.isEmpty() ? QStringList{u"A01"_s, u"A02"_s, u"B01"_s} : windowsIn;
    QStringList codes;
    for (auto it = m_itemsCache.cbegin(); it != m_itemsCache.cend(); ++it)
        if (it->value(u"promised_time_limit_days"_s).toInt() > 0 &&
            it->value(u"legal_time_limit_days"_s).toInt() > 0)
            codes.append(it.key());
    std::sort(codes.begin(), codes.end());
    QStringList made;
    if (codes.isEmpty())
        return made;
    const QDateTime t = now();
    const QDateTime created = t.addDays(-qMax(0, daysAgo));
    m_db.transaction();
    for (int i = 0; i < count; ++i) {
        const QString window = windows.at(int(m_rng.bounded(int(windows.size()))));
        const QJsonObject item = m_itemsCache.value(codes.at(int(m_rng.bounded(int(codes.size())))));
        QString idNumber = u"430104"_s;
        for (int k = 0; k < 11; ++k)
            idNumber += QChar(u'0' + int(m_rng.bounded(10)));
        idNumber += u'X';
        const QString localId = uuid();
        const QJsonObject body{
            {u"local_id"_s, localId},
            {u"item_codes"_s, QJsonArray{item.value(u"code"_s)}},
            {u"bundle_code"_s, QJsonValue()},
            {u"applicant"_s, QJsonObject{{u"kind"_s, u"person"_s},
                                         {u"name"_s, kNames.at(int(m_rng.bounded(int(kNames.size()))))},
                                         {u"id_type"_s, u"resident_id"_s},
                                         {u"id_number"_s, idNumber},
                                         {u"phone"_s, u"13800000000"_s}}},
            {u"decision"_s, u"accepted"_s},
            {u"clerk_id"_s, u"u-sim-%1"_s.arg(window.toLower())},
            {u"clerk_name"_s, u"窗口%1"_s.arg(window)},
            {u"window_no"_s, window},
            {u"ticket_no"_s, QJsonValue()},
            {u"created_at"_s, iso(created)}};
        const QDate d = cstDate(created);
        const QString due =
            addWorkingDays(d, item.value(u"promised_time_limit_days"_s).toInt()).toString(Qt::ISODate);
        const QString legalDue =
            addWorkingDays(d, item.value(u"legal_time_limit_days"_s).toInt()).toString(Qt::ISODate);
        QString w = window;
        w.remove(QRegularExpression(u"[^A-Za-z0-9]"_s));
        const QString caseNo = u"HN%1%2%3"_s.arg(cstDate(t).toString(u"yyyyMMdd"_s), w.left(4))
                                   .arg(++m_caseCounter, 6, 10, QChar(u'0'));
        QSqlQuery &ins =
            prepared(u"INSERT INTO cases(case_no, local_id, hall, request, status, accepted_at, due_date,"
                     " legal_due_date, suspensions, version, updated_at, seq, will_suspend)"
                     " VALUES (?, ?, ?, ?, 'accepted', ?, ?, ?, '[]', 1, ?, ?, ?)"_s);
        ins.addBindValue(caseNo);
        ins.addBindValue(localId);
        ins.addBindValue(hallId);
        ins.addBindValue(compact(body));
        ins.addBindValue(iso(created));
        ins.addBindValue(due);
        ins.addBindValue(legalDue);
        ins.addBindValue(iso(t));
        ins.addBindValue(nextSeq());
        ins.addBindValue(m_rng.generateDouble() < m_options.suspendShare ? 1 : 0);
        if (ins.exec())
            made.append(caseNo);
        else
            --m_caseCounter;
    }
    m_db.commit();
    return made;
}

// ---- 1.1: the hall-wide feed and follow-ups ----------------------------------------------------------

QJsonObject Platform::followupJson(const QString &followupId) {
    QSqlQuery &q = prepared(u"SELECT json FROM followups WHERE followup_id = ?"_s);
    q.addBindValue(followupId);
    q.exec();
    const QJsonObject o =
        q.next() ? QJsonDocument::fromJson(q.value(0).toByteArray()).object() : QJsonObject();
    q.finish();
    return o;
}

QJsonObject Platform::hallCaseJson(const QString &caseNo) {
    QJsonObject o = caseJson(caseNo);
    if (o.isEmpty())
        return o;
    QSqlQuery &q = prepared(u"SELECT request, extensions FROM cases WHERE case_no = ?"_s);
    q.addBindValue(caseNo);
    q.exec();
    QJsonObject b;
    QJsonArray extensions;
    if (q.next()) {
        b = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        extensions = QJsonDocument::fromJson(q.value(1).toByteArray()).array();
    }
    q.finish();
    const QJsonArray codes = b.value(u"item_codes"_s).toArray();
    int promised = 0, legal = 0;
    QString department;
    for (const auto &c : codes) {
        const QJsonObject item = m_itemsCache.value(c.toString());
        promised = qMax(promised, item.value(u"promised_time_limit_days"_s).toInt());
        legal = qMax(legal, item.value(u"legal_time_limit_days"_s).toInt());
        if (department.isEmpty())
            department = item.value(u"department_code"_s).toString(item.value(u"department"_s).toString());
    }
    const QString bundleCode = b.value(u"bundle_code"_s).toString();
    if (!bundleCode.isEmpty())
        promised = m_bundlesCache.value(bundleCode).value(u"promised_time_limit_days"_s).toInt(promised);
    const QJsonObject a = b.value(u"applicant"_s).toObject();
    const QString clerkId = b.value(u"clerk_id"_s).toString();
    QString clerkName = b.value(u"clerk_name"_s).toString();
    for (const User &u : m_users)
        if (u.id == clerkId)
            clerkName = u.name;
    QJsonArray followups;
    QSqlQuery &f = prepared(u"SELECT json FROM followups WHERE case_no = ? ORDER BY rowid"_s);
    f.addBindValue(caseNo);
    f.exec();
    while (f.next())
        followups.append(QJsonDocument::fromJson(f.value(0).toByteArray()).object());
    f.finish();
    // Never the full id number: only its masked form (platform-api.md 1.1).
    o.insert(u"created_at"_s, b.value(u"created_at"_s).toString());
    o.insert(u"window_no"_s, b.value(u"window_no"_s).toString());
    o.insert(u"clerk_id"_s, clerkId);
    o.insert(u"clerk_name"_s, clerkName);
    o.insert(u"item_codes"_s, codes);
    o.insert(u"bundle_code"_s, nullable(bundleCode));
    o.insert(u"department_code"_s, nullable(department));
    o.insert(u"decision"_s, b.value(u"decision"_s).toString());
    o.insert(u"promised_days"_s, promised);
    o.insert(u"legal_days"_s, legal);
    o.insert(u"extensions"_s, extensions);
    o.insert(u"applicant_name"_s,
             a.value(u"kind"_s).toString() == u"entity"_s ? a.value(u"entity_name"_s) : a.value(u"name"_s));
    o.insert(u"applicant_id_masked"_s, mask(a.value(u"id_number"_s).toString()));
    o.insert(u"followups"_s, followups);
    return o;
}

bool Platform::bumpCase(const QString &caseNo) {
    QSqlQuery &q =
        prepared(u"UPDATE cases SET version = version + 1, updated_at = ?, seq = ? WHERE case_no = ?"_s);
    q.addBindValue(iso(now()));
    q.addBindValue(nextSeq());
    q.addBindValue(caseNo);
    return q.exec();
}

Response Platform::postFollowup(const Request &r, const User &u, const QString &caseNo) {
    if (!u.roles.contains(u"supervisor"_s))
        return error(403, u"forbidden"_s, u"只有监督人员可以登记督办"_s);
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    if (caseJson(caseNo, &hall).isEmpty() || hall != u.hallId)
        return error(404, u"unknown_case"_s, u"办件不存在"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT followup_id FROM followups WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该督办已登记"_s,
                         QJsonObject{{u"record"_s, followupJson(existing)}});
        }
        q.finish();
    }
    static const QStringList cards{u"red"_s, u"yellow"_s};
    static const QStringList findings{u"clerk_error"_s, u"back_office_delay"_s, u"applicant_delay"_s,
                                      u"system_fault"_s, u"other"_s};
    if (!cards.contains(b.value(u"card"_s).toString()))
        fields.insert(u"card"_s, u"应为 red 或 yellow"_s);
    if (!findings.contains(b.value(u"finding"_s).toString()))
        fields.insert(u"finding"_s, u"督办结论无效"_s);
    if (b.value(u"action"_s).toString().trimmed().isEmpty())
        fields.insert(u"action"_s, u"请填写处理措施"_s);
    if (!QDateTime::fromString(b.value(u"at"_s).toString(), Qt::ISODate).isValid())
        fields.insert(u"at"_s, u"时间格式应为 RFC 3339"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"督办内容未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    const QString id = u"FU-"_s + uuid().left(8).toUpper();
    const QJsonObject f{{u"followup_id"_s, id},
                        {u"local_id"_s, localId},
                        {u"card"_s, b.value(u"card"_s).toString()},
                        {u"finding"_s, b.value(u"finding"_s).toString()},
                        {u"action"_s, b.value(u"action"_s).toString()},
                        {u"note"_s, b.value(u"note"_s).toString()},
                        {u"by"_s, b.value(u"by"_s).toString(u.id)},
                        {u"at"_s, b.value(u"at"_s).toString()}};
    QSqlQuery &ins = prepared(
        u"INSERT INTO followups(followup_id, local_id, case_no, hall, json) VALUES (?, ?, ?, ?, ?)"_s);
    ins.addBindValue(id);
    ins.addBindValue(localId);
    ins.addBindValue(caseNo);
    ins.addBindValue(u.hallId);
    ins.addBindValue(compact(f));
    if (!ins.exec() || !bumpCase(caseNo)) // it appears in the case's followups: the case changed
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(201, f);
}

Response Platform::evaluationWrite(const Request &r, const User &u, const QString &evaluationId,
                                   const QString &kind) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    const QJsonObject e = evaluationJson(evaluationId, &hall);
    if (e.isEmpty() || hall != u.hallId)
        return error(404, u"unknown_evaluation"_s, u"评价不存在"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT evaluation_id FROM evaluation_writes WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString existing = q.value(0).toString();
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该记录已登记"_s,
                         QJsonObject{{u"record"_s, evaluationJson(existing)}});
        }
        q.finish();
    }
    if (!QDateTime::fromString(b.value(u"at"_s).toString(), Qt::ISODate).isValid())
        fields.insert(u"at"_s, u"时间格式应为 RFC 3339"_s);
    QJsonObject stored{{u"local_id"_s, localId},
                       {u"note"_s, b.value(u"note"_s).toString()},
                       {u"by"_s, b.value(u"by"_s).toString(u.id)},
                       {u"at"_s, b.value(u"at"_s).toString()}};
    if (kind == u"callback"_s) {
        const QJsonValue sat = b.value(u"satisfied_after"_s);
        if (!b.value(u"reached"_s).isBool())
            fields.insert(u"reached"_s, u"请说明是否联系上"_s);
        if (!sat.isBool() && !sat.isNull() && !sat.isUndefined())
            fields.insert(u"satisfied_after"_s, u"应为 true、false 或 null"_s);
        stored.insert(u"reached"_s, b.value(u"reached"_s).toBool());
        stored.insert(u"satisfied_after"_s, sat.isBool() ? sat : QJsonValue());
    } else {
        if (b.value(u"reason"_s).toString().trimmed().isEmpty())
            fields.insert(u"reason"_s, u"请填写申诉理由"_s);
        stored.remove(u"note"_s);
        stored.insert(u"reason"_s, b.value(u"reason"_s).toString());
    }
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"内容未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    const QString state = e.value(u"state"_s).toString();
    if (kind == u"appeal"_s && state != u"open"_s && state != u"verified"_s)
        return error(409, u"state_conflict"_s, u"评价当前状态为 %1，不能申诉"_s.arg(state),
                     QJsonObject{{u"record"_s, e}});
    QSqlQuery &ins =
        prepared(u"INSERT INTO evaluation_writes(local_id, evaluation_id, kind, json) VALUES (?, ?, ?, ?)"_s);
    ins.addBindValue(localId);
    ins.addBindValue(evaluationId);
    ins.addBindValue(kind);
    ins.addBindValue(compact(stored));
    if (!ins.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    QJsonArray actions = e.value(u"actions"_s).toArray();
    if (kind == u"appeal"_s)
        actions.append(QJsonObject{{u"action"_s, u"appeal"_s},
                                   {u"note"_s, stored.value(u"reason"_s)},
                                   {u"at"_s, stored.value(u"at"_s)},
                                   {u"by"_s, stored.value(u"by"_s)}});
    QSqlQuery &q =
        prepared(u"UPDATE evaluations SET state = ?, actions = ?, version = version + 1, updated_at = ?,"
                 " seq = ? WHERE evaluation_id = ?"_s);
    q.addBindValue(kind == u"appeal"_s ? u"appealed"_s : state);
    q.addBindValue(QJsonDocument(actions).toJson(QJsonDocument::Compact));
    q.addBindValue(iso(now()));
    q.addBindValue(nextSeq());
    q.addBindValue(evaluationId);
    if (!q.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(200, evaluationJson(evaluationId));
}

Response Platform::simIntake(const Request &r) {
    bool ok = false;
    const QJsonObject b = r.body.trimmed().isEmpty() ? QJsonObject() : parseObject(r.body, &ok);
    QStringList windows;
    for (const auto &w : b.value(u"windows"_s).toArray())
        windows.append(w.toString());
    const QString hall = b.value(u"hall_id"_s).toString(m_users.first().hallId);
    const QStringList made = backofficeIntake(hall, windows, qBound(1, b.value(u"count"_s).toInt(1), 500),
                                              b.value(u"days_ago"_s).toInt(0));
    return json(200, QJsonObject{{u"case_nos"_s, QJsonArray::fromStringList(made)}});
}

// ---- Queue -----------------------------------------------------------------------------------------

QString Platform::issueTicket(const QString &hallId, const QString &category) {
    int idx = int(kCategories.indexOf(category));
    if (idx < 0)
        idx = 0;
    ++m_ticketCounter;
    // Numbered per hall and category letter, like a hall's ticket machine (B001, B002, ..., B999, B001).
    const QString counterKey = hallId + u'/' + kLetters.at(idx);
    if (!m_ticketNumbers.contains(counterKey)) {
        QSqlQuery &count =
            prepared(u"SELECT COUNT(*) FROM tickets WHERE hall = ? AND substr(ticket_no, 1, 1) = ?"_s);
        count.addBindValue(hallId);
        count.addBindValue(QString(kLetters.at(idx)));
        count.exec();
        m_ticketNumbers.insert(counterKey, count.next() ? count.value(0).toInt() : 0);
        count.finish();
    }
    const int n = ++m_ticketNumbers[counterKey];
    const QString ticketNo = u"%1%2"_s.arg(kLetters.at(idx)).arg((n - 1) % 999 + 1, 3, 10, QChar(u'0'));
    QSqlQuery &q =
        prepared(u"INSERT OR REPLACE INTO tickets(hall, ticket_no, category, issued_at, status, window_no,"
                 " called_at, n) VALUES (?, ?, ?, ?, 'waiting', NULL, NULL, ?)"_s);
    q.addBindValue(hallId);
    q.addBindValue(ticketNo);
    q.addBindValue(kCategories.at(idx));
    q.addBindValue(iso(now()));
    q.addBindValue(m_ticketCounter);
    q.exec();
    recordQueueEvent(hallId, ticketNo, kCategories.at(idx), u"issued"_s, QString(), QString());
    return ticketNo;
}

void Platform::recordQueueEvent(const QString &hall, const QString &ticketNo, const QString &category,
                                const QString &type, const QString &windowNo, const QString &clerkId,
                                const QString &toCategory) {
    QSqlQuery &q = prepared(u"INSERT INTO queue_events(event_id, hall, ticket_no, category, type, window_no,"
                            " clerk_id, to_category, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(u"qe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(hall);
    q.addBindValue(ticketNo);
    q.addBindValue(category);
    q.addBindValue(type);
    q.addBindValue(windowNo.isEmpty() ? QVariant() : QVariant(windowNo));
    q.addBindValue(clerkId.isEmpty() ? QVariant() : QVariant(clerkId));
    q.addBindValue(toCategory.isEmpty() ? QVariant() : QVariant(toCategory));
    q.addBindValue(iso(now()));
    q.exec();
}

Response Platform::queueEvents(const Request &r, const User &u) {
    if (!u.roles.contains(u"supervisor"_s))
        return error(403, u"forbidden"_s, u"只有监督人员可以查看全厅排队事件"_s);
    const QString hall =
        r.query.queryItemValue(u"hall_id"_s).isEmpty() ? u.hallId : r.query.queryItemValue(u"hall_id"_s);
    if (hall != u.hallId)
        return error(403, u"forbidden"_s, u"只能查看本大厅的排队"_s);
    qint64 since = 0;
    Response failure;
    if (!parseCursor(u"queue_events"_s, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q =
        prepared(u"SELECT seq, event_id, ticket_no, category, type, window_no, clerk_id, to_category,"
                 " at FROM queue_events WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"_s);
    q.addBindValue(hall);
    q.addBindValue(since);
    q.addBindValue(limit + 1);
    q.exec();
    QJsonArray events;
    qint64 last = since;
    bool more = false;
    while (q.next()) {
        if (events.size() == limit) {
            more = true;
            break;
        }
        last = q.value(0).toLongLong();
        events.append(QJsonObject{{u"event_id"_s, q.value(1).toString()},
                                  {u"ticket_no"_s, q.value(2).toString()},
                                  {u"category"_s, q.value(3).toString()},
                                  {u"type"_s, q.value(4).toString()},
                                  {u"window_no"_s, nullable(q.value(5).toString())},
                                  {u"clerk_id"_s, nullable(q.value(6).toString())},
                                  {u"to_category"_s, nullable(q.value(7).toString())},
                                  {u"at"_s, q.value(8).toString()}});
    }
    q.finish();
    return json(200, QJsonObject{{u"events"_s, events},
                                 {u"next_cursor"_s, makeCursor(u"queue_events"_s, last)},
                                 {u"has_more"_s, more}});
}

QJsonArray Platform::serveStep(const QString &hallId, const QStringList &windows) {
    QJsonArray done;
    for (const QString &w : windows) {
        User clerk;
        clerk.id = u"u-sim-"_s + w;
        clerk.hallId = hallId;
        clerk.windowNo = w;
        clerk.roles = {u"clerk"_s};
        QSqlQuery &q = prepared(u"SELECT ticket_no, status FROM tickets WHERE hall = ? AND window_no = ? AND"
                                " status IN ('called', 'serving') ORDER BY n DESC LIMIT 1"_s);
        q.addBindValue(hallId);
        q.addBindValue(w);
        q.exec();
        const QString ticketNo = q.next() ? q.value(0).toString() : QString();
        const QString status = q.value(1).toString();
        q.finish();
        Request none;
        QString action;
        Response answer;
        if (ticketNo.isEmpty()) {
            none.body = QJsonDocument(QJsonObject{{u"window_no"_s, w}}).toJson(QJsonDocument::Compact);
            answer = callNext(none, clerk);
            action = u"call-next"_s;
        } else {
            action = status == u"serving"_s ? u"done"_s : u"start"_s;
            answer = ticketAction(none, clerk, ticketNo, action);
        }
        if (answer.status != 200)
            continue;
        const QJsonObject t = QJsonDocument::fromJson(answer.body).object();
        done.append(QJsonObject{
            {u"window_no"_s, w}, {u"ticket_no"_s, t.value(u"ticket_no"_s)}, {u"action"_s, action}});
    }
    return done;
}

Response Platform::simServe(const Request &r) {
    bool ok = false;
    const QJsonObject b = r.body.trimmed().isEmpty() ? QJsonObject() : parseObject(r.body, &ok);
    QStringList windows;
    for (const auto &w : b.value(u"windows"_s).toArray())
        windows.append(w.toString());
    if (windows.isEmpty())
        windows = {u"A01"_s, u"A02"_s, u"B01"_s};
    const QString hall = b.value(u"hall_id"_s).toString(m_users.first().hallId);
    return json(200, QJsonObject{{u"actions"_s, serveStep(hall, windows)}});
}

QJsonObject Platform::ticketJson(const QString &hall, const QString &ticketNo) {
    QSqlQuery &q =
        prepared(u"SELECT ticket_no, category, issued_at, status, window_no, called_at FROM tickets"
                 " WHERE hall = ? AND ticket_no = ?"_s);
    q.addBindValue(hall);
    q.addBindValue(ticketNo);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o{
        {u"ticket_no"_s, q.value(0).toString()},           {u"category"_s, q.value(1).toString()},
        {u"issued_at"_s, q.value(2).toString()},           {u"status"_s, q.value(3).toString()},
        {u"window_no"_s, nullable(q.value(4).toString())}, {u"called_at"_s, nullable(q.value(5).toString())}};
    q.finish();
    return o;
}

Response Platform::queue(const Request &r, const User &u) {
    const QString hall =
        r.query.queryItemValue(u"hall_id"_s).isEmpty() ? u.hallId : r.query.queryItemValue(u"hall_id"_s);
    if (hall != u.hallId)
        return error(403, u"forbidden"_s, u"只能查看本大厅的排队"_s);
    // The last day's tickets, oldest first.
    QSqlQuery &q = prepared(u"SELECT ticket_no FROM tickets WHERE hall = ? AND issued_at >= ? ORDER BY n"_s);
    q.addBindValue(hall);
    q.addBindValue(iso(now().addDays(-1)));
    q.exec();
    QStringList nos;
    while (q.next())
        nos.append(q.value(0).toString());
    q.finish();
    QJsonArray tickets;
    for (const QString &n : nos)
        tickets.append(ticketJson(hall, n));
    return json(200, QJsonObject{{u"tickets"_s, tickets}});
}

Response Platform::callNext(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    const QString window = b.value(u"window_no"_s).toString(u.windowNo);
    QStringList categories;
    for (const auto &c : b.value(u"categories"_s).toArray())
        categories.append(c.toString());
    QSqlQuery &q =
        prepared(u"SELECT ticket_no, category FROM tickets WHERE hall = ? AND status IN ('waiting',"
                 " 'transferred') ORDER BY n"_s);
    q.addBindValue(u.hallId);
    q.exec();
    QString found;
    while (q.next())
        if (categories.isEmpty() || categories.contains(q.value(1).toString())) {
            found = q.value(0).toString();
            break;
        }
    q.finish();
    if (found.isEmpty()) {
        Response none;
        none.status = 204;
        none.contentType.clear();
        return none;
    }
    QSqlQuery &up =
        prepared(u"UPDATE tickets SET status = 'called', window_no = ?, called_at = ? WHERE hall = ?"
                 " AND ticket_no = ?"_s);
    up.addBindValue(window);
    up.addBindValue(iso(now()));
    up.addBindValue(u.hallId);
    up.addBindValue(found);
    up.exec();
    const QJsonObject called = ticketJson(u.hallId, found);
    recordQueueEvent(u.hallId, found, called.value(u"category"_s).toString(), u"called"_s, window, u.id);
    return json(200, called);
}

Response Platform::ticketAction(const Request &r, const User &u, const QString &ticketNo,
                                const QString &action) {
    QJsonObject t = ticketJson(u.hallId, ticketNo);
    if (t.isEmpty())
        return error(404, u"not_found"_s, u"号票不存在"_s);
    static const QHash<QString, std::pair<QStringList, QString>> rules = {
        {u"recall"_s, {{u"called"_s}, u"called"_s}},
        {u"start"_s, {{u"called"_s}, u"serving"_s}},
        {u"done"_s, {{u"serving"_s}, u"done"_s}},
        {u"no-show"_s, {{u"called"_s}, u"no_show"_s}},
        {u"hold"_s, {{u"called"_s, u"serving"_s}, u"held"_s}},
        {u"resume"_s, {{u"held"_s}, u"serving"_s}},
        {u"transfer"_s, {{u"called"_s, u"serving"_s, u"held"_s}, u"transferred"_s}},
    };
    if (!rules.contains(action))
        return error(404, u"not_found"_s, u"未知的操作"_s);
    const auto &[from, to] = rules.value(action);
    if (!from.contains(t.value(u"status"_s).toString()))
        return error(409, u"ticket_state"_s,
                     u"号票状态为 %1，不能 %2"_s.arg(t.value(u"status"_s).toString(), action),
                     QJsonObject{{u"ticket"_s, t}});
    QString category = t.value(u"category"_s).toString();
    if (action == u"transfer"_s) {
        bool ok = false;
        category = parseObject(r.body, &ok).value(u"to_category"_s).toString();
        if (!ok || category.isEmpty())
            return error(422, u"validation"_s, u"请指定转入的业务类别"_s,
                         QJsonObject{{u"fields"_s, QJsonObject{{u"to_category"_s, u"必填"_s}}}});
    }
    QSqlQuery &q = prepared(u"UPDATE tickets SET status = ?, category = ?, window_no = ?, called_at = ? WHERE"
                            " hall = ? AND ticket_no = ?"_s);
    q.addBindValue(to);
    q.addBindValue(category);
    q.addBindValue(to == u"transferred"_s ? QVariant() : QVariant(t.value(u"window_no"_s).toString()));
    q.addBindValue(action == u"recall"_s ? iso(now()) : t.value(u"called_at"_s).toString());
    q.addBindValue(u.hallId);
    q.addBindValue(ticketNo);
    q.exec();
    static const QHash<QString, QString> eventTypes = {
        {u"recall"_s, u"recalled"_s},     {u"start"_s, u"started"_s}, {u"done"_s, u"done"_s},
        {u"no-show"_s, u"no_show"_s},     {u"hold"_s, u"held"_s},     {u"resume"_s, u"resumed"_s},
        {u"transfer"_s, u"transferred"_s}};
    recordQueueEvent(u.hallId, ticketNo, t.value(u"category"_s).toString(), eventTypes.value(action),
                     t.value(u"window_no"_s).toString(), u.id,
                     action == u"transfer"_s ? category : QString());
    return json(200, ticketJson(u.hallId, ticketNo));
}

// ---- Licenses --------------------------------------------------------------------------------------

QString Platform::licenseStatus(const QString &id) {
    const DemoLicense *l = findLicense(id);
    if (!l)
        return u"unknown"_s;
    QSqlQuery &q = prepared(u"SELECT status FROM license_status WHERE license_id = ?"_s);
    q.addBindValue(id);
    q.exec();
    const QString status = q.next() ? q.value(0).toString() : l->status;
    q.finish();
    return status;
}

QJsonObject Platform::licenseRecord(const QString &id) {
    const DemoLicense *l = findLicense(id);
    const QString status = licenseStatus(id);
    if (!l || status == u"unknown"_s)
        return {};
    return QJsonObject{{u"license_id"_s, l->id},
                       {u"type_code"_s, l->typeCode},
                       {u"type_name"_s, l->typeName},
                       {u"number"_s, l->number},
                       {u"holder_name"_s, l->holderName},
                       {u"holder_id_number"_s, l->holderId},
                       {u"issuer"_s, l->issuer},
                       {u"issued_on"_s, l->issuedOn},
                       {u"valid_until"_s, l->validUntil},
                       {u"status"_s, status},
                       {u"file_sha256"_s, QString::fromLatin1(sha256Hex(demoPdf(l->id, l->typeCode)))},
                       {u"file_url"_s, u"/licenses/%1/file"_s.arg(l->id)}};
}

Response Platform::simQr(const Request &r, const QString &licenseId) {
    const DemoLicense *l = findLicense(licenseId);
    if (!l)
        return error(404, u"unknown_license"_s, u"没有这个演示证照"_s);
    bool ok = false;
    const QJsonObject b = r.body.trimmed().isEmpty() ? QJsonObject() : parseObject(r.body, &ok);
    const qint64 iat = b.contains(u"iat"_s) ? qint64(b.value(u"iat"_s).toDouble()) : now().toSecsSinceEpoch();
    const qint64 ttl = qBound(1, b.value(u"ttl_s"_s).toInt(180), 300);
    const QJsonObject claims{{u"lid"_s, lidOf(*l)},    {u"typ"_s, l->typeCode},
                             {u"tn"_s, l->typeName},   {u"no"_s, l->maskNumber ? mask(l->number) : l->number},
                             {u"hn"_s, l->holderName}, {u"hid"_s, mask(l->holderId)},
                             {u"iss"_s, l->issuer},    {u"isd"_s, l->issuedOn},
                             {u"vu"_s, l->validUntil}, {u"iat"_s, iat},
                             {u"exp"_s, iat + ttl},    {u"nonce"_s, QString::fromLatin1(randomToken(16))}};
    const QByteArray signedPart =
        "EL1." + m_kid.toLatin1() + '.' +
        compact(claims).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QByteArray sig = m_key.sign(signedPart);
    if (sig.isEmpty())
        return error(500, u"internal"_s, u"签名失败"_s);
    const QByteArray payload =
        signedPart + '.' + sig.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return json(200, QJsonObject{{u"payload"_s, QString::fromLatin1(payload)}, {u"license_id"_s, l->id}});
}

Response Platform::simLicenseStatus(const Request &r, const QString &licenseId) {
    if (!findLicense(licenseId))
        return error(404, u"unknown_license"_s, u"没有这个演示证照"_s);
    bool ok = false;
    const QString status = parseObject(r.body, &ok).value(u"status"_s).toString();
    static const QStringList allowed{u"valid"_s, u"expired"_s, u"revoked"_s, u"unknown"_s};
    if (!ok || !allowed.contains(status))
        return error(400, u"bad_request"_s, u"status 须为 valid、expired、revoked 或 unknown"_s);
    QSqlQuery &q = prepared(u"INSERT OR REPLACE INTO license_status(license_id, status) VALUES (?, ?)"_s);
    q.addBindValue(licenseId);
    q.addBindValue(status);
    if (!q.exec())
        return error(500, u"internal"_s, q.lastError().text());
    return json(200, QJsonObject{{u"license_id"_s, licenseId}, {u"status"_s, status}});
}

Response Platform::resolveLicense(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    const QByteArray payload = b.value(u"payload"_s).toString().trimmed().toLatin1();
    const QList<QByteArray> parts = payload.split('.');
    if (!ok || parts.size() != 4 || parts[0] != "EL1" || parts[1].isEmpty() || parts[2].isEmpty() ||
        parts[3].isEmpty())
        return error(400, u"bad_payload"_s, u"无法识别的亮证码"_s);
    const auto b64 = QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors;
    const auto sig = QByteArray::fromBase64Encoding(parts[3], b64);
    if (QString::fromLatin1(parts[1]) != m_kid || !sig ||
        !m_key.verify(parts[0] + '.' + parts[1] + '.' + parts[2], *sig))
        return error(422, u"bad_signature"_s, u"亮证码签名无效"_s);
    const auto claimsRaw = QByteArray::fromBase64Encoding(parts[2], b64);
    bool cok = false;
    const QJsonObject claims = claimsRaw ? parseObject(*claimsRaw, &cok) : QJsonObject();
    if (!cok || !claims.value(u"exp"_s).isDouble() || claims.value(u"lid"_s).toString().isEmpty())
        return error(400, u"bad_payload"_s, u"亮证码内容无效"_s);
    if (now().toSecsSinceEpoch() > qint64(claims.value(u"exp"_s).toDouble()) + 60)
        return error(410, u"payload_expired"_s, u"亮证码已过期，请申请人刷新后重新出示"_s);
    QString licenseId;
    for (const auto &l : demoLicenses())
        if (lidOf(l) == claims.value(u"lid"_s).toString())
            licenseId = l.id;
    if (licenseId.isEmpty() || licenseStatus(licenseId) == u"unknown"_s)
        return error(404, u"unknown_license"_s, u"平台没有这本证照"_s);
    const QString hash = QString::fromLatin1(sha256Hex(payload));
    QSqlQuery &q = prepared(u"SELECT hall FROM resolved WHERE payload_hash = ?"_s);
    q.addBindValue(hash);
    q.exec();
    if (q.next()) {
        const QString hall = q.value(0).toString();
        q.finish();
        if (hall != u.hallId)
            return error(409, u"payload_replayed"_s, u"该亮证码已在其他大厅使用"_s);
    } else {
        q.finish();
        QSqlQuery &ins = prepared(u"INSERT INTO resolved(payload_hash, hall, license_id) VALUES (?, ?, ?)"_s);
        ins.addBindValue(hash);
        ins.addBindValue(u.hallId);
        ins.addBindValue(licenseId);
        ins.exec();
    }
    return json(200, licenseRecord(licenseId));
}

Response Platform::getLicense(const QString &id) {
    const QJsonObject o = licenseRecord(id);
    if (o.isEmpty())
        return error(404, u"unknown_license"_s, u"平台没有这本证照"_s);
    return json(200, o);
}

Response Platform::licenseFile(const QString &id) {
    const DemoLicense *l = findLicense(id);
    if (!l || licenseStatus(id) == u"unknown"_s)
        return error(404, u"unknown_license"_s, u"平台没有这本证照"_s);
    Response r;
    r.body = demoPdf(l->id, l->typeCode);
    r.contentType = "application/pdf";
    return r;
}

// ---- Evaluations -----------------------------------------------------------------------------------

QJsonObject Platform::evaluationJson(const QString &evaluationId, QString *hall) {
    QSqlQuery &q =
        prepared(u"SELECT evaluation_id, local_id, case_no, level, rectification_due, state, actions,"
                 " version, updated_at, hall, request FROM evaluations WHERE evaluation_id = ?"_s);
    q.addBindValue(evaluationId);
    q.exec();
    if (!q.next())
        return {};
    QJsonObject o{{u"evaluation_id"_s, q.value(0).toString()},
                  {u"local_id"_s, q.value(1).toString()},
                  {u"case_no"_s, nullable(q.value(2).toString())},
                  {u"level"_s, q.value(3).toInt()},
                  {u"rectification_due"_s, nullable(q.value(4).toString())},
                  {u"state"_s, q.value(5).toString()},
                  {u"actions"_s, QJsonDocument::fromJson(q.value(6).toByteArray()).array()},
                  {u"version"_s, q.value(7).toLongLong()},
                  {u"updated_at"_s, q.value(8).toString()}};
    if (hall)
        *hall = q.value(9).toString();
    const QByteArray request = q.value(10).toByteArray();
    q.finish();
    if (!m_options.api11)
        return o;
    // 1.1: who was rated, when, whether the citizen gave a name, overdue past the rectification date, and the
    // callbacks made.
    const QJsonObject b = QJsonDocument::fromJson(request).object();
    o.insert(u"window_no"_s, b.value(u"window_no"_s).toString());
    o.insert(u"clerk_id"_s, b.value(u"clerk_id"_s).toString());
    o.insert(u"ticket_no"_s, b.value(u"ticket_no"_s).isString() ? b.value(u"ticket_no"_s) : QJsonValue());
    o.insert(u"at"_s, b.value(u"at"_s).toString());
    o.insert(u"real_name"_s, b.value(u"real_name"_s).toBool());
    const QDate due = QDate::fromString(o.value(u"rectification_due"_s).toString(), Qt::ISODate);
    o.insert(u"overdue"_s,
             due.isValid() && o.value(u"state"_s).toString() != u"closed"_s && cstDate(now()) > due);
    QJsonArray callbacks;
    QSqlQuery &w = prepared(
        u"SELECT json FROM evaluation_writes WHERE evaluation_id = ? AND kind = 'callback' ORDER BY rowid"_s);
    w.addBindValue(evaluationId);
    w.exec();
    while (w.next())
        callbacks.append(QJsonDocument::fromJson(w.value(0).toByteArray()).object());
    w.finish();
    o.insert(u"callbacks"_s, callbacks);
    return o;
}

Response Platform::postEvaluation(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q =
            prepared(u"SELECT evaluation_id, rectification_due FROM evaluations WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QJsonObject existing{{u"evaluation_id"_s, q.value(0).toString()},
                                       {u"rectification_due"_s, nullable(q.value(1).toString())}};
            q.finish();
            return error(409, u"duplicate_local_id"_s, u"该评价已提交"_s,
                         QJsonObject{{u"evaluation"_s, existing}});
        }
        q.finish();
    }
    const QJsonValue level = b.value(u"level"_s);
    if (!level.isDouble() || level.toDouble() != double(level.toInt()) || level.toInt() < 1 ||
        level.toInt() > 5)
        fields.insert(u"level"_s, u"评价等级应为1到5"_s);
    const QDateTime at = QDateTime::fromString(b.value(u"at"_s).toString(), Qt::ISODate);
    if (!at.isValid())
        fields.insert(u"at"_s, u"时间格式应为 RFC 3339"_s);
    if (b.value(u"window_no"_s).toString().isEmpty())
        fields.insert(u"window_no"_s, u"缺少窗口号"_s);
    if (level.toInt() <= 2 && b.value(u"reasons"_s).toArray().isEmpty() &&
        b.value(u"comment"_s).toString().trimmed().isEmpty())
        fields.insert(u"reasons"_s, u"差评须选择原因或填写意见"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"评价内容未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    const bool bad = level.toInt() <= 2;
    const QString due = bad ? addWorkingDays(cstDate(at), 15).toString(Qt::ISODate) : QString();
    const QString id = u"EV-"_s + uuid().left(8).toUpper() + QString::number(nextSeq());
    QSqlQuery &ins = prepared(u"INSERT INTO evaluations(evaluation_id, local_id, hall, case_no, level,"
                              " rectification_due, state, actions, version, updated_at, seq, request)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 1, ?, ?, ?)"_s);
    ins.addBindValue(id);
    ins.addBindValue(localId);
    ins.addBindValue(u.hallId);
    ins.addBindValue(b.value(u"case_no"_s).isString() ? QVariant(b.value(u"case_no"_s).toString())
                                                      : QVariant());
    ins.addBindValue(level.toInt());
    ins.addBindValue(bad ? QVariant(due) : QVariant());
    ins.addBindValue(bad ? u"open"_s : u"closed"_s);
    ins.addBindValue(iso(now()));
    ins.addBindValue(nextSeq());
    ins.addBindValue(r.body);
    if (!ins.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(201, QJsonObject{{u"evaluation_id"_s, id}, {u"rectification_due"_s, nullable(due)}});
}

Response Platform::evaluationChanges(const Request &r, const User &u) {
    qint64 since = 0;
    Response failure;
    if (!parseCursor(u"evaluations"_s, r.query.queryItemValue(u"since"_s), &since, &failure))
        return failure;
    const int limit = pageLimit(r.query);
    QSqlQuery &q =
        prepared(u"SELECT evaluation_id, seq FROM evaluations WHERE hall = ? AND seq > ? ORDER BY seq"
                 " LIMIT ?"_s);
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
    QJsonArray changes;
    for (const QString &id : ids)
        changes.append(evaluationJson(id));
    return json(200, QJsonObject{{u"changes"_s, changes},
                                 {u"next_cursor"_s, makeCursor(u"evaluations"_s, last)},
                                 {u"has_more"_s, more}});
}

Response Platform::rectification(const Request &r, const User &u, const QString &evaluationId) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QString hall;
    QJsonObject e = evaluationJson(evaluationId, &hall);
    if (e.isEmpty() || hall != u.hallId)
        return error(404, u"not_found"_s, u"评价不存在"_s);
    const QString action = b.value(u"action"_s).toString();
    static const QHash<QString, QStringList> allowedFrom = {
        {u"verified"_s, {u"open"_s}},
        {u"rectified"_s, {u"open"_s, u"verified"_s}},
        {u"explained"_s, {u"open"_s, u"verified"_s}},
    };
    if (!allowedFrom.contains(action))
        return error(422, u"validation"_s, u"整改动作无效"_s,
                     QJsonObject{{u"fields"_s,
                                  QJsonObject{{u"action"_s, u"应为 verified、rectified 或 explained"_s}}}});
    if (!allowedFrom.value(action).contains(e.value(u"state"_s).toString()))
        return error(409, u"state_conflict"_s, u"整改任务当前状态为 %1"_s.arg(e.value(u"state"_s).toString()),
                     QJsonObject{{u"evaluation"_s, e}});
    QJsonArray actions = e.value(u"actions"_s).toArray();
    actions.append(QJsonObject{{u"action"_s, action},
                               {u"note"_s, b.value(u"note"_s).toString()},
                               {u"at"_s, b.value(u"at"_s).toString(iso(now()))},
                               {u"by"_s, u.id}});
    QSqlQuery &q =
        prepared(u"UPDATE evaluations SET state = ?, actions = ?, version = version + 1, updated_at = ?,"
                 " seq = ? WHERE evaluation_id = ?"_s);
    q.addBindValue(action);
    q.addBindValue(QJsonDocument(actions).toJson(QJsonDocument::Compact));
    q.addBindValue(iso(now()));
    q.addBindValue(nextSeq());
    q.addBindValue(evaluationId);
    if (!q.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(200, evaluationJson(evaluationId));
}

// ---- Training --------------------------------------------------------------------------------------

Response Platform::postTraining(const Request &r, const User &u) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    const QString localId = b.value(u"local_id"_s).toString();
    QJsonObject fields;
    if (localId.isEmpty())
        fields.insert(u"local_id"_s, u"缺少本地编号"_s);
    else {
        QSqlQuery &q = prepared(u"SELECT result_id FROM training WHERE local_id = ?"_s);
        q.addBindValue(localId);
        q.exec();
        if (q.next()) {
            const QString id = q.value(0).toString();
            q.finish();
            return error(
                409, u"duplicate_local_id"_s, u"该成绩已提交"_s,
                QJsonObject{{u"result"_s, QJsonObject{{u"result_id"_s, id}, {u"local_id"_s, localId}}}});
        }
        q.finish();
    }
    if (b.value(u"drill_id"_s).toString().isEmpty())
        fields.insert(u"drill_id"_s, u"缺少演练编号"_s);
    if (b.value(u"trainee_id"_s).toString().isEmpty())
        fields.insert(u"trainee_id"_s, u"缺少学员编号"_s);
    if (!b.value(u"score"_s).isDouble() || b.value(u"score"_s).toDouble() < 0)
        fields.insert(u"score"_s, u"分数无效"_s);
    if (b.value(u"max_score"_s).isDouble() &&
        b.value(u"score"_s).toDouble() > b.value(u"max_score"_s).toDouble())
        fields.insert(u"score"_s, u"分数超过满分"_s);
    if (!fields.isEmpty())
        return error(422, u"validation"_s, u"成绩未通过校验"_s, QJsonObject{{u"fields"_s, fields}});
    const QString id = u"TR-"_s + uuid().left(8).toUpper();
    QSqlQuery &ins =
        prepared(u"INSERT INTO training(result_id, local_id, hall, drill_id, trainee_id, score,"
                 " max_score, duration_s, finished_at, request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    ins.addBindValue(id);
    ins.addBindValue(localId);
    ins.addBindValue(u.hallId);
    ins.addBindValue(b.value(u"drill_id"_s).toString());
    ins.addBindValue(b.value(u"trainee_id"_s).toString());
    ins.addBindValue(b.value(u"score"_s).toDouble());
    ins.addBindValue(b.value(u"max_score"_s).toDouble());
    ins.addBindValue(b.value(u"duration_s"_s).toInt());
    ins.addBindValue(b.value(u"finished_at"_s).toString());
    ins.addBindValue(r.body);
    if (!ins.exec())
        return error(500, u"internal"_s, u"数据库错误"_s);
    return json(201, QJsonObject{{u"result_id"_s, id}, {u"local_id"_s, localId}});
}

Response Platform::leaderboard(const Request &r) {
    const QString drill = r.query.queryItemValue(u"drill_id"_s);
    // Best score per trainee, then the shortest duration among that trainee's best-score results.
    QSqlQuery &q = prepared(u"SELECT t.trainee_id, t.score, MIN(t.duration_s) FROM training t JOIN"
                            " (SELECT trainee_id, MAX(score) AS best FROM training WHERE drill_id = ?"
                            "  GROUP BY trainee_id) b ON b.trainee_id = t.trainee_id AND t.score = b.best"
                            " WHERE t.drill_id = ? GROUP BY t.trainee_id ORDER BY t.score DESC, 3 ASC"_s);
    q.addBindValue(drill);
    q.addBindValue(drill);
    q.exec();
    QJsonArray entries;
    while (q.next()) {
        const QString trainee = q.value(0).toString();
        QString name = trainee;
        for (const User &u : m_users)
            if (u.id == trainee)
                name = u.name;
        const double score = q.value(1).toDouble();
        entries.append(QJsonObject{{u"trainee_id"_s, trainee},
                                   {u"name"_s, name},
                                   {u"best_score"_s, score},
                                   {u"best_duration_s"_s, q.value(2).toInt()}});
    }
    q.finish();
    return json(200, QJsonObject{{u"entries"_s, entries}});
}

// ---- Simulator-only --------------------------------------------------------------------------------

Response Platform::simCatalogMutate(const Request &r, bool remove) {
    bool ok = false;
    const QJsonObject b = parseObject(r.body, &ok);
    if (!ok)
        return error(400, u"bad_request"_s, u"请求体不是 JSON 对象"_s);
    QStringList codes;
    for (const auto &c : b.value(u"codes"_s).toArray())
        codes.append(c.toString());
    const QString stamp = iso(now());
    QStringList unknown;
    int changed = 0;
    m_db.transaction();
    for (const QString &code : codes) {
        QSqlQuery &q = prepared(u"SELECT kind, json, version FROM catalog WHERE code = ?"_s);
        q.addBindValue(code);
        q.exec();
        if (!q.next()) {
            unknown.append(code);
            continue;
        }
        const QString kind = q.value(0).toString();
        QJsonObject o = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        const qint64 version = q.value(2).toLongLong() + 1;
        q.finish();
        o.insert(u"version"_s, version);
        o.insert(u"updated_at"_s, stamp);
        QSqlQuery &u =
            prepared(u"UPDATE catalog SET json = ?, version = ?, deleted = ?, seq = ? WHERE code = ?"_s);
        u.addBindValue(compact(o));
        u.addBindValue(version);
        u.addBindValue(remove ? 1 : 0);
        u.addBindValue(nextSeq());
        u.addBindValue(code);
        u.exec();
        auto &cache = kind == u"item"_s ? m_itemsCache : m_bundlesCache;
        if (remove)
            cache.remove(code);
        else
            cache.insert(code, o);
        ++changed;
    }
    // {"add": n} appends n newly generated items after the existing ones.
    const int add = b.value(u"add"_s).toInt();
    if (add > 0 && !remove) {
        QSqlQuery count(m_db);
        count.exec(u"SELECT COUNT(*) FROM catalog WHERE kind = 'item'"_s);
        const int existing = count.next() ? count.value(0).toInt() : 0;
        count.finish();
        const QList<QJsonObject> items = generateItems(existing + add);
        QSqlQuery &ins = prepared(u"INSERT OR IGNORE INTO catalog(code, kind, json, version, deleted, seq)"
                                  " VALUES (?, 'item', ?, 1, 0, ?)"_s);
        for (int i = existing; i < items.size(); ++i) {
            QJsonObject o = items.at(i);
            o.insert(u"version"_s, 1);
            o.insert(u"updated_at"_s, stamp);
            ins.addBindValue(o.value(u"code"_s).toString());
            ins.addBindValue(compact(o));
            ins.addBindValue(nextSeq());
            ins.exec();
            m_itemsCache.insert(o.value(u"code"_s).toString(), o);
            ++changed;
        }
    }
    m_db.commit();
    return json(200,
                QJsonObject{{u"changed"_s, changed}, {u"unknown"_s, QJsonArray::fromStringList(unknown)}});
}

Response Platform::simExpireCursors() {
    ++m_epoch;
    QSqlQuery &q = prepared(u"INSERT OR REPLACE INTO meta(k, v) VALUES ('cursor_epoch', ?)"_s);
    q.addBindValue(m_epoch);
    q.exec();
    return json(200, QJsonObject{{u"cursor_epoch"_s, m_epoch}});
}

Response Platform::simIssue(const Request &r) {
    bool ok = false;
    const QJsonObject b = r.body.trimmed().isEmpty() ? QJsonObject() : parseObject(r.body, &ok);
    const QString hall = b.value(u"hall_id"_s).toString(m_users.first().hallId);
    const QString category = b.value(u"category"_s).toString(kCategories.first());
    const int count = qBound(1, b.value(u"count"_s).toInt(1), 500);
    QJsonArray issued;
    for (int i = 0; i < count; ++i) {
        issued.append(issueTicket(hall, category));
    }
    return json(200, QJsonObject{{u"issued"_s, issued}});
}

Response Platform::simStats() {
    QJsonObject o;
    const QList<std::pair<QString, QString>> counts = {
        {u"cases"_s, u"SELECT COUNT(*) FROM cases"_s},
        {u"case_events_applied"_s, u"SELECT COALESCE(SUM(version - 1), 0) FROM cases"_s},
        {u"evaluations"_s, u"SELECT COUNT(*) FROM evaluations"_s},
        {u"training_results"_s, u"SELECT COUNT(*) FROM training"_s},
        {u"idempotency_keys"_s, u"SELECT COUNT(*) FROM idem"_s},
        {u"catalog_items"_s, u"SELECT COUNT(*) FROM catalog WHERE kind = 'item' AND deleted = 0"_s},
        {u"catalog_bundles"_s, u"SELECT COUNT(*) FROM catalog WHERE kind = 'bundle' AND deleted = 0"_s},
        {u"tickets"_s, u"SELECT COUNT(*) FROM tickets"_s},
        {u"licenses_resolved"_s, u"SELECT COUNT(*) FROM resolved"_s},
        {u"followups"_s, u"SELECT COUNT(*) FROM followups"_s},
        {u"callbacks"_s, u"SELECT COUNT(*) FROM evaluation_writes WHERE kind = 'callback'"_s},
        {u"appeals"_s, u"SELECT COUNT(*) FROM evaluation_writes WHERE kind = 'appeal'"_s},
        {u"cross_province_receipts"_s, u"SELECT COUNT(*) FROM cp_receipts"_s},
        {u"cross_province_forwarded"_s, u"SELECT COUNT(*) FROM cp_receipts, json_each(cp_receipts.events) e"
                                        u" WHERE json_extract(e.value, '$.type') = 'forwarded'"_s},
    };
    for (const auto &[name, sql] : counts) {
        QSqlQuery q(m_db);
        q.exec(sql);
        o.insert(name, q.next() ? q.value(0).toLongLong() : 0);
    }
    QJsonObject byStatus;
    QSqlQuery s(m_db);
    s.exec(u"SELECT status, COUNT(*) FROM cases GROUP BY status"_s);
    while (s.next())
        byStatus.insert(s.value(0).toString(), s.value(1).toLongLong());
    o.insert(u"cases_by_status"_s, byStatus);
    QJsonObject requests;
    qint64 total = 0;
    for (auto it = m_requestsPerRoute.cbegin(); it != m_requestsPerRoute.cend(); ++it) {
        requests.insert(it.key(), it.value());
        total += it.value();
    }
    o.insert(u"requests"_s, requests);
    QJsonObject keys;
    for (auto it = m_keysSeen.cbegin(); it != m_keysSeen.cend(); ++it)
        keys.insert(it.key(), it.value().size());
    o.insert(u"keys_seen"_s, keys);
    o.insert(u"requests_total"_s, total);
    QJsonObject faults;
    for (auto it = m_faultCounts.cbegin(); it != m_faultCounts.cend(); ++it)
        faults.insert(it.key(), it.value());
    o.insert(u"faults"_s, faults);
    o.insert(u"cursor_epoch"_s, m_epoch);
    o.insert(u"kid"_s, m_kid);
    const QJsonObject duties = dutiesStats();
    for (auto it = duties.begin(); it != duties.end(); ++it)
        o.insert(it.key(), it.value());
    return json(200, o);
}

// ---- Routing ---------------------------------------------------------------------------------------

Response Platform::handle(const Request &r) {
    const QStringList p = r.path.split(u'/', Qt::SkipEmptyParts);
    const bool get = r.method == "GET", post = r.method == "POST";
    const QString route = routeOf(r.method, r.path);
    auto finish = [&](Response resp) {
        resp.route = route;
        return resp;
    };

    // Unauthenticated
    if (p.value(0) == u"sim"_s) {
        if (get && p.size() == 2 && p[1] == u"stats"_s)
            return finish(simStats());
        if (post && p.size() == 4 && p[1] == u"licenses"_s && p[3] == u"qr"_s)
            return finish(simQr(r, p[2]));
        if (post && p.size() == 4 && p[1] == u"licenses"_s && p[3] == u"status"_s)
            return finish(simLicenseStatus(r, p[2]));
        if (post && p.size() == 3 && p[1] == u"catalog"_s && (p[2] == u"update"_s || p[2] == u"delete"_s))
            return finish(simCatalogMutate(r, p[2] == u"delete"_s));
        if (post && p.size() == 3 && p[1] == u"cursors"_s && p[2] == u"expire"_s)
            return finish(simExpireCursors());
        if (post && p.size() == 3 && p[1] == u"queue"_s && p[2] == u"issue"_s)
            return finish(simIssue(r));
        if (post && p.size() == 3 && p[1] == u"queue"_s && p[2] == u"serve"_s)
            return finish(simServe(r));
        if (post && p.size() == 3 && p[1] == u"backoffice"_s && p[2] == u"intake"_s)
            return finish(simIntake(r));
        if (post && p.size() == 3 && p[1] == u"backoffice"_s && p[2] == u"step"_s) {
            backofficeStep();
            return finish(json(200, QJsonObject{{u"ok"_s, true}}));
        }
        return finish(error(404, u"not_found"_s, u"没有这个模拟器接口"_s));
    }
    if (p.value(0) == u"auth"_s && post && p.size() == 2) {
        if (p[1] == u"login"_s)
            return finish(login(r));
        if (p[1] == u"refresh"_s)
            return finish(refresh(r));
    }
    if (p.value(0) == u"keys"_s && get && p.size() == 1)
        return finish(keys());

    Response failure;
    const User *user = authenticate(r, &failure);
    if (!user)
        return finish(failure);
    const User &u = *user;
    const int n = int(p.size());
    const QString a = p.value(0), b = p.value(1), c = p.value(2), d = p.value(3);
    if (a == u"catalog"_s && get && n == 2 && b == u"items"_s)
        return finish(catalogPage(r, u"item"_s));
    if (a == u"catalog"_s && get && n == 2 && b == u"bundles"_s)
        return finish(catalogPage(r, u"bundle"_s));
    if (a == u"calendar"_s && get && n == 2) {
        bool ok = false;
        const int year = b.toInt(&ok);
        if (!ok)
            return finish(error(404, u"calendar_not_published"_s, u"年份无效"_s));
        return finish(calendar(year));
    }
    if (a == u"cases"_s) {
        if (post && n == 1)
            return finish(keyed(r, u, [&] { return postCase(r, u); }));
        if (get && n == 2 && b == u"changes"_s)
            return finish(caseChanges(r, u));
        if (get && n == 2)
            return finish(getCase(b, u));
        if (post && n == 3 && c == u"events"_s)
            return finish(keyed(r, u, [&] { return caseEvent(r, u, b); }));
        if (post && n == 3 && c == u"followups"_s && m_options.api11)
            return finish(keyed(r, u, [&] { return postFollowup(r, u, b); }));
    }
    if (a == u"queue"_s) {
        if (get && n == 1)
            return finish(queue(r, u));
        if (get && n == 2 && b == u"events"_s && m_options.api11)
            return finish(queueEvents(r, u));
        if (post && n == 2 && b == u"call-next"_s)
            return finish(keyed(r, u, [&] { return callNext(r, u); }));
        if (post && n == 4 && b == u"tickets"_s)
            return finish(keyed(r, u, [&] { return ticketAction(r, u, c, d); }));
    }
    if (a == u"licenses"_s) {
        if (post && n == 2 && b == u"resolve"_s)
            return finish(resolveLicense(r, u));
        if (get && n == 2)
            return finish(getLicense(b));
        if (get && n == 3 && c == u"file"_s)
            return finish(licenseFile(b));
    }
    if (a == u"evaluations"_s) {
        if (post && n == 1)
            return finish(keyed(r, u, [&] { return postEvaluation(r, u); }));
        if (get && n == 2 && b == u"changes"_s)
            return finish(evaluationChanges(r, u));
        if (post && n == 3 && c == u"rectification"_s)
            return finish(keyed(r, u, [&] { return rectification(r, u, b); }));
        if (post && n == 3 && (c == u"callback"_s || c == u"appeal"_s) && m_options.api11)
            return finish(keyed(r, u, [&] { return evaluationWrite(r, u, b, c); }));
    }
    if (a == u"cross-province"_s)
        return finish(crossProvinceRoute(r, u, p));
    if (a == u"training"_s) {
        if (post && n == 2 && b == u"results"_s)
            return finish(keyed(r, u, [&] { return postTraining(r, u); }));
        if (get && n == 2 && b == u"leaderboard"_s)
            return finish(leaderboard(r));
    }
    if (auto duty = dutiesRoute(r, u))
        return finish(*duty);
    return finish(error(404, u"not_found"_s, u"没有这个接口"_s));
}

} // namespace windowdesk::sim
