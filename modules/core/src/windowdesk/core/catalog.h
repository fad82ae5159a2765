#pragma once
// The service catalog (事项目录) as platform-api.md defines it: items with every standard element
// (一事一标准), their materials and form fields, and 一件事一次办 bundles. Strict parsing: every field
// typed as the contract says, unknown fields ignored, the first wrong field named in the error.
#include <windowdesk/core/result.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace windowdesk::core {

// Where a record is wrong: "materials[2].required" and "expected boolean".
struct FieldError {
    QString field;
    QString message;
    QString text() const { return field + QStringLiteral(": ") + message; }
};

struct Material {
    QString id;
    QString name;
    bool required = true;
    int copies = 1;
    QString licenseType; // e-license type that can stand in; empty when none
    bool commitmentAllowed = false;
    QString notes;

    QJsonObject toJson() const;
};

struct FormField {
    QString key;
    QString label;
    QString type; // text, multiline, number, date, select, id_number, uscc, phone, bool
    bool required = false;
    std::optional<int> maxLength;
    std::optional<double> min;
    std::optional<double> max;
    QStringList options; // select only

    QJsonObject toJson() const;
    static const QStringList &types();
};

struct ServiceItem {
    QString code;
    QString name;
    // Other names clerks and citizens use for the item (社保卡 for 社会保障卡申领): searched like the name,
    // never shown instead of it. Optional in the record ("aliases", an array of non-empty strings).
    QStringList aliases;
    QString type;
    QString department;
    QString basis;
    QString conditions;
    QString serviceObject; // natural_person, legal_person, both
    QStringList process;
    int legalTimeLimitDays = 0;    // working days
    int promisedTimeLimitDays = 0; // working days
    QString result;
    QString fee;
    bool online = false;
    bool crossProvince = false;
    bool commitmentAllowed = false;
    QList<Material> materials;
    QList<FormField> form;
    int version = 0;
    QString updatedAt;

    static constexpr int kMaxAliases = 20;
    static constexpr int kMaxAliasLength = 50;

    // Errors: code "invalid_record", message "<field>: <what is wrong>"; `where` gets the parts.
    static Result<ServiceItem> fromJson(const QJsonValue &v, FieldError *where = nullptr);
    QJsonObject toJson() const;
    const Material *material(const QString &id) const;
};

struct Bundle {
    QString code;
    QString name;
    QString theme;
    QStringList itemCodes;
    int promisedTimeLimitDays = 0;
    int version = 0;
    QString updatedAt;

    static Result<Bundle> fromJson(const QJsonValue &v, FieldError *where = nullptr);
    QJsonObject toJson() const;
};

} // namespace windowdesk::core
