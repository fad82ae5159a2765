#pragma once
// The competitions (竞赛) tab: setting one up (name, a blueprint or a scenario set — the hall's open scenario
// drills, ticked with Space, taken in list order —, the trainees — local clerks, ticked with
// Space — and the start time, China Standard Time) and, for the competition selected, the live leaderboard on
// the trainer's screen: each trainee's best result, score descending then time ascending, refreshed within a
// couple of seconds of a result being recorded in this database (a cheap stamp of the drill's results is
// polled) — and, when the hall is online, the platform's leaderboard of the drill beside it.
#include "trainingpages.h"

#include <windowdesk/training/competitions.h>

#include <QAbstractTableModel>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;

namespace windowdesk::sync {
struct PlatformLeaderboardEntry;
}
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::trainingui {

class LeaderboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Name, Score, Time, Attempts, Passed, ColumnCount };
    explicit LeaderboardModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setRows(const QList<training::LeaderboardRow> &rows);
    const QList<training::LeaderboardRow> &rows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString duration(int seconds); // mm:ss

private:
    QList<training::LeaderboardRow> m_rows;
};

class CompetitionTab : public QWidget {
    Q_OBJECT
public:
    explicit CompetitionTab(const TrainingContext &context, QWidget *parent = nullptr);

    void refresh();            // the blueprints, trainees and competitions
    void refreshLeaderboard(); // the selected competition's board, now
    void create();
    LeaderboardModel *leaderboard() const { return m_board; }
    LeaderboardModel *platformLeaderboard() const { return m_platform; }
    QString selectedDrill() const;

private:
    QWidget *buildForm();
    void poll();
    void pullPlatform();
    void showPlatform(const QList<sync::PlatformLeaderboardEntry> &entries);

    TrainingContext m_ctx;
    training::CompetitionService m_service;
    QList<training::Competition> m_competitions;
    QLineEdit *m_name;
    QComboBox *m_blueprint;
    QListWidget *m_trainees;
    QListWidget *m_scenarios; // the hall's open scenario drills: a scenario set, in list order
    QDateTimeEdit *m_start;
    QListWidget *m_list;
    QTableView *m_view;
    LeaderboardModel *m_board;
    QLabel *m_boardTitle;
    QTableView *m_platformView;
    LeaderboardModel *m_platform;
    QLabel *m_platformState;
    ui::MessageBar *m_message;
    QTimer m_poll;
    QString m_stamp;
    int m_ticks = 0;
};

} // namespace windowdesk::trainingui
