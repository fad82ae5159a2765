#include "supervisionpages.h"
#include "supervisionpage.h"

#include <windowdesk/ui/mainwindow.h>

using namespace Qt::StringLiterals;

namespace windowdesk::supervision {

void registerSupervisionPages(ui::MainWindow &window, storage::Database &db, const Clock &clock,
                              const storage::User &user) {
    for (ui::PageSpec spec : ui::MainWindow::builtinPages()) {
        if (spec.id != u"supervision"_s)
            continue;
        spec.create = [&db, &clock, user]() -> QWidget * {
            return new SupervisionPage(db, clock, user);
        };
        window.registerPage(spec);
    }
}

} // namespace windowdesk::supervision
