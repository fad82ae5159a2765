#pragma once
// The hall's question bank in the client database (training_questions, migration 0007): generating the
// catalog's questions into it, trainers' questions, and drawing papers that are stored whole (training_papers
// and training_paper_questions) and counted as one use of each question. The trainer's pages and
// windowdeskctl's `training generate` / `training paper` (cli.md) go through this class.
#include <windowdesk/core/result.h>
#include <windowdesk/training/blueprint.h>
#include <windowdesk/training/paperdraw.h>
#include <windowdesk/training/question.h>
#include <windowdesk/training/questiongenerator.h>

#include <QList>
#include <QString>
#include <variant>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::training {

// One version of a question (what a regeneration added or retired).
struct QuestionVersion {
    QString id;
    int version = 0;
};

struct GenerateReport {
    int questions = 0; // active generated questions after the run (what the catalog yields now)
    int added = 0;     // "new": questions or versions added by this run
    int retired = 0;   // versions retired by this run (kept for stored papers)
    int single = 0;    // by kind, over `questions`
    int multiple = 0;
    int trueFalse = 0;
    QList<QuestionVersion> addedVersions; // what changed, for the trainer to read
    QList<QuestionVersion> retiredVersions;
};

struct StoredPaper {
    QString paperId;
    QString drillId;
    QString trainee;
    QString createdAt;
    DrawnPaper paper;
};

class QuestionBank {
public:
    QuestionBank(storage::Database &db, const Clock &clock);

    // The current, non-deleted catalog items (with their materials) and bundles.
    Result<CatalogSnapshot> catalogSnapshot() const;

    // Brings the generated questions in line with the catalog in one transaction: a question the catalog
    // yields unchanged stays (same id and version, usage kept); a changed one retires its active version and
    // adds the next version under the same id; one the catalog no longer yields is retired. An unchanged
    // catalog gives added = 0 and retired = 0.
    Result<GenerateReport> generateFromCatalog();

    // A trainer's question (validated; kind, category, options, correct, …): stored as version 1 of a new id
    // t-<uuid>, active. Error invalid_question (nothing stored) or sql.
    Result<QString> addTrainerQuestion(Question q, const QString &by);

    // The active questions as the draw sees them (id, version, kind, category, uses, option count), by id.
    Result<QList<BankEntry>> activeEntries() const;
    // One stored version (active or retired); error not_found.
    Result<Question> question(const QString &id, int version) const;

    // Draws one paper for `trainee` and stores it whole with its seed, counting one use of each question, in
    // one transaction that also reads the bank (two draws never see the same usage counts). `drillId` names
    // an existing training_drills row; empty: the blueprint's own drill (bp-<hash of the blueprint>, created
    // when first drawn). BankTooSmall: nothing is written.
    Result<std::variant<StoredPaper, BankTooSmall>> drawPaper(const Blueprint &blueprint,
                                                              const QString &trainee, quint64 seed,
                                                              const QString &drillId = QString());
    // A stored paper as drawn (an appeal replays this, not the seed); error not_found.
    Result<StoredPaper> paper(const QString &paperId) const;

    // The drill id of a blueprint drawn without a drill: bp- and the first 20 hex digits of the SHA-256 of
    // its canonical JSON.
    static QString blueprintDrillId(const Blueprint &blueprint);
    // The id of a generated question: g- and the first 20 hex digits of the SHA-256 of its genKey.
    static QString generatedId(const QString &genKey);

private:
    Result<QList<BankEntry>> readEntries() const;
    storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::training
