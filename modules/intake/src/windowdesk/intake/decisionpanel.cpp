#include "decisionpanel.h"
#include "intakewidgets.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
QString displayDate(const std::optional<core::DueDate> &d) {
    if (!d)
        return u"—"_s;
    return d->date.toString(Qt::ISODate) + (d->provisional ? u"*"_s : QString());
}
} // namespace

DecisionPanel::DecisionPanel(cases::IntakeVisit &visit, std::function<DueDates(const Matter &)> dueDates,
                             QWidget *scope, QObject *wheelGuard, QWidget *parent)
    : QGroupBox(tr("Decision"), parent)
    , m_visit(visit)
    , m_dueDates(std::move(dueDates)) {
    setObjectName(u"decisionPanel"_s);
    auto *dl = new QVBoxLayout(this);
    m_decision = new QComboBox(this);
    m_decision->setObjectName(u"decision"_s);
    m_decision->installEventFilter(wheelGuard);
    m_decision->addItem(tr("Accept (受理) — Alt+1"), u"accepted"_s);
    m_decision->addItem(tr("Correction notice (一次性告知补正) — Alt+2"), u"correction_required"_s);
    m_decision->addItem(tr("Refuse (不予受理) — Alt+3"), u"rejected"_s);
    dl->addWidget(m_decision);
    const char *const decisionKeys[] = {ui::shortcut::decisionAccept, ui::shortcut::decisionCorrection,
                                        ui::shortcut::decisionRefuse};
    for (int i = 0; i < 3; ++i)
        scopedShortcut(scope, ui::shortcutKey(decisionKeys[i]),
                       [this, i] { m_decision->setCurrentIndex(i); });
    dl->addWidget(new QLabel(tr("Reason"), this));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(u"decisionReason"_s);
    m_reason->setMaxLength(500);
    dl->addWidget(m_reason);
    dl->addWidget(new QLabel(tr("Legal basis (refusal)"), this));
    m_basis = new QLineEdit(this);
    m_basis->setObjectName(u"decisionBasis"_s);
    m_basis->setMaxLength(500);
    dl->addWidget(m_basis);
    m_dueDatesLabel = new QLabel(this);
    m_dueDatesLabel->setObjectName(u"dueDates"_s);
    m_dueDatesLabel->setTextFormat(Qt::PlainText);
    m_dueDatesLabel->setWordWrap(true);
    dl->addWidget(m_dueDatesLabel);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"decisionProblems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(u"color: #b3261e;"_s);
    dl->addWidget(m_problems);

    auto *confirm = actionButton(this, u"confirmDecisionButton"_s, tr("Confirm decision"),
                                 ui::shortcutKey(ui::shortcut::confirmDecision));
    connect(confirm, &QPushButton::clicked, this, &DecisionPanel::confirmRequested);
    dl->addWidget(confirm);
    for (const QKeySequence &key : ui::shortcutKeys(ui::shortcut::confirmDecision))
        scopedShortcut(scope, key, [this] { Q_EMIT confirmRequested(); });
    auto *print =
        actionButton(this, u"printButton"_s, tr("Print notice"), ui::shortcutKey(ui::shortcut::printNotice));
    connect(print, &QPushButton::clicked, this, &DecisionPanel::printRequested);
    scopedShortcut(scope, ui::shortcutKey(ui::shortcut::printNotice), [this] { Q_EMIT printRequested(); });
    dl->addWidget(print);
    auto *clear =
        actionButton(this, u"newVisitButton"_s, tr("New visit"), ui::shortcutKey(ui::shortcut::newVisit));
    connect(clear, &QPushButton::clicked, this, &DecisionPanel::newVisitRequested);
    scopedShortcut(scope, ui::shortcutKey(ui::shortcut::newVisit), [this] { Q_EMIT newVisitRequested(); });
    dl->addWidget(clear);
    dl->addStretch(1);

    connect(m_decision, &QComboBox::currentIndexChanged, this,
            [this] { m_visit.setDecision(m_decision->currentData().toString()); });
    connect(m_reason, &QLineEdit::textChanged, this, [this] { m_visit.setDecisionReason(m_reason->text()); });
    connect(m_basis, &QLineEdit::textChanged, this, [this] { m_visit.setDecisionBasis(m_basis->text()); });
    connect(&m_visit, &cases::IntakeVisit::decisionChanged, this, &DecisionPanel::showDecision);
    showDecision();
}

void DecisionPanel::showDecision() {
    const int index = std::max(0, m_decision->findData(m_visit.decision()));
    if (m_decision->currentIndex() != index)
        m_decision->setCurrentIndex(index);
    if (m_reason->text() != m_visit.decisionReason())
        m_reason->setText(m_visit.decisionReason());
    if (m_basis->text() != m_visit.decisionBasis())
        m_basis->setText(m_visit.decisionBasis());
}

void DecisionPanel::refresh() {
    const Matter &matter = m_visit.matter();
    if (!matter.isValid()) {
        m_dueDatesLabel->setText(tr("Choose a matter to see the due dates."));
        return;
    }
    const DueDates due = m_dueDates(matter);
    QString text = tr("Promised: %1 working days → %2\nLegal: %3 working days → %4")
                       .arg(due.promisedDays)
                       .arg(displayDate(due.promised))
                       .arg(due.legalDays)
                       .arg(displayDate(due.legal));
    if (due.calendarMissingYear)
        text += u"\n"_s + tr("No working-day calendar for %1: due dates will come from the platform.")
                              .arg(*due.calendarMissingYear);
    if (due.provisional())
        text += u"\n"_s + tr("* provisional calendar");
    m_dueDatesLabel->setText(text);
    const QString decision = m_visit.decision();
    m_reason->setEnabled(!core::is(decision, core::Decision::Accepted));
    m_basis->setEnabled(core::is(decision, core::Decision::Rejected));
}

QWidget *DecisionPanel::editor(const QString &key) const {
    if (key == u"decision_reason"_s)
        return m_reason;
    if (key == u"decision_basis"_s)
        return m_basis;
    return m_decision;
}

QList<QWidget *> DecisionPanel::tabOrder() const {
    return {m_decision, m_reason, m_basis};
}

void DecisionPanel::setProblems(const QString &text) {
    m_problems->setText(text);
}

} // namespace windowdesk::intake
