#include "synclock.h"

#include <QFileInfo>

namespace windowdesk::sync {

QString SyncLock::lockPathFor(const QString &databasePath) {
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + QStringLiteral(".sync.lock");
}

SyncLock::SyncLock(const QString &databasePath)
    : m_lock(std::make_unique<QLockFile>(lockPathFor(databasePath))) {
    // Never stale by age: a long sync keeps its lock; a dead owner is detected by its pid.
    m_lock->setStaleLockTime(0);
}

bool SyncLock::tryLock() {
    return m_lock->tryLock(0);
}

void SyncLock::unlock() {
    m_lock->unlock();
}

bool SyncLock::isLocked() const {
    return m_lock->isLocked();
}

} // namespace windowdesk::sync
