#include "noticeoutput.h"
#include "intakelogging.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/storage/settingsrepository.h>

#include <windowdesk/ui/paths.h>

#include <QDir>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
QString g_testOutputDir;
int g_testOutputCount = 0;

// The tests' stand-in for the printer: a PDF file (a QPrinter with an output file name prints to it).
void redirectForTests(QPrinter &printer, NoticeKind kind) {
    if (g_testOutputDir.isEmpty())
        return;
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(
        u"%1/%2-%3.pdf"_s.arg(g_testOutputDir).arg(++g_testOutputCount).arg(NoticeRenderer::fileSlug(kind)));
}
} // namespace

NoticeKind NoticeOutput::kindFor(const QString &decision, const QString &caseStatus) {
    if (core::caseStatusFromString(caseStatus) == core::CaseStatus::Delivered)
        return NoticeKind::Delivery;
    return cases::decisionNoticeKind(core::decisionFromString(decision).value_or(core::Decision::Rejected));
}

QString NoticeOutput::directory(const QString &configured) {
    const QString dir = configured.isEmpty() ? ui::noticesDirectory() : configured;
    QDir().mkpath(dir);
    return dir;
}

QString NoticeOutput::pdfPath(const QString &dir, const QString &localId, NoticeKind kind) {
    return u"%1/%2-%3.pdf"_s.arg(dir, localId, NoticeRenderer::fileSlug(kind));
}

QPageSize::PageSizeId NoticeOutput::paperFromSetting(const QString &value) {
    static const QList<std::pair<QString, QPageSize::PageSizeId>> sizes = {
        {u"A4"_s, QPageSize::A4}, {u"A5"_s, QPageSize::A5},         {u"A3"_s, QPageSize::A3},
        {u"B5"_s, QPageSize::B5}, {u"Letter"_s, QPageSize::Letter}, {u"Legal"_s, QPageSize::Legal}};
    for (const auto &[name, id] : sizes)
        if (name == value)
            return id;
    return QPageSize::A4;
}

NoticePrintSetup NoticeOutput::printSetup(const storage::Database &db, NoticeKind kind) {
    const QString slug = NoticeRenderer::fileSlug(kind);
    const auto get = [&db](const QString &key) {
        auto v = storage::settingValue(db, key);
        return v.ok() ? v.value() : QString();
    };
    NoticePrintSetup setup;
    setup.printer = get(storage::printerKey(slug));
    setup.paper = paperFromSetting(get(storage::paperKey(slug)));
    setup.directForConfirmed = get(QString::fromLatin1(storage::settingkey::printDirectConfirmed)) == u"on"_s;
    return setup;
}

void NoticeOutput::configure(QPrinter &printer, const NoticePrintSetup &setup) {
    if (!setup.printer.isEmpty()) {
        // A printer that left the hall (renamed, removed): the system's default, said in the log.
        if (QPrinterInfo::printerInfo(setup.printer).isNull())
            qCWarning(lcIntake) << "configured printer not found, using the default:" << setup.printer;
        else
            printer.setPrinterName(setup.printer);
    }
    printer.setPageSize(QPageSize(setup.paper));
    printer.setFullPage(true);
}

void NoticeOutput::preview(QWidget *over, const NoticeData &data, const NoticePrintSetup &setup) {
    auto *printer = new QPrinter(QPrinter::HighResolution);
    configure(*printer, setup);
    redirectForTests(*printer, data.kind);
    auto *dialog = new QPrintPreviewDialog(printer, over);
    dialog->setObjectName(u"printPreview"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [data](QPrinter *p) { NoticeRenderer::print(*p, data); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->open();
}

bool NoticeOutput::printDirect(const NoticeData &data, const NoticePrintSetup &setup) {
    QPrinter printer(QPrinter::HighResolution);
    configure(printer, setup);
    redirectForTests(printer, data.kind);
    printer.setDocName(NoticeRenderer::title(data.kind) + u" "_s + data.caseRef);
    return NoticeRenderer::print(printer, data);
}

void NoticeOutput::setPrinterOutputDirectoryForTests(const QString &dir) {
    g_testOutputDir = dir;
    g_testOutputCount = 0;
}

WrittenNotices NoticeOutput::writeForDecision(storage::Database &db, const QString &localId,
                                              const QString &decision, bool withCommitment,
                                              const QString &dir, const QString &hallName,
                                              const QString &clerkName) {
    WrittenNotices out;
    QList<NoticeKind> kinds{kindFor(decision)};
    if (withCommitment)
        kinds << NoticeKind::Commitment;
    for (NoticeKind k : kinds) {
        auto data = NoticeRenderer::loadCase(db, localId, k, hallName, clerkName);
        // The case may turn the kind into its own (an information-disclosure application's 登记回执).
        const QString path = pdfPath(dir, localId, data.ok() ? data->kind : k);
        if (data.ok() && NoticeRenderer::savePdf(data.value(), path).ok())
            out.paths << path;
        else
            out.failed << NoticeRenderer::title(k);
        // The decision is confirmed: with print.direct_confirmed on, its notices go straight to the hall's
        // printer for their kind (no preview to click through while the citizen waits).
        if (const NoticePrintSetup setup = printSetup(db, k); data.ok() && setup.directForConfirmed)
            (printDirect(data.value(), setup) ? out.printed : out.notPrinted) << NoticeRenderer::title(k);
    }
    return out;
}

} // namespace windowdesk::intake
