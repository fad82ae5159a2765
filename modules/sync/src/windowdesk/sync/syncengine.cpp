#include "syncengine.h"

#include "synclogging.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/userrepository.h>

#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

namespace {
const QStringList kCaseStatuses = {u"accepted"_s,  u"in_progress"_s,        u"suspended"_s,
                                   u"completed"_s, u"delivered"_s,          u"rejected"_s,
                                   u"withdrawn"_s, u"correction_required"_s};
const QStringList kEvaluationStates = {u"open"_s,      u"verified"_s, u"rectified"_s,
                                       u"explained"_s, u"appealed"_s, u"closed"_s};

QVariant strOrNull(const QJsonValue &v) {
    return v.isString() && !v.toString().isEmpty() ? QVariant(v.toString()) : QVariant();
}

bool validDate(const QJsonValue &v) {
    return v.isNull() || v.isUndefined() ||
           (v.isString() && QDate::fromString(v.toString(), Qt::ISODate).isValid());
}
} // namespace

QJsonObject SyncSummary::toJson() const {
    return QJsonObject{{u"pushed"_s, pushed},
                       {u"pulled"_s, QJsonObject{{u"items"_s, items},
                                                 {u"bundles"_s, bundles},
                                                 {u"case_changes"_s, caseChanges},
                                                 {u"evaluation_changes"_s, evaluationChanges}}},
                       {u"pending"_s, pending},
                       {u"needs_attention"_s, needsAttention},
                       {u"errors"_s, errors}};
}

SyncEngine::SyncEngine(storage::Database &db, const Clock &clock, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_config(config)
    , m_api(new ApiClient(config, this))
    , m_outbox(db, clock)
    , m_rng(QRandomGenerator::system()->generate64()) {
    m_pushWake.setSingleShot(true);
    connect(&m_pushWake, &QTimer::timeout, this, &SyncEngine::fillPush);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flushResults();
        fillPush();
        maybeFinish();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_summary.timedOut = true;
        m_api->stopStarting();
        m_pushWake.stop();
        maybeFinish();
    });
    connect(m_api, &ApiClient::tokensRefreshed, this, &SyncEngine::tokensChanged);
}

void SyncEngine::adoptTokens(const Tokens &tokens) {
    if (tokens.isEmpty() || tokens == m_api->tokens())
        return;
    m_api->setTokens(tokens);
    m_api->resetAuthLost();
}

SyncEngine::~SyncEngine() = default;

Status SyncEngine::guardedWrite(const std::function<Status()> &fn) {
    ++m_writes;
    if (m_failNthWrite > 0 && m_writes == m_failNthWrite)
        return Status::failure(u"test_failure"_s, u"database write %1 failed (injected)"_s.arg(m_writes));
    return m_db.write(fn);
}

void SyncEngine::addError(const QString &keyName, const QString &key, const QString &code,
                          const QString &message) {
    m_summary.errors.append(QJsonObject{{keyName, key}, {u"code"_s, code}, {u"message"_s, message}});
}

bool SyncEngine::expired() const {
    return m_summary.timedOut || m_unreachable || m_api->authLost();
}

void SyncEngine::noteUnreachable(const ApiResponse &r) {
    if (r.status != 0 || !m_running || r.errorCode == u"cancelled"_s)
        return;
    // The cause of an answer that never arrived is told at its first occurrence in the run (problem(): the
    // CLI prints it, the status bar shows it), and it is in the summary's errors when the run ends without
    // having done its work — not only as time_ran_out. The request is still retried with backoff.
    if (!m_transportErrors.contains(r.errorCode)) {
        const QString message = r.errorMessage.isEmpty()
                                    ? u"政务服务平台不可达 / the platform cannot be reached"_s
                                    : r.errorMessage;
        m_transportErrors.insert(r.errorCode, message);
        Q_EMIT problem(r.errorCode, message);
    }
    if (!m_options.stopWhenUnreachable || m_unreachable)
        return;
    m_unreachable = true;
    m_api->stopStarting();
    m_pushWake.stop();
    QTimer::singleShot(0, this, &SyncEngine::maybeFinish);
}

// ---- Login -------------------------------------------------------------------------------------------

void SyncEngine::login(const QString &username, const QString &password) {
    loginAttempt(username, password, 1);
}

void SyncEngine::loginAttempt(const QString &username, const QString &password, int attempt) {
    ApiRequest rq;
    rq.method = "POST";
    rq.path = u"/auth/login"_s;
    rq.authenticated = false;
    rq.body = QJsonDocument(QJsonObject{{u"username"_s, username},
                                        {u"password"_s, password},
                                        {u"device_id"_s, m_config.deviceId}})
                  .toJson(QJsonDocument::Compact);
    m_api->send(rq, [this, username, password, attempt](const ApiResponse &r) {
        LoginOutcome out;
        noteUnreachable(r); // a run's login: the cause is told at once
        const bool transient = r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500 ||
                               (r.ok() && QJsonDocument::fromJson(r.body).object().isEmpty());
        if (transient && attempt < 6 && !m_api->authLost()) {
            // A login is not a write: asking again after a lost or refused-for-now answer is harmless.
            const qint64 delay = qMin<qint64>(backoffMs(attempt, r.retryAfter), 5000);
            QTimer::singleShot(int(delay), this,
                               [=, this] { loginAttempt(username, password, attempt + 1); });
            return;
        }
        if (!r.ok()) {
            // A lost answer keeps its cause (connection_refused, host_not_found, tls_untrusted, timeout…).
            out.status = Status::failure(r.errorCode.isEmpty() ? u"platform_unreachable"_s : r.errorCode,
                                         r.errorMessage.isEmpty() ? u"login failed"_s : r.errorMessage);
            Q_EMIT loginFinished(out);
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        Tokens t{o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(), username};
        if (t.accessToken.isEmpty() || t.refreshToken.isEmpty()) {
            out.status = Status::failure(u"bad_answer"_s, u"the platform's login answer has no tokens"_s);
            Q_EMIT loginFinished(out);
            return;
        }
        m_api->setTokens(t);
        m_api->resetAuthLost();
        out.user = o.value(u"user"_s).toObject();
        out.tokens = t; // the program's token holder keeps (and stores) them
        // The offline verifier: the clerk can log in at the window while the platform is unreachable.
        storage::User u;
        u.id = out.user.value(u"id"_s).toString();
        u.username = username;
        u.name = out.user.value(u"name"_s).toString(username);
        for (const auto &role : out.user.value(u"roles"_s).toArray())
            u.roles.append(role.toString());
        u.hallId = out.user.value(u"hall_id"_s).toString();
        u.hallName = out.user.value(u"hall_name"_s).toString();
        u.windowNo = out.user.value(u"window_no"_s).toString();
        if (!u.id.isEmpty()) {
            storage::UserRepository users(m_db, m_clock, nullptr);
            auto existing = users.find(username);
            if (existing.ok() && existing->id != u.id)
                qCWarning(lcSync) << "a local user of that name has another id; offline verifier not stored";
            else if (auto s = users.upsert(u, QString::fromLatin1(crypto::makePasswordVerifier(password)),
                                           u"platform"_s);
                     !s.ok())
                qCWarning(lcSync) << "offline verifier not stored:" << s.error().code;
        }
        qCInfo(lcSync) << "logged in to the platform";
        Q_EMIT loginFinished(out);
    });
}

// ---- Run ---------------------------------------------------------------------------------------------

void SyncEngine::start(const SyncRunOptions &options) {
    m_options = options;
    m_summary = {};
    m_unreachable = false;
    m_transportErrors.clear();
    m_writes = 0;
    m_api->resumeStarting();
    m_running = true;
    m_pushDone = !options.push;
    m_pullDone = !options.pull;
    m_elapsed.start();
    m_deadline.start(qMax(0, options.maxSeconds) * 1000);
    // Recovery: we hold the lock, so any in_flight row belongs to a run that died; same key, resent.
    auto rec = m_outbox.recoverInFlight();
    if (rec.ok() && rec.value() > 0)
        qCInfo(lcSync) << "recovered" << rec.value() << "interrupted writes";
    if (!options.username.isEmpty()) {
        connect(
            this, &SyncEngine::loginFinished, this,
            [this](const LoginOutcome &o) {
                if (!o.status.ok()) {
                    addError(u"stream"_s, u"auth"_s, o.status.error().code, o.status.error().message);
                    m_summary.loginRequired = o.status.error().code != u"platform_unreachable"_s &&
                                              !isTransportError(o.status.error().code);
                    m_pushDone = m_pullDone = true;
                    maybeFinish();
                    return;
                }
                begin();
            },
            Qt::SingleShotConnection);
        login(options.username, options.password);
        return;
    }
    // The tokens this engine holds: adopted from the program's token holder (which read the keychain), or
    // got by a login or a refresh in this engine. Refused ones wait for new ones (adoptTokens).
    Tokens t;
    if (!m_api->tokens().isEmpty() && !m_api->authLost())
        t = m_api->tokens();
    if (t.isEmpty()) {
        addError(
            u"stream"_s, u"auth"_s, u"not_logged_in"_s,
            u"未登录平台：请先运行 login 或使用 --user / not logged in: run `login` first or pass --user"_s);
        m_summary.loginRequired = true;
        m_pushDone = m_pullDone = true;
        QTimer::singleShot(0, this, &SyncEngine::maybeFinish);
        return;
    }
    QTimer::singleShot(0, this, &SyncEngine::begin);
}

void SyncEngine::begin() {
    if (m_options.pull) {
        m_streams.clear();
        m_streams.append({u"keys"_s, u"/keys"_s, false});
        const int year = m_clock.todayCst().year();
        QList<int> years{year, year + 1};
        auto q =
            m_db.query(u"SELECT DISTINCT CAST(substr(legal_due, 1, 4) AS INTEGER) FROM cases WHERE legal_due "
                       u"IS NOT NULL AND status IN ('accepted','in_progress','suspended')"_s);
        if (q.ok())
            while (q->next())
                if (const int y = q->value(0).toInt(); y > year + 1 && y < year + 12 && !years.contains(y))
                    years.append(y);
        for (int y : years)
            m_streams.append({u"calendar:%1"_s.arg(y), u"/calendar/%1"_s.arg(y), false});
        m_streams.append({u"catalog_items"_s, u"/catalog/items"_s, true});
        m_streams.append({u"catalog_bundles"_s, u"/catalog/bundles"_s, true});
        m_streams.append({u"case_changes"_s, u"/cases/changes"_s, true});
        m_streams.append({u"evaluation_changes"_s, u"/evaluations/changes"_s, true});
        m_streamIndex = -1;
        nextStream();
    }
    if (m_options.push)
        fillPush();
    maybeFinish();
}

void SyncEngine::maybeFinish() {
    if (!m_running)
        return;
    if (m_summary.timedOut || m_unreachable || m_api->authLost()) {
        if (!m_sending.isEmpty() || m_pullInFlight)
            return; // requests in flight finish first
        m_pushDone = m_pullDone = true;
    }
    if (m_pushDone && m_pullDone && m_sending.isEmpty() && !m_pullInFlight)
        finish();
    else if (m_pushDone && m_sending.isEmpty())
        releaseUnsent();
}

void SyncEngine::releaseUnsent() {
    flushResults();
    if (m_sendQueue.isEmpty())
        return;
    QStringList ops;
    for (const auto &[e, path] : m_sendQueue)
        ops.append(e.opId);
    m_sendQueue.clear();
    // Marked in_flight but never sent: back to waiting, same key (start-up recovery would do the same).
    if (auto s = m_outbox.releaseUnsent(ops); !s.ok())
        addError(u"stream"_s, u"outbox"_s, s.error().code, s.error().message);
}

void SyncEngine::finish() {
    releaseUnsent();
    m_running = false;
    m_summary.dbWrites = m_writes;
    m_deadline.stop();
    m_pushWake.stop();
    if (m_api->authLost()) {
        m_summary.loginRequired = true;
        bool listed = false;
        for (const auto &e : m_summary.errors)
            listed = listed || e.toObject().value(u"code"_s).toString() == u"login_required"_s;
        if (!listed)
            addError(u"stream"_s, u"auth"_s, u"login_required"_s, u"请重新登录 / please log in again"_s);
    }
    auto st = m_outbox.stats();
    if (st.ok()) {
        m_summary.pending = st->pending;
        m_summary.needsAttention = st->needsAttention;
    }
    m_summary.streamsFinished = m_options.pull && m_streamIndex >= m_streams.size();
    // Lost answers the run did not get past (retries that never got through) say why, before time_ran_out.
    if (m_summary.timedOut || m_unreachable || m_summary.pending > 0 ||
        (m_options.pull && !m_summary.streamsFinished))
        for (auto it = m_transportErrors.cbegin(); it != m_transportErrors.cend(); ++it) {
            bool listed = false; // e.g. by a failed login of this run
            for (const auto &e : std::as_const(m_summary.errors))
                listed = listed || e.toObject().value(u"code"_s).toString() == it.key();
            if (!listed)
                addError(u"stream"_s, u"sync"_s, it.key(), it.value());
        }
    if (m_summary.timedOut)
        addError(u"stream"_s, u"sync"_s, u"time_ran_out"_s, u"--max-seconds ran out"_s);
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    auto setState = [&](const QString &k, const QString &v) {
        (void)m_db.write([&] {
            return m_db.exec(
                u"INSERT INTO sync_state(key, value, at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                u"value = excluded.value, at = excluded.at"_s,
                {k, v, now});
        });
    };
    if (m_summary.success())
        setState(u"last_success"_s, now);
    if (!m_summary.errors.isEmpty()) {
        const QJsonObject e = m_summary.errors.last().toObject();
        setState(u"last_error"_s, e.value(u"code"_s).toString() + u": "_s + e.value(u"message"_s).toString());
    }
    qCInfo(lcSync) << "sync finished: pushed" << m_summary.pushed << "pending" << m_summary.pending
                   << "needs attention" << m_summary.needsAttention << "errors" << m_summary.errors.size();
    Q_EMIT finished(m_summary);
}

// ---- Push --------------------------------------------------------------------------------------------

qint64 SyncEngine::backoffMs(int attempts, const QByteArray &retryAfter) {
    // Full jitter: rand(0, min(cap, base·2^n)), n = failed attempts before this one.
    const int n = qBound(0, attempts - 1, 30);
    const qint64 ceiling = qMin<qint64>(m_config.backoffCapMs, m_config.backoffBaseMs << qMin(n, 20));
    std::uniform_int_distribution<qint64> dist(0, qMax<qint64>(0, ceiling));
    qint64 delay = dist(m_rng);
    const qint64 ra = retryAfterMs(retryAfter, m_clock.nowUtc());
    if (ra >= 0)
        delay = qMax(delay, ra);
    return delay;
}

void SyncEngine::fillPush() {
    if (!m_running || m_pushDone)
        return;
    if (expired()) {
        maybeFinish();
        return;
    }
    // Rows are taken in small batches and marked in_flight in one transaction before they are sent.
    if (m_sendQueue.size() + m_sending.size() < m_config.maxInFlight * 2) {
        auto due = m_outbox.due(64);
        if (!due.ok()) {
            addError(u"stream"_s, u"outbox"_s, due.error().code, due.error().message);
            m_pushDone = true;
            maybeFinish();
            return;
        }
        QList<std::pair<storage::OutboxEntry, QString>> ready;
        // Cases made by `seed demo-cases` are synthetic: only a platform on this machine (the simulator) may
        // get them (issue 18 #14). Elsewhere they wait in needs_attention, never sent.
        const bool loopback = isLoopbackHost(m_config.baseUrl.host());
        for (const auto &e : due.value()) {
            if (m_sending.contains(e.opId))
                continue;
            if (!loopback && storage::AuditLog::isSeededCase(
                                 m_db, e.parentLocalId.isEmpty() ? e.localId : e.parentLocalId)) {
                qCWarning(lcSync) << "seeded demo case not pushed to a non-loopback platform:" << e.opId;
                if (Status x = m_outbox.markNeedsAttention(
                        e.opId, 0,
                        u"demo_case: 演示数据不发送到正式平台 / seeded demo data is never sent to a real platform"_s,
                        {});
                    !x.ok())
                    addError(u"op_id"_s, e.opId, x.error().code, x.error().message);
                continue;
            }
            const QString path = resolvedPath(e);
            if (!path.isEmpty())
                ready.append({e, path});
        }
        if (!ready.isEmpty()) {
            const Status s = guardedWrite([&]() -> Status {
                for (const auto &[e, path] : ready)
                    if (Status x = m_outbox.markInFlight(e.opId); !x.ok())
                        return x;
                return {};
            });
            if (!s.ok()) {
                addError(u"stream"_s, u"outbox"_s, s.error().code, s.error().message);
                m_pushDone = true; // a database that refuses writes: stop pushing, nothing was sent
                maybeFinish();
                return;
            }
            m_sendQueue.append(ready);
        }
    }
    while (int(m_sending.size()) < m_config.maxInFlight && !m_sendQueue.isEmpty()) {
        const auto [e, path] = m_sendQueue.takeFirst();
        sendEntry(e, path);
    }
    if (m_sending.isEmpty() && m_sendQueue.isEmpty() && m_results.isEmpty())
        schedulePushWake();
}

void SyncEngine::schedulePushWake() {
    auto next = m_outbox.nextRetryAt();
    if (!next.ok() || !next->isValid()) {
        m_pushDone = true; // nothing left that may be sent
        maybeFinish();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_clock.nowUtc().msecsTo(next.value()));
    const qint64 left = m_deadline.remainingTime();
    if (left >= 0 && wait > left) {
        m_pushDone = true; // the next retry lies beyond --max-seconds
        maybeFinish();
        return;
    }
    m_pushWake.start(int(qMin<qint64>(wait + 5, 24 * 3600 * 1000)));
}

QString SyncEngine::resolvedPath(const storage::OutboxEntry &e) {
    QString path = e.path;
    if (path.contains(u"{case_no}"_s)) {
        auto q = m_db.query(u"SELECT case_no FROM cases WHERE local_id = ?"_s, {e.parentLocalId});
        if (!q.ok() || !q->next() || q->value(0).toString().isEmpty())
            return {}; // parent not acknowledged yet
        path.replace(u"{case_no}"_s, QString::fromLatin1(QUrl::toPercentEncoding(q->value(0).toString())));
    }
    if (path.contains(u"{evaluation_id}"_s)) {
        auto q = m_db.query(u"SELECT evaluation_id FROM evaluations WHERE local_id = ?"_s, {e.parentLocalId});
        if (!q.ok() || !q->next() || q->value(0).toString().isEmpty())
            return {};
        path.replace(u"{evaluation_id}"_s,
                     QString::fromLatin1(QUrl::toPercentEncoding(q->value(0).toString())));
    }
    return path;
}

void SyncEngine::sendEntry(const storage::OutboxEntry &e, const QString &path) {
    m_sending.insert(e.opId);
    ApiRequest rq;
    rq.method = e.method.toLatin1();
    rq.path = path;
    rq.body = e.payload;
    rq.idempotencyKey = e.opId;
    ++m_summary.requests;
    m_api->send(rq, [this, e](const ApiResponse &r) { pushAnswered(e, r); });
}

Status SyncEngine::applyCaseAnswer(const QString &localId, const QJsonObject &c) {
    const QString caseNo = c.value(u"case_no"_s).toString();
    const QString status = c.value(u"status"_s).toString();
    if (caseNo.isEmpty() || !validDate(c.value(u"due_date"_s)) || !validDate(c.value(u"legal_due_date"_s)))
        return Status::failure(u"bad_answer"_s, u"the platform's case is incomplete"_s);
    const int version = c.value(u"version"_s).toInt();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    // The server's dates are authoritative (platform-api.md); an older version never overwrites a newer one.
    // A status this version does not know (a newer platform) keeps the local one; the number and dates still
    // land.
    Status s = m_db.exec(u"UPDATE cases SET case_no = ?, status = COALESCE(?, status), promised_due = ?, "
                         u"legal_due = ?, due_source = 'platform', due_provisional = 0, remote_version = ?, "
                         u"updated_at = ? WHERE local_id = ? AND remote_version <= ?"_s,
                         {caseNo, kCaseStatuses.contains(status) ? QVariant(status) : QVariant(),
                          strOrNull(c.value(u"due_date"_s)), strOrNull(c.value(u"legal_due_date"_s)), version,
                          now, localId, version});
    if (!s.ok())
        return s;
    const QJsonValue susp = c.value(u"suspensions"_s);
    if (susp.isArray()) {
        auto q = m_db.query(u"SELECT remote_version FROM cases WHERE local_id = ?"_s, {localId});
        if (q.ok() && q->next() && q->value(0).toInt() == version) {
            s = m_db.exec(u"DELETE FROM case_suspensions WHERE case_local_id = ?"_s, {localId});
            for (const auto &v : susp.toArray()) {
                if (!s.ok())
                    break;
                const QJsonObject o = v.toObject();
                if (!QDate::fromString(o.value(u"from"_s).toString(), Qt::ISODate).isValid())
                    continue;
                s = m_db.exec(
                    u"INSERT INTO case_suspensions(case_local_id, from_date, to_date) VALUES (?, ?, ?)"_s,
                    {localId, o.value(u"from"_s).toString(), strOrNull(o.value(u"to"_s))});
            }
        }
    }
    return s;
}

void SyncEngine::pushAnswered(const storage::OutboxEntry &e, const ApiResponse &r) {
    m_sending.remove(e.opId);
    noteUnreachable(r);
    const int attempts = e.attempts + 1;
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const QString opId = e.opId;
    const int status = r.status;
    const QByteArray responseBody = r.body;
    // Results are written in batches (one transaction; a failing row is retried alone): until then the row
    // stays in_flight, which a crash turns into a resend under the same key — the platform answers it again.
    auto retry = [&](const QString &why) {
        const qint64 delay = backoffMs(attempts, r.retryAfter);
        const QDateTime next = m_clock.nowUtc().addMSecs(delay);
        qCDebug(lcSync) << "retry" << e.kind << opId << why << "in" << delay << "ms";
        m_results.append({opId, PushResult::Retry, {}, {}, [this, opId, status, why, next] {
                              return m_outbox.markRetry(opId, status, why, next);
                          }});
    };
    auto attention = [&](const QString &code, const QString &message, std::function<Status()> extra) {
        qCInfo(lcSync) << "needs attention:" << e.kind << opId << status << code;
        m_results.append({opId, PushResult::Attention, code, message,
                          [this, opId, status, code, message, responseBody, extra]() -> Status {
                              if (extra)
                                  if (Status x = extra(); !x.ok())
                                      return x;
                              return m_outbox.markNeedsAttention(opId, status, code + u": "_s + message,
                                                                 responseBody);
                          }});
    };
    auto done = [&](std::function<Status()> apply) {
        m_results.append(
            {opId, PushResult::Done, {}, {}, [this, opId, status, responseBody, apply]() -> Status {
                 if (apply)
                     if (Status x = apply(); !x.ok())
                         return x;
                 return m_outbox.markDone(opId, status, responseBody);
             }});
    };

    const bool caseLike = e.kind == u"case"_s || e.kind == u"case_event"_s;
    const QString caseLocalId = e.kind == u"case"_s ? e.localId : e.parentLocalId;
    const QString localId = e.localId;
    if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500 ||
        (r.status == 409 && r.errorCode == u"idempotency_in_progress"_s)) {
        retry(r.errorCode);
    } else if (r.status == 401) {
        // Session refused or expired again: keep the row (same key); a refused session pauses the queue.
        const QDateTime now = m_clock.nowUtc();
        m_results.append({opId, PushResult::Retry, {}, {}, [this, opId, now] {
                              return m_outbox.markRetry(opId, 401, u"login_required"_s, now);
                          }});
    } else if (r.ok()) {
        // Cases and evaluations need the platform's number from the answer; for training results and
        // rectifications the contract promises only the status, so any 2xx, with or without a body, is done.
        const bool needsAnswer = caseLike || e.kind == u"evaluation"_s;
        if (needsAnswer && body.isEmpty() && r.status != 204) {
            retry(u"unreadable_answer"_s); // ambiguous: the same key gets the stored answer again
        } else if (caseLike) {
            if (body.value(u"case_no"_s).toString().isEmpty())
                retry(u"unreadable_answer"_s);
            else
                done([this, caseLocalId, body] { return applyCaseAnswer(caseLocalId, body); });
        } else if (e.kind == u"evaluation"_s) {
            const QString id = body.value(u"evaluation_id"_s).toString();
            if (id.isEmpty())
                retry(u"unreadable_answer"_s);
            else
                done([this, id, body, localId] {
                    return m_db.exec(u"UPDATE evaluations SET evaluation_id = ?, rectification_due = ?, "
                                     u"state = COALESCE(state, CASE WHEN ? IS NOT NULL THEN 'open' END), "
                                     u"updated_at = ? WHERE local_id = ?"_s,
                                     {id, strOrNull(body.value(u"rectification_due"_s)),
                                      strOrNull(body.value(u"rectification_due"_s)),
                                      m_clock.nowUtc().toString(Qt::ISODate), localId});
                });
        } else {
            done({});
        }
    } else if (r.status == 409 && r.errorCode == u"duplicate_local_id"_s) {
        // Already there (created under another key): adopt the platform's case.
        const QJsonObject c = r.errorDetails.value(u"case"_s).toObject();
        if (caseLike && !c.value(u"case_no"_s).toString().isEmpty())
            done([this, caseLocalId, c] { return applyCaseAnswer(caseLocalId, c); });
        else
            done({});
    } else if (r.status == 409 && r.errorCode == u"state_conflict"_s) {
        const QJsonObject c = r.errorDetails.value(u"case"_s).toObject();
        attention(r.errorCode, r.errorMessage, [this, caseLike, caseLocalId, c]() -> Status {
            if (caseLike && !c.isEmpty())
                return applyCaseAnswer(caseLocalId, c); // the server's case; nothing of ours is sent over it
            return {};
        });
    } else if (r.status == 400 || r.status == 422) {
        const QJsonObject fields = r.errorDetails.value(u"fields"_s).toObject();
        const bool isCase = e.kind == u"case"_s;
        const QJsonObject msg{{u"status"_s, r.status},
                              {u"code"_s, r.errorCode},
                              {u"message"_s, r.errorMessage},
                              {u"fields"_s, fields},
                              {u"op_id"_s, opId}};
        attention(r.errorCode, r.errorMessage, [this, isCase, msg, localId]() -> Status {
            if (!isCase)
                return {};
            return m_db.exec(u"UPDATE cases SET sync_message_json = ? WHERE local_id = ?"_s,
                             {QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)), localId});
        });
    } else {
        attention(r.errorCode, r.errorMessage, {});
    }
    if (m_results.size() >= 64 || m_sending.isEmpty())
        flushResults();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    if (!expired())
        fillPush();
    maybeFinish();
}

void SyncEngine::flushResults() {
    m_flushTimer.stop();
    if (m_results.isEmpty())
        return;
    QList<PushResult> batch = std::move(m_results);
    m_results.clear();
    QList<Status> outcomes(batch.size());
    // Fast path: the whole batch in one transaction. If one row fails, the batch is rolled back and each row
    // is written alone, so that one bad row never keeps the others from being recorded.
    qsizetype failedRow = -1;
    Status st = guardedWrite([&]() -> Status {
        for (qsizetype i = 0; i < batch.size(); ++i) {
            outcomes[i] = batch[i].write();
            if (!outcomes[i].ok()) {
                failedRow = i;
                return outcomes[i];
            }
        }
        return {};
    });
    if (!st.ok() && failedRow >= 0) {
        st = {};
        for (qsizetype i = 0; i < batch.size(); ++i)
            outcomes[i] = guardedWrite([&] { return batch[i].write(); });
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const PushResult &b = batch[i];
        const Status &s = st.ok() ? outcomes[i] : st;
        if (!s.ok()) {
            // Not recorded: the row stays in_flight; the next run recovers it and resends the same key.
            addError(u"op_id"_s, b.opId, s.error().code, s.error().message);
            continue;
        }
        if (b.kind == PushResult::Done) {
            ++m_summary.pushed;
            Q_EMIT pushedOne(b.opId);
        } else if (b.kind == PushResult::Attention) {
            addError(u"op_id"_s, b.opId, b.code, b.message);
        }
    }
}

// ---- Pull --------------------------------------------------------------------------------------------

QString SyncEngine::storedCursor(const QString &stream) {
    auto q = m_db.query(u"SELECT cursor FROM sync_cursors WHERE stream = ?"_s, {stream});
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

void SyncEngine::nextStream() {
    ++m_streamIndex;
    m_streamAttempts = 0;
    m_restartedAfter410 = false;
    if (m_streamIndex >= m_streams.size()) {
        m_pullDone = true;
        maybeFinish();
        return;
    }
    pullPage();
}

void SyncEngine::pullPage() {
    if (!m_running)
        return;
    if (expired()) {
        m_pullDone = true;
        maybeFinish();
        return;
    }
    const Stream &s = m_streams.at(m_streamIndex);
    ApiRequest rq;
    rq.path = s.path;
    rq.authenticated = s.name != u"keys"_s;
    if (s.paged) {
        const QString cursor = storedCursor(s.name);
        m_sentCursor = cursor;
        if (!cursor.isEmpty())
            rq.query.addQueryItem(u"since"_s, QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
        rq.query.addQueryItem(u"limit"_s, QString::number(m_config.pageLimit));
    }
    m_pullInFlight = true;
    ++m_summary.requests;
    m_api->send(rq, [this](const ApiResponse &r) {
        m_pullInFlight = false;
        pullAnswered(r);
        maybeFinish();
    });
}

void SyncEngine::pullRetry(const ApiResponse &r) {
    ++m_streamAttempts;
    const qint64 delay = backoffMs(m_streamAttempts, r.retryAfter);
    const qint64 left = m_deadline.remainingTime();
    if (expired() || (left >= 0 && delay > left)) {
        addError(u"stream"_s, m_streams.at(m_streamIndex).name, r.errorCode, r.errorMessage);
        m_pullDone = true; // stream not finished
        return;
    }
    m_pullInFlight = true; // a retry is pending: the run is not over
    QTimer::singleShot(int(delay), this, [this] {
        m_pullInFlight = false;
        pullPage();
        maybeFinish();
    });
}

void SyncEngine::pullAnswered(const ApiResponse &r) {
    const Stream &s = m_streams.at(m_streamIndex);
    if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500) {
        noteUnreachable(r);
        pullRetry(r);
        return;
    }
    if (r.status == 401) {
        if (m_api->authLost())
            m_pullDone = true; // the clerk must log in again
        else
            pullRetry(r); // token expired again right after its refresh: ask again
        return;
    }
    if (s.name.startsWith(u"calendar:"_s) && r.status == 404) {
        nextStream(); // calendar_not_published: tolerated
        return;
    }
    if (r.status == 410 && s.paged && !m_restartedAfter410) {
        // cursor_expired: restart from the beginning. Catalog streams replace their cache once the full pull
        // completes; case and evaluation streams never delete anything local.
        m_restartedAfter410 = true;
        Status st;
        if (s.name.startsWith(u"catalog_"_s)) {
            storage::CatalogImporter importer(m_db, m_clock);
            st = guardedWrite([&] { return importer.beginFullPull(s.name); });
        } else {
            st = guardedWrite([&] {
                return m_db.exec(u"UPDATE sync_cursors SET cursor = NULL, updated_at = ? WHERE stream = ?"_s,
                                 {m_clock.nowUtc().toString(Qt::ISODate), s.name});
            });
        }
        if (!st.ok()) {
            addError(u"stream"_s, s.name, st.error().code, st.error().message);
            nextStream();
            return;
        }
        qCInfo(lcSync) << "cursor expired, restarting" << s.name;
        pullPage();
        return;
    }
    if (!r.ok()) {
        addError(u"stream"_s, s.name, r.errorCode, r.errorMessage);
        m_pullDone = false;
        nextStream();
        return;
    }
    m_streamAttempts = 0;
    if (s.name == u"keys"_s) {
        if (auto st = applyKeys(r.body); !st.ok()) {
            if (st.error().code == u"bad_page"_s) {
                pullRetry(ApiResponse{0, {}, false, {}, {}, {}, st.error().code, st.error().message, {}});
                return;
            }
            addError(u"stream"_s, s.name, st.error().code, st.error().message);
        }
        nextStream();
        return;
    }
    if (s.name.startsWith(u"calendar:"_s)) {
        if (auto st = applyCalendar(r.body); !st.ok()) {
            if (st.error().code == u"bad_page"_s) {
                pullRetry(ApiResponse{0, {}, false, {}, {}, {}, st.error().code, st.error().message, {}});
                return;
            }
            addError(u"stream"_s, s.name, st.error().code, st.error().message);
        }
        nextStream();
        return;
    }
    bool hasMore = false;
    int applied = 0;
    if (s.name.startsWith(u"catalog_"_s)) {
        storage::CatalogImporter importer(m_db, m_clock);
        // The first catalog pull from a platform removes the demo hall's catalog.
        if (settingValue(m_db, u"sync.demo_catalog_removed"_s).isEmpty()) {
            if (auto rm = importer.removeDemoCatalog(); rm.ok())
                (void)setSetting(m_db, u"sync.demo_catalog_removed"_s, u"1"_s);
        }
        storage::ImportOptions o;
        o.stream = s.name;
        std::optional<Result<storage::ImportResult>> res;
        const Status st = guardedWrite([&]() -> Status {
            res = s.name == u"catalog_items"_s ? importer.applyItemsPage(r.body, o)
                                               : importer.applyBundlesPage(r.body, o);
            return res->ok() ? Status() : Status(res->error());
        });
        if (!st.ok()) {
            if (st.error().code == u"bad_page"_s) {
                pullRetry(ApiResponse{0, {}, false, {}, {}, {}, st.error().code, st.error().message, {}});
                return;
            }
            addError(u"stream"_s, s.name, st.error().code, st.error().message);
            nextStream();
            return;
        }
        const storage::ImportResult &ir = res->value();
        for (const auto &rej : ir.rejected)
            addError(u"stream"_s, s.name, u"record_rejected"_s,
                     u"%1 %2: %3"_s.arg(rej.recordKey, rej.field, rej.message));
        applied = ir.upserted + ir.deleted;
        hasMore = ir.hasMore;
        (s.name == u"catalog_items"_s ? m_summary.items : m_summary.bundles) += applied;
        Q_EMIT progress(s.name, s.name == u"catalog_items"_s ? m_summary.items : m_summary.bundles);
        if (!hasMore) {
            auto fp = m_db.query(u"SELECT full_pull FROM sync_cursors WHERE stream = ?"_s, {s.name});
            if (fp.ok() && fp->next() && fp->value(0).toInt() == 1) {
                std::optional<Result<int>> removed;
                const Status cs = guardedWrite([&]() -> Status {
                    removed = importer.completeFullPull(s.name);
                    return removed->ok() ? Status() : Status(removed->error());
                });
                if (!cs.ok())
                    addError(u"stream"_s, s.name, cs.error().code, cs.error().message);
            }
        }
    } else {
        QString cursor;
        auto res = applyChangesPage(s.name, r.body, &cursor, &hasMore);
        if (!res.ok()) {
            if (res.error().code == u"bad_page"_s) {
                pullRetry(ApiResponse{0, {}, false, {}, {}, {}, res.error().code, res.error().message, {}});
                return;
            }
            addError(u"stream"_s, s.name, res.error().code, res.error().message);
            nextStream();
            return;
        }
        applied = res.value();
        (s.name == u"case_changes"_s ? m_summary.caseChanges : m_summary.evaluationChanges) += applied;
        Q_EMIT progress(s.name,
                        s.name == u"case_changes"_s ? m_summary.caseChanges : m_summary.evaluationChanges);
    }
    if (hasMore && storedCursor(s.name) == m_sentCursor && applied == 0) {
        // A platform that keeps answering "more" without moving on: stop the stream rather than loop.
        addError(u"stream"_s, s.name, u"cursor_stuck"_s, u"the platform's cursor does not advance"_s);
        nextStream();
        return;
    }
    if (hasMore)
        pullPage();
    else
        nextStream();
}

Status SyncEngine::applyKeys(const QByteArray &body) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !d.isObject() || !d.object().value(u"keys"_s).isArray())
        return Status::failure(u"bad_page"_s, u"keys: not a key list"_s);
    const QJsonArray keys = d.object().value(u"keys"_s).toArray();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return guardedWrite([&]() -> Status {
        // Replaces the platform's keys; the first pull also removes the demo key.
        if (auto s = m_db.exec(u"DELETE FROM license_keys WHERE source IN ('platform','demo')"_s); !s.ok())
            return s;
        int i = 0;
        for (const auto &v : keys) {
            const QJsonObject k = v.toObject();
            QString bad;
            for (const auto &f : {u"kid"_s, u"alg"_s, u"public_key_pem"_s, u"not_before"_s, u"not_after"_s})
                if (!k.value(f).isString() || k.value(f).toString().isEmpty())
                    bad = f;
            if (!bad.isEmpty()) {
                addError(u"stream"_s, u"keys"_s, u"record_rejected"_s,
                         u"#%1 %2: missing or not a string"_s.arg(i).arg(bad));
                (void)m_db.exec(
                    u"INSERT INTO import_rejections(stream, record_key, field, message, at) VALUES "
                    u"('keys', ?, ?, 'missing or not a string', ?)"_s,
                    {u"#%1"_s.arg(i), bad, now});
                ++i;
                continue;
            }
            ++i;
            if (auto s =
                    m_db.exec(u"INSERT OR REPLACE INTO license_keys(kid, alg, public_key_pem, not_before, "
                              u"not_after, source, updated_at) VALUES (?, ?, ?, ?, ?, 'platform', ?)"_s,
                              {k.value(u"kid"_s).toString(), k.value(u"alg"_s).toString(),
                               k.value(u"public_key_pem"_s).toString(), k.value(u"not_before"_s).toString(),
                               k.value(u"not_after"_s).toString(), now});
                !s.ok())
                return s;
        }
        return {};
    });
}

Status SyncEngine::applyCalendar(const QByteArray &body) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !d.isObject())
        return Status::failure(u"bad_page"_s, u"calendar: not a JSON object"_s);
    auto year = core::CalendarYear::fromJson(d.object());
    if (!year.ok())
        return year.error();
    storage::CalendarRepository repo(m_db, m_clock);
    return guardedWrite([&] { return repo.store(year.value(), u"platform"_s); });
}

Result<int> SyncEngine::applyChangesPage(const QString &stream, const QByteArray &body, QString *cursor,
                                         bool *hasMore) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    const QJsonObject o = d.object();
    if (pe.error != QJsonParseError::NoError || !d.isObject() || !o.value(u"changes"_s).isArray() ||
        !o.value(u"next_cursor"_s).isString() || o.value(u"next_cursor"_s).toString().isEmpty() ||
        !o.value(u"has_more"_s).isBool())
        return Error{u"bad_page"_s, u"%1: not a change page"_s.arg(stream)};
    *cursor = o.value(u"next_cursor"_s).toString();
    *hasMore = o.value(u"has_more"_s).toBool();
    const QJsonArray changes = o.value(u"changes"_s).toArray();
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    int applied = 0;
    QList<std::pair<QString, QString>> rejected; // key, message
    const Status st = guardedWrite([&]() -> Status {
        int i = 0;
        for (const auto &v : changes) {
            const QJsonObject c = v.toObject();
            const QString idx = u"#%1"_s.arg(i++);
            if (stream == u"case_changes"_s) {
                const QString caseNo = c.value(u"case_no"_s).toString();
                if (caseNo.isEmpty() || !kCaseStatuses.contains(c.value(u"status"_s).toString()) ||
                    !c.value(u"version"_s).isDouble() || !validDate(c.value(u"due_date"_s)) ||
                    !validDate(c.value(u"legal_due_date"_s))) {
                    rejected.append({caseNo.isEmpty() ? idx : caseNo, u"invalid case change"_s});
                    continue;
                }
                // Our own case (matched by number, or by local_id when our POST's answer was lost).
                auto q = m_db.query(u"SELECT local_id FROM cases WHERE case_no = ? OR (case_no IS NULL AND "
                                    u"local_id = ?)"_s,
                                    {caseNo, c.value(u"local_id"_s).toString()});
                if (!q.ok())
                    return q.error();
                if (!q->next())
                    continue; // another window's case: nothing local to update
                const QString localId = q->value(0).toString();
                if (Status s = applyCaseAnswer(localId, c); !s.ok())
                    return s;
                ++applied;
            } else {
                const QString evalId = c.value(u"evaluation_id"_s).toString();
                const QString state = c.value(u"state"_s).toString();
                if (evalId.isEmpty() || !kEvaluationStates.contains(state) ||
                    !c.value(u"version"_s).isDouble() || !validDate(c.value(u"rectification_due"_s)) ||
                    (!c.value(u"actions"_s).isUndefined() && !c.value(u"actions"_s).isArray())) {
                    rejected.append({evalId.isEmpty() ? idx : evalId, u"invalid evaluation change"_s});
                    continue;
                }
                auto q = m_db.query(u"SELECT local_id FROM evaluations WHERE evaluation_id = ? OR "
                                    u"(evaluation_id IS NULL AND local_id = ?)"_s,
                                    {evalId, c.value(u"local_id"_s).toString()});
                if (!q.ok())
                    return q.error();
                if (!q->next())
                    continue;
                const QString localId = q->value(0).toString();
                const int version = c.value(u"version"_s).toInt();
                Status s = m_db.exec(
                    u"UPDATE evaluations SET evaluation_id = ?, state = ?, rectification_due = ?, "
                    u"remote_version = ?, updated_at = ? WHERE local_id = ? AND remote_version < ?"_s,
                    {evalId, state, strOrNull(c.value(u"rectification_due"_s)), version, now, localId,
                     version});
                if (!s.ok())
                    return s;
                for (const auto &av : c.value(u"actions"_s).toArray()) {
                    const QJsonObject a = av.toObject();
                    const QString actionId =
                        u"p-"_s +
                        QString::fromLatin1(
                            crypto::sha256((evalId + u'\n' + a.value(u"action"_s).toString() + u'\n' +
                                            a.value(u"at"_s).toString() + u'\n' + a.value(u"by"_s).toString())
                                               .toUtf8())
                                .toHex()
                                .left(32));
                    if (a.value(u"action"_s).toString().isEmpty() || a.value(u"at"_s).toString().isEmpty())
                        continue;
                    s = m_db.exec(u"INSERT OR IGNORE INTO rectification_actions(action_id, "
                                  u"evaluation_local_id, action, "
                                  u"note, at, by_user, source) VALUES (?, ?, ?, ?, ?, ?, 'platform')"_s,
                                  {actionId, localId, a.value(u"action"_s).toString(),
                                   a.value(u"note"_s).toString(), a.value(u"at"_s).toString(),
                                   a.value(u"by"_s).toString()});
                    if (!s.ok())
                        return s;
                }
                ++applied;
            }
        }
        for (const auto &[key, message] : rejected)
            if (Status s =
                    m_db.exec(u"INSERT INTO import_rejections(stream, record_key, field, message, at) VALUES "
                              u"(?, ?, '', ?, ?)"_s,
                              {stream, key, message, now});
                !s.ok())
                return s;
        return m_db.exec(
            u"INSERT INTO sync_cursors(stream, cursor, full_pull, completed_at, updated_at) VALUES "
            u"(?, ?, 0, ?, ?) ON CONFLICT(stream) DO UPDATE SET cursor = excluded.cursor, "
            u"completed_at = COALESCE(excluded.completed_at, sync_cursors.completed_at), "
            u"updated_at = excluded.updated_at"_s,
            {stream, *cursor, *hasMore ? QVariant() : QVariant(now), now});
    });
    if (!st.ok())
        return st.error();
    for (const auto &[key, message] : rejected)
        addError(u"stream"_s, stream, u"record_rejected"_s, key + u": "_s + message);
    return applied;
}

} // namespace windowdesk::sync
