#pragma once
// One sync per database at a time, GUI or CLI: a lock file beside the database (`<db>.sync.lock`).
// A lock left by a process that died is taken over (QLockFile checks the owner's pid).
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
    static QString lockPathFor(const QString &databasePath) {
        return databasePath + QStringLiteral(".sync.lock");
    }

private:
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace windowdesk::sync
