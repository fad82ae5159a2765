#include "halldutiespage.h"

#include <windowdesk/core/clock.h>

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

HallDutiesPage::HallDutiesPage(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                               const storage::User &user, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_user(user)
    , m_sections(new QVBoxLayout)
    , m_unresolvedView(new QTableView(this))
    , m_unresolvedSummary(new QLabel(this))
    , m_checksView(new QTableView(this))
    , m_checksSummary(new QLabel(this)) {
    setObjectName(u"hallDutiesPage"_s);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(m_sections, 1);

    auto *unresolved = new QWidget(this);
    auto *v = new QVBoxLayout(unresolved);
    v->setContentsMargins(0, 0, 0, 0);
    m_unresolvedSummary->setObjectName(u"unresolvedSummary"_s);
    v->addWidget(m_unresolvedSummary);
    m_unresolvedView->setObjectName(u"hallUnresolvedList"_s);
    m_unresolvedView->setModel(&m_unresolved);
    m_unresolvedView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_unresolvedView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_unresolvedView->verticalHeader()->hide();
    m_unresolvedView->horizontalHeader()->setStretchLastSection(true);
    m_unresolvedView->setAccessibleName(tr("Matters that could not be done, hall-wide"));
    v->addWidget(m_unresolvedView);
    addSection(tr("Matters that could not be done"), unresolved);

    // 谁审批谁监管: the post-checks of the commitments this hall took; false commitments counted first.
    auto *checks = new QWidget(this);
    auto *c = new QVBoxLayout(checks);
    c->setContentsMargins(0, 0, 0, 0);
    m_checksSummary->setObjectName(u"checksSummary"_s);
    c->addWidget(m_checksSummary);
    m_checksView->setObjectName(u"hallChecksList"_s);
    m_checksView->setModel(&m_checks);
    m_checksView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checksView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checksView->verticalHeader()->hide();
    m_checksView->horizontalHeader()->setStretchLastSection(true);
    m_checksView->setAccessibleName(tr("Post-checks of commitments, hall-wide"));
    c->addWidget(m_checksView);
    addSection(tr("Post-checks of commitments"), checks);
    refresh();
}

void HallDutiesPage::addSection(const QString &title, QWidget *section) {
    auto *box = new QGroupBox(title, this);
    auto *v = new QVBoxLayout(box);
    v->addWidget(section);
    m_sections->addWidget(box, 1);
}

void HallDutiesPage::showFalseCommitments() {
    refresh();
    m_checksView->setFocus();
    for (int r = 0; r < m_checks.rowCount(); ++r) {
        const QModelIndex i = m_checks.index(r, 0);
        if (i.data(cases::ChecksModel::FalseCommitmentRole).toBool()) {
            m_checksView->setCurrentIndex(i);
            m_checksView->scrollTo(i);
            return;
        }
    }
}

void HallDutiesPage::refresh() {
    cases::UnresolvedRequestService service(m_db, m_clock, m_audit,
                                            {m_user.id, m_user.name, m_user.windowNo, QString()});
    auto rows = service.list(m_clock.nowUtc());
    if (rows.ok()) {
        m_unresolved.setRows(rows.value());
        int open = 0;
        for (const cases::UnresolvedRow &r : rows.value()) {
            const auto s = core::unresolvedStateFromString(r.state);
            open += s && !core::isFinished(*s) ? 1 : 0;
        }
        m_unresolvedSummary->setText(tr("%1 requests, %2 waiting for their reply, %3 overdue")
                                         .arg(rows->size())
                                         .arg(open)
                                         .arg(m_unresolved.overdueCount()));
        m_unresolvedView->resizeColumnsToContents();
    } else {
        m_unresolvedSummary->setText(rows.error().message);
    }
    auto checks = cases::CommitmentCheckService(m_db, m_clock, m_audit, m_user.id).list(m_clock.nowUtc());
    if (checks.ok()) {
        m_checks.setRows(checks.value());
        int open = 0;
        for (const cases::CheckRow &r : checks.value())
            open += r.state == u"open"_s ? 1 : 0;
        m_checksSummary->setText(tr("%1 false commitments, %2 checks open, %3 overdue")
                                     .arg(m_checks.falseCommitmentCount())
                                     .arg(open)
                                     .arg(m_checks.overdueCount()));
        m_checksView->resizeColumnsToContents();
    } else {
        m_checksSummary->setText(checks.error().message);
    }
    emit refreshed();
}

} // namespace windowdesk::supervision
