#pragma once
// The 情景 tab of the trainer's page (issue 15): the hall's scenario drills — title, target item, decision,
// documents, events, open/closed (with version and attempts) — with, beside the list, what the trainee will
// see; New (Ctrl+N), Edit (F2), Duplicate (Ctrl+Shift+D), Close (F8, archive: a drill is never deleted),
// Import (Ctrl+O) and Export (Ctrl+S) of a JSON file. The editor (ScenarioEditor) is shown in the list's
// place and gives the keyboard back to the list when it closes. Everything is stored through
// training::ScenarioStore (checked against the catalog, versioned, audited).
#include "scenarioeditor.h"
#include "trainingpages.h"

#include <windowdesk/training/scenariostore.h>

#include <QAbstractTableModel>
#include <QPointer>
#include <QWidget>

class QListWidget;
class QStackedWidget;
class QTableView;
class QTextBrowser;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

// The drills of the list, one a row.
class ScenarioListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Item, Decision, Documents, Events, Status, ColumnCount };
    struct Row {
        training::StoredScenario stored;
        QString itemName; // from the catalog; empty when the item is gone
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<Row> rows);
    const Row *row(int r) const { return r >= 0 && r < m_rows.size() ? &m_rows.at(r) : nullptr; }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<Row> m_rows;
};

class ScenarioTab : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();
    void newScenario();
    void editSelected();
    void duplicateSelected();
    void closeSelected();
    void importFile();
    void exportSelected();
    ScenarioEditor *editor() const { return m_editor; }
    ScenarioListModel *model() const { return m_model; }

signals:
    // A drill was saved, imported or closed.
    void scenariosChanged();

private:
    void buildKeys(QWidget *browse);
    const ScenarioListModel::Row *selected() const;
    void showSelected();
    void openEditor(const training::Scenario *existing, const QString &editingId, const QString &heading);
    void saveFromEditor(const training::Scenario &s);
    bool confirmWarnings(const QList<training::ScenarioProblem> &problems);
    void select(const QString &id);

    TrainingContext m_ctx;
    training::ScenarioStore m_store;
    ui::MessageBar *m_message;
    QStackedWidget *m_stack;
    QWidget *m_browse;
    QTableView *m_view;
    ScenarioListModel *m_model;
    QTextBrowser *m_preview;
    QListWidget *m_details;
    QPointer<ScenarioEditor> m_editor;
    QString m_editingId; // the drill the editor changes; empty: a new one
};

} // namespace windowdesk::trainingui
