#include "paths.h"

#include <QDesktopServices>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

QString noticesDirectory() {
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/share"_s;
    const QString dir = QDir::cleanPath(base + u"/WindowDesk/notices"_s);
    QDir().mkpath(dir);
    return dir;
}

bool openFolder(const QString &dir) {
    QDir().mkpath(dir);
    return QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
}

} // namespace windowdesk::ui
