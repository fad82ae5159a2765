#include "competitiontab.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/sync/trainingleaderboard.h>
#include <windowdesk/training/blueprintstore.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

namespace {
constexpr int kPollMs = 1000;      // the local board: a result shows within a second or two
constexpr int kPlatformEvery = 15; // the platform's board: every 15 polls (and on selection)

void setupTable(QTableView *view) {
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(LeaderboardModel::Name, QHeaderView::Stretch);
}
} // namespace

// ── The leaderboard model ───────────────────────────────────────────────
void LeaderboardModel::setRows(const QList<training::LeaderboardRow> &rows) {
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int LeaderboardModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeaderboardModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LeaderboardModel::duration(int s) {
    return u"%1:%2"_s.arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QVariant LeaderboardModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || role != Qt::DisplayRole)
        return {};
    const training::LeaderboardRow &r = m_rows.at(index.row());
    const bool has = r.bestScore.has_value();
    switch (Column(index.column())) {
    case Rank:
        return r.rank > 0 ? QVariant(r.rank) : QVariant(u"—"_s);
    case Name:
        return r.name;
    case Score:
        if (has)
            return QString::number(*r.bestScore, 'g', 6);
        if (r.awaitingJudges) // taken, not a zero: the judges have not finished
            return tr("Waiting for the judges");
        if (r.partsDone > 0)
            return tr("In progress (%1 of %2 taken)").arg(r.partsDone).arg(r.partsTotal);
        return tr("Not submitted");
    case Time:
        return has ? duration(r.bestDurationS) : u"—"_s;
    case Attempts:
        return r.attempts;
    case Passed:
        return has && r.hasPassLine ? (r.passed ? tr("Passed") : tr("Not passed")) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Rank:
        return tr("Rank");
    case Name:
        return tr("Trainee");
    case Score:
        return tr("Best score");
    case Time:
        return tr("Time");
    case Attempts:
        return tr("Attempts");
    case Passed:
        return tr("Pass line");
    case ColumnCount:
        break;
    }
    return {};
}

// ── The tab ─────────────────────────────────────────────────────────────
CompetitionTab::CompetitionTab(const TrainingContext &context, QWidget *parent)
    : QWidget(parent)
    , m_ctx(context)
    , m_service(*context.db, *context.clock, context.audit)
    , m_name(new QLineEdit(this))
    , m_blueprint(new QComboBox(this))
    , m_trainees(new QListWidget(this))
    , m_scenarios(new QListWidget(this))
    , m_start(new QDateTimeEdit(this))
    , m_list(new QListWidget(this))
    , m_view(new QTableView(this))
    , m_board(new LeaderboardModel(this))
    , m_boardTitle(new QLabel(this))
    , m_platformView(new QTableView(this))
    , m_platform(new LeaderboardModel(this))
    , m_platformState(new QLabel(this))
    , m_message(new ui::MessageBar(this)) {
    setObjectName(u"competitionsPage"_s);
    m_message->setObjectName(u"competitionMessage"_s);
    m_message->hide();
    m_list->setObjectName(u"competitionList"_s);
    m_list->setAccessibleName(tr("Competitions"));
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_stamp.clear();
        refreshLeaderboard();
        pullPlatform();
    });
    m_view->setObjectName(u"leaderboardTable"_s);
    m_view->setAccessibleName(tr("Leaderboard"));
    m_view->setModel(m_board);
    setupTable(m_view);
    m_boardTitle->setObjectName(u"leaderboardTitle"_s);
    m_platformView->setObjectName(u"platformLeaderboard"_s);
    m_platformView->setAccessibleName(tr("The platform's leaderboard"));
    m_platformView->setModel(m_platform);
    setupTable(m_platformView);
    m_platformView->setColumnHidden(LeaderboardModel::Attempts, true); // the platform reports the best only
    m_platformView->setColumnHidden(LeaderboardModel::Passed, true);
    m_platformState->setObjectName(u"platformLeaderboardState"_s);

    auto *boards = new QWidget(this);
    auto *bv = new QVBoxLayout(boards);
    bv->setContentsMargins(0, 0, 0, 0);
    bv->addWidget(m_boardTitle);
    bv->addWidget(m_view, 2);
    bv->addWidget(m_platformState);
    bv->addWidget(m_platformView, 1);
    auto *left = new QWidget(this);
    auto *lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    lv->addWidget(buildForm());
    lv->addWidget(new QLabel(tr("Competitions"), left));
    lv->addWidget(m_list, 1);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(boards);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    for (const QKeySequence &k : ui::shortcutKeys(ui::shortcut::trainingCreateCompetition)) {
        auto *s = new QShortcut(k, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, &CompetitionTab::create);
    }
    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::trainingRefreshBoard), this);
    reload->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reload, &QShortcut::activated, this, [this] {
        m_stamp.clear();
        refreshLeaderboard();
        pullPlatform();
    });
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &CompetitionTab::poll);
    m_poll.start();
    if (m_ctx.afterSync)
        m_ctx.afterSync(this, [this] { pullPlatform(); });
    setFocusProxy(m_name);
    refresh();
}

QWidget *CompetitionTab::buildForm() {
    auto *box = new QWidget(this);
    m_name->setObjectName(u"competitionName"_s);
    m_blueprint->setObjectName(u"competitionBlueprint"_s);
    m_trainees->setObjectName(u"competitionTrainees"_s);
    m_trainees->setAccessibleName(tr("Trainees (Space ticks one)"));
    m_trainees->setMaximumHeight(140);
    m_scenarios->setObjectName(u"competitionScenarios"_s);
    m_scenarios->setAccessibleName(tr("Scenario drills, taken in this order (Space ticks one)"));
    m_scenarios->setMaximumHeight(120);
    m_start->setObjectName(u"competitionStart"_s);
    m_start->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    // The wall time in Beijing (Qt 6.4's editor has no time zone of its own): read back as CST in create().
    const QDateTime cst = m_ctx.clock->nowUtc().toTimeZone(Clock::chinaStandardTime());
    m_start->setDateTime(QDateTime(cst.date(), cst.time()));
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    auto row = [&](const QString &label, QWidget *w) {
        auto *l = new QLabel(label, box);
        l->setBuddy(w);
        form->addRow(l, w);
    };
    row(tr("&Name"), m_name);
    row(tr("&Blueprint"), m_blueprint);
    row(tr("S&cenario drills"), m_scenarios);
    row(tr("T&rainees"), m_trainees);
    row(tr("&Start (Beijing time)"), m_start);
    auto *create = new QPushButton(
        ui::withShortcut(tr("Create the competition"), ui::shortcut::trainingCreateCompetition), box);
    create->setObjectName(u"competitionCreate"_s);
    connect(create, &QPushButton::clicked, this, &CompetitionTab::create);
    form->addRow(create);
    return box;
}

void CompetitionTab::refresh() {
    const QString bp = m_blueprint->currentData().toString();
    QSet<QString> ticked;
    for (int i = 0; i < m_scenarios->count(); ++i)
        if (m_scenarios->item(i)->checkState() == Qt::Checked)
            ticked.insert(m_scenarios->item(i)->data(Qt::UserRole).toString());
    m_blueprint->clear();
    if (auto list = training::BlueprintStore(*m_ctx.db, *m_ctx.clock, nullptr).list())
        for (const training::StoredBlueprint &b : list.value())
            m_blueprint->addItem(b.blueprint.name, b.id);
    // Last, so a saved blueprint stays the default: a competition over scenario drills alone.
    m_blueprint->addItem(tr("(no blueprint: scenario drills only)"), QString());
    // "No blueprint" stays chosen while scenario drills are ticked; otherwise a blueprint is the default.
    m_blueprint->setCurrentIndex(bp.isEmpty() && ticked.isEmpty() ? 0
                                                                  : std::max(0, m_blueprint->findData(bp)));
    m_scenarios->clear();
    if (auto open = training::ScenarioDrills(*m_ctx.db, *m_ctx.clock).openScenarios())
        for (const auto &[id, scenario] : open.value()) {
            auto *item = new QListWidgetItem(
                tr("%1 (%n minute(s))", "", (scenario.timeLimitS + 59) / 60).arg(scenario.title),
                m_scenarios);
            item->setData(Qt::UserRole, id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(ticked.contains(id) ? Qt::Checked : Qt::Unchecked);
        }
    if (m_trainees->count() == 0) {
        if (auto clerks = m_service.trainees()) {
            for (const training::Trainee &t : clerks.value()) {
                auto *item = new QListWidgetItem(u"%1（%2）"_s.arg(t.name, t.username), m_trainees);
                item->setData(Qt::UserRole, t.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
        }
    }
    const QString current = selectedDrill();
    auto all = m_service.list();
    if (!all) {
        m_message->showError(all.error().message);
        return;
    }
    m_competitions = all.value();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const training::Competition &c : std::as_const(m_competitions))
            m_list->addItem(u"%1　%2"_s.arg(
                c.startsAt.toTimeZone(Clock::chinaStandardTime()).toString(u"yyyy-MM-dd HH:mm"_s), c.name));
        int row = 0;
        for (int i = 0; i < m_competitions.size(); ++i)
            if (m_competitions.at(i).drillId == current)
                row = i;
        if (!m_competitions.isEmpty())
            m_list->setCurrentRow(row);
    }
    m_stamp.clear();
    refreshLeaderboard();
    pullPlatform();
}

QString CompetitionTab::selectedDrill() const {
    const int row = m_list->currentRow();
    return row >= 0 && row < m_competitions.size() ? m_competitions.at(row).drillId : QString();
}

void CompetitionTab::create() {
    training::Competition c;
    c.name = m_name->text().trimmed();
    c.blueprintId = m_blueprint->currentData().toString();
    if (!c.blueprintId.isEmpty()) {
        auto bp = training::BlueprintStore(*m_ctx.db, *m_ctx.clock, nullptr).get(c.blueprintId);
        if (bp)
            c.blueprint = bp->blueprint;
    }
    for (int i = 0; i < m_trainees->count(); ++i)
        if (m_trainees->item(i)->checkState() == Qt::Checked)
            c.traineeIds.append(m_trainees->item(i)->data(Qt::UserRole).toString());
    for (int i = 0; i < m_scenarios->count(); ++i)
        if (m_scenarios->item(i)->checkState() == Qt::Checked)
            c.scenarioIds.append(m_scenarios->item(i)->data(Qt::UserRole).toString());
    c.startsAt = QDateTime(m_start->date(), m_start->time(), Clock::chinaStandardTime()).toUTC();
    auto id = m_service.create(c, m_ctx.user.id);
    if (!id) {
        m_message->showError(id.error().message);
        return;
    }
    m_message->showInfo(tr("Competition %1 created for %2 trainees.").arg(c.name).arg(c.traineeIds.size()));
    m_name->clear();
    for (int i = 0; i < m_trainees->count(); ++i)
        m_trainees->item(i)->setCheckState(Qt::Unchecked);
    for (int i = 0; i < m_scenarios->count(); ++i)
        m_scenarios->item(i)->setCheckState(Qt::Unchecked);
    refresh();
    for (int i = 0; i < m_competitions.size(); ++i)
        if (m_competitions.at(i).drillId == id.value())
            m_list->setCurrentRow(i);
    m_view->setFocus();
}

void CompetitionTab::poll() {
    if (!isVisible())
        return;
    const QString drill = selectedDrill();
    if (drill.isEmpty())
        return;
    auto stamp = m_service.resultsStamp(drill);
    if (stamp && stamp.value() != m_stamp)
        refreshLeaderboard();
    if (++m_ticks % kPlatformEvery == 0)
        pullPlatform();
}

void CompetitionTab::refreshLeaderboard() {
    const QString drill = selectedDrill();
    if (drill.isEmpty()) {
        m_board->setRows({});
        m_boardTitle->setText(tr("No competition yet: set one up on the left."));
        return;
    }
    if (auto stamp = m_service.resultsStamp(drill))
        m_stamp = stamp.value();
    auto rows = m_service.leaderboard(drill);
    if (!rows) {
        m_message->showError(rows.error().message);
        return;
    }
    m_board->setRows(rows.value());
    const training::Competition &c = m_competitions.at(m_list->currentRow());
    if (c.isScenarioSet()) {
        QStringList titles;
        for (const training::CompetitionScenario &p : c.scenarios)
            titles.append(p.title);
        m_boardTitle->setText(tr("%1 — parts: %2; full marks %3; trainees: %4")
                                  .arg(c.name, titles.join(u"、"_s))
                                  .arg(c.maxScore(), 0, 'g', 6)
                                  .arg(c.traineeIds.size()));
        return;
    }
    m_boardTitle->setText(tr("%1 — %2, pass line %3 of %4; trainees: %5")
                              .arg(c.name, c.blueprint.name)
                              .arg(c.blueprint.passScore, 0, 'g', 6)
                              .arg(c.blueprint.maxScore(), 0, 'g', 6)
                              .arg(c.traineeIds.size()));
}

void CompetitionTab::pullPlatform() {
    const QString drill = selectedDrill();
    if (!m_ctx.online || drill.isEmpty()) {
        m_platformState->setText(tr("The platform's leaderboard: not connected to a platform."));
        m_platform->setRows({});
        return;
    }
    sync::fetchTrainingLeaderboard(
        *m_ctx.online, drill, this, [this, drill](const Result<QList<sync::PlatformLeaderboardEntry>> &r) {
            if (drill != selectedDrill())
                return;
            if (!r) {
                m_platformState->setText(
                    tr("The platform's leaderboard is unavailable: %1").arg(r.error().message));
                return;
            }
            showPlatform(r.value());
        });
}

void CompetitionTab::showPlatform(const QList<sync::PlatformLeaderboardEntry> &entries) {
    QList<training::LeaderboardRow> rows;
    for (const sync::PlatformLeaderboardEntry &e : entries) {
        training::LeaderboardRow r;
        r.traineeId = e.traineeId;
        r.name = e.name.isEmpty() ? e.traineeId : e.name;
        r.bestScore = e.bestScore;
        r.bestDurationS = e.bestDurationS;
        const training::LeaderboardRow *prev = rows.isEmpty() ? nullptr : &rows.last();
        r.rank = prev && prev->bestScore == r.bestScore && prev->bestDurationS == r.bestDurationS
                     ? prev->rank
                     : int(rows.size()) + 1;
        rows.append(r);
    }
    m_platform->setRows(rows);
    m_platformState->setText(
        tr("The platform's leaderboard (all halls), as of %1:")
            .arg(m_ctx.clock->nowUtc().toTimeZone(Clock::chinaStandardTime()).toString(u"HH:mm:ss"_s)));
}

} // namespace windowdesk::trainingui
