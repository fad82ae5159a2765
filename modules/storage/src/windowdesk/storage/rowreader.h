#pragma once
// RowReader: a forward-only read of many rows on a Database's own SQLite connection, without QSqlQuery.
//
// QSQLITE turns every column of every row it steps over into a QVariant (a new QString for each text value)
// before the caller asks for any of them. Over hundreds of thousands of rows — a year of a big hall's ticket
// events (the year report), the unfinished cases of a million-case hall (the supervision board) — that
// conversion is most of the time (issue 13/14, perf). RowReader hands out the values as SQLite holds them
// (integers; UTF-8 bytes valid until the next step) and converts only what the caller asks for.
//
// The same connection as Database::query() (the driver's sqlite3 handle): the same transaction, locks and
// busy timeout. Read only: a statement that would write is refused. For the few readers of many rows; every
// other statement keeps going through Database::query().
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QDate>
#include <QHash>
#include <QString>
#include <QVariantList>

struct sqlite3_stmt;

namespace windowdesk::storage {

class Database;

class RowReader {
public:
    // Prepares and binds `sql` (positional '?' parameters; QVariant null, integer, bool, double or text).
    // Errors: "sql" (the statement does not prepare or bind, or it is not read-only), "db_busy".
    static Result<RowReader> open(const Database &db, const QString &sql, const QVariantList &binds = {});

    RowReader(RowReader &&other) noexcept;
    RowReader &operator=(RowReader &&other) noexcept;
    RowReader(const RowReader &) = delete;
    RowReader &operator=(const RowReader &) = delete;
    ~RowReader();

    // The next row; false at the end or on an error (status() tells which).
    bool next();
    Status status() const;

    bool isNull(int column) const;
    qint64 integer(int column) const; // 0 for NULL
    // The column's text as UTF-8, valid until the next next(); empty for NULL.
    QByteArrayView utf8(int column) const;
    QString text(int column) const;
    // An ISO date (YYYY-MM-DD) as QDate::fromString(…, Qt::ISODate) reads it; invalid for NULL or other text.
    QDate date(int column) const;

private:
    RowReader() = default;
    sqlite3_stmt *m_stmt = nullptr;
    Error m_error;
    bool m_failed = false;
};

// Text values that repeat (window numbers, clerk ids, statuses, departments): one shared QString each, so
// that reading a column of many rows allocates once per distinct value.
class TextPool {
public:
    QString get(QByteArrayView utf8);

private:
    QHash<QByteArray, QString> m_pool;
};

} // namespace windowdesk::storage
