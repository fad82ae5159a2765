#include "trainerpage.h"
#include "banktab.h"
#include "blueprinttab.h"
#include "competitiontab.h"
#include "judgingtab.h"
#include "resultstab.h"
#include "scenariotab.h"

#include <windowdesk/ui/shortcuts.h>

#include <QShortcut>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

TrainerPage::TrainerPage(const TrainingContext &context, QWidget *parent)
    : QTabWidget(parent) {
    setObjectName(u"trainingTabs"_s);
    setAccessibleName(tr("Training"));
    m_bank = new BankTab(context);
    m_blueprints = new BlueprintTab(context);
    m_scenarios = new ScenarioTab(context);
    m_competitions = new CompetitionTab(context);
    m_results = new ResultsTab(context);
    m_judging = new JudgingTab(context);
    addTab(m_bank, tr("Question bank"));
    addTab(m_blueprints, tr("Blueprints"));
    addTab(m_scenarios, tr("Scenarios"));
    addTab(m_competitions, tr("Competitions"));
    addTab(m_results, tr("Results"));
    addTab(m_judging, tr("Judging"));
    setFocusProxy(m_bank);
    // A blueprint saved on 组卷 is offered on 竞赛 at once; the results follow the competitions.
    connect(m_blueprints, &BlueprintTab::blueprintsChanged, m_competitions, &CompetitionTab::refresh);
    connect(m_scenarios, &ScenarioTab::scenariosChanged, m_competitions, &CompetitionTab::refresh);
    connect(this, &QTabWidget::currentChanged, this, [this](int) {
        setFocusProxy(currentWidget()); // the main window's Ctrl+digit lands in the tab shown
        if (currentWidget() == m_results)
            m_results->refresh();
        else if (currentWidget() == m_blueprints)
            m_blueprints->refresh();
        else if (currentWidget() == m_judging)
            m_judging->refresh();
        else if (currentWidget() == m_competitions) // the scenario drills open now
            m_competitions->refresh();
        else if (currentWidget() == m_scenarios)
            m_scenarios->refresh();
    });
    // The tab widget switches only on Ctrl+Tab, and only when no child takes the key (tables take
    // Ctrl+PgDown): the page's own keys, from the one table, wherever the focus is in it.
    auto *next = new QShortcut(ui::shortcutKey(ui::shortcut::trainingNextTab), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] { stepTab(1); });
    auto *previous = new QShortcut(ui::shortcutKey(ui::shortcut::trainingPreviousTab), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, [this] { stepTab(-1); });
}

void TrainerPage::stepTab(int by) {
    setCurrentIndex((currentIndex() + by + count()) % count());
    currentWidget()->setFocus();
}

} // namespace windowdesk::trainingui
