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
#include <functional>
#include <optional>

class QIODevice;

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
    enum Type { Null, Text, Id, Moment, Date, Integer, Boolean, Real };
    Type type = Null;
    QString text;      // Text, Id
    qint64 number = 0; // Integer, Boolean (0/1), Moment (Unix seconds)
    QDate date;        // Date
    double real = 0;   // Real (a score: 87.5)
};

struct ExportTable {
    ExportKind kind = ExportKind::Cases;
    QStringList columns;
    QList<QList<ExportCell>> rows;
    QString sheet; // the XLSX sheet's name; empty: the kind's name
};

// Where an export's rows go, one at a time: the exporter never holds the period's rows (a year of a big
// hall is 100,000 cases), each row is written as it is read (issue 14: the GUI's peak memory and time).
class ExportSink {
public:
    virtual ~ExportSink() = default;
    virtual Status begin(ExportKind kind, const QStringList &columns) = 0;
    virtual Status row(const QList<ExportCell> &cells) = 0;
    virtual Status finish() = 0;
};

// Keeps the rows (small periods, tests): what Exporter::table() returns.
class TableSink final : public ExportSink {
public:
    Status begin(ExportKind kind, const QStringList &columns) override;
    Status row(const QList<ExportCell> &cells) override;
    Status finish() override { return {}; }
    ExportTable table;
};

// CSV bytes written to `out` as the rows come (buffered): BOM, header, CRLF after every line (RFC 4180
// quoting). An id that Excel would read as a number gets a trailing tab (kept as text, never rounded); a
// cell starting with = + - @ or a tab gets a leading '.
class CsvSink final : public ExportSink {
public:
    explicit CsvSink(QIODevice &out)
        : m_out(out) {}
    Status begin(ExportKind kind, const QStringList &columns) override;
    Status row(const QList<ExportCell> &cells) override;
    Status finish() override;

private:
    Status flush();
    QIODevice &m_out;
    QByteArray m_buffer;
};

// An XLSX workbook at `path` written row by row (libxlsxwriter's constant_memory: one row in memory; one
// sheet named after the export): ids as text cells, times as date-time cells in CST, the header row frozen.
// Error xlsx_failed. A workbook not finished is closed (and left incomplete) by the destructor.
class XlsxSink final : public ExportSink {
public:
    // `sheet`: the sheet's name; empty: the export kind's name.
    explicit XlsxSink(const QString &path, const QString &sheet = {})
        : m_path(path)
        , m_sheet(sheet) {}
    ~XlsxSink() override;
    XlsxSink(const XlsxSink &) = delete;
    XlsxSink &operator=(const XlsxSink &) = delete;
    Status begin(ExportKind kind, const QStringList &columns) override;
    Status row(const QList<ExportCell> &cells) override;
    Status finish() override;

private:
    struct Workbook;
    QString m_path;
    QString m_sheet;
    Workbook *m_wb = nullptr;
    quint32 m_row = 0;
};

class Exporter {
public:
    Exporter(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // The rows of [from, to) into `sink` as they are read (begin, the rows, finish); the number of rows.
    // Error invalid_period when from >= to or a date is invalid (nothing reaches the sink).
    Result<qint64> write(ExportKind kind, const QDate &from, const QDate &to, bool unmasked,
                         ExportSink &sink) const;
    // The same rows kept in a table.
    Result<ExportTable> table(ExportKind kind, const QDate &from, const QDate &to, bool unmasked) const;

private:
    Status cases(const QDate &from, const QDate &to, bool unmasked, ExportSink &sink, qint64 &rows) const;
    Status queue(const QDate &from, const QDate &to, ExportSink &sink, qint64 &rows) const;
    Status evaluations(const QDate &from, const QDate &to, ExportSink &sink, qint64 &rows) const;
    storage::Database &m_db;
    const Clock &m_clock;
};

enum class ExportFormat { Csv, Xlsx };

// The export of [from, to) written to `path` whole or not at all — the one path of `windowdeskctl export`
// and the report page's Ctrl+S. The rows stream into a temporary file beside `path`; then `beforeCommit`
// (when given) is called with the number of rows — the caller's audit — and only if it succeeds is the
// file moved into place (owner-only permissions). On any error `path` is left as it was. The number of rows.
Result<qint64> exportToFile(const Exporter &exporter, ExportKind kind, const QDate &from, const QDate &to,
                            bool unmasked, ExportFormat format, const QString &path,
                            const std::function<Status(qint64 rows)> &beforeCommit = {});

// The CSV bytes of a table (CsvSink into memory).
QByteArray toCsv(const ExportTable &table);
// The CSV text of one cell (what CsvSink writes between the separators).
QString csvCell(const ExportCell &cell);
// Writes the XLSX workbook of a table to `path` (XlsxSink). Error xlsx_failed.
Status writeXlsx(const ExportTable &table, const QString &path);

} // namespace windowdesk::reports
