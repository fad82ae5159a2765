#include "tickethistory.h"

#include <windowdesk/storage/database.h>
#include <windowdesk/storage/rowreader.h>

#include <QHash>

#include <utility>

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

Type typeOf(QByteArrayView t) {
    static constexpr std::pair<const char *, Type> types[] = {
        {"issued", Issued},   {"called", Called},   {"recalled", Recalled},
        {"started", Started}, {"done", Done},       {"no_show", NoShow},
        {"held", Held},       {"resumed", Resumed}, {"transferred", Transferred}};
    for (const auto &[name, type] : types)
        if (t == QByteArrayView(name))
            return type;
    return Unknown;
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
    // Through storage::RowReader, forward only: a year of a big hall is half a million rows, of which
    // QSqlQuery would make a QVariant (a QString for each text) per column before any is read (bench_reports:
    // the year report spent most of its time there). The few distinct windows, clerks and categories are
    // kept once each; a ticket's number is compared as bytes.
    auto rows = storage::RowReader::open(
        db,
        u"SELECT seq, ticket_no, category, type, window_no, clerk_id, to_category, at_s FROM ticket_events "
        u"WHERE at_s >= ? AND at_s < ? ORDER BY at_s, seq"_s,
        {fromS, toS + 7 * 86400});
    if (!rows.ok())
        return rows.error();
    QStringList strings;
    QHash<QByteArray, int> interned;
    auto intern = [&](int column) -> int {
        const QByteArrayView v = rows->utf8(column);
        if (v.isEmpty())
            return -1; // NULL or empty
        auto it = interned.constFind(QByteArray::fromRawData(v.data(), v.size()));
        if (it != interned.constEnd())
            return it.value();
        strings.append(QString::fromUtf8(v.data(), v.size()));
        interned.insert(v.toByteArray(), int(strings.size() - 1));
        return int(strings.size() - 1);
    };
    QList<Building> tickets;
    QHash<QByteArray, qsizetype> current; // number → its latest issued ticket
    while (rows->next()) {
        const Type type = typeOf(rows->utf8(3));
        const QByteArrayView no = rows->utf8(1);
        const QByteArray noKey = QByteArray::fromRawData(no.data(), no.size());
        const qint64 at = rows->integer(7);
        if (type == Issued) {
            if (at >= toS) { // a later ticket of the same number: later events are its own
                current.remove(noKey);
                continue;
            }
            Building b;
            b.issuedAt = at;
            b.seq = rows->integer(0);
            b.ticketNo = QString::fromUtf8(no.data(), no.size());
            b.category = intern(2);
            current.insert(no.toByteArray(), tickets.size());
            tickets.append(std::move(b));
            continue;
        }
        auto it = current.constFind(noKey);
        if (it == current.constEnd() || type == Unknown)
            continue; // before any issue of its number in the range: another period's ticket
        tickets[it.value()].events.append({type, at, intern(4), intern(5), intern(6)});
    }
    if (Status s = rows->status(); !s.ok())
        return s.error();

    QList<TicketRecord> out;
    out.reserve(tickets.size());
    for (const Building &b : tickets)
        out.append(recordOf(b, strings));
    return out;
}

} // namespace windowdesk::reports
