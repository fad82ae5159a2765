#include "unresolvedrequests.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/personaldata.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

UnresolvedRequestService::UnresolvedRequestService(storage::Database &db, const Clock &clock,
                                                   storage::AuditLog *audit, WindowContext window)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
    , m_window(std::move(window)) {}

int UnresolvedRequestService::replyDays() const {
    return int(
        storage::settingNumber(m_db, QString::fromLatin1(kUnresolvedReplyDaysKey), kDefaultReplyDays, 1, 60));
}

FieldProblems UnresolvedRequestService::problems(const UnresolvedInput &in) const {
    FieldProblems p;
    if (in.category.isEmpty())
        p.insert(u"category"_s, tr("Choose what kind of matter could not be done"));
    else if (!core::unresolvedCategoryFromString(in.category))
        p.insert(u"category"_s, tr("Unknown category: %1").arg(in.category));
    const QString description = in.description.trimmed();
    if (description.isEmpty())
        p.insert(u"description"_s, tr("Describe what the citizen needed"));
    else if (description.size() > kMaxDescription)
        p.insert(u"description"_s,
                 tr("At most %1 characters (now %2)").arg(kMaxDescription).arg(description.size()));
    const QString name = in.applicantName.trimmed();
    if (name.isEmpty())
        p.insert(u"applicant.name"_s, tr("Enter the citizen's name"));
    else if (name.size() > kMaxName)
        p.insert(u"applicant.name"_s, tr("The name has at most %1 characters").arg(kMaxName));
    if (in.applicantPhone.trimmed().isEmpty()) {
        p.insert(u"applicant.phone"_s, tr("Enter a mobile number for the reply"));
    } else {
        const core::ValidationResult v = core::validatePhone(in.applicantPhone);
        if (!v.valid)
            p.insert(u"applicant.phone"_s, v.message);
    }
    if (!in.routedTo.isEmpty()) {
        auto departments = this->departments();
        if (departments.ok() && !departments->contains(in.routedTo))
            p.insert(u"routed_to"_s, tr("No department of the catalog is called %1").arg(in.routedTo));
    }
    return p;
}

Result<QDate> UnresolvedRequestService::replyDue(const QDateTime &created) const {
    auto calendar = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    if (!calendar.ok())
        return calendar.error();
    auto due = core::dueDate(core::cstDate(created), replyDays(), calendar.value());
    if (!due.ok())
        return due.error();
    return due->date;
}

QJsonObject UnresolvedRequestService::body(const QString &localId, const UnresolvedInput &in,
                                           const WindowContext &window, const QString &createdAt) {
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    return QJsonObject{
        {u"local_id"_s, localId},
        {u"category"_s, in.category},
        {u"description"_s, in.description.trimmed()},
        {u"applicant"_s, QJsonObject{{u"name"_s, in.applicantName.trimmed()},
                                     {u"phone"_s, core::normalizePhone(in.applicantPhone)}}},
        {u"routed_to"_s, orNull(in.routedTo)},
        {u"case_local_id"_s, orNull(in.caseLocalId)},
        {u"evaluation_local_id"_s, orNull(in.evaluationLocalId)},
        {u"clerk_id"_s, window.clerkId},
        {u"window_no"_s, window.windowNo},
        {u"created_at"_s, createdAt},
    };
}

Result<QString> UnresolvedRequestService::record(const UnresolvedInput &in, const QString &waitFor) {
    const FieldProblems p = problems(in);
    if (!p.isEmpty())
        return Error{u"invalid_argument"_s, p.first()};
    const QDateTime now = m_clock.nowUtc();
    auto due = replyDue(now);
    if (!due.ok())
        return due.error();
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString createdAt = now.toString(Qt::ISODate);
    const QByteArray payload =
        QJsonDocument(body(localId, in, m_window, createdAt)).toJson(QJsonDocument::Compact);
    const QString phone = core::normalizePhone(in.applicantPhone);
    const auto orNull = [](const QString &s) {
        return s.isEmpty() ? QVariant() : QVariant(s);
    };
    const Status st = m_db.write([&]() -> Status {
        Status s = m_db.exec(
            u"INSERT INTO unresolved_requests (local_id, category, description, "
            u"applicant_name, applicant_phone, "
            u"routed_to, case_local_id, evaluation_local_id, clerk_id, window_no, "
            u"created_at, reply_due, updated_at) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {localId, in.category, in.description.trimmed(), in.applicantName.trimmed(),
             storage::PersonalData(m_db).seal(phone, storage::pdcolumn::unresolvedPhone, localId),
             orNull(in.routedTo), orNull(in.caseLocalId), orNull(in.evaluationLocalId), m_window.clerkId,
             m_window.windowNo, createdAt, due->toString(Qt::ISODate), createdAt});
        // Who recorded what for whom: the phone masked (the audit log is no place for personal data).
        if (s.ok() && m_audit)
            s = m_audit->append({m_window.clerkId, u"unresolved_request_recorded"_s, localId,
                                 QJsonObject{{u"category"_s, in.category},
                                             {u"routed_to"_s, in.routedTo},
                                             {u"phone"_s, core::maskPhone(phone)},
                                             {u"case"_s, in.caseLocalId},
                                             {u"evaluation"_s, in.evaluationLocalId}}});
        if (!s.ok())
            return s;
        auto op =
            storage::OutboxRepository(m_db, m_clock)
                .enqueue({u"unresolved_request"_s, localId, waitFor, u"/unresolved-requests"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

Result<QList<UnresolvedRow>> UnresolvedRequestService::list(const QDateTime &at) const {
    auto q = m_db.query(
        u"SELECT r.local_id, COALESCE(r.request_no, ''), r.category, r.description, r.applicant_name, "
        u"r.applicant_phone, COALESCE(r.routed_to, ''), COALESCE(r.case_local_id, ''), "
        u"COALESCE(r.evaluation_local_id, ''), r.clerk_id, r.window_no, r.created_at, r.reply_due, r.state, "
        u"r.origin, (SELECT o.state FROM outbox o WHERE o.local_id = r.local_id AND o.kind = "
        u"'unresolved_request' "
        u"ORDER BY o.seq DESC LIMIT 1) FROM unresolved_requests r ORDER BY r.created_at DESC"_s);
    if (!q.ok())
        return q.error();
    const QDate today = core::cstDate(at);
    const storage::PersonalData pd(m_db); // the phone is sealed at rest (migration 0014)
    QList<UnresolvedRow> rows;
    while (q->next()) {
        UnresolvedRow r;
        r.localId = q->value(0).toString();
        r.requestNo = q->value(1).toString();
        r.category = q->value(2).toString();
        r.description = q->value(3).toString();
        r.applicantName = q->value(4).toString();
        r.applicantPhone = pd.open(q->value(5), storage::pdcolumn::unresolvedPhone, r.localId);
        r.routedTo = q->value(6).toString();
        r.caseLocalId = q->value(7).toString();
        r.evaluationLocalId = q->value(8).toString();
        r.clerkId = q->value(9).toString();
        r.windowNo = q->value(10).toString();
        r.createdAt = QDateTime::fromString(q->value(11).toString(), Qt::ISODate);
        r.replyDue = QDate::fromString(q->value(12).toString(), Qt::ISODate);
        r.state = q->value(13).toString();
        r.origin = q->value(14).toString();
        r.syncState = q->value(15).toString();
        const auto state = core::unresolvedStateFromString(r.state);
        r.overdue = state && !core::isFinished(*state) && r.replyDue.isValid() && today > r.replyDue;
        rows.append(r);
    }
    return rows;
}

Result<QStringList> UnresolvedRequestService::departments() const {
    auto q = m_db.query(u"SELECT DISTINCT department FROM service_items WHERE is_current = 1 AND deleted = 0 "
                        u"ORDER BY department"_s);
    if (!q.ok())
        return q.error();
    QStringList out;
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

} // namespace windowdesk::cases
