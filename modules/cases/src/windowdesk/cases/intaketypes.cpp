#include "intaketypes.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/storage/catalogrepository.h>

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

QJsonObject IntakeDraft::toJson() const {
    QJsonObject a{{u"kind"_s, applicant.kind},      {u"name"_s, applicant.name},
                  {u"id_type"_s, applicant.idType}, {u"id_number"_s, applicant.idNumber},
                  {u"phone"_s, applicant.phone},    {u"entity_name"_s, applicant.entityName},
                  {u"uscc"_s, applicant.uscc}};
    QJsonObject m;
    for (auto it = materials.cbegin(); it != materials.cend(); ++it) {
        QJsonObject x{{u"status"_s, it->status}, {u"license_id"_s, it->licenseId}, {u"reason"_s, it->reason}};
        if (it->seenId > 0)
            x.insert(u"seen_id"_s, it->seenId);
        m.insert(it.key(), x);
    }
    return QJsonObject{{u"v"_s, 1},
                       {u"draft_id"_s, draftId},
                       {u"ticket_no"_s, ticketNo},
                       {u"ticket_id"_s, ticketId},
                       {u"applicant"_s, a},
                       {u"item_code"_s, itemCode},
                       {u"bundle_code"_s, bundleCode},
                       {u"form_values"_s, formValues},
                       {u"materials"_s, m},
                       {u"decision"_s, decision},
                       {u"decision_reason"_s, decisionReason},
                       {u"decision_basis"_s, decisionBasis}};
}

IntakeDraft IntakeDraft::fromJson(const QJsonObject &o) {
    IntakeDraft d;
    d.draftId = o.value(u"draft_id"_s).toString();
    d.ticketNo = o.value(u"ticket_no"_s).toString();
    d.ticketId = o.value(u"ticket_id"_s).toInteger();
    const QJsonObject a = o.value(u"applicant"_s).toObject();
    d.applicant.kind = a.value(u"kind"_s).toString(u"person"_s);
    d.applicant.name = a.value(u"name"_s).toString();
    d.applicant.idType = a.value(u"id_type"_s).toString(u"resident_id"_s);
    d.applicant.idNumber = a.value(u"id_number"_s).toString();
    d.applicant.phone = a.value(u"phone"_s).toString();
    d.applicant.entityName = a.value(u"entity_name"_s).toString();
    d.applicant.uscc = a.value(u"uscc"_s).toString();
    d.itemCode = o.value(u"item_code"_s).toString();
    d.bundleCode = o.value(u"bundle_code"_s).toString();
    d.formValues = o.value(u"form_values"_s).toObject();
    const QJsonObject m = o.value(u"materials"_s).toObject();
    for (auto it = m.begin(); it != m.end(); ++it) {
        const QJsonObject x = it.value().toObject();
        // seen_id is absent in drafts saved before it was kept: 0, nothing to link.
        d.materials.insert(it.key(),
                           MaterialMark{x.value(u"status"_s).toString(), x.value(u"license_id"_s).toString(),
                                        x.value(u"reason"_s).toString(), x.value(u"seen_id"_s).toInteger()});
    }
    d.decision = o.value(u"decision"_s).toString();
    d.decisionReason = o.value(u"decision_reason"_s).toString();
    d.decisionBasis = o.value(u"decision_basis"_s).toString();
    return d;
}

bool IntakeDraft::isEmpty() const {
    return applicant.name.isEmpty() && applicant.idNumber.isEmpty() && applicant.entityName.isEmpty() &&
           itemCode.isEmpty() && bundleCode.isEmpty() && formValues.isEmpty();
}

QList<qint64> IntakeDraft::licenseSeenIds() const {
    QList<qint64> ids;
    for (const auto &m : materials)
        if (core::is(m.status, core::MaterialStatus::Electronic) && !m.licenseId.isEmpty() && m.seenId > 0 &&
            !ids.contains(m.seenId))
            ids << m.seenId;
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList Matter::itemNames() const {
    QStringList out;
    for (const auto &i : items)
        out << i.name;
    return out;
}

bool Matter::legalPersonOnly() const {
    return !items.isEmpty() && std::all_of(items.cbegin(), items.cend(), [](const core::ServiceItem &it) {
        return it.serviceObject == QLatin1String("legal_person");
    });
}

const MatterMaterial *Matter::material(const QString &key) const {
    for (const auto &m : materials)
        if (m.key == key)
            return &m;
    return nullptr;
}

Matter Matter::fromItem(const core::ServiceItem &item) {
    Matter m;
    m.itemCode = item.code;
    m.name = item.name;
    m.items = {item};
    m.fields = item.form;
    m.promisedDays = item.promisedTimeLimitDays;
    m.legalDays = item.legalTimeLimitDays;
    m.basis = item.basis;
    for (const auto &mat : item.materials)
        m.materials.append(MatterMaterial{mat.id,
                                          mat,
                                          {core::MaterialRef{item.code, mat.id}},
                                          item.commitmentAllowed && mat.commitmentAllowed});
    return m;
}

Matter Matter::fromBundle(const core::Bundle &bundle, const QList<core::ServiceItem> &items) {
    const core::MergedBundle merged = core::mergeBundle(bundle, items);
    Matter m;
    m.bundleCode = bundle.code;
    m.bundleVersion = bundle.version;
    m.name = bundle.name;
    for (const QString &code : merged.itemCodes)
        for (const auto &i : items)
            if (i.code == code)
                m.items.append(i);
    for (const auto &f : merged.fields)
        m.fields.append(f.field);
    m.promisedDays = merged.promisedTimeLimitDays;
    m.legalDays = merged.legalTimeLimitDays;
    if (!m.items.isEmpty())
        m.basis = m.items.first().basis;
    for (const auto &mm : merged.materials) {
        bool allowed = mm.material.commitmentAllowed;
        // A commitment stands in for the material in every item it serves: each item must allow one.
        for (const auto &ref : mm.refs)
            for (const auto &i : m.items)
                if (i.code == ref.itemCode && !i.commitmentAllowed)
                    allowed = false;
        const QString key =
            mm.refs.isEmpty() ? mm.material.id : mm.refs.first().itemCode + u'/' + mm.refs.first().materialId;
        m.materials.append(MatterMaterial{key, mm.material, mm.refs, allowed});
    }
    return m;
}

Result<Matter> Matter::loadItem(const storage::CatalogRepository &catalog, const QString &code) {
    auto item = catalog.currentItem(code);
    if (!item.ok())
        return item.error();
    return fromItem(item.value());
}

Result<Matter> Matter::loadBundle(const storage::CatalogRepository &catalog, const QString &code) {
    auto bundle = catalog.currentBundle(code);
    if (!bundle.ok())
        return bundle.error();
    QList<core::ServiceItem> items;
    for (const QString &c : bundle->itemCodes) {
        auto i = catalog.currentItem(c);
        if (i.ok())
            items.append(i.value());
    }
    if (items.isEmpty())
        return Error{u"not_found"_s, u"bundle has no current items"_s};
    return fromBundle(bundle.value(), items);
}

} // namespace windowdesk::cases
