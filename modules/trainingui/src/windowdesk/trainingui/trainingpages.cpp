#include "trainingpages.h"
#include "practicepage.h"
#include "trainerpage.h"

#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

using namespace Qt::StringLiterals;

namespace windowdesk::trainingui {

void registerTrainingPages(ui::MainWindow &window, const TrainingContext &context) {
    window.registerPage({u"training"_s,
                         ui::MainWindow::tr("Training"),
                         {u"trainer"_s},
                         ui::shortcutKey(ui::shortcut::goTraining),
                         [context]() -> QWidget * { return new TrainerPage(context); },
                         ui::pageorder::training});
    window.registerPage({u"practice"_s,
                         ui::MainWindow::tr("Practice"),
                         {u"clerk"_s},
                         ui::shortcutKey(ui::shortcut::goPractice),
                         [context]() -> QWidget * { return new PracticePage(context); },
                         ui::pageorder::practice});
}

} // namespace windowdesk::trainingui
