#pragma once
// The exports of cli.md (`export cases|queue|evaluations`): the rows of a half-open CST period with exactly
// cli.md's columns, personal data masked unless the caller was allowed to see it, written as CSV (UTF-8 with
// BOM, CRLF, ids kept as text, formula-like cells defused) or XLSX (libxlsxwriter: ids as text cells, times
// as date-time cells in CST, the header row frozen). One code path for windowdeskctl and the report page.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::reports {

enum class ExportKind { Cases, Queue, Evaluations };
QString exportKindName(ExportKind k); // cases | queue | evaluations
std::optional<ExportKind> exportKindFromName(const QString &name);

struct ExportCell {
    enum Type { Null, Text, Id, Moment, Date, Integer, Boolean };
    Type type = Null;
    QString text;      // Text, Id
    qint64 number = 0; // Integer, Boolean (0/1), Moment (Unix seconds)
    QDate date;        // Date
};

struct ExportTable {
    ExportKind kind = ExportKind::Cases;
    QStringList columns;
    QList<QList<ExportCell>> rows;
};

class Exporter {
public:
    Exporter(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Error invalid_period when from >= to or a date is invalid.
    Result<ExportTable> table(ExportKind kind, const QDate &from, const QDate &to, bool unmasked) const;

private:
    Result<ExportTable> cases(const QDate &from, const QDate &to, bool unmasked) const;
    Result<ExportTable> queue(const QDate &from, const QDate &to) const;
    Result<ExportTable> evaluations(const QDate &from, const QDate &to) const;
    storage::Database &m_db;
    const Clock &m_clock;
};

// CSV bytes: BOM, header, CRLF after every line (RFC 4180 quoting). An id that Excel would read as a number
// gets a trailing tab (kept as text, never rounded); a cell starting with = + - @ or a tab gets a leading '.
QByteArray toCsv(const ExportTable &table);
// The CSV text of one cell (what toCsv writes between the separators).
QString csvCell(const ExportCell &cell);
// Writes the XLSX workbook to `path` (one sheet named after the export). Error xlsx_failed.
Status writeXlsx(const ExportTable &table, const QString &path);

} // namespace windowdesk::reports
