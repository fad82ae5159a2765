#pragma once
// The supervision board's table models: the rows per window/department, the case list, a case's timeline.
// Each shows what modules/cases computed; none holds a rule.
#include <windowdesk/cases/overdueboard.h>

#include <QAbstractTableModel>

namespace windowdesk::supervision {

class BoardRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Key, Open, Warning, Yellow, Red, FollowupMissing, CalendarMissing, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, HasKeyRole };
    using QAbstractTableModel::QAbstractTableModel;
    void setRows(const QList<cases::BoardRow> &rows, cases::BoardGrouping by);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<cases::BoardRow> m_rows;
    cases::BoardGrouping m_by = cases::BoardGrouping::Window;
};

class BoardCasesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        CaseRef,
        Window,
        Clerk,
        Applicant,
        IdNumber, // masked
        Phone,    // masked
        Status,
        Accepted,
        PromisedDue,
        LegalDue,
        PlatformDue,
        Card,
        Followup,
        ColumnCount
    };
    enum Role { LocalIdRole = Qt::UserRole + 1 };
    using QAbstractTableModel::QAbstractTableModel;
    void setCases(const QList<cases::BoardCaseCard> &cases, const QHash<QString, QString> &clerkNames);
    const cases::BoardCaseCard *caseAt(int row) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<cases::BoardCaseCard> m_cases;
    QHash<QString, QString> m_clerkNames;
};

class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Kind, Detail, By, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setEntries(const QList<cases::TimelineEntry> &entries);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    static QString kindLabel(const QString &kind);
    // The 详情 column: a decision's or status's Chinese label, a follow-up's card, finding, action and note.
    static QString detailText(const cases::TimelineEntry &e);

private:
    QList<cases::TimelineEntry> m_entries;
};

QString cardLabel(const cases::BoardCaseCard &c);

} // namespace windowdesk::supervision
