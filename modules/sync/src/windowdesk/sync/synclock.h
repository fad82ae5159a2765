#pragma once
// One sync per database at a time, GUI or CLI: a lock file beside the database (`<db>.sync.lock`).
// A lock left by a process that died is taken over (QLockFile checks the owner's pid).
// The lock belongs to the file, not to the name it was reached by: `<db>` is the database's canonical path
// (symbolic links resolved), so a symlink, `./`, `..` or a second spelling of the path finds the same lock.
#include <QLockFile>
#include <QString>
#include <memory>

namespace windowdesk::sync {

class SyncLock {
public:
    explicit SyncLock(const QString &databasePath);
    bool tryLock(); // false at once when another sync holds it
    void unlock();
    bool isLocked() const;
    // `<canonical path of the database>.sync.lock` (the absolute path when the file does not exist yet).
    static QString lockPathFor(const QString &databasePath);

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace windowdesk::sync
