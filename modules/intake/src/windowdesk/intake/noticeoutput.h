#pragma once
// The one way a page puts a case's notice out (issue 12): which notice a decision gives, where the PDFs go,
// and the printer. IntakePage (after a decision, Ctrl+P) and My cases (a chosen case, its detail) use it.
// Each notice kind has the hall's printer and paper (settings print.<kind>.printer / .paper, #17); the notice
// of a decision just confirmed goes straight to that printer when print.direct_confirmed is on, and every
// other print opens the preview first.
#include "noticerenderer.h"

#include <QPageSize>
#include <QString>
#include <QStringList>

class QPrinter;
class QWidget;

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::intake {

// What writing (and, with print.direct_confirmed, printing) a decided case's notices came to.
struct WrittenNotices {
    QStringList paths;      // the PDFs written
    QStringList failed;     // titles of the notices that could not be written
    QStringList printed;    // titles printed directly
    QStringList notPrinted; // titles the printer refused
};

struct NoticePrintSetup {
    QString printer; // empty: the system's default printer
    QPageSize::PageSizeId paper = QPageSize::A4;
    bool directForConfirmed = false; // print.direct_confirmed
};

class NoticeOutput {
public:
    // The notice of a case's decision; a delivered case prints its 送达回执.
    static NoticeKind kindFor(const QString &decision, const QString &caseStatus = QString());
    // The notices folder: the configured one, else ui::noticesDirectory(); created when missing.
    static QString directory(const QString &configured);
    // The PDF path of a notice of a case in `dir` (<local id>-<slug>.pdf).
    static QString pdfPath(const QString &dir, const QString &localId, NoticeKind kind);

    // The hall's printer and paper for a notice kind, and the direct-print setting (unset: the default
    // printer, A4, preview).
    static NoticePrintSetup printSetup(const storage::Database &db, NoticeKind kind);
    // A paper setting's page size (A4 for empty or unknown).
    static QPageSize::PageSizeId paperFromSetting(const QString &value);
    // Points `printer` at the setup's printer (when that printer exists) and paper.
    static void configure(QPrinter &printer, const NoticePrintSetup &setup);

    // Opens the print preview of `data` over `over`, on the setup's printer and paper: non-modal (open(), no
    // nested event loop), deleted when closed together with its printer.
    static void preview(QWidget *over, const NoticeData &data, const NoticePrintSetup &setup = {});
    // Prints `data` on the setup's printer and paper without a dialog; false when the printer refused.
    static bool printDirect(const NoticeData &data, const NoticePrintSetup &setup);

    // The notices of a case just decided (its decision's; a 告知承诺书 too when a material was taken on
    // commitment) as PDFs in `dir`, each also printed when the hall prints confirmed decisions directly.
    static WrittenNotices writeForDecision(storage::Database &db, const QString &localId,
                                           const QString &decision, bool withCommitment, const QString &dir,
                                           const QString &hallName, const QString &clerkName);

    // Tests (no CUPS, no printer): every printer WindowDesk opens writes a PDF into `dir` instead
    // (<n>-<kind slug>.pdf, n counting from 1); empty: real printers again.
    static void setPrinterOutputDirectoryForTests(const QString &dir);
};

} // namespace windowdesk::intake
