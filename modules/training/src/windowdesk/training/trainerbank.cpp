#include "trainerbank.h"

#include "traininglogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

const QString kColumns = uR"(id, version, kind, category, tags_json, difficulty, stem, options_json,
    correct_json, explanation, source, gen_key, source_item_code, source_item_version, status, uses, created_by)"_s;

QString compact(const QJsonArray &a) {
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

Question readQuestion(const QSqlQuery &r) {
    auto strings = [](const QVariant &v) {
        QStringList out;
        for (const auto &x : QJsonDocument::fromJson(v.toString().toUtf8()).array())
            out.append(x.toString());
        return out;
    };
    Question q;
    q.id = r.value(0).toString();
    q.version = r.value(1).toInt();
    q.kind = kindFromName(r.value(2).toString()).value_or(QuestionKind::Single);
    q.category = r.value(3).toString();
    q.tags = strings(r.value(4));
    q.difficulty = r.value(5).toInt();
    q.stem = r.value(6).toString();
    q.options = strings(r.value(7));
    for (const auto &x : QJsonDocument::fromJson(r.value(8).toString().toUtf8()).array())
        q.correct.append(x.toInt());
    q.explanation = r.value(9).toString();
    q.generated = r.value(10).toString() == u"generated";
    q.genKey = r.value(11).toString();
    q.sourceItemCode = r.value(12).toString();
    q.sourceItemVersion = r.value(13).toInt();
    q.active = r.value(14).toString() == u"active";
    q.uses = r.value(15).toInt();
    q.createdBy = r.value(16).toString();
    return q;
}

// Stores version `version` of trainer question `id`, active.
Status insertVersion(storage::Database &db, const Question &q, const QString &id, int version,
                     const QString &by, const QString &now) {
    QJsonArray correct;
    for (int c : q.correct)
        correct.append(c);
    Question stored = q;
    stored.sourceItemCode.clear();
    stored.sourceItemVersion = 0;
    return db.exec(
        uR"(INSERT INTO training_questions (id, version, kind, category, tags_json, difficulty, stem,
        options_json, correct_json, explanation, source, content_sha256, status, uses, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), 'trainer', ?, 'active', 0, coalesce(?, ''), ?))"_s,
        {id, version, kindName(q.kind), q.category, compact(QJsonArray::fromStringList(q.tags)), q.difficulty,
         q.stem, compact(QJsonArray::fromStringList(q.options)), compact(correct), q.explanation,
         stored.contentSha256(), by, now});
}

Status retireVersions(storage::Database &db, const QString &id, const QString &now) {
    return db.exec(u"UPDATE training_questions SET status = 'retired', retired_at = ? "
                   u"WHERE id = ? AND status = 'active'"_s,
                   {now, id});
}

QString newTrainerId() {
    return u"t-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What the bank holds of one id: its newest version (the active one when there is one).
struct Held {
    Question newest;
    bool hasActive = false;
};

Result<QHash<QString, Held>> loadHeld(const storage::Database &db) {
    auto r = db.query(u"SELECT "_s + kColumns + u" FROM training_questions ORDER BY id, version"_s);
    if (!r)
        return r.error();
    QHash<QString, Held> out;
    while (r->next()) {
        const Question q = readQuestion(*r);
        Held &h = out[q.id];
        if (q.active || !h.hasActive)
            h.newest = q;
        h.hasActive = h.hasActive || q.active;
    }
    return out;
}

} // namespace

TrainerBank::TrainerBank(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<QList<Question>> TrainerBank::questions(const BankFilter &f) const {
    QString sql = u"SELECT "_s + kColumns + u" FROM training_questions WHERE 1 = 1"_s;
    QVariantList binds;
    if (!f.category.isEmpty()) {
        sql += u" AND category = ?"_s;
        binds << f.category;
    }
    if (f.kind) {
        sql += u" AND kind = ?"_s;
        binds << kindName(*f.kind);
    }
    if (f.generated) {
        sql += u" AND source = ?"_s;
        binds << (*f.generated ? u"generated"_s : u"trainer"_s);
    }
    if (f.active) {
        sql += u" AND status = ?"_s;
        binds << (*f.active ? u"active"_s : u"retired"_s);
    }
    if (const QString t = f.text.trimmed(); !t.isEmpty()) {
        QString like = t;
        like.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        like = u'%' + like + u'%';
        sql += uR"( AND (stem LIKE ? ESCAPE '\' OR tags_json LIKE ? ESCAPE '\' OR id LIKE ? ESCAPE '\'
            OR ifnull(source_item_code, '') LIKE ? ESCAPE '\'))"_s;
        binds << like << like << like << like;
    }
    sql += u" ORDER BY category, kind, id, version DESC"_s;
    auto r = m_db.query(sql, binds);
    if (!r)
        return r.error();
    QList<Question> out;
    while (r->next())
        out.append(readQuestion(*r));
    return out;
}

Result<QStringList> TrainerBank::categories() const {
    auto r = m_db.query(u"SELECT category, sum(status = 'active') AS n FROM training_questions "
                        u"GROUP BY category ORDER BY n DESC, category"_s);
    if (!r)
        return r.error();
    QStringList out;
    while (r->next())
        out.append(r->value(0).toString());
    return out;
}

Result<QString> TrainerBank::add(Question q, const QString &by) {
    q.id.clear();
    if (const Status v = validateQuestion(q); !v)
        return v.error();
    const QString id = newTrainerId();
    const Status st = m_db.write([&]() -> Status {
        if (Status s = insertVersion(m_db, q, id, 1, by, m_clock.nowUtc().toString(Qt::ISODate)); !s)
            return s;
        return m_audit
                   ? m_audit->append({by, u"training_question_added"_s, id, {{u"category"_s, q.category}}})
                   : Status{};
    });
    if (!st)
        return st.error();
    return id;
}

Result<int> TrainerBank::revise(const QString &id, Question q, const QString &by) {
    if (const Status v = validateQuestion(q); !v)
        return v.error();
    int version = 0;
    const Status st = m_db.write([&]() -> Status {
        auto r = m_db.query(u"SELECT "_s + kColumns +
                                u" FROM training_questions WHERE id = ? ORDER BY status = 'active' DESC, "
                                u"version DESC LIMIT 1"_s,
                            {id});
        if (!r)
            return r.error();
        if (!r->next())
            return Error{u"not_found"_s, u"题库中没有编号为 %1 的题目"_s.arg(id)};
        const Question held = readQuestion(*r);
        if (held.generated)
            return Error{u"not_editable"_s,
                         u"这是根据事项目录生成的题目，不能直接修改：请修改事项目录后重新生成"_s};
        if (held.active && sameContent(held, q))
            return Error{u"unchanged"_s, u"题目没有改动"_s};
        auto max = m_db.query(u"SELECT max(version) FROM training_questions WHERE id = ?"_s, {id});
        if (!max)
            return max.error();
        version = (max->next() ? max->value(0).toInt() : 0) + 1;
        const QString now = m_clock.nowUtc().toString(Qt::ISODate);
        if (Status s = retireVersions(m_db, id, now); !s)
            return s;
        if (Status s = insertVersion(m_db, q, id, version, by, now); !s)
            return s;
        return m_audit ? m_audit->append({by, u"training_question_revised"_s, id, {{u"version"_s, version}}})
                       : Status{};
    });
    if (!st)
        return st.error();
    return version;
}

Status TrainerBank::retire(const QString &id, const QString &by) {
    return m_db.write([&]() -> Status {
        auto r =
            m_db.query(u"SELECT source FROM training_questions WHERE id = ? AND status = 'active'"_s, {id});
        if (!r)
            return r.error();
        if (!r->next())
            return Error{u"not_found"_s, u"题库中没有在用的题目 %1"_s.arg(id)};
        if (r->value(0).toString() == u"generated")
            return Error{u"not_editable"_s, u"根据事项目录生成的题目随事项目录变化，不能单独停用"_s};
        if (Status s = retireVersions(m_db, id, m_clock.nowUtc().toString(Qt::ISODate)); !s)
            return s;
        return m_audit ? m_audit->append({by, u"training_question_retired"_s, id, {}}) : Status{};
    });
}

Result<GenerateReport> TrainerBank::regenerate(const QString &by) {
    Result<GenerateReport> out = Error{u"sql"_s, QString()};
    const Status st = m_db.write([&]() -> Status {
        out = QuestionBank(m_db, m_clock).generateFromCatalog();
        if (!out)
            return out.error();
        return m_audit
                   ? m_audit->append({by,
                                      u"training_bank_generated"_s,
                                      u"catalog"_s,
                                      {{u"new"_s, out.value().added}, {u"retired"_s, out.value().retired}}})
                   : Status{};
    });
    if (!st)
        return st.error();
    return out;
}

Result<ImportReport> TrainerBank::importRows(const ParsedBank &parsed, const QString &by,
                                             const QString &sourceName) {
    ImportReport report;
    report.encoding = parsed.encoding;
    report.problems = parsed.problems;
    if (!report.problems.isEmpty())
        return report;
    const Status st = m_db.write([&]() -> Status {
        auto held = loadHeld(m_db);
        if (!held)
            return held.error();
        QHash<QString, QString> activeByContent; // contentKey → id
        for (auto it = held->cbegin(); it != held->cend(); ++it)
            if (it->hasActive)
                activeByContent.insert(contentKey(it->newest), it.key());
        const QString now = m_clock.nowUtc().toString(Qt::ISODate);
        for (const ImportRow &row : parsed.rows) {
            const Question &q = row.question;
            auto problem = [&](const QString &m) {
                report.problems.append({row.line, m});
            };
            const auto known = q.id.isEmpty() ? held->cend() : held->constFind(q.id);
            if (q.id.isEmpty() || (known == held->cend() && q.id.startsWith(u"g-"_s))) {
                const QString same = activeByContent.value(contentKey(q));
                if (!same.isEmpty() && sameContent(held->value(same).newest, q)) {
                    ++report.unchanged;
                } else if (!same.isEmpty()) {
                    problem(
                        u"题库中已有题干和选项相同、答案或其他内容不同的题目（编号 %1）；要修改它，请在“编号”中填写该编号"_s
                            .arg(same));
                } else if (Status s = insertVersion(m_db, q, newTrainerId(), 1, by, now); !s) {
                    return s;
                } else {
                    ++report.added;
                }
            } else if (known == held->cend()) {
                if (Status s = insertVersion(m_db, q, q.id, 1, by, now); !s)
                    return s;
                ++report.added;
            } else if (known->hasActive && sameContent(known->newest, q)) {
                ++report.unchanged;
            } else if (known->newest.generated) {
                problem(u"编号 %1 是根据事项目录生成的题目，不能通过导入修改"_s.arg(q.id));
            } else {
                if (Status s = retireVersions(m_db, q.id, now); !s)
                    return s;
                if (Status s = insertVersion(m_db, q, q.id, known->newest.version + 1, by, now); !s)
                    return s;
                ++report.revised;
            }
        }
        if (!report.problems.isEmpty())
            return Error{u"import_rejected"_s, QString()}; // rolls back: nothing half-imported
        return m_audit ? m_audit->append({by,
                                          u"training_bank_imported"_s,
                                          sourceName,
                                          {{u"added"_s, report.added},
                                           {u"revised"_s, report.revised},
                                           {u"unchanged"_s, report.unchanged},
                                           {u"encoding"_s, report.encoding}}})
                       : Status{};
    });
    if (!st && st.error().code != u"import_rejected")
        return st.error();
    if (!report.problems.isEmpty())
        report.added = report.revised = report.unchanged = 0;
    qCInfo(lcTraining) << "bank import" << sourceName << report.added << "new," << report.revised
                       << "revised," << report.unchanged << "unchanged," << report.problems.size()
                       << "problems";
    return report;
}

Result<ImportReport> TrainerBank::importFile(const QString &path, const QString &by) {
    const auto format = bankFormatForPath(path);
    if (!format)
        return Error{u"unsupported_format"_s, u"只能导入 .json 或 .csv 文件"_s};
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{u"io"_s, u"无法读取文件 %1：%2"_s.arg(QFileInfo(path).fileName(), f.errorString())};
    return importRows(parseBank(f.readAll(), *format), by, QFileInfo(path).fileName());
}

Status TrainerBank::exportFile(const QString &path, const QList<Question> &questions, const QString &by) {
    const auto format = bankFormatForPath(path);
    if (!format)
        return Error{u"unsupported_format"_s, u"只能导出为 .json 或 .csv 文件"_s};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{u"io"_s, u"无法写入文件 %1：%2"_s.arg(QFileInfo(path).fileName(), f.errorString())};
    f.write(*format == BankFormat::Json ? bankToJson(questions) : bankToCsv(questions));
    if (!f.commit())
        return Error{u"io"_s, u"无法写入文件 %1：%2"_s.arg(QFileInfo(path).fileName(), f.errorString())};
    return m_audit ? m_audit->append({by,
                                      u"training_bank_exported"_s,
                                      QFileInfo(path).fileName(),
                                      {{u"questions"_s, int(questions.size())}}})
                   : Status{};
}

} // namespace windowdesk::training
