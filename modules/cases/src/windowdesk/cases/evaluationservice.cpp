#include "evaluationservice.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/evaluation.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

QStringList EvaluationService::negativeReasons() {
    return {u"等候时间过长"_s, u"工作人员态度不好"_s, u"办事指南不清楚"_s,     u"材料要求不合理"_s,
            u"需要多次跑动"_s, u"办理时间过长"_s,     u"系统故障或设备问题"_s, u"其他"_s};
}

Result<QString> EvaluationService::submit(const EvaluationInput &in) {
    QStringList reasons;
    for (const auto &r : in.reasons)
        if (!r.trimmed().isEmpty())
            reasons << r.trimmed();
    if (auto st = core::validateEvaluation(in.level, reasons); !st.ok())
        return st.error();
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString at = m_clock.nowUtc().toString(Qt::ISODate);
    auto str = [](const QString &s) {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    };
    const QJsonObject body{{u"local_id"_s, localId},
                           {u"case_no"_s, str(in.caseNo)},
                           {u"case_local_id"_s, str(in.caseLocalId)},
                           {u"ticket_no"_s, str(in.ticketNo)},
                           {u"window_no"_s, in.windowNo},
                           {u"clerk_id"_s, in.clerkId},
                           {u"level"_s, in.level},
                           {u"reasons"_s, QJsonArray::fromStringList(reasons)},
                           {u"comment"_s, in.comment.trimmed()},
                           {u"channel"_s, u"window_device"_s},
                           {u"at"_s, at}};
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    Status st = m_db.write([&]() -> Status {
        Status s = m_db.exec(
            u"INSERT INTO evaluations (local_id, case_local_id, case_no, ticket_no, window_no, clerk_id, "
            u"level, "
            u"reasons_json, comment, channel, at, updated_at) VALUES (?,?,?,?,?,?,?,?,COALESCE(?, ''),'window_device',?,?)"_s,
            {localId, in.caseLocalId.isEmpty() ? QVariant() : QVariant(in.caseLocalId),
             in.caseNo.isEmpty() ? QVariant() : QVariant(in.caseNo),
             in.ticketNo.isEmpty() ? QVariant() : QVariant(in.ticketNo), in.windowNo, in.clerkId, in.level,
             QString::fromUtf8(
                 QJsonDocument(QJsonArray::fromStringList(reasons)).toJson(QJsonDocument::Compact)),
             in.comment.trimmed(), at, at});
        if (!s.ok())
            return s;
        auto op = storage::OutboxRepository(m_db, m_clock)
                      .enqueue({u"evaluation"_s, localId, in.caseLocalId, u"/evaluations"_s, payload});
        return op.ok() ? Status() : Status(op.error());
    });
    if (!st.ok())
        return st.error();
    return localId;
}

} // namespace windowdesk::cases
