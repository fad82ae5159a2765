#include "scenariocheck.h"

#include <windowdesk/core/identity.h>
#include <windowdesk/core/regiondirectory.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/database.h>

#include <QSet>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

namespace {

using Severity = ScenarioProblem::Severity;

constexpr int kMinTimeLimitS = 60;
constexpr int kMaxTimeLimitS = 3600;

QString documentLabel(qsizetype i, const ScenarioDocument &d) {
    return d.name.trimmed().isEmpty() ? u"第 %1 份材料"_s.arg(i + 1)
                                      : u"第 %1 份材料（%2）"_s.arg(i + 1).arg(d.name.trimmed());
}

void add(QList<ScenarioProblem> &out, Severity sv, const QString &field, const QString &message) {
    out.append({sv, field, message});
}

// The rules validateScenario() has always enforced (its messages unchanged: stored drills and the command
// rely on them), then the ones a trainer's editor adds.
void basicRules(const Scenario &s, const QDate &today, QList<ScenarioProblem> &out) {
    if (s.title.trimmed().isEmpty())
        add(out, Severity::Error, u"title"_s, u"演练需要标题"_s);
    if (s.applicantName.trimmed().isEmpty())
        add(out, Severity::Error, u"applicant.name"_s, u"模拟申请人需要姓名"_s);
    if (const auto id = core::validateResidentId(s.idNumber, today); !id.valid)
        add(out, Severity::Error, u"applicant.id_number"_s,
            u"模拟申请人的身份证号无效：%1"_s.arg(id.message));
    if (const auto ph = core::validatePhone(s.phone); !ph.valid)
        add(out, Severity::Error, u"applicant.phone"_s, u"模拟申请人的手机号无效：%1"_s.arg(ph.message));
    if (s.targetItemCode.isEmpty())
        add(out, Severity::Error, u"target.item_code"_s, u"需要目标事项"_s);
    if (!QStringList{u"accepted"_s, u"correction_required"_s, u"rejected"_s}.contains(s.targetDecision))
        add(out, Severity::Error, u"target.decision"_s,
            u"目标决定应为 accepted、correction_required 或 rejected"_s);
    if (s.timeLimitS <= 0)
        add(out, Severity::Error, u"time_limit_s"_s, u"需要时限（秒）"_s);
    for (qsizetype i = 0; i < s.events.size(); ++i)
        if (s.events.at(i).atS > s.timeLimitS)
            add(out, Severity::Error, u"events[%1]"_s.arg(i),
                u"事件时间 %1 秒超出时限"_s.arg(s.events.at(i).atS));
    for (qsizetype i = 0; i < s.judgedCriteria.size(); ++i) {
        const auto &c = s.judgedCriteria.at(i);
        if (c.first.isEmpty() || !(c.second > 0))
            add(out, Severity::Error, u"judged[%1]"_s.arg(i), u"评委评分项需要名称和满分"_s);
    }
}

void editorRules(const Scenario &s, QList<ScenarioProblem> &out) {
    if (s.title.trimmed().size() > 100)
        add(out, Severity::Error, u"title"_s, u"标题不能超过 100 个字"_s);
    // The brief is all the trainee hears when the applicant sits down: without it there is no case to take.
    if (s.brief.trimmed().isEmpty())
        add(out, Severity::Error, u"brief"_s, u"请填写情景简介（申请人坐下时说的话）"_s);
    if (s.timeLimitS > 0 && (s.timeLimitS < kMinTimeLimitS || s.timeLimitS > kMaxTimeLimitS))
        add(out, Severity::Error, u"time_limit_s"_s,
            u"时限须在 %1 至 %2 秒之间（1 至 60 分钟）"_s.arg(kMinTimeLimitS).arg(kMaxTimeLimitS));
    if (s.documents.isEmpty())
        add(out, Severity::Error, u"documents"_s, u"申请人至少要带一份材料（选定事项后按目录填入）"_s);
    QSet<QString> materials;
    for (qsizetype i = 0; i < s.documents.size(); ++i) {
        const ScenarioDocument &d = s.documents.at(i);
        if (d.name.trimmed().isEmpty())
            add(out, Severity::Error, u"documents[%1]"_s.arg(i),
                u"第 %1 份材料需要名称（告诉学员递过来的是什么）"_s.arg(i + 1));
        if (materials.contains(d.materialId))
            add(out, Severity::Error, u"documents[%1]"_s.arg(i),
                u"%1：材料 %2 已经列过一次"_s.arg(documentLabel(i, d), d.materialId));
        materials.insert(d.materialId);
    }
    for (qsizetype i = 0; i < s.events.size(); ++i) {
        const ScenarioEvent &e = s.events.at(i);
        const QString field = u"events[%1]"_s.arg(i);
        if (e.atS < 0)
            add(out, Severity::Error, field, u"第 %1 个事件：时间不能为负"_s.arg(i + 1));
        if (i > 0 && e.atS < s.events.at(i - 1).atS)
            add(out, Severity::Error, field,
                u"第 %1 个事件（%2 秒）早于前一个事件（%3 秒）：事件须按时间先后排列"_s.arg(i + 1)
                    .arg(e.atS)
                    .arg(s.events.at(i - 1).atS));
        const bool spoken =
            e.kind == ScenarioEvent::Kind::Say || e.kind == ScenarioEvent::Kind::ApplicantChangesMind;
        if (spoken && e.text.trimmed().isEmpty())
            add(out, Severity::Error, field, u"第 %1 个事件：请写出申请人说的话"_s.arg(i + 1));
    }
    const double points[]{s.itemPoints, s.materialsPoints, s.decisionPoints, s.dataPoints, s.timePoints};
    double total = 0;
    bool negative = false;
    for (double p : points) {
        negative = negative || !std::isfinite(p) || p < 0;
        total += std::isfinite(p) ? p : 0;
    }
    if (negative)
        add(out, Severity::Error, u"points"_s, u"评分细则：各项自动评分不能为负"_s);
    else if (!(total > 0))
        add(out, Severity::Error, u"points"_s, u"评分细则：自动评分的总分须大于 0"_s);
    QSet<QString> judged;
    for (qsizetype i = 0; i < s.judgedCriteria.size(); ++i) {
        const QString name = s.judgedCriteria.at(i).first.trimmed();
        if (!name.isEmpty() && judged.contains(name))
            add(out, Severity::Error, u"judged[%1]"_s.arg(i), u"评委评分项“%1”重复"_s.arg(name));
        judged.insert(name);
    }
}

// Whether a right intake can reach the target decision with these documents. A document is "short" when
// the applicant does not bring it (missing) or brings one that cannot be accepted (wrong): the right mark for
// it is 缺件 (expectedMaterialStatus), and the intake page refuses 受理 while a required material is 缺件.
void decisionRules(const Scenario &s, const core::ServiceItem &item, QList<ScenarioProblem> &out) {
    QStringList shortRequired, shortOnCommitment, shortAny;
    for (const ScenarioDocument &d : s.documents) {
        const core::Material *m = item.material(d.materialId);
        if (!m || d.state == ScenarioDocument::State::Good)
            continue;
        const QString label = d.name.trimmed().isEmpty() ? m->name : d.name.trimmed();
        shortAny.append(label);
        if (!m->required)
            continue;
        // 告知承诺: the intake page offers it when the item and the material allow it, and accepts the case
        // with the material marked so; the rubric counts it as not brought, as it should.
        if (item.commitmentAllowed && m->commitmentAllowed)
            shortOnCommitment.append(label);
        else
            shortRequired.append(label);
    }
    const QString field = u"target.decision"_s;
    if (s.targetDecision == u"accepted") {
        // An error, not a warning: no trainee can reach it on the real intake page (受理 is refused while a
        // required material is 缺件), and a trainee who marks the material 纸质 to get there would score the
        // decision for a wrong intake — the drill would teach accepting an incomplete case.
        if (!shortRequired.isEmpty())
            add(out, Severity::Error, field,
                u"目标决定为受理，但必需材料%1缺失或有误：窗口不能受理，应一次性告知补正"_s.arg(
                    shortRequired.join(u'、')));
        // A warning the trainer confirms: reachable, but only by 告知承诺 — a real choice of the hall.
        if (!shortOnCommitment.isEmpty())
            add(out, Severity::Warning, field,
                u"目标决定为受理，而必需材料%1缺失或有误：学员只能以告知承诺受理，确认这是要考的内容"_s.arg(
                    shortOnCommitment.join(u'、')));
    } else if (s.targetDecision == u"correction_required") {
        // An error: the intake page issues a 补正告知 only for something missing or defective, and with every
        // document right there is nothing to list in it.
        if (shortAny.isEmpty())
            add(out, Severity::Error, field,
                u"目标决定为一次性告知补正，但申请人的材料齐全无误：没有需要补正的内容"_s);
    } else if (s.targetDecision == u"rejected") {
        // A warning: 行政许可法第三十二条 asks for 补正 when materials are incomplete, but a matter outside
        // the hall's remit is refused whatever the applicant brings — only the trainer knows the story.
        if (!shortAny.isEmpty())
            add(out, Severity::Warning, field,
                u"目标决定为不予受理，而材料%1缺失或有误：材料不齐通常应一次性告知补正"_s.arg(
                    shortAny.join(u'、')));
    }
}

void catalogRules(const Scenario &s, storage::Database &db, QList<ScenarioProblem> &out) {
    if (s.targetItemCode.isEmpty())
        return; // said by the shape rules
    auto item = storage::CatalogRepository(db).currentItem(s.targetItemCode);
    if (!item) {
        auto known = db.query(u"SELECT name FROM service_items WHERE code = ? ORDER BY is_current DESC, "
                              u"version DESC LIMIT 1"_s,
                              {s.targetItemCode});
        if (known && known->next())
            add(out, Severity::Error, u"target.item_code"_s,
                u"目标事项“%1”（%2）已从事项目录中撤销，不能再用于演练"_s.arg(known->value(0).toString(),
                                                                              s.targetItemCode));
        else
            add(out, Severity::Error, u"target.item_code"_s,
                u"目标事项 %1 不在本厅的事项目录中"_s.arg(s.targetItemCode));
        return;
    }
    for (qsizetype i = 0; i < s.documents.size(); ++i) {
        const ScenarioDocument &d = s.documents.at(i);
        if (!item->material(d.materialId))
            add(out, Severity::Error, u"documents[%1]"_s.arg(i),
                u"%1：材料 %2 不属于目标事项“%3”"_s.arg(documentLabel(i, d), d.materialId, item->name));
    }
    // A required material with no document: the trainee is never told whether the applicant has it, and the
    // rubric does not score it. Allowed (a drill may leave it aside) but said.
    QSet<QString> listed;
    for (const ScenarioDocument &d : s.documents)
        listed.insert(d.materialId);
    QStringList unlisted;
    for (const core::Material &m : item->materials)
        if (m.required && !listed.contains(m.id))
            unlisted.append(m.name);
    if (!unlisted.isEmpty())
        add(out, Severity::Warning, u"documents"_s,
            u"必需材料%1没有列出：学员不知道申请人是否带了，评分也不计它"_s.arg(unlisted.join(u'、')));
    // A legal-person item: the simulated applicant has only a person's name, ID and phone.
    if (item->serviceObject == u"legal_person")
        add(out, Severity::Warning, u"target.item_code"_s,
            u"目标事项“%1”只面向法人，而模拟申请人只有个人信息（学员还需填写单位信息）"_s.arg(item->name));
    decisionRules(s, item.value(), out);
}

} // namespace

QList<ScenarioProblem> scenarioBasicProblems(const Scenario &s, const QDate &today) {
    QList<ScenarioProblem> out;
    basicRules(s, today, out);
    return out;
}

QList<ScenarioProblem> scenarioProblems(const Scenario &s, const QDate &today) {
    QList<ScenarioProblem> out;
    basicRules(s, today, out);
    editorRules(s, out);
    return out;
}

QList<ScenarioProblem> validateScenarioAgainstCatalog(const Scenario &s, const QDate &today,
                                                      storage::Database &db) {
    QList<ScenarioProblem> out = scenarioProblems(s, today);
    catalogRules(s, db, out);
    return out;
}

bool hasErrors(const QList<ScenarioProblem> &problems) {
    return std::any_of(problems.cbegin(), problems.cend(), [](const auto &p) { return p.isError(); });
}

QStringList problemMessages(const QList<ScenarioProblem> &problems, ScenarioProblem::Severity severity) {
    QStringList out;
    for (const ScenarioProblem &p : problems)
        if (p.severity == severity)
            out.append(p.message);
    return out;
}

QString generateTestResidentId(QRandomGenerator &rng, const QDate &today) {
    static const QStringList counties = [] {
        QStringList out;
        for (const core::Region &r : core::RegionDirectory::embedded().all())
            if (!r.code.endsWith(u"00"_s) && core::isProvinceCode(r.code.left(2).toInt()))
                out.append(r.code);
        if (out.isEmpty()) // the list is data; a build without it still gives Changsha's districts
            out = QStringList{u"430102"_s, u"430103"_s, u"430104"_s, u"430105"_s, u"430111"_s};
        return out;
    }();
    const QString region = counties.at(int(rng.bounded(qint64(counties.size()))));
    const QDate oldest = today.addYears(-70).addDays(1);
    const QDate youngest = today.addYears(-18);
    const QDate birth = oldest.addDays(rng.bounded(qint64(oldest.daysTo(youngest)) + 1));
    const QString first17 =
        region + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(rng.bounded(1, 1000), 3, 10, QLatin1Char('0'));
    return first17 + core::residentIdCheckCharacter(first17);
}

QString generateTestMobile(QRandomGenerator &rng) {
    // Segments in use by the three carriers (and 19x), so the number reads as a real one.
    static const QStringList segments{u"130"_s, u"131"_s, u"132"_s, u"133"_s, u"135"_s, u"136"_s, u"137"_s,
                                      u"138"_s, u"139"_s, u"150"_s, u"151"_s, u"152"_s, u"155"_s, u"156"_s,
                                      u"157"_s, u"158"_s, u"159"_s, u"166"_s, u"173"_s, u"177"_s, u"180"_s,
                                      u"181"_s, u"186"_s, u"187"_s, u"188"_s, u"189"_s, u"198"_s, u"199"_s};
    return segments.at(int(rng.bounded(qint64(segments.size())))) +
           u"%1"_s.arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'));
}

} // namespace windowdesk::training
