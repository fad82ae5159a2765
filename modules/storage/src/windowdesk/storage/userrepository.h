#pragma once
// Local users and their salted PBKDF2 verifiers; login with lockout (5 failures in 15 minutes → locked 15
// minutes).
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}

namespace windowdesk::storage {
class Database;
class AuditLog;

struct User {
    QString id;
    QString username;
    QString name;
    QStringList roles; // clerk, supervisor, trainer
    QString hallId;
    QString hallName;
    QString windowNo;
    bool hasRole(const QString &r) const { return roles.contains(r); }
};

class UserRepository {
public:
    UserRepository(Database &db, const Clock &clock, AuditLog *audit);
    // Errors: invalid_credentials (message counts remaining attempts), account_locked (message gives the
    // time), every attempt recorded in login_attempts and the audit log.
    Result<User> authenticate(const QString &username, const QString &password);
    Result<User> find(const QString &username) const;
    Status upsert(const User &u, const QString &passwordVerifier, const QString &source);
    Status logout(const User &u);
    // Local accounts (the demo users, accounts that never logged in online) are closed once a platform is
    // configured (see settingsrepository.h). This explicit admin action reopens them: demo users active
    // again, accounts.local_login = on, audited as local_accounts_reopened by `actorId`. Returns the demo
    // users enabled.
    Result<QStringList> reopenLocalAccounts(const QString &actorId);
    // Whether accounts other than those that logged in online may log in here.
    Result<bool> localLoginOpen() const;
    // Another window's clerk as the hall feed names them (the board shows the name): added once, with no
    // password, so the account cannot log in here.
    Status rememberPlatformClerk(const QString &id, const QString &name, const QString &windowNo);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditLog *m_audit;
};

} // namespace windowdesk::storage
