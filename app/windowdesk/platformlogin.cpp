#include "platformlogin.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/sync/syncworker.h>

#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

Q_LOGGING_CATEGORY(lcLogin, "windowdesk.app.login")

PlatformLogin::PlatformLogin(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                             Result<sync::SyncConfig> config, sync::TokenHolder &tokens, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_config(config.ok() ? config.value() : sync::SyncConfig())
    , m_configError(config.ok() ? QString() : config.error().code)
    , m_tokens(tokens) {
    // The clerk waits at the window: a login gives up sooner than a background sync run.
    m_config.timeoutMs = qMin(m_config.timeoutMs, 10000);
    m_config.backoffBaseMs = qMin<qint64>(m_config.backoffBaseMs, 500);
    m_config.backoffCapMs = qMin<qint64>(m_config.backoffCapMs, 2000);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(20000);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcLogin) << "platform login: no answer in time, logging in offline";
        m_worker.reset(); // abandons the attempt; its late answer goes nowhere
        offline(u"timeout"_s);
    });
}

PlatformLogin::~PlatformLogin() = default;

void PlatformLogin::makeWorker() {
    m_worker = std::make_unique<sync::SyncWorker>(m_db, m_config, m_clock, &m_tokens);
    connect(m_worker.get(), &sync::SyncWorker::loginFinished, this, &PlatformLogin::answered);
}

bool PlatformLogin::isUnreachable(const QString &code) {
    static const QStringList codes{u"platform_unreachable"_s,
                                   u"network_error"_s,
                                   u"timeout"_s,
                                   u"internal"_s,
                                   u"internal_error"_s,
                                   u"unavailable"_s,
                                   u"service_unavailable"_s,
                                   u"rate_limited"_s,
                                   u"too_many_requests"_s,
                                   u"bad_answer"_s,
                                   u"cancelled"_s,
                                   u"http_408"_s,
                                   u"http_429"_s,
                                   u"invalid_url"_s};
    return codes.contains(code) || code.startsWith(u"http_5"_s) || sync::isTransportError(code);
}

void PlatformLogin::login(const QString &username, const QString &password, Reply reply) {
    m_username = username;
    m_password = password;
    m_reply = std::move(reply);
    if (!m_configError.isEmpty()) {
        qCWarning(lcLogin) << "platform settings unusable:" << m_configError << "- logging in offline";
        QTimer::singleShot(0, this, [this] { offline(m_configError); });
        return;
    }
    if (!m_worker || m_worker->busy())
        makeWorker(); // a fresh worker: an abandoned attempt must not answer this one
    m_deadline.start();
    m_worker->runLogin(username, password, true);
}

void PlatformLogin::answered(const sync::LoginOutcome &outcome) {
    if (!m_reply)
        return;
    m_deadline.stop();
    if (!outcome.status.ok()) {
        const Error &e = outcome.status.error();
        if (isUnreachable(e.code)) {
            qCInfo(lcLogin) << "platform unreachable:" << e.code << "- logging in offline";
            offline(e.code);
            return;
        }
        // A refusal is the platform's word: never overruled by the offline verifier.
        qCInfo(lcLogin) << "platform refused the login:" << e.code;
        finish(outcome.status.error());
        return;
    }
    Success s;
    const QJsonObject &u = outcome.user;
    s.user.id = u.value(u"id"_s).toString(m_username);
    s.user.username = m_username;
    s.user.name = u.value(u"name"_s).toString(m_username);
    for (const auto &role : u.value(u"roles"_s).toArray())
        s.user.roles.append(role.toString());
    s.user.hallId = u.value(u"hall_id"_s).toString();
    s.user.hallName = u.value(u"hall_name"_s).toString();
    s.user.windowNo = u.value(u"window_no"_s).toString();
    s.mode = Mode::Online;
    s.tokensInMemoryOnly = !outcome.keychainStored;
    s.keychainMessage = outcome.keychainMessage;
    if (m_audit) {
        // The platform checked the password; the local audit trail still records who started work here.
        if (auto a = m_audit->append({s.user.id,
                                      u"login"_s,
                                      s.user.username,
                                      {{u"mode"_s, u"platform"_s}, {u"keychain"_s, outcome.keychainStored}}});
            !a.ok())
            qCWarning(lcLogin) << "login audit not written:" << a.error().code;
    }
    finish(std::move(s));
}

void PlatformLogin::offline(const QString &reasonCode) {
    Q_UNUSED(reasonCode)
    // Only an account that logged in online here has an offline verifier from the platform.
    auto q =
        m_db.query(u"SELECT count(*) FROM users WHERE username = ? AND source = 'platform'"_s, {m_username});
    if (!q.ok() || !q->next() || q->value(0).toInt() == 0) {
        // The dialog words it (LoginDialog::describeError).
        finish(Error{u"offline_unknown_user"_s, QString()});
        return;
    }
    storage::UserRepository users(m_db, m_clock, m_audit);
    auto r = users.authenticate(m_username, m_password);
    if (!r.ok()) {
        finish(r.error());
        return;
    }
    Success s;
    s.user = std::move(r).value();
    s.mode = Mode::Offline;
    finish(std::move(s));
}

void PlatformLogin::finish(Result<Success> result) {
    m_password.clear();
    Reply reply = std::move(m_reply);
    m_reply = nullptr;
    if (reply)
        reply(std::move(result));
}

} // namespace windowdesk::app
