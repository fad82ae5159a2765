#include "revealdialog.h"

#include <windowdesk/cases/applicantreveal.h>
#include <windowdesk/ui/messagebar.h>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

RevealDialog::RevealDialog(storage::Database &db, storage::AuditLog *audit, storage::User user,
                           QString caseLocalId, const QString &caseTitle, const QString &masked,
                           QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_audit(audit)
    , m_user(std::move(user))
    , m_caseLocalId(std::move(caseLocalId)) {
    setObjectName(u"revealDialog"_s);
    setWindowTitle(tr("Show the applicant's full data"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(caseTitle, this);
    title->setObjectName(u"revealCase"_s);
    layout->addWidget(title);
    auto *maskedLine = new QLabel(masked, this);
    maskedLine->setObjectName(u"revealMasked"_s);
    layout->addWidget(maskedLine);
    auto *why = new QLabel(tr("Showing the full id number and phone needs a reason; the reason and who saw "
                              "them are written to the audit log."),
                           this);
    why->setWordWrap(true);
    layout->addWidget(why);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"revealMessage"_s);
    layout->addWidget(m_message);

    auto *form = new QFormLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"revealReason"_s);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("e.g. the applicant phoned and the case must be confirmed"));
    form->addRow(tr("&Reason"), m_reason);
    m_idNumber = new QLabel(this);
    m_idNumber->setObjectName(u"revealIdNumber"_s);
    m_idNumber->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_phone = new QLabel(this);
    m_phone->setObjectName(u"revealPhone"_s);
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    form->addRow(tr("Id number"), m_idNumber);
    form->addRow(tr("Phone"), m_phone);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_revealButton = buttons->addButton(tr("Show (Enter)"), QDialogButtonBox::ActionRole);
    m_revealButton->setObjectName(u"revealShow"_s);
    m_revealButton->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_revealButton, &QPushButton::clicked, this, &RevealDialog::reveal);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    auto *hint = new QLabel(tr("Type the reason · Enter: show · Esc: close"), this);
    hint->setObjectName(u"revealHint"_s);
    layout->addWidget(hint);

    connect(m_reason, &QLineEdit::returnPressed, this, &RevealDialog::reveal);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *sc = new QShortcut(key, this);
        sc->setContext(Qt::WindowShortcut);
        connect(sc, &QShortcut::activated, this, &RevealDialog::reveal);
    }
    m_reason->setFocus();
}

void RevealDialog::reveal() {
    if (m_revealed)
        return;
    auto r = cases::ApplicantReveal(m_db, m_audit)
                 .reveal(m_user.roles, m_user.id, m_caseLocalId, m_reason->text());
    if (!r.ok()) {
        m_message->showError(r.error().message); // the service's Chinese text says what to do
        m_reason->setFocus();
        return;
    }
    m_revealed = true;
    const cases::RevealedApplicant &a = r.value();
    m_idNumber->setText(a.idNumber.isEmpty() ? tr("(none)") : a.idNumber); // an entity: its representative's
    m_phone->setText(a.phone.isEmpty() ? tr("(none)") : a.phone);
    m_reason->setReadOnly(true);
    m_revealButton->setEnabled(false);
    m_message->showInfo(tr("Shown and written to the audit log. Close with Esc: the list stays masked."));
}

} // namespace windowdesk::supervision
