#pragma once
// 差评台账: every 差评 as a rectification task (deadline, state, overdue, callback, actions). Typing filters
// the list; Enter puts the keys in the action form (F2 picks the action, the note, Ctrl+Return records it);
// Escape goes back to the list. The rules and the writes are cases::RectificationLedger's.
#include <windowdesk/cases/rectificationledger.h>
#include <windowdesk/storage/userrepository.h>

#include <QAbstractTableModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
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
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static QString stateLabel(const QString &state);
    static QString actionLabel(const QString &action);

private:
    QList<cases::LedgerTask> m_tasks;
    QHash<QString, QString> m_names;
};

class LedgerPage : public QWidget {
    Q_OBJECT
public:
    LedgerPage(storage::Database &db, const Clock &clock, storage::AuditLog *audit, storage::User user,
               QWidget *parent = nullptr);
    void refresh();
    void recordSelected();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString selectedId() const;

    storage::Database &m_db;
    const Clock &m_clock;
    cases::RectificationLedger m_ledger;
    storage::User m_user;
    ui::MessageBar *m_message;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QTableView *m_view;
    QSortFilterProxyModel *m_proxy;
    LedgerModel *m_model;
    QComboBox *m_action;
    QLineEdit *m_note;
};

} // namespace windowdesk::supervision
