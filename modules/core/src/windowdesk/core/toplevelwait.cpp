#include "toplevelwait.h"

#include <QCoreApplication>
#include <QThread>

namespace windowdesk {

bool TopLevelWait::canWait() {
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread() && QThread::currentThread()->loopLevel() == 0;
}

bool TopLevelWait::exec() {
    if (m_finished)
        return true;
    if (!canWait())
        return false;
    m_running = true;
    QCoreApplication::exec(); // the application's own loop, at the top level: nothing is nested in it
    m_running = false;
    return m_finished;
}

void TopLevelWait::finish() {
    m_finished = true;
    if (m_running)
        QCoreApplication::exit(0);
}

} // namespace windowdesk
