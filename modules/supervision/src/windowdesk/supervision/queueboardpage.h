#pragma once
// 排队 tab of the 监督 page: the hall's queue now (reports::LiveQueueMonitor over the ticket events — the
// local queue's and the pulled hall-wide feed). Tiles: waiting, the longest wait, served today, the share
// called within the service-level target, no-shows; the waiting per category; one row per window (clerk, the
// ticket at the window and for how long, idle time, served today, average service time). A one-second timer
// redraws the clocks and re-reads the events only when new ones arrived; a finished pull refreshes at once.
#include <windowdesk/reports/livequeue.h>
#include <windowdesk/storage/userrepository.h>

#include <QAbstractTableModel>
#include <QHash>
#include <QWidget>

class QLabel;
class QTableView;
class QTimer;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class LiveWindowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Window, Clerk, Ticket, State, For, Idle, ServedToday, AvgService, ColumnCount };
    explicit LiveWindowsModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setWindows(const QList<reports::LiveWindow> &rows, const QHash<QString, QString> &names);
    const QList<reports::LiveWindow> &windows() const { return m_rows; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<reports::LiveWindow> m_rows;
    QHash<QString, QString> m_names;
};

class LiveCategoriesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Category, Waiting, LongestWait, ColumnCount };
    explicit LiveCategoriesModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setCategories(const QList<reports::LiveCategory> &rows);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<reports::LiveCategory> m_rows;
};

class QueueBoardPage : public QWidget {
    Q_OBJECT
public:
    QueueBoardPage(storage::Database &db, const Clock &clock, storage::User user, QWidget *parent = nullptr);

    const reports::LiveQueue &queue() const { return m_queue; }
    // Re-reads the events if new ones arrived (or the day changed), then redraws. Ctrl+R, after a pull, and
    // every second from the timer.
    void refresh();
    // "mm:ss" (or "h:mm:ss"); "—" without a value.
    static QString clockText(std::optional<qint64> seconds);

private:
    void display(const reports::LiveQueue &q);

    storage::Database &m_db;
    const Clock &m_clock;
    storage::User m_user;
    reports::LiveQueueMonitor m_monitor;
    reports::LiveQueue m_queue;
    QHash<QString, QString> m_userNames;

    ui::MessageBar *m_message;
    QList<QLabel *> m_tiles;
    QLabel *m_updated;
    QTableView *m_windowsView;
    QTableView *m_categoriesView;
    LiveWindowsModel *m_windows;
    LiveCategoriesModel *m_categories;
    QTimer *m_timer;
};

} // namespace windowdesk::supervision
