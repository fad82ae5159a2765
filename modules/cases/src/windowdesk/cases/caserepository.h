#pragma once
// CaseRepository: the read queries on cases that the card rule and the supervision board need (issue 12's
// shape: the only SQL on cases lives here as the intake code moves in). The board reads the unfinished cases
// from board_cases (migration 0008: one narrow row per unfinished case, kept by triggers on cases,
// case_items, case_suspensions and case_events), the suspensions only of the cases it flags; a refresh reads
// it by primary key. Every other statement over `cases` is an index lookup or range, and so is every
// statement of those triggers (explainPlans() shows them all; tests/cases checks it): never a scan of all
// cases.
#include "casecard.h"
#include "noticedata.h"

#include <windowdesk/core/cardcolour.h>
#include <windowdesk/core/casevocabulary.h>
#include <windowdesk/core/result.h>

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QStringList>
#include <QVariant>
#include <array>
#include <functional>
#include <optional>

namespace windowdesk::storage {
class Database;
}

namespace windowdesk::cases {

// One unfinished case as the board sees it.
struct BoardCase {
    QString localId;
    QString caseNo;
    QString windowNo;
    QString clerkId;
    std::optional<QString> department; // of the case's first item; none when the item is unknown
    QString createdAt;                 // RFC 3339 UTC
    QString applicantName;
    QString idMasked;     // masked id number (a desk case), the feed's masked form (hall_feed), or the USCC
    QString phoneMasked;  // masked; empty when none is held (the hall-wide feed carries no phone)
    bool fromDesk = true; // origin desk: full applicant data held here (ApplicantReveal); false: hall feed
    QString status;
    CaseCardFacts facts;
    QDate platformPromisedDue; // shown beside the colour, never used for it
    QDate platformLegalDue;
    bool redFollowupByAt = false; // a follow-up of card red with at <= the board's moment
};

// One of a clerk's cases as My cases lists it: personal data already masked.
struct ClerkCase {
    QString localId;
    QString caseNo;
    QString createdAt; // UTC
    QString acceptedDate;
    QString applicant; // name (entity name for an entity)
    QString idMasked;  // masked id number or USCC
    QString phoneMasked;
    QString matter; // the bundle's name, else the item names joined by 、
    QString status;
    QString decision;
    QDate promisedDue;
    QDate legalDue;
    core::CardColour card = core::CardColour::None;
    // The platform refused the case (400/422): its message and field messages, to be corrected and re-sent.
    bool syncRefused = false;
    QString syncMessage;
    QHash<QString, QString> fieldMessages;
    bool needsCorrection() const { return syncRefused; }
};

// What a correction of a refused case starts from (full data: the clerk's own case, in a dialog).
struct CorrectionSource {
    QString applicantName;
    QString idNumber;
    QString phone;
    QJsonObject formValues;
    QHash<QString, QString> fieldLabels; // field key → label of the item version the case was accepted under
};

// One line of a case's timeline (events, suspensions, follow-ups), oldest first.
struct TimelineEntry {
    QString at;     // RFC 3339 UTC for events and follow-ups, YYYY-MM-DD (CST) for suspension dates
    QString kind;   // created, delivered, withdrawn, suspended, resumed, status_changed, red_card_followup,
                    // suspension_from, suspension_to, followup
    QString detail; // the event's reason: a decision (created) or status (status_changed) as stored, the
                    // suspension's or withdrawal's reason; a follow-up's action and note ("action · note")
    QString by;     // user id when known
    bool fromPlatform = false;
    QString colour;  // a follow-up's card: red | yellow (empty for other entries)
    QString finding; // a follow-up's finding: clerk_error | back_office_delay | … (empty when none)
};

// What a case was decided as, in full (a training drill's sandbox case, scored against the scenario's target
// outcome): its items, each item's materials as marked, the decision and the applicant's data.
struct DecidedCase {
    QString localId;
    QStringList itemCodes;             // in order
    QString decision;                  // accepted, correction_required, rejected
    QHash<QString, QString> materials; // "<item_code>/<material_id>" → paper, electronic, commitment, missing
    QString applicantName;
    QString idNumber;
    QString phone;
    QString createdAt; // UTC
};

// A new desk case's row as CaseService writes it (values normalised; NULL as an invalid QVariant).
struct NewCaseRow {
    QString localId;
    QVariant bundleCode, bundleVersion;
    QString applicantKind; // person | entity
    QString applicantName;
    QString idType;
    QVariant idNumber, phone, entityName, uscc;
    QString formValuesJson;
    QString decision; // also the first status
    QVariant decisionReason, decisionBasis;
    QString clerkId, windowNo;
    QVariant ticketNo, ticketId;
    QString createdAt;    // RFC 3339 UTC (also updated_at)
    QString acceptedDate; // YYYY-MM-DD (CST)
    QVariant promisedDays, legalDays, promisedDue, legalDue;
    bool dueProvisional = false;
};

// One row of case_events.
struct CaseEventRow {
    QString eventId;
    QString caseLocalId;
    QString type;
    QVariant reason;
    QString at;      // RFC 3339 UTC
    QVariant byUser; // NULL: the platform
    QVariant source; // NULL: the column's default (the desk)
};

// What every page of a case starts from.
struct CaseHead {
    QString caseNo; // empty until the platform assigned it
    QString status;
    QString decision;
    QString ticketNo;
    QString createdAt;
    QString origin; // desk | hall_feed
};

// The applicant as held on this machine (full values: the reveal and the returning applicant only).
struct HeldApplicant {
    QString origin; // desk | hall_feed (a hall-feed case holds only masked values)
    QString caseNo;
    QString kind; // person | entity
    QString name;
    QString entityName;
    QString idType;
    QString idNumber;
    QString uscc;
    QString phone;
    // The id number or phone is sealed under a key this process does not hold (no keychain now): the
    // values above are empty, not the applicant's (issue 18 #4).
    bool sealedUnreadable = false;
};

// A case as the platform's feed or a push answer states it (the applier has checked the JSON).
struct PlatformCaseChange {
    QString caseNo;
    std::optional<core::CaseStatus> status; // none: a status this version does not know (keeps the local one)
    QString promisedDue, legalDue;          // YYYY-MM-DD or empty
    int version = 0;
    std::optional<int> extensionDays; // the sum of the extensions' days, when the change lists them
    std::optional<QList<QPair<QString, QString>>> suspensions; // from, to ('' while open), when listed
};

// Another window's case from the hall-wide feed, cached for the board without a full id.
struct HallCaseRow {
    QString localId, caseNo, bundleCode;
    QString applicantName, idMasked;
    core::Decision decision = core::Decision::Accepted;
    core::CaseStatus status = core::CaseStatus::Accepted;
    QString clerkId, clerkName, windowNo, departmentCode;
    QString createdAt;    // RFC 3339 UTC
    QString acceptedDate; // YYYY-MM-DD (CST)
    int promisedDays = 0, legalDays = 0;
    QStringList itemCodes; // at the versions this desk knows; unknown items are left out
    QString at;            // updated_at
};

// A case as it was written, for the steps that follow its intake (the demo hall's back office and ratings).
struct WrittenCase {
    QString localId, createdAt, decision, windowNo, clerkId;
    QDate acceptedDate;
    int promisedDays = 0;
};

class CaseRepository {
public:
    explicit CaseRepository(storage::Database &db);

    // Card facts of the given cases (unknown ids are left out).
    Result<QHash<QString, CaseCardFacts>> cardFacts(const QStringList &localIds) const;
    // K and the other card thresholds of the hall (settings table).
    Result<core::CardSettings> cardSettings() const;
    // The unfinished cases (accepted, in_progress, suspended) decided at or before `at`, with their
    // suspensions and whether a red follow-up exists by `at`; only one window's when `windowNo` is set.
    Result<QList<BoardCase>> openCases(const QDateTime &at,
                                       const std::optional<QString> &windowNo = std::nullopt) const;
    // openCases() restricted to the given cases (a refresh after a pulled page): those of them that are
    // unfinished and decided by `at`; finished or unknown ids are left out.
    Result<QList<BoardCase>> openCasesAmong(const QDateTime &at, const QStringList &localIds) const;
    // The same cases handed one by one to `visit` as they are read, in the same order (the board colours
    // each at once and keeps a single list; openCases() collects them).
    Status forEachOpenCase(const QDateTime &at, const std::optional<QString> &windowNo,
                           const std::function<void(BoardCase &&)> &visit) const;
    Status forEachOpenCaseAmong(const QDateTime &at, const QStringList &localIds,
                                const std::function<void(BoardCase &&)> &visit) const;
    // A clerk's cases for My cases: those decided on `today` (CST) and every unfinished one, newest first.
    Result<QList<ClerkCase>> clerkCases(const QString &clerkId, const QDate &today) const;
    // The moment and note of the case's latest event of `type` (e.g. delivered); none when it has none.
    Result<std::optional<QPair<QDateTime, QString>>> latestEvent(const QString &localId,
                                                                 const QString &type) const;
    // The applicant and form values of a case, with the labels of its form fields. Error not_found.
    Result<CorrectionSource> correctionSource(const QString &localId) const;
    // The most recently written case of this database, in full; none when it holds no case. For a drill's
    // sandbox database (one trainee's cases only), never the hall's.
    Result<std::optional<DecidedCase>> lastDecidedCase() const;
    // Names of the hall's users by id (clerks on the board).
    Result<QHash<QString, QString>> userNames() const;
    // The case's timeline: its events, the platform's suspensions (start and resumption) and the card
    // follow-ups, by time.
    Result<QList<TimelineEntry>> timeline(const QString &localId) const;
    // What a notice of the case says: masked applicant, the item names of the versions it was accepted under,
    // its materials (a bundle's shared material once), due dates. Errors: not_found, or the storage error.
    Result<NoticeData> noticeData(const QString &localId, NoticeKind kind, const QString &hallName,
                                  const QString &clerkName) const;
    // EXPLAIN QUERY PLAN of every statement openCases(), openCasesAmong() and cardFacts() run and of every
    // statement of the triggers on cases, case_items, case_suspensions and case_events (NEW./OLD. values as
    // parameters), one line per plan row ("<statement>: <detail>", "trigger <name> #<n>: <detail>").
    Result<QStringList> explainPlans() const;

    // --- One case (caserepositoryrows.cpp) ---
    // The case's head; none for an unknown id.
    Result<std::optional<CaseHead>> head(const QString &localId) const;
    // The case's events, oldest first: type, at, reason ('' when none).
    Result<QList<std::array<QString, 3>>> events(const QString &localId) const;
    // The applicant held for the case; none for an unknown id.
    Result<std::optional<HeldApplicant>> heldApplicant(const QString &localId) const;
    // The latest case whose applicant has this (normalised) id number or USCC; none when there is none.
    Result<std::optional<HeldApplicant>> latestApplicantWith(const QString &identifier) const;
    // Writes (inside the caller's Database::write transaction):
    Status insertCase(const NewCaseRow &row);
    Status insertItem(const QString &localId, int ord, const QString &itemCode, int itemVersion);
    Status insertMaterial(const QString &localId, const QString &itemCode, const QString &materialId,
                          const QString &status, const QVariant &licenseId, const QVariant &reason);
    Status addEvent(const CaseEventRow &event);
    Status setStatus(const QString &localId, const QString &status, const QString &at);
    // A refused case corrected by its clerk: the applicant and form values, the platform's message cleared.
    Status correctApplicant(const QString &localId, const QString &name, const QVariant &idNumber,
                            const QVariant &phone, const QString &formValuesJson, const QString &at);

    // --- The platform's changes (caserepositorysync.cpp) ---
    // The local case of a platform case: by number, or by local_id while it has no number; '' when none.
    Result<QString> localIdForPlatformCase(const QString &caseNo, const QString &localId) const;
    Result<QString> caseNoOf(const QString &localId) const; // '' while unnumbered or unknown
    // The platform refused the case: its message (JSON) kept for the clerk's correction.
    Status noteSyncMessage(const QString &localId, const QString &messageJson);
    // The years of the open cases' legal due dates (their calendars are needed).
    QList<int> openLegalDueYears() const;
    // Number, status, dates, extensions and suspensions as the platform states them, unless the stored
    // version is newer.
    Status applyPlatformCase(const QString &localId, const PlatformCaseChange &change, const QString &at);
    // Another window's case with its first event and items.
    Status insertHallCase(const HallCaseRow &row);
    // The hall feed's extra fields at the stored version; a hall-feed case's (name, masked id) when given.
    Status applyHallFields(const QString &localId, int version, int extensionDays, const QString &clerkName,
                           const QString &departmentCode,
                           const std::optional<QPair<QString, QString>> &feedApplicant);

    // The platform moved the case on (its back office): the new status with a new remote version, the
    // suspensions added, and a status_changed event from the platform at `at`.
    Status applyBackOfficeStatus(const QString &localId, core::CaseStatus status,
                                 const QList<QPair<QDate, QDate>> &suspensions, const QString &at);
    // The rowid of the newest case (0 when none) and the cases written after such a mark, in order.
    Result<qint64> lastWrittenMark() const;
    Result<QList<WrittenCase>> writtenAfter(qint64 mark) const;

private:
    Status visitOpen(const QDateTime &at, const QString &where, const QVariantList &binds,
                     const std::function<void(BoardCase &&)> &visit) const;

    storage::Database &m_db;
};

} // namespace windowdesk::cases
