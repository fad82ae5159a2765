#include "checksdialog.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/ui/dutyshortcuts.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

ChecksDialog::ChecksDialog(IntakeContext &context, QWidget *parent)
    : QDialog(parent)
    , m_ctx(context)
    , m_service(*context.db, *context.clock, context.audit, context.window.clerkId)
    , m_list(new QTableView(this))
    , m_outcome(new QComboBox(this))
    , m_consequence(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_message(new ui::MessageBar(this)) {
    setObjectName(u"checksDialog"_s);
    setWindowTitle(tr("Post-checks of commitments"));
    m_list->setObjectName(u"checksList"_s);
    m_list->setModel(&m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("The hall's post-checks"));
    m_outcome->setObjectName(u"checkOutcome"_s);
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItem(tr("(choose)"), QString());
    for (core::CheckState s :
         {core::CheckState::Confirmed, core::CheckState::FalseCommitment, core::CheckState::Unable})
        m_outcome->addItem(core::label(s), core::toString(s));
    m_consequence->setObjectName(u"checkConsequence"_s);
    m_consequence->setAccessibleName(tr("Consequence"));
    m_consequence->addItem(tr("(none)"), QString());
    for (core::CheckConsequence c : {core::CheckConsequence::OrderFix, core::CheckConsequence::Revoke})
        m_consequence->addItem(core::label(c), core::toString(c));
    m_note->setObjectName(u"checkNote"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(80);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &ChecksDialog::outcomeChanged);

    auto *form = new QFormLayout;
    const QList<std::pair<QString, QWidget *>> rows{
        {u"outcome"_s, m_outcome}, {u"consequence"_s, m_consequence}, {u"note"_s, m_note}};
    const QStringList labels{tr("&Outcome:"), tr("Conse&quence:"), tr("&Note:")};
    auto *checkProblem = new QLabel(this);
    checkProblem->setObjectName(u"checkProblem_check"_s);
    checkProblem->setStyleSheet(u"color: #b00020;"_s);
    checkProblem->hide();
    m_problemLabels.insert(u"check"_s, checkProblem);
    form->addRow(checkProblem);
    for (int i = 0; i < rows.size(); ++i) {
        auto *cell = new QWidget(this);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(rows[i].second);
        auto *problem = new QLabel(cell);
        problem->setObjectName(u"checkProblem_"_s + rows[i].first);
        problem->setStyleSheet(u"color: #b00020;"_s);
        problem->setWordWrap(true);
        problem->hide();
        v->addWidget(problem);
        m_problemLabels.insert(rows[i].first, problem);
        auto *label = new QLabel(labels[i], this);
        label->setBuddy(rows[i].second);
        form->addRow(label, cell);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(ui::withShortcut(tr("Record the outcome"), ui::shortcut::confirmDecision));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"checkRecord"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence &k : ui::shortcutKeys(ui::shortcut::confirmDecision)) {
        auto *s = new QShortcut(k, this);
        connect(s, &QShortcut::activated, this, [this] { submit(); });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(900, 620);
    reload();
    outcomeChanged();
    // 409 state_conflict: the clerk learns it here, in plain words; nothing of theirs was thrown away.
    if (const int refused = m_model.conflictCount(); refused > 0)
        m_message->showWarning(tr("%n check(s) had their outcome on the platform already when ours arrived: "
                                  "ours was not taken and is kept here (see the outcome and note columns).",
                                  nullptr, refused));
    m_list->setFocus();
}

void ChecksDialog::reload() {
    const QString selected = m_list->currentIndex().data(cases::ChecksModel::CheckIdRole).toString();
    auto rows = m_service.list(m_ctx.clock->nowUtc());
    if (!rows.ok()) {
        m_message->showError(rows.error().message);
        return;
    }
    m_model.setRows(rows.value());
    m_list->resizeColumnsToContents();
    int row = 0;
    for (int r = 0; r < m_model.rowCount(); ++r)
        if (m_model.rowAt(r)->checkId == selected)
            row = r;
    if (m_model.rowCount() > 0)
        m_list->selectionModel()->setCurrentIndex(m_model.index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                             QItemSelectionModel::Rows);
}

void ChecksDialog::outcomeChanged() {
    const bool falseCommitment = m_outcome->currentData().toString() == u"false_commitment"_s;
    m_consequence->setEnabled(falseCommitment);
    if (!falseCommitment)
        m_consequence->setCurrentIndex(0);
}

void ChecksDialog::showProblems(const cases::FieldProblems &problems) {
    for (auto it = m_problemLabels.begin(); it != m_problemLabels.end(); ++it) {
        it.value()->setText(problems.value(it.key()));
        it.value()->setVisible(problems.contains(it.key()));
    }
}

bool ChecksDialog::submit() {
    const cases::CheckRow *row = m_model.rowAt(m_list->currentIndex().row());
    cases::CheckOutcomeInput in;
    in.checkId = row ? row->checkId : QString();
    in.outcome = m_outcome->currentData().toString();
    in.consequence = m_consequence->currentData().toString();
    in.note = m_note->toPlainText();
    const cases::FieldProblems problems = m_service.problems(in);
    showProblems(problems);
    if (!problems.isEmpty()) {
        m_message->showError(tr("Not recorded: %1").arg(problems.first()));
        return false;
    }
    auto recorded = m_service.record(in);
    if (!recorded.ok()) {
        m_message->showError(tr("Not recorded: %1").arg(recorded.error().message));
        return false;
    }
    m_recorded = recorded.value();
    if (cases::platformApiSupport(*m_ctx.db, *m_ctx.clock) == cases::PlatformApiSupport::Unsupported)
        m_message->showWarning(tr("Recorded here. The platform does not support it yet; it is sent after the "
                                  "platform is upgraded."));
    else
        m_message->showInfo(tr("Recorded; it is sent to the platform with the next sync."));
    m_note->clear();
    m_outcome->setCurrentIndex(0);
    reload();
    return true;
}

void installChecksShortcut(ui::MainWindow &window, IntakeContext &context) {
    auto *action = new QAction(ChecksDialog::tr("Post-checks of commitments…"), &window);
    action->setObjectName(u"actionCommitmentChecks"_s);
    action->setShortcut(ui::shortcutKey(ui::shortcut::commitmentChecks));
    action->setShortcutContext(Qt::WindowShortcut);
    window.addAction(action);
    ui::MainWindow *w = &window;
    QObject::connect(action, &QAction::triggered, w, [w, &context] {
        auto *dialog = new ChecksDialog(context, w);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

} // namespace windowdesk::intake
