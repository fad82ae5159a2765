#include "userrepository.h"

#include "auditlog.h"
#include "database.h"
#include "settingsrepository.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {
constexpr int MaxFailures = 5;
constexpr qint64 WindowSecs = 15 * 60;
constexpr qint64 LockSecs = 15 * 60;

QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODate);
}

User userFrom(const QSqlQuery &q) {
    User u;
    u.id = q.value(0).toString();
    u.username = q.value(1).toString();
    u.name = q.value(2).toString();
    u.roles = q.value(3).toString().split(u',', Qt::SkipEmptyParts);
    for (QString &r : u.roles)
        r = r.trimmed();
    u.hallId = q.value(4).toString();
    u.hallName = q.value(5).toString();
    u.windowNo = q.value(6).toString();
    return u;
}

// Once a real (non-loopback) platform is configured, only accounts that logged in online here (source
// 'platform', with the offline verifier the platform login stored) log in locally: accounts.local_login is
// 'off' then (absent: off as soon as such a platform.url is set), whether or not the URL is later cleared.
// Only an explicit admin action turns it back 'on' (reopenLocalAccounts). The bound value is 1 while local
// login is open.
const QString SelectUser =
    u"SELECT id, username, name, roles, hall_id, hall_name, window_no, password_verifier "
    u"FROM users WHERE username = ? AND active = 1 AND (source = 'platform' OR ? = 1)"_s;

QString lockedMessage(const QDateTime &untilUtc) {
    return u"账户已锁定，请于 %1 后重试"_s.arg(
        untilUtc.toTimeZone(Clock::chinaStandardTime()).toString(u"HH:mm"_s));
}
} // namespace

UserRepository::UserRepository(Database &db, const Clock &clock, AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

Result<User> UserRepository::find(const QString &username) const {
    auto open = localLoginOpen();
    if (!open.ok())
        return Result<User>(open.error());
    auto q = m_db.query(SelectUser, {username, open.value() ? 1 : 0});
    if (!q.ok())
        return Result<User>(q.error());
    if (!q->next())
        return Result<User>::failure(u"not_found"_s, u"no such user"_s);
    return userFrom(q.value());
}

Result<User> UserRepository::authenticate(const QString &username, const QString &password) {
    // The slow PBKDF2 check runs before the write transaction so it does not hold the database's write lock.
    std::optional<User> user;
    bool passwordOk = false;
    {
        auto open = localLoginOpen();
        if (!open.ok())
            return Result<User>(open.error());
        auto q = m_db.query(SelectUser, {username, open.value() ? 1 : 0});
        if (!q.ok())
            return Result<User>(q.error());
        if (q->next()) {
            const QByteArray verifier = q->value(7).toString().toUtf8();
            passwordOk = !verifier.isEmpty() && crypto::checkPasswordVerifier(password, verifier);
            user = userFrom(q.value());
        } else {
            // Same work for an unknown name, so timing does not tell which names exist.
            static const QByteArray dummy = crypto::makePasswordVerifier(u"windowdesk-dummy"_s);
            crypto::checkPasswordVerifier(password, dummy);
        }
    }

    const QDateTime now = m_clock.nowUtc();
    const QString nowText = iso(now);
    std::optional<Error> refusal;
    Status st = m_db.write([&]() -> Status {
        auto audit = [&](const QString &action, const QJsonObject &details) -> Status {
            if (!m_audit)
                return {};
            return m_audit->append({user ? user->id : QString(), action, username, details});
        };
        auto record = [&](bool success) {
            return m_db.exec(
                u"INSERT INTO login_attempts (username, at, success, mode) VALUES (?, ?, ?, 'local')"_s,
                {username, nowText, success ? 1 : 0});
        };

        // While locked, even the right password is refused.
        auto lock = m_db.query(u"SELECT locked_until FROM account_locks WHERE username = ?"_s, {username});
        if (!lock.ok())
            return Status(lock.error());
        if (lock->next()) {
            const QDateTime until = QDateTime::fromString(lock->value(0).toString(), Qt::ISODate);
            if (until.isValid() && until > now) {
                if (auto s = record(false); !s.ok())
                    return s;
                refusal = Error{u"account_locked"_s, lockedMessage(until)};
                return audit(u"login_failed"_s,
                             {{u"reason"_s, u"account_locked"_s}, {u"until"_s, iso(until)}});
            }
        }

        if (passwordOk) {
            if (auto s = record(true); !s.ok())
                return s;
            if (auto s = m_db.exec(u"DELETE FROM account_locks WHERE username = ?"_s, {username}); !s.ok())
                return s;
            return audit(u"login"_s, {{u"mode"_s, u"local"_s}});
        }

        if (auto s = record(false); !s.ok())
            return s;
        // Failures within the last 15 minutes, not counting those before a later successful login or made
        // while an (now expired) lock was in force.
        auto count = m_db.query(
            u"SELECT count(*) FROM login_attempts WHERE username = ? AND success = 0 AND at > ? AND at > "
            u"coalesce((SELECT max(at) FROM login_attempts WHERE username = ? AND success = 1), '') AND at "
            u">= "
            u"coalesce((SELECT locked_until FROM account_locks WHERE username = ?), '')"_s,
            {username, iso(now.addSecs(-WindowSecs)), username, username});
        if (!count.ok())
            return Status(count.error());
        const int failures = count->next() ? count->value(0).toInt() : 0;
        if (failures >= MaxFailures) {
            const QDateTime until = now.addSecs(LockSecs);
            if (auto s =
                    m_db.exec(u"INSERT INTO account_locks (username, locked_until) VALUES (?, ?) "
                              u"ON CONFLICT(username) DO UPDATE SET locked_until = excluded.locked_until"_s,
                              {username, iso(until)});
                !s.ok())
                return s;
            refusal = Error{u"account_locked"_s, lockedMessage(until)};
            return audit(u"account_locked"_s, {{u"failures"_s, failures}, {u"until"_s, iso(until)}});
        }
        const int remaining = MaxFailures - failures;
        refusal = Error{u"invalid_credentials"_s, u"用户名或密码错误，还可尝试 %1 次"_s.arg(remaining)};
        return audit(u"login_failed"_s,
                     {{u"reason"_s, u"invalid_credentials"_s}, {u"remaining"_s, remaining}});
    });
    if (!st.ok())
        return Result<User>(st.error());
    if (refusal)
        return Result<User>(*refusal);
    return *user;
}

Status UserRepository::upsert(const User &u, const QString &passwordVerifier, const QString &source) {
    const QString now = iso(m_clock.nowUtc());
    // An empty verifier keeps the stored one (a platform user list carries no passwords).
    return m_db.exec(
        u"INSERT INTO users (id, username, name, roles, password_verifier, hall_id, hall_name, window_no, "
        u"source, "
        u"active, created_at, updated_at) VALUES (?, ?, ?, ?, nullif(?, ''), ?, ?, ?, ?, 1, ?, ?) "
        u"ON CONFLICT(id) DO UPDATE SET username = excluded.username, name = excluded.name, roles = "
        u"excluded.roles, "
        u"password_verifier = coalesce(excluded.password_verifier, users.password_verifier), "
        u"hall_id = excluded.hall_id, hall_name = excluded.hall_name, window_no = excluded.window_no, "
        u"source = excluded.source, active = 1, updated_at = excluded.updated_at"_s,
        {u.id, u.username, u.name, u.roles.join(u','), passwordVerifier, u.hallId, u.hallName, u.windowNo,
         source, now, now});
}

Result<QStringList> UserRepository::reopenLocalAccounts(const QString &actorId) {
    QStringList names;
    const QString now = iso(m_clock.nowUtc());
    Status st = m_db.write([&]() -> Status {
        auto q =
            m_db.query(u"UPDATE users SET active = 1, updated_at = ? WHERE source = 'demo' AND active = 0 "
                       u"RETURNING username"_s,
                       {now});
        if (!q.ok())
            return Status(q.error());
        while (q->next())
            names.append(q->value(0).toString());
        q->finish();
        if (auto s = SettingsRepository(m_db, m_clock).openLocalLogin(); !s.ok())
            return s;
        names.sort();
        return m_audit ? m_audit->append({actorId,
                                          u"local_accounts_reopened"_s,
                                          u"accounts.local_login"_s,
                                          {{u"demo_users_enabled"_s, QJsonArray::fromStringList(names)}}})
                       : Status();
    });
    if (!st.ok())
        return Result<QStringList>(st.error());
    return names;
}

Result<bool> UserRepository::localLoginOpen() const {
    const QString absent = u"(absent)"_s;
    auto open = settingValue(m_db, QString::fromLatin1(settingkey::localLogin), absent);
    auto url = settingValue(m_db, QString::fromLatin1(settingkey::platformUrl));
    if (!open.ok())
        return Result<bool>(open.error());
    if (!url.ok())
        return Result<bool>(url.error());
    if (*open != absent)
        return *open == u"on"_s;
    // A database from before accounts.local_login: closed when a real platform is configured.
    const QString u = url->trimmed();
    return u.isEmpty() || isLoopbackHost(QUrl(u).host());
}

Status UserRepository::logout(const User &u) {
    if (!m_audit)
        return {};
    return m_audit->append({u.id, u"logout"_s, u.username, {}});
}

Status UserRepository::rememberPlatformClerk(const QString &id, const QString &name,
                                             const QString &windowNo) {
    const QString now = m_clock.nowUtc().toString(Qt::ISODate);
    return m_db.exec(
        u"INSERT OR IGNORE INTO users (id, username, name, roles, window_no, source, created_at, "
        u"updated_at) VALUES (?, ?, ?, 'clerk', ?, 'platform', ?, ?)"_s,
        {id, id, name, windowNo, now, now});
}

} // namespace windowdesk::storage
