#pragma once
// What the clerk enters at the window (the draft) and the matter it is entered against (an item or a
// bundle, resolved from the catalog). Plain values: no widgets, no SQL.
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <windowdesk/core/bundlemerge.h>
#include <windowdesk/core/catalog.h>
#include <windowdesk/core/result.h>

namespace windowdesk::storage {
class CatalogRepository;
}

namespace windowdesk::cases {

struct ApplicantInput {
    QString kind = QStringLiteral("person"); // person | entity
    QString name;                            // person, or legal representative
    QString idType = QStringLiteral("resident_id");
    QString idNumber;
    QString phone;
    QString entityName;
    QString uscc;
    bool operator==(const ApplicantInput &) const = default;
};

// One line of the materials checklist as the clerk marked it.
struct MaterialMark {
    QString status; // paper | electronic | commitment | missing; empty = not yet marked
    QString licenseId;
    QString reason;
    // licenses_seen.id of the scan that put the license on this material (0: none, or a draft saved before
    // the id was kept). Carried in the draft so a draft restored after a restart still links its scan.
    qint64 seenId = 0;
    bool operator==(const MaterialMark &) const = default;
};

// The whole intake state: saved as JSON while the clerk types, restored exactly after a crash.
struct IntakeDraft {
    QString draftId;
    QString ticketNo; // empty for a walk-in
    qint64 ticketId = 0;
    ApplicantInput applicant;
    QString itemCode;   // a single item …
    QString bundleCode; // … or a bundle
    QJsonObject formValues;
    QMap<QString, MaterialMark> materials; // by MatterMaterial::key
    QString decision;                      // accepted | correction_required | rejected; empty = undecided
    QString decisionReason;
    QString decisionBasis;
    bool operator==(const IntakeDraft &) const = default;

    QJsonObject toJson() const;
    static IntakeDraft fromJson(const QJsonObject &o);
    bool isEmpty() const;
    // The licenses_seen ids of the scans still standing in for a material (marked electronic with a license),
    // ascending, no duplicates: what the submit links to the case.
    QList<qint64> licenseSeenIds() const;
};

// A checklist line: one item material, or a bundle material shared by several items (asked once).
struct MatterMaterial {
    QString key; // material id for an item; "item_code/material_id" of the first ref for a bundle
    core::Material material;
    QList<core::MaterialRef> refs;
    bool commitmentAllowed = false; // the item(s) and the material all allow 告知承诺
};

struct Matter {
    QString itemCode;
    QString bundleCode;
    int bundleVersion = 0;
    QString name;
    QList<core::ServiceItem> items;
    QList<core::FormField> fields;
    QList<MatterMaterial> materials;
    int promisedDays = 0;
    int legalDays = 0;
    QString basis; // the item's legal basis (first item of a bundle)
    bool isBundle() const { return !bundleCode.isEmpty(); }
    bool isValid() const { return !items.isEmpty(); }
    QStringList itemNames() const;
    const MatterMaterial *material(const QString &key) const;
    // Every item of it serves legal persons only (service_object legal_person): the applicant is an entity.
    bool legalPersonOnly() const;

    static Matter fromItem(const core::ServiceItem &item);
    static Matter fromBundle(const core::Bundle &bundle, const QList<core::ServiceItem> &items);
    // Loads the current version of an item or bundle. Errors: not_found.
    static Result<Matter> loadItem(const storage::CatalogRepository &catalog, const QString &code);
    static Result<Matter> loadBundle(const storage::CatalogRepository &catalog, const QString &code);
};

} // namespace windowdesk::cases
