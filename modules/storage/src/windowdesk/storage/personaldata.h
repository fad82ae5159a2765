#pragma once
// Personal data at rest (issue 18 #4): the columns that hold full id numbers and phones — cases'
// applicant_id_number, applicant_phone and form_values_json (and their copies in board_cases), the outbox
// payloads and the drafts' state, and (0014) the 跨省通办 receipts' applicant_id_number and applicant_phone
// and the 办不成事 requests' applicant_phone, and the platform's answers kept in outbox.response_json — are
// sealed with AES-256-GCM under a per-database key held in the system keychain (SecretStore entry
// "personal-data-key/<key_id>", key_id in the table personal_data_key). A sealed value is the text
// "wdpd1:<base64(nonce || ciphertext || tag)>", its AAD the column and the row's id, so a value moved to
// another row or column does not open. Lookups by id number use a blind index (HMAC-SHA256 under a second key
// derived from the same secret), never the sealed column.
//
// Without a keychain (or before the key is known) values are written in clear — never silently: the login
// screen's status bar, `db check` and the writing commands say so — and sealed, audited
// (personal_data_sealed), the next time a program holds the key (sealClearRows()).
//
// The key is registered per database FILE for the whole process (every connection to the file, including
// the sync worker's, seals and opens with it); PersonalData(db) looks it up.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <memory>

namespace windowdesk {
class Clock;
class SecretStore;
} // namespace windowdesk

namespace windowdesk::storage {
class AuditLog;
class Database;

// The columns, as AAD names.
namespace pdcolumn {
inline constexpr char idNumber[] = "cases.applicant_id_number";
inline constexpr char phone[] = "cases.applicant_phone";
inline constexpr char formValues[] = "cases.form_values_json";
inline constexpr char outboxPayload[] = "outbox.payload";
inline constexpr char draftState[] = "drafts.state_json";
// Migration 0014: the hall duties' copies of the applicant (their rows' ids are local_id).
inline constexpr char crossProvinceIdNumber[] = "cross_province_receipts.applicant_id_number";
inline constexpr char crossProvincePhone[] = "cross_province_receipts.applicant_phone";
inline constexpr char unresolvedPhone[] = "unresolved_requests.applicant_phone";
// The platform's answer kept with a done or refused write: the 1.1 records echo the applicant in full.
inline constexpr char outboxResponse[] = "outbox.response_json";
} // namespace pdcolumn

class PersonalData {
public:
    explicit PersonalData(const Database &db);

    bool unlocked() const { return m_keys != nullptr; }
    // What to store: sealed when the key is known, else the clear value itself (clear-text mode). Null and
    // empty values stay as they are.
    QVariant seal(const QVariant &clear, const char *column, const QString &rowId) const;
    QByteArray sealBytes(const QByteArray &clear, const char *column, const QString &rowId) const;
    // The clear value of a stored one: a sealed value is opened, a clear one returned as is. A sealed value
    // that cannot be opened (no key, another key, altered bytes) gives an empty string and `*locked` true.
    QString open(const QVariant &stored, const char *column, const QString &rowId,
                 bool *locked = nullptr) const;
    QByteArray openBytes(const QByteArray &stored, const char *column, const QString &rowId,
                         bool *locked = nullptr) const;
    // Blind index of a normalised id number: hex HMAC-SHA256; NULL when the key is not known.
    QVariant blindIndex(const QString &normalizedId) const;

    static bool isSealed(const QString &stored);
    static bool isSealed(const QByteArray &stored);

    // --- The key ---
    // "personal-data-key/<key_id>" of this database; empty when it has no key yet.
    static QString keyRef(const Database &db);
    // Makes the key known for the database's file in this process. A database without a key row gets one
    // for `keyId` (the caller wrote the secret to the keychain first). Errors: personal_data_key_mismatch
    // (the secret is not this database's key), or the storage error.
    static Status install(Database &db, const QString &keyId, const QByteArray &secret);
    // The synchronous path (windowdeskctl, tests): the key from `secrets`, created there (and written before
    // anything is sealed with it) when the database has none; then sealClearRows(). `secrets` may be null
    // (no keychain). Returns the state, as status() does. `mayWrite` false (`db check`): the key is only
    // read, never made, nothing is sealed, and the state has its counts.
    static QJsonObject unlock(Database &db, SecretStore *secrets, AuditLog *audit, bool mayWrite = true);
    // Seals every clear value of the columns above (the code step of migration 0012), in one transaction,
    // audited (personal_data_sealed, counts only), then truncates the WAL so no clear copy stays in it.
    // Needs the key; returns how many values were sealed (0: nothing was clear).
    static Result<qint64> sealClearRows(Database &db, AuditLog *audit);
    // The state for `db check` and the login notice: {"state": encrypted | clear_no_keychain |
    // key_missing | key_mismatch | locked_no_keychain, "clear_values": n, "sealed_values": n,
    // "message": "..."}. "clear_no_keychain": written in clear for want of a keychain (a warning);
    // "key_missing"/"key_mismatch": sealed values whose key this keychain does not hold (they cannot be
    // read); "locked_no_keychain": sealed values and no keychain now.
    // The counts (full scans) only `withCounts`.
    static QJsonObject status(const Database &db, const QString &keyProblem = {}, bool withCounts = false);
    // Forgets the key of the database's file (tests; a program ends anyway).
    static void forget(const Database &db);
    // Whether a system keychain can be asked at all (a session bus on Linux).
    static bool keychainReachable();

    struct Keys;

private:
    std::shared_ptr<const Keys> m_keys;
};

} // namespace windowdesk::storage
