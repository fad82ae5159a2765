#pragma once
// The merged form and material list of a 一件事一次办 bundle: what the applicant is asked once.
// Computed here so that intake and training share it.
#include <windowdesk/core/catalog.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace windowdesk::core {

// One (item, material) pair: POST /cases needs one materials[] entry per pair.
struct MaterialRef {
    QString itemCode;
    QString materialId;
    bool operator==(const MaterialRef &) const = default;
};

struct MergedMaterial {
    Material material;       // as the first item listing it has it; `required`, `copies` and
                             // `commitmentAllowed` merged as below
    QList<MaterialRef> refs; // every item material it stands for, in item order
    QStringList itemCodes() const;
};

struct MergedField {
    FormField field;       // as the first item has it; required if any item requires it
    QStringList itemCodes; // items asking for this key
};

struct MergedBundle {
    QString bundleCode;
    QStringList itemCodes;    // in the bundle's order
    QStringList missingItems; // bundle item codes not given (deleted or unknown): not merged
    QList<MergedField> fields;
    QList<MergedMaterial> materials;
    int promisedTimeLimitDays = 0; // the bundle's own
    int legalTimeLimitDays = 0;    // the largest of its items'
};

// Fields with the same key are asked once. Materials with the same license_type (non-empty) or the
// same name (compared after trimming) are asked once, transitively (A~B by license type, B~C by name →
// one entry). A merged material is required if any item requires it, has the largest number of copies,
// and allows a commitment only when every item it stands for allows one (a commitment must satisfy all).
// `items` may hold more items than the bundle lists and in any order; the bundle's order is used.
MergedBundle mergeBundle(const Bundle &bundle, const QList<ServiceItem> &items);

} // namespace windowdesk::core
