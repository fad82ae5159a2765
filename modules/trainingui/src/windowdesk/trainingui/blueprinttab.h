#pragma once
// The blueprints (组卷) tab: the hall's blueprints on the left; on the right the one being edited — name,
// pass line, how multiple choice is scored, time limit, and its sections (category × kind × count × points,
// added from the row of fields and removed by key) — with the full score, what the bank holds for each
// section and whether a paper can be drawn, checked as it is edited; a paper drawn for a look (nothing
// stored). Saving goes through training::BlueprintStore (validated, audited).
#include "trainingpages.h"

#include <windowdesk/training/blueprintstore.h>

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

class BlueprintTab : public QWidget {
    Q_OBJECT
public:
    explicit BlueprintTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();
    void newBlueprint();
    void addSection();
    void removeSection();
    void save();
    void previewPaper();
    // The blueprint as the fields say now.
    training::Blueprint current() const;

signals:
    // A blueprint was saved (the competitions tab lists them).
    void blueprintsChanged();

private:
    QWidget *buildEditor();
    void buildKeys();
    void load(const training::StoredBlueprint &b);
    void showSections();
    void check();

    TrainingContext m_ctx;
    training::BlueprintStore m_store;
    QList<training::StoredBlueprint> m_saved;
    QString m_id; // the blueprint being edited; empty: a new one
    // Whether the trainer has acted on the blueprint shown (typed, added a section, saved, opened a saved
    // one): until then an empty new blueprint is not an error to show in red.
    bool m_acted = false;
    QList<training::BlueprintSection> m_sections;
    QListWidget *m_list;
    QLineEdit *m_name;
    QDoubleSpinBox *m_pass;
    QComboBox *m_policy;
    QSpinBox *m_minutes;
    QComboBox *m_category;
    QComboBox *m_kind;
    QSpinBox *m_count;
    QDoubleSpinBox *m_points;
    QTableWidget *m_table;
    QLabel *m_totals;
    QLabel *m_check;
    QTextBrowser *m_paper;
    ui::MessageBar *m_message;
};

} // namespace windowdesk::trainingui
