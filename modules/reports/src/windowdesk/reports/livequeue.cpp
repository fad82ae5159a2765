#include "livequeue.h"

#include "periodreport.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::reports {

namespace {
// QMap orders by UTF-16 units; the board orders by code point like the report.
bool codePointLess(const QString &a, const QString &b) {
    return a.toUcs4() < b.toUcs4();
}

struct WindowAcc {
    LiveWindow row;
    qint64 currentAt = -1;  // the latest event of the ticket at the window now
    qint64 finishedAt = -1; // the latest finished ticket's last event
    qint64 clerkAt = -1;
    qint64 serviceSum = 0, serviceCount = 0;
};
} // namespace

LiveQueue liveQueueOf(const QList<TicketRecord> &today, qint64 nowS, qint64 serviceLevelS) {
    LiveQueue q;
    q.atS = nowS;
    q.serviceLevelS = serviceLevelS;
    QHash<QString, LiveCategory> categories;
    QHash<QString, WindowAcc> windows;
    for (const TicketRecord &t : today) {
        if (t.issuedAt > nowS)
            continue;
        ++q.arrivedToday;
        const QString &last = t.lastEvent;
        // Waiting: issued and not called yet, or transferred and waiting in its new category.
        const bool waiting = last == u"issued"_s || last == u"transferred"_s;
        LiveCategory &c = categories[t.category];
        c.category = t.category;
        if (waiting) {
            const qint64 wait = std::max<qint64>(0, nowS - t.issuedAt);
            ++c.waiting;
            c.longestWaitS = std::max(c.longestWaitS.value_or(0), wait);
            ++q.waiting;
            q.longestWaitS = std::max(q.longestWaitS.value_or(0), wait);
        }
        if (t.called) {
            ++q.calledToday;
            q.withinServiceLevel += t.waitS && *t.waitS <= serviceLevelS ? 1 : 0;
        }
        q.servedToday += t.served ? 1 : 0;
        q.noShowsToday += t.noShow ? 1 : 0;
        if (!t.windowNo)
            continue;
        WindowAcc &w = windows[*t.windowNo];
        w.row.windowNo = *t.windowNo;
        if (t.clerkId && t.lastEventAt >= w.clerkAt) {
            w.row.clerkId = t.clerkId;
            w.clerkAt = t.lastEventAt;
        }
        if (t.served) {
            ++w.row.servedToday;
            if (t.serviceS) {
                w.serviceSum += *t.serviceS;
                ++w.serviceCount;
            }
        }
        QString state;
        qint64 since = t.lastEventAt;
        if (last == u"called"_s || last == u"recalled"_s)
            state = u"called"_s;
        else if (last == u"started"_s || last == u"resumed"_s) {
            state = u"serving"_s;
            since = t.startedAt.value_or(t.lastEventAt);
        } else if (last == u"held"_s)
            state = u"held"_s;
        if (state.isEmpty()) { // done, no-show, or handed on by a transfer: the window's last work
            w.finishedAt = std::max(w.finishedAt, t.lastEventAt);
            continue;
        }
        // A held ticket gives way to one called or served after it.
        const bool better =
            w.row.ticketState.isEmpty() || (w.row.ticketState == u"held"_s && state != u"held"_s) ||
            ((state == u"held"_s) == (w.row.ticketState == u"held"_s) && t.lastEventAt >= w.currentAt);
        if (better) {
            w.row.ticketNo = t.ticketNo;
            w.row.ticketState = state;
            w.row.currentForS = std::max<qint64>(0, nowS - since);
            w.currentAt = t.lastEventAt;
        }
    }
    for (const LiveCategory &c : std::as_const(categories))
        q.categories.append(c);
    std::sort(q.categories.begin(), q.categories.end(), [](const LiveCategory &a, const LiveCategory &b) {
        return codePointLess(a.category, b.category);
    });
    for (WindowAcc &w : windows) {
        if (w.row.ticketState.isEmpty() && w.finishedAt >= 0)
            w.row.idleS = std::max<qint64>(0, nowS - w.finishedAt);
        if (w.serviceCount > 0)
            w.row.avgServiceTenths = (w.serviceSum * 20 + w.serviceCount) / (2 * w.serviceCount);
        q.windows.append(w.row);
    }
    std::sort(q.windows.begin(), q.windows.end(),
              [](const LiveWindow &a, const LiveWindow &b) { return codePointLess(a.windowNo, b.windowNo); });
    return q;
}

Result<bool> LiveQueueMonitor::poll(qint64 nowS) {
    auto last = m_db.query(u"SELECT COALESCE(MAX(seq), 0) FROM ticket_events"_s);
    if (!last.ok())
        return last.error();
    const qint64 seq = last->next() ? last->value(0).toLongLong() : 0;
    const QDate today = QDateTime::fromSecsSinceEpoch(nowS + 8 * 3600, QTimeZone::utc()).date();
    const qint64 dayStart = cstDayStart(today);
    if (seq == m_lastSeq && dayStart == m_dayStart)
        return false;
    auto tickets = loadTickets(m_db, dayStart, dayStart + 86400);
    if (!tickets.ok())
        return tickets.error();
    m_serviceLevelS = storage::SettingsRepository(m_db, SystemClock::instance())
                          .number(QString::fromLatin1(storage::settingkey::queueServiceLevelS),
                                  kDefaultServiceLevelS, 0, 7 * 86400);
    m_tickets = std::move(tickets).value();
    m_lastSeq = seq;
    m_dayStart = dayStart;
    return true;
}

LiveQueue LiveQueueMonitor::snapshot(qint64 nowS) const {
    return liveQueueOf(m_tickets, nowS, m_serviceLevelS);
}

} // namespace windowdesk::reports
