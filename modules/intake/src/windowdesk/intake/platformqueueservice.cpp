#include "platformqueueservice.h"

#include "intakelogging.h"

#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/sync/onlineapi.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::intake {

namespace {
// The platform's ticket categories (ticket number prefixes A–D).
const QList<QueueCategory> &platformCategories() {
    static const QList<QueueCategory> c = {{u"综合业务"_s, u"综合业务"_s, u"A"_s},
                                           {u"企业开办"_s, u"企业开办"_s, u"B"_s},
                                           {u"社保医保"_s, u"社保医保"_s, u"C"_s},
                                           {u"不动产"_s, u"不动产"_s, u"D"_s}};
    return c;
}

QString actionPath(TicketAction a) {
    switch (a) {
    case TicketAction::Recall:
        return u"recall"_s;
    case TicketAction::Start:
        return u"start"_s;
    case TicketAction::Done:
        return u"done"_s;
    case TicketAction::NoShow:
        return u"no-show"_s;
    case TicketAction::Hold:
        return u"hold"_s;
    case TicketAction::Resume:
        return u"resume"_s;
    case TicketAction::Transfer:
        return u"transfer"_s;
    }
    return {};
}

QString statusName(const QString &s) {
    static const QHash<QString, QString> names = {
        {u"waiting"_s, u"等候中"_s}, {u"called"_s, u"已叫号"_s}, {u"serving"_s, u"办理中"_s},
        {u"done"_s, u"已办结"_s},    {u"no_show"_s, u"过号"_s},  {u"transferred"_s, u"已转移"_s},
        {u"held"_s, u"已挂起"_s}};
    return names.value(s, s);
}
} // namespace

PlatformQueueService::PlatformQueueService(sync::OnlineApi &api, QString hallId, QStringList windowCategories,
                                           QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_hallId(std::move(hallId))
    , m_windowCategories(std::move(windowCategories)) {
    // Polling keeps the strip and waiting count current and is how the service notices the platform is
    // back after an outage.
    m_poll.setInterval(5000);
    connect(&m_poll, &QTimer::timeout, this, &PlatformQueueService::refresh);
    m_poll.start();
    QTimer::singleShot(0, this, &PlatformQueueService::refresh);
}

QStringList PlatformQueueService::categoriesForWindow(const QString &) const {
    if (!m_windowCategories.isEmpty())
        return m_windowCategories;
    QStringList all;
    for (const auto &c : platformCategories())
        all.append(c.code);
    return all;
}

QList<QueueCategory> PlatformQueueService::categories() const {
    return platformCategories();
}

bool PlatformQueueService::unreachable(const sync::ApiResponse &r) {
    return r.status == 0 || r.status >= 500;
}

void PlatformQueueService::setOnline(bool on) {
    if (on == m_online)
        return;
    m_online = on;
    qCInfo(lcIntake) << "platform queue" << (on ? "online" : "offline");
    Q_EMIT onlineChanged(on);
}

qint64 PlatformQueueService::idOf(const QString &ticketNo) {
    if (const auto it = m_ids.constFind(ticketNo); it != m_ids.constEnd())
        return it.value();
    const qint64 id = m_nextId++;
    m_ids.insert(ticketNo, id);
    return id;
}

std::optional<Ticket> PlatformQueueService::cached(const QString &ticketNo) const {
    const auto it = m_ids.constFind(ticketNo);
    if (it == m_ids.constEnd() || !m_tickets.contains(it.value()))
        return std::nullopt;
    return m_tickets.value(it.value());
}

Ticket PlatformQueueService::absorb(const QJsonObject &o) {
    Ticket t;
    t.ticketNo = o.value(u"ticket_no"_s).toString();
    t.id = idOf(t.ticketNo);
    t.category = o.value(u"category"_s).toString();
    t.status = o.value(u"status"_s).toString();
    t.windowNo = o.value(u"window_no"_s).toString();
    t.issuedAt = QDateTime::fromString(o.value(u"issued_at"_s).toString(), Qt::ISODateWithMs);
    t.calledAt = QDateTime::fromString(o.value(u"called_at"_s).toString(), Qt::ISODateWithMs);
    // The platform does not report the start of service; keep the one this window saw.
    if (const auto old = m_tickets.constFind(t.id); old != m_tickets.constEnd())
        t.startedAt = old->startedAt;
    m_tickets.insert(t.id, t);
    return t;
}

Error PlatformQueueService::errorOf(const sync::ApiResponse &r) const {
    if (unreachable(r))
        return {u"queue_offline"_s, u"叫号系统离线，可先办理无号业务（F9）"_s};
    if (r.errorCode == u"login_required"_s || r.status == 401)
        return {u"queue_login_required"_s, u"请先登录政务服务平台后再叫号"_s};
    if (r.status == 409 && r.errorCode == u"ticket_state"_s) {
        const QJsonObject t = r.errorDetails.value(u"ticket"_s).toObject();
        const QString no = t.value(u"ticket_no"_s).toString();
        return {u"ticket_state"_s, u"号票 %1 当前状态为“%2”，不能执行此操作"_s.arg(
                                       no, statusName(t.value(u"status"_s).toString()))};
    }
    return {r.errorCode.isEmpty() ? u"queue_error"_s : r.errorCode,
            r.errorMessage.isEmpty() ? u"叫号失败（HTTP %1）"_s.arg(r.status) : r.errorMessage};
}

void PlatformQueueService::refresh() {
    if (m_refreshing)
        return;
    m_refreshing = true;
    sync::ApiRequest rq;
    rq.path = u"/queue"_s;
    if (!m_hallId.isEmpty())
        rq.query.addQueryItem(u"hall_id"_s, m_hallId);
    // Guarded: an answer may arrive after the service is gone (the API outlives it).
    m_api.send(rq, [this, guard = QPointer<PlatformQueueService>(this)](const sync::ApiResponse &r) {
        if (!guard)
            return;
        m_refreshing = false;
        if (!r.ok()) {
            if (unreachable(r))
                setOnline(false);
            return;
        }
        const QJsonArray tickets = QJsonDocument::fromJson(r.body).object().value(u"tickets"_s).toArray();
        QHash<qint64, Ticket> old = m_tickets;
        m_tickets.clear();
        for (const auto &v : tickets) {
            const QJsonObject o = v.toObject();
            const qint64 id = idOf(o.value(u"ticket_no"_s).toString());
            if (old.contains(id))
                m_tickets.insert(id, old.value(id)); // keeps startedAt
            absorb(o);
        }
        setOnline(true);
        Q_EMIT ticketsChanged();
    });
}

void PlatformQueueService::write(const QString &path, const QByteArray &body, const QString &key, int attempt,
                                 Done done) {
    sync::ApiRequest rq;
    rq.method = "POST";
    rq.path = path;
    rq.body = body;
    rq.idempotencyKey = key;
    m_api.send(rq, [this, guard = QPointer<PlatformQueueService>(this), path, body, key, attempt,
                    done = std::move(done)](const sync::ApiResponse &r) {
        if (!guard)
            return;
        // Same key: if the first attempt was committed before the answer was lost, the platform replays it.
        if (unreachable(r) && attempt == 0)
            return write(path, body, key, 1, done);
        if (unreachable(r))
            setOnline(false);
        else if (r.status != 0)
            setOnline(true);
        done(r);
    });
}

void PlatformQueueService::callNextAsync(const QString &windowNo, const QStringList &categories,
                                         CallNextCallback done) {
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"window_no"_s, windowNo},
                                  {u"categories"_s, QJsonArray::fromStringList(categories)}})
            .toJson(QJsonDocument::Compact);
    write(u"/queue/call-next"_s, body, QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
          [this, done = std::move(done)](const sync::ApiResponse &r) {
              if (r.status == 204)
                  return done(std::optional<Ticket>{});
              if (!r.ok())
                  return done(Result<std::optional<Ticket>>(errorOf(r)));
              const Ticket t = absorb(QJsonDocument::fromJson(r.body).object());
              Q_EMIT ticketsChanged();
              done(std::optional<Ticket>(t));
          });
}

void PlatformQueueService::actAsync(qint64 id, TicketAction action, const QString &toCategory,
                                    TicketCallback done) {
    const auto it = m_tickets.constFind(id);
    if (it == m_tickets.constEnd()) {
        QMetaObject::invokeMethod(
            this,
            [done = std::move(done)] { done(Result<Ticket>::failure(u"not_found"_s, u"号票不存在"_s)); },
            Qt::QueuedConnection);
        return;
    }
    const QString no = it->ticketNo;
    const QByteArray body =
        action == TicketAction::Transfer
            ? QJsonDocument(QJsonObject{{u"to_category"_s, toCategory}}).toJson(QJsonDocument::Compact)
            : QByteArrayLiteral("{}");
    const QString path =
        u"/queue/tickets/%1/%2"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(no)), actionPath(action));
    write(path, body, QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
          [this, action, done = std::move(done)](const sync::ApiResponse &r) {
              if (!r.ok())
                  return done(Result<Ticket>(errorOf(r)));
              Ticket t = absorb(QJsonDocument::fromJson(r.body).object());
              if (action == TicketAction::Start || action == TicketAction::Resume) {
                  t.startedAt = QDateTime::currentDateTimeUtc();
                  m_tickets.insert(t.id, t);
              }
              Q_EMIT ticketsChanged();
              done(t);
          });
}

Result<QList<Ticket>> PlatformQueueService::lastCalled(int limit) const {
    QList<Ticket> called;
    for (const Ticket &t : m_tickets)
        if (t.calledAt.isValid())
            called.append(t);
    std::sort(called.begin(), called.end(),
              [](const Ticket &a, const Ticket &b) { return a.calledAt > b.calledAt; });
    if (called.size() > limit)
        called.resize(limit);
    return called;
}

Result<int> PlatformQueueService::waitingCount(const QStringList &categories) const {
    int n = 0;
    for (const Ticket &t : m_tickets)
        if ((core::is(t.status, core::TicketStatus::Waiting) ||
             core::is(t.status, core::TicketStatus::Transferred)) &&
            (categories.isEmpty() || categories.contains(t.category)))
            ++n;
    return n;
}

Result<QList<Ticket>> PlatformQueueService::heldTickets(const QString &windowNo) const {
    QList<Ticket> held;
    for (const Ticket &t : m_tickets)
        if (core::is(t.status, core::TicketStatus::Held) && (windowNo.isEmpty() || t.windowNo == windowNo))
            held.append(t);
    // The cache is a hash: ordered as the local queue orders them (by call time), so "the first held" is
    // the same ticket every time.
    std::sort(held.begin(), held.end(), [](const Ticket &a, const Ticket &b) {
        return a.calledAt != b.calledAt ? a.calledAt < b.calledAt : a.ticketNo < b.ticketNo;
    });
    return held;
}

} // namespace windowdesk::intake
