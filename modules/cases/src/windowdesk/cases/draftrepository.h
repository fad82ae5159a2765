#pragma once
// Drafts: the whole intake state as JSON, saved as the clerk types so a crash loses at most a second.
#include "intaketypes.h"

#include <windowdesk/core/result.h>

#include <QList>
#include <QString>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct StoredDraft {
    QString id;
    QString updatedAt;
    IntakeDraft draft;
};

class DraftRepository {
public:
    DraftRepository(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Inserts or replaces the draft (draft.draftId must be set); one small transaction.
    Status save(const QString &clerkId, const IntakeDraft &draft);
    Result<IntakeDraft> load(const QString &draftId) const;
    // This clerk's unfinished drafts, newest first.
    Result<QList<StoredDraft>> openDrafts(const QString &clerkId) const;
    Status discard(const QString &draftId);

private:
    storage::Database &m_db;
    const Clock &m_clock;
};

} // namespace windowdesk::cases
