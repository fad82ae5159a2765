#pragma once
// The rules a trainer's scenario drill (情景演练) keeps, every broken one listed (the editor shows them all,
// an imported file lists them all), each in Chinese naming the field. Two layers:
//  - scenarioProblems(): the shape of the scenario alone — what validateScenario() enforces, plus what a
//    trainer can get wrong in the editor (events in order and with their words, documents named once each,
//    points and judged criteria that add up);
//  - validateScenarioAgainstCatalog(): the shape plus what needs the live catalog — the target item exists
//    and is active, every document's material belongs to the target item, and the target decision is one a
//    right intake can reach with the documents the applicant brings.
// A problem is an error (nothing is saved) or a warning (saved once the trainer confirms it; the audit row
// keeps the warnings confirmed). Which is which, and why, is said at each rule in scenariocheck.cpp.
#include <windowdesk/training/scenariodrill.h>

#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::training {

struct ScenarioProblem {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    // The field, as the JSON names it: title, brief, applicant.name, applicant.id_number, applicant.phone,
    // target.item_code, target.decision, time_limit_s, documents, documents[i], events[i], points,
    // judged[i] (i from 0).
    QString field;
    QString message; // Chinese, naming the field (第 2 份材料, 第 1 个事件 …)

    bool isError() const { return severity == Severity::Error; }
};

// The rules validateScenario() enforces (it reports the first), all of them.
QList<ScenarioProblem> scenarioBasicProblems(const Scenario &s, const QDate &today);
// The shape rules, all of them: the basic ones, then what the trainer's editor adds.
QList<ScenarioProblem> scenarioProblems(const Scenario &s, const QDate &today);

// scenarioProblems() and the catalog rules over `db`'s current catalog (storage::CatalogRepository).
QList<ScenarioProblem> validateScenarioAgainstCatalog(const Scenario &s, const QDate &today,
                                                      storage::Database &db);

bool hasErrors(const QList<ScenarioProblem> &problems);
// The messages of one severity, one a line.
QStringList problemMessages(const QList<ScenarioProblem> &problems, ScenarioProblem::Severity severity);

// Test data for a simulated applicant. A resident ID number (GB 11643-1999) that the intake page accepts:
// a county-level code of the GB/T 2260 list (core::RegionDirectory), a birth date that makes an adult of 18
// to 70 on `today`, a three-digit sequence, and the check character of the first 17 digits.
QString generateTestResidentId(QRandomGenerator &rng, const QDate &today);
// A mobile number core::validatePhone() accepts: 11 digits on a mobile segment (13x–19x).
QString generateTestMobile(QRandomGenerator &rng);

} // namespace windowdesk::training
