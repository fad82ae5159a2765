#pragma once
// The 告知承诺 post-checks list (the clerk's checks dialog, the supervisor's hall-duties tab): what
// CommitmentCheckService lists, one row per check, the due date with the working days left, overdue and
// false commitments flagged (roles and the state's text). Holds no rule.
#include "commitmentchecks.h"

#include <QAbstractTableModel>

namespace windowdesk::cases {

class ChecksModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CaseNo, Applicant, Matter, Material, Due, State, Note, ColumnCount };
    enum Role { OverdueRole = Qt::UserRole + 1, FalseCommitmentRole, CheckIdRole };
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(const QList<CheckRow> &rows);
    const CheckRow *rowAt(int row) const;
    int overdueCount() const;
    int falseCommitmentCount() const;
    // Outcomes recorded here that the platform refused because the check had its outcome already (409
    // state_conflict): the platform's check is shown, ours is kept here and shown beside it.
    int conflictCount() const;
    static bool refusedByConflict(const CheckRow &r);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static QString stateText(const CheckRow &r);
    static QString dueText(const CheckRow &r);

private:
    QList<CheckRow> m_rows;
};

} // namespace windowdesk::cases
