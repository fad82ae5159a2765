#include "ticketevents.h"

#include <windowdesk/storage/database.h>

#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

const QStringList &ticketEventTypes() {
    static const QStringList types = {u"issued"_s,  u"called"_s, u"recalled"_s, u"started"_s,    u"done"_s,
                                      u"no_show"_s, u"held"_s,   u"resumed"_s,  u"transferred"_s};
    return types;
}

Result<TicketEvent> ticketEventFromJson(const QJsonObject &o) {
    auto text = [&](const QString &key) {
        const QJsonValue v = o.value(key);
        return v.isString() ? v.toString() : QString();
    };
    TicketEvent e;
    e.eventId = text(u"event_id"_s);
    e.ticketNo = text(u"ticket_no"_s);
    e.category = text(u"category"_s);
    e.type = text(u"type"_s);
    e.windowNo = text(u"window_no"_s);
    e.clerkId = text(u"clerk_id"_s);
    e.toCategory = text(u"to_category"_s);
    e.at = QDateTime::fromString(text(u"at"_s), Qt::ISODateWithMs);
    QString bad;
    if (e.eventId.isEmpty())
        bad = u"event_id"_s;
    else if (e.ticketNo.isEmpty())
        bad = u"ticket_no"_s;
    else if (e.category.isEmpty())
        bad = u"category"_s;
    else if (!ticketEventTypes().contains(e.type))
        bad = u"type"_s;
    else if (!e.at.isValid())
        bad = u"at"_s;
    else if (e.type == u"transferred"_s && e.toCategory.isEmpty())
        bad = u"to_category"_s;
    if (!bad.isEmpty())
        return Error{u"invalid_event"_s, u"ticket event: %1 missing or invalid"_s.arg(bad)};
    return e;
}

Result<bool> appendTicketEvent(storage::Database &db, const TicketEvent &e, const QString &source) {
    if (!ticketEventTypes().contains(e.type) || e.ticketNo.isEmpty() || !e.at.isValid())
        return Error{u"invalid_event"_s, u"ticket event: type, number or time missing"_s};
    const QDateTime at = QDateTime::fromSecsSinceEpoch(e.at.toSecsSinceEpoch(), Qt::UTC);
    auto orNull = [](const QString &s) {
        return s.isEmpty() ? QVariant() : QVariant(s);
    };
    auto q = db.query(u"INSERT OR IGNORE INTO ticket_events (event_id, ticket_no, category, type, window_no, "
                      u"clerk_id, to_category, at, at_s, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                      {e.eventId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : e.eventId,
                       e.ticketNo, e.category, e.type, orNull(e.windowNo), orNull(e.clerkId),
                       orNull(e.toCategory), at.toString(Qt::ISODate), at.toSecsSinceEpoch(), source});
    if (!q.ok())
        return q.error();
    return q->numRowsAffected() > 0;
}

} // namespace windowdesk::cases
