#include "syncengine.h"

#include "outboxpusher.h"
#include "streampuller.h"
#include "synclogging.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/streamapplier.h>
#include <windowdesk/storage/syncstaterepository.h>
#include <windowdesk/storage/userrepository.h>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

SyncEngine::SyncEngine(storage::Database &db, const Clock &clock, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_api(new ApiClient(m_config, this))
    , m_run(db, clock, m_config, *m_api) {
    QList<storage::StreamApplier *> appliers;
    for (const auto &factory : storage::streamApplierFactories()) {
        if (auto a = factory(db, clock)) {
            appliers.append(a.get());
            m_appliers.push_back(std::move(a));
        }
    }
    m_run.remainingMs = [this] {
        return m_deadline.isActive() ? m_deadline.remainingTime() : qint64(-1);
    };
    m_run.changed = [this] {
        maybeFinish();
    };
    m_run.noteUnreachable = [this](const ApiResponse &r) {
        noteUnreachable(r);
    };
    m_pusher = new OutboxPusher(m_run, appliers, this);
    m_puller = new StreamPuller(m_run, appliers, this);
    m_auth = new PlatformAuth(
        db, clock, *m_api, [this](int n, const QByteArray &ra) { return m_run.backoffMs(n, ra); }, this);
    connect(m_pusher, &OutboxPusher::pushedOne, this, &SyncEngine::pushedOne);
    connect(m_puller, &StreamPuller::progress, this, &SyncEngine::progress);
    connect(m_auth, &PlatformAuth::finished, this, &SyncEngine::loginFinished);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_run.summary.timedOut = true;
        m_api->stopStarting();
        m_pusher->stopWaking();
        maybeFinish();
    });
    connect(m_api, &ApiClient::tokensRefreshed, this, &SyncEngine::tokensChanged);
}

SyncEngine::~SyncEngine() = default;

void SyncEngine::adoptTokens(const Tokens &tokens) {
    if (tokens.isEmpty() || tokens == m_api->tokens())
        return;
    m_api->setTokens(tokens);
    m_api->resetAuthLost();
}

void SyncEngine::noteUnreachable(const ApiResponse &r) {
    if (r.status != 0 || !m_run.running || r.errorCode == u"cancelled"_s)
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
    if (!m_run.options.stopWhenUnreachable || m_run.unreachable)
        return;
    m_run.unreachable = true;
    m_api->stopStarting();
    m_pusher->stopWaking();
    QTimer::singleShot(0, this, &SyncEngine::maybeFinish);
}

void SyncEngine::login(const QString &username, const QString &password) {
    m_auth->login(username, password, [this](const ApiResponse &r) { noteUnreachable(r); });
}

// ---- Run ---------------------------------------------------------------------------------------------

void SyncEngine::start(const SyncRunOptions &options) {
    m_run.options = options;
    m_run.summary = {};
    m_run.unreachable = false;
    m_run.writes = 0;
    m_transportErrors.clear();
    m_api->resumeStarting();
    m_run.running = true;
    m_pusher->setDone(!options.push);
    m_puller->setDone(!options.pull);
    m_elapsed.start();
    m_deadline.start(qMax(0, options.maxSeconds) * 1000);
    // Recovery: we hold the lock, so any in_flight row belongs to a run that died; same key, resent.
    auto rec = storage::OutboxRepository(m_run.db, m_run.clock).recoverInFlight();
    if (rec.ok() && rec.value() > 0)
        qCInfo(lcSync) << "recovered" << rec.value() << "interrupted writes";
    if (!options.username.isEmpty()) {
        loginForRun();
        return;
    }
    if (!haveTokens())
        return;
    QTimer::singleShot(0, this, &SyncEngine::begin);
}

void SyncEngine::loginForRun() {
    connect(
        this, &SyncEngine::loginFinished, this,
        [this](const LoginOutcome &o) {
            if (!o.status.ok()) {
                m_run.addError(u"stream"_s, u"auth"_s, o.status.error().code, o.status.error().message);
                m_run.summary.loginRequired = o.status.error().code != u"platform_unreachable"_s &&
                                              !isTransportError(o.status.error().code);
                m_pusher->setDone();
                m_puller->setDone();
                maybeFinish();
                return;
            }
            begin();
        },
        Qt::SingleShotConnection);
    login(m_run.options.username, m_run.options.password);
}

// The tokens this engine holds: adopted from the program's token holder (which read the keychain), or got by
// a login or a refresh in this engine. Refused ones wait for new ones (adoptTokens).
bool SyncEngine::haveTokens() {
    if (!m_api->tokens().isEmpty() && !m_api->authLost())
        return true;
    m_run.addError(
        u"stream"_s, u"auth"_s, u"not_logged_in"_s,
        u"未登录平台：请先运行 login 或使用 --user / not logged in: run `login` first or pass --user"_s);
    m_run.summary.loginRequired = true;
    m_pusher->setDone();
    m_puller->setDone();
    QTimer::singleShot(0, this, &SyncEngine::maybeFinish);
    return false;
}

bool SyncEngine::needsApiVersion() const {
    if (m_run.supervisorSession)
        return true;
    auto rows = storage::OutboxRepository(m_run.db, m_run.clock).unacknowledged();
    if (!rows.ok())
        return false;
    for (const storage::OutboxEntry &e : rows.value())
        for (const auto &a : m_appliers)
            if (e.state != u"needs_attention"_s && a->requiresApi11(e.kind))
                return true;
    return false;
}

void SyncEngine::begin() {
    m_run.supervisorSession = false;
    if (auto u = storage::UserRepository(m_run.db, m_run.clock, nullptr).find(m_api->tokens().username);
        u.ok())
        m_run.supervisorSession = u->roles.contains(u"supervisor"_s);
    if (platformApiVersion(m_run.db, m_run.clock).isEmpty() && needsApiVersion()) {
        probeApiVersion(1);
        return;
    }
    beginParts();
}

// The version was never seen (tokens from a login made before it was kept) and something of 1.1 waits: an
// unauthenticated GET /keys tells, asked again like a login while the answer is lost.
void SyncEngine::probeApiVersion(int attempt) {
    ApiRequest rq;
    rq.path = u"/keys"_s;
    rq.authenticated = false;
    ++m_run.summary.requests;
    m_api->send(rq, [this, attempt](const ApiResponse &r) {
        noteUnreachable(r);
        if (!m_run.running)
            return;
        if (r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500) {
            if (m_run.expired()) {
                maybeFinish();
                return;
            }
            QTimer::singleShot(int(m_run.backoffMs(attempt, r.retryAfter)), this, [this, attempt] {
                if (m_run.running && !m_run.expired())
                    probeApiVersion(attempt + 1);
                else
                    maybeFinish();
            });
            return;
        }
        storePlatformApiVersion(m_run.db, m_run.clock, r.apiVersion);
        beginParts();
    });
}

void SyncEngine::beginParts() {
    const QString version = platformApiVersion(m_run.db, m_run.clock);
    m_run.apiVersionKnown = !version.isEmpty();
    m_run.api11 = m_run.apiVersionKnown && version != u"1.0"_s;
    if (m_run.api11) {
        // Writes kept while the platform was 1.0 are sent now, same key and body.
        auto revived = storage::OutboxRepository(m_run.db, m_run.clock).reviveUnsupported();
        if (revived.ok() && revived.value() > 0)
            qCInfo(lcSync) << "platform is 1.1:" << revived.value() << "kept writes queued again";
    }
    if (m_run.options.pull)
        m_puller->start();
    if (m_run.options.push)
        m_pusher->start();
    maybeFinish();
}

void SyncEngine::maybeFinish() {
    if (!m_run.running)
        return;
    if (m_run.expired()) {
        if (m_pusher->requestsInFlight() || m_puller->requestInFlight())
            return; // requests in flight finish first
        m_pusher->setDone();
        m_puller->setDone();
    }
    if (m_pusher->done() && m_puller->done() && !m_pusher->requestsInFlight() && !m_puller->requestInFlight())
        finish();
    else if (m_pusher->done() && !m_pusher->requestsInFlight())
        m_pusher->wrapUp();
}

void SyncEngine::finish() {
    m_pusher->wrapUp();
    m_run.running = false;
    SyncSummary &summary = m_run.summary;
    summary.dbWrites = m_run.writes;
    m_deadline.stop();
    m_pusher->stopWaking();
    if (m_api->authLost()) {
        summary.loginRequired = true;
        bool listed = false;
        for (const auto &e : summary.errors)
            listed = listed || e.toObject().value(u"code"_s).toString() == u"login_required"_s;
        if (!listed)
            m_run.addError(u"stream"_s, u"auth"_s, u"login_required"_s,
                           u"请重新登录 / please log in again"_s);
    }
    auto st = storage::OutboxRepository(m_run.db, m_run.clock).stats();
    if (st.ok()) {
        summary.pending = st->pending;
        summary.needsAttention = st->needsAttention;
        summary.unsupported = st->unsupported;
    }
    summary.streamsFinished = m_run.options.pull && m_puller->finishedAll();
    addTransportErrors();
    if (summary.timedOut)
        m_run.addError(u"stream"_s, u"sync"_s, u"time_ran_out"_s, u"--max-seconds ran out"_s);
    storeOutcome();
    qCInfo(lcSync) << "sync finished: pushed" << summary.pushed << "pending" << summary.pending
                   << "needs attention" << summary.needsAttention << "errors" << summary.errors.size();
    Q_EMIT finished(summary);
}

// Lost answers the run did not get past (retries that never got through) say why, before time_ran_out.
void SyncEngine::addTransportErrors() {
    const SyncSummary &summary = m_run.summary;
    if (!summary.timedOut && !m_run.unreachable && summary.pending == 0 &&
        (!m_run.options.pull || summary.streamsFinished))
        return;
    for (auto it = m_transportErrors.cbegin(); it != m_transportErrors.cend(); ++it) {
        bool listed = false; // e.g. by a failed login of this run
        for (const auto &e : std::as_const(summary.errors))
            listed = listed || e.toObject().value(u"code"_s).toString() == it.key();
        if (!listed)
            m_run.addError(u"stream"_s, u"sync"_s, it.key(), it.value());
    }
}

void SyncEngine::storeOutcome() {
    storage::SyncStateRepository state(m_run.db, m_run.clock);
    const SyncSummary &summary = m_run.summary;
    if (summary.success())
        (void)state.setState(u"last_success"_s, m_run.clock.nowUtc().toString(Qt::ISODate));
    if (!summary.errors.isEmpty()) {
        const QJsonObject e = summary.errors.last().toObject();
        (void)state.setState(u"last_error"_s,
                             e.value(u"code"_s).toString() + u": "_s + e.value(u"message"_s).toString());
    }
}

} // namespace windowdesk::sync
