#pragma once
// 叫号: the window's side of the hall queue. QueueService is the interface; LocalQueueService keeps the
// tickets in SQLite for the demo hall (and a hall without platform queue). A platform-backed service
// (the intake's PlatformQueueService, POST /queue/...) implements the same interface; its writes go over the
// network, which is why the interface's writes are asynchronous only.
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

struct Ticket {
    qint64 id = 0;
    QString ticketNo;
    QString category;
    QString status; // waiting, called, serving, done, no_show, transferred, held
    QString windowNo;
    QDateTime issuedAt;
    QDateTime calledAt;
    QDateTime startedAt;
    // Waiting time: from issue to the call (or to `now` while still waiting).
    qint64 waitSecs(const QDateTime &now) const {
        return issuedAt.secsTo(calledAt.isValid() ? calledAt : now);
    }
};

struct QueueCategory {
    QString code;
    QString name;
    QString prefix;
};

enum class TicketAction { Recall, Start, Done, NoShow, Hold, Resume, Transfer };

class QueueService {
public:
    using TicketCallback = std::function<void(const Result<Ticket> &)>;
    using CallNextCallback = std::function<void(const Result<std::optional<Ticket>> &)>;
    virtual ~QueueService() = default;
    // The writes: every queue answers through the callback, in the calling thread — at once (the local
    // queue) or later (a network queue). There is no synchronous form: a caller works with every queue.
    // callNext: the oldest waiting ticket of the categories, now called to this window; nullopt when none
    // waits. `toCategory` is used by TicketAction::Transfer only.
    virtual void callNextAsync(const QString &windowNo, const QStringList &categories,
                               CallNextCallback done) = 0;
    virtual void actAsync(qint64 id, TicketAction action, const QString &toCategory, TicketCallback done) = 0;
    // The reads answer at once (from SQLite, or from the network queue's last poll).
    // False when the queue cannot be reached: the clerk serves walk-ins without a ticket.
    virtual bool isOnline() const = 0;
    virtual QStringList categoriesForWindow(const QString &windowNo) const = 0;
    virtual QList<QueueCategory> categories() const = 0;
    // The most recently called tickets of the hall (the strip), newest first.
    virtual Result<QList<Ticket>> lastCalled(int limit) const = 0;
    virtual Result<int> waitingCount(const QStringList &categories) const = 0;
    // Tickets held by this window (to resume).
    virtual Result<QList<Ticket>> heldTickets(const QString &windowNo) const = 0;
};

class LocalQueueService final : public QueueService {
public:
    LocalQueueService(storage::Database &db, const Clock &clock, QString clerkId = {});
    bool isOnline() const override { return m_online; }
    void setOnline(bool on) { m_online = on; } // tests and a failing queue
    QStringList categoriesForWindow(const QString &windowNo) const override;
    QList<QueueCategory> categories() const override { return m_categories; }
    void callNextAsync(const QString &windowNo, const QStringList &categories,
                       CallNextCallback done) override;
    void actAsync(qint64 id, TicketAction action, const QString &toCategory, TicketCallback done) override;
    Result<QList<Ticket>> lastCalled(int limit) const override;
    Result<int> waitingCount(const QStringList &categories) const override;
    Result<QList<Ticket>> heldTickets(const QString &windowNo) const override;

    // The local queue's writes answer at once; the async forms above call these (the CLI and tests may too).
    Result<std::optional<Ticket>> callNext(const QString &windowNo, const QStringList &categories);
    Result<Ticket> act(qint64 id, TicketAction action, const QString &toCategory = {});
    Result<Ticket> recall(qint64 id);
    Result<Ticket> start(qint64 id);
    Result<Ticket> done(qint64 id);
    Result<Ticket> noShow(qint64 id);
    Result<Ticket> hold(qint64 id);
    Result<Ticket> resume(qint64 id);
    Result<Ticket> transfer(qint64 id, const QString &toCategory);

    // Demo hall: issues today's demo tickets of db/demo/queue.json (issued relative to opening at 09:00 CST,
    // those not yet issued at `now` skipped) once per day. Returns how many were added.
    Result<int> generateDemoTickets();
    // The ticket machine: issues one new ticket of `category` now (next number of its prefix today).
    Result<Ticket> issueTicket(const QString &category);
    Result<Ticket> ticket(qint64 id) const;

private:
    Result<Ticket> transition(qint64 id, const QStringList &from, const QString &to,
                              const QString &timeColumn, const QString &eventType);
    Status recordEvent(qint64 id, const QString &type, const QString &toCategory = {});
    void loadConfig();
    storage::Database &m_db;
    const Clock &m_clock;
    QString m_clerkId;
    bool m_online = true;
    QList<QueueCategory> m_categories;
    QHash<QString, QStringList> m_windowCategories;
    QJsonArray m_demoTickets;
};

} // namespace windowdesk::cases
