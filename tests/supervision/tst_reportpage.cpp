// The 报表 tab driven by keys on a seeded month of the demo hall: the page's numbers are `windowdeskctl
// report
// --json`'s on the same file, for every grouping, the month before and a custom half-open range; the period
// keys; the charts' "数据表" tables and accessible descriptions carry the report's numbers; Ctrl+S saves the
// report as a PDF (A4 landscape, its text read back with pdftotext: the hall, the period, the table and the
// charts' titles) and exports the period's tickets as CSV (the same bytes as `windowdeskctl export queue`)
// and XLSX (read back with python3-openpyxl), each export audited.
#include "ctlrun.h"
#include "intakefixture.h"

#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/supervision/reportpage.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QImage>
#include <QJsonArray>
#include <QPageLayout>
#include <QPainter>
#include <QScopeGuard>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::intake::test;
using windowdesk::supervision::ChartData;
using windowdesk::supervision::ReportPage;
using windowdesk::supervision::ReportTableModel;

namespace {
storage::User supervisor() {
    storage::User u;
    u.id = u"u-demo-supervisor"_s;
    u.username = u"supervisor"_s;
    u.name = u"王强"_s;
    u.roles = {u"supervisor"_s};
    u.hallName = u"长沙市岳麓区政务服务中心"_s;
    return u;
}

// Every cell of the page's table against the CLI's JSON (keys, counts, seconds with their tenth, nulls).
void compareWithCli(const QString &db, const ReportPage &page, QTableView *view) {
    const QString by = reports::groupingName(page.grouping());
    const ctltest::Run run =
        ctltest::ctl(db, {u"report"_s, u"--from"_s, page.from().toString(Qt::ISODate), u"--to"_s,
                          page.to().toString(Qt::ISODate), u"--by"_s, by, u"--json"_s});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.json.value(u"from"_s).toString(), page.from().toString(Qt::ISODate));
    QCOMPARE(run.json.value(u"by"_s).toString(), by);
    const QJsonArray rows = run.json.value(u"rows"_s).toArray();
    QAbstractItemModel *m = view->model();
    QCOMPARE(m->rowCount(), rows.size() + 1); // the rows, then the total
    QVERIFY(rows.size() > 1);
    for (int r = 0; r < m->rowCount(); ++r) {
        const bool total = r == rows.size();
        const QJsonObject want = total ? run.json.value(u"total"_s).toObject() : rows.at(r).toObject();
        if (!total) {
            const QVariant key = m->index(r, ReportTableModel::Key).data(ReportTableModel::RawRole);
            QCOMPARE(key.isNull(), want.value(u"key"_s).isNull());
            QCOMPARE(key.toString(), want.value(u"key"_s).toString());
        }
        for (int c = 1; c < ReportTableModel::ColumnCount; ++c) {
            const QString field = ReportTableModel::fieldName(c);
            const QVariant got = m->index(r, c).data(ReportTableModel::RawRole);
            const QJsonValue w = want.value(field);
            const QString where = u"%1 row %2 %3"_s.arg(by).arg(r).arg(field);
            QVERIFY2(got.isNull() == w.isNull(), qPrintable(where + u" null?"_s));
            QVERIFY2(got.toDouble() == w.toDouble(),
                     qPrintable(where + u": page %1, cli %2"_s.arg(got.toDouble()).arg(w.toDouble())));
        }
        // What people read is the same number.
        QCOMPARE(m->index(r, ReportTableModel::Served).data().toString(),
                 QString::number(want.value(u"served"_s).toInteger()));
    }
}

QJsonObject xlsxDump(const QString &path) {
    QProcess p;
    p.start(QStringLiteral(PYTHON3),
            {QStringLiteral(WINDOWDESK_SOURCE_DIR "/tests/reports/xlsx_dump.py"), path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning().noquote() << p.readAllStandardError();
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}
} // namespace

class TestReportPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        ui::DialogFacade::instance().setInteractive(false);
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        // Monday 2026-03-30 10:00 CST; 45 days of a busy hall (waits pass the 10-minute target).
        f->clock.set(QDateTime(QDate(2026, 3, 30), QTime(2, 0), QTimeZone::utc()));
        auto seeded = cases::HallSeeder(*f->db, f->clock).seed({240, 45, 20260330, 90});
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));
        QVERIFY(seeded->ticketEvents > 5000);
        QVERIFY(storage::SettingsRepository(*f->db, f->clock)
                    .setValue(u"queue.service_level_s"_s, u"600"_s)
                    .ok());
    }
    void cleanupTestCase() { f.reset(); }
    void init() { ui::DialogFacade::instance().reset(); }

    void pageShowsTheCliNumbers() {
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.resize(1366, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"reportView"_s);
        QVERIFY(view);
        QAbstractItemModelTester tester(view->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        view->setFocus();
        // This month by default: [2026-03-01, 2026-04-01).
        QCOMPARE(page.period(), ReportPage::Period::Month);
        QCOMPARE(page.from(), QDate(2026, 3, 1));
        QCOMPARE(page.to(), QDate(2026, 4, 1));
        QCOMPARE(page.report().serviceLevelS, 600);
        // Ctrl+G walks window → clerk → category → hour → window; each against the CLI.
        const QList<reports::ReportGrouping> order = {
            reports::ReportGrouping::Window, reports::ReportGrouping::Clerk,
            reports::ReportGrouping::Category, reports::ReportGrouping::Hour};
        for (reports::ReportGrouping by : order) {
            QCOMPARE(page.grouping(), by);
            compareWithCli(f->dir.filePath(u"wd.db"_s), page, view);
            if (QTest::currentTestFailed())
                return;
            QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier);
        }
        QCOMPARE(page.grouping(), reports::ReportGrouping::Window);
        QVERIFY(page.report().total.aboveServiceLevel > 0);
        QVERIFY(page.report().total.accepted > 0);
        // Alt+Left: February, also the CLI's numbers.
        QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(page.from(), QDate(2026, 2, 1));
        QCOMPARE(page.to(), QDate(2026, 3, 1));
        compareWithCli(f->dir.filePath(u"wd.db"_s), page, view);
    }

    void periodKeys() {
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"reportView"_s);
        auto *fromEdit = page.findChild<QDateEdit *>(u"reportFrom"_s);
        auto *toEdit = page.findChild<QDateEdit *>(u"reportTo"_s);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(page.period(), ReportPage::Period::Day);
        QCOMPARE(page.from(), QDate(2026, 3, 1)); // the day keeps the period's start
        QCOMPARE(page.to(), QDate(2026, 3, 2));
        QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(page.from(), QDate(2026, 3, 2));
        QCOMPARE(fromEdit->date(), QDate(2026, 3, 2));
        QVERIFY(!toEdit->isEnabled());                         // a day, week or month has its end by itself
        QTest::keyClick(view, Qt::Key_W, Qt::ControlModifier); // the week of 2 March: Monday to Monday
        QCOMPARE(page.from(), QDate(2026, 3, 2));
        QCOMPARE(page.to(), QDate(2026, 3, 9));
        QTest::keyClick(view, Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(page.from(), QDate(2026, 3, 9));
        QCOMPARE(page.to(), QDate(2026, 3, 16));
        QTest::keyClick(view, Qt::Key_M, Qt::ControlModifier);
        QCOMPARE(page.from(), QDate(2026, 3, 1));
        QCOMPARE(page.to(), QDate(2026, 4, 1));
        // Ctrl+I: a range of one's own, typed; the end is not included.
        QTest::keyClick(view, Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(page.period(), ReportPage::Period::Custom);
        QVERIFY(fromEdit->hasFocus());
        QVERIFY(toEdit->isEnabled());
        QTest::keyClicks(fromEdit, u"2026-03-10"_s);
        QTest::keyClick(fromEdit, Qt::Key_Return);
        QCOMPARE(page.from(), QDate(2026, 3, 10));
        QCOMPARE(page.to(), QDate(2026, 4, 1));
        toEdit->setFocus(Qt::TabFocusReason);
        toEdit->selectAll();
        QTest::keyClicks(toEdit, u"2026-03-20"_s);
        QTest::keyClick(toEdit, Qt::Key_Return);
        QCOMPARE(page.to(), QDate(2026, 3, 20));
        compareWithCli(f->dir.filePath(u"wd.db"_s), page, view);
        // The same range moves by its own length.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(page.from(), QDate(2026, 2, 28));
        QCOMPARE(page.to(), QDate(2026, 3, 10));
    }

    void chartsCarryTheReportNumbers() {
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.resize(1366, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"reportView"_s);
        view->setFocus();
        const auto charts = page.charts();
        QCOMPARE(charts.size(), 4);
        QCOMPARE(charts.at(0)->chart().kind, ChartData::Kind::Bar);
        QCOMPARE(charts.at(1)->chart().kind, ChartData::Kind::StackedBar);
        QCOMPARE(charts.at(2)->chart().kind, ChartData::Kind::Line);
        QCOMPARE(charts.at(3)->chart().kind, ChartData::Kind::HeatMap);
        for (auto *c : charts) {
            QVERIFY(c->canvas()->isVisible());
            QVERIFY(!c->table()->isVisible());
            // WINDOWDESK_CHART_PNGS=DIR keeps each chart as the page shows it, to be looked at.
            if (const QString dir = qEnvironmentVariable("WINDOWDESK_CHART_PNGS"); !dir.isEmpty())
                QVERIFY(c->canvas()->grab().save(dir + u'/' + c->objectName() + u".png"_s));
        }
        // Ctrl+T: every chart shows its numbers as a table.
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
        for (auto *c : charts) {
            QVERIFY(c->showingTable());
            QVERIFY(c->table()->isVisible());
            QVERIFY(!c->canvas()->isVisible());
        }
        const reports::PeriodReport &r = page.report();
        // The bar chart's table: one row per key with its served tickets.
        QAbstractItemModel *bar = charts.at(0)->table()->model();
        QAbstractItemModelTester barTester(bar, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(bar->rowCount(), r.rows.size());
        for (int i = 0; i < bar->rowCount(); ++i) {
            QCOMPARE(bar->index(i, 0).data().toString(),
                     view->model()->index(i, ReportTableModel::Key).data().toString());
            QCOMPARE(bar->index(i, 1).data().toString(), QString::number(r.rows.at(i).counts.served));
        }
        // The stacked bars add up to the tickets of each key.
        QAbstractItemModel *stacked = charts.at(1)->table()->model();
        for (int i = 0; i < stacked->rowCount(); ++i) {
            const qint64 sum = stacked->index(i, 1).data().toLongLong() +
                               stacked->index(i, 2).data().toLongLong() +
                               stacked->index(i, 3).data().toLongLong();
            QCOMPARE(sum, r.rows.at(i).counts.arrived);
        }
        // The trend (per day) and the heat map (weekday × hour) each count every ticket of the month once.
        QAbstractItemModel *trend = charts.at(2)->table()->model();
        QCOMPARE(trend->rowCount(), 31);
        qint64 trendSum = 0;
        for (int i = 0; i < trend->rowCount(); ++i)
            trendSum += trend->index(i, 1).data().toLongLong();
        QCOMPARE(trendSum, r.total.arrived);
        QAbstractItemModel *heat = charts.at(3)->table()->model();
        QCOMPARE(heat->rowCount(), 7);
        qint64 heatSum = 0;
        for (int i = 0; i < heat->rowCount(); ++i)
            for (int c = 1; c < heat->columnCount(); ++c)
                heatSum += heat->index(i, c).data().toLongLong();
        QCOMPARE(heatSum, r.total.arrived);
        // A screen reader hears the same: the first key and its number.
        const QString description = charts.at(0)->canvas()->accessibleDescription();
        QVERIFY2(description.contains(bar->index(0, 0).data().toString() + u' ' +
                                      bar->index(0, 1).data().toString()),
                 qPrintable(description));
        QVERIFY(!charts.at(3)->accessibleDescription().isEmpty());
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier);
        for (auto *c : charts)
            QVERIFY(c->canvas()->isVisible());
    }

    void ctrlSSavesThePdf() {
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        const auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"reportView"_s);
        view->setFocus();
        const QString pdf = f->dir.filePath(u"report.pdf"_s);
        ui::DialogFacade::instance().preAnswerPath(pdf);
        QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(QFile::exists(pdf));
        // REPORT_PDF_COPY=FILE keeps the PDF to look at (the README's picture is made from it).
        if (const QString keep = qEnvironmentVariable("REPORT_PDF_COPY"); !keep.isEmpty()) {
            QFile::remove(keep);
            QFile::copy(pdf, keep);
        }
        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        QVERIFY2(text.contains(u"长沙市岳麓区政务服务中心"_s), qPrintable(text.left(300)));
        QVERIFY2(text.contains(u"2026-03-01"_s) && text.contains(u"2026-03-31"_s),
                 qPrintable(text.left(300)));
        QVERIFY2(text.contains(u"办结"_s) && text.contains(u"合计"_s), qPrintable(text.left(400)));
        // Every window of the report is in the table; the charts have their titles.
        for (const reports::ReportRow &row : page.report().rows)
            if (row.key)
                QVERIFY2(text.contains(*row.key), qPrintable(*row.key));
        for (auto *c : page.charts())
            QVERIFY2(text.contains(c->chart().title.normalized(QString::NormalizationForm_KC).remove(u' ')),
                     qPrintable(c->chart().title));
        // A4 landscape: pdfinfo says 842 x 595 pts.
        QProcess info;
        info.start(u"pdfinfo"_s, {pdf});
        QVERIFY(info.waitForFinished(20000));
        const QString infoText = QString::fromUtf8(info.readAllStandardOutput());
        QVERIFY2(infoText.contains(u"841.89 x 595.276"_s) || infoText.contains(u"842 x 595"_s),
                 qPrintable(infoText));
        QVERIFY(page.findChild<ui::MessageBar *>(u"reportMessage"_s)->text().contains(pdf));
    }

    // The charts as the month report shows them in Chinese and in English, drawn at the sizes of the page
    // (four in a row at 1366 px, ~330 px each) and narrower (a window with the sidebar, ~260 px): nothing is
    // drawn past the chart's box — the title is made to fit, the legend wraps, the first and last labels move
    // in rather than being cut at the edge.
    void chartsDrawInsideTheirBox_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << u"zh_CN"_s;
        QTest::newRow("en") << u"en"_s;
    }
    void chartsDrawInsideTheirBox() {
        QFETCH(QString, language);
        QVERIFY(ui::installTranslations(language));
        const auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.resize(1366, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QColor outside(255, 0, 255);
        for (const auto *panel : page.charts()) {
            const ChartData data = panel->chart();
            QVERIFY(!data.categories.isEmpty());
            for (const QSizeF size : {QSizeF(330, 300), QSizeF(260, 260)}) {
                QImage image(int(size.width()) + 120, int(size.height()) + 80, QImage::Format_RGB32);
                image.fill(outside);
                const QRectF box(QPointF(60, 40), size);
                {
                    QPainter p(&image);
                    supervision::paintChart(p, box, data);
                }
                if (const QString dir = qEnvironmentVariable("WINDOWDESK_CHART_PNGS"); !dir.isEmpty())
                    image.save(
                        u"%1/%2-%3-%4.png"_s.arg(dir, panel->objectName(), language).arg(int(size.width())));
                // The title ends before the chart's inner edge (not cut there): the last 3 px of its band
                // are the background.
                const QRectF inner = box.adjusted(8, 6, -8, -6);
                for (int y = int(inner.top()); y < int(inner.top()) + 16; ++y)
                    for (int x = int(inner.right()) - 3; x < int(inner.right()); ++x)
                        QVERIFY2(image.pixelColor(x, y) == QColor(Qt::white),
                                 qPrintable(u"%1 at %2 px: the title runs into the edge"_s.arg(
                                     data.title, QString::number(size.width()))));
                for (int y = 0; y < image.height(); ++y)
                    for (int x = 0; x < image.width(); ++x)
                        if (!box.adjusted(-1, -1, 1, 1).contains(QPointF(x + 0.5, y + 0.5)))
                            QVERIFY2(image.pixelColor(x, y) == outside,
                                     qPrintable(u"%1 at %2 px: drawn outside its box at (%3, %4)"_s.arg(
                                         data.title, QString::number(size.width()), QString::number(x),
                                         QString::number(y))));
            }
        }
    }

    void ctrlSExportsCsvAndXlsx() {
        ReportPage page(*f->db, f->clock, supervisor(), f->audit.get());
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *view = page.findChild<QTableView *>(u"reportView"_s);
        auto *kind = page.findChild<QComboBox *>(u"reportExportKind"_s);
        view->setFocus();
        const int auditBefore = f->count(u"SELECT count(*) FROM audit_log WHERE action = 'export'"_s);
        // The tickets of March as CSV: byte for byte what `windowdeskctl export queue` writes.
        QCOMPARE(kind->currentIndex(), 0);
        const QString csv = f->dir.filePath(u"queue.csv"_s);
        ui::DialogFacade::instance().preAnswerPath(csv);
        QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const ctltest::Run cli =
            ctltest::ctl(f->dir.filePath(u"wd.db"_s), {u"export"_s, u"queue"_s, u"--from"_s, u"2026-03-01"_s,
                                                       u"--to"_s, u"2026-04-01"_s, u"--format"_s, u"csv"_s});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFticket_no,category,issued_at"));
        QCOMPARE(bytes.count("\r\n"), page.report().total.arrived + 1);
        QCOMPARE(bytes, cli.out);
        // The same tickets as XLSX, chosen in the export box by keys: openpyxl reads them back.
        kind->setFocus();
        QTest::keyClick(kind, Qt::Key_Down);
        QTest::keyClick(kind, Qt::Key_Up);
        QCOMPARE(kind->currentIndex(), 0);
        const QString xlsx = f->dir.filePath(u"queue.xlsx"_s);
        ui::DialogFacade::instance().preAnswerPath(xlsx);
        QTest::keyClick(kind, Qt::Key_S, Qt::ControlModifier);
        const QJsonObject dump = xlsxDump(xlsx);
        QCOMPARE(dump.value(u"freeze"_s).toString(), u"A2"_s);
        const QJsonArray rows = dump.value(u"rows"_s).toArray();
        QCOMPARE(rows.size(), page.report().total.arrived + 1);
        QCOMPARE(rows.at(0).toArray().at(0).toArray().at(1).toString(), u"ticket_no"_s);
        // Ratings of March, chosen with the Down key.
        QTest::keyClick(kind, Qt::Key_Down);
        QTest::keyClick(kind, Qt::Key_Down);
        QCOMPARE(kind->currentIndex(), 2);
        const QString ratings = f->dir.filePath(u"ratings.csv"_s);
        ui::DialogFacade::instance().preAnswerPath(ratings);
        QTest::keyClick(kind, Qt::Key_S, Qt::ControlModifier);
        QFile rf(ratings);
        QVERIFY(rf.open(QIODevice::ReadOnly));
        const QByteArray rbytes = rf.readAll();
        QVERIFY(rbytes.startsWith("\xEF\xBB\xBF"
                                  "evaluation_id,local_id,at"));
        QCOMPARE(qint64(rbytes.count("\r\n")), page.report().total.evaluated + 1);
        // Each export left an audit row; a cancelled dialog writes nothing.
        QCOMPARE(f->count(u"SELECT count(*) FROM audit_log WHERE action = 'export'"_s), auditBefore + 3);
        QTest::keyClick(kind, Qt::Key_S, Qt::ControlModifier); // no pre-answer: cancelled
        QCOMPARE(f->count(u"SELECT count(*) FROM audit_log WHERE action = 'export'"_s), auditBefore + 3);
    }

private:
    std::unique_ptr<Fixture> f;
};

QTEST_MAIN(TestReportPage)
#include "tst_reportpage.moc"
