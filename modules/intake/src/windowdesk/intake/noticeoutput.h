#pragma once
// The one way a page puts a case's notice out (issue 12): which notice a decision gives, where the PDFs go,
// and the print preview. IntakePage (after a decision, Ctrl+P) and My cases (a chosen case, its detail) use
// it.
#include "noticerenderer.h"

#include <QString>

class QWidget;

namespace windowdesk::intake {

class NoticeOutput {
public:
    // The notice of a case's decision; a delivered case prints its 送达回执.
    static NoticeKind kindFor(const QString &decision, const QString &caseStatus = QString());
    // The notices folder: the configured one, else ui::noticesDirectory(); created when missing.
    static QString directory(const QString &configured);
    // The PDF path of a notice of a case in `dir` (<local id>-<slug>.pdf).
    static QString pdfPath(const QString &dir, const QString &localId, NoticeKind kind);
    // Opens the print preview of `data` over `over`: non-modal (open(), no nested event loop), deleted when
    // closed together with its printer.
    static void preview(QWidget *over, const NoticeData &data);
};

} // namespace windowdesk::intake
