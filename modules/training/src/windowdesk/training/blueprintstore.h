#pragma once
// The trainer's blueprints (组卷方案, table training_blueprints): kept by name, checked for what a trainer
// can get wrong (in Chinese, naming the section), checked against the bank (each section can be filled,
// sections taking their questions in order and never one twice), and a paper drawn for a look without storing
// it or counting a use. Saving and removing write an audit row with the change.
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/paperdraw.h>

#include <QList>
#include <QString>
#include <variant>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::training {

struct StoredBlueprint {
    QString id; // b-<uuid>; empty before the first save
    Blueprint blueprint;
    QString updatedBy;
    QString updatedAt;
};

// What the bank holds for one section, on its own (active questions of its category and kind).
struct SectionSupply {
    int needed = 0;
    int matching = 0;
};

struct BankCheck {
    QList<SectionSupply> sections;
    QString problem; // empty: a paper can be drawn; else why not (Chinese, naming the section)
};

class BlueprintStore {
public:
    BlueprintStore(storage::Database &db, const Clock &clock, storage::AuditLog *audit);

    Result<QList<StoredBlueprint>> list() const; // by name
    Result<StoredBlueprint> get(const QString &id) const;

    // The rules a trainer's blueprint keeps: a name; at least one section; each section 1–1000 questions of
    // more than 0 points; a pass line from 0 to the full score; a time limit from 1 minute to 24 hours. Error
    // invalid_blueprint with the first broken rule in Chinese.
    static Status validate(const Blueprint &b);
    // Saves (new when `id` is empty), validated, audited (training_blueprint_saved, with the blueprint);
    // the id. Errors: invalid_blueprint, duplicate_name, not_found, sql.
    Result<QString> save(const QString &id, const Blueprint &b, const QString &by);
    Status remove(const QString &id, const QString &by);

    Result<BankCheck> checkAgainstBank(const Blueprint &b) const;
    // A paper as the draw would give it now (nothing stored, no use counted).
    Result<std::variant<DrawnPaper, BankTooSmall>> previewPaper(const Blueprint &b, quint64 seed) const;

    // The label a trainer reads for a section: "materials × 多选 × 10 题 × 2 分".
    static QString sectionLabel(const BlueprintSection &s);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::training
