#include "ledgerpage.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

// ── Model ───────────────────────────────────────────────────────────────
void LedgerModel::setTasks(const QList<cases::LedgerTask> &tasks, const QHash<QString, QString> &userNames) {
    beginResetModel();
    m_tasks = tasks;
    m_names = userNames;
    endResetModel();
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
    return action;
}

QVariant LedgerModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_tasks.size() || index.column() >= ColumnCount)
        return {};
    const cases::LedgerTask &t = m_tasks.at(index.row());
    if (role == LocalIdRole)
        return t.localId;
    if (role == Qt::BackgroundRole && index.column() == Overdue && t.overdue)
        return QColor(0xf4, 0xb4, 0xb4);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case RatedAt:
        return QDateTime::fromString(t.at, Qt::ISODate)
            .toTimeZone(Clock::chinaStandardTime())
            .toString(u"yyyy-MM-dd HH:mm"_s);
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
        return t.callbackDone ? tr("Done") : tr("Not yet");
    case LastAction:
        return t.actions.isEmpty() ? QString()
                                   : actionLabel(t.actions.last().action) + u" "_s + t.actions.last().note;
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
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"ledgerSummary"_s);
    top->addWidget(m_summary, 1);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"ledgerFilter"_s);
    m_filter->setPlaceholderText(tr("Type to filter"));
    m_filter->setAccessibleName(tr("Filter the ledger"));
    m_filter->setClearButtonEnabled(true);
    top->addWidget(m_filter);
    layout->addLayout(top);

    m_model = new LedgerModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName(u"ledgerView"_s);
    m_view->setAccessibleName(tr("Rectification ledger"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *form = new QHBoxLayout;
    m_action = new QComboBox(this);
    m_action->setObjectName(u"ledgerAction"_s);
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("Verified"), u"verified"_s);
    m_action->addItem(tr("Rectified"), u"rectified"_s);
    m_action->addItem(tr("Explained"), u"explained"_s);
    form->addWidget(m_action);
    m_note = new QLineEdit(this);
    m_note->setObjectName(u"ledgerNote"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("What was found or done (required for an explanation)"));
    m_note->installEventFilter(this);
    form->addWidget(m_note, 1);
    auto *record = new QPushButton(tr("Record (Ctrl+Return)"), this);
    record->setObjectName(u"ledgerRecord"_s);
    connect(record, &QPushButton::clicked, this, &LedgerPage::recordSelected);
    form->addWidget(record);
    layout->addLayout(form);
    auto *hint =
        new QLabel(tr("Type to filter · Enter: act on the task · F2: next action · Ctrl+Return: record · "
                      "Esc: back to the list · Ctrl+R: refresh"),
                   this);
    layout->addWidget(hint);
    auto *next = new QShortcut(ui::shortcutKey(ui::shortcut::ledgerNextAction), this);
    connect(next, &QShortcut::activated, this,
            [this] { m_action->setCurrentIndex((m_action->currentIndex() + 1) % m_action->count()); });
    for (const QKeySequence &key : ui::shortcutKeys(ui::shortcut::ledgerRecord)) {
        auto *rec = new QShortcut(key, this);
        connect(rec, &QShortcut::activated, this, &LedgerPage::recordSelected);
    }
    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::reloadCases), this);
    connect(reload, &QShortcut::activated, this, &LedgerPage::refresh);
    refresh();
}

QString LedgerPage::selectedId() const {
    return m_view->currentIndex().siblingAtColumn(0).data(LedgerModel::LocalIdRole).toString();
}

void LedgerPage::refresh() {
    const QString keep = selectedId();
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
    m_model->setTasks(tasks.value(), names.ok() ? names.value() : QHash<QString, QString>{});
    int overdue = 0, open = 0;
    for (const cases::LedgerTask &t : tasks.value()) {
        overdue += t.overdue ? 1 : 0;
        open += t.state == u"open"_s ? 1 : 0;
    }
    m_summary->setText(tr("%1 bad ratings, %2 open, %3 overdue").arg(tasks->size()).arg(open).arg(overdue));
    m_view->resizeColumnsToContents();
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        if (m_proxy->index(r, 0).data(LedgerModel::LocalIdRole).toString() == keep) {
            m_view->setCurrentIndex(m_proxy->index(r, 0));
            return;
        }
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

void LedgerPage::recordSelected() {
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_message->showWarning(tr("Pick a task in the list first."));
        return;
    }
    auto r = m_ledger.recordAction(m_user.roles, m_user.id, id, m_action->currentData().toString(),
                                   m_note->text());
    if (!r.ok()) {
        m_message->showError(r.error().message); // the service's own Chinese text
        return;
    }
    m_note->clear();
    m_message->showInfo(tr("Recorded; it is sent to the platform with the next sync."));
    refresh();
    m_view->setFocus();
}

bool LedgerPage::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_view) {
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier) {
            m_note->setFocus();
            return true;
        }
        if (key->key() == Qt::Key_Backspace && !m_filter->text().isEmpty()) {
            m_filter->backspace();
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        if (!key->text().isEmpty() && key->text().at(0).isPrint() &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            m_filter->insert(key->text());
            return true;
        }
    } else if (watched == m_note && key->key() == Qt::Key_Escape) {
        m_view->setFocus();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace windowdesk::supervision
