#include "queueservice.h"
#include "caseslogging.h"
#include "ticketevents.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
constexpr auto kTicketColumns =
    "id, ticket_no, category, status, window_no, issued_at, called_at, started_at";

Ticket readTicket(const QSqlQuery &q) {
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.ticketNo = q.value(1).toString();
    t.category = q.value(2).toString();
    t.status = q.value(3).toString();
    t.windowNo = q.value(4).toString();
    t.issuedAt = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    t.calledAt = QDateTime::fromString(q.value(6).toString(), Qt::ISODate);
    t.startedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
    return t;
}

QString placeholders(qsizetype n) {
    QStringList p;
    for (qsizetype i = 0; i < n; ++i)
        p << u"?"_s;
    return p.join(u',');
}
} // namespace

LocalQueueService::LocalQueueService(storage::Database &db, const Clock &clock, QString clerkId)
    : m_db(db)
    , m_clock(clock)
    , m_clerkId(std::move(clerkId)) {
    loadConfig();
}

void LocalQueueService::loadConfig() {
    QFile f(u":/db/demo/queue.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        qCWarning(lcCases) << "queue.json missing from this build";
        return;
    }
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    for (const auto &v : o.value(u"categories"_s).toArray()) {
        const QJsonObject c = v.toObject();
        m_categories.append(
            {c.value(u"code"_s).toString(), c.value(u"name"_s).toString(), c.value(u"prefix"_s).toString()});
    }
    for (const auto &v : o.value(u"windows"_s).toArray()) {
        const QJsonObject w = v.toObject();
        QStringList cats;
        for (const auto &c : w.value(u"categories"_s).toArray())
            cats << c.toString();
        m_windowCategories.insert(w.value(u"window_no"_s).toString(), cats);
    }
    m_demoTickets = o.value(u"demo_tickets"_s).toArray();
}

QStringList LocalQueueService::categoriesForWindow(const QString &windowNo) const {
    if (m_windowCategories.contains(windowNo))
        return m_windowCategories.value(windowNo);
    QStringList all;
    for (const auto &c : m_categories)
        all << c.name;
    return all;
}

void LocalQueueService::callNextAsync(const QString &windowNo, const QStringList &categories,
                                      CallNextCallback done) {
    done(callNext(windowNo, categories));
}

void LocalQueueService::actAsync(qint64 id, TicketAction action, const QString &toCategory,
                                 TicketCallback done) {
    done(act(id, action, toCategory));
}

Result<Ticket> LocalQueueService::act(qint64 id, TicketAction action, const QString &toCategory) {
    switch (action) {
    case TicketAction::Recall:
        return recall(id);
    case TicketAction::Start:
        return start(id);
    case TicketAction::Done:
        return done(id);
    case TicketAction::NoShow:
        return noShow(id);
    case TicketAction::Hold:
        return hold(id);
    case TicketAction::Resume:
        return resume(id);
    case TicketAction::Transfer:
        return transfer(id, toCategory);
    }
    return Error{u"invalid_argument"_s, u"unknown ticket action"_s};
}

Result<Ticket> LocalQueueService::ticket(qint64 id) const {
    auto q = m_db.query(u"SELECT %1 FROM queue_tickets WHERE id = ?"_s.arg(QLatin1StringView(kTicketColumns)),
                        {id});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no such ticket"_s};
    return readTicket(q.value());
}

// Inside the caller's write: the ticket's event as platform-api.md 1.1 describes it (its number and category
// before the action, the window and the acting clerk).
Status LocalQueueService::recordEvent(qint64 id, const QString &type, const QString &toCategory) {
    auto q = m_db.query(u"SELECT ticket_no, category, window_no, clerk_id FROM queue_tickets WHERE id = ?"_s,
                        {id});
    if (!q.ok())
        return q.error();
    if (!q->next())
        return Error{u"not_found"_s, u"no such ticket"_s};
    TicketEvent e;
    e.ticketNo = q->value(0).toString();
    e.category = q->value(1).toString();
    e.type = type;
    if (type != u"issued"_s) {
        e.windowNo = q->value(2).toString();
        e.clerkId = m_clerkId.isEmpty() ? q->value(3).toString() : m_clerkId;
    }
    e.toCategory = toCategory;
    e.at = m_clock.nowUtc();
    auto added = appendTicketEvent(m_db, e, u"local"_s);
    return added.ok() ? Status() : Status(added.error());
}

Result<std::optional<Ticket>> LocalQueueService::callNext(const QString &windowNo,
                                                          const QStringList &categories) {
    if (!m_online)
        return Error{u"queue_offline"_s, u"queue offline"_s};
    if (categories.isEmpty())
        return std::optional<Ticket>();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    const QString day = m_clock.todayCst().toString(Qt::ISODate);
    qint64 id = 0;
    Status st = m_db.write([&]() -> Status {
        QVariantList binds{day};
        for (const auto &c : categories)
            binds << c;
        auto q = m_db.query(
            u"SELECT id FROM queue_tickets WHERE issued_day = ? AND status = 'waiting' AND category "
            u"IN (%1) ORDER BY issued_at, id LIMIT 1"_s.arg(placeholders(categories.size())),
            binds);
        if (!q.ok())
            return q.error();
        if (!q->next())
            return {};
        id = q->value(0).toLongLong();
        if (Status s = m_db.exec(
                u"UPDATE queue_tickets SET status = 'called', window_no = ?, clerk_id = ?, called_at = ? "
                u"WHERE id = ?"_s,
                {windowNo, m_clerkId, now, id});
            !s.ok())
            return s;
        return recordEvent(id, u"called"_s);
    });
    if (!st.ok())
        return st.error();
    if (id == 0)
        return std::optional<Ticket>();
    auto t = ticket(id);
    if (!t.ok())
        return t.error();
    return std::optional<Ticket>(t.value());
}

Result<Ticket> LocalQueueService::transition(qint64 id, const QStringList &from, const QString &to,
                                             const QString &timeColumn, const QString &eventType) {
    if (!m_online)
        return Error{u"queue_offline"_s, u"queue offline"_s};
    auto cur = ticket(id);
    if (!cur.ok())
        return cur.error();
    if (!from.contains(cur->status))
        return Error{u"ticket_state"_s, u"the action does not fit the ticket's state"_s};
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    Status st = m_db.write([&] {
        Status s =
            timeColumn.isEmpty()
                ? m_db.exec(u"UPDATE queue_tickets SET status = ? WHERE id = ?"_s, {to, id})
                : m_db.exec(u"UPDATE queue_tickets SET status = ?, %1 = ? WHERE id = ?"_s.arg(timeColumn),
                            {to, now, id});
        return s.ok() ? recordEvent(id, eventType) : s;
    });
    if (!st.ok())
        return st.error();
    return ticket(id);
}

Result<Ticket> LocalQueueService::recall(qint64 id) {
    return transition(id, {u"called"_s}, u"called"_s, u"called_at"_s, u"recalled"_s);
}
Result<Ticket> LocalQueueService::start(qint64 id) {
    return transition(id, {u"called"_s}, u"serving"_s, u"started_at"_s, u"started"_s);
}
Result<Ticket> LocalQueueService::done(qint64 id) {
    return transition(id, {u"called"_s, u"serving"_s}, u"done"_s, u"finished_at"_s, u"done"_s);
}
Result<Ticket> LocalQueueService::noShow(qint64 id) {
    return transition(id, {u"called"_s}, u"no_show"_s, u"finished_at"_s, u"no_show"_s);
}
Result<Ticket> LocalQueueService::hold(qint64 id) {
    return transition(id, {u"called"_s, u"serving"_s}, u"held"_s, QString(), u"held"_s);
}
Result<Ticket> LocalQueueService::resume(qint64 id) {
    return transition(id, {u"held"_s}, u"serving"_s, QString(), u"resumed"_s);
}

Result<Ticket> LocalQueueService::transfer(qint64 id, const QString &toCategory) {
    if (!m_online)
        return Error{u"queue_offline"_s, u"queue offline"_s};
    auto cur = ticket(id);
    if (!cur.ok())
        return cur.error();
    if (!core::is(cur->status, core::TicketStatus::Called) &&
        !core::is(cur->status, core::TicketStatus::Serving))
        return Error{u"ticket_state"_s, u"the action does not fit the ticket's state"_s};
    // The ticket goes back to the waiting line of the other category, keeping its place by issue time.
    Status st = m_db.write([&] {
        if (Status s = recordEvent(id, u"transferred"_s, toCategory); !s.ok())
            return s;
        return m_db.exec(
            u"UPDATE queue_tickets SET status = 'waiting', category = ?, window_no = NULL, called_at = "
            u"NULL, started_at = NULL WHERE id = ?"_s,
            {toCategory, id});
    });
    if (!st.ok())
        return st.error();
    return ticket(id);
}

Result<QList<Ticket>> LocalQueueService::lastCalled(int limit) const {
    auto q = m_db.query(u"SELECT %1 FROM queue_tickets WHERE issued_day = ? AND called_at IS NOT NULL "
                        u"ORDER BY called_at DESC, id DESC LIMIT ?"_s.arg(QLatin1StringView(kTicketColumns)),
                        {m_clock.todayCst().toString(Qt::ISODate), limit});
    if (!q.ok())
        return q.error();
    QList<Ticket> out;
    while (q->next())
        out.append(readTicket(q.value()));
    return out;
}

Result<int> LocalQueueService::waitingCount(const QStringList &categories) const {
    if (categories.isEmpty())
        return 0;
    QVariantList binds{m_clock.todayCst().toString(Qt::ISODate)};
    for (const auto &c : categories)
        binds << c;
    auto q = m_db.query(u"SELECT COUNT(*) FROM queue_tickets WHERE issued_day = ? AND status = 'waiting' AND "
                        u"category IN (%1)"_s.arg(placeholders(categories.size())),
                        binds);
    if (!q.ok())
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Result<QList<Ticket>> LocalQueueService::heldTickets(const QString &windowNo) const {
    auto q = m_db.query(
        u"SELECT %1 FROM queue_tickets WHERE status = 'held' AND window_no = ? ORDER BY called_at"_s.arg(
            QLatin1StringView(kTicketColumns)),
        {windowNo});
    if (!q.ok())
        return q.error();
    QList<Ticket> out;
    while (q->next())
        out.append(readTicket(q.value()));
    return out;
}

Result<int> LocalQueueService::generateDemoTickets() {
    const QDate today = m_clock.todayCst();
    const QDateTime opening(today, QTime(9, 0), Clock::chinaStandardTime());
    const QDateTime now = m_clock.nowUtc();
    int added = 0;
    Status st = m_db.write([&]() -> Status {
        for (const auto &v : m_demoTickets) {
            const QJsonObject t = v.toObject();
            QDateTime issued = opening.addSecs(t.value(u"issued_offset_minutes"_s).toInt() * 60).toUTC();
            if (issued > now) // not yet issued: a demo before opening still gets a queue to call
                issued = now.addSecs(-60 * (m_demoTickets.size() - added));
            auto q = m_db.query(
                u"INSERT OR IGNORE INTO queue_tickets (ticket_no, issued_day, category, issued_at, "
                u"status) VALUES (?, ?, ?, ?, 'waiting')"_s,
                {t.value(u"ticket_no"_s).toString(), today.toString(Qt::ISODate),
                 t.value(u"category"_s).toString(), issued.toString(Qt::ISODate)});
            if (!q.ok())
                return q.error();
            if (q->numRowsAffected() > 0) {
                ++added;
                TicketEvent e{QString(),
                              t.value(u"ticket_no"_s).toString(),
                              t.value(u"category"_s).toString(),
                              u"issued"_s,
                              QString(),
                              QString(),
                              QString(),
                              issued};
                if (auto ev = appendTicketEvent(m_db, e, u"local"_s); !ev.ok())
                    return ev.error();
            }
        }
        return {};
    });
    if (!st.ok())
        return st.error();
    return added;
}

Result<Ticket> LocalQueueService::issueTicket(const QString &category) {
    QString prefix = u"Z"_s;
    for (const auto &c : m_categories)
        if (c.name == category || c.code == category)
            prefix = c.prefix;
    const QString day = m_clock.todayCst().toString(Qt::ISODate);
    qint64 id = 0;
    Status st = m_db.write([&]() -> Status {
        auto q = m_db.query(u"SELECT ticket_no FROM queue_tickets WHERE issued_day = ? AND ticket_no LIKE ? "
                            u"ORDER BY ticket_no DESC LIMIT 1"_s,
                            {day, prefix + u"%"_s});
        if (!q.ok())
            return q.error();
        const int next = q->next() ? q->value(0).toString().mid(prefix.size()).toInt() + 1 : 1;
        auto ins =
            m_db.query(u"INSERT INTO queue_tickets (ticket_no, issued_day, category, issued_at, status) "
                       u"VALUES (?, ?, ?, ?, 'waiting')"_s,
                       {prefix + QString::number(next).rightJustified(3, u'0'), day, category,
                        m_clock.nowUtc().toString(Qt::ISODate)});
        if (!ins.ok())
            return ins.error();
        id = ins->lastInsertId().toLongLong();
        return recordEvent(id, u"issued"_s);
    });
    if (!st.ok())
        return st.error();
    return ticket(id);
}

} // namespace windowdesk::cases
