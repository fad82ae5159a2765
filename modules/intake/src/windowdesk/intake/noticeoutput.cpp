#include "noticeoutput.h"
#include <windowdesk/core/casevocabulary.h>

#include <windowdesk/ui/paths.h>

#include <QDir>
#include <QPrintPreviewDialog>
#include <QPrinter>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

NoticeKind NoticeOutput::kindFor(const QString &decision, const QString &caseStatus) {
    if (core::caseStatusFromString(caseStatus) == core::CaseStatus::Delivered)
        return NoticeKind::Delivery;
    switch (core::decisionFromString(decision).value_or(core::Decision::Rejected)) {
    case core::Decision::Accepted:
        return NoticeKind::Acceptance;
    case core::Decision::CorrectionRequired:
        return NoticeKind::Correction;
    case core::Decision::Rejected:
        break;
    }
    return NoticeKind::Rejection;
}

QString NoticeOutput::directory(const QString &configured) {
    const QString dir = configured.isEmpty() ? ui::noticesDirectory() : configured;
    QDir().mkpath(dir);
    return dir;
}

QString NoticeOutput::pdfPath(const QString &dir, const QString &localId, NoticeKind kind) {
    return u"%1/%2-%3.pdf"_s.arg(dir, localId, NoticeRenderer::fileSlug(kind));
}

void NoticeOutput::preview(QWidget *over, const NoticeData &data) {
    auto *printer = new QPrinter(QPrinter::HighResolution);
    auto *dialog = new QPrintPreviewDialog(printer, over);
    dialog->setObjectName(u"printPreview"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
                     [data](QPrinter *p) { NoticeRenderer::print(*p, data); });
    QObject::connect(dialog, &QObject::destroyed, [printer] { delete printer; });
    dialog->open();
}

} // namespace windowdesk::intake
