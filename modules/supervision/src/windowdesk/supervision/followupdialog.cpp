#include "followupdialog.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/ui/messagebar.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

QList<std::pair<QString, QString>> FollowupDialog::findings() {
    return {
        {u"clerk_error"_s, tr("Clerk error")},
        {u"back_office_delay"_s, tr("Back-office delay")},
        {u"applicant_delay"_s, tr("Applicant delay")},
        {u"system_fault"_s, tr("System fault")},
        {u"other"_s, tr("Other")},
    };
}

QString FollowupDialog::findingLabel(const QString &code) {
    for (const auto &[c, label] : findings())
        if (c == code)
            return label;
    return code;
}

FollowupDialog::FollowupDialog(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                               storage::User user, QString caseLocalId, QString card,
                               const QString &caseTitle, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_user(std::move(user))
    , m_caseLocalId(std::move(caseLocalId))
    , m_card(std::move(card)) {
    setObjectName(u"followupDialog"_s);
    setWindowTitle(m_card == u"red"_s ? tr("Red card follow-up") : tr("Yellow card follow-up"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(caseTitle, this);
    title->setObjectName(u"followupCase"_s);
    layout->addWidget(title);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"followupMessage"_s);
    layout->addWidget(m_message);

    auto *form = new QFormLayout;
    m_finding = new QComboBox(this);
    m_finding->setObjectName(u"followupFinding"_s);
    m_finding->addItem(tr("— choose the finding —"), QString());
    for (const auto &[code, label] : findings())
        m_finding->addItem(label, code);
    form->addRow(tr("&Finding"), m_finding);
    m_action = new QLineEdit(this);
    m_action->setObjectName(u"followupAction"_s);
    m_action->setPlaceholderText(tr("What was done, e.g. urged the department to decide by Friday"));
    form->addRow(tr("&Action"), m_action);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"followupNote"_s);
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(90);
    form->addRow(tr("&Note"), m_note);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"followupSave"_s);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save (Ctrl+Return)"));
    buttons->button(QDialogButtonBox::Save)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &FollowupDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    auto *hint = new QLabel(tr("Type the first letters to pick a finding · Tab: next field · Ctrl+Return: "
                               "save · Esc: cancel"),
                            this);
    hint->setObjectName(u"followupHint"_s);
    layout->addWidget(hint);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *sc = new QShortcut(key, this);
        sc->setContext(Qt::WindowShortcut);
        connect(sc, &QShortcut::activated, this, &FollowupDialog::save);
    }
    m_finding->setFocus();
}

void FollowupDialog::save() {
    cases::FollowupInput in;
    in.caseLocalId = m_caseLocalId;
    in.card = m_card;
    in.finding = m_finding->currentData().toString();
    in.action = m_action->text();
    in.note = m_note->toPlainText();
    // The specific message for what the supervisor can fix here; the service checks the same again.
    if (in.finding.isEmpty()) {
        m_message->showError(tr("Choose the finding."));
        m_finding->setFocus();
        return;
    }
    if (in.action.trimmed().isEmpty()) {
        m_message->showError(tr("Write the action taken."));
        m_action->setFocus();
        return;
    }
    auto saved = cases::CaseFollowupService(m_db, m_clock, m_audit).record(m_user.roles, m_user.id, in);
    if (!saved.ok()) {
        m_message->showError(saved.error().code == u"forbidden"_s
                                 ? tr("Only supervisors record follow-ups.")
                                 : tr("The follow-up was not saved: %1").arg(saved.error().message));
        return;
    }
    m_notice = cases::platformApiSupport(m_db, m_clock) == cases::PlatformApiSupport::Unsupported
                   ? tr("Follow-up saved on this computer. The platform does not support follow-ups yet "
                        "(platform 1.0); it is sent after a login to a 1.1 platform.")
                   : tr("Follow-up saved; it is sent to the platform with the next sync.");
    accept();
}

} // namespace windowdesk::supervision
