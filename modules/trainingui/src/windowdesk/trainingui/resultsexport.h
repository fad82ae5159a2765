#pragma once
// The 成绩 tab's exports as reports' tables (written by reports::toCsv / reports::writeXlsx, the writers of
// the supervision exports: formula-looking text stays text, CSV with BOM): one row per result of every
// trainee (their history), or one row per trainee and blueprint (the hall's skill levels). Names are staff
// names (not masked, core/masking.h); user ids and drill titles go through maskPersonalDataInText so that an
// id or phone number used as one never leaves unmasked.
#include <windowdesk/core/result.h>
#include <windowdesk/reports/exporter.h>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::trainingui {

Result<reports::ExportTable> resultsHistoryTable(const storage::Database &db);
Result<reports::ExportTable> skillLevelsTable(const storage::Database &db);
// Writes `table` as CSV or XLSX by the path's suffix. Errors: unsupported_format, io, xlsx_failed.
Status writeResultsTable(const reports::ExportTable &table, const QString &path);

} // namespace windowdesk::trainingui
