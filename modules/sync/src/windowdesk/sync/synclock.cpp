#include "synclock.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace windowdesk::sync {

namespace {
using FileId = QPair<quint64, quint64>; // st_dev, st_ino

struct IdentityLocks {
    QMutex mutex;
    QHash<FileId, int> fds; // one descriptor per database file, kept open for the life of the process
    QSet<FileId> held;      // identities held by a SyncLock of this process
};

IdentityLocks &identityLocks() {
    static IdentityLocks *locks = new IdentityLocks; // never destroyed: the descriptors stay open
    return *locks;
}
} // namespace

QString SyncLock::lockPathFor(const QString &databasePath) {
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + QStringLiteral(".sync.lock");
}

SyncLock::SyncLock(const QString &databasePath)
    : m_databasePath(databasePath)
    , m_lock(std::make_unique<QLockFile>(lockPathFor(databasePath))) {
    // Never stale by age: a long sync keeps its lock; a dead owner is detected by its pid.
    m_lock->setStaleLockTime(0);
}

SyncLock::~SyncLock() {
    unlockIdentity();
}

bool SyncLock::tryLock() {
    if (!m_lock->tryLock(0))
        return false;
    if (!lockIdentity()) {
        m_lock->unlock();
        return false;
    }
    return true;
}

void SyncLock::unlock() {
    unlockIdentity();
    m_lock->unlock();
}

bool SyncLock::isLocked() const {
    return m_lock->isLocked();
}

bool SyncLock::lockIdentity() {
    const QByteArray path = QFile::encodeName(m_databasePath);
    struct stat st {};
    if (::stat(path.constData(), &st) != 0)
        return true; // no database file yet: nothing to reach it by another name; the lock file suffices
    const FileId id{quint64(st.st_dev), quint64(st.st_ino)};
    IdentityLocks &locks = identityLocks();
    QMutexLocker guard(&locks.mutex);
    if (locks.held.contains(id))
        return false; // another SyncLock of this process has it (flock would not tell: same descriptor)
    int fd = locks.fds.value(id, -1);
    if (fd < 0) {
        fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return true; // unreadable here: the database's own open reports that; the lock file suffices
        struct stat opened {};
        if (::fstat(fd, &opened) != 0 || opened.st_dev != st.st_dev || opened.st_ino != st.st_ino) {
            // Replaced between stat and open: keep the descriptor (never close one) under its own identity.
            locks.fds.insert({quint64(opened.st_dev), quint64(opened.st_ino)}, fd);
            return false;
        }
        locks.fds.insert(id, fd);
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
        return false; // another process syncs this file, by whatever name
    locks.held.insert(id);
    m_identityFd = fd;
    return true;
}

void SyncLock::unlockIdentity() {
    if (m_identityFd < 0)
        return;
    IdentityLocks &locks = identityLocks();
    QMutexLocker guard(&locks.mutex);
    ::flock(m_identityFd, LOCK_UN);
    for (auto it = locks.fds.cbegin(); it != locks.fds.cend(); ++it)
        if (it.value() == m_identityFd)
            locks.held.remove(it.key());
    m_identityFd = -1;
}

} // namespace windowdesk::sync
