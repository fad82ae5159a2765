// board_cases (the board's facts of every unfinished case, kept by triggers — issue 13 "Speed"): on a hall
// made by the real writers (HallSeeder through CaseService, a pulled page through CaseStreamApplier, a
// withdrawal through CaseService::recordEvent) and then changed by hand every way a case can change (cases
// of other windows with and without items, first items inserted before others / re-ordered / deleted,
// suspensions added, lifted and moved, suspension events added, retyped and deleted, cases finished,
// reopened, moved to another window, re-dated, replaced and deleted):
//  - the table equals its definition over the base tables (the SQL below, written from the migration's
//    comment, not taken from the triggers);
//  - the board read from it (CaseRepository::openCases / openCasesAmong → OverdueBoard) gives, case by case
//    and field by field, what the board's former reading of the base tables gave (that SQL is kept here);
//  - with any one of the triggers dropped, the same changes leave a difference: each trigger is needed and
//    exercised, and a rebuild of a table that loses its triggers cannot pass unnoticed;
//  - the migration builds the table from a database written before it.
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/cases/hallseeder.h>
#include <windowdesk/cases/overdueboard.h>
#include <windowdesk/cases/syncappliers.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/migrator.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

const QString kOpen = u"('accepted','in_progress','suspended')"_s;

// ── What board_cases must hold: its definition over the base tables ──────
const QString kDefinition =
    uR"(SELECT c.local_id, c.case_no, c.window_no, c.clerk_id, c.created_at, c.accepted_date, c.status,
        c.promised_days, c.legal_days, c.promised_due, c.legal_due, c.applicant_name, c.origin, c.applicant_kind,
        c.applicant_id_number, c.applicant_id_masked, c.uscc, c.applicant_phone, c.extension_days,
        (SELECT i.item_code FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord, i.item_code
             LIMIT 1),
        (SELECT i.item_version FROM case_items i WHERE i.case_local_id = c.local_id ORDER BY i.ord,
             i.item_code LIMIT 1),
        (SELECT count(*) FROM case_suspensions s WHERE s.case_local_id = c.local_id) +
            (SELECT count(*) FROM case_events e WHERE e.case_local_id = c.local_id
                 AND e.type IN ('suspended','resumed')) > 0
        FROM cases c WHERE c.status IN ('accepted','in_progress','suspended'))"_s;
const QString kTableColumns =
    u"local_id, case_no, window_no, clerk_id, created_at, accepted_date, status, promised_days, legal_days, "
    u"promised_due, legal_due, applicant_name, origin, applicant_kind, applicant_id_number, "
    u"applicant_id_masked, "
    u"uscc, applicant_phone, extension_days, item_code, item_version, has_suspensions"_s;

// Rows of the definition missing from the table and rows of the table the definition lacks; the first few
// shown.
QStringList tableDifferences(storage::Database &db) {
    QStringList out;
    const QList<std::pair<QString, QString>> sides = {
        {u"missing"_s, kDefinition + u" EXCEPT SELECT %1 FROM board_cases"_s.arg(kTableColumns)},
        {u"stale"_s, u"SELECT %1 FROM board_cases EXCEPT "_s.arg(kTableColumns) + kDefinition}};
    for (const auto &[name, sql] : sides) {
        auto q = db.query(sql);
        if (!q.ok())
            return {u"query failed: "_s + q.error().message};
        while (q->next()) {
            QStringList cols;
            for (int i = 0; i < q->record().count(); ++i)
                cols << (q->value(i).isNull() ? u"NULL"_s : q->value(i).toString());
            out << name + u": "_s + cols.join(u'|');
        }
    }
    return out;
}

// ── The board's former reading of the base tables (before board_cases) ──
QString formerWhere(bool byWindow) {
    return byWindow ? u"c.window_no = ? AND c.status IN %1 AND c.created_at <= ?"_s.arg(kOpen)
                    : u"c.status IN %1 AND c.created_at <= ?"_s.arg(kOpen);
}

Result<QList<cases::BoardCase>> formerOpenCases(storage::Database &db, const QDateTime &at,
                                                const QString &where, const QVariantList &binds) {
    auto q = db.query(
        uR"(SELECT c.local_id, c.case_no, c.window_no, c.clerk_id, c.created_at, c.accepted_date, c.status,
        c.promised_days, c.legal_days, c.promised_due, c.legal_due, c.applicant_name,
        (SELECT s.department FROM case_items i JOIN service_items s ON s.code = i.item_code
             AND s.version = i.item_version WHERE i.case_local_id = c.local_id ORDER BY i.ord LIMIT 1),
        c.origin, c.applicant_kind, c.applicant_id_number, c.applicant_id_masked, c.uscc, c.applicant_phone,
        c.extension_days
        FROM cases c WHERE )"_s +
            where,
        binds);
    if (!q.ok())
        return q.error();
    QList<cases::BoardCase> out;
    QHash<QString, qsizetype> index;
    while (q->next()) {
        cases::BoardCase c;
        c.localId = q->value(0).toString();
        c.caseNo = q->value(1).toString();
        c.windowNo = q->value(2).toString();
        c.clerkId = q->value(3).toString();
        c.createdAt = q->value(4).toString();
        c.facts.acceptedDate = QDate::fromString(q->value(5).toString(), Qt::ISODate);
        c.status = q->value(6).toString();
        c.facts.status = c.status;
        c.facts.promisedDays = q->value(7).toInt();
        c.facts.legalDays = q->value(8).toInt();
        c.platformPromisedDue = QDate::fromString(q->value(9).toString(), Qt::ISODate);
        c.platformLegalDue = QDate::fromString(q->value(10).toString(), Qt::ISODate);
        c.applicantName = q->value(11).toString();
        if (!q->value(12).isNull())
            c.department = q->value(12).toString();
        c.fromDesk = q->value(13).toString() == u"desk"_s;
        if (q->value(14).toString() == u"entity"_s && !q->value(17).toString().isEmpty())
            c.idMasked = q->value(17).toString();
        else if (c.fromDesk && !q->value(15).toString().isEmpty())
            c.idMasked = core::maskIdNumber(q->value(15).toString());
        else
            c.idMasked = q->value(16).toString();
        if (const QString phone = q->value(18).toString(); !phone.isEmpty())
            c.phoneMasked = core::maskPhone(phone);
        // cli.md: the legal days plus extensions (the former reading left extension_days out).
        c.facts.extensionDays = q->value(19).toInt();
        index.insert(c.localId, out.size());
        out.append(c);
    }
    QHash<QString, QList<core::Suspension>> platform;
    auto s =
        db.query(u"SELECT s.case_local_id, s.from_date, s.to_date FROM cases c JOIN case_suspensions s ON "
                 u"s.case_local_id = c.local_id WHERE "_s +
                     where + u" ORDER BY s.case_local_id, s.from_date, s.id"_s,
                 binds);
    if (!s.ok())
        return s.error();
    while (s->next()) {
        const QDate from = QDate::fromString(s->value(1).toString(), Qt::ISODate);
        if (from.isValid())
            platform[s->value(0).toString()].append(core::Suspension{
                from,
                s->value(2).isNull() ? QDate() : QDate::fromString(s->value(2).toString(), Qt::ISODate)});
    }
    QHash<QString, QList<cases::SuspensionEvent>> events;
    auto e =
        db.query(u"SELECT e.case_local_id, e.type, e.at FROM cases c JOIN case_events e ON e.case_local_id "
                 u"= c.local_id WHERE e.type IN ('suspended','resumed') AND "_s +
                     where + u" ORDER BY e.case_local_id, e.at, e.id"_s,
                 binds);
    if (!e.ok())
        return e.error();
    while (e->next())
        events[e->value(0).toString()].append(
            {e->value(1).toString(), QDateTime::fromString(e->value(2).toString(), Qt::ISODate)});
    for (auto it = index.cbegin(); it != index.cend(); ++it)
        if (platform.contains(it.key()) || events.contains(it.key()))
            out[it.value()].facts.suspensions =
                cases::mergeSuspensions(platform.value(it.key()), events.value(it.key()));
    auto f = db.query(u"SELECT DISTINCT case_local_id FROM card_followups WHERE colour = 'red' AND at <= ?"_s,
                      {at.toUTC().toString(Qt::ISODate)});
    if (!f.ok())
        return f.error();
    while (f->next())
        if (const auto it = index.constFind(f->value(0).toString()); it != index.cend())
            out[it.value()].redFollowupByAt = true;
    return out;
}

// Every field of a board case, one line.
QString describe(const cases::BoardCase &c) {
    QStringList susp;
    for (const core::Suspension &s : c.facts.suspensions)
        susp << s.from.toString(Qt::ISODate) + u".."_s + s.to.toString(Qt::ISODate);
    return QStringList{c.localId,
                       c.caseNo,
                       c.windowNo,
                       c.clerkId,
                       c.department.value_or(u"<none>"_s),
                       c.createdAt,
                       c.applicantName,
                       c.idMasked,
                       c.phoneMasked,
                       c.fromDesk ? u"desk"_s : u"feed"_s,
                       c.status,
                       c.facts.acceptedDate.toString(Qt::ISODate),
                       QString::number(c.facts.promisedDays),
                       QString::number(c.facts.legalDays),
                       QString::number(c.facts.extensionDays),
                       c.facts.status,
                       susp.join(u','),
                       c.platformPromisedDue.toString(Qt::ISODate),
                       c.platformLegalDue.toString(Qt::ISODate),
                       c.redFollowupByAt ? u"followed"_s : u"-"_s}
        .join(u" | "_s);
}

// Differences between two lists of board cases (by local id; order aside).
QStringList caseDifferences(const QList<cases::BoardCase> &expected, const QList<cases::BoardCase> &got) {
    std::map<QString, QString> a, b;
    for (const auto &c : expected)
        a[c.localId] = describe(c);
    for (const auto &c : got)
        b[c.localId] = describe(c);
    QStringList out;
    if (got.size() != qsizetype(b.size()))
        out << u"a case is listed twice"_s;
    for (const auto &[id, line] : a)
        if (!b.count(id))
            out << u"missing: "_s + line;
        else if (b[id] != line)
            out << u"expected: "_s + line + u"\n     got: "_s + b[id];
    for (const auto &[id, line] : b)
        if (!a.count(id))
            out << u"extra: "_s + line;
    return out;
}

// The board through CaseRepository (board_cases) against the former reading, at several moments, for the
// hall and one window, and for a refresh's list of changed cases.
QStringList boardDifferences(storage::Database &db, const QDateTime &now) {
    const cases::CaseRepository repo(db);
    QStringList out;
    auto note = [&](const QString &what, const QStringList &diff) {
        for (const QString &d : diff)
            out << what + u": "_s + d;
    };
    for (const QDateTime &at : {now, now.addDays(-12), now.addDays(-40)}) {
        const QVariantList hall{at.toUTC().toString(Qt::ISODate)};
        auto expected = formerOpenCases(db, at, formerWhere(false), hall);
        auto got = repo.openCases(at);
        if (!expected.ok() || !got.ok())
            return {u"read failed"_s};
        note(u"hall at "_s + at.toString(Qt::ISODate), caseDifferences(expected.value(), got.value()));
        // In a defined order: oldest decision first.
        for (qsizetype i = 1; i < got->size(); ++i)
            if (std::pair(got->at(i - 1).createdAt, got->at(i - 1).localId) >
                std::pair(got->at(i).createdAt, got->at(i).localId))
                out << u"hall at %1: not by created_at at %2"_s.arg(at.toString(Qt::ISODate),
                                                                    got->at(i).localId);
        for (const QString &window : {u"A01"_s, u"C01"_s, u"C02"_s}) {
            auto e = formerOpenCases(db, at, formerWhere(true), {window, at.toUTC().toString(Qt::ISODate)});
            auto g = repo.openCases(at, window);
            if (!e.ok() || !g.ok())
                return {u"read failed"_s};
            note(window + u" at "_s + at.toString(Qt::ISODate), caseDifferences(e.value(), g.value()));
        }
    }
    // A refresh: every case of the hall (finished ones too) and an unknown id, in chunks past the bound
    // parameter limit's chunking.
    QStringList ids{u"no-such-case"_s};
    if (auto q = db.query(u"SELECT local_id FROM cases ORDER BY local_id"_s); q.ok())
        while (q->next())
            ids << q->value(0).toString();
    QStringList many;
    while (many.size() < 900)
        many += ids;
    const QVariantList hall{now.toUTC().toString(Qt::ISODate)};
    auto expected = formerOpenCases(db, now, formerWhere(false), hall);
    auto got = repo.openCasesAmong(now, ids);
    if (!expected.ok() || !got.ok())
        return {u"read failed"_s};
    note(u"among"_s, caseDifferences(expected.value(), got.value()));
    return out;
}

// ── The changes ─────────────────────────────────────────────────────────
QString utc(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

QStringList column(storage::Database &db, const QString &sql, const QVariantList &binds = {}) {
    QStringList out;
    if (auto q = db.query(sql, binds); q.ok())
        while (q->next())
            out << q->value(0).toString();
    return out;
}

// A hall made by the real writers, then changed by hand every way a case can change. `failed` names the
// first step that failed.
bool changeHall(storage::Database &db, FixedClock &clock, QString &failed) {
    auto step = [&](const QString &name, const Status &s) {
        if (!s.ok() && failed.isEmpty())
            failed = name + u": "_s + s.error().message;
        return s.ok();
    };
    // 1. The windows take cases in and the back office moves them on (CaseService::submit inside).
    cases::HallSeedOptions o;
    o.count = 100;
    o.days = 15;
    o.seed = 1301;
    auto seeded = cases::HallSeeder(db, clock).seed(o);
    if (!step(u"hall seed"_s, seeded.ok() ? Status() : Status(seeded.error())))
        return false;
    const QStringList open =
        column(db, u"SELECT local_id FROM cases WHERE status IN %1 ORDER BY local_id"_s.arg(kOpen));
    if (open.size() < 20)
        return step(u"open cases"_s, Status::failure(u"few"_s, u"only %1 open cases"_s.arg(open.size())));
    const QStringList unsuspended =
        column(db, u"SELECT local_id FROM cases c WHERE status IN ('accepted','in_progress') AND NOT EXISTS "
                   u"(SELECT 1 FROM case_suspensions s WHERE s.case_local_id = c.local_id) AND NOT EXISTS "
                   u"(SELECT 1 FROM case_events e WHERE e.case_local_id = c.local_id AND e.type IN "
                   u"('suspended','resumed')) ORDER BY local_id"_s);
    const QStringList suspended = column(
        db, u"SELECT DISTINCT s.case_local_id FROM case_suspensions s JOIN cases c ON c.local_id = "
            u"s.case_local_id WHERE c.status IN %1 AND NOT EXISTS (SELECT 1 FROM case_events e WHERE "
            u"e.case_local_id = c.local_id AND e.type IN ('suspended','resumed')) ORDER BY 1"_s.arg(kOpen));
    if (unsuspended.size() < 12 || suspended.size() < 2)
        return step(u"cases to change"_s,
                    Status::failure(
                        u"few"_s,
                        u"%1 without suspensions, %2 with"_s.arg(unsuspended.size()).arg(suspended.size())));
    const QDate today = clock.todayCst();

    // 2. A pulled page (CaseStreamApplier, one transaction): numbers and platform dates, a case finished, a
    //    case suspended by the back office, the suspensions of a case lifted (the platform's list empty).
    QJsonArray page;
    auto record = [&](const QString &id, const QString &status, const QJsonArray &susp) {
        page.append(QJsonObject{{u"case_no"_s, u"HN-"_s + id.left(8)},
                                {u"local_id"_s, id},
                                {u"status"_s, status},
                                {u"version"_s, 3},
                                {u"due_date"_s, today.addDays(9).toString(Qt::ISODate)},
                                {u"legal_due_date"_s, today.addDays(30).toString(Qt::ISODate)},
                                {u"suspensions"_s, susp}});
    };
    record(unsuspended[0], u"delivered"_s, {});
    record(unsuspended[1], u"suspended"_s,
           {QJsonObject{{u"from"_s, today.addDays(-3).toString(Qt::ISODate)}, {u"to"_s, QJsonValue()}}});
    record(unsuspended[2], u"in_progress"_s,
           {QJsonObject{{u"from"_s, today.addDays(-9).toString(Qt::ISODate)},
                        {u"to"_s, today.addDays(-4).toString(Qt::ISODate)}}});
    record(suspended[0], u"in_progress"_s, {}); // lifted: its suspensions go
    cases::CaseStreamApplier applier(db, clock);
    Status applied = db.write([&]() -> Status {
        auto r = applier.applyPage(page);
        return r.ok() ? Status() : Status(r.error());
    });
    if (!step(u"pulled page"_s, applied))
        return false;

    // 2b. The hall-wide feed (HallCaseStreamApplier): other windows' cases arrive with their items, masked
    // id,
    //     extensions and suspensions; a second page extends one, finishes one, suspends one.
    const QStringList itemCodes =
        column(db, u"SELECT code FROM service_items WHERE is_current = 1 ORDER BY code"_s);
    auto hallCase = [&](int i, const QString &status, int version, int extensionDays,
                        const QJsonArray &susp) {
        const QDateTime created = clock.nowUtc().addDays(-(2 + 3 * i)).addSecs(-600 * i);
        QJsonArray extensions;
        if (extensionDays > 0)
            extensions.append(QJsonObject{{u"days"_s, extensionDays},
                                          {u"at"_s, utc(created.addDays(2))},
                                          {u"reason"_s, u"现场核查"_s}});
        return QJsonObject{{u"case_no"_s, u"HN-HALL-%1"_s.arg(i)},
                           {u"status"_s, status},
                           {u"version"_s, version},
                           {u"created_at"_s, utc(created)},
                           {u"decision"_s, u"accepted"_s},
                           {u"clerk_id"_s, u"u-hall-c0%1"_s.arg(3 + i % 2)},
                           {u"clerk_name"_s, u"窗口%1"_s.arg(i)},
                           {u"window_no"_s, u"C0%1"_s.arg(3 + i % 2)},
                           {u"promised_days"_s, 2 + i},
                           {u"legal_days"_s, 5 + i},
                           {u"applicant_name"_s, u"赵%1"_s.arg(i)},
                           {u"applicant_id_masked"_s, u"4301**********%1"_s.arg(1000 + i)},
                           {u"department_code"_s, u"D%1"_s.arg(i)},
                           {u"item_codes"_s, QJsonArray{itemCodes.value(i % itemCodes.size()),
                                                        itemCodes.value((i + 5) % itemCodes.size())}},
                           {u"due_date"_s, today.addDays(i).toString(Qt::ISODate)},
                           {u"legal_due_date"_s, today.addDays(10 + i).toString(Qt::ISODate)},
                           {u"extensions"_s, extensions},
                           {u"suspensions"_s, susp}};
    };
    const QJsonArray openSusp{
        QJsonObject{{u"from"_s, today.addDays(-2).toString(Qt::ISODate)}, {u"to"_s, QJsonValue()}}};
    QJsonArray hall1, hall2;
    for (int i = 0; i < 6; ++i)
        hall1.append(hallCase(i, i == 5 ? u"suspended"_s : u"in_progress"_s, 1, i == 1 ? 20 : 0,
                              i == 5 ? openSusp : QJsonArray{}));
    hall2.append(hallCase(0, u"in_progress"_s, 2, 20, {}));    // an extension granted
    hall2.append(hallCase(2, u"delivered"_s, 2, 0, {}));       // finished
    hall2.append(hallCase(3, u"suspended"_s, 2, 0, openSusp)); // suspended by the back office
    hall2.append(hallCase(5, u"in_progress"_s, 2, 0, {}));     // its suspension lifted
    cases::HallCaseStreamApplier hallFeed(db, clock);
    for (const QJsonArray &p : {hall1, hall2}) {
        Status pulled = db.write([&]() -> Status {
            auto r = hallFeed.applyPage(p);
            if (r.ok() && !r->rejected.isEmpty())
                return Status::failure(u"rejected"_s, r->rejected.first().message);
            return r.ok() ? Status() : Status(r.error());
        });
        if (!step(u"hall feed page"_s, pulled))
            return false;
    }

    // 3. A clerk's withdrawal (CaseService::recordEvent: event, status, outbox).
    cases::CaseService service(db, clock, nullptr, {u"u-hall-a01"_s, u"陈静"_s, u"A01"_s, u"测试大厅"_s});
    auto withdrawn = service.recordEvent(unsuspended[3], u"withdrawn"_s, u"申请人撤回"_s);
    if (!step(u"withdrawal"_s, withdrawn.ok() ? Status() : Status(withdrawn.error())))
        return false;

    // 4. By hand, in one transaction, as a feed applier, a tool or a later migration might write.
    const QStringList items =
        column(db, u"SELECT code || '/' || version FROM service_items s WHERE is_current = 1 "
                   u"AND department <> (SELECT min(department) FROM service_items) "
                   u"ORDER BY code"_s);
    const QStringList items0 =
        column(db, u"SELECT code || '/' || version FROM service_items WHERE is_current = 1 "
                   u"AND department = (SELECT min(department) FROM service_items) "
                   u"ORDER BY code"_s);
    if (items.isEmpty() || items0.isEmpty())
        return step(u"catalog"_s, Status::failure(u"few"_s, u"one department only"_s));
    const auto X = items0.first().split(u'/'), Y = items.first().split(u'/');
    const QDateTime now = clock.nowUtc();
    Status hand = db.write([&]() -> Status {
        Status s;
        auto exec = [&](const QString &sql, const QVariantList &binds) {
            if (s.ok())
                s = db.exec(sql, binds);
        };
        // Cases of other windows as the hall-wide feed brings them (case number, platform dates, no id
        // number; some without items), one decided after the past moments the board is read at.
        for (int i = 0; i < 9; ++i) {
            const QDateTime created = now.addDays(-(i * 5 + 1)).addSecs(-3600 * i);
            exec(u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, decision, status, "
                 u"clerk_id, window_no, created_at, accepted_date, promised_days, legal_days, promised_due, "
                 u"legal_due, due_source, remote_version, updated_at) VALUES (?, ?, 'person', ?, 'accepted', "
                 u"?, ?, ?, ?, ?, ?, ?, ?, ?, 'platform', 1, ?)"_s,
                 {u"feed-%1"_s.arg(i), u"HN-FEED-%1"_s.arg(i), u"王%1"_s.arg(i),
                  i % 3 == 0   ? u"accepted"_s
                  : i % 3 == 1 ? u"in_progress"_s
                               : u"suspended"_s,
                  u"u-feed-%1"_s.arg(i % 2), i % 2 ? u"C02"_s : u"C01"_s, utc(created),
                  created.toTimeZone(Clock::chinaStandardTime()).date().toString(Qt::ISODate), 3 + i, 10 + i,
                  today.addDays(i - 3).toString(Qt::ISODate), today.addDays(i + 9).toString(Qt::ISODate),
                  utc(created)});
            exec(u"INSERT INTO case_events (event_id, case_local_id, type, at, source) VALUES (?, ?, "
                 u"'created', ?, 'platform')"_s,
                 {u"feed-%1-c"_s.arg(i), u"feed-%1"_s.arg(i), utc(created)});
        }
        auto item = [&](const QString &id, int ord, const QStringList &codeVersion) {
            exec(
                u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) VALUES (?, ?, ?, ?)"_s,
                {id, ord, codeVersion[0], codeVersion[1].toInt()});
        };
        // The first item arrives after another one (lower ord: it becomes the department).
        item(u"feed-0"_s, 1, Y);
        item(u"feed-0"_s, 0, X);
        // The items re-ordered: Y first.
        item(u"feed-1"_s, 0, X);
        item(u"feed-1"_s, 1, Y);
        exec(u"UPDATE case_items SET ord = 2 WHERE case_local_id = 'feed-1' AND item_code = ?"_s, {X[0]});
        // The first item deleted: Y left.
        item(u"feed-2"_s, 0, X);
        item(u"feed-2"_s, 1, Y);
        exec(u"DELETE FROM case_items WHERE case_local_id = 'feed-2' AND item_code = ?"_s, {X[0]});
        // A suspension added, and one moved from feed-4 to feed-5 (entered under the wrong case).
        exec(u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES ('feed-3', ?, NULL)"_s,
             {today.addDays(-2).toString(Qt::ISODate)});
        exec(u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES ('feed-4', ?, ?)"_s,
             {today.addDays(-20).toString(Qt::ISODate), today.addDays(-11).toString(Qt::ISODate)});
        exec(u"UPDATE case_suspensions SET case_local_id = 'feed-5' WHERE case_local_id = 'feed-4'"_s, {});
        // A suspension lifted: its end set.
        exec(u"UPDATE case_suspensions SET to_date = ? WHERE case_local_id = 'feed-3'"_s,
             {today.toString(Qt::ISODate)});
        // The window's own suspension events: suspended and resumed; a 'created' event retyped; the events
        // of a case suspended in error deleted.
        exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES (?, ?, 'suspended', ?)"_s,
             {u"ev-s1"_s, unsuspended[4], utc(now.addDays(-6))});
        exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES (?, ?, 'resumed', ?)"_s,
             {u"ev-r1"_s, unsuspended[4], utc(now.addDays(-2))});
        exec(u"UPDATE case_events SET type = 'suspended', at = ? WHERE event_id = 'feed-0-c'"_s,
             {utc(now.addDays(-3))});
        exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES (?, ?, 'suspended', ?)"_s,
             {u"ev-s2"_s, unsuspended[5], utc(now.addDays(-5))});
        exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES (?, 'feed-7', 'suspended', "
             u"?)"_s,
             {u"ev-s3"_s, utc(now.addDays(-4))});
        exec(u"DELETE FROM case_events WHERE event_id = 'ev-s3'"_s, {});
        // A suspension event entered under the wrong case, moved.
        exec(u"UPDATE case_events SET case_local_id = ? WHERE event_id = 'ev-s2'"_s, {unsuspended[6]});
        // A case's suspensions lifted by deleting the platform's rows.
        exec(u"DELETE FROM case_suspensions WHERE case_local_id = ?"_s, {suspended[1]});
        // Cases changed after creation: another window, other limits, re-dated, a new number.
        exec(u"UPDATE cases SET window_no = 'C01', promised_days = promised_days + 2, case_no = 'HN-MOVED' "
             u"WHERE local_id = ?"_s,
             {unsuspended[7]});
        exec(u"UPDATE cases SET created_at = ?, accepted_date = ? WHERE local_id = ?"_s,
             {utc(now.addDays(-50)),
              now.addDays(-50).toTimeZone(Clock::chinaStandardTime()).date().toString(Qt::ISODate),
              unsuspended[8]});
        exec(u"UPDATE cases SET status = 'suspended', applicant_name = '改名' WHERE local_id = ?"_s,
             {unsuspended[9]});
        // Finished, and reopened (a delivery recorded in error); a finished case of the seed reopened.
        exec(u"UPDATE cases SET status = 'completed' WHERE local_id = 'feed-3'"_s, {});
        exec(u"UPDATE cases SET status = 'in_progress' WHERE local_id = 'feed-3'"_s, {});
        exec(u"UPDATE cases SET status = 'in_progress' WHERE local_id = (SELECT min(local_id) FROM cases "
             u"WHERE status = 'delivered' AND local_id NOT LIKE 'feed-%')"_s,
             {});
        exec(u"UPDATE cases SET status = 'delivered' WHERE local_id = ?"_s, {unsuspended[10]});
        // Replaced whole (INSERT OR REPLACE fires no delete trigger): one stays open in another window,
        // one comes back finished.
        for (const auto &[id, status] :
             {std::pair(u"feed-4"_s, u"accepted"_s), std::pair(u"feed-8"_s, u"rejected"_s)})
            exec(
                u"INSERT OR REPLACE INTO cases (local_id, case_no, applicant_kind, applicant_name, decision, "
                u"status, clerk_id, window_no, created_at, accepted_date, promised_days, legal_days, "
                u"updated_at) SELECT local_id, case_no, applicant_kind, applicant_name, 'accepted', ?, "
                u"clerk_id, 'A01', created_at, accepted_date, promised_days + 1, legal_days, updated_at FROM "
                u"cases WHERE local_id = ?"_s,
                {status, id});
        // A case deleted (its items, events and suspensions go with it).
        exec(u"DELETE FROM cases WHERE local_id = 'feed-6'"_s, {});
        // A red follow-up (read at the board's moment, not kept in board_cases).
        exec(
            u"INSERT INTO card_followups (case_local_id, colour, note, by_user, at) VALUES ('feed-7', 'red', "
            u"'已核查', 'u-sup', ?)"_s,
            {utc(now.addDays(-1))});
        return s;
    });
    return step(u"by hand"_s, hand);
}

struct Hall {
    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;
    FixedClock clock{QDateTime(QDate(2026, 3, 20), QTime(2, 0), QTimeZone::utc())};
};

bool openHall(Hall &h) {
    auto db = storage::Database::open(h.dir.filePath(u"hall.db"_s));
    if (!db.ok() || !storage::DemoHall::load(*db.value(), h.clock).ok())
        return false;
    h.db = std::move(db.value());
    return true;
}

const QStringList kTriggers = {
    u"board_cases_case_delete"_s,      u"board_cases_case_insert"_s,       u"board_cases_case_move"_s,
    u"board_cases_case_update"_s,      u"board_cases_event_delete"_s,      u"board_cases_event_insert"_s,
    u"board_cases_event_update"_s,     u"board_cases_item_delete"_s,       u"board_cases_item_insert"_s,
    u"board_cases_item_update"_s,      u"board_cases_suspension_delete"_s, u"board_cases_suspension_insert"_s,
    u"board_cases_suspension_update"_s};

} // namespace

class TestBoardFacts : public QObject {
    Q_OBJECT
private slots:
    void theTriggers() {
        Hall h;
        QVERIFY(openHall(h));
        QCOMPARE(column(*h.db, u"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                               u"('cases','case_items','case_suspensions','case_events') ORDER BY name"_s),
                 kTriggers);
    }

    // The whole round: the board from board_cases equals the board from the base tables.
    void boardFromFactsEqualsBoardFromCases() {
        Hall h;
        QVERIFY(openHall(h));
        QString failed;
        QVERIFY2(changeHall(*h.db, h.clock, failed), qPrintable(failed));
        // The round reached every kind of case the board tells apart.
        auto one = [&](const QString &sql) {
            auto q = h.db->query(sql);
            return q.ok() && q->next() ? q->value(0).toInt() : -1;
        };
        QVERIFY(one(u"SELECT count(*) FROM board_cases WHERE status = 'suspended'"_s) > 0);
        QVERIFY(one(u"SELECT count(*) FROM board_cases WHERE has_suspensions = 1"_s) > 3);
        QVERIFY(one(u"SELECT count(*) FROM board_cases WHERE item_code IS NULL"_s) > 0);
        QVERIFY(one(u"SELECT count(*) FROM board_cases WHERE origin = 'hall_feed' AND extension_days > 0"_s) >
                0);
        QVERIFY(
            one(u"SELECT count(*) FROM cases WHERE status NOT IN ('accepted','in_progress','suspended')"_s) >
            3);
        const QStringList table = tableDifferences(*h.db);
        QVERIFY2(table.isEmpty(), qPrintable(table.join(u'\n')));
        const QStringList board = boardDifferences(*h.db, h.clock.nowUtc());
        QVERIFY2(board.isEmpty(), qPrintable(board.join(u'\n')));

        // And the colours (cases::OverdueBoard over both lists): the board's counts, per window.
        auto cal = storage::CalendarRepository(*h.db, h.clock).workingCalendar();
        QVERIFY(cal.ok());
        const cases::CaseRepository repo(*h.db);
        auto board1 = cases::OverdueBoard::compute(repo, h.clock.nowUtc(), cases::BoardGrouping::Department,
                                                   cal.value(), {});
        QVERIFY(board1.ok());
        QVERIFY(board1->total.open > 20);
        QVERIFY(board1->total.red + board1->total.yellow + board1->total.warning > 0);
    }

    // Each trigger is needed: without it, the same round leaves the table or the board wrong.
    void everyTriggerIsNeeded_data() {
        QTest::addColumn<QString>("trigger");
        for (const QString &t : kTriggers)
            QTest::newRow(qPrintable(t)) << t;
    }

    void everyTriggerIsNeeded() {
        QFETCH(QString, trigger);
        Hall h;
        QVERIFY(openHall(h));
        QVERIFY(h.db->exec(u"DROP TRIGGER "_s + trigger).ok());
        QString failed;
        QVERIFY2(changeHall(*h.db, h.clock, failed), qPrintable(failed));
        const QStringList table = tableDifferences(*h.db);
        QVERIFY2(!table.isEmpty(), "the round left board_cases right without the trigger");
    }

    // The migration builds the table from what is there: a hall written before it, then migrated.
    void migrationBuildsTheTable() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.db"_s);
        auto migrations = storage::Migrator::list(u":/db/migrations"_s);
        QVERIFY(migrations.ok());
        int version = -1;
        for (const auto &m : migrations.value())
            if (m.fileName.endsWith(u"_board_cases.sql"_s))
                version = m.version;
        QVERIFY(version > 1);
        {
            storage::OpenOptions before;
            before.targetVersion = version - 1;
            auto db = storage::Database::open(path, before);
            QVERIFY(db.ok());
            // Written with the base columns only (the writers of today may need later migrations).
            QVERIFY(
                db.value()
                    ->write([&]() -> Status {
                        Status s = db.value()->exec(
                            u"INSERT INTO service_items (code, version, name, type, department, basis, "
                            u"service_object, legal_time_limit_days, promised_time_limit_days) VALUES "
                            u"('X1', 1, '甲', 'licensing', '市场监管局', '法', 'both', 20, 5), "
                            u"('X2', 1, '乙', 'licensing', '公安局', '法', 'both', 15, 3)"_s);
                        for (int i = 0; i < 30 && s.ok(); ++i) {
                            const QString id = u"old-%1"_s.arg(i, 2, 10, QChar(u'0'));
                            const QString status =
                                QStringList{u"accepted"_s, u"in_progress"_s, u"suspended"_s, u"delivered"_s}
                                    .at(i % 4);
                            const QString at = u"2026-03-%1T02:00:00Z"_s.arg(1 + i % 19, 2, 10, QChar(u'0'));
                            s = db.value()->exec(
                                u"INSERT INTO cases (local_id, applicant_kind, applicant_name, decision, "
                                u"status, clerk_id, window_no, created_at, accepted_date, promised_days, "
                                u"legal_days, updated_at) VALUES (?, 'person', '测试', 'accepted', ?, "
                                u"'u-1', ?, ?, ?, 5, 20, ?)"_s,
                                {id, status, i % 2 ? u"A01"_s : u"A02"_s, at, at.left(10), at});
                            if (s.ok() && i % 5 != 0)
                                s = db.value()->exec(
                                    u"INSERT INTO case_items (case_local_id, ord, item_code, "
                                    u"item_version) VALUES (?, 0, ?, 1), (?, 1, ?, 1)"_s,
                                    {id, i % 3 ? u"X1"_s : u"X2"_s, id, i % 3 ? u"X2"_s : u"X1"_s});
                            if (s.ok() && i % 3 == 0)
                                s = db.value()->exec(u"INSERT INTO case_suspensions (case_local_id, "
                                                     u"from_date, to_date) VALUES (?, '2026-03-10', ?)"_s,
                                                     {id, i % 2 ? QVariant() : QVariant(u"2026-03-12"_s)});
                            if (s.ok() && i % 7 == 1)
                                s = db.value()->exec(u"INSERT INTO case_events (event_id, case_local_id, "
                                                     u"type, at) VALUES (?, ?, 'suspended', "
                                                     u"'2026-03-11T03:00:00Z')"_s,
                                                     {id + u"-s"_s, id});
                        }
                        return s;
                    })
                    .ok());
        }
        auto db = storage::Database::open(path);
        QVERIFY(db.ok());
        auto count = db.value()->query(u"SELECT count(*), sum(has_suspensions) FROM board_cases"_s);
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), 23); // 30 cases, 7 of them delivered
        QVERIFY(count->value(1).toInt() > 0);
        const QStringList table = tableDifferences(*db.value());
        QVERIFY2(table.isEmpty(), qPrintable(table.join(u'\n')));
        const QStringList board =
            boardDifferences(*db.value(), QDateTime(QDate(2026, 3, 20), QTime(2, 0), QTimeZone::utc()));
        QVERIFY2(board.isEmpty(), qPrintable(board.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestBoardFacts)
#include "tst_boardfacts.moc"
