#include "intakepages.h"
#include "cardreminder.h"
#include "catalogpage.h"
#include "checksdialog.h"
#include "crossprovincepage.h"
#include "evaluationdialog.h"
#include "intakepage.h"
#include "mycasespage.h"
#include "unresolveddialog.h"

#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

void registerIntakePages(ui::MainWindow &window, IntakeContext &context) {
    ui::MainWindow *w = &window;
    const QStringList clerk{u"clerk"_s};
    window.registerPage(
        {u"intake"_s, ui::MainWindow::tr("Intake"), clerk, ui::shortcutKey(ui::shortcut::goIntake),
         [&context]() -> QWidget * { return new IntakePage(context); }, ui::pageorder::intake});
    // Enter on the catalog page starts an intake of that item or bundle; trainers read the catalog too.
    window.registerPage({u"catalog"_s,
                         ui::MainWindow::tr("Catalog"),
                         {u"clerk"_s, u"trainer"_s},
                         ui::shortcutKey(ui::shortcut::goCatalog),
                         [&context, w]() -> QWidget * {
                             auto *page = new CatalogPage(*context.db, context.window.windowNo);
                             QObject::connect(
                                 page, &CatalogPage::startIntake, w, [w](const QString &code, bool bundle) {
                                     if (auto *intake = qobject_cast<IntakePage *>(w->page(u"intake"_s))) {
                                         w->showPage(u"intake"_s);
                                         intake->startMatter(code, bundle);
                                     }
                                 });
                             return page;
                         },
                         ui::pageorder::catalog});
    window.registerPage(
        {u"cases"_s, ui::MainWindow::tr("My cases"), clerk, ui::shortcutKey(ui::shortcut::goCases),
         [&context]() -> QWidget * { return new MyCasesPage(context); }, ui::pageorder::cases});
    // 跨省通办 (issue 16): the intake page's mode for another province's matters, a page of its own
    // (Ctrl+Shift+K) so that its keys never meet the intake page's.
    window.registerPage({u"crossprovince"_s, CrossProvincePage::tr("Cross-province"), clerk,
                         ui::shortcutKey(ui::shortcut::goCrossProvince),
                         [&context]() -> QWidget * { return new CrossProvincePage(context); },
                         ui::pageorder::crossProvince});
    if (context.remindCards && context.db && context.clock)
        QTimer::singleShot(0, w, [w, &context] { remindCards(*w, context); });
    if (context.db && context.clock)
        installUnresolvedShortcut(window, context); // 办不成事, from any page (issue 16)
    if (context.db && context.clock)
        installChecksShortcut(window, context); // 告知承诺 post-checks (issue 16)
}

void remindCards(ui::MainWindow &window, IntakeContext &context) {
    CasesModel model(*context.db, *context.clock, context.window.clerkId);
    if (!model.reload().ok())
        return;
    QList<CaseRow> rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows << model.row(r);
    const QList<CaseRow> carded = cardedCases(rows);
    if (carded.isEmpty())
        return;
    ui::MainWindow *w = &window;
    // Non-modal (open(), no nested event loop); deleted when closed.
    auto *dlg = new CardReminderDialog(carded, w);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dlg, &CardReminderDialog::openCasesRequested, w, [w](const QString &localId) {
        if (!w->showPage(u"cases"_s))
            return;
        if (auto *page = qobject_cast<MyCasesPage *>(w->page(u"cases"_s)); page && !localId.isEmpty())
            page->selectCase(localId);
    });
    dlg->open();
}

} // namespace windowdesk::intake
