#pragma once
// Decisions at the window: the rules a decision must satisfy, its due dates, and the one transaction that
// writes the case with its items, materials, event, audit row, outbox row and the draft's end.
#include "intaketypes.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/core/result.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <functional>
#include <optional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
class AuditLog;
} // namespace windowdesk::storage

namespace windowdesk::cases {

// Who decides where: carried into every case, notice and outbox body.
struct WindowContext {
    QString clerkId;
    QString clerkName;
    QString windowNo;
    QString hallName;
};

// Problems of the entered data, keyed by where they are shown:
// "applicant.kind", "applicant.name", "applicant.id_number", "applicant.phone", "applicant.entity_name",
// "applicant.uscc",
// "form.<key>", "material.<key>", "decision_reason", "decision_basis", "matter", "materials".
using FieldProblems = QMap<QString, QString>;

struct DueDates {
    std::optional<core::DueDate> promised;
    std::optional<core::DueDate> legal;
    int promisedDays = 0;
    int legalDays = 0;
    std::optional<int> calendarMissingYear; // a year the calendar does not have: dates unknown
    bool provisional() const { return (promised && promised->provisional) || (legal && legal->provisional); }
};

struct SubmittedCase {
    QString localId;
    QString opId;
    QString createdAt;  // RFC 3339 UTC
    QDate acceptedDate; // CST
    DueDates due;       // for accepted cases
    QByteArray payload; // the POST /cases body as queued
};

class CaseService {
    Q_DECLARE_TR_FUNCTIONS(windowdesk::cases::CaseService)
public:
    CaseService(storage::Database &db, const Clock &clock, storage::AuditLog *audit, WindowContext window);

    const WindowContext &window() const { return m_window; }

    // Field checks shown inline as the clerk types (never blocking by themselves).
    static FieldProblems fieldProblems(const Matter &matter, const IntakeDraft &draft, const QDate &today);
    // What blocks `decision` (accepted | correction_required | rejected); empty = it may be taken.
    static FieldProblems decisionProblems(const Matter &matter, const IntakeDraft &draft,
                                          const QString &decision, const QDate &today);
    // The single-field checks, shared with the form widgets.
    static QString checkField(const core::FormField &field, const QJsonValue &value, const QDate &today);

    // Promised and legal due dates counted from `accepted` (a bundle: its own promised limit, the largest
    // legal limit of its items).
    static DueDates dueDates(const Matter &matter, const QDate &accepted,
                             const core::WorkingCalendar &calendar);
    DueDates dueDatesToday(const Matter &matter) const;

    // The POST /cases body (platform-api.md) for this decision.
    QJsonObject caseBody(const QString &localId, const Matter &matter, const IntakeDraft &draft,
                         const QString &createdAt) const;

    // Writes everything in ONE transaction; returns only after COMMIT. `licenseSeenIds`: the licenses_seen
    // rows of the e-licenses attached to this case's materials, linked to the case (case_local_id) in the
    // same transaction, so a crash never keeps the case without its licenses or the reverse. Errors:
    // decision_invalid (message lists the problems), or the storage error (nothing written).
    Result<SubmittedCase> submit(const Matter &matter, const IntakeDraft &draft,
                                 const QList<qint64> &licenseSeenIds = {});
    // A synthetic case (`seed demo-cases`), taken in by the same rules and the same transaction: decided at
    // `decidedAt` (its dates count from that day) and audited as case_seeded by `actorId` with the demo mark,
    // never as case_decided — the sync engine never pushes it to a platform off this machine.
    struct Seeded {
        QDateTime decidedAt;
        QString actorId;
    };
    Result<SubmittedCase> submit(const Matter &matter, const IntakeDraft &draft, const Seeded &seeded);

    // Delivery (送达) or withdrawal of a case: case_event + status + audit + outbox row (kind case_event,
    // path /cases/{case_no}/events, waiting for its case) in one transaction. Errors: not_found,
    // state_conflict (e.g. delivering a rejected case), invalid_argument, or the storage error.
    Result<QString> recordEvent(const QString &caseLocalId, const QString &type, const QString &reason);

    // The clerk's correction of a case the platform refused with 400/422 (sync_message_json): only the given
    // fields change. ONE transaction: the case row, the outbox row replaced under a NEW key with the same
    // local_id (OutboxRepository::replaceRejected) and the audit row (case_changed). Errors: not_found,
    // not_correctable (its latest write was not rejected), or the storage error.
    struct Correction {
        std::optional<QString> applicantName;
        std::optional<QString> idNumber;
        std::optional<QString> phone;
        QJsonObject formValues; // merged over the case's values
    };
    Result<QString> correctRejected(const QString &caseLocalId, const Correction &c);

    // The latest applicant with this id number or USCC from local cases (returning applicant).
    std::optional<ApplicantInput> findReturningApplicant(const QString &idNumberOrUscc) const;

    // Tests: fail the transaction at a named step ("case", "items", "materials", "licenses", "event",
    // "audit", "outbox", "draft") to prove that nothing is left behind.
    void setFailAtStepForTest(QString step) { m_failAt = std::move(step); }

    static QString decisionLabel(const QString &decision); // 受理 / 一次性告知补正 / 不予受理
    static QString statusLabel(const QString &status);

private:
    Result<SubmittedCase> takeIn(const Matter &matter, const IntakeDraft &draft,
                                 const QList<qint64> &licenseSeenIds, const Seeded *seeded);
    // The case row, its items and its materials (inside takeIn's transaction).
    Status writeCaseRows(const Matter &matter, const IntakeDraft &draft, const SubmittedCase &out,
                         bool accepted);
    Status auditDecision(const Matter &matter, const IntakeDraft &draft, const SubmittedCase &out,
                         const Seeded *seeded);
    Status injectFailure(const QString &step, Status st) const;
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    WindowContext m_window;
    QString m_failAt;
};

} // namespace windowdesk::cases
