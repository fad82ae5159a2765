#include "trainingpages.h"
#include "trainerpage.h"

#include <windowdesk/ui/mainwindow.h>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

void registerTrainingPages(ui::MainWindow &window, const TrainingContext &context) {
    for (ui::PageSpec spec : ui::MainWindow::builtinPages()) {
        if (spec.id == u"training"_s) {
            spec.create = [context]() -> QWidget * { return new TrainerPage(context); };
            window.registerPage(spec);
        }
    }
}

} // namespace windowdesk::trainingui
