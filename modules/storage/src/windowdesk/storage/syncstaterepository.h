#pragma once
// What the sync worker keeps about its own progress (sync-rules.md rule 6 and 8): each stream's cursor
// (stored in the transaction that applies its page), the records a pull rejected, and the last success and
// error for the status bar.
#include <windowdesk/core/result.h>

#include <QString>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;

// sync_state key of the platform's API version as last seen (platform-api.md 1.1, "Version"): "1.1", "1.0"
// (an answer without X-Api-Version), or absent when never seen. The 1.1 features read it.
inline constexpr char kPlatformApiVersionState[] = "platform_api_version";

class SyncStateRepository {
public:
    SyncStateRepository(Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}

    // The stored cursor of a stream (empty: from the beginning).
    QString cursor(const QString &stream) const;
    // True while a from-the-beginning pull of the stream is under way (after 410 cursor_expired).
    bool fullPullUnderway(const QString &stream) const;
    // The page's cursor, in the caller's transaction; `completed`: the stream has no more pages for now.
    Status storeCursor(const QString &stream, const QString &cursor, bool completed);
    // 410 cursor_expired on a record stream: from the beginning again, nothing local deleted.
    Status forgetCursor(const QString &stream);
    // A malformed record of a pulled page, kept for `catalog rejections` and the clerk.
    Status recordRejection(const QString &stream, const QString &recordKey, const QString &field,
                           const QString &message);
    // last_success, last_error: what the status bar shows (its own transaction).
    Status setState(const QString &key, const QString &value);
    // The stored value of last_success or last_error (empty when never set).
    QString state(const QString &key) const;

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::storage
