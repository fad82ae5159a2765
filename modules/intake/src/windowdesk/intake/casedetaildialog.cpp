#include "casedetaildialog.h"
#include "noticerenderer.h"

#include <windowdesk/cases/caseservice.h>
#include <windowdesk/core/timeformat.h>

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {
namespace {
constexpr int kRoleKind = Qt::UserRole;

QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml) {
    return u"<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">%1</th><td>%2</td></tr>"_s
        .arg(esc(label), valueHtml);
}
} // namespace

QString CaseDetailDialog::eventLabel(const QString &type) {
    if (type == u"created"_s)
        return tr("Decision recorded");
    if (type == u"delivered"_s)
        return tr("Delivered");
    if (type == u"withdrawn"_s)
        return tr("Withdrawn");
    if (type == u"suspended"_s)
        return tr("Suspended");
    if (type == u"resumed"_s)
        return tr("Resumed");
    if (type == u"status_changed"_s)
        return tr("Status changed");
    if (type == u"red_card_followup"_s)
        return tr("Red-card follow-up");
    return type;
}

CaseDetailDialog::CaseDetailDialog(const cases::CaseDetail &detail, core::CardColour card, QWidget *parent)
    : QDialog(parent)
    , m_detail(detail) {
    setObjectName(u"caseDetailDialog"_s);
    setWindowTitle(tr("Case %1").arg(m_detail.notice.caseRef));
    auto *layout = new QVBoxLayout(this);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(u"caseDetailText"_s);
    m_text->setHtml(html(card));
    layout->addWidget(m_text, 1);
    auto *noticesLabel = new QLabel(tr("Notices (Enter prints the chosen one again):"), this);
    layout->addWidget(noticesLabel);
    m_notices = new QListWidget(this);
    m_notices->setObjectName(u"caseDetailNotices"_s);
    m_notices->setAccessibleName(tr("Notices"));
    noticesLabel->setBuddy(m_notices);
    for (cases::NoticeKind k : m_detail.notices) {
        auto *it = new QListWidgetItem(NoticeRenderer::title(k), m_notices);
        it->setData(kRoleKind, int(k));
    }
    m_notices->setCurrentRow(0);
    m_notices->setMaximumHeight(m_notices->sizeHintForRow(0) * 4 + 2 * m_notices->frameWidth() + 4);
    connect(m_notices, &QListWidget::itemActivated, this, &CaseDetailDialog::requestPrint);
    layout->addWidget(m_notices);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *print = buttons->addButton(tr("Print again"), QDialogButtonBox::ActionRole);
    print->setObjectName(u"caseDetailPrint"_s);
    print->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(print, &QPushButton::clicked, this, &CaseDetailDialog::requestPrint);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 640);
    m_notices->setFocus(); // Up/Down choose a notice, Enter prints it, Esc closes
}

void CaseDetailDialog::requestPrint() {
    if (const QListWidgetItem *it = m_notices->currentItem())
        emit printRequested(m_detail.localId, cases::NoticeKind(it->data(kRoleKind).toInt()));
}

QString CaseDetailDialog::html(core::CardColour card) const {
    const cases::NoticeData &n = m_detail.notice;
    QString h = u"<h2>%1</h2><p>%2</p><table>"_s.arg(
        esc(n.matterName),
        esc(n.caseRefIsLocal ? tr("Local case %1 (no case number from the platform yet)").arg(n.caseRef)
                             : tr("Case number %1").arg(n.caseRef)));
    h += row(tr("Status"), esc(cases::CaseService::statusLabel(m_detail.status)));
    h += row(tr("Decision"), esc(cases::CaseService::decisionLabel(m_detail.decision)));
    h += row(tr("Decided at"), esc(core::displayTime(m_detail.createdAt)));
    if (!m_detail.ticketNo.isEmpty())
        h += row(tr("Ticket"), esc(m_detail.ticketNo));
    if (!n.decisionReason.isEmpty())
        h += row(tr("Reason"), esc(n.decisionReason));
    if (!n.decisionBasis.isEmpty())
        h += row(tr("Legal basis"), esc(n.decisionBasis));
    h += u"</table><h3>%1</h3><table>"_s.arg(esc(tr("Applicant")));
    if (!n.entityName.isEmpty()) {
        h += row(tr("Entity name"), esc(n.entityName));
        h += row(tr("Unified social credit code"), esc(n.uscc));
    }
    h += row(n.entityName.isEmpty() ? tr("Name") : tr("Legal representative"), esc(n.applicantName));
    h += row(tr("ID number"), esc(n.applicantIdMasked));
    h += row(tr("Phone"), esc(n.applicantPhoneMasked));
    h += u"</table><h3>%1</h3><ol>"_s.arg(esc(tr("Items")));
    for (const QString &item : n.itemNames)
        h += u"<li>%1</li>"_s.arg(esc(item));
    h += u"</ol><h3>%1</h3><ul>"_s.arg(esc(tr("Materials")));
    for (const cases::NoticeMaterialLine &m : n.materials) {
        QString line = u"%1 — %2"_s.arg(esc(m.name), esc(NoticeRenderer::statusLabel(m.status)));
        if (!m.reason.isEmpty())
            line += u" (%1)"_s.arg(esc(m.reason));
        h += u"<li>%1</li>"_s.arg(line);
    }
    h += u"</ul><h3>%1</h3><table>"_s.arg(esc(tr("Due dates")));
    const auto date = [](const QDate &d) {
        return d.isValid() ? d.toString(Qt::ISODate) : u"—"_s;
    };
    h += row(tr("Promised (%n working day(s))", nullptr, n.promisedDays),
             esc(date(n.promisedDue) + (n.dueProvisional ? u"*"_s : QString())));
    h += row(tr("Legal (%n working day(s))", nullptr, n.legalDays), esc(date(n.legalDue)));
    h += row(tr("Card"), esc(card == core::CardColour::None ? u"—"_s : core::cardColourLabel(card)));
    h += u"</table><h3>%1</h3><table>"_s.arg(esc(tr("Events")));
    for (const cases::CaseEventLine &e : m_detail.events)
        h += row(
            core::displayTime(e.at),
            esc(e.reason.isEmpty() ? eventLabel(e.type) : u"%1 — %2"_s.arg(eventLabel(e.type), e.reason)));
    h += u"</table>"_s;
    return h;
}

} // namespace windowdesk::intake
