#include "exporter.h"

#include "periodreport.h"
#include "tickethistory.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/rowreader.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

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
    // The usual stored form, YYYY-MM-DDTHH:MM:SSZ, read directly (a QDateTime parse per row was a good part
    // of a 100,000-case export); anything else as before.
    auto digits = [&](int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; ++i) {
            if (!rfc3339.at(i).isDigit() || rfc3339.at(i).unicode() > u'9')
                return -1;
            v = v * 10 + (rfc3339.at(i).unicode() - u'0');
        }
        return v;
    };
    if (rfc3339.size() == 20 && rfc3339.at(4) == u'-' && rfc3339.at(7) == u'-' && rfc3339.at(10) == u'T' &&
        rfc3339.at(13) == u':' && rfc3339.at(16) == u':' && rfc3339.at(19) == u'Z') {
        const int h = digits(11, 2), mi = digits(14, 2), se = digits(17, 2);
        const int y = digits(0, 4), mo = digits(5, 2), d = digits(8, 2);
        const QDate day = y >= 0 && mo >= 0 && d >= 0 ? QDate(y, mo, d) : QDate();
        if (day.isValid() && h >= 0 && h < 24 && mi >= 0 && mi < 60 && se >= 0 && se < 60)
            return moment(QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() + h * 3600 +
                          mi * 60 + se);
    }
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? moment(t.toSecsSinceEpoch()) : text(rfc3339);
}
ExportCell date(const QString &iso) {
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return d.isValid() ? ExportCell{ExportCell::Date, {}, 0, d} : text(iso);
}

QDateTime cstOf(qint64 unixS) {
    return QDateTime::fromSecsSinceEpoch(unixS, Clock::chinaStandardTime());
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

Result<ExportTable> Exporter::table(ExportKind kind, const QDate &from, const QDate &to,
                                    bool unmasked) const {
    if (Status s = checkPeriod(from, to); !s.ok())
        return s.error();
    switch (kind) {
    case ExportKind::Cases:
        return cases(from, to, unmasked);
    case ExportKind::Queue:
        return queue(from, to);
    case ExportKind::Evaluations:
        return evaluations(from, to);
    }
    return Error{u"invalid_argument"_s, u"unknown export"_s};
}

Result<ExportTable> Exporter::cases(const QDate &from, const QDate &to, bool unmasked) const {
    ExportTable t;
    t.kind = ExportKind::Cases;
    t.columns = {u"case_no"_s,    u"local_id"_s,       u"created_at"_s,   u"window_no"_s,
                 u"clerk_id"_s,   u"applicant_name"_s, u"applicant_id"_s, u"applicant_phone"_s,
                 u"item_codes"_s, u"bundle_code"_s,    u"decision"_s,     u"status"_s,
                 u"due_date"_s,   u"legal_due_date"_s, u"card"_s};
    // Cases decided in the period: the CST date of created_at is accepted_date (indexed).
    // Through storage::RowReader, read once front to back: a year of a big hall is 100,000 rows, which a
    // scrollable QSqlQuery would also keep as a cache of QVariants while the table is built (bench_exports:
    // the GUI's peak memory).
    auto q = storage::RowReader::open(
        m_db,
        u"SELECT c.case_no, c.local_id, c.created_at, c.window_no, c.clerk_id, c.applicant_name, "
        u"c.applicant_id_number, c.applicant_phone, (SELECT group_concat(item_code, ';') FROM (SELECT "
        u"item_code "
        u"FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord)), c.bundle_code, c.decision, "
        u"c.status, c.promised_due, c.legal_due FROM cases c WHERE c.accepted_date >= ? AND c.accepted_date "
        u"< ? "
        u"ORDER BY c.created_at, c.local_id"_s,
        {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q.ok())
        return q.error();
    storage::TextPool pool; // windows, clerks, decisions, statuses: one string each
    QStringList open;       // cases whose card needs the rule
    QList<qsizetype> openRows;
    while (q->next()) {
        const QString status = pool.get(q->utf8(11));
        const QString idNumber = q->text(6), phone = q->text(7);
        t.rows.append({id(q->text(0)), id(q->text(1)), momentText(q->text(2)), id(pool.get(q->utf8(3))),
                       id(pool.get(q->utf8(4))), text(q->text(5)),
                       id(unmasked ? idNumber : core::maskIdNumber(idNumber)),
                       id(unmasked ? phone : core::maskPhone(phone)), text(q->text(8)), id(q->text(9)),
                       text(pool.get(q->utf8(10))), text(status), date(q->text(12)), date(q->text(13)),
                       text(u"none"_s)});
        if (status == u"accepted"_s || status == u"in_progress"_s || status == u"suspended"_s) {
            open.append(q->text(1));
            openRows.append(t.rows.size() - 1);
        }
    }
    if (Status s = q->status(); !s.ok())
        return s.error();
    if (!open.isEmpty()) {
        // The card now, exactly as My cases and the board colour it.
        const cases::CaseRepository repo(m_db);
        auto facts = repo.cardFacts(open);
        if (!facts.ok())
            return facts.error();
        auto settings = repo.cardSettings();
        if (!settings.ok())
            return settings.error();
        auto calendar = storage::CalendarRepository(m_db, m_clock).workingCalendar();
        if (!calendar.ok())
            return calendar.error();
        const QDateTime now = m_clock.nowUtc();
        for (qsizetype i = 0; i < open.size(); ++i) {
            const auto f = facts->constFind(open.at(i));
            if (f == facts->constEnd())
                continue;
            auto card = cases::evaluateCaseCard(f.value(), now, calendar.value(), settings.value());
            t.rows[openRows.at(i)].last() =
                text(card.ok() ? core::cardColourName(card->colour)
                               : (card.error().code == u"calendar_missing"_s ? u"calendar_missing"_s
                                                                             : u"unknown"_s));
        }
    }
    return t;
}

Result<ExportTable> Exporter::queue(const QDate &from, const QDate &to) const {
    ExportTable t;
    t.kind = ExportKind::Queue;
    t.columns = {u"ticket_no"_s,  u"category"_s, u"issued_at"_s, u"first_called_at"_s,
                 u"started_at"_s, u"done_at"_s,  u"window_no"_s, u"clerk_id"_s,
                 u"outcome"_s,    u"wait_s"_s,   u"service_s"_s};
    auto tickets = loadTickets(m_db, cstDayStart(from), cstDayStart(to));
    if (!tickets.ok())
        return tickets.error();
    for (const TicketRecord &r : tickets.value())
        t.rows.append({id(r.ticketNo), text(r.category), moment(r.issuedAt), moment(r.firstCalledAt),
                       moment(r.startedAt), moment(r.doneAt), id(r.windowNo.value_or(QString())),
                       id(r.clerkId.value_or(QString())), text(r.outcome()), integer(r.waitS),
                       integer(r.serviceS)});
    return t;
}

Result<ExportTable> Exporter::evaluations(const QDate &from, const QDate &to) const {
    ExportTable t;
    t.kind = ExportKind::Evaluations;
    t.columns = {u"evaluation_id"_s,     u"local_id"_s, u"at"_s,       u"window_no"_s, u"clerk_id"_s,
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
    const QDate today = m_clock.todayCst();
    while (q->next()) {
        QStringList reasons;
        for (const auto &v : QJsonDocument::fromJson(q->value(7).toString().toUtf8()).array())
            reasons << v.toString();
        const QString state = q->value(8).toString();
        const QDate due = QDate::fromString(q->value(9).toString(), Qt::ISODate);
        // The ledger's rule (rectificationledger.cpp): not closed and past its deadline.
        const bool overdue = !state.isEmpty() && state != u"closed"_s && due.isValid() && today > due;
        t.rows.append({id(q->value(0).toString()), id(q->value(1).toString()),
                       momentText(q->value(2).toString()), id(q->value(3).toString()),
                       id(q->value(4).toString()), id(q->value(5).toString()),
                       integer(q->value(6).toLongLong()), text(reasons.join(u';')),
                       nullCell() /* real_name: not kept by this client yet */, text(state),
                       date(q->value(9).toString()), boolean(overdue), integer(q->value(10).toLongLong())});
    }
    return t;
}

QString csvCell(const ExportCell &cell) {
    QString s;
    switch (cell.type) {
    case ExportCell::Null:
        return {};
    case ExportCell::Text:
        s = cell.text;
        break;
    case ExportCell::Id:
        s = looksNumeric(cell.text) ? cell.text + u'\t' : cell.text;
        break;
    case ExportCell::Moment:
        return cstOf(cell.number).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case ExportCell::Date:
        return cell.date.toString(u"yyyy-MM-dd"_s);
    case ExportCell::Integer:
        return QString::number(cell.number);
    case ExportCell::Boolean:
        return cell.number ? u"true"_s : u"false"_s;
    }
    if (!s.isEmpty() && (s.front() == u'=' || s.front() == u'+' || s.front() == u'-' || s.front() == u'@' ||
                         s.front() == u'\t'))
        s.prepend(u'\'');
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\r') || s.contains(u'\n'))
        s = u'"' + QString(s).replace(u"\""_s, u"\"\""_s) + u'"';
    return s;
}

QByteArray toCsv(const ExportTable &table) {
    QByteArray out("\xEF\xBB\xBF");
    out.reserve(qsizetype(table.rows.size()) * 160 + 256);
    out += table.columns.join(u',').toUtf8() + "\r\n";
    QString line;
    for (const QList<ExportCell> &row : table.rows) {
        line.clear();
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i)
                line += u',';
            line += csvCell(row.at(i));
        }
        out += line.toUtf8();
        out += "\r\n";
    }
    return out;
}

Status writeXlsx(const ExportTable &table, const QString &path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // row by row: 100 000 rows in little memory
    const QByteArray file = path.toLocal8Bit();
    lxw_workbook *wb = workbook_new_opt(file.constData(), &options);
    if (!wb)
        return Status::failure(u"xlsx_failed"_s, u"cannot create %1"_s.arg(path));
    lxw_worksheet *ws = workbook_add_worksheet(wb, exportKindName(table.kind).toUtf8().constData());
    lxw_format *header = workbook_add_format(wb);
    format_set_bold(header);
    lxw_format *when = workbook_add_format(wb);
    format_set_num_format(when, "yyyy-mm-dd hh:mm:ss");
    lxw_format *day = workbook_add_format(wb);
    format_set_num_format(day, "yyyy-mm-dd");
    lxw_format *textFormat = workbook_add_format(wb);
    format_set_num_format(textFormat, "@");
    worksheet_freeze_panes(ws, 1, 0);
    lxw_error err = LXW_NO_ERROR;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c),
                             table.columns.at(c).startsWith(u"applicant"_s) ||
                                     table.columns.at(c).endsWith(u"_at"_s) ||
                                     table.columns.at(c) == u"local_id"_s
                                 ? 22
                                 : 12,
                             nullptr);
        err = worksheet_write_string(ws, 0, lxw_col_t(c), table.columns.at(c).toUtf8().constData(), header);
    }
    for (qsizetype r = 0; r < table.rows.size() && err == LXW_NO_ERROR; ++r) {
        const QList<ExportCell> &row = table.rows.at(r);
        const lxw_row_t xr = lxw_row_t(r + 1);
        for (qsizetype c = 0; c < row.size() && err == LXW_NO_ERROR; ++c) {
            const ExportCell &cell = row.at(c);
            const lxw_col_t xc = lxw_col_t(c);
            switch (cell.type) {
            case ExportCell::Null:
                break;
            case ExportCell::Text:
                err = worksheet_write_string(ws, xr, xc, cell.text.toUtf8().constData(), nullptr);
                break;
            case ExportCell::Id: // a text cell, formatted as text: Excel never turns it into a number
                err = worksheet_write_string(ws, xr, xc, cell.text.toUtf8().constData(), textFormat);
                break;
            case ExportCell::Moment: {
                const QDateTime t = cstOf(cell.number);
                lxw_datetime dt{t.date().year(), t.date().month(),  t.date().day(),
                                t.time().hour(), t.time().minute(), double(t.time().second())};
                err = worksheet_write_datetime(ws, xr, xc, &dt, when);
                break;
            }
            case ExportCell::Date: {
                lxw_datetime dt{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0};
                err = worksheet_write_datetime(ws, xr, xc, &dt, day);
                break;
            }
            case ExportCell::Integer:
                err = worksheet_write_number(ws, xr, xc, double(cell.number), nullptr);
                break;
            case ExportCell::Boolean:
                err = worksheet_write_boolean(ws, xr, xc, int(cell.number), nullptr);
                break;
            }
        }
    }
    const lxw_error closed = workbook_close(wb);
    if (err != LXW_NO_ERROR || closed != LXW_NO_ERROR)
        return Status::failure(u"xlsx_failed"_s, u"XLSX not written: %1"_s.arg(QString::fromUtf8(
                                                     lxw_strerror(err != LXW_NO_ERROR ? err : closed))));
    return {};
}

} // namespace windowdesk::reports
