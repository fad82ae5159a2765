#include "caserepository.h"

#include <windowdesk/core/hallduties.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>
#include <windowdesk/storage/rowreader.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {

// 依申请公开: the decision's notice of an accepted application is its 登记回执, which repeats what was asked
// for and in which form (the form's fields other than the applicant's own, in the item's order).
Status addDisclosureRequest(storage::Database &db, NoticeData &d,
                            const QHash<QString, core::ServiceItem> &items, const QString &localId) {
    const core::ServiceItem *disclosure = nullptr;
    for (const core::ServiceItem &it : items)
        if (core::isInfoDisclosureType(it.type))
            disclosure = &it;
    if (!disclosure)
        return {};
    if (d.kind == NoticeKind::Acceptance)
        d.kind = NoticeKind::DisclosureRegistration;
    auto q = db.query(u"SELECT form_values_json FROM cases WHERE local_id = ?"_s, {localId});
    if (!q.ok())
        return q.error();
    const QJsonObject values =
        q->next() ? QJsonDocument::fromJson(storage::PersonalData(db)
                                                .open(q->value(0), storage::pdcolumn::formValues, localId)
                                                .toUtf8())
                        .object()
                  : QJsonObject();
    static const QStringList applicantKeys{u"applicant_name"_s, u"id_number"_s, u"phone"_s, u"address"_s};
    for (const core::FormField &f : disclosure->form) {
        if (applicantKeys.contains(f.key))
            continue;
        const QJsonValue v = values.value(f.key);
        QString text = v.isBool()     ? (v.toBool() ? u"是"_s : u"否"_s)
                       : v.isDouble() ? QString::number(v.toDouble())
                                      : v.toString();
        if (!text.trimmed().isEmpty())
            d.requestLines.append({f.label, text});
    }
    return {};
}

// The unfinished statuses (core::isFinishedStatus is false for exactly these among the schema's statuses).
const QString kOpenStatuses = u"('accepted','in_progress','suspended')"_s;

QString utcText(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

// The unfinished cases a board statement covers (rows of board_cases, migration 0008): every one decided by
// `at`, or one window's.
QString openWhere(bool byWindow) {
    return byWindow ? u"f.window_no = ? AND f.created_at <= ?"_s : u"f.created_at <= ?"_s;
}

QVariantList openBinds(const QDateTime &at, const std::optional<QString> &windowNo) {
    QVariantList b;
    if (windowNo)
        b << *windowNo;
    b << utcText(at);
    return b;
}

// The board's facts of the unfinished cases (board_cases, kept by triggers): one pass over ~2 % of a big
// hall's cases, no probe of cases, case_items or the suspension tables per case. The department is the
// first item's (lowest ord) that the catalog holds, read at the board's moment: the first item's own version
// nearly always; the case's other items only when that version is missing from service_items. Oldest decision
// first.
QString boardSql(const QString &where) {
    return uR"(SELECT f.local_id, f.case_no, f.window_no, f.clerk_id, f.created_at, f.accepted_date, f.status,
        f.promised_days, f.legal_days, f.promised_due, f.legal_due, f.applicant_name,
        CASE WHEN f.item_code IS NULL THEN NULL WHEN s.code IS NOT NULL THEN s.department
             ELSE (SELECT s2.department FROM case_items i JOIN service_items s2 ON s2.code = i.item_code
                       AND s2.version = i.item_version WHERE i.case_local_id = f.local_id
                       ORDER BY i.ord, i.item_code LIMIT 1) END,
        f.origin, f.applicant_kind, f.applicant_id_number, f.applicant_id_masked, f.uscc, f.applicant_phone,
        f.extension_days, f.has_suspensions
        FROM board_cases f LEFT JOIN service_items s ON s.code = f.item_code AND s.version = f.item_version
        WHERE )"_s +
           where + u" ORDER BY f.created_at, f.local_id"_s;
}

// Suspensions and suspension events of the board's cases that have any (has_suspensions, ~10 %): board_cases
// outside (CROSS JOIN fixes the order), never a pass over every suspension of the hall's history.
QString boardSuspensionsSql(const QString &where) {
    return u"SELECT s.case_local_id, s.from_date, s.to_date FROM board_cases f CROSS JOIN case_suspensions s "
           u"ON "
           u"s.case_local_id = f.local_id WHERE f.has_suspensions = 1 AND "_s +
           where + u" ORDER BY s.case_local_id, s.from_date, s.id"_s;
}

QString boardEventsSql(const QString &where) {
    return u"SELECT e.case_local_id, e.type, e.at FROM board_cases f CROSS JOIN case_events e INDEXED BY "
           u"case_events_suspension ON e.case_local_id = f.local_id WHERE e.type IN ('suspended','resumed') "
           u"AND f.has_suspensions = 1 AND "_s +
           where + u" ORDER BY e.case_local_id, e.at, e.id"_s;
}

// The same for any cases by id, from the base tables (cardFacts: My cases' few cases, finished ones too).
QString suspensionsSql(const QString &where) {
    return u"SELECT s.case_local_id, s.from_date, s.to_date FROM cases c JOIN case_suspensions s ON "
           u"s.case_local_id = c.local_id WHERE "_s +
           where + u" ORDER BY s.case_local_id, s.from_date, s.id"_s;
}

// Through the partial index of suspension events (migration 0004), named: the planner otherwise probes the
// index of all events, which holds every case's 'created' too.
QString eventsSql(const QString &where) {
    return u"SELECT e.case_local_id, e.type, e.at FROM cases c JOIN case_events e INDEXED BY "
           u"case_events_suspension ON e.case_local_id = c.local_id WHERE e.type IN ('suspended','resumed') "
           u"AND "_s +
           where + u" ORDER BY e.case_local_id, e.at, e.id"_s;
}

// The hall's red follow-ups by the board's moment: few rows (only red cases are followed up), so they are
// read whole and matched against the open cases in memory, without a join over them.
QString followupsSql() {
    return u"SELECT DISTINCT case_local_id FROM card_followups WHERE colour = 'red' AND at <= ?"_s;
}

QString idsWhere(const QString &alias, qsizetype n) {
    QStringList marks;
    marks.fill(u"?"_s, n);
    return u"%1.local_id IN (%2)"_s.arg(alias, marks.join(u','));
}

// Suspensions and suspension events (the two statements above for one WHERE clause), by local id.
Status loadSuspensions(const storage::Database &db, const QString &suspensionsStatement,
                       const QString &eventsStatement, const QVariantList &binds,
                       QHash<QString, QList<core::Suspension>> &platform,
                       QHash<QString, QList<SuspensionEvent>> &events) {
    auto s = db.forwardQuery(suspensionsStatement, binds);
    if (!s.ok())
        return s.error();
    while (s->next()) {
        const QDate from = QDate::fromString(s->value(1).toString(), Qt::ISODate);
        if (!from.isValid())
            continue;
        const QDate to =
            s->value(2).isNull() ? QDate() : QDate::fromString(s->value(2).toString(), Qt::ISODate);
        platform[s->value(0).toString()].append(core::Suspension{from, to});
    }
    auto e = db.forwardQuery(eventsStatement, binds);
    if (!e.ok())
        return e.error();
    while (e->next())
        events[e->value(0).toString()].append(
            {e->value(1).toString(), QDateTime::fromString(e->value(2).toString(), Qt::ISODate)});
    return {};
}

} // namespace

CaseRepository::CaseRepository(storage::Database &db)
    : m_db(db) {}

Result<core::CardSettings> CaseRepository::cardSettings() const {
    core::CardSettings settings;
    auto v = storage::settingValue(m_db, QString::fromLatin1(storage::settingkey::cardYellowToRedDays));
    if (!v.ok())
        return v.error();
    bool ok = false;
    const int k = v->toInt(&ok);
    if (ok && k >= 0 && k <= 3650)
        settings.yellowToRedWorkingDays = k;
    return settings;
}

Result<QHash<QString, CaseCardFacts>> CaseRepository::cardFacts(const QStringList &localIds) const {
    QHash<QString, CaseCardFacts> out;
    constexpr qsizetype kChunk = 400; // below SQLite's bound-parameter limit
    for (qsizetype at = 0; at < localIds.size(); at += kChunk) {
        const QStringList ids = localIds.mid(at, kChunk);
        const QString where = idsWhere(u"c"_s, ids.size());
        QVariantList binds;
        for (const QString &id : ids)
            binds << id;
        auto q = m_db.query(
            u"SELECT c.local_id, c.accepted_date, c.promised_days, c.legal_days, c.status, c.extension_days FROM cases c WHERE "_s +
                where,
            binds);
        if (!q.ok())
            return q.error();
        while (q->next()) {
            CaseCardFacts f;
            f.acceptedDate = QDate::fromString(q->value(1).toString(), Qt::ISODate);
            f.promisedDays = q->value(2).toInt();
            f.legalDays = q->value(3).toInt();
            f.status = q->value(4).toString();
            f.extensionDays = q->value(5).toInt();
            out.insert(q->value(0).toString(), f);
        }
        QHash<QString, QList<core::Suspension>> platform;
        QHash<QString, QList<SuspensionEvent>> events;
        if (Status s =
                loadSuspensions(m_db, suspensionsSql(where), eventsSql(where), binds, platform, events);
            !s.ok())
            return s.error();
        for (auto it = out.begin(); it != out.end(); ++it)
            if (platform.contains(it.key()) || events.contains(it.key()))
                it->suspensions = mergeSuspensions(platform.value(it.key()), events.value(it.key()));
    }
    return out;
}

Result<QList<BoardCase>> CaseRepository::openCases(const QDateTime &at,
                                                   const std::optional<QString> &windowNo) const {
    QList<BoardCase> out;
    if (Status s = forEachOpenCase(at, windowNo, [&](BoardCase &&c) { out.append(std::move(c)); }); !s.ok())
        return s.error();
    return out;
}

Result<QList<BoardCase>> CaseRepository::openCasesAmong(const QDateTime &at,
                                                        const QStringList &localIds) const {
    QList<BoardCase> out;
    if (Status s = forEachOpenCaseAmong(at, localIds, [&](BoardCase &&c) { out.append(std::move(c)); });
        !s.ok())
        return s.error();
    return out;
}

Status CaseRepository::forEachOpenCase(const QDateTime &at, const std::optional<QString> &windowNo,
                                       const std::function<void(BoardCase &&)> &visit) const {
    return visitOpen(at, openWhere(windowNo.has_value()), openBinds(at, windowNo), visit);
}

Status CaseRepository::forEachOpenCaseAmong(const QDateTime &at, const QStringList &localIds,
                                            const std::function<void(BoardCase &&)> &visit) const {
    constexpr qsizetype kChunk = 400; // below SQLite's bound-parameter limit
    for (qsizetype from = 0; from < localIds.size(); from += kChunk) {
        const QStringList ids = localIds.mid(from, kChunk);
        QVariantList binds;
        for (const QString &id : ids)
            binds << id;
        binds << utcText(at);
        if (Status s =
                visitOpen(at, idsWhere(u"f"_s, ids.size()) + u" AND "_s + openWhere(false), binds, visit);
            !s.ok())
            return s;
    }
    return {};
}

Status CaseRepository::visitOpen(const QDateTime &at, const QString &where, const QVariantList &binds,
                                 const std::function<void(BoardCase &&)> &visit) const {
    // The suspensions of the flagged cases (has_suspensions, ~10 %) and the hall's red follow-ups first —
    // few rows — so that each case is complete when it is read and goes straight to the caller: the board
    // keeps one list of its tens of thousands of cases, not a second one to copy from (bench_board).
    QHash<QString, QList<core::Suspension>> platform;
    QHash<QString, QList<SuspensionEvent>> events;
    if (Status s =
            loadSuspensions(m_db, boardSuspensionsSql(where), boardEventsSql(where), binds, platform, events);
        !s.ok())
        return s;
    QSet<QString> followedUp;
    auto f = m_db.forwardQuery(followupsSql(), {utcText(at)});
    if (!f.ok())
        return f.error();
    while (f->next())
        followedUp.insert(f->value(0).toString());
    // The cases themselves through storage::RowReader: tens of thousands of rows of 21 columns, of which
    // QSqlQuery would make a QVariant each (most of the board's opening time at a million cases,
    // bench_board). Repeated values (window, clerk, status, department) are shared.
    auto q = storage::RowReader::open(m_db, boardSql(where), binds);
    if (!q.ok())
        return q.error();
    storage::TextPool pool;
    const storage::PersonalData pd(m_db); // desk cases' id numbers and phones are sealed at rest
    while (q->next()) {
        BoardCase c;
        c.localId = q->text(0);
        c.caseNo = q->text(1);
        c.windowNo = pool.get(q->utf8(2));
        c.clerkId = pool.get(q->utf8(3));
        c.createdAt = q->text(4);
        c.facts.acceptedDate = q->date(5);
        c.status = pool.get(q->utf8(6));
        c.facts.status = c.status;
        c.facts.promisedDays = int(q->integer(7));
        c.facts.legalDays = int(q->integer(8));
        c.platformPromisedDue = q->date(9);
        c.platformLegalDue = q->date(10);
        c.applicantName = q->text(11);
        if (!q->isNull(12))
            c.department = pool.get(q->utf8(12));
        // Masked here, as for My cases: the board's rows never hold a full id number or phone.
        c.fromDesk = q->utf8(13) == "desk";
        if (q->utf8(14) == "entity" && !q->utf8(17).isEmpty())
            c.idMasked = q->text(17); // a USCC is public register data
        else if (c.fromDesk && !q->utf8(15).isEmpty())
            c.idMasked = core::maskIdNumber(QString::fromUtf8(
                pd.openBytes(q->utf8(15).toByteArray(), storage::pdcolumn::idNumber, c.localId)));
        else
            c.idMasked = q->text(16);
        if (!q->utf8(18).isEmpty())
            c.phoneMasked = core::maskPhone(QString::fromUtf8(
                pd.openBytes(q->utf8(18).toByteArray(), storage::pdcolumn::phone, c.localId)));
        // Legal limit plus the platform's extensions (cli.md `board`, platform-api.md 1.1 `extensions`).
        c.facts.extensionDays = int(q->integer(19));
        if (q->integer(20) != 0) {
            const auto p = platform.constFind(c.localId);
            const auto e = events.constFind(c.localId);
            if (p != platform.cend() || e != events.cend())
                c.facts.suspensions =
                    mergeSuspensions(p != platform.cend() ? p.value() : QList<core::Suspension>(),
                                     e != events.cend() ? e.value() : QList<SuspensionEvent>());
        }
        c.redFollowupByAt = followedUp.contains(c.localId);
        visit(std::move(c));
    }
    return q->status();
}

Result<QList<ClerkCase>> CaseRepository::clerkCases(const QString &clerkId, const QDate &today) const {
    auto q = m_db.query(
        uR"(SELECT c.local_id, c.case_no, c.created_at, c.accepted_date, c.applicant_kind, c.applicant_name,
        c.entity_name, c.applicant_id_number, c.uscc, c.applicant_phone, c.status, c.decision, c.promised_days,
        c.legal_days, c.promised_due, c.legal_due, c.bundle_code,
        (SELECT group_concat(s.name, '、') FROM case_items i JOIN service_items s
            ON s.code = i.item_code AND s.version = i.item_version WHERE i.case_local_id = c.local_id),
        (SELECT b.name FROM bundles b WHERE b.code = c.bundle_code AND b.version = c.bundle_version),
        c.sync_message_json
        FROM cases c WHERE c.clerk_id = ? AND (c.accepted_date = ? OR c.status IN
            ('accepted','in_progress','suspended','correction_required'))
        ORDER BY c.created_at DESC)"_s,
        {clerkId, today.toString(Qt::ISODate)});
    if (!q.ok())
        return q.error();
    QList<ClerkCase> rows;
    const storage::PersonalData pd(m_db);
    while (q->next()) {
        ClerkCase r;
        r.localId = q->value(0).toString();
        r.caseNo = q->value(1).toString();
        r.createdAt = q->value(2).toString();
        r.acceptedDate = q->value(3).toString();
        const bool entity = q->value(4).toString() == u"entity"_s;
        r.applicant = entity ? q->value(6).toString() : q->value(5).toString();
        r.idMasked = entity
                         ? q->value(8).toString()
                         : core::maskIdNumber(pd.open(q->value(7), storage::pdcolumn::idNumber, r.localId));
        const QString phone = pd.open(q->value(9), storage::pdcolumn::phone, r.localId);
        r.phoneMasked = phone.isEmpty() ? QString() : core::maskPhone(phone);
        r.status = q->value(10).toString();
        r.decision = q->value(11).toString();
        r.promisedDue = QDate::fromString(q->value(14).toString(), Qt::ISODate);
        r.legalDue = QDate::fromString(q->value(15).toString(), Qt::ISODate);
        r.matter = q->value(18).toString().isEmpty() ? q->value(17).toString() : q->value(18).toString();
        if (const QString m = q->value(19).toString(); !m.isEmpty()) {
            const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
            r.syncRefused = true;
            r.syncMessage = o.value(u"message"_s).toString();
            const QJsonObject f = o.value(u"fields"_s).toObject();
            for (auto it = f.begin(); it != f.end(); ++it)
                r.fieldMessages.insert(it.key(), it.value().toString());
        }
        rows.append(r);
    }
    return rows;
}

Result<std::optional<QPair<QDateTime, QString>>> CaseRepository::latestEvent(const QString &localId,
                                                                             const QString &type) const {
    auto ev = m_db.query(u"SELECT at, reason FROM case_events WHERE case_local_id = ? AND type = ? "
                         u"ORDER BY id DESC LIMIT 1"_s,
                         {localId, type});
    if (!ev.ok())
        return ev.error();
    if (!ev->next())
        return std::optional<QPair<QDateTime, QString>>{};
    return std::optional<QPair<QDateTime, QString>>{
        {QDateTime::fromString(ev->value(0).toString(), Qt::ISODate), ev->value(1).toString()}};
}

Result<std::optional<DecidedCase>> CaseRepository::lastDecidedCase() const {
    auto q =
        m_db.query(u"SELECT local_id, decision, applicant_name, coalesce(applicant_id_number, ''), "
                   u"coalesce(applicant_phone, ''), created_at FROM cases ORDER BY rowid DESC LIMIT 1"_s);
    if (!q.ok())
        return q.error();
    if (!q->next())
        return std::optional<DecidedCase>();
    DecidedCase c;
    c.localId = q->value(0).toString();
    c.decision = q->value(1).toString();
    c.applicantName = q->value(2).toString();
    const storage::PersonalData pd(m_db);
    c.idNumber = pd.open(q->value(3), storage::pdcolumn::idNumber, c.localId);
    c.phone = pd.open(q->value(4), storage::pdcolumn::phone, c.localId);
    c.createdAt = q->value(5).toString();
    auto items =
        m_db.query(u"SELECT item_code FROM case_items WHERE case_local_id = ? ORDER BY ord"_s, {c.localId});
    if (!items.ok())
        return items.error();
    while (items->next())
        c.itemCodes.append(items->value(0).toString());
    auto mats = m_db.query(
        u"SELECT item_code, material_id, status FROM case_materials WHERE case_local_id = ?"_s, {c.localId});
    if (!mats.ok())
        return mats.error();
    while (mats->next())
        c.materials.insert(mats->value(0).toString() + u'/' + mats->value(1).toString(),
                           mats->value(2).toString());
    return std::optional<DecidedCase>(c);
}

Result<CorrectionSource> CaseRepository::correctionSource(const QString &localId) const {
    auto q = m_db.query(u"SELECT applicant_name, applicant_id_number, applicant_phone, form_values_json FROM "
                        u"cases WHERE local_id = ?"_s,
                        {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no such case"_s};
    CorrectionSource out;
    out.applicantName = q->value(0).toString();
    const storage::PersonalData pd(m_db);
    out.idNumber = pd.open(q->value(1), storage::pdcolumn::idNumber, localId);
    out.phone = pd.open(q->value(2), storage::pdcolumn::phone, localId);
    out.formValues =
        QJsonDocument::fromJson(pd.open(q->value(3), storage::pdcolumn::formValues, localId).toUtf8())
            .object();
    // Form fields are named as the acceptance form named them (the item versions of the case); the first
    // item's label wins when two items share a key.
    auto l = m_db.query(uR"(SELECT f.field_key, f.label FROM case_items i JOIN item_form_fields f
        ON f.item_code = i.item_code AND f.item_version = i.item_version WHERE i.case_local_id = ?
        ORDER BY i.ord DESC, f.ord DESC)"_s,
                        {localId});
    if (!l.ok())
        return l.error();
    while (l->next())
        out.fieldLabels.insert(l->value(0).toString(), l->value(1).toString());
    return out;
}

Result<QHash<QString, QString>> CaseRepository::userNames() const {
    auto q = m_db.query(u"SELECT id, name FROM users"_s);
    if (!q.ok())
        return q.error();
    QHash<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Result<QList<TimelineEntry>> CaseRepository::timeline(const QString &localId) const {
    QList<TimelineEntry> out;
    auto e =
        m_db.query(u"SELECT at, type, COALESCE(reason, ''), COALESCE(by_user, ''), source FROM case_events "
                   u"WHERE case_local_id = ? ORDER BY at, id"_s,
                   {localId});
    if (!e.ok())
        return e.error();
    while (e->next())
        out.append({e->value(0).toString(), e->value(1).toString(), e->value(2).toString(),
                    e->value(3).toString(), e->value(4).toString() == u"platform"_s});
    auto s = m_db.query(
        u"SELECT from_date, to_date FROM case_suspensions WHERE case_local_id = ? ORDER BY from_date"_s,
        {localId});
    if (!s.ok())
        return s.error();
    while (s->next()) {
        out.append({s->value(0).toString(), u"suspension_from"_s, {}, {}, true});
        if (!s->value(1).isNull())
            out.append({s->value(1).toString(), u"suspension_to"_s, {}, {}, true});
    }
    auto f = m_db.query(u"SELECT at, colour, note, by_user, COALESCE(finding, ''), action, source FROM "
                        u"card_followups WHERE case_local_id = ? ORDER BY at, id"_s,
                        {localId});
    if (!f.ok())
        return f.error();
    while (f->next()) {
        // The card and the finding as stored (the board names them in Chinese); the action and note as typed.
        QStringList parts;
        for (int col : {5, 2})
            if (!f->value(col).toString().isEmpty())
                parts << f->value(col).toString();
        TimelineEntry entry{f->value(0).toString(), u"followup"_s, parts.join(u" · "_s),
                            f->value(3).toString(), f->value(6).toString() == u"platform"_s};
        entry.colour = f->value(1).toString();
        entry.finding = f->value(4).toString();
        out.append(entry);
    }
    // A suspension's date sorts before the moments of the same day ("2026-03-09" < "2026-03-09T…").
    std::stable_sort(out.begin(), out.end(),
                     [](const TimelineEntry &a, const TimelineEntry &b) { return a.at < b.at; });
    return out;
}

Result<QStringList> CaseRepository::explainPlans() const {
    const QDateTime at = QDateTime::currentDateTimeUtc();
    struct Stmt {
        QString name, sql;
        QVariantList binds;
    };
    QList<Stmt> stmts;
    for (bool byWindow : {false, true}) {
        const QString where = openWhere(byWindow);
        const QVariantList binds = openBinds(at, byWindow ? std::optional<QString>(u"A01"_s) : std::nullopt);
        const QString tag = byWindow ? u"window "_s : u"hall "_s;
        stmts.append({tag + u"cases"_s, boardSql(where), binds});
        stmts.append({tag + u"suspensions"_s, boardSuspensionsSql(where), binds});
        stmts.append({tag + u"events"_s, boardEventsSql(where), binds});
    }
    const QVariantList idBinds{u"a"_s, u"b"_s};
    const QString changed = idsWhere(u"f"_s, 2) + u" AND "_s + openWhere(false);
    const QVariantList changedBinds = idBinds + openBinds(at, std::nullopt);
    stmts.append({u"refresh cases"_s, boardSql(changed), changedBinds});
    stmts.append({u"refresh suspensions"_s, boardSuspensionsSql(changed), changedBinds});
    stmts.append({u"refresh events"_s, boardEventsSql(changed), changedBinds});
    stmts.append({u"followups"_s, followupsSql(), {utcText(at)}});
    const QString ids = idsWhere(u"c"_s, 2);
    stmts.append({u"facts cases"_s,
                  u"SELECT c.local_id, c.accepted_date, c.promised_days, c.legal_days, c.status, "
                  u"c.extension_days FROM cases c "
                  u"WHERE "_s +
                      ids,
                  idBinds});
    stmts.append({u"facts suspensions"_s, suspensionsSql(ids), idBinds});
    stmts.append({u"facts events"_s, eventsSql(ids), idBinds});
    // Every statement of the triggers that keep board_cases (migration 0008) runs on each write of a case, an
    // item, a suspension or a suspension event: each is explained with its NEW./OLD. values as parameters.
    auto triggers = m_db.query(u"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                               u"('cases','case_items','case_suspensions','case_events') ORDER BY name"_s);
    if (!triggers.ok())
        return triggers.error();
    static const QRegularExpression body(u"\\bBEGIN\\b(.*)\\bEND\\s*$"_s,
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression rowValue(u"\\b(?:NEW|OLD)\\.\\w+"_s);
    while (triggers->next()) {
        const auto m = body.match(triggers->value(1).toString());
        if (!m.hasMatch())
            return Error{u"sql"_s, u"trigger %1: no body"_s.arg(triggers->value(0).toString())};
        // The bodies hold no quoted ';' or '?'.
        int n = 0;
        for (QString statement : m.captured(1).split(u';', Qt::SkipEmptyParts)) {
            statement = statement.trimmed();
            if (statement.isEmpty())
                continue;
            statement.replace(rowValue, u"?"_s);
            QVariantList nulls;
            for (qsizetype k = statement.count(u'?'); k > 0; --k)
                nulls << QVariant();
            stmts.append({u"trigger %1 #%2"_s.arg(triggers->value(0).toString()).arg(++n), statement, nulls});
        }
    }
    QStringList out;
    for (const Stmt &s : stmts) {
        auto q = m_db.query(u"EXPLAIN QUERY PLAN "_s + s.sql, s.binds);
        if (!q.ok())
            return q.error();
        while (q->next())
            out << s.name + u": "_s + q->value(3).toString();
    }
    return out;
}

Result<NoticeData> CaseRepository::noticeData(const QString &localId, NoticeKind kind,
                                              const QString &hallName, const QString &clerkName) const {
    storage::Database &db = m_db;
    auto q = db.query(
        u"SELECT case_no, bundle_code, bundle_version, applicant_name, applicant_id_number, "
        u"applicant_phone, entity_name, uscc, decision_reason, decision_basis, window_no, created_at, "
        u"accepted_date, promised_days, legal_days, promised_due, legal_due, due_provisional "
        u"FROM cases WHERE local_id = ?"_s,
        {localId});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no such case"_s};
    NoticeData d;
    d.kind = kind;
    d.hallName = hallName;
    d.clerkName = clerkName;
    const QString caseNo = q->value(0).toString();
    d.caseRefIsLocal = caseNo.isEmpty();
    d.caseRef = caseNo.isEmpty() ? localId : caseNo;
    const QString bundleCode = q->value(1).toString();
    d.applicantName = q->value(3).toString();
    const storage::PersonalData pd(db);
    d.applicantIdMasked = core::maskIdNumber(pd.open(q->value(4), storage::pdcolumn::idNumber, localId));
    const QString phone = pd.open(q->value(5), storage::pdcolumn::phone, localId);
    d.applicantPhoneMasked = phone.isEmpty() ? QString() : core::maskPhone(phone);
    d.entityName = q->value(6).toString();
    d.uscc = q->value(7).toString();
    d.decisionReason = q->value(8).toString();
    d.decisionBasis = q->value(9).toString();
    d.windowNo = q->value(10).toString();
    d.decidedAt = QDateTime::fromString(q->value(11).toString(), Qt::ISODate);
    d.acceptedDate = QDate::fromString(q->value(12).toString(), Qt::ISODate);
    d.promisedDays = q->value(13).toInt();
    d.legalDays = q->value(14).toInt();
    d.promisedDue = QDate::fromString(q->value(15).toString(), Qt::ISODate);
    d.legalDue = QDate::fromString(q->value(16).toString(), Qt::ISODate);
    d.dueProvisional = q->value(17).toInt() != 0;

    storage::CatalogRepository catalog(db);
    QHash<QString, core::ServiceItem> items;
    auto qi = db.query(
        u"SELECT item_code, item_version FROM case_items WHERE case_local_id = ? ORDER BY ord"_s, {localId});
    if (!qi.ok())
        return qi.error();
    while (qi->next()) {
        auto it = catalog.item(qi->value(0).toString(), qi->value(1).toInt());
        if (it.ok()) {
            items.insert(it->code, it.value());
            d.itemNames << it->name;
            if (!d.result.isEmpty())
                d.result += u"、"_s;
            d.result += it->result;
        }
    }
    d.matterName = d.itemNames.join(u"、"_s);
    if (Status s = addDisclosureRequest(db, d, items, localId); !s.ok())
        return s.error();
    if (!bundleCode.isEmpty()) {
        auto b = catalog.currentBundle(bundleCode);
        if (b.ok())
            d.matterName = b->name;
    }
    // A bundle's shared material is stored once per item; the notice lists it once.
    auto qm =
        db.query(u"SELECT m.item_code, m.material_id, m.status, m.license_id, m.reason FROM case_materials m "
                 u"JOIN case_items i ON i.case_local_id = m.case_local_id AND i.item_code = m.item_code "
                 u"WHERE m.case_local_id = ? ORDER BY i.ord, m.rowid"_s,
                 {localId});
    if (!qm.ok())
        return qm.error();
    QSet<QString> seen;
    while (qm->next()) {
        const core::ServiceItem item = items.value(qm->value(0).toString());
        const core::Material *mat = item.material(qm->value(1).toString());
        NoticeMaterialLine line;
        line.name = mat ? mat->name : qm->value(1).toString();
        line.copies = mat ? mat->copies : 1;
        line.required = mat ? mat->required : true;
        line.status = qm->value(2).toString();
        line.licenseId = qm->value(3).toString();
        line.reason = qm->value(4).toString();
        const QString key = (mat && !mat->licenseType.isEmpty() ? mat->licenseType : line.name.trimmed());
        if (seen.contains(key))
            continue;
        seen.insert(key);
        d.materials.append(line);
    }
    return d;
}

} // namespace windowdesk::cases
