// Printing the notices on the hall's printers (#17): each notice kind on the printer and paper the hall set
// (settings print.<kind>.printer / .paper), and the notice of a confirmed decision printed without a preview
// when print.direct_confirmed is on, with the preview otherwise. No CUPS and no printer here: a QPrinter
// writing a PDF file stands in for the printer (NoticeOutput::setPrinterOutputDirectoryForTests), and the
// PDF's page size is what the printer would have been given.
#include "intakefixture.h"

#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/intake/noticeoutput.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/ui/messagebar.h>

#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::cases;
using namespace windowdesk::intake;
using namespace windowdesk::intake::test;

namespace {
// "Page size: 419.528 x 595.276 pts (A5)" from pdfinfo, as the (width, height) in points.
QSizeF pdfPageSize(const QString &path) {
    QProcess p;
    p.start(u"pdfinfo"_s, {path});
    if (!p.waitForFinished(30000))
        return {};
    const auto m = QRegularExpression(u"Page size:\\s+([\\d.]+) x ([\\d.]+) pts"_s)
                       .match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

bool sameSize(const QSizeF &a, QPageSize::PageSizeId id) {
    const QSizeF b = QPageSize(id).size(QPageSize::Point);
    return qAbs(a.width() - b.width()) < 1.5 && qAbs(a.height() - b.height()) < 1.5;
}

QList<QPrintPreviewDialog *> previews() {
    QList<QPrintPreviewDialog *> found;
    for (QWidget *w : QApplication::allWidgets())
        if (auto *d = qobject_cast<QPrintPreviewDialog *>(w))
            found.append(d);
    return found;
}
} // namespace

class TestNoticePrinting : public QObject {
    Q_OBJECT
private slots:
    void init() {
        f = std::make_unique<Fixture>();
        QVERIFY(f->open());
        ctx = IntakeContext{};
        ctx.db = f->db.get();
        ctx.clock = &f->clock;
        ctx.audit = f->audit.get();
        ctx.window = f->window;
        ctx.noticeDir = f->dir.filePath(u"notices"_s);
        printed = f->dir.filePath(u"printer"_s);
        QVERIFY(QDir().mkpath(printed));
        NoticeOutput::setPrinterOutputDirectoryForTests(printed);
    }
    void cleanup() {
        for (QPrintPreviewDialog *d : previews())
            delete d;
        if (page && page->evaluationDialog())
            page->evaluationDialog()->close();
        page.reset();
        NoticeOutput::setPrinterOutputDirectoryForTests(QString());
        f.reset();
    }

    void setupFollowsTheHallSettings() {
        // Unset: the default printer, A4, with preview.
        NoticePrintSetup s = NoticeOutput::printSetup(*f->db, NoticeKind::Rejection);
        QCOMPARE(s.printer, QString());
        QCOMPARE(s.paper, QPageSize::A4);
        QVERIFY(!s.directForConfirmed);
        set(u"print.rejection.paper"_s, u"B5"_s);
        set(u"print.rejection.printer"_s, u"Kyocera-B01"_s);
        set(u"print.direct_confirmed"_s, u"on"_s);
        s = NoticeOutput::printSetup(*f->db, NoticeKind::Rejection);
        QCOMPARE(s.paper, QPageSize::B5);
        QCOMPARE(s.printer, u"Kyocera-B01"_s);
        QVERIFY(s.directForConfirmed);
        // Per kind: the acceptance receipt keeps its own (unset) paper.
        QCOMPARE(NoticeOutput::printSetup(*f->db, NoticeKind::Acceptance).paper, QPageSize::A4);
        // A printer that is not installed here is not forced on the QPrinter (it would print nowhere).
        QPrinter printer;
        NoticeOutput::configure(printer, s);
        QVERIFY(printer.printerName() != u"Kyocera-B01"_s);
        QVERIFY(sameSize(printer.pageLayout().pageSize().size(QPageSize::Point), QPageSize::B5));
    }

    void confirmedDecisionPrintsWithoutPreview() {
        set(u"print.acceptance.paper"_s, u"A5"_s);
        set(u"print.direct_confirmed"_s, u"on"_s);
        openPage();
        visitByKeys();
        // Printed at once, on A5, and no preview came up in between.
        const QStringList files = QDir(printed).entryList({u"*.pdf"_s}, QDir::Files);
        QCOMPARE(files, QStringList{u"1-acceptance.pdf"_s});
        const QString pdf = printed + u"/1-acceptance.pdf"_s;
        QVERIFY2(sameSize(pdfPageSize(pdf), QPageSize::A5),
                 qPrintable(u"%1 x %2"_s.arg(pdfPageSize(pdf).width()).arg(pdfPageSize(pdf).height())));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(u"受理回执"_s), qPrintable(text));
        QVERIFY(text.contains(kPersonIdMasked) && !text.contains(kPersonId));
        QVERIFY(previews().isEmpty());
        QVERIFY2(page->messageBar()->text().contains(u"Printed"_s), qPrintable(page->messageBar()->text()));
        // The saved PDF copy stays A4-independent of the printer: it is the record.
        QVERIFY(sameSize(pdfPageSize(page->lastNoticePaths().first()), QPageSize::A4));
    }

    void otherwiseThePreviewOnTheHallsPaper() {
        set(u"print.acceptance.paper"_s, u"A5"_s); // print.direct_confirmed unset: preview
        openPage();
        visitByKeys();
        QVERIFY(QDir(printed).entryList({u"*.pdf"_s}, QDir::Files).isEmpty());
        QVERIFY(previews().isEmpty());
        QVERIFY(page->messageBar()->text().contains(u"Ctrl+P"_s));
        // Ctrl+P: the preview, set up for the acceptance receipt's paper.
        page->printLastNotice();
        QTRY_COMPARE(previews().size(), 1);
        QPrintPreviewDialog *preview = previews().first();
        QTRY_VERIFY(preview->isVisible());
        QVERIFY(sameSize(preview->printer()->pageLayout().pageSize().size(QPageSize::Point), QPageSize::A5));
        // Nothing reaches the printer until the clerk prints from the preview.
        QVERIFY(QDir(printed).entryList({u"*.pdf"_s}, QDir::Files).isEmpty());
    }

private:
    void set(const QString &key, const QString &value) {
        QVERIFY(storage::SettingsRepository(*f->db, f->clock, f->audit.get())
                    .setValue(key, value, u"u-it"_s)
                    .ok());
    }
    void openPage() {
        page = std::make_unique<IntakePage>(ctx);
        page->setGeometry(QRect(QPoint(0, 0), QSize(1280, 760)));
        page->show();
        page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(page.get()));
    }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
        QWidget *w = QApplication::focusWidget() ? QApplication::focusWidget() : page.get();
        QTest::keyClick(w, k, m);
        QCoreApplication::processEvents();
    }
    void visitByKeys() {
        key(Qt::Key_F2);
        typeText(QApplication::focusWidget(), u"张三"_s);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), kPersonId);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), u"13800138000"_s);
        key(Qt::Key_F, Qt::ControlModifier);
        typeText(QApplication::focusWidget(), u"城乡居民基本医疗"_s);
        key(Qt::Key_Return);
        key(Qt::Key_Down);
        key(Qt::Key_Tab);
        typeText(QApplication::focusWidget(), u"2026-03-06"_s);
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY2(!page->lastCaseLocalId().isEmpty(),
                 qPrintable(page->findChild<QLabel *>(u"decisionProblems"_s)->text()));
    }

    std::unique_ptr<Fixture> f;
    IntakeContext ctx;
    std::unique_ptr<IntakePage> page;
    QString printed;
};

QTEST_MAIN(TestNoticePrinting)
#include "tst_noticeprinting.moc"
