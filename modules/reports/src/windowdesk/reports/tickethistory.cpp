#include "tickethistory.h"

#include <windowdesk/storage/database.h>

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::reports {

namespace {

enum Type : char { Issued, Called, Recalled, Started, Done, NoShow, Held, Resumed, Transferred, Unknown };

const QString &typeName(Type t) {
    static const QStringList names = {u"issued"_s,      u"called"_s,  u"recalled"_s, u"started"_s,
                                      u"done"_s,        u"no_show"_s, u"held"_s,     u"resumed"_s,
                                      u"transferred"_s, u"issued"_s};
    return names.at(int(t));
}

Type typeOf(const QString &t) {
    static const QHash<QString, Type> types = {
        {u"issued"_s, Issued},   {u"called"_s, Called},   {u"recalled"_s, Recalled},
        {u"started"_s, Started}, {u"done"_s, Done},       {u"no_show"_s, NoShow},
        {u"held"_s, Held},       {u"resumed"_s, Resumed}, {u"transferred"_s, Transferred}};
    return types.value(t, Unknown);
}

struct Event {
    Type type;
    qint64 at;
    int window; // index into the interned strings, -1: null
    int clerk;
    int toCategory;
};

struct Building {
    qint64 issuedAt = 0;
    qint64 seq = 0;
    QString ticketNo;
    int category = -1;
    QList<Event> events; // after `issued`, in order
};

} // namespace

QString TicketRecord::outcome() const {
    if (served)
        return u"served"_s;
    if (noShow)
        return u"no_show"_s;
    if (transferred)
        return u"transferred"_s;
    return u"open"_s;
}

// One ticket's figures from its events: who served it, when, its wait and service time (held time left out).
TicketRecord recordOf(const Building &b, const QStringList &strings) {
    TicketRecord r;
    r.ticketNo = b.ticketNo;
    r.issuedAt = b.issuedAt;
    r.issuedSeq = b.seq;
    int category = b.category;
    int lastStartedWindow = -1, lastStartedClerk = -1, lastWindow = -1, lastClerk = -1;
    qsizetype doneAt = -1;
    for (qsizetype i = 0; i < b.events.size(); ++i) {
        const Event &e = b.events.at(i);
        if (e.type == Called && !r.firstCalledAt) {
            r.called = true;
            r.firstCalledAt = e.at;
        }
        if (e.type == Transferred) {
            r.transferred = true;
            if (e.toCategory >= 0)
                category = e.toCategory;
        }
        if (e.type == Done && doneAt < 0)
            doneAt = i;
        if (e.type == Started) {
            if (e.window >= 0)
                lastStartedWindow = e.window;
            if (e.clerk >= 0)
                lastStartedClerk = e.clerk;
        }
        if (e.window >= 0)
            lastWindow = e.window;
        if (e.clerk >= 0)
            lastClerk = e.clerk;
    }
    const int window = lastStartedWindow >= 0 ? lastStartedWindow : lastWindow;
    const int clerk = lastStartedClerk >= 0 ? lastStartedClerk : lastClerk;
    if (window >= 0)
        r.windowNo = strings.at(window);
    if (clerk >= 0)
        r.clerkId = strings.at(clerk);
    if (category >= 0)
        r.category = strings.at(category);
    r.noShow = !b.events.isEmpty() && b.events.constLast().type == NoShow;
    r.lastEvent = typeName(b.events.isEmpty() ? Issued : b.events.constLast().type);
    r.lastEventAt = b.events.isEmpty() ? b.issuedAt : b.events.constLast().at;
    if (r.firstCalledAt)
        r.waitS = *r.firstCalledAt - r.issuedAt;
    if (doneAt >= 0) {
        r.served = true;
        r.doneAt = b.events.at(doneAt).at;
        qsizetype started = -1;
        for (qsizetype i = doneAt - 1; i >= 0 && started < 0; --i)
            if (b.events.at(i).type == Started)
                started = i;
        if (started >= 0) {
            r.startedAt = b.events.at(started).at;
            // Held time inside [started, done]: each `held` with the `resumed` that ends it.
            qint64 held = 0;
            qint64 heldSince = -1;
            for (qsizetype i = started + 1; i < doneAt; ++i) {
                const Event &e = b.events.at(i);
                if (e.type == Held && heldSince < 0)
                    heldSince = e.at;
                else if (e.type == Resumed && heldSince >= 0) {
                    held += e.at - heldSince;
                    heldSince = -1;
                }
            }
            r.serviceS = *r.doneAt - *r.startedAt - held;
        }
    } else {
        for (qsizetype i = b.events.size() - 1; i >= 0 && !r.startedAt; --i)
            if (b.events.at(i).type == Started)
                r.startedAt = b.events.at(i).at;
    }
    return r;
}

Result<QList<TicketRecord>> loadTickets(const storage::Database &db, qint64 fromS, qint64 toS) {
    // Forward only: a year of a big hall is half a million rows, which a scrollable query would also keep
    // as a cache of QVariants while they are read once (bench_reports: the year report 2.0 → 1.8 s wall).
    QSqlQuery rows(db.sql());
    rows.setForwardOnly(true);
    if (!rows.prepare(u"SELECT seq, ticket_no, category, type, window_no, clerk_id, to_category, at_s FROM "
                      u"ticket_events WHERE at_s >= ? AND at_s < ? ORDER BY at_s, seq"_s)) {
        return Error{u"sql"_s, rows.lastError().text()};
    }
    rows.addBindValue(fromS);
    rows.addBindValue(toS + 7 * 86400);
    if (!rows.exec())
        return Error{u"sql"_s, rows.lastError().text()};
    // Few distinct windows, clerks and categories: kept once each.
    QStringList strings;
    QHash<QString, int> interned;
    auto intern = [&](const QVariant &v) -> int {
        if (v.isNull())
            return -1;
        const QString s = v.toString();
        if (s.isEmpty())
            return -1;
        auto it = interned.constFind(s);
        if (it != interned.constEnd())
            return it.value();
        strings.append(s);
        interned.insert(s, int(strings.size() - 1));
        return int(strings.size() - 1);
    };
    QList<Building> tickets;
    QHash<QString, qsizetype> current; // number → its latest issued ticket
    while (rows.next()) {
        const Type type = typeOf(rows.value(3).toString());
        const QString no = rows.value(1).toString();
        const qint64 at = rows.value(7).toLongLong();
        if (type == Issued) {
            if (at >= toS) { // a later ticket of the same number: later events are its own
                current.remove(no);
                continue;
            }
            Building b;
            b.issuedAt = at;
            b.seq = rows.value(0).toLongLong();
            b.ticketNo = no;
            b.category = intern(rows.value(2));
            current.insert(no, tickets.size());
            tickets.append(std::move(b));
            continue;
        }
        auto it = current.constFind(no);
        if (it == current.constEnd() || type == Unknown)
            continue; // before any issue of its number in the range: another period's ticket
        tickets[it.value()].events.append(
            {type, at, intern(rows.value(4)), intern(rows.value(5)), intern(rows.value(6))});
    }

    QList<TicketRecord> out;
    out.reserve(tickets.size());
    for (const Building &b : tickets)
        out.append(recordOf(b, strings));
    return out;
}

} // namespace windowdesk::reports
