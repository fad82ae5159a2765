#include "scenariostore.h"

#include "traininglogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

constexpr auto kFormat = "windowdesk.scenario/1";
constexpr qsizetype kMaxImportBytes = 1024 * 1024;
// The demo catalog's 失业保险金申领 (db/demo/catalog_items.json): three required materials, no 告知承诺.
constexpr auto kDemoItem = "430104-000301002000-JF-002";

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The scenario as the audit row keeps it: the simulated applicant's ID and phone masked, as everywhere.
QJsonObject auditedScenario(const Scenario &s) {
    QJsonObject o = s.toJson();
    QJsonObject a = o.value(u"applicant"_s).toObject();
    a.insert(u"id_number"_s, core::maskIdNumber(s.idNumber));
    a.insert(u"phone"_s, core::maskPhone(s.phone));
    o.insert(u"applicant"_s, a);
    return o;
}

Result<StoredScenario> readRow(const QSqlQuery &q, const QDateTime &now) {
    const QJsonObject def = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    auto s = Scenario::fromJson(def);
    if (!s)
        return s.error();
    StoredScenario out;
    out.id = q.value(0).toString();
    out.scenario = s.value();
    out.createdBy = q.value(2).toString();
    out.createdAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODate);
    const QDateTime starts = QDateTime::fromString(q.value(4).toString(), Qt::ISODate);
    const QDateTime ends = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    out.open = (!starts.isValid() || starts <= now) && (!ends.isValid() || ends > now);
    if (ends.isValid() && ends <= now)
        out.closedAt = ends;
    out.attempts = q.value(6).toInt();
    out.version = std::max(1, def.value(u"version"_s).toInt(1));
    out.previousId = def.value(u"previous_version"_s).toString();
    return out;
}

// A competition's copy of a drill (competitions.h) is the competition's, not the store's.
const QString kSelect =
    uR"(SELECT d.id, d.definition_json, d.created_by, d.created_at, d.starts_at, d.ends_at,
        (SELECT count(*) FROM training_attempts a WHERE a.drill_id = d.id)
        FROM training_drills d WHERE d.kind = 'scenario'
        AND json_extract(CASE WHEN json_valid(d.definition_json) THEN d.definition_json END, '$.competition_id')
            IS NULL)"_s;

} // namespace

ScenarioStore::ScenarioStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QList<StoredScenario>> ScenarioStore::list() const {
    auto q = m_db.query(kSelect);
    if (!q)
        return q.error();
    const QDateTime now = m_clock.nowUtc();
    QList<StoredScenario> out;
    while (q->next())
        if (auto s = readRow(*q, now))
            out.append(s.value());
    std::stable_sort(out.begin(), out.end(), [](const StoredScenario &a, const StoredScenario &b) {
        if (a.open != b.open)
            return a.open;
        if (a.scenario.title != b.scenario.title)
            return a.scenario.title.localeAwareCompare(b.scenario.title) < 0;
        return a.version > b.version;
    });
    return out;
}

Result<StoredScenario> ScenarioStore::get(const QString &id) const {
    auto q = m_db.query(kSelect + u" AND d.id = ?"_s, {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这个情景演练：%1"_s.arg(id)};
    return readRow(*q, m_clock.nowUtc());
}

QList<ScenarioProblem> ScenarioStore::check(const Scenario &s) const {
    return validateScenarioAgainstCatalog(s, m_clock.todayCst(), m_db);
}

Result<SavedScenario> ScenarioStore::save(const QString &id, const Scenario &s, const QString &by) {
    const QList<ScenarioProblem> problems = check(s);
    if (hasErrors(problems))
        return Error{u"invalid_scenario"_s,
                     problemMessages(problems, ScenarioProblem::Severity::Error).join(u'\n')};
    const QString now = utcText(m_clock.nowUtc());
    SavedScenario saved;
    const Status st = m_db.write([&]() -> Status {
        int version = 1;
        QString previous;
        if (!id.isEmpty()) {
            auto old = get(id);
            if (!old)
                return old.error();
            if (!old->open)
                return Error{u"closed"_s, u"情景演练“%1”已关闭，不能再修改：请复制后另存为新的演练"_s.arg(
                                              old->scenario.title)};
            if (old->attempts == 0) { // nobody took it: changed in place
                saved.id = id;
                version = old->version;
                previous = old->previousId;
            } else {
                version = old->version + 1;
                previous = id;
                saved.newVersion = true;
                saved.replacedId = id;
            }
        }
        QJsonObject def = s.toJson();
        def.insert(u"version"_s, version);
        if (!previous.isEmpty())
            def.insert(u"previous_version"_s, previous);
        if (saved.id.isEmpty()) {
            saved.id = u"s-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces).left(18);
            if (Status ins = m_db.exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json,
                time_limit_s, created_by, created_at) VALUES (?, 'scenario', ?, ?, ?, ?, ?))"_s,
                                       {saved.id, s.title.trimmed(), compact(def), s.timeLimitS, by, now});
                !ins)
                return ins;
            if (saved.newVersion)
                if (Status c = m_db.exec(u"UPDATE training_drills SET ends_at = ? WHERE id = ?"_s, {now, id});
                    !c)
                    return c;
        } else if (Status up = m_db.exec(u"UPDATE training_drills SET title = ?, definition_json = ?, "
                                         u"time_limit_s = ? WHERE id = ? AND kind = 'scenario'"_s,
                                         {s.title.trimmed(), compact(def), s.timeLimitS, saved.id});
                   !up) {
            return up;
        }
        QJsonObject details{
            {u"new"_s, id.isEmpty()}, {u"version"_s, version}, {u"scenario"_s, auditedScenario(s)}};
        if (saved.newVersion)
            details.insert(u"replaces"_s, id);
        const QStringList warnings = problemMessages(problems, ScenarioProblem::Severity::Warning);
        if (!warnings.isEmpty())
            details.insert(u"warnings_confirmed"_s, QJsonArray::fromStringList(warnings));
        return m_audit ? m_audit->append({by, u"training_scenario_saved"_s, saved.id, details}) : Status{};
    });
    if (!st)
        return st.error();
    qCInfo(lcTraining) << "scenario saved" << saved.id << (saved.newVersion ? "as a new version" : "");
    return saved;
}

Status ScenarioStore::close(const QString &id, const QString &by) {
    return m_db.write([&]() -> Status {
        auto old = get(id);
        if (!old)
            return old.error();
        if (!old->open)
            return Error{u"closed"_s, u"情景演练“%1”已经关闭"_s.arg(old->scenario.title)};
        if (Status c = m_db.exec(u"UPDATE training_drills SET ends_at = ? WHERE id = ?"_s,
                                 {utcText(m_clock.nowUtc()), id});
            !c)
            return c;
        return m_audit ? m_audit->append({by,
                                          u"training_scenario_closed"_s,
                                          id,
                                          {{u"title"_s, old->scenario.title},
                                           {u"version"_s, old->version},
                                           {u"attempts"_s, old->attempts}}})
                       : Status{};
    });
}

QByteArray ScenarioStore::exportJson(const Scenario &s) {
    QJsonObject o = s.toJson();
    o.insert(u"format"_s, QString::fromLatin1(kFormat));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

ScenarioImport ScenarioStore::readImport(const QByteArray &bytes) const {
    ScenarioImport out;
    if (bytes.size() > kMaxImportBytes) {
        out.errors.append(u"文件过大（超过 1 MB），不是一个情景演练"_s);
        return out;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        out.errors.append(
            u"文件不是有效的 JSON：%1（第 %2 个字符处）"_s.arg(parse.errorString()).arg(parse.offset));
        return out;
    }
    if (!doc.isObject()) {
        out.errors.append(u"文件应是一个 JSON 对象（一个情景演练）"_s);
        return out;
    }
    const QJsonObject o = doc.object();
    if (const QString format = o.value(u"format"_s).toString();
        o.contains(u"format"_s) && format != QLatin1String(kFormat)) {
        out.errors.append(u"文件格式“%1”不是情景演练（应为 %2）"_s.arg(format, QLatin1String(kFormat)));
        return out;
    }
    auto s = Scenario::fromJson(o);
    if (!s) {
        out.errors.append(s.error().message);
        return out;
    }
    const QList<ScenarioProblem> problems = check(s.value());
    out.errors = problemMessages(problems, ScenarioProblem::Severity::Error);
    out.warnings = problemMessages(problems, ScenarioProblem::Severity::Warning);
    if (out.errors.isEmpty())
        out.scenario = s.value();
    return out;
}

Scenario ScenarioStore::demoScenario() {
    Scenario s;
    s.title = u"失业金申领：离职证明不合格"_s;
    s.brief =
        u"我上个月从公司辞职了，听说可以领失业金，今天来办一下。身份证、社保卡都带了，离职的事我自己写了个说明。"_s;
    s.applicantName = u"刘晓梅"_s;
    s.idNumber = u"430104199003152344"_s;
    s.phone = u"13807316688"_s;
    s.targetItemCode = QString::fromLatin1(kDemoItem);
    s.documents = {
        {u"m1"_s, u"居民身份证（原件）"_s, ScenarioDocument::State::Good},
        {u"m2"_s, u"本人手写的辞职说明（无单位盖章）"_s, ScenarioDocument::State::Wrong},
        {u"m3"_s, u"社会保障卡"_s, ScenarioDocument::State::Good},
    };
    s.events = {
        {ScenarioEvent::Kind::ScannerFails, 60, u"高拍仪没有反应，扫描失败"_s},
        {ScenarioEvent::Kind::Say, 150,
         u"辞职说明上写得清清楚楚，为什么还要单位开证明？我跑一趟很不容易！"_s},
        {ScenarioEvent::Kind::ApplicantChangesMind, 240, u"那我能不能先把失业登记办了，证明下次再拿来？"_s},
    };
    s.timeLimitS = 420;
    s.targetDecision = u"correction_required"_s;
    return s;
}

Result<QString> ScenarioStore::seedDemoIfNeeded(const QString &by) {
    auto q = m_db.query(uR"(SELECT (SELECT count(*) FROM settings WHERE key = 'platform.url' AND value <> ''),
                   (SELECT count(*) FROM service_items WHERE code = ? AND is_current = 1 AND deleted = 0
                        AND source = 'demo'),
                   (SELECT count(*) FROM training_drills WHERE kind = 'scenario'))"_s,
                        {QString::fromLatin1(kDemoItem)});
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).toInt() > 0 || q->value(1).toInt() == 0 || q->value(2).toInt() > 0)
        return QString();
    auto saved = save(QString(), demoScenario(), by);
    if (!saved)
        return saved.error();
    return saved->id;
}

} // namespace windowdesk::training
