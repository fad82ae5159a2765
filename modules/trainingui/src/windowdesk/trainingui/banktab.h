#pragma once
// The question bank (题库) tab: the bank's questions with filters (category, kind, source, status) and a
// search over stems, tags and ids; the selected question previewed as the trainee sees it; regenerating the
// catalog's questions with what changed listed (new and retired versions); writing and revising the trainer's
// own questions (the editor); importing a JSON or CSV bank file (a problem on any line: the lines listed and
// nothing imported) and exporting the list shown. Everything through training::TrainerBank.
#include "trainingpages.h"

#include <windowdesk/training/trainerbank.h>

#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QVBoxLayout;
class QTableView;
class QTextBrowser;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

class QuestionTableModel;
class QuestionEditor;

class BankTab : public QWidget {
    Q_OBJECT
public:
    explicit BankTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();
    QuestionTableModel *model() const { return m_model; }
    // The editor while it is open, in place of the list (null otherwise).
    QuestionEditor *editor() const { return m_editor; }

    void newQuestion();
    void editSelected();
    void retireSelected();
    void regenerate();
    void importFile();
    void exportFile();

private:
    void buildFilters(QWidget *bar);
    void buildActions(QVBoxLayout *into);
    void openEditor(const training::Question *existing);
    void showSelected();
    training::BankFilter filter() const;
    const training::Question *selected() const;
    void showGenerated(const training::GenerateReport &report);
    void showImportProblems(const QList<training::ImportProblem> &problems);

    TrainingContext m_ctx;
    training::TrainerBank m_bank;
    QLineEdit *m_search;
    QComboBox *m_category;
    QComboBox *m_kind;
    QComboBox *m_source;
    QComboBox *m_status;
    QTableView *m_view;
    QuestionTableModel *m_model;
    QTextBrowser *m_preview;
    QListWidget *m_details; // what a regeneration changed, or the lines an import refused
    ui::MessageBar *m_message;
    QStackedWidget *m_stack;
    QWidget *m_browse; // filters, actions, list, preview: the page when the editor is closed
    QuestionEditor *m_editor = nullptr;
};

} // namespace windowdesk::trainingui
