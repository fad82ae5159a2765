#pragma once
// The editor of a scenario drill (情景 tab, shown in place of the list; Esc cancels): title, brief (what the
// applicant says), the simulated applicant (name; ID number and mobile with buttons that generate valid test
// numbers), the target item searched in the live catalog as the clerk searches it (name, pinyin initials,
// code; ↑/↓ and Enter), the documents the applicant brings (one row per material of the item, filled from the
// catalog when it is picked: 齐全 / 缺件 / 带错 and the name the trainee is told), the target decision and
// time limit, the injected events (kind, second, words), the rubric's points and the judges' criteria; on the
// right, live, what the trainee will see. Saving (Ctrl+Enter) asks the tab, which checks it through
// training::ScenarioStore and shows every problem here, or stores it and closes the editor. Holds no rule.
#include <windowdesk/core/catalog.h>
#include <windowdesk/training/scenariocheck.h>
#include <windowdesk/training/scenariodrill.h>

#include <QDialog>
#include <QList>
#include <memory>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class CatalogSearch;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::trainingui {

class ScenarioEditor : public QDialog {
    Q_OBJECT
public:
    // `existing`: the scenario to fill in (an edit or a duplicate); null: a new one.
    ScenarioEditor(storage::Database &db, const Clock &clock, const training::Scenario *existing,
                   const QString &heading, QWidget *parent = nullptr);
    ~ScenarioEditor() override;

    // What the fields say now.
    training::Scenario scenario() const;
    void focusFirstField();
    // Every problem of the last check (errors first, then warnings), in Chinese.
    void showProblems(const QList<training::ScenarioProblem> &problems);
    QString problemsText() const;

    // What the trainee will see (brief, applicant, documents handed over) and, for the trainer, the target,
    // the documents' states and the events. `item`: the target item from the catalog (null: unknown).
    static QString previewHtml(const training::Scenario &s, const core::ServiceItem *item);
    // The words of the vocabulary, translated (the tab's list uses them too).
    static QString eventKindLabel(training::ScenarioEvent::Kind k);
    static QString documentStateLabel(training::ScenarioDocument::State s);
    static QString decisionLabel(const QString &decision);

signals:
    void saveRequested(const training::Scenario &scenario);

private:
    struct DocumentRow {
        QString materialId;
        QLabel *label = nullptr;
        QComboBox *state = nullptr;
        QLineEdit *name = nullptr;
    };

    QWidget *buildApplicant();
    QWidget *buildItem();
    QWidget *buildEvents();
    QWidget *buildRubric();
    void buildKeys();
    void load(const training::Scenario &s);
    void searchItems(const QString &text);
    void pickItem(int row);
    void setItem(const QString &code, const QList<training::ScenarioDocument> &documents);
    void clearDocuments();
    void addDocumentRow(const training::ScenarioDocument &d, const core::Material *m);
    void addEvent();
    void removeEvent();
    void showEvents();
    void generateId();
    void generatePhone();
    void refreshPreview();
    bool eventFilter(QObject *watched, QEvent *event) override;

    storage::Database &m_db;
    const Clock &m_clock;
    std::unique_ptr<storage::CatalogSearch> m_search;
    std::optional<core::ServiceItem> m_item;
    QString m_itemCode;
    QList<DocumentRow> m_documents;
    QList<training::ScenarioEvent> m_events;

    QLineEdit *m_title;
    QPlainTextEdit *m_brief;
    QLineEdit *m_name;
    QLineEdit *m_idNumber;
    QPushButton *m_generateId;
    QLineEdit *m_phone;
    QPushButton *m_generatePhone;
    QLineEdit *m_itemSearch;
    QListWidget *m_itemResults;
    QLabel *m_itemLabel;
    QWidget *m_documentsBox;
    QGridLayout *m_documentsGrid;
    QComboBox *m_decision;
    QSpinBox *m_timeLimit;
    QComboBox *m_eventKind;
    QSpinBox *m_eventAt;
    QLineEdit *m_eventText;
    QPushButton *m_eventAdd;
    QTableWidget *m_eventTable;
    QPushButton *m_eventRemove;
    QDoubleSpinBox *m_points[5];
    QLineEdit *m_judged;
    QLabel *m_problems;
    QPushButton *m_save;
    QTextBrowser *m_preview;
};

} // namespace windowdesk::trainingui
