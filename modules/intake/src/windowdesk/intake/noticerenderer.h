#pragma once
// The printed notices of a case (受理回执, 申请材料补正告知书, 不予受理通知书, 告知承诺书, 送达回执): A4,
// the usual government notice layout, drawn with QPainter so the same code fills a PDF and a printer.
// Everything the clerk typed is drawn as plain text.
#include <windowdesk/cases/noticedata.h>
#include <windowdesk/core/result.h>

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QPainter;
class QPagedPaintDevice;
class QPrinter;
class QRectF;

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::intake {

using cases::NoticeData;
using cases::NoticeKind;
using cases::NoticeMaterialLine;

class NoticeRenderer {
public:
    static QString title(NoticeKind kind);
    static QString fileSlug(NoticeKind kind); // acceptance, correction, rejection, commitment, delivery
    static QString statusLabel(const QString &materialStatus);

    // Draws the notice on `device` through `painter` (pages added as needed).
    static void paint(QPainter &painter, QPagedPaintDevice &device, const NoticeData &data);
    static Status savePdf(const NoticeData &data, const QString &path);
    // Onto the printer's paper as it is set (NoticeOutput::configure); false when the printer refused.
    static bool print(QPrinter &printer, const NoticeData &data);
    // The QR code of `text` drawn from zint's vector output into `target` (sharp at any resolution).
    static bool drawQrCode(QPainter &painter, const QRectF &target, const QString &text);

    // A case as stored (masked personal data, item names of the versions it was accepted under): the
    // case library's CaseRepository::noticeData.
    static Result<NoticeData> loadCase(storage::Database &db, const QString &localId, NoticeKind kind,
                                       const QString &hallName, const QString &clerkName);
};

} // namespace windowdesk::intake
