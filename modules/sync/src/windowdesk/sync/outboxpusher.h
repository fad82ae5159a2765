#pragma once
// The outbox push of a sync run (sync-rules.md rules 2-5, 7, 8): due rows are marked in_flight in batches
// (one transaction) and sent with their key and body, up to the configured number in flight; each answer is
// classified (done, retry with full-jitter backoff, needs_attention) and the answers are written in batched
// transactions while the next requests are already on their way. A row whose answer is not yet written stays
// in_flight: a crash turns it into a resend under the same key, which the platform answers again. What an
// answer means for the record itself (the case's number and dates, the evaluation's id) is its module's rule
// (storage::StreamApplier).
#include "syncrun.h"

#include <windowdesk/storage/outboxrepository.h>

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>

namespace windowdesk::storage {
class StreamApplier;
}

namespace windowdesk::sync {

class OutboxPusher : public QObject {
    Q_OBJECT
public:
    OutboxPusher(SyncRun &run, QList<storage::StreamApplier *> appliers, QObject *parent = nullptr);

    void start();
    // Nothing left that may be sent in this run (or pushing stopped).
    bool done() const { return m_done; }
    void setDone(bool done = true) { m_done = done; }
    bool requestsInFlight() const { return !m_sending.isEmpty(); }
    // Pushing is over: unwritten answers are written, rows marked but never sent go back to waiting.
    void wrapUp();
    void stopWaking() { m_wake.stop(); }

Q_SIGNALS:
    void pushedOne(const QString &opId);

private:
    struct Result {
        QString opId;
        enum Kind { Done, Retry, Attention } kind;
        QString code;
        QString message;
        std::function<Status()> write;
    };
    void fill();
    bool refillQueue();
    bool sendable(const storage::OutboxEntry &e);
    void scheduleWake();
    QString resolvedPath(const storage::OutboxEntry &e);
    void send(const storage::OutboxEntry &e, const QString &path);
    void answered(const storage::OutboxEntry &e, const ApiResponse &r);
    void classify(const storage::OutboxEntry &e, const ApiResponse &r);
    void classifySuccess(const storage::OutboxEntry &e, const ApiResponse &r);
    void retry(const storage::OutboxEntry &e, const ApiResponse &r, const QString &why);
    void attention(const storage::OutboxEntry &e, const ApiResponse &r, std::function<Status()> extra);
    void done(const storage::OutboxEntry &e, const ApiResponse &r, std::function<Status()> apply);
    std::function<Status()> applyRecord(const storage::OutboxEntry &e, const QJsonObject &record);
    storage::StreamApplier *applierFor(const QString &kind) const;
    void flush();
    void recordOutcomes(const QList<Result> &batch, const Status &all, const QList<Status> &each);
    void releaseUnsent();

    SyncRun &m_run;
    storage::OutboxRepository m_outbox;
    QList<storage::StreamApplier *> m_appliers;
    bool m_done = false;
    QTimer m_wake;
    QTimer m_flushTimer;
    QSet<QString> m_sending;
    QList<std::pair<storage::OutboxEntry, QString>> m_sendQueue; // marked in_flight, not yet sent
    QList<Result> m_results;                                     // answers not yet written
};

} // namespace windowdesk::sync
