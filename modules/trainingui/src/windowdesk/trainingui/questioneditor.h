#pragma once
// The editor of a trainer's question (题库 tab, shown in place of the list; Esc cancels): kind, category,
// tags, difficulty, stem, options (one a line), the right answers (letters: AC; 判断: 正确 or 错误),
// explanation; a live preview as the trainee will see it and the first rule the question breaks, in Chinese,
// as it is typed. Saving (Ctrl+Enter) asks the page, which stores it through training::TrainerBank and closes
// the editor, or shows why not.
#include <windowdesk/training/question.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTextBrowser;

namespace windowdesk::trainingui {

class QuestionEditor : public QDialog {
    Q_OBJECT
public:
    // `existing`: the question to revise (its id kept); null: a new question.
    QuestionEditor(const QStringList &categories, const training::Question *existing,
                   QWidget *parent = nullptr);

    // What the fields say now; `problem` (if given) gets the first rule it breaks, empty when none.
    training::Question question(QString *problem = nullptr) const;
    QString editedId() const { return m_id; }
    void focusFirstField();
    // Shows why the page could not store it (e.g. 题目没有改动).
    void showProblem(const QString &text);

signals:
    void saveRequested(const training::Question &question);

private:
    void refresh();
    void save();

    QString m_id;
    QComboBox *m_kind;
    QComboBox *m_category;
    QLineEdit *m_tags;
    QSpinBox *m_difficulty;
    QPlainTextEdit *m_stem;
    QPlainTextEdit *m_options;
    QLineEdit *m_answer;
    QPlainTextEdit *m_explanation;
    QTextBrowser *m_preview;
    QLabel *m_problem;
};

} // namespace windowdesk::trainingui
