// `windowdeskctl board --json` against an independent computation written here from the text of cli.md
// (`board`, `card`) and product.md §4 — its own SQL, its own working-day walk, its own colouring — on a
// database of a few hundred cases made at random (fixed seed): every status, suspensions from the platform's
// list and from case events (closed and still open), red and yellow follow-ups before and after the board's
// moment, cases without a department, window keys beyond ASCII, and cases whose dates need a missing year.
#include "ctlrun.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

const QTimeZone kCst(8 * 3600);

// ── The independent model ────────────────────────────────────────────────
struct Cal {
    QSet<int> years;
    QSet<QDate> holidays, workdays;
    // nullopt: the year is not loaded.
    std::optional<bool> working(const QDate &d) const {
        if (!years.contains(d.year()))
            return std::nullopt;
        if (holidays.contains(d))
            return false;
        if (workdays.contains(d))
            return true;
        return d.dayOfWeek() <= 5;
    }
};

struct Range {
    QDate from, to; // [from, to)
    bool has(const QDate &d) const { return d >= from && d < to; }
};

struct Missing {};

// The n-th working day after `start` outside every range; `start` itself for n = 0.
QDate walk(const Cal &cal, const QDate &start, int n, const QList<Range> &ranges) {
    QDate d = start;
    int counted = 0;
    while (counted < n) {
        d = d.addDays(1);
        const auto w = cal.working(d);
        if (!w)
            throw Missing{};
        bool off = false;
        for (const Range &r : ranges)
            off = off || r.has(d);
        if (*w && !off)
            ++counted;
    }
    return d;
}

struct Raw {
    QString id, window, status;
    std::optional<QString> dept;
    QDate accepted;
    int promised = 0, legal = 0;
    QList<std::pair<QDate, QDate>> platformSusp; // to invalid = open
    QList<std::pair<QString, QDateTime>> events;
    QList<QString> redFollowupsAt;
};

// "none" | "normal" | "warning" | "yellow" | "red" | "calendar_missing"
QString colourOf(const Raw &c, const QDateTime &at, const Cal &cal, int k) {
    // A finished case has no card and needs no calendar.
    if (QStringList{u"completed"_s, u"delivered"_s, u"rejected"_s, u"withdrawn"_s, u"correction_required"_s}
            .contains(c.status))
        return u"none"_s;
    const QDate today = at.toTimeZone(kCst).date();
    // The case's suspensions: the platform's, plus event ranges the platform's list lacks (same start).
    QList<std::pair<QDate, QDate>> all = c.platformSusp;
    QList<std::pair<QDate, QDate>> fromEvents;
    for (const auto &[type, t] : c.events) {
        const QDate day = t.toTimeZone(kCst).date();
        const bool lastOpen = !fromEvents.isEmpty() && !fromEvents.last().second.isValid();
        if (type == u"suspended"_s && !lastOpen)
            fromEvents.append({day, QDate()});
        else if (type == u"resumed"_s && lastOpen)
            fromEvents.last().second = day;
    }
    for (const auto &e : fromEvents) {
        bool known = false;
        for (const auto &p : c.platformSusp)
            known = known || p.first == e.first;
        if (!known)
            all.append(e);
    }
    QList<Range> ranges;
    bool openUsed = false;
    for (const auto &[from, to] : all) {
        if (!to.isValid()) {
            if (from <= today) {
                ranges.append({from, today.addDays(1)});
                openUsed = true;
            }
        } else if (to > from) {
            ranges.append({from, to});
        }
    }
    try {
        const QDate p = walk(cal, c.accepted, c.promised, ranges);
        const QDate l = walk(cal, c.accepted, c.legal, ranges);
        const QDate yellowLimit = walk(cal, p, k + 1, ranges);
        if (openUsed)
            for (int y = c.accepted.addDays(1).year(); y <= today.year(); ++y)
                if (!cal.years.contains(y))
                    throw Missing{};
        if (today > l || today >= yellowLimit)
            return u"red"_s;
        if (today > p)
            return u"yellow"_s;
        if (c.promised == 0)
            return u"normal"_s;
        int left = 0;
        for (QDate d = today; d <= p; d = d.addDays(1)) {
            bool off = false;
            for (const Range &r : ranges)
                off = off || r.has(d);
            const auto w = cal.working(d);
            if (!w)
                throw Missing{};
            if (*w && !off)
                ++left;
        }
        return left * 3 <= c.promised + 2 ? u"warning"_s : u"normal"_s; // left <= ceil(promised / 3)
    } catch (const Missing &) {
        return u"calendar_missing"_s;
    }
}

QJsonObject expectedBoard(const QString &dbPath, const QDateTime &at, bool byDepartment, int k) {
    QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"independent"_s);
    sql.setDatabaseName(dbPath);
    QJsonObject out;
    {
        if (!sql.open())
            return {};
        Cal cal;
        QSqlQuery q(sql);
        q.exec(u"SELECT year FROM calendars"_s);
        while (q.next())
            cal.years.insert(q.value(0).toInt());
        q.exec(u"SELECT date, kind FROM calendar_days"_s);
        while (q.next())
            (q.value(1).toString() == u"holiday"_s ? cal.holidays : cal.workdays)
                .insert(QDate::fromString(q.value(0).toString(), Qt::ISODate));
        std::map<QString, Raw> cases;
        q.exec(u"SELECT local_id, window_no, status, created_at, promised_days, legal_days FROM cases"_s);
        while (q.next()) {
            Raw r;
            r.id = q.value(0).toString();
            r.window = q.value(1).toString();
            r.status = q.value(2).toString();
            const QDateTime created = QDateTime::fromString(q.value(3).toString(), Qt::ISODate);
            if (created > at)
                continue; // decided after the board's moment
            r.accepted = created.toTimeZone(kCst).date();
            r.promised = q.value(4).toInt();
            r.legal = q.value(5).toInt();
            cases.emplace(r.id, r);
        }
        q.exec(u"SELECT i.case_local_id, i.ord, s.department FROM case_items i JOIN service_items s ON "
               u"s.code = i.item_code AND s.version = i.item_version"_s);
        std::map<QString, int> firstOrd;
        while (q.next()) {
            auto it = cases.find(q.value(0).toString());
            if (it == cases.end())
                continue;
            const int ord = q.value(1).toInt();
            if (!firstOrd.count(it->first) || ord < firstOrd[it->first]) {
                firstOrd[it->first] = ord;
                it->second.dept = q.value(2).toString();
            }
        }
        q.exec(u"SELECT case_local_id, from_date, to_date FROM case_suspensions"_s);
        while (q.next())
            if (auto it = cases.find(q.value(0).toString()); it != cases.end())
                it->second.platformSusp.append(
                    {QDate::fromString(q.value(1).toString(), Qt::ISODate),
                     q.value(2).isNull() ? QDate() : QDate::fromString(q.value(2).toString(), Qt::ISODate)});
        q.exec(u"SELECT case_local_id, type, at FROM case_events WHERE type IN ('suspended','resumed') "
               u"ORDER BY case_local_id, at, id"_s);
        while (q.next())
            if (auto it = cases.find(q.value(0).toString()); it != cases.end())
                it->second.events.append(
                    {q.value(1).toString(), QDateTime::fromString(q.value(2).toString(), Qt::ISODate)});
        q.exec(u"SELECT case_local_id, at FROM card_followups WHERE colour = 'red'"_s);
        while (q.next())
            if (auto it = cases.find(q.value(0).toString()); it != cases.end())
                it->second.redFollowupsAt.append(q.value(1).toString());

        struct Counts {
            int open = 0, warning = 0, yellow = 0, red = 0, followup = 0, calendar = 0;
            QJsonObject json() const {
                return {
                    {u"open"_s, open}, {u"warning"_s, warning},           {u"yellow"_s, yellow},
                    {u"red"_s, red},   {u"followup_missing"_s, followup}, {u"calendar_missing"_s, calendar}};
            }
        };
        Counts total;
        std::map<std::u32string, Counts> rows;
        Counts noKey;
        for (const auto &[id, c] : cases) {
            const QString colour = colourOf(c, at, cal, k);
            if (colour == u"none"_s)
                continue;
            bool followed = false;
            for (const QString &f : c.redFollowupsAt)
                followed = followed || QDateTime::fromString(f, Qt::ISODate) <= at;
            const std::optional<QString> key = byDepartment ? c.dept : std::optional<QString>(c.window);
            Counts *row = key ? &rows[key->toStdU32String()] : &noKey;
            for (Counts *x : {&total, row}) {
                ++x->open;
                x->warning += colour == u"warning"_s;
                x->yellow += colour == u"yellow"_s;
                x->red += colour == u"red"_s;
                x->followup += colour == u"red"_s && !followed;
                x->calendar += colour == u"calendar_missing"_s;
            }
        }
        out = total.json();
        out.insert(u"at"_s, at.toTimeZone(kCst).toString(u"yyyy-MM-dd'T'HH:mm:ss'+08:00'"_s));
        QJsonArray arr;
        for (const auto &[key, counts] : rows) {
            QJsonObject o = counts.json();
            o.insert(u"key"_s, QString::fromStdU32String(key));
            arr.append(o);
        }
        if (noKey.open > 0) {
            QJsonObject o = noKey.json();
            o.insert(u"key"_s, QJsonValue(QJsonValue::Null));
            arr.append(o);
        }
        out.insert(u"rows"_s, arr);
    }
    sql = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"independent"_s);
    return out;
}

// ── The random hall ──────────────────────────────────────────────────────
QString utc(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

bool makeCases(storage::Database &db, int n) {
    QRandomGenerator rng(20260320);
    QList<std::tuple<QString, int, int, int>> items; // code, version, promised, legal
    auto q = db.query(u"SELECT code, version, promised_time_limit_days, legal_time_limit_days FROM "
                      u"service_items WHERE is_current = 1 ORDER BY code"_s);
    if (!q.ok())
        return false;
    while (q->next())
        items.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(), q->value(3).toInt()});
    // 𠀀 (U+20000) sorts after 综 (U+7EFC) by code point but before it in UTF-16 units.
    const QStringList windows{u"A01"_s, u"A07"_s, u"B03"_s, u"综合1"_s, u"\U00020000窗"_s, u"a02"_s};
    const QStringList statuses{u"accepted"_s,  u"accepted"_s,           u"in_progress"_s, u"in_progress"_s,
                               u"suspended"_s, u"completed"_s,          u"delivered"_s,   u"withdrawn"_s,
                               u"rejected"_s,  u"correction_required"_s};
    const QDateTime start(QDate(2025, 11, 1), QTime(0, 0), QTimeZone::utc());
    return db
        .write([&]() -> Status {
            for (int i = 0; i < n; ++i) {
                const QString id = u"case-%1"_s.arg(i, 4, 10, QChar(u'0'));
                // Mostly the months around the boards' moments; a few at the end of 2027 (2028 is missing).
                QDateTime created = start.addSecs(qint64(rng.bounded(200 * 86400)));
                if (i % 40 == 0)
                    created = QDateTime(QDate(2027, 12, 10), QTime(2, 0), QTimeZone::utc())
                                  .addSecs(qint64(rng.bounded(20 * 86400)));
                const auto &[code, version, promised0, legal0] = items.at(int(rng.bounded(items.size())));
                int promised = promised0, legal = legal0;
                if (rng.bounded(6) == 0) { // odd limits too
                    promised = int(rng.bounded(12));
                    legal = promised + int(rng.bounded(25));
                }
                const QString status = statuses.at(int(rng.bounded(statuses.size())));
                const QString decision =
                    status == u"rejected"_s || status == u"correction_required"_s ? status : u"accepted"_s;
                Status s = db.exec(
                    u"INSERT INTO cases (local_id, applicant_kind, applicant_name, decision, status, "
                    u"clerk_id, "
                    u"window_no, created_at, accepted_date, promised_days, legal_days, updated_at) VALUES "
                    u"(?, 'person', '测试', ?, ?, 'u-1', ?, ?, ?, ?, ?, ?)"_s,
                    {id, decision, status, windows.at(int(rng.bounded(windows.size()))), utc(created),
                     created.toTimeZone(kCst).date().toString(Qt::ISODate), promised, legal, utc(created)});
                if (!s.ok())
                    return s;
                if (rng.bounded(20) != 0) { // some cases have no known item (department null)
                    const int items0 = 1 + int(rng.bounded(2));
                    QSet<QString> used;
                    for (int j = 0; j < items0; ++j) {
                        const auto &[c2, v2, p2, l2] = items.at(int(rng.bounded(items.size())));
                        if (used.contains(c2))
                            continue;
                        used.insert(c2);
                        // ord not in insertion order: the department is the lowest ord's.
                        s = db.exec(u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) "
                                    u"VALUES (?, ?, ?, ?)"_s,
                                    {id, j == 0 ? 5 : 1, c2, v2});
                        if (!s.ok())
                            return s;
                    }
                }
                const QDate acc = created.toTimeZone(kCst).date();
                const int susp = int(rng.bounded(10));
                if (susp < 3) { // the platform's list: closed, and now and then one still open
                    const QDate from = acc.addDays(1 + rng.bounded(20));
                    const bool open = susp == 0;
                    s = db.exec(
                        u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES "
                        u"(?, ?, ?)"_s,
                        {id, from.toString(Qt::ISODate),
                         open ? QVariant() : QVariant(from.addDays(rng.bounded(15)).toString(Qt::ISODate))});
                    if (!s.ok())
                        return s;
                } else if (susp == 3 || susp == 4) { // events only, one resumed, one not
                    const QDateTime t1 = created.addSecs(86400 * qint64(1 + rng.bounded(15)));
                    s = db.exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES "
                                u"(?, ?, 'suspended', ?)"_s,
                                {id + u"-s"_s, id, utc(t1)});
                    if (s.ok() && susp == 3)
                        s = db.exec(u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES "
                                    u"(?, ?, 'resumed', ?)"_s,
                                    {id + u"-r"_s, id, utc(t1.addSecs(86400 * qint64(rng.bounded(10))))});
                    if (!s.ok())
                        return s;
                }
                if (rng.bounded(4) == 0) {
                    const QDateTime t = created.addSecs(86400 * qint64(rng.bounded(120)));
                    s = db.exec(
                        u"INSERT INTO card_followups (case_local_id, colour, note, by_user, at) VALUES "
                        u"(?, ?, '已核查', 'u-sup', ?)"_s,
                        {id, rng.bounded(3) ? u"red"_s : u"yellow"_s, utc(t)});
                    if (!s.ok())
                        return s;
                }
            }
            return {};
        })
        .ok();
}

} // namespace

class TestBoardCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(dir.isValid());
        dbPath = dir.filePath(u"hall.db"_s);
        auto db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        FixedClock clock(QDateTime(QDate(2026, 3, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(storage::DemoHall::load(*db.value(), clock).ok());
        QVERIFY(makeCases(*db.value(), 600));
    }

    void matchesIndependentComputation_data() {
        QTest::addColumn<QString>("at");
        QTest::addColumn<bool>("byDepartment");
        QTest::addColumn<int>("k");
        QTest::addRow("2026-01-15 by window") << u"2026-01-15T10:00:00"_s << false << -1;
        QTest::addRow("2026-03-20 by window") << u"2026-03-20T10:00:00+08:00"_s << false << -1;
        QTest::addRow("2026-03-20 by department") << u"2026-03-20T02:00:00Z"_s << true << -1;
        QTest::addRow("2026-03-20 K=0") << u"2026-03-20T16:30:00"_s << false << 0;
        QTest::addRow("2026-05-08 K=10 by department") << u"2026-05-08T09:00:00"_s << true << 10;
        QTest::addRow("2027-12-31 calendars missing") << u"2027-12-31T12:00:00"_s << false << -1;
    }

    void matchesIndependentComputation() {
        QFETCH(QString, at);
        QFETCH(bool, byDepartment);
        QFETCH(int, k);
        QStringList args{u"board"_s, u"--at"_s, at, u"--json"_s};
        if (byDepartment)
            args << u"--by"_s << u"department"_s;
        if (k >= 0)
            args << u"--k"_s << QString::number(k);
        const auto r = ctltest::ctl(dbPath, args);
        QCOMPARE(r.exitCode, 0);
        QDateTime moment = QDateTime::fromString(at, Qt::ISODate);
        if (moment.timeSpec() == Qt::LocalTime)
            moment = QDateTime(moment.date(), moment.time(), kCst);
        const QJsonObject expected = expectedBoard(dbPath, moment, byDepartment, k >= 0 ? k : 5);
        QVERIFY(expected.value(u"open"_s).toInt() > 0);
        if (r.json != expected) {
            qWarning().noquote() << "got     " << r.out;
            qWarning().noquote() << "expected" << QJsonDocument(expected).toJson(QJsonDocument::Compact);
        }
        QCOMPARE(r.json, expected);
    }

    void eachColourOccurs() {
        // The random hall is worth checking against: every count is exercised somewhere.
        QSet<QString> seen;
        for (const QString &at :
             {u"2026-01-15T10:00:00"_s, u"2026-03-20T10:00:00"_s, u"2027-12-31T12:00:00"_s}) {
            const auto r = ctltest::ctl(dbPath, {u"board"_s, u"--at"_s, at, u"--json"_s});
            for (const QString &key :
                 {u"warning"_s, u"yellow"_s, u"red"_s, u"followup_missing"_s, u"calendar_missing"_s})
                if (r.json.value(key).toInt() > 0)
                    seen.insert(key);
        }
        QCOMPARE(seen.size(), 5);
    }

    void settingKAndUsage() {
        auto db = storage::Database::open(dbPath);
        QVERIFY(db.ok());
        QVERIFY(db.value()
                    ->exec(u"INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES "
                           u"('card.yellow_to_red_days', '0', '2026-03-01T00:00:00Z')"_s)
                    .ok());
        const auto fromSetting =
            ctltest::ctl(dbPath, {u"board"_s, u"--at"_s, u"2026-03-20T10:00:00"_s, u"--json"_s});
        const auto fromOption = ctltest::ctl(
            dbPath, {u"board"_s, u"--at"_s, u"2026-03-20T10:00:00"_s, u"--k"_s, u"0"_s, u"--json"_s});
        QCOMPARE(fromSetting.json, fromOption.json);
        QVERIFY(db.value()->exec(u"DELETE FROM settings WHERE key = 'card.yellow_to_red_days'"_s).ok());
        QCOMPARE(ctltest::ctl(dbPath, {u"board"_s, u"--by"_s, u"clerk"_s}).exitCode, 2);
        QCOMPARE(ctltest::ctl(dbPath, {u"board"_s, u"--at"_s, u"yesterday"_s}).exitCode, 2);
        QCOMPARE(ctltest::ctl(dbPath, {u"board"_s, u"--k"_s, u"-1"_s}).exitCode, 2);
        const auto text = ctltest::ctl(dbPath, {u"board"_s, u"--at"_s, u"2026-03-20T10:00:00"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("total"));
    }

private:
    QTemporaryDir dir;
    QString dbPath;
};

QTEST_GUILESS_MAIN(TestBoardCli)
#include "tst_boardcli.moc"
