#pragma once
// 差评台账: every 差评 as a rectification task (deadline, state, overdue, callback, actions, appeal), worked
// by keys. The list: typing filters it, Enter opens the task. The task: its history (callbacks, actions,
// appeal) and one form — F2 cycles 核实 / 整改 / 情况说明 / 回访 / 申诉, F6 goes to the callback, F7 to the
// appeal, Ctrl+Return records; Backspace in the empty note or Esc goes back to the list. Ctrl+R (and every
// pull) refreshes and keeps the task selected. A real-name 差评 without a reached callback is flagged. The
// rules and the writes (audit row, outbox) are cases::RectificationLedger's; against a 1.0 platform callbacks
// and appeals are kept on this computer and the page says 平台暂不支持.
#include <windowdesk/cases/rectificationledger.h>
#include <windowdesk/storage/userrepository.h>

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace windowdesk {
class Clock;
}
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class LedgerModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RatedAt,
        Window,
        Clerk,
        Level,
        Reasons,
        State,
        Due,
        Overdue,
        Callback,
        LastAction,
        ColumnCount
    };
    enum Role { LocalIdRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;
    void setTasks(const QList<cases::LedgerTask> &tasks, const QHash<QString, QString> &userNames);
    const cases::LedgerTask *task(const QString &localId) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static QString stateLabel(const QString &state);
    static QString actionLabel(const QString &action);
    static QString callbackLabel(const cases::LedgerTask &task);

private:
    QList<cases::LedgerTask> m_tasks;
    QHash<QString, QString> m_names;
};

// One task's history, oldest first: callbacks (reached? satisfied after?), actions, the appeal.
class LedgerHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Kind, Detail, By, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setActions(const QList<cases::LedgerAction> &actions, const QHash<QString, QString> &userNames);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<cases::LedgerAction> m_actions;
    QHash<QString, QString> m_names;
};

class LedgerPage : public QWidget {
    Q_OBJECT
public:
    enum class Level { Tasks, Task };
    LedgerPage(storage::Database &db, const Clock &clock, storage::AuditLog *audit, storage::User user,
               QWidget *parent = nullptr);
    Level level() const { return m_level; }
    // The task shown (Task level) or selected in the list.
    QString currentTaskId() const;
    // Re-reads the ledger (Ctrl+R, after a pull); the selected task and the level stay.
    void refresh();
    void openTask();
    void backToList();
    // Records what the form says (Ctrl+Return) on the open task: an action, a callback or an appeal.
    void recordSelected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildTaskView();
    void showList();
    void showTask();
    void updateForm();
    void pickAction(const QString &action);

    storage::Database &m_db;
    const Clock &m_clock;
    cases::RectificationLedger m_ledger;
    storage::User m_user;
    Level m_level = Level::Tasks;
    QString m_taskId;
    QHash<QString, QString> m_names;
    ui::MessageBar *m_message;
    QLabel *m_path;
    QLabel *m_summary;
    QLabel *m_platformNote;
    QLineEdit *m_filter;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QSortFilterProxyModel *m_proxy;
    LedgerModel *m_model;
    QLabel *m_taskInfo;
    QTableView *m_history;
    LedgerHistoryModel *m_historyModel;
    QComboBox *m_action;
    QWidget *m_callbackFields;
    QComboBox *m_reached;
    QComboBox *m_satisfied;
    QLineEdit *m_note;
    QLabel *m_hint;
};

} // namespace windowdesk::supervision
