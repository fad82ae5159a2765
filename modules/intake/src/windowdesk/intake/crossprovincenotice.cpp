#include "crossprovincenotice.h"

#include "noticepageflow.h"
#include "noticerenderer.h"

#include <windowdesk/core/clock.h>

#include <QDir>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
QString handoverText(const cases::CrossProvinceReceipt &r) {
    const QString method = r.handoverMethod == u"post"_s ? u"邮寄"_s : u"平台流转"_s;
    return r.trackingNo.isEmpty() ? method : u"%1（快递单号：%2）"_s.arg(method, r.trackingNo);
}

void paintHeader(NoticePageFlow &s, CrossProvinceDocument doc, const CrossProvinceNoticeData &d) {
    const QRectF qr(s.right() - s.mm(28), s.mm(14), s.mm(28), s.mm(28));
    NoticeRenderer::drawQrCode(s.painter(), qr, CrossProvinceNotice::reference(d.receipt));
    s.setY(s.mm(18));
    s.text(d.hallName, 14, Qt::AlignHCenter, true);
    s.space(2);
    s.text(CrossProvinceNotice::title(doc), 22, Qt::AlignHCenter, true);
    s.space(3);
    const QString ref = d.receipt.receiptNo.isEmpty() ? u"收件编号（本地）："_s + d.receipt.localId
                                                      : u"收件编号："_s + d.receipt.receiptNo;
    s.text(ref, 10, Qt::AlignRight);
    s.setY(std::max(s.y(), qr.bottom()) + s.mm(4));
}

void paintParties(NoticePageFlow &s, const CrossProvinceNoticeData &d) {
    const cases::CrossProvinceReceipt &r = d.receipt;
    const QString who = r.entityName.isEmpty() ? r.applicantName : r.entityName;
    s.text(u"申请人：%1"_s.arg(who), 12);
    if (!r.entityName.isEmpty())
        s.text(u"经办人：%1"_s.arg(r.applicantName), 12);
    s.text(u"证件号码：%1"_s.arg(r.applicantIdMasked), 12);
    if (!r.applicantPhoneMasked.isEmpty())
        s.text(u"联系电话：%1"_s.arg(r.applicantPhoneMasked), 12);
    s.text(u"受理地：%1（行政区划代码 %2）"_s.arg(r.targetRegionName, r.targetRegion), 12);
    s.text(u"受理部门：%1"_s.arg(r.targetAuthority), 12);
    s.text(r.itemCode.isEmpty() ? u"办理事项：%1"_s.arg(r.itemName)
                                : u"办理事项：%1（%2）"_s.arg(r.itemName, r.itemCode),
           12);
}

void paintMaterials(NoticePageFlow &s, const cases::CrossProvinceReceipt &r) {
    s.space(3);
    s.text(u"申请材料（按受理地清单核对）："_s, 12, Qt::AlignLeft, true);
    s.space(1);
    const QList<double> w{14, 96, 20, 30};
    s.row(w, {u"序号"_s, u"材料名称"_s, u"份数"_s, u"形式"_s}, 10.5, true);
    int n = 1;
    int copies = 0;
    for (const auto &m : r.materials) {
        s.row(w,
              {QString::number(n++), m.name, u"%1 份"_s.arg(m.copies),
               m.form == u"electronic"_s ? u"电子"_s : u"纸质"_s},
              10.5, false);
        copies += m.copies;
    }
    s.space(1);
    s.text(u"共 %1 项材料，%2 份。"_s.arg(r.materials.size()).arg(copies), 11);
}

void paintSignatures(NoticePageFlow &s, const CrossProvinceNoticeData &d, const QString &left,
                     const QString &right) {
    const QDate day =
        QDateTime::fromString(d.receipt.createdAt, Qt::ISODate).toTimeZone(Clock::chinaStandardTime()).date();
    s.space(10);
    s.text(u"%1：__________        %2：%3（窗口 %4）"_s.arg(left, right, d.clerkName, d.receipt.windowNo),
           12);
    s.space(2);
    s.text(d.hallName + u"    "_s + noticeDate(day), 12, Qt::AlignRight);
}
} // namespace

QString CrossProvinceNotice::title(CrossProvinceDocument doc) {
    return doc == CrossProvinceDocument::Receipt ? u"跨省通办接收回执"_s : u"跨省通办材料移交清单"_s;
}

QString CrossProvinceNotice::fileSlug(CrossProvinceDocument doc) {
    return doc == CrossProvinceDocument::Receipt ? u"xp-receipt"_s : u"xp-handover"_s;
}

QString CrossProvinceNotice::reference(const cases::CrossProvinceReceipt &r) {
    return r.receiptNo.isEmpty() ? u"WDXP:"_s + r.localId : r.receiptNo;
}

void CrossProvinceNotice::paint(QPainter &painter, QPagedPaintDevice &device, CrossProvinceDocument doc,
                                const CrossProvinceNoticeData &d) {
    NoticePageFlow s(painter, device);
    const cases::CrossProvinceReceipt &r = d.receipt;
    paintHeader(s, doc, d);
    if (doc == CrossProvinceDocument::Receipt) {
        paintParties(s, d);
        paintMaterials(s, r);
        s.space(4);
        s.text(u"本窗口已按受理地要求接收您的申请材料，将于 %1 前移交受理地受理部门（%2）。受理地作出的受理"
               u"决定和办理结果将通过本窗口告知您，您也可凭本回执向本窗口查询。"_s.arg(
                   noticeDate(r.forwardDue), handoverText(r)),
               12);
        paintSignatures(s, d, u"申请人签字"_s, u"收件人"_s);
    } else {
        s.text(u"致：%1"_s.arg(r.targetAuthority), 12, Qt::AlignLeft, true);
        s.space(2);
        paintParties(s, d);
        paintMaterials(s, r);
        s.space(3);
        s.text(u"移交方式：%1"_s.arg(handoverText(r)), 12);
        s.text(u"应移交日期：%1（收件后一个工作日内）"_s.arg(noticeDate(r.forwardDue)), 12);
        paintSignatures(s, d, u"接收人签字"_s, u"移交人"_s);
    }
}

Status CrossProvinceNotice::savePdf(CrossProvinceDocument doc, const CrossProvinceNoticeData &data,
                                    const QString &path) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setTitle(title(doc) + u" "_s + reference(data.receipt));
    writer.setCreator(u"WindowDesk"_s);
    QPainter p;
    if (!p.begin(&writer))
        return Status::failure(u"pdf_failed"_s, u"cannot write %1"_s.arg(path));
    paint(p, writer, doc, data);
    if (!p.end())
        return Status::failure(u"pdf_failed"_s, u"cannot write %1"_s.arg(path));
    return {};
}

Result<QStringList> CrossProvinceNotice::saveBoth(const CrossProvinceNoticeData &data, const QString &dir) {
    QStringList paths;
    for (CrossProvinceDocument doc : {CrossProvinceDocument::Receipt, CrossProvinceDocument::HandoverList}) {
        const QString path = QDir(dir).filePath(u"%1-%2.pdf"_s.arg(data.receipt.localId, fileSlug(doc)));
        if (Status st = savePdf(doc, data, path); !st.ok())
            return st.error();
        paths.append(path);
    }
    return paths;
}

} // namespace windowdesk::intake
