#pragma once
// What a printed notice of a case says (受理回执, 申请材料补正告知书, 不予受理通知书, 告知承诺书, 送达回执,
// and for an application for government information the 登记回执 instead of the 受理回执): plain values
// loaded from the case (CaseRepository::noticeData), drawn by the intake's NoticeRenderer.
#include <windowdesk/core/casevocabulary.h>

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace windowdesk::cases {

enum class NoticeKind { Acceptance, Correction, Rejection, Commitment, Delivery, DisclosureRegistration };

// The notice a decision issues (受理通知书 / 一次性告知补正通知书 / 不予受理通知书); the one place that says
// so.
inline NoticeKind decisionNoticeKind(core::Decision decision) {
    switch (decision) {
    case core::Decision::Accepted:
        return NoticeKind::Acceptance;
    case core::Decision::CorrectionRequired:
        return NoticeKind::Correction;
    case core::Decision::Rejected:
        break;
    }
    return NoticeKind::Rejection;
}

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
    // 依申请公开 (登记回执): what was asked for and in which form (label, value), from the case's form.
    QList<std::pair<QString, QString>> requestLines;
};

} // namespace windowdesk::cases
