#pragma once
// Append-only audit log with a hash chain: h_i = SM3(h_{i-1} || canonical(entry_i)), h_0 = SM3("WindowDesk
// audit v1"), canonical = the entry's fields (seq, at, user_id, action, target, details) as compact UTF-8
// JSON with sorted keys. The head is anchored by HMAC-SM3(latest h) under a key held in the system keychain
// (SecretStore).
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace windowdesk {
class Clock;
class SecretStore;
} // namespace windowdesk

namespace windowdesk::storage {
class Database;

struct AuditEntry {
    QString userId;      // who (may be empty for system actions)
    QString action;      // login, login_failed, logout, case_created, case_decided, unmasked_view, export,
                         // settings_changed…
    QString target;      // what (a case local id, a setting key; never an unmasked id number)
    QJsonObject details; // extra facts, masked
};

struct AuditVerifyReport {
    bool chainOk = true;
    qint64 firstBadSeq = 0; // lowest seq missing, altered or out of place (first cut one for a cut tail)
    qint64 rows = 0;
    bool anchorChecked = false; // false when no keychain: the tail cannot be checked
    QString message;
};

class AuditLog {
public:
    // secrets may be null (no keychain): entries are chained, the anchor is not written.
    AuditLog(Database &db, const Clock &clock, SecretStore *secrets);
    // Appends inside the caller's transaction when one is open (so a business write and its audit row commit
    // together), otherwise in its own BEGIN IMMEDIATE transaction.
    Status append(const AuditEntry &entry);
    Result<AuditVerifyReport> verify() const;

    // The chain's building blocks, public so tests and tools can recompute them independently.
    static QByteArray genesisHash(); // h_0 = SM3("WindowDesk audit v1")
    static QByteArray canonical(qint64 seq, const QString &at, const QString &userId, const QString &action,
                                const QString &target, const QByteArray &detailsJson);
    static QByteArray canonicalJson(const QJsonValue &v); // compact, object keys sorted by UTF-16 code units
    // Keychain entry of this database's anchor key: "audit-anchor-key/<hash of the absolute path>".
    QString anchorKeyRef() const;

private:
    Result<QByteArray> anchorKey(const QString &ref, bool create) const;

    Database &m_db;
    const Clock &m_clock;
    SecretStore *m_secrets;
    bool m_warnedNoAnchor = false;
};

} // namespace windowdesk::storage
