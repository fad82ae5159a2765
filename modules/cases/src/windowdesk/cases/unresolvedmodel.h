#pragma once
// The 办不成事 list (the clerk's dialog and the supervisor's hall-duties tab): what UnresolvedRequestService
// lists, one row per request, the phone masked, overdue ones flagged (OverdueRole, and 已逾期 in the state).
// Holds no rule.
#include "unresolvedrequests.h"

#include <QAbstractTableModel>

namespace windowdesk::cases {

class UnresolvedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Created,
        Window,
        Category,
        Description,
        Applicant,
        Phone,
        RoutedTo,
        ReplyDue,
        State,
        ColumnCount
    };
    enum Role { OverdueRole = Qt::UserRole + 1, LocalIdRole };
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(const QList<UnresolvedRow> &rows);
    const UnresolvedRow *rowAt(int row) const;
    int overdueCount() const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // 待处理 / …; 平台暂不支持 / 待同步 for a request the platform has not got.
    static QString stateText(const UnresolvedRow &r);

private:
    QList<UnresolvedRow> m_rows;
};

} // namespace windowdesk::cases
