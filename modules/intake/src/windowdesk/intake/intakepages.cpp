#include "intakepages.h"
#include "catalogpage.h"
#include "evaluationdialog.h"
#include "intakepage.h"
#include "mycasespage.h"

#include <windowdesk/ui/mainwindow.h>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

void registerIntakePages(ui::MainWindow &window, IntakeContext &context) {
    const QList<ui::PageSpec> builtins = ui::MainWindow::builtinPages();
    ui::MainWindow *w = &window;
    for (ui::PageSpec spec : builtins) {
        if (spec.id == u"intake"_s) {
            spec.create = [&context]() -> QWidget * {
                return new IntakePage(context);
            };
        } else if (spec.id == u"cases"_s) {
            spec.create = [&context]() -> QWidget * {
                return new MyCasesPage(context);
            };
        } else if (spec.id == u"catalog"_s) {
            // Enter on the catalog page starts an intake of that item or bundle.
            spec.create = [&context, w]() -> QWidget * {
                auto *page = new CatalogPage(*context.db, context.window.windowNo);
                QObject::connect(page, &CatalogPage::startIntake, w, [w](const QString &code, bool bundle) {
                    if (auto *intake = qobject_cast<IntakePage *>(w->page(u"intake"_s))) {
                        w->showPage(u"intake"_s);
                        intake->startMatter(code, bundle);
                    }
                });
                return page;
            };
        } else {
            continue;
        }
        window.registerPage(spec);
    }
}

} // namespace windowdesk::intake
