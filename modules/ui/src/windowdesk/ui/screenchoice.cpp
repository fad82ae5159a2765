#include "screenchoice.h"

#include <QGuiApplication>
#include <QScreen>

namespace windowdesk::ui {

QList<ScreenInfo> desktopScreens() {
    QList<ScreenInfo> list;
    for (QScreen *s : QGuiApplication::screens())
        list.append({s->name(), s->geometry(), s->availableGeometry()});
    return list;
}

int screenNamedBy(const QList<ScreenInfo> &screens, const QString &setting) {
    const QString wanted = setting.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (qsizetype i = 0; i < screens.size(); ++i)
        if (screens.at(i).name == wanted)
            return int(i);
    bool isNumber = false;
    const int n = wanted.toInt(&isNumber);
    return isNumber && n >= 1 && n <= screens.size() ? n - 1 : -1;
}

QString screenSettingFor(const QList<ScreenInfo> &screens, int index) {
    if (index < 0 || index >= screens.size())
        return {};
    const QString name = screens.at(index).name;
    int sameName = 0;
    for (const ScreenInfo &s : screens)
        sameName += s.name == name ? 1 : 0;
    bool looksLikeNumber = false;
    name.toInt(&looksLikeNumber);
    return !name.isEmpty() && sameName == 1 && !looksLikeNumber ? name : QString::number(index + 1);
}

} // namespace windowdesk::ui
