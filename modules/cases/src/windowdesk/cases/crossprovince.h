#pragma once
// 跨省通办 "收受分离" (product.md §7, platform-api.md 1.1 "跨省通办 异地代收代办"): this window receives a
// matter handled by an authority of another province, checks the materials against that province's list,
// prints a 接收回执 and a 移交清单, forwards the file within one working day and follows the receipt to its
// end. CrossProvinceService holds the rules (validation, forward_due, the client's transitions) and writes
// each receipt and event with its audit row and outbox row in one transaction; CrossProvinceRepository reads
// them for the lists, the notices and the supervisor's hall-wide view. No widgets, no HTTP.
#include "caseservice.h"
#include "intaketypes.h"

#include <windowdesk/core/result.h>

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class AuditLog;
class Database;
} // namespace windowdesk::storage

namespace windowdesk::cases {

// One material as the other province lists it.
struct CrossProvinceMaterial {
    QString name;
    int copies = 1;
    QString form = QStringLiteral("paper"); // paper | electronic
    bool checked = false;                   // the clerk checked it against the list
    bool operator==(const CrossProvinceMaterial &) const = default;
};

struct CrossProvinceInput {
    QString targetRegion; // GB/T 2260 code
    QString targetAuthority;
    QString itemName;
    QString itemCode; // optional
    ApplicantInput applicant;
    QList<CrossProvinceMaterial> materials;
    QString handoverMethod = QStringLiteral("post"); // post | platform
    QString trackingNo;
};

// A stored receipt, as the lists, notices and the supervisor read it: the applicant's id and phone masked
// (the notices print them masked too, as the case notices do).
struct CrossProvinceReceipt {
    QString localId;
    QString receiptNo; // empty until the platform acknowledged it
    QString origin;    // local | platform
    QString targetRegion;
    QString targetRegionName;
    QString targetAuthority;
    QString itemName;
    QString itemCode;
    QString applicantKind;
    QString applicantName;
    QString applicantIdType;
    QString applicantIdMasked;
    QString applicantPhoneMasked;
    QString entityName;
    QString uscc;
    QList<CrossProvinceMaterial> materials;
    QString handoverMethod;
    QString trackingNo;
    QString clerkId;
    QString windowNo;
    QString createdAt;
    QDate forwardDue;
    QString state; // received | forwarded | accepted_by_target | rejected_by_target | completed |
                   // returned_to_applicant
    QString targetCaseNo;
    QJsonArray events;
    int version = 0;
    QString platformMessage;
    QString outboxState; // the receipt's own outbox row: pending | done | unsupported | needs_attention | …
    // Late: still `received` after its forward_due (the supervisor's flag).
    bool lateOn(const QDate &today) const;
};

// The receipt's states in Chinese, as lists and notices show them.
QString crossProvinceStateName(const QString &state);

class CrossProvinceService {
public:
    CrossProvinceService(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                         WindowContext window);

    // Every problem of the input, keyed by where it is shown: "target_region", "target_authority",
    // "item_name", "materials", "material.<index>", "handover_method", "tracking_no", "applicant.<field>".
    // Empty: it may be received. Messages are Chinese and specific.
    static FieldProblems problems(const CrossProvinceInput &input, const QDate &today);
    // The working day after the CST date of `createdAtUtc` (the calendar of the hall; a year the calendar
    // lacks counts Monday to Friday).
    QDate forwardDue(const QDateTime &createdAtUtc) const;

    // Validates and stores the receipt with its audit row and outbox row (POST /cross-province/receipts) in
    // one transaction. Errors: "invalid_argument" (the first problem's message; nothing stored), storage.
    Result<CrossProvinceReceipt> receive(const CrossProvinceInput &input);
    // The client's transitions (platform-api.md): received → forwarded (a tracking number for post: this one,
    // or the one taken at intake), received | rejected_by_target → returned_to_applicant. The local state
    // moves at once; the event waits in the outbox for the receipt's number. Errors: "not_found",
    // "state_conflict" (the state forbids it), "invalid_argument" (type, tracking number), storage.
    Result<CrossProvinceReceipt> recordEvent(const QString &localId, const QString &type,
                                             const QString &trackingNo = {}, const QString &note = {});

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    WindowContext m_window;
};

// A recently used target (region, authority, item) with the materials listed the last time.
struct CrossProvinceRecent {
    QString targetRegion;
    QString targetRegionName;
    QString targetAuthority;
    QString itemName;
    QString itemCode;
    QList<CrossProvinceMaterial> materials;
};

class CrossProvinceRepository {
public:
    CrossProvinceRepository(storage::Database &db, const Clock &clock)
        : m_db(db)
        , m_clock(clock) {}
    // Newest first. windowNo empty: the whole hall (the supervisor's view). Ids and phones masked.
    Result<QList<CrossProvinceReceipt>> list(const QString &windowNo = {}, int limit = 500) const;
    Result<CrossProvinceReceipt> find(const QString &localId) const;
    // The distinct (region, authority, item) this hall used, newest first.
    Result<QList<CrossProvinceRecent>> recent(int limit = 20) const;
    // Receipts still `received` after their forward_due (hall-wide).
    Result<int> lateCount() const;

private:
    storage::Database &m_db;
    const Clock &m_clock;
};

QJsonArray materialsToJson(const QList<CrossProvinceMaterial> &materials);
QList<CrossProvinceMaterial> materialsFromJson(const QJsonArray &array);

} // namespace windowdesk::cases
