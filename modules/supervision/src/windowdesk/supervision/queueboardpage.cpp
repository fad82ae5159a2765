#include "queueboardpage.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QElapsedTimer>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
Q_LOGGING_CATEGORY(lcQueueBoard, "windowdesk.supervision.queue")

QString stateText(const QString &state) {
    if (state == u"called")
        return QueueBoardPage::tr("Called");
    if (state == u"serving")
        return QueueBoardPage::tr("Serving");
    if (state == u"held")
        return QueueBoardPage::tr("On hold");
    return QueueBoardPage::tr("Free");
}

QVariant right() {
    return int(Qt::AlignRight | Qt::AlignVCenter);
}
} // namespace

QString QueueBoardPage::clockText(std::optional<qint64> seconds) {
    if (!seconds)
        return u"—"_s;
    const qint64 s = *seconds;
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

// ---- Models ------------------------------------------------------------------------------------------

void LiveWindowsModel::setWindows(const QList<reports::LiveWindow> &rows,
                                  const QHash<QString, QString> &names) {
    m_names = names;
    if (rows.size() == m_rows.size()) {
        bool sameKeys = true;
        for (qsizetype i = 0; i < rows.size() && sameKeys; ++i)
            sameKeys = rows.at(i).windowNo == m_rows.at(i).windowNo;
        if (sameKeys) { // the clocks tick: the rows stay, so does the selection
            m_rows = rows;
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            return;
        }
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int LiveWindowsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveWindowsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveWindowsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const reports::LiveWindow &w = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= For ? right() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Window:
        return w.windowNo;
    case Clerk:
        if (!w.clerkId)
            return u"—"_s;
        return m_names.value(*w.clerkId, *w.clerkId);
    case Ticket:
        return w.ticketNo.value_or(u"—"_s);
    case State:
        return stateText(w.ticketState);
    case For:
        return QueueBoardPage::clockText(w.currentForS);
    case Idle:
        return QueueBoardPage::clockText(w.idleS);
    case ServedToday:
        return QString::number(w.servedToday);
    case AvgService:
        return QueueBoardPage::clockText(
            w.avgServiceTenths ? std::optional<qint64>((*w.avgServiceTenths + 5) / 10) : std::nullopt);
    }
    return {};
}

QVariant LiveWindowsModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Window:
        return QueueBoardPage::tr("Window");
    case Clerk:
        return QueueBoardPage::tr("Clerk");
    case Ticket:
        return QueueBoardPage::tr("Ticket");
    case State:
        return QueueBoardPage::tr("State");
    case For:
        return QueueBoardPage::tr("For");
    case Idle:
        return QueueBoardPage::tr("Idle");
    case ServedToday:
        return QueueBoardPage::tr("Served today");
    case AvgService:
        return QueueBoardPage::tr("Avg service");
    }
    return {};
}

void LiveCategoriesModel::setCategories(const QList<reports::LiveCategory> &rows) {
    if (rows.size() == m_rows.size()) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int LiveCategoriesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveCategoriesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiveCategoriesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Category ? QVariant() : right();
    if (role != Qt::DisplayRole)
        return {};
    const reports::LiveCategory &c = m_rows.at(index.row());
    switch (index.column()) {
    case Category:
        return c.category;
    case Waiting:
        return QString::number(c.waiting);
    case LongestWait:
        return QueueBoardPage::clockText(c.longestWaitS);
    }
    return {};
}

QVariant LiveCategoriesModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Category:
        return QueueBoardPage::tr("Category");
    case Waiting:
        return QueueBoardPage::tr("Waiting");
    case LongestWait:
        return QueueBoardPage::tr("Longest wait");
    }
    return {};
}

// ---- The page ----------------------------------------------------------------------------------------

QueueBoardPage::QueueBoardPage(storage::Database &db, const Clock &clock, storage::User user, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_user(std::move(user))
    , m_monitor(db) {
    setObjectName(u"queueBoardPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"queueMessage"_s);
    layout->addWidget(m_message);

    auto *tiles = new QHBoxLayout;
    const QStringList names = {u"waiting"_s, u"longest"_s, u"served"_s, u"withinTarget"_s, u"noShows"_s};
    for (const QString &name : names) {
        auto *tile = new QLabel(this);
        tile->setObjectName(u"queueTile_"_s + name);
        tile->setAlignment(Qt::AlignCenter);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setMinimumHeight(64);
        tile->setTextFormat(Qt::RichText);
        tiles->addWidget(tile, 1);
        m_tiles.append(tile);
    }
    layout->addLayout(tiles);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_categories = new LiveCategoriesModel(this);
    m_categoriesView = new QTableView(split);
    m_categoriesView->setObjectName(u"queueCategories"_s);
    m_categoriesView->setAccessibleName(tr("Waiting per category"));
    m_windows = new LiveWindowsModel(this);
    m_windowsView = new QTableView(split);
    m_windowsView->setObjectName(u"queueWindows"_s);
    m_windowsView->setAccessibleName(tr("Windows now"));
    for (QTableView *v : {m_categoriesView, m_windowsView}) {
        v->setSelectionBehavior(QAbstractItemView::SelectRows);
        v->setSelectionMode(QAbstractItemView::SingleSelection);
        v->setEditTriggers(QAbstractItemView::NoEditTriggers);
        v->setTabKeyNavigation(false);
        v->verticalHeader()->hide();
        v->horizontalHeader()->setStretchLastSection(false);
    }
    m_categoriesView->setModel(m_categories);
    m_windowsView->setModel(m_windows);
    // Columns share the width: the numbers stay readable from a step back.
    m_categoriesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_windowsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    split->addWidget(m_categoriesView);
    split->addWidget(m_windowsView);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    setFocusProxy(m_windowsView);

    m_updated = new QLabel(this);
    m_updated->setObjectName(u"queueUpdated"_s);
    layout->addWidget(m_updated);

    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::reloadCases), this);
    connect(reload, &QShortcut::activated, this, &QueueBoardPage::refresh);
    if (auto n = cases::CaseRepository(m_db).userNames(); n.ok())
        m_userNames = n.value();
    // The clocks move every second; the events are re-read only when new ones arrived (poll()).
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &QueueBoardPage::refresh);
    m_timer->start();
    refresh();
}

void QueueBoardPage::refresh() {
    if (!m_user.hasRole(u"supervisor"_s)) {
        m_message->showError(tr("Only supervisors see the hall's queue."));
        m_timer->stop();
        return;
    }
    const qint64 now = m_clock.nowUtc().toSecsSinceEpoch();
    QElapsedTimer t;
    t.start();
    auto polled = m_monitor.poll(now);
    if (!polled.ok()) {
        m_message->showError(tr("The queue cannot be read: %1").arg(polled.error().message));
        return;
    }
    if (polled.value())
        qCDebug(lcQueueBoard) << "ticket events re-read up to" << m_monitor.lastSeq() << "in" << t.elapsed()
                              << "ms";
    if (m_message->hasMessage() && m_message->level() == ui::MessageBar::Level::Error)
        m_message->clearMessage();
    display(m_monitor.snapshot(now));
}

void QueueBoardPage::display(const reports::LiveQueue &q) {
    m_queue = q;
    auto tile = [](const QString &value, const QString &label, const QString &sub = {}) {
        QString html = u"<div style='font-size:20pt; font-weight:600'>%1</div><div>%2</div>"_s.arg(
            value.toHtmlEscaped(), label.toHtmlEscaped());
        if (!sub.isEmpty())
            html += u"<div style='color:#5b6672'>%1</div>"_s.arg(sub.toHtmlEscaped());
        return html;
    };
    const QString share =
        q.calledToday > 0
            ? QString::number(100.0 * double(q.withinServiceLevel) / double(q.calledToday), 'f', 0) + u'%'
            : u"—"_s;
    const QList<std::pair<QString, QString>> texts = {
        {QString::number(q.waiting), tr("Waiting now")},
        {clockText(q.longestWaitS), tr("Longest wait")},
        {QString::number(q.servedToday), tr("Served today")},
        {share, tr("Called within %1 min").arg(q.serviceLevelS / 60)},
        {QString::number(q.noShowsToday), tr("No-shows today")}};
    const QStringList subs = {tr("%n ticket(s) today", nullptr, int(q.arrivedToday)), QString(), QString(),
                              tr("%1 of %2 called").arg(q.withinServiceLevel).arg(q.calledToday), QString()};
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        m_tiles[i]->setText(tile(texts.at(i).first, texts.at(i).second, subs.at(i)));
        m_tiles[i]->setAccessibleName(texts.at(i).second + u' ' + texts.at(i).first);
    }
    m_categories->setCategories(q.categories);
    m_windows->setWindows(q.windows, m_userNames);
    m_updated->setText(
        tr("As of %1 · the clocks move every second; new ticket events show within a second, pulled ones "
           "after "
           "each sync · Ctrl+R: refresh")
            .arg(QDateTime::fromSecsSinceEpoch(q.atS, QTimeZone(8 * 3600)).toString(u"HH:mm:ss"_s)));
}

} // namespace windowdesk::supervision
