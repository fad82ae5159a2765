#include "intakepages.h"
#include "evaluationdialog.h"
#include "intakepage.h"
#include "mycasespage.h"

#include <windowdesk/ui/mainwindow.h>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

void registerIntakePages(ui::MainWindow &window, IntakeContext &context) {
    const QList<ui::PageSpec> builtins = ui::MainWindow::builtinPages();
    for (ui::PageSpec spec : builtins) {
        if (spec.id == u"intake"_s)
            spec.create = [&context]() -> QWidget * {
                return new IntakePage(context);
            };
        else if (spec.id == u"cases"_s)
            spec.create = [&context]() -> QWidget * {
                return new MyCasesPage(context);
            };
        else
            continue;
        window.registerPage(spec);
    }
}

} // namespace windowdesk::intake
