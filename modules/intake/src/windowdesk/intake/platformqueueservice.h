#pragma once
// 叫号 through the provincial platform's queue API (platform-api.md, Queue): GET /queue for the hall's
// tickets (polled), POST /queue/call-next and POST /queue/tickets/{no}/{action}, each user action with its
// own Idempotency-Key (kept when the same action is re-sent after a network failure). Queue calls are online
// only: when the platform cannot be reached the service reports offline (the clerk serves walk-ins, F9) and
// keeps polling until it answers again.
#include <windowdesk/cases/queueservice.h>

#include <QHash>
#include <QObject>
#include <QTimer>

namespace windowdesk::sync {
class OnlineApi;
struct ApiResponse;
} // namespace windowdesk::sync

namespace windowdesk::intake {

using cases::QueueCategory;
using cases::QueueService;
using cases::Ticket;
using cases::TicketAction;

class PlatformQueueService final : public QObject, public QueueService {
    Q_OBJECT
public:
    // `hallId` may be empty (the platform then takes the logged-in user's hall). `windowCategories`: the
    // category names this window calls (empty: all).
    PlatformQueueService(sync::OnlineApi &api, QString hallId, QStringList windowCategories = {},
                         QObject *parent = nullptr);

    bool isOnline() const override { return m_online; }
    QStringList categoriesForWindow(const QString &windowNo) const override;
    QList<QueueCategory> categories() const override;

    void callNextAsync(const QString &windowNo, const QStringList &categories,
                       CallNextCallback done) override;
    void actAsync(qint64 id, TicketAction action, const QString &toCategory, TicketCallback done) override;
    // From the last GET /queue (and the answers of this window's actions since).
    Result<QList<Ticket>> lastCalled(int limit) const override;
    Result<int> waitingCount(const QStringList &categories) const override;
    Result<QList<Ticket>> heldTickets(const QString &windowNo) const override;

    // Fetches the hall's tickets now (also done on the poll timer).
    void refresh();
    void setPollInterval(int ms) { m_poll.setInterval(ms); }
    // Local id of a platform ticket number (ids are local: the platform names tickets by number).
    qint64 idOf(const QString &ticketNo);
    std::optional<Ticket> cached(const QString &ticketNo) const;

Q_SIGNALS:
    void onlineChanged(bool online);
    void ticketsChanged();

private:
    using Done = std::function<void(const sync::ApiResponse &)>;
    // Sends a write with `key`; a network failure or 5xx is re-sent once with the same key before giving up.
    void write(const QString &path, const QByteArray &body, const QString &key, int attempt, Done done);
    void setOnline(bool on);
    Ticket absorb(const QJsonObject &o);
    Error errorOf(const sync::ApiResponse &r) const;
    static bool unreachable(const sync::ApiResponse &r);

    sync::OnlineApi &m_api;
    QString m_hallId;
    QStringList m_windowCategories;
    bool m_online = true;
    bool m_refreshing = false;
    QTimer m_poll;
    QHash<QString, qint64> m_ids;
    QHash<qint64, Ticket> m_tickets;
    qint64 m_nextId = 1;
};

} // namespace windowdesk::intake
