#pragma once
// The trainee's 练习 page (role clerk, issue 15): the papers, competitions and scenario drills open to me,
// each with its scoring policy and time limit shown before starting (Enter starts); a paper taken one
// question at a time by keys (PaperView); a scenario drill on the real intake page over a sandbox
// (DrillView, 练习模式); then the result — the score and, per question, my answer, the right one and the
// explanation (a drill: its rubric). An open attempt is resumed where it stands when the page opens, and a
// paper whose time ran out while the program was closed is submitted first.
#include "trainingpages.h"

#include <windowdesk/training/competitions.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/trainingattempts.h>

#include <QStackedWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

class DrillView;
class PaperView;

class PracticePage : public QStackedWidget {
    Q_OBJECT
public:
    explicit PracticePage(const TrainingContext &context, QWidget *parent = nullptr);

    // Re-reads what is open to the trainee (and resumes an open attempt).
    void refresh();
    // Starts the selected entry of the list (Enter).
    void startSelected();
    PaperView *paperView() const { return m_paper; }
    DrillView *drillView() const { return m_drill; }
    QListWidget *list() const { return m_list; }
    ui::MessageBar *messageBar() const { return m_message; }

    // Back from the result to the list (Esc in the review).
    void backToList();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildListView();
    QWidget *buildResultView();
    void showDetails();
    void showPaperResult(const QString &attemptId);
    void showDrillResult(const QString &attemptId);
    bool resumeOpen();

    TrainingContext m_ctx;
    training::TrainingAttempts m_attempts;
    QListWidget *m_list = nullptr;
    QLabel *m_details = nullptr;
    QPushButton *m_start = nullptr;
    ui::MessageBar *m_message = nullptr;
    PaperView *m_paper = nullptr;
    DrillView *m_drill = nullptr;
    QLabel *m_score = nullptr;
    QTextBrowser *m_review = nullptr;
    QList<training::DrillOffer> m_offers;
    QList<QPair<QString, training::Scenario>> m_scenarios;
    QList<training::CompetitionPartOffer> m_parts; // the next scenario of each competition open to me
};

} // namespace windowdesk::trainingui
