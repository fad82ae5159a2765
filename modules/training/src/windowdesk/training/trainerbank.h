#pragma once
// The trainer's side of the question bank (issue 15): browsing it with filters, writing and revising the
// trainers' own questions (a revision retires the old version, which papers keep), importing a bank file
// (all of it in one transaction, or nothing when any line has a problem) and exporting one. The 题库 tab and
// windowdeskctl call this; every import, export, revision and regeneration writes an audit row in the same
// transaction as the change.
#include <windowdesk/core/result.h>
#include <windowdesk/training/bankexchange.h>
#include <windowdesk/training/question.h>
#include <windowdesk/training/questionbank.h>

#include <QList>
#include <QString>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::training {

struct BankFilter {
    QString category;                  // empty: any
    std::optional<QuestionKind> kind;  // nullopt: any
    std::optional<bool> generated;     // true: from the catalog, false: the trainers', nullopt: both
    std::optional<bool> active = true; // true: in use, false: retired versions, nullopt: both
    QString text;                      // in the stem, tags, id or source item (case-insensitive)
};

struct ImportReport {
    int added = 0;                 // new questions
    int revised = 0;               // new versions of the hall's own questions
    int unchanged = 0;             // already in the bank as they are
    QList<ImportProblem> problems; // not empty: nothing was written
    QString encoding;
};

class TrainerBank {
public:
    // `audit` may be null (tests of the parsing alone); the pages and the CLI pass the program's.
    TrainerBank(storage::Database &db, const Clock &clock, storage::AuditLog *audit);

    // The questions (their newest matching version first per id: active, else the latest retired), ordered by
    // category, kind, id.
    Result<QList<Question>> questions(const BankFilter &filter) const;
    // Every category of the bank, active questions first by count.
    Result<QStringList> categories() const;

    // A new trainer question (validated), audited; its id.
    Result<QString> add(Question q, const QString &by);
    // The next version of trainer question `id` (validated): the active version is retired (papers keep it).
    // Errors: not_found, not_editable (a generated question: change the catalog and regenerate), unchanged,
    // invalid_question.
    Result<int> revise(const QString &id, Question q, const QString &by);
    // Takes a trainer question out of use (its versions stay for the papers). Error not_found.
    Status retire(const QString &id, const QString &by);
    // Regenerates the catalog's questions (QuestionBank::generateFromCatalog), audited.
    Result<GenerateReport> regenerate(const QString &by);

    // Writes the parsed rows in one transaction: a row without id is new (or unchanged when the bank has it
    // word for word; one with the same kind, stem and options but another answer or explanation is a problem:
    // give its id to revise it); a row
    // naming a trainer question revises it when it differs; one naming a generated question must match it;
    // an unknown t- id is kept, an unknown g- id (another hall's catalog) becomes a trainer question. Any
    // problem (the file's or these) → report.problems and nothing written.
    Result<ImportReport> importRows(const ParsedBank &parsed, const QString &by, const QString &sourceName);
    // Reads the file (format by suffix), then importRows.
    Result<ImportReport> importFile(const QString &path, const QString &by);
    // Writes `questions` to `path` (format by suffix), audited. Errors: unsupported_format, io.
    Status exportFile(const QString &path, const QList<Question> &questions, const QString &by);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
};

} // namespace windowdesk::training
