#pragma once
// 报表 tab of the 监督 page: the period report of the queue and the cases (reports::PeriodReportEngine, the
// same code and numbers as `windowdeskctl report`) for a day, a week, a month or a custom half-open range
// [from, to), by window, clerk, category or hour; four charts (served per key, what became of the tickets,
// the trend over the period, the busiest hour × weekday) each with its "数据表"; Ctrl+P prints (preview),
// Ctrl+S saves the report as PDF or exports tickets, cases or ratings as CSV / XLSX (reports::Exporter, as
// `windowdeskctl export`). Keys: Ctrl+D / W / M / I day, week, month, custom; Alt+Left / Alt+Right the period
// before / after; Ctrl+G the grouping; Ctrl+T the charts' data tables; Ctrl+R refresh.
#include "charts.h"
#include "reportmodels.h"
#include "reportprint.h"

#include <windowdesk/reports/periodreport.h>
#include <windowdesk/storage/userrepository.h>

#include <QDate>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QTableView;
class QSplitter;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class ReportPage : public QWidget {
    Q_OBJECT
public:
    enum class Period { Day, Week, Month, Custom };
    ReportPage(storage::Database &db, const Clock &clock, storage::User user,
               storage::AuditLog *audit = nullptr, QWidget *parent = nullptr);

    Period period() const { return m_period; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    reports::ReportGrouping grouping() const { return m_by; }
    const reports::PeriodReport &report() const { return m_model->report(); }
    QList<ChartPanel *> charts() const { return m_charts; }

    void setPeriod(Period p);
    void setCustomRange(const QDate &from, const QDate &to);
    void step(int direction); // the period before (-1) or after (+1)
    void setGrouping(reports::ReportGrouping by);
    void refresh();
    void toggleDataTables();
    // Ctrl+S: asks for a file; .pdf saves the report, .xlsx / .csv export the chosen records of the period.
    void saveAs();
    void savePdf(const QString &path);
    void exportTo(const QString &path);
    void printPreview();
    // The document the PDF and the printer get (also what the screen shows).
    ReportDocument document() const;

private:
    QSplitter *buildTableAndCharts(); // the report's table above, the four charts below
    void bindShortcuts();
    void anchorTo(const QDate &day);
    void syncEditors();
    QString periodText() const;
    QString groupingText() const;
    void updateCharts(const reports::PeriodShape &shape);

    storage::Database &m_db;
    const Clock &m_clock;
    storage::User m_user;
    storage::AuditLog *m_audit;
    Period m_period = Period::Month;
    QDate m_from, m_to;
    reports::ReportGrouping m_by = reports::ReportGrouping::Window;
    QHash<QString, QString> m_userNames;
    bool m_syncing = false;

    ui::MessageBar *m_message;
    QComboBox *m_periodBox;
    QDateEdit *m_fromEdit;
    QDateEdit *m_toEdit;
    QComboBox *m_byBox;
    QComboBox *m_exportBox;
    QLabel *m_summary;
    QTableView *m_view;
    ReportTableModel *m_model;
    QList<ChartPanel *> m_charts;
};

} // namespace windowdesk::supervision
