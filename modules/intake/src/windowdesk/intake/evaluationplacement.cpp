#include "evaluationplacement.h"
#include "intakelogging.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace windowdesk::intake {

EvaluationPlacement planEvaluationPlacement(const QList<ScreenInfo> &screens, const QString &setting,
                                            int clerkScreen, const QRect &clerkFrame, const QSize &size) {
    EvaluationPlacement plan;
    if (screens.isEmpty())
        return plan;
    const int chosen = ui::screenNamedBy(screens, setting);
    if (chosen >= 0) {
        plan.screen = chosen;
        plan.fullScreen = true;
        plan.geometry = screens.at(chosen).geometry;
        return plan;
    }
    plan.chosenScreenMissing = !setting.trimmed().isEmpty();
    plan.screen = clerkScreen >= 0 && clerkScreen < screens.size() ? clerkScreen : 0;
    const QRect available = screens.at(plan.screen).available;
    // Over the clerk's window where it is on this screen, else the middle of the screen.
    QRect area = clerkFrame.intersected(available);
    if (area.isEmpty())
        area = available;
    QRect r(QPoint(), size.boundedTo(available.size()));
    r.moveCenter(area.center());
    // Kept on the screen when the clerk's window hangs over its edge.
    r.moveLeft(qBound(available.left(), r.left(), available.right() - r.width() + 1));
    r.moveTop(qBound(available.top(), r.top(), available.bottom() - r.height() + 1));
    plan.geometry = r;
    return plan;
}

EvaluationPlacement placeEvaluationWindow(QWidget *w, const QWidget *clerk, const QString &screenSetting) {
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *clerkScreen = clerk->screen() ? clerk->screen() : QGuiApplication::primaryScreen();
    w->adjustSize();
    const EvaluationPlacement plan =
        planEvaluationPlacement(ui::desktopScreens(), screenSetting, int(screens.indexOf(clerkScreen)),
                                clerk->isVisible() ? clerk->frameGeometry() : QRect(), w->size());
    if (plan.chosenScreenMissing)
        qCWarning(lcIntake) << "evaluation.screen names no screen of this desk:" << screenSetting;
    if (plan.screen < 0)
        return plan;
    w->setScreen(screens.at(plan.screen));
    w->setGeometry(plan.geometry);
    w->setWindowState(plan.fullScreen ? (w->windowState() | Qt::WindowFullScreen)
                                      : (w->windowState() & ~Qt::WindowFullScreen));
    return plan;
}

} // namespace windowdesk::intake
