#pragma once
// Data of a big hall for the benchmarks (tests/bench): a year of ticket events and years of cases, written
// in a few large transactions (the seeders' one transaction per case, as at the window, would take hours).
// Shared by bench_reports and bench_exports so that both measure the same hall.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimeZone>
#include <algorithm>
#include <ctime>
#include <sys/resource.h>

namespace windowdesk::bench {

using namespace Qt::StringLiterals;

// CPU time of this process (user + system, getrusage), in ms: on a loaded machine the wall time shows the
// wait for a core too, so both are printed.
inline double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

inline double median(QList<double> v) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Runs a statement prepared once with new values (the seeders' db.exec prepares each time: far slower for
// millions of rows).
inline Status execPrepared(QSqlQuery &q, const QVariantList &values) {
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return Status::failure(u"sql"_s, q.lastError().text());
    return {};
}

inline bool prepare(QSqlQuery &q, const QString &sql, QTextStream &out) {
    if (q.prepare(sql))
        return true;
    out << "prepare: " << q.lastError().text() << Qt::endl;
    return false;
}

// The 1-minute load average (the machine is shared: figures are read beside it).
inline double loadAverage() {
    double l[3] = {0, 0, 0};
    return getloadavg(l, 3) > 0 ? l[0] : -1;
}

inline const QStringList kCategories = {u"综合受理"_s, u"企业开办"_s, u"社保医保"_s, u"不动产登记"_s};
inline const QStringList kLetters = {u"A"_s, u"B"_s, u"C"_s, u"D"_s};

// Ticket events of 2025-12-01 .. 2026-11-30, working days, `events` in all (about 5 per ticket).
inline qint64 generateTicketEvents(storage::Database &db, qint64 events, QTextStream &out) {
    QRandomGenerator rng(20261205);
    const QTimeZone cst(8 * 3600);
    QList<QDate> days;
    for (QDate d(2025, 12, 1); d < QDate(2026, 12, 1); d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days.append(d);
    const qint64 perDay = std::max<qint64>(1, events / 5 / days.size());
    qint64 written = 0;
    QSqlQuery ins(db.sql());
    if (!prepare(ins,
                 u"INSERT INTO ticket_events (event_id, ticket_no, category, type, window_no, clerk_id, "
                 u"to_category, "
                 u"at, at_s, source) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, 'platform')"_s,
                 out))
        return -1;
    auto st = db.write([&]() -> Status {
        for (const QDate &d : days) {
            QHash<QString, int> numbers;
            for (qint64 i = 0; i < perDay; ++i) {
                const int c = int(rng.bounded(4));
                const QString no =
                    u"%1%2"_s.arg(kLetters.at(c)).arg(++numbers[kLetters.at(c)], 3, 10, QLatin1Char('0'));
                const QString window =
                    u"%1%2"_s.arg(kLetters.at(c)).arg(1 + rng.bounded(4), 2, 10, QLatin1Char('0'));
                const QString clerk = u"u-"_s + window;
                const qint64 issued =
                    QDateTime(d, QTime(8, 30), cst).toSecsSinceEpoch() + qint64(i) * 8 * 3600 / perDay;
                QList<std::tuple<QString, qint64, QString>> ev = {{u"issued"_s, issued, QString()}};
                const qint64 called = issued + 60 + rng.bounded(1800);
                ev.append({u"called"_s, called, window});
                if (rng.bounded(20) == 0) {
                    ev.append({u"no_show"_s, called + 180, window});
                } else {
                    const qint64 started = called + 30;
                    ev.append({u"started"_s, started, window});
                    qint64 done = started + 300 + rng.bounded(900);
                    if (rng.bounded(10) == 0) {
                        ev.append({u"held"_s, started + 120, window});
                        ev.append({u"resumed"_s, started + 420, window});
                        done += 300;
                    }
                    ev.append({u"done"_s, done, window});
                }
                for (const auto &[type, at, w] : ev) {
                    const QDateTime t = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc());
                    if (Status e = execPrepared(ins, {u"e%1"_s.arg(written), no, kCategories.at(c), type,
                                                      w.isEmpty() ? QVariant() : QVariant(w),
                                                      w.isEmpty() ? QVariant() : QVariant(clerk),
                                                      t.toString(Qt::ISODate), at});
                        !e.ok())
                        return e;
                    ++written;
                }
            }
        }
        return {};
    });
    if (!st.ok()) {
        out << "generate: " << st.error().message << Qt::endl;
        return -1;
    }
    return written;
}

// `count` cases decided uniformly over [from, to) (CST dates), each with one item of the demo catalog, a
// resident's id number and phone, due dates, a 'created' event; ~1 % unfinished (the recent ones), a tenth
// with a suspension. Loads the demo hall first (catalog, calendars, users).
inline bool generateCases(storage::Database &db, const Clock &clock, qint64 count, const QDate &from,
                          const QDate &to, QTextStream &out) {
    if (!storage::DemoHall::load(db, clock).ok())
        return false;
    QList<std::tuple<QString, int, int, int>> items;
    auto q =
        db.query(u"SELECT code, version, promised_time_limit_days, legal_time_limit_days FROM service_items "
                 u"WHERE is_current = 1"_s);
    if (!q.ok())
        return false;
    while (q->next())
        items.append({q->value(0).toString(), q->value(1).toInt(), q->value(2).toInt(), q->value(3).toInt()});
    QRandomGenerator rng(14);
    const QTimeZone cst(8 * 3600);
    const qint64 fromS = QDateTime(from, QTime(0, 0), cst).toSecsSinceEpoch();
    const qint64 span = QDateTime(to, QTime(0, 0), cst).toSecsSinceEpoch() - fromS;
    const QStringList windows = {u"A01"_s, u"A02"_s, u"A03"_s, u"A04"_s, u"A05"_s, u"A06"_s,
                                 u"A07"_s, u"A08"_s, u"B01"_s, u"B02"_s, u"B03"_s, u"B04"_s,
                                 u"C01"_s, u"C02"_s, u"C03"_s, u"C04"_s};
    QSqlQuery insCase(db.sql()), insItem(db.sql()), insEvent(db.sql()), insSuspension(db.sql());
    if (!prepare(
            insCase,
            u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, applicant_id_number, "
            u"applicant_phone, decision, status, clerk_id, window_no, created_at, accepted_date, "
            u"promised_days, "
            u"legal_days, promised_due, legal_due, updated_at) VALUES (?, ?, 'person', '测试申请人', ?, ?, "
            u"'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            out) ||
        !prepare(
            insItem,
            u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) VALUES (?, 0, ?, ?)"_s,
            out) ||
        !prepare(insEvent,
                 u"INSERT INTO case_events (event_id, case_local_id, type, at) VALUES (?, ?, 'created', ?)"_s,
                 out) ||
        !prepare(insSuspension,
                 u"INSERT INTO case_suspensions (case_local_id, from_date, to_date) VALUES (?, ?, ?)"_s, out))
        return false;
    constexpr qint64 kBatch = 50000;
    for (qint64 start = 0; start < count; start += kBatch) {
        const Status st = db.write([&]() -> Status {
            for (qint64 i = start; i < std::min(count, start + kBatch); ++i) {
                const qint64 at = fromS + qint64(rng.bounded(double(span)));
                const QDateTime created = QDateTime::fromSecsSinceEpoch(at, QTimeZone::utc());
                const QDate acc = created.toTimeZone(cst).date();
                const bool open = span - (at - fromS) < 40LL * 86400 && rng.bounded(100) < 60;
                const auto &[code, version, promised, legal] = items.at(int(rng.bounded(items.size())));
                const QString status = open ? (rng.bounded(10) < 8 ? u"in_progress"_s : u"suspended"_s)
                                            : (rng.bounded(10) < 9 ? u"delivered"_s : u"completed"_s);
                const QString id = u"exp-%1"_s.arg(i, 7, 10, QChar(u'0'));
                const QString createdText = created.toString(Qt::ISODate);
                const QString idNumber =
                    u"430104"_s + QDate(1960, 1, 1).addDays(rng.bounded(20000)).toString(u"yyyyMMdd"_s) +
                    u"%1X"_s.arg(rng.bounded(1000), 3, 10, QChar(u'0'));
                const QString phone = u"13%1"_s.arg(rng.bounded(1000000000), 9, 10, QChar(u'0'));
                Status s =
                    execPrepared(insCase, {id, u"HN%1"_s.arg(i, 10, 10, QChar(u'0')), idNumber, phone, status,
                                           u"u-%1"_s.arg(i % 64), windows.at(int(i % windows.size())),
                                           createdText, acc.toString(Qt::ISODate), promised, legal,
                                           acc.addDays(promised * 7 / 5).toString(Qt::ISODate),
                                           acc.addDays(legal * 7 / 5).toString(Qt::ISODate), createdText});
                if (s.ok())
                    s = execPrepared(insItem, {id, code, version});
                if (s.ok())
                    s = execPrepared(insEvent, {id + u"-c"_s, id, createdText});
                if (s.ok() && rng.bounded(10) == 0)
                    s = execPrepared(insSuspension, {id, acc.addDays(2).toString(Qt::ISODate),
                                                     status == u"suspended"_s
                                                         ? QVariant()
                                                         : QVariant(acc.addDays(6).toString(Qt::ISODate))});
                if (!s.ok())
                    return s;
            }
            return {};
        });
        if (!st.ok()) {
            out << "generate: " << st.error().message << Qt::endl;
            return false;
        }
        out << "  " << std::min(count, start + kBatch) << " cases" << Qt::endl;
    }
    return db.exec(u"ANALYZE"_s).ok();
}

} // namespace windowdesk::bench
