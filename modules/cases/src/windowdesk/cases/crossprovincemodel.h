#pragma once
// The 跨省通办 list (issue 16): the window's receipts for the clerk, the whole hall's for the supervisor,
// with their states, forward_due and the late ones flagged (still 已收件待移交 after forward_due). Ids and
// phones masked. Widget-free: the intake page's list and the supervision tab show it in their views.
#include "crossprovince.h"

#include <QAbstractTableModel>
#include <QDate>

namespace windowdesk::cases {

class CrossProvinceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Created,
        Window,
        Region,
        Item,
        Applicant,
        IdNumber,
        State,
        ForwardDue,
        TargetCase,
        Sync,
        Count
    };
    // Role of the late flag (bool) on every cell of a row.
    static constexpr int LateRole = Qt::UserRole + 1;
    static constexpr int LocalIdRole = Qt::UserRole + 2;

    CrossProvinceModel(storage::Database &db, const Clock &clock, QString windowNo,
                       QObject *parent = nullptr);

    // Re-reads the list; windowNo empty: the whole hall.
    Status reload();
    const CrossProvinceReceipt &receipt(int row) const { return m_rows.at(row); }
    int lateCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The sync state of a receipt as the list shows it (已同步, 待同步, 平台暂不支持, 需处理).
    static QString syncText(const CrossProvinceReceipt &r);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    QString m_windowNo;
    QDate m_today;
    QList<CrossProvinceReceipt> m_rows;
};

} // namespace windowdesk::cases
