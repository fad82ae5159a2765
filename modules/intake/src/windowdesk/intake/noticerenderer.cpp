#include "noticerenderer.h"
#include "intakelogging.h"
#include "noticepageflow.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTimeZone>

#include <zint.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {

QString applicantLine(const NoticeData &d) {
    if (!d.entityName.isEmpty())
        return d.entityName;
    return d.applicantName;
}

} // namespace

QString NoticeRenderer::title(NoticeKind kind) {
    switch (kind) {
    case NoticeKind::Acceptance:
        return u"受理回执"_s;
    case NoticeKind::Correction:
        return u"申请材料补正告知书"_s;
    case NoticeKind::Rejection:
        return u"不予受理通知书"_s;
    case NoticeKind::Commitment:
        return u"告知承诺书"_s;
    case NoticeKind::Delivery:
        return u"送达回执"_s;
    case NoticeKind::DisclosureRegistration:
        return u"政府信息公开申请登记回执"_s;
    }
    return {};
}

QString NoticeRenderer::fileSlug(NoticeKind kind) {
    switch (kind) {
    case NoticeKind::Acceptance:
        return u"acceptance"_s;
    case NoticeKind::Correction:
        return u"correction"_s;
    case NoticeKind::Rejection:
        return u"rejection"_s;
    case NoticeKind::Commitment:
        return u"commitment"_s;
    case NoticeKind::Delivery:
        return u"delivery"_s;
    case NoticeKind::DisclosureRegistration:
        return u"disclosure_registration"_s;
    }
    return {};
}

QString NoticeRenderer::statusLabel(const QString &s) {
    const auto status = core::materialStatusFromString(s);
    return status ? core::label(*status) : u"未核验"_s;
}

bool NoticeRenderer::drawQrCode(QPainter &painter, const QRectF &target, const QString &text) {
    std::unique_ptr<zint_symbol, decltype(&ZBarcode_Delete)> sym(ZBarcode_Create(), &ZBarcode_Delete);
    if (!sym)
        return false;
    sym->symbology = BARCODE_QRCODE;
    sym->input_mode = UNICODE_MODE;
    sym->option_1 = 2; // error correction M
    sym->scale = 1;
    const QByteArray utf8 = text.toUtf8();
    if (ZBarcode_Encode(sym.get(), reinterpret_cast<const unsigned char *>(utf8.constData()),
                        int(utf8.size())) >= ZINT_ERROR) {
        qCWarning(lcIntake) << "zint encode failed:" << sym->errtxt;
        return false;
    }
    if (ZBarcode_Buffer_Vector(sym.get(), 0) >= ZINT_ERROR || !sym->vector) {
        qCWarning(lcIntake) << "zint vector failed:" << sym->errtxt;
        return false;
    }
    const double w = sym->vector->width, h = sym->vector->height;
    const double s = std::min(target.width() / w, target.height() / h);
    painter.save();
    painter.fillRect(target, Qt::white);
    painter.translate(target.left() + (target.width() - w * s) / 2,
                      target.top() + (target.height() - h * s) / 2);
    painter.scale(s, s);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (auto *r = sym->vector->rectangles; r; r = r->next)
        painter.fillRect(QRectF(r->x, r->y, r->width, r->height), r->colour == 8 ? Qt::white : Qt::black);
    painter.restore();
    return true;
}

namespace {
// The parts of a notice, top to bottom (NoticeRenderer::paint).
void paintHeader(QPainter &p, NoticePageFlow &l, const NoticeData &d) {
    // Header: the QR code of the case reference in the top right corner, then the hall and the title.
    const double qr = l.mm(24);
    const QRectF qrRect(l.left() + l.width() - qr, l.mm(10), qr, qr);
    NoticeRenderer::drawQrCode(p, qrRect, d.caseRef);
    l.setY(l.mm(18));
    l.text(d.hallName, 14, Qt::AlignHCenter, true);
    l.space(2);
    l.text(NoticeRenderer::title(d.kind), 22, Qt::AlignHCenter, true);
    l.space(3);
    l.text((d.caseRefIsLocal ? u"办件编号（本地）："_s : u"办件编号："_s) + d.caseRef, 10, Qt::AlignRight);
    l.setY(std::max(l.y(), qrRect.bottom()) + l.mm(4));
}

// 登记回执 of an application for government information (政府信息公开条例第二十九条、第三十三条): registered,
// what was asked for, and the reply limit — 20 working days, extendable once by 20 with notice to the
// applicant. The purpose is never asked, so never printed.
void paintDisclosureRegistration(NoticePageFlow &l, const NoticeData &d, const QString &date, double body) {
    QString dueText;
    if (d.legalDue.isValid())
        dueText = u"本机关将于%1前（收到申请之日起%2个工作日内）作出答复"_s.arg(noticeDate(d.legalDue))
                      .arg(d.legalDays);
    else
        dueText = u"本机关将自收到申请之日起%1个工作日内作出答复"_s.arg(d.legalDays);
    if (d.dueProvisional)
        dueText += u"（所用工作日历为暂定日历，日期以平台核定为准）"_s;
    l.text(
        u"　　你（单位）于%1提出的政府信息公开申请（%2）已收到并登记。根据《中华人民共和国政府信息公开条例》第三十三条的规定，"_s
                .arg(date, d.matterName) +
            dueText +
            u"；需要延长答复期限的，经政府信息公开工作机构负责人同意，将告知你（单位），延长的期限最长不超过二十个工作日。"_s,
        body);
    if (!d.requestLines.isEmpty()) {
        l.space(2);
        for (const auto &[label, value] : d.requestLines)
            l.text(label + u"："_s + value, body, Qt::AlignLeft, false, 7);
    }
}

// The addressee and the decision's text, by the kind of notice.
void paintDecision(NoticePageFlow &l, const NoticeData &d) {
    const QString who = applicantLine(d);
    const QString items = d.itemNames.join(u"、"_s);
    const QString matter = d.matterName == items || d.itemNames.size() <= 1
                               ? u"“%1”"_s.arg(d.matterName)
                               : u"“%1”（含%2）"_s.arg(d.matterName, items);
    const QString date = noticeDate(d.acceptedDate);
    const double body = 12;
    l.text(who + u"："_s, body, Qt::AlignLeft, true);
    l.space(2);
    switch (d.kind) {
    case NoticeKind::Acceptance: {
        QString dueText;
        if (d.promisedDue.isValid())
            dueText = u"承诺办结时限为%1个工作日，将于%2前办结；法定办结时限为%3个工作日（%4）。"_s
                          .arg(d.promisedDays)
                          .arg(noticeDate(d.promisedDue))
                          .arg(d.legalDays)
                          .arg(noticeDate(d.legalDue));
        else
            dueText = u"承诺办结时限为%1个工作日，法定办结时限为%2个工作日，办结日期以平台核定为准。"_s
                          .arg(d.promisedDays)
                          .arg(d.legalDays);
        if (d.dueProvisional)
            dueText += u"（所用工作日历为暂定日历，日期以平台核定为准。）"_s;
        l.text(
            u"　　你（单位）于%1提交的%2申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。"_s.arg(
                date, matter) +
                dueText,
            body);
        break;
    }
    case NoticeKind::Correction:
        l.text(
            u"　　你（单位）于%1提交的%2申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你（单位）需要补正的全部内容如下："_s
                .arg(date, matter),
            body);
        break;
    case NoticeKind::Rejection:
        l.text(u"　　你（单位）于%1提交的%2申请，经审查，决定不予受理。"_s.arg(date, matter), body);
        l.space(2);
        l.text(u"不予受理理由："_s + d.decisionReason, body, Qt::AlignLeft, false, 7);
        l.text(u"法律依据："_s + d.decisionBasis, body, Qt::AlignLeft, false, 7);
        l.space(2);
        l.text(
            u"　　如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。"_s,
            body);
        break;
    case NoticeKind::Commitment:
        l.text(
            u"　　本人（单位）申请办理%1，对下列材料实行告知承诺制。本人（单位）已知晓行政机关告知的全部条件和要求，承诺所填写的信息和提交的材料真实、准确、完整，能够满足告知的条件和要求，并愿意承担不实承诺的法律责任。承诺的材料将在规定期限内补交或者接受核查。"_s
                .arg(matter),
            body);
        break;
    case NoticeKind::Delivery:
        l.text(u"　　你（单位）申请的%1（办件编号%2）已办理完结，现将办理结果送达。"_s.arg(matter, d.caseRef),
               body);
        l.space(2);
        l.text(u"送达文书：%1"_s.arg(d.result.isEmpty() ? u"办理结果"_s : d.result), body, Qt::AlignLeft,
               false, 7);
        l.text(u"送达方式：%1"_s.arg(d.eventNote.isEmpty() ? u"窗口领取"_s : d.eventNote), body,
               Qt::AlignLeft, false, 7);
        l.text(u"送达时间：%1"_s.arg(
                   d.eventAt.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy年M月d日 HH:mm"_s)),
               body, Qt::AlignLeft, false, 7);
        break;
    case NoticeKind::DisclosureRegistration:
        paintDisclosureRegistration(l, d, date, body);
        break;
    }
    l.space(4);
}

void paintApplicant(NoticePageFlow &l, const NoticeData &d) {
    // The applicant (id and phone masked).
    QStringList who2;
    if (!d.entityName.isEmpty())
        who2 << u"申请单位：%1　统一社会信用代码：%2"_s.arg(d.entityName, d.uscc);
    who2 << u"%1：%2　证件号码：%3"_s.arg(d.entityName.isEmpty() ? u"申请人"_s : u"法定代表人"_s,
                                          d.applicantName, d.applicantIdMasked);
    if (!d.applicantPhoneMasked.isEmpty())
        who2 << u"联系电话：%1"_s.arg(d.applicantPhoneMasked);
    for (const auto &s : who2)
        l.text(s, 11);
    l.space(3);
}

void paintMaterials(NoticePageFlow &l, const NoticeData &d) {
    // Materials.
    QList<NoticeMaterialLine> lines;
    for (const auto &m : d.materials) {
        // An optional material the applicant did not need is not part of any notice.
        if (core::is(m.status, core::MaterialStatus::Missing) && !m.required && m.reason.isEmpty())
            continue;
        if (d.kind == NoticeKind::Correction && !core::is(m.status, core::MaterialStatus::Missing) &&
            m.reason.isEmpty())
            continue; // the correction notice lists what must be supplied or corrected
        if (d.kind == NoticeKind::Commitment && !core::is(m.status, core::MaterialStatus::Commitment))
            continue;
        lines.append(m);
    }
    if (d.kind != NoticeKind::Delivery && !lines.isEmpty()) {
        const QString heading = d.kind == NoticeKind::Correction   ? u"需补正的材料"_s
                                : d.kind == NoticeKind::Commitment ? u"承诺的材料"_s
                                                                   : u"申请材料"_s;
        l.text(heading, 12, Qt::AlignLeft, true);
        l.space(1.5);
        const double total = l.width() / l.mm(1);
        const QList<double> widths{12, total - 12 - 26 - 14 - 50, 26, 14, 50};
        const QString lastHeader = d.kind == NoticeKind::Correction ? u"补正要求"_s : u"说明"_s;
        l.row(widths, {u"序号"_s, u"材料名称"_s, u"状态"_s, u"份数"_s, lastHeader}, 10, true);
        int n = 1;
        for (const auto &m : lines) {
            QString note = m.reason;
            if (core::is(m.status, core::MaterialStatus::Electronic) && !m.licenseId.isEmpty())
                note = note.isEmpty() ? u"证照 "_s + m.licenseId : note;
            l.row(widths,
                  {QString::number(n++), m.name, NoticeRenderer::statusLabel(m.status),
                   QString::number(m.copies), note},
                  10, false);
        }
        l.space(3);
    }
    if (d.kind == NoticeKind::Correction && !d.decisionReason.isEmpty()) {
        l.text(u"补正说明："_s + d.decisionReason, 11);
        l.space(2);
        l.text(
            u"　　请按上述要求一次性补正后重新提交。补正材料齐全、符合法定形式的，自收到全部补正材料之日起受理。"_s,
            11);
        l.space(3);
    }
}

void paintFooter(NoticePageFlow &l, const NoticeData &d) {
    // Footer: window, clerk, date, signatures.
    l.ensure(l.mm(40));
    l.space(4);
    l.text(u"受理窗口：%1　　经办人：%2"_s.arg(d.windowNo, d.clerkName), 11);
    const QDate issued =
        d.decidedAt.isValid() ? d.decidedAt.toTimeZone(Clock::chinaStandardTime()).date() : d.acceptedDate;
    l.space(6);
    const QString sign = d.kind == NoticeKind::Commitment ? u"承诺人（签字/盖章）："_s
                         : d.kind == NoticeKind::Delivery ? u"受送达人（签收）："_s
                                                          : u"申请人（签收）："_s;
    l.text(sign + u"____________"_s, 11);
    l.space(6);
    l.text(d.hallName, 11, Qt::AlignRight);
    l.text(u"（盖章）"_s, 11, Qt::AlignRight);
    l.text(noticeDate(issued), 11, Qt::AlignRight);
}
} // namespace

void NoticeRenderer::paint(QPainter &p, QPagedPaintDevice &dev, const NoticeData &d) {
    NoticePageFlow l(p, dev);
    p.setPen(Qt::black);
    paintHeader(p, l, d);
    paintDecision(l, d);
    paintApplicant(l, d);
    paintMaterials(l, d);
    paintFooter(l, d);
}

Status NoticeRenderer::savePdf(const NoticeData &data, const QString &path) {
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    writer.setTitle(title(data.kind) + u" "_s + data.caseRef);
    writer.setCreator(u"WindowDesk"_s);
    QPainter p;
    if (!p.begin(&writer))
        return Status::failure(u"pdf_failed"_s, u"cannot write %1"_s.arg(path));
    paint(p, writer, data);
    if (!p.end())
        return Status::failure(u"pdf_failed"_s, u"cannot write %1"_s.arg(path));
    return {};
}

bool NoticeRenderer::print(QPrinter &printer, const NoticeData &data) {
    // The paper is the printer's as set up for this kind (NoticeOutput::configure; A4 unless the hall chose
    // another): the layout follows the page's width.
    printer.setFullPage(true);
    QPainter p;
    if (!p.begin(&printer))
        return false;
    paint(p, printer, data);
    return p.end();
}

Result<NoticeData> NoticeRenderer::loadCase(storage::Database &db, const QString &localId, NoticeKind kind,
                                            const QString &hallName, const QString &clerkName) {
    return cases::CaseRepository(db).noticeData(localId, kind, hallName, clerkName);
}

} // namespace windowdesk::intake
