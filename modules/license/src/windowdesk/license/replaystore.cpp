#include "replaystore.h"

#include "el1format.h"

#include <windowdesk/storage/database.h>

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

Result<bool> MemoryReplayStore::recordIfNew(const QString &kid, const QString &nonce, qint64 exp,
                                            qint64 now) {
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        it = (it.value() + kEl1ReplayKeepSecs < now) ? m_seen.erase(it) : std::next(it);
    }
    const QString key = kid + u'\n' + nonce;
    if (m_seen.contains(key))
        return false;
    m_seen.insert(key, exp);
    return true;
}

Result<bool> SqlReplayStore::recordIfNew(const QString &kid, const QString &nonce, qint64 exp, qint64 now) {
    bool recorded = false;
    // One write transaction: two processes on the same file cannot both see a nonce as new.
    Status s = m_db.write([&]() -> Status {
        // exp + 86400 < now, written so that the index on exp serves it.
        Status pruned = m_db.exec(u"DELETE FROM el1_replay WHERE exp < ?"_s, {now - kEl1ReplayKeepSecs});
        if (!pruned.ok())
            return pruned;
        auto q = m_db.query(u"INSERT INTO el1_replay (kid, nonce, exp, seen_at) VALUES (?, ?, ?, ?)"
                            u" ON CONFLICT(kid, nonce) DO NOTHING"_s,
                            {kid, nonce, exp, now});
        if (!q.ok())
            return q.error();
        recorded = q->numRowsAffected() == 1;
        return {};
    });
    if (!s.ok())
        return s.error();
    return recorded;
}

Result<int> SqlReplayStore::prune(qint64 now) {
    int n = 0;
    Status s = m_db.write([&]() -> Status {
        auto q = m_db.query(u"DELETE FROM el1_replay WHERE exp < ?"_s, {now - kEl1ReplayKeepSecs});
        if (!q.ok())
            return q.error();
        n = q->numRowsAffected();
        return {};
    });
    if (!s.ok())
        return s.error();
    return n;
}

} // namespace windowdesk::license
