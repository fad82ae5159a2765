#include "supervisionpages.h"
#include "ledgerpage.h"
#include "supervisionpage.h"

#include <windowdesk/ui/mainwindow.h>

#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              storage::AuditLog *audit, const storage::User &user,
                              const AfterPull &afterPull) {
    for (ui::PageSpec spec : ui::MainWindow::builtinPages()) {
        if (spec.id != u"supervision"_s)
            continue;
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
            tabs->setFocusProxy(tabs->widget(0));
            return tabs;
        };
        window.registerPage(spec);
    }
}

} // namespace windowdesk::supervision
