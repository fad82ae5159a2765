#pragma once
// The period report as a table (reports::PeriodReport, the numbers of `windowdeskctl report`): one row per
// key, then the total. DisplayRole shows them for people (times as minutes:seconds); RawRole gives each cell
// exactly as the CLI's JSON has it (counts, seconds with their tenth, null), so tests compare the two.
#include <windowdesk/reports/periodreport.h>

#include <QAbstractTableModel>
#include <QHash>

namespace windowdesk::supervision {

class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Key,
        Arrived,
        Called,
        Served,
        NoShow,
        AboveServiceLevel,
        AvgWait,
        MaxWait,
        AvgService,
        MaxService,
        Accepted,
        CorrectionRequired,
        Rejected,
        Evaluated,
        BadEvaluations,
        ColumnCount
    };
    enum Role { RawRole = Qt::UserRole + 1, IsTotalRole };

    explicit ReportTableModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}
    void setReport(const reports::PeriodReport &report, const QHash<QString, QString> &userNames);
    const reports::PeriodReport &report() const { return m_report; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // The cli.md field of a column ("arrived", "avg_wait_s"); empty for the key.
    static QString fieldName(int column);
    // The text of a key as the page shows it (a clerk's name with the id, an hour as "08:00", null as "—").
    QString keyText(const std::optional<QString> &key) const;
    // minutes:seconds (with the tenth when there is one); "—" for no value.
    static QString durationText(std::optional<qint64> tenths);

private:
    const reports::ReportCounts &countsAt(int row) const;
    reports::PeriodReport m_report;
    QHash<QString, QString> m_userNames;
};

} // namespace windowdesk::supervision
