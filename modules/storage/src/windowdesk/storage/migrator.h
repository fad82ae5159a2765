#pragma once
// Numbered schema migrations (`NNNN_name.sql`, numbers contiguous from 1) and the SQL splitter that feeds
// them to QSqlQuery one statement at a time.
#include <windowdesk/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace windowdesk::storage {

struct Migration {
    int version = 0;
    QString fileName; // e.g. 0001_init.sql
    QString path;
};

class Migrator {
public:
    // The migrations of `dir`, sorted. Error "migration_invalid" when names are malformed, duplicated or not
    // contiguous from 1.
    static Result<QList<Migration>> list(const QString &dir);

    // Splits an SQL script into statements. `;` inside quotes, identifiers and comments does not split, and
    // `CREATE TRIGGER … BEGIN … END;` (with nested CASE … END) stays one statement. Comment-only pieces are
    // dropped.
    static QStringList splitStatements(const QString &script);
};

} // namespace windowdesk::storage
