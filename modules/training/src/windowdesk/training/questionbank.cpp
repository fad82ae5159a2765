#include "questionbank.h"

#include "traininglogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

QString sha256Hex(const QByteArray &b) {
    return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
}

QString compact(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonArray intArray(const QList<int> &l) {
    QJsonArray a;
    for (int v : l)
        a.append(v);
    return a;
}

QList<int> intList(const QString &json) {
    QList<int> out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toInt());
    return out;
}

QStringList stringList(const QString &json) {
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    return out;
}

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

Error sqlError(const QSqlQuery &q) {
    return Error{u"sql"_s, q.lastError().text()};
}

// One prepared statement run many times (the generator writes thousands of rows in one transaction).
class Statement {
public:
    Statement(const storage::Database &db, const QString &sql)
        : m_q(db.sql()) {
        m_ok = m_q.prepare(sql);
    }
    Status run(const QVariantList &binds) {
        if (!m_ok)
            return sqlError(m_q);
        for (qsizetype i = 0; i < binds.size(); ++i)
            m_q.bindValue(int(i), binds.at(i));
        if (!m_q.exec())
            return sqlError(m_q);
        return {};
    }

private:
    QSqlQuery m_q;
    bool m_ok = false;
};

const QString kInsertQuestion =
    uR"(INSERT INTO training_questions (id, version, kind, category, tags_json, difficulty, stem, options_json,
        correct_json, explanation, source, gen_key, content_sha256, source_item_code, source_item_version, status,
        uses, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?, ?, ?, ?, ?, 'active', 0,
        ?, ?))"_s; // explanation: a question without one stores '' (a null QString binds as NULL)

QVariantList questionBinds(const Question &q, const QString &id, int version, const QString &sha,
                           const QString &now) {
    return {id,
            version,
            kindName(q.kind),
            q.category,
            compact(QJsonArray::fromStringList(q.tags)),
            q.difficulty,
            q.stem,
            compact(QJsonArray::fromStringList(q.options)),
            compact(intArray(q.correct)),
            q.explanation,
            q.generated ? u"generated"_s : u"trainer"_s,
            q.generated ? QVariant(q.genKey) : QVariant(),
            sha,
            q.sourceItemCode.isEmpty() ? QVariant() : QVariant(q.sourceItemCode),
            q.sourceItemCode.isEmpty() ? QVariant() : QVariant(q.sourceItemVersion),
            q.createdBy,
            now};
}

} // namespace

QuestionBank::QuestionBank(storage::Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock) {}

QString QuestionBank::generatedId(const QString &genKey) {
    return u"g-"_s + sha256Hex(genKey.toUtf8()).left(20);
}

QString QuestionBank::blueprintDrillId(const Blueprint &blueprint) {
    return u"bp-"_s + sha256Hex(QJsonDocument(blueprint.toJson()).toJson(QJsonDocument::Compact)).left(20);
}

Result<CatalogSnapshot> QuestionBank::catalogSnapshot() const {
    CatalogSnapshot snap;
    auto items = m_db.query(uR"(SELECT code, version, name, type, department, promised_time_limit_days,
        legal_time_limit_days, commitment_allowed FROM service_items WHERE is_current = 1 AND deleted = 0
        ORDER BY code)"_s);
    if (!items)
        return items.error();
    QHash<QString, qsizetype> at;
    while (items->next()) {
        CatalogItemFacts it;
        it.code = items->value(0).toString();
        it.version = items->value(1).toInt();
        it.name = items->value(2).toString();
        it.type = items->value(3).toString();
        it.department = items->value(4).toString();
        it.promisedDays = items->value(5).toInt();
        it.legalDays = items->value(6).toInt();
        it.commitmentAllowed = items->value(7).toBool();
        at.insert(it.code, snap.items.size());
        snap.items.append(it);
    }
    auto mats = m_db.query(uR"(SELECT m.item_code, m.name, m.required FROM item_materials m
        JOIN service_items s ON s.code = m.item_code AND s.version = m.item_version
        WHERE s.is_current = 1 AND s.deleted = 0 ORDER BY m.item_code, m.ord)"_s);
    if (!mats)
        return mats.error();
    while (mats->next()) {
        const auto i = at.constFind(mats->value(0).toString());
        if (i != at.cend())
            snap.items[i.value()].materials.append({mats->value(1).toString(), mats->value(2).toBool()});
    }
    auto bundles = m_db.query(uR"(SELECT b.code, b.version, b.name, bi.item_code FROM bundles b
        LEFT JOIN bundle_items bi ON bi.bundle_code = b.code AND bi.bundle_version = b.version
        WHERE b.is_current = 1 AND b.deleted = 0 ORDER BY b.code, bi.ord)"_s);
    if (!bundles)
        return bundles.error();
    while (bundles->next()) {
        const QString code = bundles->value(0).toString();
        if (snap.bundles.isEmpty() || snap.bundles.last().code != code)
            snap.bundles.append({code, bundles->value(1).toInt(), bundles->value(2).toString(), {}});
        if (!bundles->value(3).isNull())
            snap.bundles.last().itemCodes.append(bundles->value(3).toString());
    }
    return snap;
}

Result<GenerateReport> QuestionBank::generateFromCatalog() {
    auto snap = catalogSnapshot();
    if (!snap)
        return snap.error();
    const QList<Question> generated = QuestionGenerator::generate(snap.value());
    GenerateReport report;
    const QString now = utcText(m_clock.nowUtc());
    const Status st = m_db.write([&]() -> Status {
        struct Active {
            QString id;
            int version;
            QString sha;
        };
        QHash<QString, Active> active; // gen_key → active version
        auto a = m_db.query(uR"(SELECT gen_key, id, version, content_sha256 FROM training_questions
            WHERE source = 'generated' AND status = 'active')"_s);
        if (!a)
            return a.error();
        while (a->next())
            active.insert(a->value(0).toString(),
                          {a->value(1).toString(), a->value(2).toInt(), a->value(3).toString()});
        QHash<QString, int> latest; // id → highest version stored (retired ones included)
        auto v = m_db.query(
            u"SELECT id, max(version) FROM training_questions WHERE source = 'generated' GROUP BY id"_s);
        if (!v)
            return v.error();
        while (v->next())
            latest.insert(v->value(0).toString(), v->value(1).toInt());

        Statement insert(m_db, kInsertQuestion);
        Statement retire(m_db, u"UPDATE training_questions SET status = 'retired', retired_at = ? "
                               u"WHERE id = ? AND version = ? AND status = 'active'"_s);
        QSet<QString> seen;
        for (const Question &q : generated) {
            if (seen.contains(q.genKey)) {
                qCWarning(lcTraining) << "generator produced a key twice:" << q.genKey;
                continue;
            }
            seen.insert(q.genKey);
            switch (q.kind) {
            case QuestionKind::Single:
                ++report.single;
                break;
            case QuestionKind::Multiple:
                ++report.multiple;
                break;
            case QuestionKind::TrueFalse:
                ++report.trueFalse;
                break;
            }
            ++report.questions;
            const QString sha = q.contentSha256();
            const auto was = active.constFind(q.genKey);
            if (was != active.cend()) {
                if (was->sha == sha)
                    continue;
                if (auto r = retire.run({now, was->id, was->version}); !r)
                    return r;
                ++report.retired;
                report.retiredVersions.append({was->id, was->version});
            }
            const QString id = generatedId(q.genKey);
            const int version = latest.value(id, 0) + 1;
            if (auto r = insert.run(questionBinds(q, id, version, sha, now)); !r)
                return r;
            ++report.added;
            report.addedVersions.append({id, version});
        }
        for (auto it = active.cbegin(); it != active.cend(); ++it) {
            if (seen.contains(it.key()))
                continue;
            if (auto r = retire.run({now, it->id, it->version}); !r)
                return r;
            ++report.retired;
            report.retiredVersions.append({it->id, it->version});
        }
        return {};
    });
    if (!st)
        return st.error();
    qCInfo(lcTraining) << "generated" << report.questions << "questions:" << report.added << "new,"
                       << report.retired << "retired";
    return report;
}

Result<QString> QuestionBank::addTrainerQuestion(Question q, const QString &by) {
    q.generated = false;
    q.genKey.clear();
    q.createdBy = by;
    if (auto v = validateQuestion(q); !v)
        return v.error();
    const QString id = u"t-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = utcText(m_clock.nowUtc());
    auto r = m_db.exec(kInsertQuestion, questionBinds(q, id, 1, q.contentSha256(), now));
    if (!r)
        return r.error();
    return id;
}

Result<QList<BankEntry>> QuestionBank::readEntries() const {
    auto r = m_db.query(uR"(SELECT id, version, kind, category, uses, json_array_length(options_json)
        FROM training_questions WHERE status = 'active' ORDER BY id)"_s);
    if (!r)
        return r.error();
    QList<BankEntry> out;
    while (r->next()) {
        BankEntry e;
        e.id = r->value(0).toString();
        e.version = r->value(1).toInt();
        e.kind = kindFromName(r->value(2).toString()).value_or(QuestionKind::Single);
        e.category = r->value(3).toString();
        e.uses = r->value(4).toInt();
        e.optionCount = r->value(5).toInt();
        out.append(e);
    }
    return out;
}

Result<QList<BankEntry>> QuestionBank::activeEntries() const {
    return readEntries();
}

Result<Question> QuestionBank::question(const QString &id, int version) const {
    auto r = m_db.query(uR"(SELECT kind, category, tags_json, difficulty, stem, options_json, correct_json,
        explanation, source, gen_key, source_item_code, source_item_version, status, uses, created_by
        FROM training_questions WHERE id = ? AND version = ?)"_s,
                        {id, version});
    if (!r)
        return r.error();
    if (!r->next())
        return Error{u"not_found"_s, u"no such question: %1 version %2"_s.arg(id).arg(version)};
    Question q;
    q.id = id;
    q.version = version;
    q.kind = kindFromName(r->value(0).toString()).value_or(QuestionKind::Single);
    q.category = r->value(1).toString();
    q.tags = stringList(r->value(2).toString());
    q.difficulty = r->value(3).toInt();
    q.stem = r->value(4).toString();
    q.options = stringList(r->value(5).toString());
    q.correct = intList(r->value(6).toString());
    q.explanation = r->value(7).toString();
    q.generated = r->value(8).toString() == u"generated";
    q.genKey = r->value(9).toString();
    q.sourceItemCode = r->value(10).toString();
    q.sourceItemVersion = r->value(11).toInt();
    q.active = r->value(12).toString() == u"active";
    q.uses = r->value(13).toInt();
    q.createdBy = r->value(14).toString();
    return q;
}

Result<std::variant<StoredPaper, BankTooSmall>> QuestionBank::drawPaper(const Blueprint &blueprint,
                                                                        const QString &trainee, quint64 seed,
                                                                        const QString &drillId) {
    if (trainee.trimmed().isEmpty())
        return Error{u"invalid_trainee"_s, u"考生姓名不能为空"_s};
    if (seed > kMaxSeed)
        return Error{u"invalid_seed"_s, u"seed must be a whole number from 0 to 2^53 - 1"_s};
    std::variant<StoredPaper, BankTooSmall> outcome;
    const QString now = utcText(m_clock.nowUtc());
    const Status st = m_db.write([&]() -> Status {
        auto bank = readEntries();
        if (!bank)
            return bank.error();
        auto drawn = PaperDraw::draw(bank.value(), blueprint, seed);
        if (auto *small = std::get_if<BankTooSmall>(&drawn)) {
            outcome = *small;
            return Error{u"bank_too_small"_s, QString()}; // rolls back: nothing is recorded
        }
        StoredPaper sp;
        sp.paper = std::get<DrawnPaper>(std::move(drawn));
        sp.trainee = trainee;
        sp.createdAt = now;
        sp.drillId = drillId;
        if (sp.drillId.isEmpty()) {
            sp.drillId = blueprintDrillId(blueprint);
            auto d = m_db.exec(
                uR"(INSERT OR IGNORE INTO training_drills (id, kind, title, definition_json,
                time_limit_s, created_by, created_at) VALUES (?, 'paper', ?, ?, ?, ?, ?))"_s,
                {sp.drillId, blueprint.name,
                 QString::fromUtf8(QJsonDocument(blueprint.toJson()).toJson(QJsonDocument::Compact)),
                 blueprint.timeLimitS, u"blueprint"_s, now});
            if (!d)
                return d;
        }
        auto count = m_db.query(u"SELECT count(*) FROM training_papers"_s);
        if (!count)
            return count.error();
        const qint64 stored = count->next() ? count->value(0).toLongLong() : 0;
        // The id follows from what was drawn and how many papers came before, so the same seed on the same
        // database state gives the same paper, id included.
        QJsonArray ids, whole;
        for (const PaperQuestion &q : std::as_const(sp.paper.questions)) {
            ids.append(q.id);
            whole.append(QJsonArray{q.id, q.version, q.points, intArray(q.optionsOrder)});
        }
        sp.paperId = u"p-"_s + sha256Hex(QJsonDocument(QJsonArray{sp.drillId, trainee, QString::number(seed),
                                                                  QString::number(stored), whole})
                                             .toJson(QJsonDocument::Compact))
                                   .left(20);
        auto p = m_db.exec(uR"(INSERT INTO training_papers (id, drill_id, trainee_id, question_ids_json,
            created_at, seed) VALUES (?, ?, ?, ?, ?, ?))"_s,
                           {sp.paperId, sp.drillId, trainee, compact(ids), now, qint64(seed)});
        if (!p)
            return p;
        Statement row(m_db,
                      uR"(INSERT INTO training_paper_questions (paper_id, position, section, question_id,
            question_version, points, options_order_json) VALUES (?, ?, ?, ?, ?, ?, ?))"_s);
        Statement use(m_db, u"UPDATE training_questions SET uses = uses + 1 WHERE id = ? AND version = ?"_s);
        for (qsizetype i = 0; i < sp.paper.questions.size(); ++i) {
            const PaperQuestion &q = sp.paper.questions.at(i);
            if (auto r = row.run({sp.paperId, int(i), q.section, q.id, q.version, q.points,
                                  compact(intArray(q.optionsOrder))});
                !r)
                return r;
            if (auto r = use.run({q.id, q.version}); !r)
                return r;
        }
        outcome = sp;
        return {};
    });
    if (!st && st.error().code != u"bank_too_small")
        return st.error();
    return outcome;
}

Result<StoredPaper> QuestionBank::paper(const QString &paperId) const {
    auto p = m_db.query(u"SELECT drill_id, trainee_id, seed, created_at FROM training_papers WHERE id = ?"_s,
                        {paperId});
    if (!p)
        return p.error();
    if (!p->next())
        return Error{u"not_found"_s, u"no such paper: %1"_s.arg(paperId)};
    StoredPaper sp;
    sp.paperId = paperId;
    sp.drillId = p->value(0).toString();
    sp.trainee = p->value(1).toString();
    sp.paper.seed = quint64(p->value(2).toLongLong());
    sp.createdAt = p->value(3).toString();
    auto q = m_db.query(uR"(SELECT pq.section, pq.question_id, pq.question_version, pq.points,
        pq.options_order_json, q.kind, q.category FROM training_paper_questions pq
        JOIN training_questions q ON q.id = pq.question_id AND q.version = pq.question_version
        WHERE pq.paper_id = ? ORDER BY pq.position)"_s,
                        {paperId});
    if (!q)
        return q.error();
    while (q->next()) {
        PaperQuestion pq;
        pq.section = q->value(0).toInt();
        pq.id = q->value(1).toString();
        pq.version = q->value(2).toInt();
        pq.points = q->value(3).toDouble();
        pq.optionsOrder = intList(q->value(4).toString());
        pq.kind = kindFromName(q->value(5).toString()).value_or(QuestionKind::Single);
        pq.category = q->value(6).toString();
        sp.paper.questions.append(pq);
    }
    return sp;
}

} // namespace windowdesk::training
