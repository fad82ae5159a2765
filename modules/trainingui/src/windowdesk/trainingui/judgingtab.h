#pragma once
// The trainer's 评分 tab (issue 15, judges' criteria of a scenario drill): the finished drills whose result
// waits for the judges; for the selected one the rubric as it stands (the automatic criteria, each judged
// criterion averaged over its judges), and a judge's marks — the judge's name, a mark per criterion (0…its
// maximum) and a note; Ctrl+S records them (audited; a judge marking again replaces their marks), several
// judges one after the other; Ctrl+Enter fixes the score and records the result for the platform (outbox),
// exactly once.
#include "trainingpages.h"

#include <windowdesk/training/scenariodrill.h>

#include <QList>
#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QTextBrowser;
class QFormLayout;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

// A rubric criterion (item, materials, …, attitude) as the trainer and the trainee read it.
QString criterionLabel(const QString &criterion);

class JudgingTab : public QWidget {
    Q_OBJECT
public:
    explicit JudgingTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();
    void recordMarks();
    void finalize();
    QString selectedAttempt() const;

private:
    void showSelected();

    TrainingContext m_ctx;
    training::ScenarioDrills m_drills;
    QList<training::AwaitingJudgement> m_waiting;
    QListWidget *m_list;
    QLineEdit *m_judge;
    QFormLayout *m_marksForm;
    QList<std::pair<QString, QDoubleSpinBox *>> m_marks; // criterion → its mark
    QLineEdit *m_note;
    QTextBrowser *m_rubric;
    ui::MessageBar *m_message;
};

} // namespace windowdesk::trainingui
