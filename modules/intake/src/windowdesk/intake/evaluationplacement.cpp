#include "evaluationplacement.h"
#include "intakelogging.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace windowdesk::intake {

void placeEvaluationWindow(QWidget *w, const QWidget *clerk, const QString &screenSetting) {
    QScreen *target = nullptr;
    const QString wanted = screenSetting.trimmed();
    if (!wanted.isEmpty()) {
        const QList<QScreen *> screens = QGuiApplication::screens();
        bool isNumber = false;
        const int n = wanted.toInt(&isNumber);
        for (qsizetype i = 0; i < screens.size() && !target; ++i)
            if ((isNumber && n == i + 1) || screens.at(i)->name() == wanted)
                target = screens.at(i);
        if (!target)
            qCWarning(lcIntake) << "evaluation.screen names no screen of this desk:" << wanted;
    }
    QRect area;
    if (target) {
        area = target->availableGeometry();
    } else {
        QScreen *screen = clerk->screen() ? clerk->screen() : QGuiApplication::primaryScreen();
        area = clerk->isVisible() ? clerk->frameGeometry().intersected(screen->availableGeometry())
                                  : screen->availableGeometry();
        if (area.isEmpty())
            area = screen->availableGeometry();
    }
    w->adjustSize();
    const QSize size = w->size().boundedTo(area.size());
    w->resize(size);
    if (target)
        w->setScreen(target);
    w->move(area.center() - QPoint(size.width() / 2, size.height() / 2));
}

} // namespace windowdesk::intake
