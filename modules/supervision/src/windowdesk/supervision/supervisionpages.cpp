#include "supervisionpages.h"
#include "crossprovinceboard.h"
#include "halldutiespage.h"
#include "ledgerpage.h"
#include "queueboardpage.h"
#include "reportpage.h"
#include "supervisionpage.h"

#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

#include <QShortcut>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              storage::AuditLog *audit, const storage::User &user,
                              const AfterPull &afterPull) {
    {
        ui::PageSpec spec{u"supervision"_s,
                          ui::MainWindow::tr("Supervision"),
                          {u"supervisor"_s},
                          ui::shortcutKey(ui::shortcut::goSupervision),
                          {},
                          ui::pageorder::supervision};
        spec.create = [&db, &clock, audit, user, afterPull]() -> QWidget * {
            auto *tabs = new QTabWidget;
            tabs->setObjectName(u"supervisionTabs"_s);
            auto *board = new SupervisionPage(db, clock, user, nullptr, audit);
            auto *ledger = new LedgerPage(db, clock, audit, user);
            if (afterPull) {
                afterPull(board, [board] { board->refresh(); });
                afterPull(ledger, [ledger] { ledger->refresh(); });
            }
            tabs->addTab(board, SupervisionPage::tr("Overdue board"));
            tabs->addTab(ledger, LedgerPage::tr("Bad-rating ledger"));
            // The queue now and the period report (issue 14): their own tabs, their own files.
            auto *queue = new QueueBoardPage(db, clock, user);
            auto *report = new ReportPage(db, clock, user, audit);
            if (afterPull) {
                afterPull(queue, [queue] { queue->refresh(); });
                afterPull(report, [report] { report->refresh(); });
            }
            tabs->addTab(queue, QueueBoardPage::tr("Queue"));
            tabs->addTab(report, ReportPage::tr("Reports"));
            // The hall duties (issue 16): 办不成事, 告知承诺 post-checks; other duties add their sections.
            auto *duties = new HallDutiesPage(db, clock, audit, user);
            if (afterPull)
                afterPull(duties, [duties] { duties->refresh(); });
            tabs->addTab(duties, HallDutiesPage::tr("Hall duties"));
            QObject::connect(board, &SupervisionPage::falseCommitmentsRequested, duties, [tabs, duties] {
                tabs->setCurrentWidget(duties);
                duties->showFalseCommitments();
            });
            // 跨省通办 hall-wide, late receipts flagged (issue 16): crossprovinceboard.h.
            auto *crossProvince = new CrossProvinceBoard(db, clock);
            if (afterPull)
                afterPull(crossProvince, [crossProvince] { crossProvince->refresh(); });
            tabs->addTab(crossProvince, CrossProvinceBoard::tr("Cross-province"));
            tabs->setFocusProxy(tabs->widget(0));
            // The tab widget itself switches only on Ctrl+Tab, and only when no child takes the key (the
            // lists take Ctrl+PgDown): the page's own keys, from the one table, wherever the focus is in it.
            auto step = [tabs](int by) {
                tabs->setCurrentIndex((tabs->currentIndex() + by + tabs->count()) % tabs->count());
                tabs->currentWidget()->setFocus();
            };
            auto *next = new QShortcut(ui::shortcutKey(ui::shortcut::supervisionNextTab), tabs);
            next->setContext(Qt::WidgetWithChildrenShortcut);
            QObject::connect(next, &QShortcut::activated, tabs, [step] { step(1); });
            auto *previous = new QShortcut(ui::shortcutKey(ui::shortcut::supervisionPreviousTab), tabs);
            previous->setContext(Qt::WidgetWithChildrenShortcut);
            QObject::connect(previous, &QShortcut::activated, tabs, [step] { step(-1); });
            return tabs;
        };
        window.registerPage(spec);
    }
}

} // namespace windowdesk::supervision
