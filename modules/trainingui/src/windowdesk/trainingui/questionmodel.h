#pragma once
// The bank's questions as a table (题库 tab), one row per question version, and how a question reads to the
// trainee (the preview of the list and of the editor).
#include <windowdesk/training/question.h>

#include <QAbstractTableModel>
#include <QList>

namespace windowdesk::trainingui {

class QuestionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Version, Kind, Category, Stem, Difficulty, Source, Status, Uses, ColumnCount };
    explicit QuestionTableModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setQuestions(const QList<training::Question> &questions);
    const QList<training::Question> &questions() const { return m_rows; }
    const training::Question *question(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString kindLabel(training::QuestionKind k);
    // A category as the trainer reads it: the six the catalog generator writes by their names in the UI's
    // language (材料, 时限 …), any other (a trainer's own) as it was typed.
    static QString categoryLabel(const QString &category);

private:
    QList<training::Question> m_rows;
};

// The question as the trainee sees it (the kind, the stem, the options lettered A, B, …), then — as after
// answering — the right answer and the explanation. HTML for a QTextBrowser.
QString questionPreviewHtml(const training::Question &q, bool withAnswer = true);

} // namespace windowdesk::trainingui
