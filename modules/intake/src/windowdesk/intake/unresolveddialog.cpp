#include "unresolveddialog.h"
#include "evaluationdialog.h"
#include "intakepage.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/cases/intakevisit.h>
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
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
QLabel *problemLabel(QWidget *parent) {
    auto *l = new QLabel(parent);
    l->setStyleSheet(u"color: #b00020;"_s);
    l->setWordWrap(true);
    l->hide();
    return l;
}
} // namespace

UnresolvedDialog::UnresolvedDialog(IntakeContext &context, Link link, QWidget *parent)
    : QDialog(parent)
    , m_ctx(context)
    , m_link(std::move(link))
    , m_service(*context.db, *context.clock, context.audit, context.window)
    , m_category(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_department(new QComboBox(this))
    , m_linkLabel(new QLabel(this))
    , m_message(new ui::MessageBar(this))
    , m_list(new QTableView(this)) {
    setObjectName(u"unresolvedDialog"_s);
    setWindowTitle(tr("Could not be done: record the request"));
    m_category->setObjectName(u"unresolvedCategory"_s);
    m_category->setAccessibleName(tr("Category"));
    m_category->addItem(tr("(choose)"), QString());
    for (core::UnresolvedCategory c : core::unresolvedCategories())
        m_category->addItem(core::label(c), core::toString(c));
    m_description->setObjectName(u"unresolvedDescription"_s);
    m_description->setAccessibleName(tr("What the citizen needed"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What the citizen came for and why it could not be done"));
    m_name->setObjectName(u"unresolvedName"_s);
    m_name->setAccessibleName(tr("Citizen's name"));
    m_name->setText(m_link.applicantName);
    m_phone->setObjectName(u"unresolvedPhone"_s);
    m_phone->setAccessibleName(tr("Citizen's mobile number"));
    m_phone->setText(m_link.applicantPhone);
    m_department->setObjectName(u"unresolvedDepartment"_s);
    m_department->setAccessibleName(tr("Routed to"));
    m_department->addItem(tr("(the hall decides)"), QString());
    if (auto departments = m_service.departments(); departments.ok())
        for (const QString &d : departments.value())
            m_department->addItem(d, d);
    m_linkLabel->setObjectName(u"unresolvedLink"_s);
    m_linkLabel->setText(!m_link.caseLocalId.isEmpty()         ? tr("Linked to the visit's case")
                         : !m_link.evaluationLocalId.isEmpty() ? tr("Linked to the visit's evaluation")
                                                               : tr("Not linked to a case"));

    auto *form = new QFormLayout;
    const QList<std::pair<QString, QWidget *>> rows{{u"category"_s, m_category},
                                                    {u"description"_s, m_description},
                                                    {u"applicant.name"_s, m_name},
                                                    {u"applicant.phone"_s, m_phone},
                                                    {u"routed_to"_s, m_department}};
    const QStringList labels{tr("&Category:"), tr("&Needed:"), tr("N&ame:"), tr("&Phone:"),
                             tr("&Routed to:")};
    for (int i = 0; i < rows.size(); ++i) {
        auto *cell = new QWidget(this);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(rows[i].second);
        QLabel *problem = problemLabel(cell);
        problem->setObjectName(u"unresolvedProblem_"_s + QString(rows[i].first).replace(u'.', u'_'));
        v->addWidget(problem);
        m_problemLabels.insert(rows[i].first, problem);
        auto *label = new QLabel(labels[i], this);
        label->setBuddy(rows[i].second);
        form->addRow(label, cell);
    }
    form->addRow(QString(), m_linkLabel);
    m_description->setMaximumHeight(90);

    m_list->setObjectName(u"unresolvedList"_s);
    m_list->setModel(&m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->verticalHeader()->hide();
    m_list->setFocusPolicy(Qt::NoFocus); // the form keeps the keyboard

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Ok)
        ->setText(ui::withShortcut(tr("Record"), ui::shortcut::confirmDecision));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"unresolvedRecord"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { submit(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence &k : ui::shortcutKeys(ui::shortcut::confirmDecision)) {
        auto *s = new QShortcut(k, this);
        connect(s, &QShortcut::activated, this, [this] { submit(); });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    layout->addWidget(new QLabel(tr("Requests of this hall"), this));
    layout->addWidget(m_list, 1);
    resize(820, 640);
    m_category->setFocus();
    reload();
}

void UnresolvedDialog::reload() {
    auto rows = m_service.list(m_ctx.clock->nowUtc());
    if (!rows.ok()) {
        m_message->showError(rows.error().message);
        return;
    }
    m_model.setRows(rows.value());
    m_list->resizeColumnsToContents();
}

void UnresolvedDialog::showProblems(const cases::FieldProblems &problems) {
    for (auto it = m_problemLabels.begin(); it != m_problemLabels.end(); ++it) {
        it.value()->setText(problems.value(it.key()));
        it.value()->setVisible(problems.contains(it.key()));
    }
}

bool UnresolvedDialog::submit() {
    cases::UnresolvedInput in;
    in.category = m_category->currentData().toString();
    in.description = m_description->toPlainText();
    in.applicantName = m_name->text();
    in.applicantPhone = m_phone->text();
    in.routedTo = m_department->currentData().toString();
    in.caseLocalId = m_link.caseLocalId;
    in.evaluationLocalId = m_link.evaluationLocalId;
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
    // A 1.0 platform keeps it here (平台暂不支持); else it goes with the next sync.
    if (cases::platformApiSupport(*m_ctx.db, *m_ctx.clock) == cases::PlatformApiSupport::Unsupported)
        m_message->showWarning(tr("Recorded here. The platform does not support it yet; it is sent after the "
                                  "platform is upgraded."));
    else if (auto due = m_service.replyDue(m_ctx.clock->nowUtc()); due.ok())
        m_message->showInfo(tr("Recorded. Reply due %1; it is sent to the platform with the next sync.")
                                .arg(due->toString(Qt::ISODate)));
    m_description->clear();
    m_category->setCurrentIndex(0);
    reload();
    return true;
}

void installUnresolvedShortcut(ui::MainWindow &window, IntakeContext &context) {
    auto *action = new QAction(UnresolvedDialog::tr("Could not be done…"), &window);
    action->setObjectName(u"actionUnresolved"_s);
    action->setShortcut(ui::shortcutKey(ui::shortcut::reportUnresolved));
    action->setShortcutContext(Qt::WindowShortcut);
    window.addAction(action);
    ui::MainWindow *w = &window;
    QObject::connect(action, &QAction::triggered, w, [w, &context] {
        UnresolvedDialog::Link link;
        // The intake page's visit, when the page was opened: its last case and evaluation, and whom it
        // serves.
        if (auto *intake = qobject_cast<IntakePage *>(w->findChild<IntakePage *>())) {
            link.caseLocalId = intake->lastCaseLocalId();
            if (intake->evaluationDialog())
                link.evaluationLocalId = intake->evaluationDialog()->savedLocalId();
            link.applicantName = intake->currentDraft().applicant.name;
            link.applicantPhone = intake->currentDraft().applicant.phone;
        }
        auto *dialog = new UnresolvedDialog(context, link, w);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

} // namespace windowdesk::intake
