#include "reportpage.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/focusreturn.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScopeGuard>
#include <QShortcut>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
const QTimeZone kCst(8 * 3600);
const QList<reports::ReportGrouping> kGroupings = {
    reports::ReportGrouping::Window, reports::ReportGrouping::Clerk, reports::ReportGrouping::Category,
    reports::ReportGrouping::Hour};
const QList<reports::ExportKind> kExports = {reports::ExportKind::Queue, reports::ExportKind::Cases,
                                             reports::ExportKind::Evaluations};

QShortcut *bind(QWidget *page, const char *id) {
    return new QShortcut(ui::shortcutKey(id), page);
}
} // namespace

ReportPage::ReportPage(storage::Database &db, const Clock &clock, storage::User user,
                       storage::AuditLog *audit, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_user(std::move(user))
    , m_audit(audit) {
    setObjectName(u"reportPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"reportMessage"_s);
    layout->addWidget(m_message);

    // The period, the grouping and what to save, in one row, in Tab order.
    auto *bar = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period"), this);
    m_periodBox = new QComboBox(this);
    m_periodBox->setObjectName(u"reportPeriod"_s);
    m_periodBox->addItems({tr("Day"), tr("Week"), tr("Month"), tr("Custom range")});
    periodLabel->setBuddy(m_periodBox);
    auto *prev = new QToolButton(this);
    prev->setObjectName(u"reportPrevious"_s);
    prev->setArrowType(Qt::LeftArrow);
    prev->setToolTip(ui::withShortcut(tr("The period before"), ui::shortcut::reportPrevious));
    prev->setAccessibleName(tr("The period before"));
    auto *fromLabel = new QLabel(tr("From"), this);
    m_fromEdit = new QDateEdit(this);
    m_fromEdit->setObjectName(u"reportFrom"_s);
    m_fromEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_fromEdit->setCalendarPopup(true);
    fromLabel->setBuddy(m_fromEdit);
    auto *toLabel = new QLabel(tr("to (not included)"), this);
    m_toEdit = new QDateEdit(this);
    m_toEdit->setObjectName(u"reportTo"_s);
    m_toEdit->setDisplayFormat(u"yyyy-MM-dd"_s);
    m_toEdit->setCalendarPopup(true);
    toLabel->setBuddy(m_toEdit);
    auto *next = new QToolButton(this);
    next->setObjectName(u"reportNext"_s);
    next->setArrowType(Qt::RightArrow);
    next->setToolTip(ui::withShortcut(tr("The period after"), ui::shortcut::reportNext));
    next->setAccessibleName(tr("The period after"));
    auto *byLabel = new QLabel(tr("Group &by"), this);
    m_byBox = new QComboBox(this);
    m_byBox->setObjectName(u"reportGrouping"_s);
    m_byBox->addItems({tr("Window"), tr("Clerk"), tr("Category"), tr("Hour")});
    byLabel->setBuddy(m_byBox);
    auto *exportLabel = new QLabel(tr("E&xport"), this);
    m_exportBox = new QComboBox(this);
    m_exportBox->setObjectName(u"reportExportKind"_s);
    m_exportBox->addItems({tr("Tickets"), tr("Cases"), tr("Ratings")});
    exportLabel->setBuddy(m_exportBox);
    auto *print = new QPushButton(ui::withShortcut(tr("Print"), ui::shortcut::reportPrint), this);
    print->setObjectName(u"reportPrint"_s);
    auto *save = new QPushButton(ui::withShortcut(tr("Save"), ui::shortcut::reportSave), this);
    save->setObjectName(u"reportSave"_s);
    for (QWidget *w : std::initializer_list<QWidget *>{periodLabel, m_periodBox, prev, fromLabel, m_fromEdit,
                                                       toLabel, m_toEdit, next})
        bar->addWidget(w);
    bar->addSpacing(12);
    for (QWidget *w : std::initializer_list<QWidget *>{byLabel, m_byBox})
        bar->addWidget(w);
    bar->addStretch(1);
    for (QWidget *w : std::initializer_list<QWidget *>{exportLabel, m_exportBox, print, save})
        bar->addWidget(w);
    layout->addLayout(bar);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"reportSummary"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    // The table on top (all its columns in the width of a hall screen), the four charts in a row below.
    layout->addWidget(buildTableAndCharts(), 1);
    setFocusProxy(m_view);

    auto *hint =
        new QLabel(tr("Ctrl+D / W / M / I: day, week, month, range · Alt+←/→: period before / after · "
                      "Ctrl+G: grouping · Ctrl+T: data tables · Ctrl+P: print · Ctrl+S: save PDF, "
                      "CSV or XLSX · Ctrl+R: refresh"),
                   this);
    hint->setObjectName(u"reportHint"_s);
    layout->addWidget(hint);

    connect(m_periodBox, &QComboBox::activated, this, [this](int i) { setPeriod(Period(i)); });
    connect(m_byBox, &QComboBox::activated, this, [this](int i) { setGrouping(kGroupings.value(i)); });
    connect(prev, &QToolButton::clicked, this, [this] { step(-1); });
    connect(next, &QToolButton::clicked, this, [this] { step(+1); });
    auto edited = [this] {
        if (m_syncing || (m_fromEdit->date() == m_from && m_toEdit->date() == m_to))
            return;
        if (m_period == Period::Custom)
            setCustomRange(m_fromEdit->date(), m_toEdit->date());
        else
            anchorTo(m_fromEdit->date());
    };
    // A typed date counts when it is complete (Enter or leaving the field), not at each digit.
    connect(m_fromEdit, &QDateEdit::editingFinished, this, edited);
    connect(m_toEdit, &QDateEdit::editingFinished, this, edited);
    connect(print, &QPushButton::clicked, this, &ReportPage::printPreview);
    connect(save, &QPushButton::clicked, this, &ReportPage::saveAs);

    bindShortcuts();

    if (auto names = cases::CaseRepository(m_db).userNames(); names.ok())
        m_userNames = names.value();
    // This month, as the monthly dispatch (月调度) asks.
    m_period = Period::Month;
    anchorTo(m_clock.nowUtc().toTimeZone(kCst).date());
}

QSplitter *ReportPage::buildTableAndCharts() {
    auto *split = new QSplitter(Qt::Vertical, this);
    m_model = new ReportTableModel(this);
    m_view = new QTableView(split);
    m_view->setObjectName(u"reportView"_s);
    m_view->setAccessibleName(tr("Period report"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ReportTableModel::Key, QHeaderView::ResizeToContents);
    auto *chartsBox = new QWidget(split);
    auto *row = new QHBoxLayout(chartsBox);
    row->setContentsMargins(0, 4, 0, 0);
    row->setSpacing(8);
    const QStringList names = {u"chartServed"_s, u"chartOutcome"_s, u"chartTrend"_s, u"chartHeat"_s};
    for (const QString &name : names) {
        auto *panel = new ChartPanel(name, chartsBox);
        row->addWidget(panel, 1);
        m_charts.append(panel);
    }
    split->addWidget(m_view);
    split->addWidget(chartsBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    return split;
}

void ReportPage::bindShortcuts() {
    connect(bind(this, ui::shortcut::reportDay), &QShortcut::activated, this,
            [this] { setPeriod(Period::Day); });
    connect(bind(this, ui::shortcut::reportWeek), &QShortcut::activated, this,
            [this] { setPeriod(Period::Week); });
    connect(bind(this, ui::shortcut::reportMonth), &QShortcut::activated, this,
            [this] { setPeriod(Period::Month); });
    connect(bind(this, ui::shortcut::reportCustom), &QShortcut::activated, this, [this] {
        setPeriod(Period::Custom);
        m_fromEdit->setFocus(Qt::ShortcutFocusReason);
        m_fromEdit->selectAll();
    });
    connect(bind(this, ui::shortcut::reportPrevious), &QShortcut::activated, this, [this] { step(-1); });
    connect(bind(this, ui::shortcut::reportNext), &QShortcut::activated, this, [this] { step(+1); });
    connect(bind(this, ui::shortcut::reportGrouping), &QShortcut::activated, this,
            [this] { setGrouping(kGroupings.value((kGroupings.indexOf(m_by) + 1) % kGroupings.size())); });
    connect(bind(this, ui::shortcut::reportDataTables), &QShortcut::activated, this,
            &ReportPage::toggleDataTables);
    connect(bind(this, ui::shortcut::reportPrint), &QShortcut::activated, this, &ReportPage::printPreview);
    connect(bind(this, ui::shortcut::reportSave), &QShortcut::activated, this, &ReportPage::saveAs);
    connect(bind(this, ui::shortcut::reloadCases), &QShortcut::activated, this, &ReportPage::refresh);
}

void ReportPage::anchorTo(const QDate &day) {
    switch (m_period) {
    case Period::Day:
        m_from = day;
        m_to = day.addDays(1);
        break;
    case Period::Week:
        m_from = day.addDays(1 - day.dayOfWeek());
        m_to = m_from.addDays(7);
        break;
    case Period::Month:
        m_from = QDate(day.year(), day.month(), 1);
        m_to = m_from.addMonths(1);
        break;
    case Period::Custom:
        m_from = day;
        if (!m_to.isValid() || m_to <= m_from)
            m_to = m_from.addDays(1);
        break;
    }
    refresh();
}

void ReportPage::setPeriod(Period p) {
    m_period = p;
    if (p == Period::Custom) {
        setCustomRange(m_from, m_to);
        return;
    }
    anchorTo(m_from.isValid() ? m_from : m_clock.nowUtc().toTimeZone(kCst).date());
}

void ReportPage::setCustomRange(const QDate &from, const QDate &to) {
    m_period = Period::Custom;
    m_from = from;
    m_to = to;
    refresh();
}

void ReportPage::step(int direction) {
    switch (m_period) {
    case Period::Day:
        anchorTo(m_from.addDays(direction));
        break;
    case Period::Week:
        anchorTo(m_from.addDays(7 * direction));
        break;
    case Period::Month:
        anchorTo(m_from.addMonths(direction));
        break;
    case Period::Custom: {
        const qint64 days = m_from.daysTo(m_to);
        setCustomRange(m_from.addDays(days * direction), m_to.addDays(days * direction));
        break;
    }
    }
}

void ReportPage::setGrouping(reports::ReportGrouping by) {
    m_by = by;
    refresh();
}

void ReportPage::syncEditors() {
    m_syncing = true;
    m_periodBox->setCurrentIndex(int(m_period));
    m_byBox->setCurrentIndex(int(kGroupings.indexOf(m_by)));
    m_fromEdit->setDate(m_from);
    m_toEdit->setDate(m_to);
    m_toEdit->setEnabled(m_period == Period::Custom);
    m_syncing = false;
}

QString ReportPage::groupingText() const {
    switch (m_by) {
    case reports::ReportGrouping::Window:
        return tr("by window");
    case reports::ReportGrouping::Clerk:
        return tr("by clerk");
    case reports::ReportGrouping::Category:
        return tr("by category");
    case reports::ReportGrouping::Hour:
        return tr("by hour");
    }
    return {};
}

QString ReportPage::periodText() const {
    const QString from = m_from.toString(Qt::ISODate);
    if (m_from.daysTo(m_to) == 1)
        return tr("%1 (one day)").arg(from);
    return tr("%1 to %2 (%3 not included)")
        .arg(from, m_to.addDays(-1).toString(Qt::ISODate), m_to.toString(Qt::ISODate));
}

void ReportPage::refresh() {
    syncEditors();
    if (!m_user.hasRole(u"supervisor"_s)) {
        m_message->showError(tr("Only supervisors see the hall's reports."));
        return;
    }
    if (!m_from.isValid() || !m_to.isValid() || m_from >= m_to) {
        m_message->showWarning(tr("The range needs its start before its end."));
        return;
    }
    reports::PeriodShape shape;
    auto report = reports::PeriodReportEngine(m_db).compute(m_from, m_to, m_by, &shape);
    if (!report.ok()) {
        m_message->showError(tr("The report cannot be computed: %1").arg(report.error().message));
        return;
    }
    m_message->clearMessage();
    m_model->setReport(report.value(), m_userNames);
    const reports::ReportCounts &t = report->total;
    const QString rate = t.served > 0
                             ? QString::number(100.0 * double(t.evaluated) / double(t.served), 'f', 1) + u'%'
                             : u"—"_s;
    m_summary->setText(tr("%1, %2 · target %3 min · %4 tickets, %5 served, %6 no-shows · %7 cases accepted · "
                          "rated visits / served: %8")
                           .arg(periodText(), groupingText())
                           .arg(report->serviceLevelS / 60)
                           .arg(t.arrived)
                           .arg(t.served)
                           .arg(t.noShow)
                           .arg(t.accepted)
                           .arg(rate));
    updateCharts(shape);
}

void ReportPage::updateCharts(const reports::PeriodShape &shape) {
    const reports::PeriodReport &r = m_model->report();
    const QString keyTitle = m_model->headerData(ReportTableModel::Key, Qt::Horizontal).toString();
    QStringList keys;
    ChartSeries served{tr("Served"), {}}, noShow{tr("No-shows"), {}}, other{tr("Not served"), {}};
    for (const reports::ReportRow &row : r.rows) {
        keys << m_model->keyText(row.key);
        served.values << double(row.counts.served);
        noShow.values << double(row.counts.noShow);
        other.values << double(
            std::max<qint64>(0, row.counts.arrived - row.counts.served - row.counts.noShow));
    }
    m_charts.at(0)->setChart(
        {ChartData::Kind::Bar, tr("Served %1").arg(groupingText()), keyTitle, keys, {served}});
    m_charts.at(1)->setChart({ChartData::Kind::StackedBar,
                              tr("What became of the tickets %1").arg(groupingText()),
                              keyTitle,
                              keys,
                              {served, noShow, other}});

    // The trend: per day, or per hour for a single day.
    ChartData trend;
    trend.kind = ChartData::Kind::Line;
    ChartSeries arrived{tr("Tickets issued"), {}}, done{tr("Served"), {}};
    if (shape.days.size() <= 1) {
        trend.title = tr("Tickets and served by hour");
        trend.categoryTitle = tr("Hour");
        for (int h = 7; h <= 19; ++h) {
            trend.categories << u"%1"_s.arg(h, 2, 10, QLatin1Char('0'));
            arrived.values << double(shape.arrivedByHour.at(std::size_t(h)));
            done.values << double(shape.servedByHour.at(std::size_t(h)));
        }
    } else {
        trend.title = tr("Tickets and served by day");
        trend.categoryTitle = tr("Day");
        for (const reports::DayPoint &d : shape.days) {
            trend.categories << d.date.toString(u"MM-dd"_s);
            arrived.values << double(d.arrived);
            done.values << double(d.served);
        }
    }
    trend.series = {arrived, done};
    m_charts.at(2)->setChart(trend);

    // The busiest hour × weekday: the hours the hall works (those with tickets, at least 8 to 17).
    ChartData heat;
    heat.kind = ChartData::Kind::HeatMap;
    heat.title = tr("Busiest hours (tickets by weekday and hour)");
    heat.categoryTitle = tr("Weekday");
    int first = 8, last = 17;
    for (int h = 0; h < 24; ++h)
        for (const auto &day : shape.arrivedByWeekdayHour)
            if (day.at(std::size_t(h)) > 0) {
                first = std::min(first, h);
                last = std::max(last, h);
            }
    for (int h = first; h <= last; ++h)
        heat.categories << u"%1"_s.arg(h, 2, 10, QLatin1Char('0'));
    const QStringList weekdays = {tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"),
                                  tr("Fri"), tr("Sat"), tr("Sun")};
    for (int d = 0; d < 7; ++d) {
        ChartSeries s{weekdays.at(d), {}};
        for (int h = first; h <= last; ++h)
            s.values << double(shape.arrivedByWeekdayHour.at(std::size_t(d)).at(std::size_t(h)));
        heat.series << s;
    }
    m_charts.at(3)->setChart(heat);
}

void ReportPage::toggleDataTables() {
    const bool on = !m_charts.first()->showingTable();
    for (ChartPanel *c : std::as_const(m_charts))
        c->setShowingTable(on);
}

ReportDocument ReportPage::document() const {
    ReportDocument doc;
    doc.hallName = m_user.hallName;
    if (doc.hallName.isEmpty())
        if (auto hall = storage::SettingsRepository(m_db, m_clock)
                            .value(QString::fromLatin1(storage::settingkey::hallName));
            hall.ok())
            doc.hallName = hall.value();
    doc.title = tr("Hall report");
    doc.periodLine = tr("%1, %2 · service-level target %3 min")
                         .arg(periodText(), groupingText())
                         .arg(m_model->report().serviceLevelS / 60);
    doc.footer =
        tr("Made by WindowDesk on %1 for %2 · times in minutes:seconds · ids as in windowdeskctl report")
            .arg(m_clock.nowUtc().toTimeZone(kCst).toString(u"yyyy-MM-dd HH:mm"_s), m_user.name);
    for (int c = 0; c < m_model->columnCount(); ++c)
        doc.headers << m_model->headerData(c, Qt::Horizontal).toString();
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < m_model->columnCount(); ++c)
            row << m_model->index(r, c).data().toString();
        doc.rows << row;
    }
    for (ChartPanel *c : m_charts)
        doc.charts << c->chart();
    return doc;
}

void ReportPage::printPreview() {
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *preview = new QPrintPreviewDialog(printer, this);
    preview->setObjectName(u"reportPrintPreview"_s);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    const ReportDocument doc = document();
    connect(preview, &QPrintPreviewDialog::paintRequested, this,
            [doc](QPrinter *p) { printReport(*p, doc); });
    connect(preview, &QObject::destroyed, this, [printer] { delete printer; });
    ui::returnFocusWhenClosed(preview, QApplication::focusWidget() ? QApplication::focusWidget() : m_view);
    preview->open();
}

void ReportPage::saveAs() {
    // The file dialog is modal: when it returns the keyboard goes back where it was.
    const QPointer<QWidget> focused = QApplication::focusWidget() ? QApplication::focusWidget() : m_view;
    const auto back = qScopeGuard([focused] { ui::returnFocus(focused); });
    const QString base =
        u"%1_%2_%3"_s.arg(tr("report"), m_from.toString(u"yyyyMMdd"_s), m_to.toString(u"yyyyMMdd"_s));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = ui::DialogFacade::instance().saveFileName(
        this, tr("Save the report or export the period's records"), QDir(dir).filePath(base + u".pdf"_s),
        tr("Report as PDF (*.pdf);;Records as Excel (*.xlsx);;Records as CSV (*.csv)"));
    if (path.isEmpty())
        return;
    if (path.endsWith(u".pdf"_s, Qt::CaseInsensitive))
        savePdf(path);
    else
        exportTo(path);
}

void ReportPage::savePdf(const QString &path) {
    if (!writeReportPdf(path, document())) {
        m_message->showError(tr("The PDF cannot be written to %1.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    m_message->showInfo(tr("Report saved: %1").arg(QDir::toNativeSeparators(path)));
}

void ReportPage::exportTo(const QString &path) {
    const reports::ExportKind kind = kExports.value(m_exportBox->currentIndex());
    const bool xlsx = path.endsWith(u".xlsx"_s, Qt::CaseInsensitive);
    // Masked, as the lists are; the unmasked export is windowdeskctl's, for a supervisor, audited there.
    // The rows stream from storage into the file (no table of the period in memory); the audit row is
    // written before the file is moved into place, and nothing is written when it cannot be.
    bool auditFailed = false;
    const auto audit = [&](qint64 rows) -> Status {
        if (!m_audit)
            return {};
        const Status st = m_audit->append({m_user.id, u"export"_s, reports::exportKindName(kind),
                                           QJsonObject{{u"from"_s, m_from.toString(Qt::ISODate)},
                                                       {u"to"_s, m_to.toString(Qt::ISODate)},
                                                       {u"format"_s, xlsx ? u"xlsx"_s : u"csv"_s},
                                                       {u"rows"_s, rows}}});
        auditFailed = !st.ok();
        return st;
    };
    const auto rows =
        reports::exportToFile(reports::Exporter(m_db, m_clock), kind, m_from, m_to, false,
                              xlsx ? reports::ExportFormat::Xlsx : reports::ExportFormat::Csv, path, audit);
    if (!rows.ok()) {
        if (auditFailed)
            m_message->showError(
                tr("The export was not recorded in the audit log, so nothing was written: %1")
                    .arg(rows.error().message));
        else if (rows.error().code == u"cannot_write"_s || rows.error().code == u"xlsx_failed"_s)
            m_message->showError(tr("The file cannot be written: %1").arg(rows.error().message));
        else
            m_message->showError(tr("The export cannot be made: %1").arg(rows.error().message));
        return;
    }
    m_message->showInfo(
        tr("%n record(s) exported to %1", nullptr, int(rows.value())).arg(QDir::toNativeSeparators(path)));
}

} // namespace windowdesk::supervision
