#pragma once
// The outbox rows of a database SQLite cannot open (its header or schema page damaged): read straight from
// the file's pages (sync-rules.md rule 9: a damaged file must still show what it owes the platform).
#include "outboxrepository.h"

#include <QList>
#include <QString>

namespace windowdesk::storage {

struct OutboxSalvage {
    QList<OutboxEntry> rows; // every row not yet acknowledged that could be read, by seq
    bool pagesRead = false;  // false: the file itself could not be read
};

// Scans every page of the file at `path` (through SQLite's own descriptor, see RawDatabaseFile) and of its
// -wal (newer page versions win) for b-tree leaf cells shaped like an outbox row. The page size comes from
// the header when it is sound, else from the -wal's header, else 4096 (the default of every WindowDesk
// file). Best effort: a row on a page that is gone is missed.
OutboxSalvage salvageOutboxFromPages(const QString &path);

} // namespace windowdesk::storage
