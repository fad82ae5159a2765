#pragma once
// 监督 page (supervisor role): the hall's overdue board. Tiles (open, 预警, 黄牌, 红牌, follow-ups missing)
// → rows per window or department → the case list → the case's timeline. Keyboard: typing filters the list
// shown, Enter drills down, Backspace goes up (or takes back a typed character), Alt+1..5 pick a tile,
// Ctrl+G switches window/department, Ctrl+R refreshes (the selection is kept), F3 follows a red or yellow
// case up, F4 shows an applicant's full data with a reason (audited). The numbers come from
// cases::OverdueBoard, the same code as `windowdeskctl board`.
#include "boardmodels.h"

#include <windowdesk/storage/userrepository.h>

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage
namespace windowdesk::ui {
class MessageBar;
}

namespace windowdesk::supervision {

class SupervisionPage : public QWidget {
    Q_OBJECT
public:
    enum class Level { Groups, Cases, Timeline };
    SupervisionPage(storage::Database &db, const Clock &clock, storage::User user, QWidget *parent = nullptr,
                    storage::AuditLog *audit = nullptr);

    Level level() const { return m_level; }
    cases::BoardTile tile() const { return m_tile; }
    const cases::Board &board() const { return m_board; }
    // Re-reads the board (after a pull, Ctrl+R); the drill-down path and the current row stay where they
    // were.
    void refresh();
    void drillDown();
    void goUp();
    void selectTile(cases::BoardTile tile);
    void setGrouping(cases::BoardGrouping by);
    // F3 on a red or yellow case (its row or its timeline): the follow-up dialog (FollowupDialog).
    void followUp();
    // F4 on a case (its row or its timeline): the applicant's full id number and phone with a reason
    // (RevealDialog) for a case taken in at this desk; a hall-feed case says the data is not held here.
    void revealApplicant();

Q_SIGNALS:
    // The false-commitments tile (Alt+6): the hall's false commitments are listed among the hall duties.
    void falseCommitmentsRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Shown again (Ctrl+4, its tab): read anew, so the board never shows what it held before the last pull.
    void showEvent(QShowEvent *event) override;

private:
    void showLevel();
    void updateTiles();
    QList<cases::BoardCaseCard> casesOfTile() const;
    QString currentRowId() const;
    // The case of the current row (case list) or of the timeline; none at the rows level.
    const cases::BoardCaseCard *currentCase() const;
    QString caseTitle(const cases::BoardCaseCard &c) const;
    void selectRowId(const QString &id);

    storage::Database &m_db;
    const Clock &m_clock;
    storage::User m_user;
    storage::AuditLog *m_audit;
    cases::Board m_board;
    QHash<QString, QString> m_userNames;
    Level m_level = Level::Groups;
    cases::BoardTile m_tile = cases::BoardTile::Open;
    cases::BoardGrouping m_by = cases::BoardGrouping::Window;
    std::optional<QString> m_key;  // the row drilled into (none: the cases without a department)
    QString m_caseId;              // the case whose timeline is shown
    QHash<int, QString> m_filters; // per level

    ui::MessageBar *m_message;
    QList<QPushButton *> m_tiles;
    QPushButton *m_falseCommitments; // 谁审批谁监管: the post-checks' false commitments, hall-wide
    QLabel *m_path;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QTableView *m_view;
    QSortFilterProxyModel *m_proxy;
    BoardRowsModel *m_rows;
    BoardCasesModel *m_cases;
    TimelineModel *m_timeline;
};

} // namespace windowdesk::supervision
