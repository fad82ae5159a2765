#pragma once
// The results (成绩) tab: the trainees with results; for the one selected, their scores over time (a line
// against each pass line, and the list) and their weak categories (the share of the points scored, weakest
// first); and the hall's skill levels (等级: each trainee and blueprint, passed at its pass line or not).
// Ctrl+S exports the history or the levels as CSV or XLSX.
#include "trainingpages.h"

#include <windowdesk/training/trainingrecords.h>

#include <QWidget>

class QTableWidget;

namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

// Scores over time, drawn with QPainter (no Qt Charts in the shipped program): each result a point (percent
// of its maximum), the pass lines dashed.
class ScoreChart : public QWidget {
    Q_OBJECT
public:
    explicit ScoreChart(QWidget *parent = nullptr);
    void setHistory(const QList<training::HistoryEntry> &history);
    QSize sizeHint() const override { return {400, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<training::HistoryEntry> m_history;
};

class ResultsTab : public QWidget {
    Q_OBJECT
public:
    explicit ResultsTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();
    void exportResults();
    QString selectedTrainee() const;

private:
    void showTrainee();

    TrainingContext m_ctx;
    training::TrainingRecords m_records;
    QList<training::TraineeRecord> m_trainees;
    QTableWidget *m_traineeTable;
    QTableWidget *m_history;
    ScoreChart *m_chart;
    QTableWidget *m_categories;
    QTableWidget *m_levels;
    ui::MessageBar *m_message;
};

} // namespace windowdesk::trainingui
