#include "outboxpusher.h"

#include "synclogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/streamapplier.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

namespace {
// Answers are written once this many are waiting, or when nothing is in flight, or after kFlushMs.
constexpr int kFlushBatch = 64;
constexpr int kFlushMs = 50;
// Rows marked in_flight per transaction, and how many the queue holds before it is refilled.
constexpr int kMarkBatch = 128;
} // namespace

OutboxPusher::OutboxPusher(SyncRun &run, QList<storage::StreamApplier *> appliers, QObject *parent)
    : QObject(parent)
    , m_run(run)
    , m_outbox(run.db, run.clock)
    , m_appliers(std::move(appliers)) {
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &OutboxPusher::fill);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flush();
        fill();
        m_run.changed();
    });
}

void OutboxPusher::start() {
    m_done = false;
    fill();
}

storage::StreamApplier *OutboxPusher::applierFor(const QString &kind) const {
    for (storage::StreamApplier *a : m_appliers)
        if (a->outboxKinds().contains(kind))
            return a;
    return nullptr;
}

void OutboxPusher::fill() {
    if (!m_run.running || m_done)
        return;
    if (m_run.expired()) {
        m_run.changed();
        return;
    }
    if (m_sendQueue.size() + m_sending.size() < m_run.config.maxInFlight * 2 && !refillQueue())
        return;
    while (int(m_sending.size()) < m_run.config.maxInFlight && !m_sendQueue.isEmpty()) {
        const auto [e, path] = m_sendQueue.takeFirst();
        send(e, path);
    }
    if (m_sending.isEmpty() && m_sendQueue.isEmpty() && m_results.isEmpty())
        scheduleWake();
}

// Takes the next due rows and marks them in_flight in one transaction. False: pushing stopped.
bool OutboxPusher::refillQueue() {
    auto due = m_outbox.due(kMarkBatch);
    if (!due.ok()) {
        m_run.addError(u"stream"_s, u"outbox"_s, due.error().code, due.error().message);
        m_done = true;
        m_run.changed();
        return false;
    }
    QList<std::pair<storage::OutboxEntry, QString>> ready;
    QStringList unsupported;
    int held = 0;
    for (const auto &e : due.value()) {
        if (m_sending.contains(e.opId) || !sendable(e))
            continue;
        // A 1.1 write to a 1.0 platform is never sent: kept locally as unsupported, not a failure. While the
        // version is not known it waits as it is.
        if (!m_run.api11) {
            if (storage::StreamApplier *a = applierFor(e.kind); a && a->requiresApi11(e.kind)) {
                if (m_run.apiVersionKnown)
                    unsupported.append(e.opId);
                else
                    ++held;
                continue;
            }
        }
        const QString path = resolvedPath(e);
        if (!path.isEmpty())
            ready.append({e, path});
    }
    if (!unsupported.isEmpty()) {
        const Status u = m_run.guardedWrite([&]() -> Status {
            for (const QString &op : unsupported)
                if (Status x = m_outbox.markUnsupported(op); !x.ok())
                    return x;
            return {};
        });
        if (!u.ok())
            m_run.addError(u"stream"_s, u"outbox"_s, u.error().code, u.error().message);
        else
            qCInfo(lcSync) << "platform is 1.0:" << unsupported.size() << "1.1 writes kept locally";
    }
    if (ready.isEmpty()) {
        if (held > 0 && m_sending.isEmpty() && m_sendQueue.isEmpty()) {
            m_done = true; // only writes that wait for the platform's version: nothing to send in this run
            m_run.changed();
            return false;
        }
        return true;
    }
    const Status s = m_run.guardedWrite([&]() -> Status {
        for (const auto &[e, path] : ready)
            if (Status x = m_outbox.markInFlight(e.opId); !x.ok())
                return x;
        return {};
    });
    if (!s.ok()) {
        m_run.addError(u"stream"_s, u"outbox"_s, s.error().code, s.error().message);
        m_done = true; // a database that refuses writes: stop pushing, nothing was sent
        m_run.changed();
        return false;
    }
    m_sendQueue.append(ready);
    return true;
}

// Cases made by `seed demo-cases` are synthetic: only a platform on this machine (the simulator) may get them
// (issue 18 #14). Elsewhere they wait in needs_attention, never sent.
bool OutboxPusher::sendable(const storage::OutboxEntry &e) {
    if (storage::isLoopbackHost(m_run.config.baseUrl.host()) ||
        !storage::AuditLog::isSeededCase(m_run.db, e.parentLocalId.isEmpty() ? e.localId : e.parentLocalId))
        return true;
    qCWarning(lcSync) << "seeded demo case not pushed to a non-loopback platform:" << e.opId;
    if (Status x = m_outbox.markNeedsAttention(
            e.opId, 0,
            u"demo_case: 演示数据不发送到正式平台 / seeded demo data is never sent to a real platform"_s, {});
        !x.ok())
        m_run.addError(u"op_id"_s, e.opId, x.error().code, x.error().message);
    return false;
}

void OutboxPusher::scheduleWake() {
    auto next = m_outbox.nextRetryAt();
    if (!next.ok() || !next->isValid()) {
        m_done = true; // nothing left that may be sent
        m_run.changed();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_run.clock.nowUtc().msecsTo(next.value()));
    const qint64 left = m_run.remainingMs();
    if (left >= 0 && wait > left) {
        m_done = true; // the next retry lies beyond --max-seconds
        m_run.changed();
        return;
    }
    m_wake.start(int(qMin<qint64>(wait + 5, 24 * 3600 * 1000)));
}

QString OutboxPusher::resolvedPath(const storage::OutboxEntry &e) {
    QString path = e.path;
    for (storage::StreamApplier *a : m_appliers) {
        const QString placeholder = a->pathPlaceholder();
        if (placeholder.isEmpty() || !path.contains(placeholder))
            continue; // an applier without children (the queue feed) names no parent
        auto id = a->platformId(e.parentLocalId);
        if (!id.ok() || id->isEmpty())
            return {}; // parent not acknowledged yet
        path.replace(placeholder, QString::fromLatin1(QUrl::toPercentEncoding(id.value())));
    }
    return path;
}

void OutboxPusher::send(const storage::OutboxEntry &e, const QString &path) {
    m_sending.insert(e.opId);
    ApiRequest rq;
    rq.method = e.method.toLatin1();
    rq.path = path;
    rq.body = e.payload;
    rq.idempotencyKey = e.opId;
    ++m_run.summary.requests;
    m_run.api.send(rq, [this, e](const ApiResponse &r) { answered(e, r); });
}

void OutboxPusher::answered(const storage::OutboxEntry &e, const ApiResponse &r) {
    m_sending.remove(e.opId);
    m_run.noteUnreachable(r);
    classify(e, r);
    // The next requests leave before this thread blocks in a transaction: the network keeps working while
    // the answers are written.
    if (!m_run.expired())
        fill();
    if (m_results.size() >= kFlushBatch || m_sending.isEmpty())
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (m_sending.isEmpty() && !m_run.expired())
        fill();
    m_run.changed();
}

void OutboxPusher::classify(const storage::OutboxEntry &e, const ApiResponse &r) {
    if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500 ||
        (r.status == 409 && r.errorCode == u"idempotency_in_progress"_s)) {
        retry(e, r, r.errorCode);
    } else if (r.status == 401) {
        // Session refused or expired again: keep the row (same key); a refused session pauses the queue.
        const QDateTime now = m_run.clock.nowUtc();
        const QString opId = e.opId;
        m_results.append({opId, Result::Retry, {}, {}, [this, opId, now] {
                              return m_outbox.markRetry(opId, 401, u"login_required"_s, now);
                          }});
    } else if (r.ok()) {
        classifySuccess(e, r);
    } else if (r.status == 409 && r.errorCode == u"duplicate_local_id"_s) {
        // Already there (created under another key): adopt the platform's record (1.0: details.case; the 1.1
        // writes: details.record).
        const QJsonObject c = r.errorDetails.contains(u"case"_s)
                                  ? r.errorDetails.value(u"case"_s).toObject()
                                  : r.errorDetails.value(u"record"_s).toObject();
        storage::StreamApplier *a = applierFor(e.kind);
        done(e, r, a && a->answerComplete(e, c) ? applyRecord(e, c) : std::function<Status()>());
    } else if (r.status == 409 && r.errorCode == u"state_conflict"_s) {
        // The server's record is taken; nothing of ours is sent over it.
        const QJsonObject c = r.errorDetails.contains(u"case"_s)
                                  ? r.errorDetails.value(u"case"_s).toObject()
                                  : r.errorDetails.value(u"record"_s).toObject();
        attention(e, r, c.isEmpty() ? std::function<Status()>() : applyRecord(e, c));
    } else if (r.status == 400 || r.status == 422) {
        const QJsonObject msg{{u"status"_s, r.status},
                              {u"code"_s, r.errorCode},
                              {u"message"_s, r.errorMessage},
                              {u"fields"_s, r.errorDetails.value(u"fields"_s).toObject()},
                              {u"op_id"_s, e.opId}};
        storage::StreamApplier *a = applierFor(e.kind);
        attention(e, r,
                  a ? std::function<Status()>([a, e, msg] { return a->noteRejected(e, msg); })
                    : std::function<Status()>());
    } else {
        attention(e, r, {});
    }
}

// Records with a platform id (cases, evaluations) need it from the answer; for training results and
// rectifications the contract promises only the status, so any 2xx, with or without a body, is done.
void OutboxPusher::classifySuccess(const storage::OutboxEntry &e, const ApiResponse &r) {
    storage::StreamApplier *a = applierFor(e.kind);
    if (!a) {
        done(e, r, {});
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    if (!a->answerComplete(e, body))
        retry(e, r, u"unreadable_answer"_s); // ambiguous: the same key gets the stored answer again
    else
        done(e, r, applyRecord(e, body));
}

std::function<Status()> OutboxPusher::applyRecord(const storage::OutboxEntry &e, const QJsonObject &record) {
    storage::StreamApplier *a = applierFor(e.kind);
    if (!a)
        return {};
    return [a, e, record] {
        return a->applyAnswer(e, record);
    };
}

void OutboxPusher::retry(const storage::OutboxEntry &e, const ApiResponse &r, const QString &why) {
    const qint64 delay = m_run.backoffMs(e.attempts + 1, r.retryAfter);
    const QDateTime next = m_run.clock.nowUtc().addMSecs(delay);
    const QString opId = e.opId;
    const int status = r.status;
    qCDebug(lcSync) << "retry" << e.kind << opId << why << "in" << delay << "ms";
    m_results.append({opId, Result::Retry, {}, {}, [this, opId, status, why, next] {
                          return m_outbox.markRetry(opId, status, why, next);
                      }});
}

void OutboxPusher::attention(const storage::OutboxEntry &e, const ApiResponse &r,
                             std::function<Status()> extra) {
    const QString opId = e.opId;
    const int status = r.status;
    const QString code = r.errorCode;
    const QString message = r.errorMessage;
    const QByteArray body = r.body;
    qCInfo(lcSync) << "needs attention:" << e.kind << opId << status << code;
    m_results.append({opId, Result::Attention, code, message,
                      [this, opId, status, code, message, body, extra]() -> Status {
                          if (extra)
                              if (Status x = extra(); !x.ok())
                                  return x;
                          return m_outbox.markNeedsAttention(opId, status, code + u": "_s + message, body);
                      }});
}

void OutboxPusher::done(const storage::OutboxEntry &e, const ApiResponse &r, std::function<Status()> apply) {
    const QString opId = e.opId;
    const int status = r.status;
    const QByteArray body = r.body;
    m_results.append({opId, Result::Done, {}, {}, [this, opId, status, body, apply]() -> Status {
                          if (apply)
                              if (Status x = apply(); !x.ok())
                                  return x;
                          return m_outbox.markDone(opId, status, body);
                      }});
}

void OutboxPusher::flush() {
    m_flushTimer.stop();
    if (m_results.isEmpty())
        return;
    const QList<Result> batch = std::exchange(m_results, {});
    QList<Status> outcomes(batch.size());
    // Fast path: the whole batch in one transaction. If one row fails, the batch is rolled back and each row
    // is written alone, so that one bad row never keeps the others from being recorded.
    bool rowFailed = false;
    Status st = m_run.guardedWrite([&]() -> Status {
        for (qsizetype i = 0; i < batch.size(); ++i) {
            outcomes[i] = batch[i].write();
            if (!outcomes[i].ok()) {
                rowFailed = true;
                return outcomes[i];
            }
        }
        return {};
    });
    if (!st.ok() && rowFailed) {
        st = {};
        for (qsizetype i = 0; i < batch.size(); ++i)
            outcomes[i] = m_run.guardedWrite([&] { return batch[i].write(); });
    }
    recordOutcomes(batch, st, outcomes);
}

void OutboxPusher::recordOutcomes(const QList<Result> &batch, const Status &all, const QList<Status> &each) {
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Result &b = batch[i];
        const Status &s = all.ok() ? each[i] : all;
        if (!s.ok()) {
            // Not recorded: the row stays in_flight; the next run recovers it and resends the same key.
            m_run.addError(u"op_id"_s, b.opId, s.error().code, s.error().message);
            continue;
        }
        if (b.kind == Result::Done) {
            ++m_run.summary.pushed;
            Q_EMIT pushedOne(b.opId);
        } else if (b.kind == Result::Attention) {
            m_run.addError(u"op_id"_s, b.opId, b.code, b.message);
        }
    }
}

void OutboxPusher::wrapUp() {
    flush();
    releaseUnsent();
}

void OutboxPusher::releaseUnsent() {
    if (m_sendQueue.isEmpty())
        return;
    QStringList ops;
    for (const auto &[e, path] : m_sendQueue)
        ops.append(e.opId);
    m_sendQueue.clear();
    // Marked in_flight but never sent: back to waiting, same key (start-up recovery would do the same).
    if (auto s = m_outbox.releaseUnsent(ops); !s.ok())
        m_run.addError(u"stream"_s, u"outbox"_s, s.error().code, s.error().message);
}

} // namespace windowdesk::sync
