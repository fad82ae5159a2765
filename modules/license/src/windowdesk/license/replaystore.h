#pragma once
// Step 9 of EL1 verification: (kid, nonce) may be used once. Records live until exp + 86400.
#include <windowdesk/core/result.h>

#include <QHash>
#include <QString>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::license {

class ReplayStore {
public:
    virtual ~ReplayStore() = default;
    // Records (kid, nonce) unless seen before, atomically. true = new (recorded), false = seen before.
    // Rows with exp + 86400 < now may be pruned on the way.
    virtual Result<bool> recordIfNew(const QString &kid, const QString &nonce, qint64 exp, qint64 now) = 0;
};

// For tools and tests that need no persistence.
class MemoryReplayStore final : public ReplayStore {
public:
    Result<bool> recordIfNew(const QString &kid, const QString &nonce, qint64 exp, qint64 now) override;
    qsizetype size() const { return m_seen.size(); }

private:
    QHash<QString, qint64> m_seen; // kid + '\n' + nonce -> exp
};

// el1_replay in the client database: survives restarts; two processes on one file see each other.
class SqlReplayStore final : public ReplayStore {
public:
    explicit SqlReplayStore(storage::Database &db)
        : m_db(db) {}
    Result<bool> recordIfNew(const QString &kid, const QString &nonce, qint64 exp, qint64 now) override;
    // Deletes rows whose exp + 86400 < now; returns how many.
    Result<int> prune(qint64 now);

private:
    storage::Database &m_db;
};

} // namespace windowdesk::license
