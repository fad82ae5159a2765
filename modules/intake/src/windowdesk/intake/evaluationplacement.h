#pragma once
// Where the evaluation window opens (#17, the evaluation pad). With the setting evaluation.screen naming one
// of this desk's screens (its name, or a number from 1), full screen on that screen: the citizen's pad, used
// by touch. With no screen chosen, a window centred on the clerk's, where whoever turns the screen sees it.
// When the chosen screen is gone (unplugged, renamed), the same centred window on the clerk's screen, and
// the clerk is told. The rule is planEvaluationPlacement, free of widgets and of the desk's real screens.
#include <windowdesk/ui/screenchoice.h>

#include <QList>
#include <QRect>
#include <QString>

class QWidget;

namespace windowdesk::intake {

using ui::ScreenInfo;

struct EvaluationPlacement {
    int screen = -1; // index into the screens; -1 only when there are none
    bool fullScreen = false;
    bool chosenScreenMissing = false; // the setting names a screen this desk does not have now
    QRect geometry;                   // the window's (full screen: the screen's)
};

// `clerkScreen`: the index of the screen the clerk's window is on; `clerkFrame`: that window's frame, or an
// empty rectangle when it is not shown; `size`: the window's preferred size when not full screen.
EvaluationPlacement planEvaluationPlacement(const QList<ScreenInfo> &screens, const QString &setting,
                                            int clerkScreen, const QRect &clerkFrame, const QSize &size);

// Plans for the desk's screens and applies the plan to `evaluation` (before it is shown: show() then keeps
// the window state); returns it so the caller can tell the clerk about a missing screen.
EvaluationPlacement placeEvaluationWindow(QWidget *evaluation, const QWidget *clerkWindow,
                                          const QString &screenSetting);

} // namespace windowdesk::intake
