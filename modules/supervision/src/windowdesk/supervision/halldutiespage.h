#pragma once
// The supervision page's 办事难点 tab (issue 16): the hall duties hall-wide, one section each — the 办不成事
// requests (overdue ones counted and flagged), the 告知承诺 post-checks (false commitments); other duties
// (跨省通办) add a section of their own with addSection(). Each section shows what modules/cases lists.
#include <windowdesk/cases/checksmodel.h>
#include <windowdesk/cases/unresolvedmodel.h>
#include <windowdesk/storage/userrepository.h>

#include <QWidget>

class QLabel;
class QTableView;
class QVBoxLayout;

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::supervision {

class HallDutiesPage : public QWidget {
    Q_OBJECT
public:
    HallDutiesPage(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                   const storage::User &user, QWidget *parent = nullptr);
    // A titled section below the others (its widget refreshes itself, or through refreshed()).
    void addSection(const QString &title, QWidget *section);
    const cases::UnresolvedModel &unresolvedModel() const { return m_unresolved; }
    const cases::ChecksModel &checksModel() const { return m_checks; }

public slots:
    void refresh();
    // The board's false-commitments tile: the checks list has the focus, on the first false commitment.
    void showFalseCommitments();

signals:
    void refreshed();

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    storage::User m_user;
    QVBoxLayout *m_sections;
    cases::UnresolvedModel m_unresolved;
    QTableView *m_unresolvedView;
    QLabel *m_unresolvedSummary;
    cases::ChecksModel m_checks;
    QTableView *m_checksView;
    QLabel *m_checksSummary;
};

} // namespace windowdesk::supervision
