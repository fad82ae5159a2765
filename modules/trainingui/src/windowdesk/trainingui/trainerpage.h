#pragma once
// The trainer's 培训 page: one tab each for the question bank (题库), the blueprints (组卷), the scenario
// drills (情景), the competitions (竞赛), the results (成绩) and the judges' marks (评分). Ctrl+PgDown /
// Ctrl+PgUp switch tabs wherever the focus is on the page.
#include "trainingpages.h"

#include <QTabWidget>

namespace windowdesk::trainingui {

class BankTab;
class BlueprintTab;
class CompetitionTab;
class ResultsTab;
class JudgingTab;
class ScenarioTab;

class TrainerPage : public QTabWidget {
    Q_OBJECT
public:
    explicit TrainerPage(const TrainingContext &context, QWidget *parent = nullptr);

    BankTab *bankTab() const { return m_bank; }
    BlueprintTab *blueprintTab() const { return m_blueprints; }
    ScenarioTab *scenarioTab() const { return m_scenarios; }
    CompetitionTab *competitionTab() const { return m_competitions; }
    ResultsTab *resultsTab() const { return m_results; }
    JudgingTab *judgingTab() const { return m_judging; }

    // Moves `by` tabs on (wrapping) and puts the focus into the tab.
    void stepTab(int by);

private:
    BankTab *m_bank = nullptr;
    BlueprintTab *m_blueprints = nullptr;
    ScenarioTab *m_scenarios = nullptr;
    CompetitionTab *m_competitions = nullptr;
    ResultsTab *m_results = nullptr;
    JudgingTab *m_judging = nullptr;
};

} // namespace windowdesk::trainingui
