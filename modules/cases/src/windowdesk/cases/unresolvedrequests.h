#pragma once
// 办不成事 反映窗口 (product.md §7, platform-api.md 1.1 "办不成事"): what a citizen needed and could not get
// done at the window, recorded by any clerk from any page, routed to a department of the catalog, linked to
// the case or evaluation of the visit, given a reply deadline (the hall setting duties.unresolved_reply_days,
// 5 working days by default) and followed to its end (open → routed → resolved / explained → closed, from
// GET /unresolved-requests/changes). Written with its audit row and its outbox row (kind unresolved_request,
// POST /unresolved-requests, a local_id) in one transaction; against a 1.0 platform the row stays local and
// the outbox keeps it as `unsupported` (平台暂不支持).
#include "caseservice.h"

#include <windowdesk/core/hallduties.h>
#include <windowdesk/core/result.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
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

// The hall setting of the reply limit (working days; 1–60, validated and audited by storage's settings path).
inline constexpr char kUnresolvedReplyDaysKey[] = "duties.unresolved_reply_days";

struct UnresolvedInput {
    QString category; // core::UnresolvedCategory as text
    QString description;
    QString applicantName;
    QString applicantPhone;
    QString routedTo;          // a department of the catalog; empty: not routed by the window
    QString caseLocalId;       // the visit's case, if any
    QString evaluationLocalId; // … or its evaluation
};

struct UnresolvedRow {
    QString localId;
    QString requestNo; // empty until the platform acknowledged it
    QString category;
    QString description;
    QString applicantName;
    QString applicantPhone; // full: lists show core::maskPhone of it
    QString routedTo;
    QString caseLocalId;
    QString evaluationLocalId;
    QString clerkId;
    QString windowNo;
    QDateTime createdAt;
    QDate replyDue;
    QString state;
    bool overdue = false; // not answered (open or routed) after its reply date (CST)
    QString
        syncState; // the outbox row: pending | … | done | needs_attention | unsupported; empty: from the feed
    QString origin; // local | platform
};

class UnresolvedRequestService {
    Q_DECLARE_TR_FUNCTIONS(windowdesk::cases::UnresolvedRequestService)
public:
    static constexpr int kDefaultReplyDays = 5;
    static constexpr int kMaxDescription = 500;
    static constexpr int kMaxName = 50;

    UnresolvedRequestService(storage::Database &db, const Clock &clock, storage::AuditLog *audit,
                             WindowContext window);

    // Problems of the input by field ("category", "description", "applicant.name", "applicant.phone",
    // "routed_to"), each a specific message; empty: it may be recorded.
    FieldProblems problems(const UnresolvedInput &in) const;
    // The reply deadline of a request made at `created`: the hall's working days after its CST date.
    Result<QDate> replyDue(const QDateTime &created) const;
    int replyDays() const;
    // Records it: the row, its audit row (phone masked) and its outbox row in one transaction; returns the
    // local_id after COMMIT. Errors: invalid_argument (the first problem's message), or the storage error.
    // `waitFor`: a case whose acknowledgement the request's write waits for (the seeder's requests wait for
    // their seeded case, so that the sync engine keeps them off a real platform as it keeps the case).
    Result<QString> record(const UnresolvedInput &in, const QString &waitFor = {});
    // The requests of the hall (every window's, newest first), overdue flagged at `at`.
    Result<QList<UnresolvedRow>> list(const QDateTime &at) const;
    // The departments a request may be routed to: those of the current catalog, sorted.
    Result<QStringList> departments() const;
    // The POST /unresolved-requests body.
    static QJsonObject body(const QString &localId, const UnresolvedInput &in, const WindowContext &window,
                            const QString &createdAt);

private:
    storage::Database &m_db;
    const Clock &m_clock;
    storage::AuditLog *m_audit;
    WindowContext m_window;
};

} // namespace windowdesk::cases
