#include "bundlemerge.h"

#include <QHash>
#include <numeric>

namespace windowdesk::core {

QStringList MergedMaterial::itemCodes() const {
    QStringList out;
    for (const auto &r : refs) {
        if (!out.contains(r.itemCode))
            out.append(r.itemCode);
    }
    return out;
}

MergedBundle mergeBundle(const Bundle &bundle, const QList<ServiceItem> &items) {
    MergedBundle out;
    out.bundleCode = bundle.code;
    out.promisedTimeLimitDays = bundle.promisedTimeLimitDays;

    QHash<QString, const ServiceItem *> byCode;
    for (const auto &it : items)
        byCode.insert(it.code, &it);
    QList<const ServiceItem *> ordered;
    for (const auto &code : bundle.itemCodes) {
        if (const auto *it = byCode.value(code)) {
            ordered.append(it);
            out.itemCodes.append(code);
            out.legalTimeLimitDays = std::max(out.legalTimeLimitDays, it->legalTimeLimitDays);
        } else {
            out.missingItems.append(code);
        }
    }

    // Form fields: one per key, in first-seen order.
    QHash<QString, qsizetype> fieldIndex;
    for (const auto *it : ordered) {
        for (const auto &f : it->form) {
            const auto found = fieldIndex.constFind(f.key);
            if (found == fieldIndex.cend()) {
                fieldIndex.insert(f.key, out.fields.size());
                out.fields.append(MergedField{f, {it->code}});
            } else {
                MergedField &m = out.fields[*found];
                m.field.required = m.field.required || f.required;
                if (!m.itemCodes.contains(it->code))
                    m.itemCodes.append(it->code);
            }
        }
    }

    // Materials: union-find over all (item, material) pairs, joined by license type or by name.
    struct Entry {
        const ServiceItem *item;
        const Material *mat;
    };
    QList<Entry> entries;
    for (const auto *it : ordered) {
        for (const auto &m : it->materials)
            entries.append({it, &m});
    }
    std::vector<qsizetype> parent(entries.size());
    std::iota(parent.begin(), parent.end(), 0);
    const auto find = [&](qsizetype x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    const auto unite = [&](qsizetype a, qsizetype b) {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b); // the earliest entry stays the representative
    };
    QHash<QString, qsizetype> firstByLicense, firstByName;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const Material &m = *entries[i].mat;
        const QString lt = m.licenseType.trimmed();
        if (!lt.isEmpty()) {
            if (const auto f = firstByLicense.constFind(lt); f != firstByLicense.cend())
                unite(i, *f);
            else
                firstByLicense.insert(lt, i);
        }
        const QString name = m.name.trimmed();
        if (const auto f = firstByName.constFind(name); f != firstByName.cend())
            unite(i, *f);
        else
            firstByName.insert(name, i);
    }
    QHash<qsizetype, qsizetype> groupIndex; // root entry → index in out.materials
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const qsizetype root = find(i);
        const Material &m = *entries[i].mat;
        const MaterialRef ref{entries[i].item->code, m.id};
        const auto g = groupIndex.constFind(root);
        if (g == groupIndex.cend()) {
            groupIndex.insert(root, out.materials.size());
            out.materials.append(MergedMaterial{m, {ref}});
            continue;
        }
        MergedMaterial &mm = out.materials[*g];
        mm.refs.append(ref);
        mm.material.required = mm.material.required || m.required;
        mm.material.copies = std::max(mm.material.copies, m.copies);
        mm.material.commitmentAllowed = mm.material.commitmentAllowed && m.commitmentAllowed;
        if (mm.material.licenseType.isEmpty())
            mm.material.licenseType = m.licenseType;
    }
    return out;
}

} // namespace windowdesk::core
