#pragma once
// Append-only audit log with a hash chain: h_i = SM3(h_{i-1} || canonical(entry_i)), h_0 = SM3("WindowDesk
// audit v1"), canonical = the entry's fields (seq, at, user_id, action, target, details) as compact UTF-8
// JSON with sorted keys. The head is anchored by HMAC-SM3(latest h) under a key held in the system keychain
// (SecretStore). The key's keychain entry is named after the database's file (anchorKeyRef()), never after
// anything stored in the database: whoever can write the file must not be able to point the check elsewhere.
// A database whose file has an anchor key, or that holds an anchor row, never verifies without a matching
// anchor; only a database that never had a keychain keeps the 1.0 behaviour (chain only, loud warning).
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <utility>

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

// What became of the anchor check (the JSON "anchor" field of `audit verify` / `db check`).
enum class AnchorStatus {
    Checked,       // the keychain's key vouches for the head (or nothing was written yet)
    NeverAnchored, // no anchor row and no key: written without a keychain (1.0 behaviour, a warning)
    NoKeychain,    // no anchor row and no keychain reachable now (1.0 behaviour, a warning)
    Removed,       // this file has an anchor key but the anchor row is gone (damage)
    KeyMissing,    // an anchor row but no key for this file in the keychain (damage: cannot be vouched for)
    Unverifiable,  // an anchor row but no keychain reachable now (damage: never verifies without it)
    Mismatch,      // the anchor does not match the chain (rows rewritten, or cut off the end)
};
QString anchorStatusCode(AnchorStatus s); // checked, never_anchored, no_keychain, removed, key_missing, ...

struct AuditVerifyReport {
    bool chainOk = true;
    bool linksOk = true;    // every row is in place and hashes to the next (whatever the anchor says)
    qint64 firstBadSeq = 0; // lowest seq missing, altered or out of place (first cut one for a cut tail)
    qint64 rows = 0;
    bool anchorChecked = false; // false when no keychain: the tail cannot be checked
    AnchorStatus anchor = AnchorStatus::Checked;
    QString message;
    // The records the chain vouches for (issue 18 #3): each case's confirmed content against the digest in
    // its latest case_decided / case_seeded / case_changed row, the outbox rows those rows name, and no
    // outbox row deleted (rows are archived, never deleted, so their sequence has no gap).
    bool recordsOk = true;
    qint64 casesChecked = 0;
    QStringList
        recordProblems; // one line each, naming the case local id or outbox op id (never personal data)

    bool ok() const { return chainOk && recordsOk; }
    // {"ok": bool, "cases_checked": n, "problems": [...]} for `audit verify` and `db check`.
    QJsonObject recordsJson() const;
};

// What `audit re-anchor` did (AuditLog::reanchor).
struct ReanchorReport {
    bool reanchored = false; // false: the anchor already checked under this keychain; nothing written
    AnchorStatus before = AnchorStatus::Checked;
    qint64 rows = 0;       // rows verified before anchoring
    qint64 headSeq = 0;    // the new anchor's head: the audit_reanchored row
    QJsonObject oldAnchor; // head_seq, head_hmac, key_ref, at of the anchor replaced (empty: none)
    QString keyRef;        // this file's keychain entry, now holding the new key
};

class AuditLog {
public:
    // secrets may be null (no keychain): entries are chained, the anchor is not written.
    AuditLog(Database &db, const Clock &clock, SecretStore *secrets);
    // Appends inside the caller's transaction when one is open (so a business write and its audit row commit
    // together), otherwise in its own BEGIN IMMEDIATE transaction.
    Status append(const AuditEntry &entry);
    Result<AuditVerifyReport> verify() const;
    // `windowdeskctl audit re-anchor` (an admin's action, for a database moved to another machine or
    // keychain): verifies the whole chain and the records it vouches for, then anchors the chain under a new
    // key in THIS keychain, recording the old and the new anchor in an `audit_reanchored` row by `userId`
    // (the new anchor's head). Refused, nothing written, with error:
    //  keychain_unavailable — no keychain to hold the new key;
    //  audit_tampered       — a row missing, altered or out of place, a case or outbox row changed, or an
    //                         anchor that this keychain's key shows does not match (or was removed).
    // An anchor that already checks is left as it is (reanchored false). The old anchor cannot be checked
    // here (its key stayed behind): the new one vouches for the chain as it is now.
    Result<ReanchorReport> reanchor(const QString &userId);

    // The chain's building blocks, public so tests and tools can recompute them independently.
    static QByteArray genesisHash(); // h_0 = SM3("WindowDesk audit v1")
    static QByteArray canonical(qint64 seq, const QString &at, const QString &userId, const QString &action,
                                const QString &target, const QByteArray &detailsJson);
    static QByteArray canonicalJson(const QJsonValue &v); // compact, object keys sorted by UTF-16 code units
    // SHA-256 (hex) of a case's confirmed content — what was decided, for whom, when, by whom, on which items
    // and materials — as canonical JSON of those columns of cases, case_items and case_materials. Status,
    // case number and due dates (which the platform changes later) are not part of it. Error not_found.
    static Result<QString> caseContentDigest(const Database &db, const QString &localId);
    // Whether a case was made by `seed demo-cases` (its audit row is case_seeded): synthetic, never real.
    static bool isSeededCase(const Database &db, const QString &localId);
    // Keychain entry of this database's anchor key: "audit-anchor-key/<hash of the absolute path>".
    QString anchorKeyRef() const;

private:
    // Inside append's transaction: moves the anchor to (seq, h) unless the anchor in place no longer matches
    // the chain (then it is left for verify() to report: the program never vouches for a tampered chain).
    Result<AuditVerifyReport> verifyChain() const;
    // Inside a write transaction: the next chain row for `entry` at `at`; returns its seq and hash.
    Result<std::pair<qint64, QByteArray>> insertRow(const AuditEntry &entry, const QString &at);
    Status moveAnchor(const Result<QByteArray> &key, bool keyIsNew, qint64 seq, const QByteArray &h,
                      const QString &at);

    Database &m_db;
    const Clock &m_clock;
    SecretStore *m_secrets;
    bool m_warnedNoAnchor = false;
};

} // namespace windowdesk::storage
