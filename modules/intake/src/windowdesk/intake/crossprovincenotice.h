#pragma once
// The two papers of a 跨省通办 receipt (issue 16, "收受分离"): the 接收回执 the applicant takes home and the
// 移交清单 that travels with the file to the other province's authority (the materials as that province
// lists them, copies and form, the handover method and tracking number). A4, drawn with QPainter like the
// case notices, with a zint QR code of the receipt's reference; personal data masked as on the case notices.
#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/core/result.h>

#include <QString>

class QPainter;
class QPagedPaintDevice;

namespace windowdesk::intake {

enum class CrossProvinceDocument { Receipt, HandoverList };

struct CrossProvinceNoticeData {
    cases::CrossProvinceReceipt receipt;
    QString hallName;
    QString clerkName;
};

class CrossProvinceNotice {
public:
    static QString title(CrossProvinceDocument doc);
    static QString fileSlug(CrossProvinceDocument doc); // xp-receipt, xp-handover
    // What the QR code carries: the platform's receipt number once known, else the local id.
    static QString reference(const cases::CrossProvinceReceipt &r);
    static void paint(QPainter &painter, QPagedPaintDevice &device, CrossProvinceDocument doc,
                      const CrossProvinceNoticeData &data);
    static Status savePdf(CrossProvinceDocument doc, const CrossProvinceNoticeData &data,
                          const QString &path);
    // Both papers into `dir` as <local id>-<slug>.pdf; returns their paths (the receipt first).
    static Result<QStringList> saveBoth(const CrossProvinceNoticeData &data, const QString &dir);
};

} // namespace windowdesk::intake
