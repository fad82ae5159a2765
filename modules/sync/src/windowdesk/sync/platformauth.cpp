#include "platformauth.h"

#include "synclogging.h"

#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/syncstaterepository.h>
#include <windowdesk/storage/userrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

PlatformAuth::PlatformAuth(storage::Database &db, const Clock &clock, ApiClient &api,
                           std::function<qint64(int, const QByteArray &)> backoffMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_api(api)
    , m_backoffMs(std::move(backoffMs)) {}

void PlatformAuth::login(const QString &username, const QString &password,
                         std::function<void(const ApiResponse &)> answered) {
    attempt(username, password, 1, std::move(answered));
}

void PlatformAuth::attempt(const QString &username, const QString &password, int n,
                           std::function<void(const ApiResponse &)> answered) {
    ApiRequest rq;
    rq.method = "POST";
    rq.path = u"/auth/login"_s;
    rq.authenticated = false;
    rq.body = QJsonDocument(QJsonObject{{u"username"_s, username},
                                        {u"password"_s, password},
                                        {u"device_id"_s, m_api.config().deviceId}})
                  .toJson(QJsonDocument::Compact);
    m_api.send(rq, [this, username, password, n, answered](const ApiResponse &r) {
        if (answered)
            answered(r);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        const bool transient =
            r.status == 0 || r.status == 408 || r.status == 429 || r.status >= 500 || (r.ok() && o.isEmpty());
        if (transient && n < 6 && !m_api.authLost()) {
            // A login is not a write: asking again after a lost or refused-for-now answer is harmless.
            const qint64 delay = qMin<qint64>(m_backoffMs(n, r.retryAfter), 5000);
            QTimer::singleShot(int(delay), this, [=, this] { attempt(username, password, n + 1, answered); });
            return;
        }
        if (!r.ok()) {
            // A lost answer keeps its cause (connection_refused, host_not_found, tls_untrusted, timeout…).
            LoginOutcome out;
            out.status = Status::failure(r.errorCode.isEmpty() ? u"platform_unreachable"_s : r.errorCode,
                                         r.errorMessage.isEmpty() ? u"login failed"_s : r.errorMessage);
            Q_EMIT finished(out);
            return;
        }
        accepted(username, password, o, r.apiVersion);
    });
}

void PlatformAuth::accepted(const QString &username, const QString &password, const QJsonObject &o,
                            const QByteArray &apiVersion) {
    LoginOutcome out;
    const Tokens t{o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(), username};
    if (t.accessToken.isEmpty() || t.refreshToken.isEmpty()) {
        out.status = Status::failure(u"bad_answer"_s, u"the platform's login answer has no tokens"_s);
        Q_EMIT finished(out);
        return;
    }
    m_api.setTokens(t);
    m_api.resetAuthLost();
    out.user = o.value(u"user"_s).toObject();
    out.tokens = t; // the program's token holder keeps (and stores) them
    storeOfflineVerifier(username, password, out.user);
    // platform-api.md 1.1 "Version": read at login; the 1.1 features follow it until the next login.
    storePlatformApiVersion(m_db, m_clock, apiVersion);
    qCInfo(lcSync) << "logged in to the platform";
    Q_EMIT finished(out);
}

void PlatformAuth::storeOfflineVerifier(const QString &username, const QString &password,
                                        const QJsonObject &user) {
    storage::User u;
    u.id = user.value(u"id"_s).toString();
    u.username = username;
    u.name = user.value(u"name"_s).toString(username);
    for (const auto &role : user.value(u"roles"_s).toArray())
        u.roles.append(role.toString());
    u.hallId = user.value(u"hall_id"_s).toString();
    u.hallName = user.value(u"hall_name"_s).toString();
    u.windowNo = user.value(u"window_no"_s).toString();
    if (u.id.isEmpty())
        return;
    storage::UserRepository users(m_db, m_clock, nullptr);
    auto existing = users.find(username);
    if (existing.ok() && existing->id != u.id)
        qCWarning(lcSync) << "a local user of that name has another id; offline verifier not stored";
    else if (auto s =
                 users.upsert(u, QString::fromLatin1(crypto::makePasswordVerifier(password)), u"platform"_s);
             !s.ok())
        qCWarning(lcSync) << "offline verifier not stored:" << s.error().code;
}

void storePlatformApiVersion(storage::Database &db, const Clock &clock, const QByteArray &header) {
    const QString version = header.isEmpty() ? u"1.0"_s : QString::fromLatin1(header);
    storage::SyncStateRepository state(db, clock);
    const QString key = QString::fromLatin1(storage::kPlatformApiVersionState);
    if (state.state(key) == version)
        return;
    if (Status s = state.setState(key, version); !s.ok())
        qCWarning(lcSync) << "platform API version not stored:" << s.error().code;
    else
        qCInfo(lcSync) << "platform API version" << version;
}

} // namespace windowdesk::sync
