#include "blueprintstore.h"

#include "questionbank.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QJsonDocument>
#include <QUuid>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {
QString kindWord(QuestionKind k) {
    switch (k) {
    case QuestionKind::Single:
        return u"单选"_s;
    case QuestionKind::Multiple:
        return u"多选"_s;
    case QuestionKind::TrueFalse:
        return u"判断"_s;
    }
    return {};
}

QString points(double p) {
    return QString::number(p, 'g', 6);
}

Error invalid(const QString &m) {
    return Error{u"invalid_blueprint"_s, m};
}

Result<StoredBlueprint> readRow(const QSqlQuery &q) {
    auto bp = Blueprint::fromJson(q.value(1).toString().toUtf8());
    if (!bp)
        return bp.error();
    return StoredBlueprint{q.value(0).toString(), bp.value(), q.value(2).toString(), q.value(3).toString()};
}

bool matches(const BlueprintSection &s, const BankEntry &e) {
    return (!s.category || *s.category == e.category) && (!s.kind || *s.kind == e.kind);
}
} // namespace

BlueprintStore::BlueprintStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

QString BlueprintStore::sectionLabel(const BlueprintSection &s) {
    return u"%1 × %2 × %3 题 × %4 分"_s
        .arg(s.category.value_or(u"任意分类"_s), s.kind ? kindWord(*s.kind) : u"任意题型"_s)
        .arg(s.count)
        .arg(points(s.points));
}

Status BlueprintStore::validate(const Blueprint &b) {
    if (b.name.trimmed().isEmpty())
        return invalid(u"请填写组卷方案的名称"_s);
    if (b.sections.isEmpty())
        return invalid(u"组卷方案至少需要一个部分"_s);
    for (qsizetype i = 0; i < b.sections.size(); ++i) {
        const BlueprintSection &s = b.sections.at(i);
        if (s.count < 1 || s.count > 1000)
            return invalid(u"第 %1 部分：题量须为 1 至 1000"_s.arg(i + 1));
        if (!std::isfinite(s.points) || s.points <= 0)
            return invalid(u"第 %1 部分：每题分值须大于 0"_s.arg(i + 1));
        if (s.category && s.category->trimmed().isEmpty())
            return invalid(u"第 %1 部分：分类不能为空白"_s.arg(i + 1));
    }
    if (!std::isfinite(b.passScore) || b.passScore < 0 || b.passScore > b.maxScore() + 1e-9)
        return invalid(u"及格线须在 0 至满分 %1 分之间"_s.arg(points(b.maxScore())));
    if (b.timeLimitS < 60 || b.timeLimitS > 24 * 3600)
        return invalid(u"考试时限须为 1 分钟至 24 小时"_s);
    return {};
}

Result<QList<StoredBlueprint>> BlueprintStore::list() const {
    auto q = m_db.query(u"SELECT id, definition_json, updated_by, updated_at FROM training_blueprints "
                        u"ORDER BY name"_s);
    if (!q)
        return q.error();
    QList<StoredBlueprint> out;
    while (q->next())
        if (auto b = readRow(*q))
            out.append(b.value());
    return out;
}

Result<StoredBlueprint> BlueprintStore::get(const QString &id) const {
    auto q = m_db.query(u"SELECT id, definition_json, updated_by, updated_at FROM training_blueprints "
                        u"WHERE id = ?"_s,
                        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"没有这个组卷方案"_s};
    return readRow(*q);
}

Result<QString> BlueprintStore::save(const QString &id, const Blueprint &b, const QString &by) {
    if (Status v = validate(b); !v)
        return v.error();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    QString savedId = id;
    const Status st = m_db.write([&]() -> Status {
        auto same =
            m_db.query(u"SELECT id FROM training_blueprints WHERE name = ? AND id <> coalesce(?, '')"_s,
                       {b.name.trimmed(), id});
        if (!same)
            return same.error();
        if (same->next())
            return Error{u"duplicate_name"_s, u"已有名为“%1”的组卷方案"_s.arg(b.name.trimmed())};
        Blueprint named = b;
        named.name = b.name.trimmed();
        const QString body = QString::fromUtf8(QJsonDocument(named.toJson()).toJson(QJsonDocument::Compact));
        if (savedId.isEmpty()) {
            savedId = u"b-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
            if (Status s =
                    m_db.exec(uR"(INSERT INTO training_blueprints (id, name, definition_json, created_by,
                created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?))"_s,
                              {savedId, named.name, body, by, now, by, now});
                !s)
                return s;
        } else {
            auto old = m_db.query(u"SELECT 1 FROM training_blueprints WHERE id = ?"_s, {savedId});
            if (!old)
                return old.error();
            if (!old->next())
                return Error{u"not_found"_s, u"没有这个组卷方案"_s};
            if (Status s = m_db.exec(u"UPDATE training_blueprints SET name = ?, definition_json = ?, "
                                     u"updated_by = ?, updated_at = ? WHERE id = ?"_s,
                                     {named.name, body, by, now, savedId});
                !s)
                return s;
        }
        return m_audit ? m_audit->append({by,
                                          u"training_blueprint_saved"_s,
                                          savedId,
                                          {{u"new"_s, id.isEmpty()}, {u"blueprint"_s, named.toJson()}}})
                       : Status{};
    });
    if (!st)
        return st.error();
    return savedId;
}

Status BlueprintStore::remove(const QString &id, const QString &by) {
    return m_db.write([&]() -> Status {
        if (Status s = m_db.exec(u"DELETE FROM training_blueprints WHERE id = ?"_s, {id}); !s)
            return s;
        return m_audit ? m_audit->append({by, u"training_blueprint_removed"_s, id, {}}) : Status{};
    });
}

Result<BankCheck> BlueprintStore::checkAgainstBank(const Blueprint &b) const {
    auto bank = QuestionBank(m_db, m_clock).activeEntries();
    if (!bank)
        return bank.error();
    BankCheck check;
    for (const BlueprintSection &s : b.sections) {
        SectionSupply supply{s.count, 0};
        for (const BankEntry &e : bank.value())
            supply.matching += matches(s, e) ? 1 : 0;
        check.sections.append(supply);
    }
    if (b.sections.isEmpty())
        return check;
    const auto drawn = PaperDraw::draw(bank.value(), b, 0);
    if (const auto *small = std::get_if<BankTooSmall>(&drawn)) {
        const BlueprintSection &s = b.sections.at(small->section);
        check.problem = u"第 %1 部分（%2）：需要 %3 题，题库中可用的只有 %4 题"_s.arg(small->section + 1)
                            .arg(sectionLabel(s))
                            .arg(s.count)
                            .arg(small->available);
    }
    return check;
}

Result<std::variant<DrawnPaper, BankTooSmall>> BlueprintStore::previewPaper(const Blueprint &b,
                                                                            quint64 seed) const {
    auto bank = QuestionBank(m_db, m_clock).activeEntries();
    if (!bank)
        return bank.error();
    return PaperDraw::draw(bank.value(), b, seed);
}

} // namespace windowdesk::training
