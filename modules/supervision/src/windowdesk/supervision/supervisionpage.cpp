#include "supervisionpage.h"

#include "followupdialog.h"
#include "revealdialog.h"

#include <windowdesk/cases/commitmentchecks.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/ui/focusreturn.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <array>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

namespace {
const QList<cases::BoardTile> kTiles = {cases::BoardTile::Open, cases::BoardTile::Warning,
                                        cases::BoardTile::Yellow, cases::BoardTile::Red,
                                        cases::BoardTile::FollowupMissing};
const QStringList kTileNames = {u"open"_s, u"warning"_s, u"yellow"_s, u"red"_s, u"followup"_s};
const std::array<const char *, 5> kTileKeys = {ui::shortcut::boardTileOpen, ui::shortcut::boardTileWarning,
                                               ui::shortcut::boardTileYellow, ui::shortcut::boardTileRed,
                                               ui::shortcut::boardTileFollowup};
} // namespace

SupervisionPage::SupervisionPage(storage::Database &db, const Clock &clock, storage::User user,
                                 QWidget *parent, storage::AuditLog *audit)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_user(std::move(user))
    , m_audit(audit) {
    setObjectName(u"supervisionPage"_s);
    auto *layout = new QVBoxLayout(this);
    m_message = new ui::MessageBar(this);
    m_message->setObjectName(u"boardMessage"_s);
    layout->addWidget(m_message);

    auto *tiles = new QHBoxLayout;
    for (qsizetype i = 0; i < kTiles.size(); ++i) {
        auto *b = new QPushButton(this);
        b->setObjectName(u"tile_"_s + kTileNames.at(i));
        b->setCheckable(true);
        b->setMinimumHeight(48);
        b->setFocusPolicy(Qt::NoFocus); // the keys stay with the list; Alt+1..5 pick a tile
        const cases::BoardTile tile = kTiles.at(i);
        connect(b, &QPushButton::clicked, this, [this, tile] { selectTile(tile); });
        auto *sc = new QShortcut(ui::shortcutKey(kTileKeys.at(std::size_t(i))), this);
        connect(sc, &QShortcut::activated, this, [this, tile] { selectTile(tile); });
        tiles->addWidget(b);
        m_tiles.append(b);
    }
    // 告知承诺: a false commitment found by a post-check shows on the board (product.md §7); the tile opens
    // the checks in the hall-duties tab. Not a filter of the cases: a revoked case is no longer open.
    m_falseCommitments = new QPushButton(this);
    m_falseCommitments->setObjectName(u"tile_false_commitment"_s);
    m_falseCommitments->setMinimumHeight(48);
    m_falseCommitments->setFocusPolicy(Qt::NoFocus);
    connect(m_falseCommitments, &QPushButton::clicked, this, &SupervisionPage::falseCommitmentsRequested);
    auto *falseKey = new QShortcut(ui::shortcutKey(ui::shortcut::boardTileFalseCommitment), this);
    connect(falseKey, &QShortcut::activated, this, &SupervisionPage::falseCommitmentsRequested);
    tiles->addWidget(m_falseCommitments);
    layout->addLayout(tiles);

    auto *bar = new QHBoxLayout;
    m_path = new QLabel(this);
    m_path->setObjectName(u"boardPath"_s);
    bar->addWidget(m_path, 1);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"boardFilter"_s);
    m_filter->setPlaceholderText(tr("Type to filter"));
    m_filter->setAccessibleName(tr("Filter the list"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    bar->addWidget(m_filter);
    layout->addLayout(bar);

    m_rows = new BoardRowsModel(this);
    m_cases = new BoardCasesModel(this);
    m_timeline = new TimelineModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_view = new QTableView(this);
    m_view->setObjectName(u"boardView"_s);
    m_view->setAccessibleName(tr("Overdue board"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    // The name column takes the spare width (see showLevel()), not the last count column.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->installEventFilter(this);
    connect(m_view, &QTableView::doubleClicked, this, [this] { drillDown(); });
    layout->addWidget(m_view, 1);
    setFocusProxy(m_view);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"boardHint"_s);
    m_summary->setWordWrap(true); // the keys stay readable on a 1366-pixel screen
    m_summary->setText(
        tr("Type to filter · Enter: open · Backspace: back · Alt+1..6: tiles · Ctrl+G: by window / "
           "by department · Ctrl+R: refresh · F3: follow up a red or yellow case · F4: full id and phone "
           "(with a reason)"));
    layout->addWidget(m_summary);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filters[int(m_level)] = text;
        m_proxy->setFilterFixedString(text);
        if (!m_view->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_view->setCurrentIndex(m_proxy->index(0, 0));
    });
    auto *grouping = new QShortcut(ui::shortcutKey(ui::shortcut::boardGrouping), this);
    connect(grouping, &QShortcut::activated, this, [this] {
        setGrouping(m_by == cases::BoardGrouping::Window ? cases::BoardGrouping::Department
                                                         : cases::BoardGrouping::Window);
    });
    auto *reload = new QShortcut(ui::shortcutKey(ui::shortcut::reloadCases), this);
    connect(reload, &QShortcut::activated, this, &SupervisionPage::refresh);
    auto *followup = new QShortcut(ui::shortcutKey(ui::shortcut::boardFollowup), this);
    connect(followup, &QShortcut::activated, this, &SupervisionPage::followUp);
    auto *reveal = new QShortcut(ui::shortcutKey(ui::shortcut::boardReveal), this);
    connect(reveal, &QShortcut::activated, this, &SupervisionPage::revealApplicant);
    refresh();
}

void SupervisionPage::followUp() {
    const cases::BoardCaseCard *found = currentCase();
    if (!found || !found->card ||
        (found->card->colour != core::CardColour::Red && found->card->colour != core::CardColour::Yellow)) {
        m_message->showWarning(tr("Select a red or yellow case to follow it up (F3)."));
        return;
    }
    const QString id = found->data.localId;
    const QString title = caseTitle(*found);
    auto *dialog = new FollowupDialog(m_db, m_clock, m_audit, m_user, id,
                                      found->card->colour == core::CardColour::Red ? u"red"_s : u"yellow"_s,
                                      title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString notice = dialog->notice();
        refresh(); // the timeline shows the follow-up, the tile counts move
        m_message->showInfo(notice);
    });
    ui::returnFocusWhenClosed(dialog, m_view); // F3, Esc: the page's keys (and Ctrl+PgDown) work again
    dialog->open();
}

const cases::BoardCaseCard *SupervisionPage::currentCase() const {
    const QString id =
        m_level == Level::Timeline ? m_caseId
        : m_level == Level::Cases
            ? m_view->currentIndex().siblingAtColumn(0).data(BoardCasesModel::LocalIdRole).toString()
            : QString();
    if (id.isEmpty())
        return nullptr;
    for (const cases::BoardCaseCard &c : m_board.cases)
        if (c.data.localId == id)
            return &c;
    return nullptr;
}

QString SupervisionPage::caseTitle(const cases::BoardCaseCard &c) const {
    return (c.data.caseNo.isEmpty() ? tr("local %1").arg(c.data.localId.left(8)) : c.data.caseNo) + u" · "_s +
           cardLabel(c);
}

void SupervisionPage::revealApplicant() {
    const cases::BoardCaseCard *found = currentCase();
    if (!found) {
        m_message->showWarning(tr("Select a case to show its applicant's full data (F4)."));
        return;
    }
    if (!found->data.fromDesk) { // the service refuses it too; no reason asked for data that is not here
        m_message->showWarning(tr("This case was taken in at another window (hall-wide data): its full id "
                                  "number and phone are not held on this computer, only the masked form."));
        return;
    }
    QStringList masked{found->data.applicantName};
    if (!found->data.idMasked.isEmpty())
        masked << found->data.idMasked;
    if (!found->data.phoneMasked.isEmpty())
        masked << found->data.phoneMasked;
    auto *dialog = new RevealDialog(m_db, m_audit, m_user, found->data.localId, caseTitle(*found),
                                    masked.join(u" · "_s), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose); // the full values go with it
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (dialog->revealed())
            m_message->showInfo(tr("The applicant's full data was shown; the reason is in the audit log."));
    });
    ui::returnFocusWhenClosed(dialog, m_view);
    dialog->open();
}

void SupervisionPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    refresh();
}

void SupervisionPage::refresh() {
    const QString keep = currentRowId();
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    const cases::CaseRepository repo(m_db);
    auto settings = repo.cardSettings();
    if (!cal.ok() || !settings.ok()) {
        m_message->showError(tr("The board cannot be read: %1")
                                 .arg(!cal.ok() ? cal.error().message : settings.error().message));
        return;
    }
    auto board = cases::OverdueBoard::computeFor(m_user.roles, repo, m_clock.nowUtc(), m_by, cal.value(),
                                                 settings.value());
    if (!board.ok()) {
        m_message->showError(board.error().code == u"forbidden"_s
                                 ? tr("Only supervisors see the hall's board.")
                                 : tr("The board cannot be read: %1").arg(board.error().message));
        return;
    }
    m_board = std::move(board.value());
    if (auto names = repo.userNames(); names.ok())
        m_userNames = names.value();
    m_message->clearMessage();
    updateTiles();
    showLevel();
    selectRowId(keep);
}

QList<cases::BoardCaseCard> SupervisionPage::casesOfTile() const {
    QList<cases::BoardCaseCard> out;
    for (const cases::BoardCaseCard &c : m_board.cases)
        if (cases::OverdueBoard::inTile(c, m_tile))
            out.append(c);
    return out;
}

void SupervisionPage::updateTiles() {
    const cases::BoardCounts &t = m_board.total;
    const QList<std::pair<QString, int>> texts = {{tr("Open"), t.open},
                                                  {tr("Warning"), t.warning},
                                                  {tr("Yellow cards"), t.yellow},
                                                  {tr("Red cards"), t.red},
                                                  {tr("Follow-ups missing"), t.followupMissing}};
    for (qsizetype i = 0; i < m_tiles.size(); ++i) {
        m_tiles[i]->setText(u"%1\n%2 (Alt+%3)"_s.arg(texts[i].second).arg(texts[i].first).arg(i + 1));
        m_tiles[i]->setAccessibleName(u"%1 %2"_s.arg(texts[i].first).arg(texts[i].second));
        m_tiles[i]->setChecked(kTiles.at(i) == m_tile);
    }
    auto found = cases::CommitmentCheckService(m_db, m_clock, m_audit, m_user.id).falseCommitments();
    const int n = found.ok() ? found.value() : 0;
    const QString name = tr("False commitments");
    m_falseCommitments->setText(
        u"%1\n%2 (Alt+%3)"_s.arg(found.ok() ? QString::number(n) : u"?"_s, name).arg(kTiles.size() + 1));
    m_falseCommitments->setAccessibleName(u"%1 %2"_s.arg(name).arg(n));
    m_falseCommitments->setProperty("flagged", n > 0);
    m_falseCommitments->setStyleSheet(n > 0 ? u"color: #b00020; font-weight: bold;"_s : QString());
}

void SupervisionPage::showLevel() {
    const QString tileName = m_tiles.at(kTiles.indexOf(m_tile))->accessibleName().section(u' ', 0, 0);
    if (m_level == Level::Groups) {
        m_rows->setRows(cases::OverdueBoard::rows(casesOfTile(), m_by), m_by);
        m_proxy->setSourceModel(m_rows);
        m_path->setText(tileName);
    } else if (m_level == Level::Cases) {
        QList<cases::BoardCaseCard> list;
        for (const cases::BoardCaseCard &c : casesOfTile())
            if (c.hasKey(m_by) == m_key.has_value() && (!m_key || c.key(m_by) == *m_key))
                list.append(c);
        m_cases->setCases(list, m_userNames);
        m_proxy->setSourceModel(m_cases);
        m_path->setText(u"%1 › %2"_s.arg(tileName, m_key.value_or(tr("(no department)"))));
    } else {
        auto entries = cases::CaseRepository(m_db).timeline(m_caseId);
        m_timeline->setEntries(entries.ok() ? entries.value() : QList<cases::TimelineEntry>{});
        m_proxy->setSourceModel(m_timeline);
        QString title = m_caseId.left(8);
        for (const cases::BoardCaseCard &c : m_board.cases) {
            if (c.data.localId != m_caseId)
                continue;
            title = (c.data.caseNo.isEmpty() ? tr("local %1").arg(c.data.localId.left(8)) : c.data.caseNo) +
                    u" · "_s + cardLabel(c);
            if (c.card)
                title += tr(" · promised %1, legal %2 (platform %3)")
                             .arg(c.card->promisedDue.toString(Qt::ISODate),
                                  c.card->legalDue.toString(Qt::ISODate),
                                  c.data.platformPromisedDue.isValid()
                                      ? c.data.platformPromisedDue.toString(Qt::ISODate)
                                      : tr("none"));
        }
        m_path->setText(u"%1 › %2 › %3"_s.arg(tileName, m_key.value_or(tr("(no department)")), title));
    }
    const QSignalBlocker block(m_filter);
    m_filter->setText(m_filters.value(int(m_level)));
    m_proxy->setFilterFixedString(m_filter->text());
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnsToContents();
    if (m_level == Level::Groups) {
        // The window (or department) as wide as its names; the counts share the rest, so that "A01" does not
        // stretch across the table with the numbers pushed to its right edge.
        header->setSectionResizeMode(QHeaderView::Stretch);
        header->setSectionResizeMode(int(BoardRowsModel::Key), QHeaderView::ResizeToContents);
    } else {
        header->setSectionResizeMode(m_level == Level::Cases ? int(BoardCasesModel::Applicant)
                                                             : int(TimelineModel::Detail),
                                     QHeaderView::Stretch);
    }
    if (m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
}

QString SupervisionPage::currentRowId() const {
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        return {};
    if (m_level == Level::Groups)
        return i.siblingAtColumn(0).data(BoardRowsModel::KeyRole).toString();
    if (m_level == Level::Cases)
        return i.siblingAtColumn(0).data(BoardCasesModel::LocalIdRole).toString();
    return QString::number(i.row());
}

void SupervisionPage::selectRowId(const QString &id) {
    if (id.isEmpty())
        return;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex i = m_proxy->index(r, 0);
        const QString rowId = m_level == Level::Groups  ? i.data(BoardRowsModel::KeyRole).toString()
                              : m_level == Level::Cases ? i.data(BoardCasesModel::LocalIdRole).toString()
                                                        : QString::number(r);
        if (rowId == id) {
            m_view->setCurrentIndex(i);
            return;
        }
    }
}

void SupervisionPage::drillDown() {
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        return;
    if (m_level == Level::Groups) {
        m_key = i.siblingAtColumn(0).data(BoardRowsModel::HasKeyRole).toBool()
                    ? std::optional<QString>(i.siblingAtColumn(0).data(BoardRowsModel::KeyRole).toString())
                    : std::nullopt;
        m_filters[int(Level::Cases)].clear();
        m_level = Level::Cases;
    } else if (m_level == Level::Cases) {
        m_caseId = i.siblingAtColumn(0).data(BoardCasesModel::LocalIdRole).toString();
        m_filters[int(Level::Timeline)].clear();
        m_level = Level::Timeline;
    } else {
        return;
    }
    showLevel();
}

void SupervisionPage::goUp() {
    if (m_level == Level::Groups)
        return;
    const QString back = m_level == Level::Timeline ? m_caseId : m_key.value_or(QString());
    m_level = m_level == Level::Timeline ? Level::Cases : Level::Groups;
    showLevel();
    selectRowId(back);
}

void SupervisionPage::selectTile(cases::BoardTile tile) {
    m_tile = tile;
    m_level = Level::Groups;
    m_filters.clear();
    updateTiles();
    showLevel();
    m_view->setFocus();
}

void SupervisionPage::setGrouping(cases::BoardGrouping by) {
    m_by = by;
    m_level = Level::Groups;
    m_filters.clear();
    showLevel();
}

bool SupervisionPage::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress || (watched != m_view && watched != m_filter))
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        drillDown();
        return true;
    case Qt::Key_Backspace:
        if (m_filter->text().isEmpty()) {
            goUp();
            return true;
        }
        if (watched == m_view) {
            m_filter->backspace();
            return true;
        }
        return false;
    case Qt::Key_Escape:
        if (!m_filter->text().isEmpty()) {
            m_filter->clear();
            return true;
        }
        return false;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (watched == m_filter) { // the list moves while the filter has the focus
            QApplication::sendEvent(m_view, event);
            return true;
        }
        return false;
    default:
        break;
    }
    // Typing on the list goes into the filter.
    if (watched == m_view && !key->text().isEmpty() && key->text().at(0).isPrint() &&
        !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        m_filter->insert(key->text());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace windowdesk::supervision
