#include "exporter.h"

#include "periodreport.h"
#include "tickethistory.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>
#include <windowdesk/storage/rowreader.h>

#include <QBuffer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringEncoder>
#include <QTemporaryFile>
#include <QTimeZone>

#include <filesystem>

#include <xlsxwriter.h>

using namespace Qt::StringLiterals;

namespace windowdesk::reports {

namespace {

ExportCell nullCell() {
    return {};
}
ExportCell text(const QString &s) {
    return s.isEmpty() ? nullCell() : ExportCell{ExportCell::Text, s, 0, {}};
}
ExportCell id(const QString &s) {
    return s.isEmpty() ? nullCell() : ExportCell{ExportCell::Id, s, 0, {}};
}
ExportCell integer(std::optional<qint64> v) {
    return v ? ExportCell{ExportCell::Integer, {}, *v, {}} : nullCell();
}
ExportCell boolean(bool b) {
    return {ExportCell::Boolean, {}, b ? 1 : 0, {}};
}
ExportCell moment(std::optional<qint64> unixS) {
    return unixS ? ExportCell{ExportCell::Moment, {}, *unixS, {}} : nullCell();
}
// Stored RFC 3339 text (UTC, or with its offset).
ExportCell momentText(const QString &rfc3339) {
    // The usual stored forms, YYYY-MM-DDTHH:MM:SSZ and YYYY-MM-DDTHH:MM:SS+HH:MM, read directly (a QDateTime
    // parse per row was a good part of a 100,000-case export); anything else as before.
    auto digits = [&](int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; ++i) {
            const char16_t c = rfc3339.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            v = v * 10 + (c - u'0');
        }
        return v;
    };
    const qsizetype n = rfc3339.size();
    std::optional<int> offsetS; // east of UTC
    if (n == 20 && rfc3339.at(19) == u'Z') {
        offsetS = 0;
    } else if (n == 25 && (rfc3339.at(19) == u'+' || rfc3339.at(19) == u'-') && rfc3339.at(22) == u':') {
        const int oh = digits(20, 2), om = digits(23, 2);
        if (oh >= 0 && oh < 24 && om >= 0 && om < 60)
            offsetS = (oh * 3600 + om * 60) * (rfc3339.at(19) == u'-' ? -1 : 1);
    }
    if (offsetS && rfc3339.at(4) == u'-' && rfc3339.at(7) == u'-' && rfc3339.at(10) == u'T' &&
        rfc3339.at(13) == u':' && rfc3339.at(16) == u':') {
        const int h = digits(11, 2), mi = digits(14, 2), se = digits(17, 2);
        const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
        const QDate day = y >= 0 && mo >= 0 && d >= 0 ? QDate(y, mo, d) : QDate();
        if (day.isValid() && h >= 0 && h < 24 && mi >= 0 && mi < 60 && se >= 0 && se < 60)
            return moment((day.toJulianDay() - 2440588) * 86400 + h * 3600 + mi * 60 + se -
                          *offsetS); // 1970-01-01 is Julian day 2,440,588
    }
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? moment(t.toSecsSinceEpoch()) : text(rfc3339);
}
ExportCell date(const QString &iso) {
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return d.isValid() ? ExportCell{ExportCell::Date, {}, 0, d} : text(iso);
}

// Excel reads these as numbers (and rounds past 15 digits, drops leading zeros).
bool looksNumeric(const QString &s) {
    bool digit = false;
    for (QChar c : s) {
        if (c.isDigit())
            digit = true;
        else if (c != u'.' && c != u'e' && c != u'E' && c != u'+' && c != u'-' && c != u' ')
            return false;
    }
    return digit;
}

Status checkPeriod(const QDate &from, const QDate &to) {
    if (!from.isValid() || !to.isValid() || from >= to)
        return Status::failure(u"invalid_period"_s, u"the period needs FROM before TO (dates YYYY-MM-DD)"_s);
    return {};
}

} // namespace

QString exportKindName(ExportKind k) {
    switch (k) {
    case ExportKind::Cases:
        return u"cases"_s;
    case ExportKind::Queue:
        return u"queue"_s;
    case ExportKind::Evaluations:
        return u"evaluations"_s;
    }
    return {};
}

std::optional<ExportKind> exportKindFromName(const QString &name) {
    for (ExportKind k : {ExportKind::Cases, ExportKind::Queue, ExportKind::Evaluations})
        if (exportKindName(k) == name)
            return k;
    return std::nullopt;
}

Result<qint64> Exporter::write(ExportKind kind, const QDate &from, const QDate &to, bool unmasked,
                               ExportSink &sink) const {
    if (Status s = checkPeriod(from, to); !s.ok())
        return s.error();
    qint64 rows = 0;
    Status s;
    switch (kind) {
    case ExportKind::Cases:
        s = cases(from, to, unmasked, sink, rows);
        break;
    case ExportKind::Queue:
        s = queue(from, to, sink, rows);
        break;
    case ExportKind::Evaluations:
        s = evaluations(from, to, sink, rows);
        break;
    }
    if (!s.ok())
        return s.error();
    return rows;
}

Result<ExportTable> Exporter::table(ExportKind kind, const QDate &from, const QDate &to,
                                    bool unmasked) const {
    TableSink sink;
    auto rows = write(kind, from, to, unmasked, sink);
    if (!rows.ok())
        return rows.error();
    return std::move(sink.table);
}

namespace {

// The card of open cases now, exactly as My cases and the board colour it; settings and calendar read once,
// when the first open case comes.
class OpenCaseCards {
public:
    OpenCaseCards(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock)
        , m_repo(db) {}
    // The card's name of each case of `localIds` (by position); "unknown" when its facts are missing.
    Result<QStringList> cards(const QStringList &localIds) {
        if (!m_settings) {
            auto settings = m_repo.cardSettings();
            if (!settings.ok())
                return settings.error();
            auto calendar = storage::CalendarRepository(m_db, m_clock).workingCalendar();
            if (!calendar.ok())
                return calendar.error();
            m_settings = settings.value();
            m_calendar = calendar.value();
            m_now = m_clock.nowUtc();
        }
        auto facts = m_repo.cardFacts(localIds);
        if (!facts.ok())
            return facts.error();
        QStringList out;
        out.reserve(localIds.size());
        for (const QString &localId : localIds) {
            const auto f = facts->constFind(localId);
            if (f == facts->constEnd()) {
                out.append(QString()); // left as read
                continue;
            }
            auto card = cases::evaluateCaseCard(f.value(), m_now, *m_calendar, *m_settings);
            out.append(card.ok() ? core::cardColourName(card->colour)
                                 : (card.error().code == u"calendar_missing"_s ? u"calendar_missing"_s
                                                                               : u"unknown"_s));
        }
        return out;
    }

private:
    storage::Database &m_db;
    const Clock &m_clock;
    const cases::CaseRepository m_repo;
    std::optional<core::CardSettings> m_settings;
    std::optional<core::WorkingCalendar> m_calendar;
    QDateTime m_now;
};

bool isOpenStatus(const QString &status) {
    using core::CaseStatus;
    return core::is(status, CaseStatus::Accepted) || core::is(status, CaseStatus::InProgress) ||
           core::is(status, CaseStatus::Suspended);
}

} // namespace

Status Exporter::cases(const QDate &from, const QDate &to, bool unmasked, ExportSink &sink,
                       qint64 &rows) const {
    const QStringList columns = {
        u"case_no"_s,        u"local_id"_s,     u"created_at"_s,      u"window_no"_s,      u"clerk_id"_s,
        u"applicant_name"_s, u"applicant_id"_s, u"applicant_phone"_s, u"item_codes"_s,     u"bundle_code"_s,
        u"decision"_s,       u"status"_s,       u"due_date"_s,        u"legal_due_date"_s, u"card"_s};
    // Cases decided in the period: the CST date of created_at is accepted_date (indexed).
    // Through storage::RowReader, read once front to back, each row written as it is read: only a batch of
    // rows waits for the cards of its open cases (one cardFacts() per batch), so memory stays flat.
    auto q = storage::RowReader::open(
        m_db,
        u"SELECT c.case_no, c.local_id, c.created_at, c.window_no, c.clerk_id, c.applicant_name, "
        u"c.applicant_id_number, c.applicant_phone, (SELECT group_concat(item_code, ';') FROM (SELECT "
        u"item_code "
        u"FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord)), c.bundle_code, c.decision, "
        u"c.status, c.promised_due, c.legal_due FROM cases c WHERE c.accepted_date >= ? AND c.accepted_date "
        u"< ? "
        u"ORDER BY c.accepted_date, c.created_at, c.local_id"_s,
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q.ok())
        return q.error();
    if (Status s = sink.begin(ExportKind::Cases, columns); !s.ok())
        return s;
    constexpr qsizetype kBatchRows = 2048, kBatchOpen = 400; // cardFacts() reads 400 ids per statement
    OpenCaseCards cards(m_db, m_clock);
    storage::TextPool pool;               // windows, clerks, decisions, statuses: one string each
    const storage::PersonalData pd(m_db); // id numbers and phones are sealed at rest
    QList<QList<ExportCell>> batch;
    QStringList open; // the batch's cases whose card needs the rule, and their rows
    QList<qsizetype> openRows;
    auto flush = [&]() -> Status {
        if (!open.isEmpty()) {
            auto colours = cards.cards(open);
            if (!colours.ok())
                return colours.error();
            for (qsizetype i = 0; i < open.size(); ++i)
                if (!colours->at(i).isEmpty())
                    batch[openRows.at(i)].last() = text(colours->at(i));
        }
        for (const QList<ExportCell> &r : std::as_const(batch)) {
            if (Status s = sink.row(r); !s.ok())
                return s;
            ++rows;
        }
        batch.clear();
        open.clear();
        openRows.clear();
        return {};
    };
    while (q->next()) {
        const QString status = pool.get(q->utf8(11));
        const QString localId = q->text(1);
        bool idLocked = false, phoneLocked = false;
        const QString idNumber = QString::fromUtf8(
            pd.openBytes(q->utf8(6).toByteArray(), storage::pdcolumn::idNumber, localId, &idLocked));
        const QString phone = QString::fromUtf8(
            pd.openBytes(q->utf8(7).toByteArray(), storage::pdcolumn::phone, localId, &phoneLocked));
        // A sealed value this program cannot open would be exported blank (masked or not): nothing is
        // exported instead, and the reason is told.
        if (idLocked || phoneLocked)
            return Status::failure(
                u"personal_data_locked"_s,
                u"身份证号和电话已加密保存，但本程序没有此数据库的密钥（没有系统钥匙串，或钥匙串中没有此数据"
                u"库"
                u"的密钥），未导出任何内容 / id numbers and phones are sealed and this program does not "
                u"hold the database's key (no system keychain, or not this database's key): nothing was "
                u"exported"_s);
        batch.append({id(q->text(0)), id(q->text(1)), momentText(q->text(2)), id(pool.get(q->utf8(3))),
                      id(pool.get(q->utf8(4))), text(q->text(5)),
                      id(unmasked ? idNumber : core::maskIdNumber(idNumber)),
                      id(unmasked ? phone : core::maskPhone(phone)), text(q->text(8)), id(q->text(9)),
                      text(pool.get(q->utf8(10))), text(status), date(q->text(12)), date(q->text(13)),
                      text(u"none"_s)});
        if (isOpenStatus(status)) {
            open.append(q->text(1));
            openRows.append(batch.size() - 1);
        }
        if (batch.size() >= kBatchRows || open.size() >= kBatchOpen)
            if (Status s = flush(); !s.ok())
                return s;
    }
    if (Status s = q->status(); !s.ok())
        return s;
    if (Status s = flush(); !s.ok())
        return s;
    return sink.finish();
}

Status Exporter::queue(const QDate &from, const QDate &to, ExportSink &sink, qint64 &rows) const {
    const QStringList columns = {u"ticket_no"_s,  u"category"_s, u"issued_at"_s, u"first_called_at"_s,
                                 u"started_at"_s, u"done_at"_s,  u"window_no"_s, u"clerk_id"_s,
                                 u"outcome"_s,    u"wait_s"_s,   u"service_s"_s};
    auto tickets = loadTickets(m_db, cstDayStart(from), cstDayStart(to));
    if (!tickets.ok())
        return tickets.error();
    if (Status s = sink.begin(ExportKind::Queue, columns); !s.ok())
        return s;
    for (const TicketRecord &r : tickets.value()) {
        if (Status s = sink.row({id(r.ticketNo), text(r.category), moment(r.issuedAt),
                                 moment(r.firstCalledAt), moment(r.startedAt), moment(r.doneAt),
                                 id(r.windowNo.value_or(QString())), id(r.clerkId.value_or(QString())),
                                 text(r.outcome()), integer(r.waitS), integer(r.serviceS)});
            !s.ok())
            return s;
        ++rows;
    }
    return sink.finish();
}

Status Exporter::evaluations(const QDate &from, const QDate &to, ExportSink &sink, qint64 &rows) const {
    const QStringList columns = {
        u"evaluation_id"_s,     u"local_id"_s, u"at"_s,       u"window_no"_s, u"clerk_id"_s,
        u"case_no"_s,           u"level"_s,    u"reasons"_s,  u"real_name"_s, u"state"_s,
        u"rectification_due"_s, u"overdue"_s,  u"callbacks"_s};
    auto q = m_db.query(
        u"SELECT e.evaluation_id, e.local_id, e.at, e.window_no, e.clerk_id, COALESCE(e.case_no, c.case_no), "
        u"e.level, e.reasons_json, e.state, e.rectification_due, (SELECT COUNT(*) FROM rectification_actions "
        u"r "
        u"WHERE r.evaluation_local_id = e.local_id AND r.action = 'callback') FROM evaluations e LEFT JOIN "
        u"cases c "
        u"ON c.local_id = e.case_local_id WHERE e.at >= ? AND e.at < ? ORDER BY e.at, e.local_id"_s,
        {utcTextBound(cstDayStart(from)), utcTextBound(cstDayStart(to))});
    if (!q.ok())
        return q.error();
    if (Status s = sink.begin(ExportKind::Evaluations, columns); !s.ok())
        return s;
    const QDate today = m_clock.todayCst();
    while (q->next()) {
        QStringList reasons;
        for (const auto &v : QJsonDocument::fromJson(q->value(7).toString().toUtf8()).array())
            reasons << v.toString();
        const QString state = q->value(8).toString();
        const QDate due = QDate::fromString(q->value(9).toString(), Qt::ISODate);
        // The ledger's rule (rectificationledger.cpp): not closed and past its deadline.
        const bool overdue = !state.isEmpty() && state != u"closed"_s && due.isValid() && today > due;
        if (Status s = sink.row(
                {id(q->value(0).toString()), id(q->value(1).toString()), momentText(q->value(2).toString()),
                 id(q->value(3).toString()), id(q->value(4).toString()), id(q->value(5).toString()),
                 integer(q->value(6).toLongLong()), text(reasons.join(u';')),
                 nullCell() /* real_name: not kept by this client yet */, text(state),
                 date(q->value(9).toString()), boolean(overdue), integer(q->value(10).toLongLong())});
            !s.ok())
            return s;
        ++rows;
    }
    return sink.finish();
}

// ---- sinks

Status TableSink::begin(ExportKind kind, const QStringList &columns) {
    table = ExportTable{kind, columns, {}};
    return {};
}

Status TableSink::row(const QList<ExportCell> &cells) {
    table.rows.append(cells);
    return {};
}

namespace {

// A CST moment (fixed UTC+8: China has kept no summer time since 1991) as calendar fields, by arithmetic:
// a QDateTime in a time zone per cell was much of a 100,000-row export.
struct CstFields {
    int year, month, day, hour, minute, second;
};
CstFields cstFields(qint64 unixS) {
    const qint64 local = unixS + 8 * 3600;
    qint64 days = local / 86400, secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    const QDate d = QDate::fromJulianDay(2440588 + days); // 1970-01-01 is Julian day 2,440,588
    return {d.year(), d.month(), d.day(), int(secs / 3600), int(secs / 60 % 60), int(secs % 60)};
}

void appendDigits(QByteArray &out, int value, int width) {
    char buf[12];
    int n = 0;
    do {
        buf[n++] = char('0' + value % 10);
        value /= 10;
    } while (value > 0 && n < 11);
    for (int i = n; i < width; ++i)
        out += '0';
    while (n > 0)
        out += buf[--n];
}

void appendDate(QByteArray &out, int y, int m, int d) {
    appendDigits(out, y, 4);
    out += '-';
    appendDigits(out, m, 2);
    out += '-';
    appendDigits(out, d, 2);
}

void appendUtf8(QByteArray &out, QStringView s) {
    const qsizetype at = out.size();
    out.resize(at + s.size() * 3);
    QStringEncoder enc(QStringEncoder::Utf8);
    char *end = enc.appendToBuffer(out.data() + at, s);
    out.resize(end - out.data());
}

void appendTextCell(QByteArray &out, const QString &s, bool idCell) {
    const bool trailingTab = idCell && looksNumeric(s);
    const bool defuse = !s.isEmpty() && (s.front() == u'=' || s.front() == u'+' || s.front() == u'-' ||
                                         s.front() == u'@' || s.front() == u'\t');
    bool quote = false;
    for (QChar c : s)
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    if (quote)
        out += '"';
    if (defuse)
        out += '\'';
    if (quote && s.contains(u'"'))
        appendUtf8(out, QString(s).replace(u"\""_s, u"\"\""_s));
    else
        appendUtf8(out, s);
    if (trailingTab)
        out += '\t';
    if (quote)
        out += '"';
}

void appendCsvCell(QByteArray &out, const ExportCell &cell) {
    switch (cell.type) {
    case ExportCell::Null:
        return;
    case ExportCell::Text:
        return appendTextCell(out, cell.text, false);
    case ExportCell::Id:
        return appendTextCell(out, cell.text, true);
    case ExportCell::Moment: {
        const CstFields f = cstFields(cell.number);
        appendDate(out, f.year, f.month, f.day);
        out += ' ';
        appendDigits(out, f.hour, 2);
        out += ':';
        appendDigits(out, f.minute, 2);
        out += ':';
        appendDigits(out, f.second, 2);
        return;
    }
    case ExportCell::Date:
        if (cell.date.isValid())
            appendDate(out, cell.date.year(), cell.date.month(), cell.date.day());
        return;
    case ExportCell::Integer:
        out += QByteArray::number(cell.number);
        return;
    case ExportCell::Boolean:
        out += cell.number ? "true" : "false";
        return;
    case ExportCell::Real:
        out += QByteArray::number(cell.real, 'g', 15);
        return;
    }
}

constexpr qsizetype kCsvFlushBytes = 256 * 1024;

} // namespace

QString csvCell(const ExportCell &cell) {
    QByteArray bytes;
    appendCsvCell(bytes, cell);
    return QString::fromUtf8(bytes);
}

Status CsvSink::begin(ExportKind, const QStringList &columns) {
    m_buffer.reserve(kCsvFlushBytes + 4096);
    m_buffer = QByteArray("\xEF\xBB\xBF") + columns.join(u',').toUtf8() + "\r\n";
    return {};
}

Status CsvSink::row(const QList<ExportCell> &cells) {
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendCsvCell(m_buffer, cells.at(i));
    }
    m_buffer += "\r\n";
    return m_buffer.size() >= kCsvFlushBytes ? flush() : Status{};
}

Status CsvSink::flush() {
    if (!m_buffer.isEmpty() && m_out.write(m_buffer) != m_buffer.size())
        return Status::failure(u"cannot_write"_s,
                               u"the CSV cannot be written: %1"_s.arg(m_out.errorString()));
    m_buffer.clear(); // keeps its capacity
    return {};
}

Status CsvSink::finish() {
    return flush();
}

QByteArray toCsv(const ExportTable &table) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvSink sink(buffer);
    (void)sink.begin(table.kind, table.columns);
    for (const QList<ExportCell> &row : table.rows)
        (void)sink.row(row);
    (void)sink.finish();
    return buffer.data();
}

struct XlsxSink::Workbook {
    lxw_workbook *wb = nullptr;
    lxw_worksheet *ws = nullptr;
    lxw_format *when = nullptr, *day = nullptr, *textFormat = nullptr;
};

XlsxSink::~XlsxSink() {
    if (m_wb) {
        workbook_close(m_wb->wb);
        delete m_wb;
    }
}

Status XlsxSink::begin(ExportKind kind, const QStringList &columns) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // row by row: 100 000 rows in little memory
    const QByteArray file = m_path.toLocal8Bit();
    lxw_workbook *wb = workbook_new_opt(file.constData(), &options);
    if (!wb)
        return Status::failure(u"xlsx_failed"_s, u"cannot create %1"_s.arg(m_path));
    const QByteArray sheet = (m_sheet.isEmpty() ? exportKindName(kind) : m_sheet).toUtf8();
    m_wb = new Workbook{wb, workbook_add_worksheet(wb, sheet.constData()), nullptr, nullptr, nullptr};
    lxw_format *header = workbook_add_format(wb);
    format_set_bold(header);
    m_wb->when = workbook_add_format(wb);
    format_set_num_format(m_wb->when, "yyyy-mm-dd hh:mm:ss");
    m_wb->day = workbook_add_format(wb);
    format_set_num_format(m_wb->day, "yyyy-mm-dd");
    m_wb->textFormat = workbook_add_format(wb);
    format_set_num_format(m_wb->textFormat, "@");
    worksheet_freeze_panes(m_wb->ws, 1, 0);
    lxw_error err = LXW_NO_ERROR;
    for (qsizetype c = 0; c < columns.size() && err == LXW_NO_ERROR; ++c) {
        const QString &name = columns.at(c);
        worksheet_set_column(
            m_wb->ws, lxw_col_t(c), lxw_col_t(c),
            name.startsWith(u"applicant"_s) || name.endsWith(u"_at"_s) || name == u"local_id"_s ? 22 : 12,
            nullptr);
        err = worksheet_write_string(m_wb->ws, 0, lxw_col_t(c), name.toUtf8().constData(), header);
    }
    m_row = 1;
    if (err != LXW_NO_ERROR)
        return Status::failure(u"xlsx_failed"_s,
                               u"XLSX not written: %1"_s.arg(QString::fromUtf8(lxw_strerror(err))));
    return {};
}

Status XlsxSink::row(const QList<ExportCell> &cells) {
    lxw_error err = LXW_NO_ERROR;
    const lxw_row_t xr = m_row++;
    for (qsizetype c = 0; c < cells.size() && err == LXW_NO_ERROR; ++c) {
        const ExportCell &cell = cells.at(c);
        const lxw_col_t xc = lxw_col_t(c);
        switch (cell.type) {
        case ExportCell::Null:
            break;
        case ExportCell::Text:
            err = worksheet_write_string(m_wb->ws, xr, xc, cell.text.toUtf8().constData(), nullptr);
            break;
        case ExportCell::Id: // a text cell, formatted as text: Excel never turns it into a number
            err = worksheet_write_string(m_wb->ws, xr, xc, cell.text.toUtf8().constData(), m_wb->textFormat);
            break;
        case ExportCell::Moment: {
            const CstFields f = cstFields(cell.number);
            lxw_datetime dt{f.year, f.month, f.day, f.hour, f.minute, double(f.second)};
            err = worksheet_write_datetime(m_wb->ws, xr, xc, &dt, m_wb->when);
            break;
        }
        case ExportCell::Date: {
            lxw_datetime dt{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
            err = worksheet_write_datetime(m_wb->ws, xr, xc, &dt, m_wb->day);
            break;
        }
        case ExportCell::Integer:
            err = worksheet_write_number(m_wb->ws, xr, xc, double(cell.number), nullptr);
            break;
        case ExportCell::Boolean:
            err = worksheet_write_boolean(m_wb->ws, xr, xc, int(cell.number), nullptr);
            break;
        case ExportCell::Real:
            err = worksheet_write_number(m_wb->ws, xr, xc, cell.real, nullptr);
            break;
        }
    }
    if (err != LXW_NO_ERROR)
        return Status::failure(u"xlsx_failed"_s,
                               u"XLSX not written: %1"_s.arg(QString::fromUtf8(lxw_strerror(err))));
    return {};
}

Status XlsxSink::finish() {
    if (!m_wb)
        return Status::failure(u"xlsx_failed"_s, u"XLSX not begun"_s);
    const lxw_error closed = workbook_close(m_wb->wb);
    delete m_wb;
    m_wb = nullptr;
    if (closed != LXW_NO_ERROR)
        return Status::failure(u"xlsx_failed"_s,
                               u"XLSX not written: %1"_s.arg(QString::fromUtf8(lxw_strerror(closed))));
    return {};
}

Status writeXlsx(const ExportTable &table, const QString &path) {
    XlsxSink sink(path, table.sheet);
    if (Status s = sink.begin(table.kind, table.columns); !s.ok())
        return s;
    for (const QList<ExportCell> &row : table.rows)
        if (Status s = sink.row(row); !s.ok())
            return s;
    return sink.finish();
}

Result<qint64> exportToFile(const Exporter &exporter, ExportKind kind, const QDate &from, const QDate &to,
                            bool unmasked, ExportFormat format, const QString &path,
                            const std::function<Status(qint64 rows)> &beforeCommit) {
    // A private file beside `path` (same file system: the final rename is atomic), removed on any error.
    QTemporaryFile tmp(QFileInfo(path).absolutePath() + u"/.windowdesk-export-XXXXXX"_s);
    if (!tmp.open())
        return Error{u"cannot_write"_s, u"cannot write beside %1: %2"_s.arg(path, tmp.errorString())};
    Result<qint64> rows = qint64(0);
    if (format == ExportFormat::Csv) {
        CsvSink sink(tmp);
        rows = exporter.write(kind, from, to, unmasked, sink);
        if (rows.ok() && !tmp.flush())
            rows = Error{u"cannot_write"_s, u"cannot write %1: %2"_s.arg(path, tmp.errorString())};
    } else {
        tmp.close(); // libxlsxwriter writes the file by its name
        XlsxSink sink(tmp.fileName());
        rows = exporter.write(kind, from, to, unmasked, sink);
    }
    if (!rows.ok())
        return rows;
    if (beforeCommit)
        if (Status s = beforeCommit(rows.value()); !s.ok())
            return s.error();
    tmp.close();
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(tmp.fileName()).toStdString(),
                            QFile::encodeName(path).toStdString(), ec);
    if (ec)
        return Error{u"cannot_write"_s,
                     u"cannot write %1: %2"_s.arg(path, QString::fromLocal8Bit(ec.message().c_str()))};
    tmp.setAutoRemove(false); // moved into place
    return rows;
}

} // namespace windowdesk::reports
