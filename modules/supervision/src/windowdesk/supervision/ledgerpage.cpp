#include "ledgerpage.h"

#include <windowdesk/cases/casefollowups.h>
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
const QColor kFlag(0xf4, 0xb4, 0xb4);

QString cstText(const QString &utc) {
    return QDateTime::fromString(utc, Qt::ISODate)
        .toTimeZone(Clock::chinaStandardTime())
        .toString(u"yyyy-MM-dd HH:mm"_s);
}

void setupTable(QTableView *view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
}
} // namespace

// ── Model ───────────────────────────────────────────────────────────────
void LedgerModel::setTasks(const QList<cases::LedgerTask> &tasks, const QHash<QString, QString> &userNames) {
    beginResetModel();
    m_tasks = tasks;
    m_names = userNames;
    endResetModel();
}

const cases::LedgerTask *LedgerModel::task(const QString &localId) const {
    for (const cases::LedgerTask &t : m_tasks)
        if (t.localId == localId)
            return &t;
    return nullptr;
}

int LedgerModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int LedgerModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LedgerModel::stateLabel(const QString &state) {
    if (state == u"open"_s)
        return tr("Open");
    if (state == u"verified"_s)
        return tr("Verified");
    if (state == u"rectified"_s)
        return tr("Rectified");
    if (state == u"explained"_s)
        return tr("Explained");
    if (state == u"appealed"_s)
        return tr("Appealed");
    if (state == u"closed"_s)
        return tr("Closed");
    return state;
}

QString LedgerModel::actionLabel(const QString &action) {
    if (action == u"verified"_s)
        return tr("Verified");
    if (action == u"rectified"_s)
        return tr("Rectified");
    if (action == u"explained"_s)
        return tr("Explained");
    if (action == u"callback"_s)
        return tr("Callback");
    if (action == u"appeal"_s)
        return tr("Appeal");
    return action;
}

QString LedgerModel::callbackLabel(const cases::LedgerTask &t) {
    if (t.callbackDone)
        return tr("Done");
    int attempts = 0;
    for (const cases::LedgerAction &a : t.actions)
        attempts += a.action == u"callback"_s ? 1 : 0;
    if (t.realName)
        return attempts > 0 ? tr("Missing (real name, %n not reached)", nullptr, attempts)
                            : tr("Missing (real name)");
    return attempts > 0 ? tr("Not reached (%n)", nullptr, attempts) : tr("Anonymous");
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_tasks.size() || index.column() >= ColumnCount)
        return {};
    const cases::LedgerTask &t = m_tasks.at(index.row());
    if (role == LocalIdRole)
        return t.localId;
    if (role == Qt::BackgroundRole &&
        ((index.column() == Overdue && t.overdue) || (index.column() == Callback && t.callbackMissing())))
        return kFlag;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case RatedAt:
        return cstText(t.at);
    case Window:
        return t.windowNo;
    case Clerk:
        return m_names.value(t.clerkId, t.clerkId);
    case Level:
        return t.level == 1 ? tr("1 Very dissatisfied") : tr("2 Dissatisfied");
    case Reasons:
        return t.reasons.join(u'、');
    case State:
        return stateLabel(t.state);
    case Due:
        return t.dueMissing
                   ? tr("Calendar missing")
                   : t.due.toString(Qt::ISODate) + (t.dueFromPlatform ? tr(" (platform)") : QString());
    case Overdue:
        return t.overdue ? tr("Overdue") : QString();
    case Callback:
        return callbackLabel(t);
    case LastAction: {
        for (qsizetype i = t.actions.size() - 1; i >= 0; --i)
            if (t.actions.at(i).action != u"callback"_s)
                return actionLabel(t.actions.at(i).action) + u" "_s + t.actions.at(i).note;
        return QString();
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RatedAt:
        return tr("Rated at");
    case Window:
        return tr("Window");
    case Clerk:
        return tr("Clerk");
    case Level:
        return tr("Level");
    case Reasons:
        return tr("Reasons");
    case State:
        return tr("State");
    case Due:
        return tr("Rectify by");
    case Overdue:
        return tr("Overdue");
    case Callback:
        return tr("Callback");
    case LastAction:
        return tr("Last action");
    case ColumnCount:
        break;
    }
    return {};
}

// ── History ─────────────────────────────────────────────────────────────
void LedgerHistoryModel::setActions(const QList<cases::LedgerAction> &actions,
                                    const QHash<QString, QString> &userNames) {
    beginResetModel();
    m_actions = actions;
    m_names = userNames;
    endResetModel();
}

int LedgerHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_actions.size());
}

int LedgerHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_actions.size() || index.column() >= ColumnCount ||
        role != Qt::DisplayRole)
        return {};
    const cases::LedgerAction &a = m_actions.at(index.row());
    switch (Column(index.column())) {
    case At:
        return cstText(a.at);
    case Kind:
        return LedgerModel::actionLabel(a.action) + (a.fromPlatform ? tr(" (platform)") : QString());
    case Detail: {
        QStringList parts;
        if (a.action == u"callback"_s) {
            parts << (a.reached == 1 ? tr("Reached") : tr("Not reached"));
            if (a.satisfiedAfter >= 0)
                parts << (a.satisfiedAfter == 1 ? tr("Satisfied after") : tr("Still dissatisfied"));
        }
        if (!a.note.isEmpty())
            parts << a.note;
        return parts.join(u" · "_s);
    }
    case By:
        return m_names.value(a.by, a.by);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LedgerHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case At:
        return tr("At");
    case Kind:
        return tr("Record");
    case Detail:
        return tr("Detail");
    case By:
        return tr("By");
    case ColumnCount:
        break;
    }
    return {};
}

// ── Page ────────────────────────────────────────────────────────────────
LedgerPage::LedgerPage(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                       storage::User user, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_ledger(db, clock, audit)
    , m_user(std::move(user)) {
    setObjectName(u"ledgerPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"ledgerMessage"_s);
    layout->addWidget(m_message);
    m_platformNote =
        new QLabel(tr("Not supported by the platform yet (platform 1.0): callbacks and appeals are "
                      "kept on this computer and sent after a login to a 1.1 platform."),
                   this);
    m_platformNote->setObjectName(u"ledgerPlatformNote"_s);
    m_platformNote->setWordWrap(true);
    m_platformNote->hide();
    layout->addWidget(m_platformNote);
    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    m_path = new QLabel(this);
    m_path->setObjectName(u"ledgerPath"_s);
    QFont bold = m_path->font();
    bold.setBold(true);
    m_path->setFont(bold);
    top->addWidget(m_path);
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"ledgerSummary"_s);
    top->addWidget(m_summary, 1);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"ledgerFilter"_s);
    m_filter->setPlaceholderText(tr("Type to filter"));
    m_filter->setAccessibleName(tr("Filter the ledger"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    top->addWidget(m_filter);
    layout->addLayout(top);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(u"ledgerStack"_s);
    layout->addWidget(m_stack, 1);

    // The list of tasks.
    m_model = new LedgerModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(m_stack);
    m_view->setObjectName(u"ledgerView"_s);
    m_view->setAccessibleName(tr("Rectification ledger"));
    m_view->setModel(m_proxy);
    setupTable(m_view);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->installEventFilter(this);
    connect(m_view, &QTableView::doubleClicked, this, [this] { openTask(); });
    m_stack->addWidget(m_view);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    });

    // One task: what it is, its history, the form.
    m_stack->addWidget(buildTaskView());
    connect(m_action, &QComboBox::currentIndexChanged, this, [this] { updateForm(); });

    m_hint = new QLabel(this);
    m_hint->setObjectName(u"ledgerHint"_s);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto *next = new QShortcut(ui::shortcutKey(ui::shortcut::ledgerNextAction), this);
    connect(next, &QShortcut::activated, this, [this] {
        if (m_level == Level::Task)
            m_action->setCurrentIndex((m_action->currentIndex() + 1) % m_action->count());
    });
    auto *callback = new QShortcut(ui::shortcutKey(ui::shortcut::ledgerCallback), this);
    connect(callback, &QShortcut::activated, this, [this] { pickAction(u"callback"_s); });
    auto *appeal = new QShortcut(ui::shortcutKey(ui::shortcut::ledgerAppeal), this);
    connect(appeal, &QShortcut::activated, this, [this] { pickAction(u"appeal"_s); });
    for (const QKeySequence &key : ui::shortcutKeys(ui::shortcut::ledgerRecord)) {
        auto *rec = new QShortcut(key, this);
        connect(rec, &QShortcut::activated, this, &LedgerPage::recordSelected);
    }
    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::reloadCases), this);
    connect(reload, &QShortcut::activated, this, &LedgerPage::refresh);
    setFocusProxy(m_view);
    updateForm();
    refresh();
}

// One task: what it is, its history, the form (action, callback fields, note).
QWidget *LedgerPage::buildTaskView() {
    auto *task = new QWidget(m_stack);
    task->setObjectName(u"ledgerTask"_s);
    auto *taskLayout = new QVBoxLayout(task);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    m_taskInfo = new QLabel(task);
    m_taskInfo->setObjectName(u"ledgerTaskInfo"_s);
    m_taskInfo->setWordWrap(true);
    taskLayout->addWidget(m_taskInfo);
    m_historyModel = new LedgerHistoryModel(this);
    m_history = new QTableView(task);
    m_history->setObjectName(u"ledgerHistory"_s);
    m_history->setAccessibleName(tr("The task's callbacks, actions and appeal"));
    m_history->setModel(m_historyModel);
    setupTable(m_history);
    m_history->setFocusPolicy(Qt::NoFocus); // the keys stay in the form
    m_history->horizontalHeader()->setSectionResizeMode(LedgerHistoryModel::Detail, QHeaderView::Stretch);
    taskLayout->addWidget(m_history, 1);

    auto *form = new QHBoxLayout;
    m_action = new QComboBox(task);
    m_action->setObjectName(u"ledgerAction"_s);
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("Verified"), u"verified"_s);
    m_action->addItem(tr("Rectified"), u"rectified"_s);
    m_action->addItem(tr("Explained"), u"explained"_s);
    m_action->addItem(tr("Callback"), u"callback"_s);
    m_action->addItem(tr("Appeal"), u"appeal"_s);
    m_action->installEventFilter(this);
    form->addWidget(m_action);
    m_callbackFields = new QWidget(task);
    auto *cb = new QHBoxLayout(m_callbackFields);
    cb->setContentsMargins(0, 0, 0, 0);
    m_reached = new QComboBox(m_callbackFields);
    m_reached->setObjectName(u"ledgerReached"_s);
    m_reached->setAccessibleName(tr("Reached the citizen?"));
    m_reached->addItem(tr("Reached"), true);
    m_reached->addItem(tr("Not reached"), false);
    m_reached->installEventFilter(this);
    cb->addWidget(m_reached);
    m_satisfied = new QComboBox(m_callbackFields);
    m_satisfied->setObjectName(u"ledgerSatisfied"_s);
    m_satisfied->setAccessibleName(tr("Satisfied after the callback?"));
    m_satisfied->addItem(tr("Satisfied after"), 1);
    m_satisfied->addItem(tr("Still dissatisfied"), 0);
    m_satisfied->addItem(tr("Not asked"), -1);
    m_satisfied->installEventFilter(this);
    cb->addWidget(m_satisfied);
    form->addWidget(m_callbackFields);
    m_note = new QLineEdit(task);
    m_note->setObjectName(u"ledgerNote"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->installEventFilter(this);
    form->addWidget(m_note, 1);
    auto *record = new QPushButton(tr("Record (Ctrl+Return)"), task);
    record->setObjectName(u"ledgerRecord"_s);
    record->setFocusPolicy(Qt::NoFocus);
    connect(record, &QPushButton::clicked, this, &LedgerPage::recordSelected);
    form->addWidget(record);
    taskLayout->addLayout(form);
    return task;
}

QString LedgerPage::currentTaskId() const {
    if (m_level == Level::Task)
        return m_taskId;
    return m_view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString();
}

void LedgerPage::refresh() {
    const QString keep = currentTaskId();
    m_platformNote->setVisible(cases::platformApiSupport(m_db, m_clock) ==
                               cases::PlatformApiSupport::Unsupported);
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    if (!cal.ok()) {
        m_message->showError(cal.error().message);
        return;
    }
    auto tasks = m_ledger.tasks(m_user.roles, cal.value());
    if (!tasks.ok()) {
        m_message->showError(tasks.error().code == u"forbidden"_s ? tr("Only supervisors work the ledger.")
                                                                  : tasks.error().message);
        return;
    }
    const auto names = cases::CaseRepository(m_db).userNames();
    m_names = names.ok() ? names.value() : QHash<QString, QString>{};
    m_model->setTasks(tasks.value(), m_names);
    int overdue = 0, open = 0, missing = 0;
    for (const cases::LedgerTask &t : tasks.value()) {
        overdue += t.overdue ? 1 : 0;
        open += t.state == u"open"_s ? 1 : 0;
        missing += t.callbackMissing() ? 1 : 0;
    }
    m_summary->setText(tr("%1 bad ratings, %2 open, %3 overdue, %4 real-name callbacks missing")
                           .arg(tasks->size())
                           .arg(open)
                           .arg(overdue)
                           .arg(missing));
    m_view->resizeColumnsToContents();
    bool kept = false;
    for (int r = 0; r < m_proxy->rowCount() && !kept; ++r)
        if (m_proxy->index(r, 0).data(LedgerModel::LocalIdRole).toString() == keep) {
            m_view->setCurrentIndex(m_proxy->index(r, 0));
            kept = true;
        }
    if (!kept && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    if (m_level == Level::Task && m_model->task(m_taskId))
        showTask();
    else if (m_level == Level::Task)
        backToList(); // the task is gone (not in the ledger any more)
    else
        showList();
}

void LedgerPage::showList() {
    m_path->hide(); // the tab names the list; the path shows once a task is open
    m_hint->setText(tr("Type to filter · Enter: open the task · Esc: clear the filter · Ctrl+R: refresh · "
                       "Ctrl+PgDown / Ctrl+PgUp: next / previous tab"));
}

void LedgerPage::openTask() {
    const QString id = m_view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString();
    if (id.isEmpty()) {
        m_message->showWarning(tr("Pick a task in the list first."));
        return;
    }
    m_taskId = id;
    m_level = Level::Task;
    m_action->setCurrentIndex(0);
    m_reached->setCurrentIndex(0);
    m_satisfied->setCurrentIndex(0);
    m_note->clear();
    m_message->clearMessage();
    showTask();
    m_note->setFocus();
}

void LedgerPage::backToList() {
    const QString back = m_taskId;
    m_level = Level::Tasks;
    m_stack->setCurrentWidget(m_view);
    m_filter->setEnabled(true);
    setFocusProxy(m_view);
    showList();
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(LedgerModel::LocalIdRole).toString() == back)
            m_view->setCurrentIndex(m_proxy->index(r, 0));
    m_view->setFocus();
}

void LedgerPage::showTask() {
    const cases::LedgerTask *t = m_model->task(m_taskId);
    if (!t)
        return;
    const QString when = cstText(t->at);
    m_path->setText(tr("Bad-rating ledger › %1 %2").arg(when, t->windowNo));
    m_path->show();
    QStringList info;
    info << tr("Rated %1 at window %2 (%3): %4")
                .arg(when, t->windowNo, m_names.value(t->clerkId, t->clerkId),
                     t->level == 1 ? tr("1 Very dissatisfied") : tr("2 Dissatisfied"));
    if (!t->reasons.isEmpty())
        info << tr("Reasons: %1").arg(t->reasons.join(u'、'));
    info << tr("State: %1 · rectify by %2%3")
                .arg(LedgerModel::stateLabel(t->state),
                     t->dueMissing ? tr("(calendar missing)") : t->due.toString(Qt::ISODate),
                     t->overdue ? tr(" · overdue") : QString());
    info << tr("Callback: %1").arg(LedgerModel::callbackLabel(*t));
    m_taskInfo->setText(info.join(u'\n'));
    m_historyModel->setActions(t->actions, m_names);
    m_history->resizeColumnsToContents();
    m_history->horizontalHeader()->setSectionResizeMode(LedgerHistoryModel::Detail, QHeaderView::Stretch);
    if (m_historyModel->rowCount() > 0)
        m_history->scrollToBottom();
    m_filter->setEnabled(false);
    m_stack->setCurrentIndex(1);
    m_hint->setText(tr("F2: next action (verified, rectified, explained, callback, appeal) · F6: callback · "
                       "F7: appeal · Ctrl+Return: record · Backspace in the empty note or Esc: back to the "
                       "list · Ctrl+R: refresh"));
    setFocusProxy(m_note);
}

void LedgerPage::updateForm() {
    const QString action = m_action->currentData().toString();
    m_callbackFields->setVisible(action == u"callback"_s);
    m_note->setPlaceholderText(action == u"callback"_s ? tr("How the callback went (required if not reached)")
                               : action == u"appeal"_s ? tr("The reason for the appeal (required)")
                               : action == u"explained"_s ? tr("The explanation (required)")
                                                          : tr("What was found or done"));
}

void LedgerPage::pickAction(const QString &action) {
    if (m_level != Level::Task)
        openTask();
    if (m_level != Level::Task)
        return;
    m_action->setCurrentIndex(m_action->findData(action));
    if (action == u"callback"_s)
        m_reached->setFocus();
    else
        m_note->setFocus();
}

void LedgerPage::recordSelected() {
    if (m_level != Level::Task) {
        m_message->showWarning(tr("Open a task with Enter first."));
        return;
    }
    const QString id = m_taskId;
    const QString action = m_action->currentData().toString();
    Result<QString> r = Error{};
    if (action == u"callback"_s)
        r = m_ledger.recordCallback(
            m_user.id, id, m_reached->currentData().toBool(),
            m_reached->currentData().toBool() ? m_satisfied->currentData().toInt() : -1, m_note->text());
    else if (action == u"appeal"_s)
        r = m_ledger.recordAppeal(m_user.id, id, m_note->text());
    else
        r = m_ledger.recordAction(m_user.roles, m_user.id, id, action, m_note->text());
    if (!r.ok()) {
        m_message->showError(r.error().message); // the service's own Chinese text
        m_note->setFocus();
        return;
    }
    const bool v11 = action == u"callback"_s || action == u"appeal"_s;
    m_message->showInfo(
        v11 && cases::platformApiSupport(m_db, m_clock) == cases::PlatformApiSupport::Unsupported
            ? tr("Saved on this computer. Not supported by the platform yet (platform 1.0): callbacks and "
                 "appeals are sent after a login to a 1.1 platform.")
            : tr("Recorded; it is sent to the platform with the next sync."));
    m_note->clear();
    m_action->setCurrentIndex(0);
    m_reached->setCurrentIndex(0);
    m_satisfied->setCurrentIndex(0);
    refresh(); // the history and the list show it; the task stays open and selected
    m_note->setFocus();
}

bool LedgerPage::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
    if (watched == m_view || watched == m_filter) {
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (!plain)
                break;
            openTask();
            return true;
        case Qt::Key_Backspace:
            if (watched == m_view && !m_filter->text().isEmpty()) {
                m_filter->backspace();
                return true;
            }
            break;
        case Qt::Key_Escape:
            if (!m_filter->text().isEmpty()) {
                m_filter->clear();
                return true;
            }
            break;
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            if (watched == m_filter) { // the list moves while the filter has the focus
                QApplication::sendEvent(m_view, event);
                return true;
            }
            break;
        default:
            if (watched == m_view && plain && !key->text().isEmpty() && key->text().at(0).isPrint()) {
                m_filter->insert(key->text()); // typing on the list filters it
                return true;
            }
        }
        return QWidget::eventFilter(watched, event);
    }
    // The task's form.
    if (m_level == Level::Task &&
        (watched == m_note || watched == m_action || watched == m_reached || watched == m_satisfied)) {
        if (key->key() == Qt::Key_Escape ||
            (key->key() == Qt::Key_Backspace && watched == m_note && m_note->text().isEmpty())) {
            backToList();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace windowdesk::supervision
