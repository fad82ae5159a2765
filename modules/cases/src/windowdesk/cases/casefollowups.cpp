#include "casefollowups.h"
#include "caserepository.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/syncstaterepository.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

PlatformApiSupport platformApiSupport(storage::Database &db, const Clock &clock) {
    const QString v =
        storage::SyncStateRepository(db, clock).state(QString::fromLatin1(storage::kPlatformApiVersionState));
    if (v.isEmpty())
        return PlatformApiSupport::Unknown;
    return v == u"1.0"_s ? PlatformApiSupport::Unsupported : PlatformApiSupport::Supported;
}

CaseFollowupService::CaseFollowupService(storage::Database &db, const Clock &clock, storage::AuditLog *audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit) {}

QStringList CaseFollowupService::findings() {
    return {u"clerk_error"_s, u"back_office_delay"_s, u"applicant_delay"_s, u"system_fault"_s, u"other"_s};
}

Result<QString> CaseFollowupService::record(const QStringList &roles, const QString &userId,
                                            const FollowupInput &in) {
    if (!roles.contains(u"supervisor"_s))
        return Error{u"forbidden"_s, u"只有大厅负责人可以登记督办"_s};
    if (in.card != u"red"_s && in.card != u"yellow"_s)
        return Error{u"invalid_argument"_s, u"只有红牌和黄牌办件需要督办"_s};
    if (!findings().contains(in.finding))
        return Error{u"invalid_argument"_s, u"请选择督办结论"_s};
    const QString action = in.action.trimmed();
    if (action.isEmpty())
        return Error{u"invalid_argument"_s, u"请填写处理措施"_s};
    auto head = CaseRepository(m_db).head(in.caseLocalId);
    if (!head.ok())
        return head.error();
    if (!head.value())
        return Error{u"not_found"_s, u"没有这个办件"_s};
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    const QString note = in.note.trimmed().isNull() ? u""_s : in.note.trimmed(); // NOT NULL column
    // The exact body, the same on every attempt (sync-rules.md rule 2).
    const QByteArray payload = QJsonDocument(QJsonObject{{u"local_id"_s, localId},
                                                         {u"card"_s, in.card},
                                                         {u"finding"_s, in.finding},
                                                         {u"action"_s, action},
                                                         {u"note"_s, note},
                                                         {u"by"_s, userId},
                                                         {u"at"_s, at}})
                                   .toJson(QJsonDocument::Compact);
    const Status st = m_db.write([&]() -> Status {
        Status s =
            m_db.exec(u"INSERT INTO card_followups (case_local_id, colour, note, by_user, at, local_id, "
                      u"finding, action, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'local')"_s,
                      {in.caseLocalId, in.card, note, userId, at, localId, in.finding, action});
        if (s.ok() && m_audit)
            s = m_audit->append(
                {userId, u"case_followup_recorded"_s, in.caseLocalId,
                 QJsonObject{{u"followup"_s, localId}, {u"card"_s, in.card}, {u"finding"_s, in.finding}}});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"case_followup"_s, localId, in.caseLocalId, u"/cases/{case_no}/followups"_s,
                                payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

} // namespace windowdesk::cases
