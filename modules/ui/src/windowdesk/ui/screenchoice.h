#pragma once
// The desk's screens as the setting evaluation.screen names them (#17, the evaluation pad): by a screen's
// name, or by its number from 1 when the name is empty, a number or shared by two screens. Free of widgets:
// the Settings dialog lists the screens with it, the intake page's placement finds the chosen one with it.
#include <QList>
#include <QRect>
#include <QString>

namespace windowdesk::ui {

struct ScreenInfo {
    QString name;
    QRect geometry;  // the whole screen, in desktop coordinates
    QRect available; // without panels and docks
};

// This desk's screens, in the order the setting numbers them (QGuiApplication::screens()).
QList<ScreenInfo> desktopScreens();
// The index of the screen `setting` names: a screen's name first, else a number from 1; -1 for none.
int screenNamedBy(const QList<ScreenInfo> &screens, const QString &setting);
// What the setting stores for screens[index].
QString screenSettingFor(const QList<ScreenInfo> &screens, int index);

} // namespace windowdesk::ui
