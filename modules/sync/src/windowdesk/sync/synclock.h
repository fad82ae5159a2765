#pragma once
// One sync per database at a time, GUI or CLI. The lock belongs to the database FILE, not to a name it was
// reached by (issue 18 item 9): two locks are taken, both must be had —
//  - a lock file beside the database's canonical path (`<db>.sync.lock`; symbolic links, `./`, `..`
//  resolved),
//    taken over when the process that left it died (QLockFile checks the owner's pid); and
//  - an flock(2) on the database file itself, which the kernel keys by device and inode, so a HARD LINK to
//    the same database (which no path resolution can see) finds it too, and a dead holder releases it.
// The descriptor for the flock is opened once per database file and process and never closed: closing any
// descriptor of a file drops the POSIX locks SQLite holds on it in this process. flock and SQLite's fcntl
// locks do not interact on Linux. Within one process, a file's identity lock is had by one SyncLock at a
// time.
#include <QLockFile>
#include <QString>
#include <memory>

namespace windowdesk::sync {

class SyncLock {
public:
    explicit SyncLock(const QString &databasePath);
    ~SyncLock();
    bool tryLock(); // false at once when another sync holds it
    void unlock();
    bool isLocked() const;
    // `<canonical path of the database>.sync.lock` (the absolute path when the file does not exist yet).
    static QString lockPathFor(const QString &databasePath);

private:
    bool lockIdentity();
    void unlockIdentity();
    QString m_databasePath;
    std::unique_ptr<QLockFile> m_lock;
    int m_identityFd = -1; // the file's shared descriptor while this object holds its identity lock
};

} // namespace windowdesk::sync
