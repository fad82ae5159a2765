#include "trainingpages.h"
#include "practicepage.h"
#include "trainerpage.h"

#include <windowdesk/ui/mainwindow.h>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

void registerTrainingPages(ui::MainWindow &window, const TrainingContext &context) {
    for (ui::PageSpec spec : ui::MainWindow::builtinPages()) {
        if (spec.id == u"training"_s) {
            spec.create = [context]() -> QWidget * {
                return new TrainerPage(context);
            };
            window.registerPage(spec);
        } else if (spec.id == u"practice"_s) {
            spec.create = [context]() -> QWidget * {
                return new PracticePage(context);
            };
            window.registerPage(spec);
        }
    }
}

} // namespace windowdesk::trainingui
