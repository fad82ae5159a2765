#include "noticeoutput.h"

#include <windowdesk/ui/paths.h>

#include <QDir>
#include <QPrintPreviewDialog>
#include <QPrinter>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

NoticeKind NoticeOutput::kindFor(const QString &decision, const QString &caseStatus) {
    if (caseStatus == u"delivered"_s)
        return NoticeKind::Delivery;
    if (decision == u"accepted"_s)
        return NoticeKind::Acceptance;
    if (decision == u"correction_required"_s)
        return NoticeKind::Correction;
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
