#include "democaseseeder.h"
#include "caseservice.h"
#include "intakevisit.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QRandomGenerator>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
const QStringList kSurnames = {u"张"_s, u"王"_s, u"李"_s, u"赵"_s, u"刘"_s,
                               u"陈"_s, u"杨"_s, u"黄"_s, u"周"_s, u"吴"_s};
const QStringList kGiven = {u"伟"_s, u"芳"_s, u"娜"_s, u"敏"_s, u"静"_s, u"强"_s, u"磊"_s, u"洋"_s,
                            u"艳"_s, u"勇"_s, u"军"_s, u"杰"_s, u"娟"_s, u"涛"_s, u"明"_s};
const QStringList kRegions = {u"430102"_s, u"430103"_s, u"430104"_s, u"430105"_s, u"430111"_s, u"430112"_s};
const QStringList kCompanies = {u"长沙湘江餐饮管理有限公司"_s, u"湖南岳麓科技有限公司"_s,
                                u"长沙星城商贸有限公司"_s, u"湖南橘洲文化传媒有限公司"_s,
                                u"长沙麓山物流有限公司"_s};

QString pick(const QStringList &list, QRandomGenerator &rng) {
    return list.at(int(rng.bounded(list.size())));
}

// A synthetic valid USCC of an organisation registered in Changsha (`kind` 9: enterprise 1 or individual 2).
QString syntheticUscc(const QString &prefix, QRandomGenerator &rng) {
    const QString org8 = u"%1"_s.arg(rng.bounded(100000000), 8, 10, QChar(u'0'));
    const QString first = prefix + org8 + core::organizationCodeCheckCharacter(org8);
    return first + core::usccCheckCharacter(first);
}

ApplicantInput syntheticApplicant(bool entity, QRandomGenerator &rng) {
    ApplicantInput a;
    a.kind = entity ? u"entity"_s : u"person"_s;
    a.name = pick(kSurnames, rng) + pick(kGiven, rng) + (rng.bounded(2) ? pick(kGiven, rng) : QString());
    const QDate birth = QDate(1950, 1, 1).addDays(rng.bounded(365 * 50));
    const QString first17 = pick(kRegions, rng) + birth.toString(u"yyyyMMdd"_s) +
                            u"%1"_s.arg(rng.bounded(1000), 3, 10, QChar(u'0'));
    a.idNumber = first17 + core::residentIdCheckCharacter(first17);
    a.phone = u"1%1%2"_s.arg(3 + rng.bounded(7)).arg(rng.bounded(1000000000), 9, 10, QChar(u'0'));
    if (entity) {
        a.uscc = syntheticUscc(u"91430100"_s, rng);
        a.entityName = pick(kCompanies, rng);
    }
    return a;
}

QJsonValue syntheticValue(const core::FormField &f, const ApplicantInput &a, const QDate &day,
                          QRandomGenerator &rng) {
    const bool entity = a.kind == u"entity"_s;
    // A field that asks for the applicant themself holds the applicant's name (the page links them).
    if (linkedApplicantField(f) == ApplicantField::Name)
        return a.name;
    if (f.type == u"number"_s) {
        const double v = f.min ? qMax(*f.min, 1.0) : 1.0;
        return f.max ? qMin(v, *f.max) : v;
    }
    if (f.type == u"bool"_s)
        return true;
    if (f.type == u"select"_s)
        return f.options.isEmpty() ? QJsonValue(u"其他"_s) : QJsonValue(f.options.first());
    if (f.type == u"date"_s)
        return day.toString(Qt::ISODate);
    if (f.type == u"id_number"_s)
        return a.idNumber;
    if (f.type == u"uscc"_s) // a person's case with a USCC field: a synthetic valid code
        return entity ? a.uscc : syntheticUscc(u"92430100"_s, rng);
    if (f.type == u"phone"_s)
        return a.phone;
    QString text = entity ? a.entityName : u"示例填写内容"_s;
    if (f.maxLength && *f.maxLength > 0)
        text = text.left(*f.maxLength);
    return text;
}
} // namespace

IntakeDraft DemoCaseSeeder::syntheticDraft(const Matter &matter, const QDate &day, QRandomGenerator &rng) {
    IntakeDraft d;
    const bool entity = matter.legalPersonOnly();
    d.applicant = syntheticApplicant(entity, rng);
    d.itemCode = matter.itemCode;
    d.bundleCode = matter.bundleCode;
    bool accepted = rng.bounded(10) < 9;
    for (const core::FormField &f : matter.fields)
        d.formValues.insert(f.key, syntheticValue(f, d.applicant, day, rng));
    // A correction notice lists what is missing: the required materials, or the first one when none is.
    const bool anyRequired = std::any_of(matter.materials.cbegin(), matter.materials.cend(),
                                         [](const MatterMaterial &m) { return m.material.required; });
    if (!accepted && matter.materials.isEmpty())
        accepted = true;
    for (const MatterMaterial &m : matter.materials) {
        const bool missing =
            !accepted && (anyRequired ? m.material.required : &m == &matter.materials.first());
        d.materials.insert(
            m.key,
            MaterialMark{missing ? u"missing"_s : u"paper"_s, {}, missing ? u"未提供"_s : QString(), 0});
    }
    d.decision = accepted ? u"accepted"_s : u"correction_required"_s;
    if (!accepted)
        d.decisionReason = u"申请材料不齐全，需一次性补正"_s;
    return d;
}

Result<QList<Matter>> DemoCaseSeeder::matters(const SeedOptions &options, SeedReport &report) {
    storage::CatalogRepository catalog(m_db);
    auto counts = catalog.counts();
    if (!counts.ok())
        return counts.error();
    if (counts->items == 0) {
        auto loaded = storage::DemoHall::load(m_db, m_clock);
        if (!loaded.ok())
            return loaded.error();
        report.catalogLoaded = true;
    }
    QStringList codes = options.itemCodes;
    if (codes.isEmpty()) {
        auto q =
            m_db.query(u"SELECT code FROM service_items WHERE is_current = 1 AND deleted = 0 ORDER BY code "
                       u"LIMIT 500"_s);
        if (!q.ok())
            return q.error();
        while (q->next())
            codes << q->value(0).toString();
    }
    QList<Matter> out;
    for (const QString &code : codes)
        if (auto m = Matter::loadItem(catalog, code); m.ok())
            out.append(m.value());
    if (out.isEmpty())
        return Error{u"catalog_empty"_s, u"no current catalog item to make cases of"_s};
    return out;
}

Result<SeedReport> DemoCaseSeeder::seed(const SeedOptions &options) {
    SeedReport report;
    auto matters = this->matters(options, report);
    if (!matters.ok())
        return matters.error();
    QRandomGenerator rng =
        options.seed ? QRandomGenerator(quint32(options.seed)) : QRandomGenerator::securelySeeded();
    const QDateTime now = m_clock.nowUtc();
    storage::AuditLog chainOnly(m_db, m_clock, nullptr);
    CaseService cases(m_db, m_clock, m_audit ? m_audit : &chainOnly,
                      WindowContext{options.clerkId, QString(), options.windowNo, QString()});
    for (int n = 0; n < options.count; ++n) {
        const Matter &matter = matters->at(int(rng.bounded(qsizetype(matters->size()))));
        QDateTime at = now;
        if (options.days > 0) {
            // A moment in the last D days, in office hours (CST 09:00–17:00), never in the future.
            at = now.addSecs(-qint64(rng.bounded(options.days * 86400)));
            QDateTime cst = at.toTimeZone(Clock::chinaStandardTime());
            cst.setTime(QTime(9 + int(rng.bounded(8)), int(rng.bounded(60)), int(rng.bounded(60))));
            at = std::min(cst.toUTC(), now);
        }
        const IntakeDraft draft =
            syntheticDraft(matter, at.toTimeZone(Clock::chinaStandardTime()).date(), rng);
        auto made = cases.submit(matter, draft, CaseService::Seeded{at, options.actorId});
        if (!made.ok())
            return made.error();
        ++report.cases;
        (core::is(draft.decision, core::Decision::Accepted) ? report.accepted : report.correctionRequired) +=
            1;
    }
    return report;
}

} // namespace windowdesk::cases
