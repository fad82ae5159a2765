#pragma once
// Where the evaluation window opens: on the citizen-facing screen named by the setting evaluation.screen (a
// screen name, or a number from 1) when it names one of this desk's screens, else centred on the clerk's
// window, where whoever turns the screen sees it.
#include <QString>

class QWidget;

namespace windowdesk::intake {

void placeEvaluationWindow(QWidget *evaluation, const QWidget *clerkWindow, const QString &screenSetting);

} // namespace windowdesk::intake
