#pragma once
// The printed notices of a case (受理回执, 申请材料补正告知书, 不予受理通知书, 告知承诺书, 送达回执): A4,
// the usual government notice layout, drawn with QPainter so the same code fills a PDF and a printer.
// Everything the clerk typed is drawn as plain text.
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

enum class NoticeKind { Acceptance, Correction, Rejection, Commitment, Delivery };

struct NoticeMaterialLine {
    QString name;
    QString status; // paper | electronic | commitment | missing
    QString reason;
    int copies = 1;
    QString licenseId;
    bool required = true;
};

struct NoticeData {
    NoticeKind kind = NoticeKind::Acceptance;
    QString hallName;
    QString windowNo;
    QString clerkName;
    QString caseRef; // the platform's case_no, or the local id until it is assigned
    bool caseRefIsLocal = true;
    QString matterName; // item name, or the bundle name
    QStringList itemNames;
    QString applicantName;
    QString applicantIdMasked;
    QString applicantPhoneMasked;
    QString entityName;
    QString uscc;
    QList<NoticeMaterialLine> materials;
    QDate acceptedDate;
    QDateTime decidedAt; // UTC
    int promisedDays = 0;
    int legalDays = 0;
    QDate promisedDue;
    QDate legalDue;
    bool dueProvisional = false;
    QString decisionReason;
    QString decisionBasis;
    QString result;    // what the case produces (送达回执)
    QString eventNote; // delivery way / note (送达回执)
    QDateTime eventAt; // UTC (送达回执)
};

class NoticeRenderer {
public:
    static QString title(NoticeKind kind);
    static QString fileSlug(NoticeKind kind); // acceptance, correction, rejection, commitment, delivery
    static QString statusLabel(const QString &materialStatus);

    // Draws the notice on `device` through `painter` (pages added as needed).
    static void paint(QPainter &painter, QPagedPaintDevice &device, const NoticeData &data);
    static Status savePdf(const NoticeData &data, const QString &path);
    static void print(QPrinter &printer, const NoticeData &data);
    // The QR code of `text` drawn from zint's vector output into `target` (sharp at any resolution).
    static bool drawQrCode(QPainter &painter, const QRectF &target, const QString &text);

    // A case as stored (masked personal data, item names of the versions it was accepted under).
    static Result<NoticeData> loadCase(storage::Database &db, const QString &localId, NoticeKind kind,
                                       const QString &hallName, const QString &clerkName);
};

} // namespace windowdesk::intake
