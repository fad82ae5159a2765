#include "syncrun.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/syncstaterepository.h>

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

QJsonObject SyncSummary::toJson() const {
    return QJsonObject{
        {u"pushed"_s, pushed},
        {u"pulled"_s, QJsonObject{{u"items"_s, items},
                                  {u"bundles"_s, bundles},
                                  {u"case_changes"_s, caseChanges},
                                  {u"evaluation_changes"_s, evaluationChanges},
                                  {u"hall_case_changes"_s, hallCaseChanges},
                                  {u"queue_events"_s, queueEvents}}},
        {u"pending"_s, pending},
        {u"needs_attention"_s, needsAttention},
        {u"unsupported"_s, unsupported},
        {u"notices"_s, unsupported > 0 ? QJsonArray{unsupportedNotice(unsupported)} : QJsonArray()},
        {u"errors"_s, errors}};
}

QString unsupportedNotice(int count) {
    // Every kind of the 1.1 additions lands here (follow-ups, callbacks, appeals, 跨省通办 receipts …).
    return u"平台暂不支持：%1 条 1.1 版新增记录（督办、回访、申诉、跨省通办等）已保存在本地，登录 1.1 "
           u"版平台后再发送"
           u" / the platform (1.0) does not support %1 record(s) of the 1.1 additions: kept locally, sent "
           u"after "
           u"a login to a 1.1 platform"_s.arg(count);
}

QString platformApiVersion(storage::Database &db, const Clock &clock) {
    return storage::SyncStateRepository(db, clock).state(
        QString::fromLatin1(storage::kPlatformApiVersionState));
}

SyncRun::SyncRun(storage::Database &database, const Clock &c, const SyncConfig &cfg, ApiClient &client)
    : db(database)
    , clock(c)
    , config(cfg)
    , api(client)
    , m_rng(QRandomGenerator::system()->generate64()) {}

Status SyncRun::guardedWrite(const std::function<Status()> &fn) {
    ++writes;
    if (failNthWrite > 0 && writes == failNthWrite)
        return Status::failure(u"test_failure"_s, u"database write %1 failed (injected)"_s.arg(writes));
    return db.write(fn);
}

void SyncRun::addError(const QString &keyName, const QString &key, const QString &code,
                       const QString &message) {
    summary.errors.append(QJsonObject{{keyName, key}, {u"code"_s, code}, {u"message"_s, message}});
}

qint64 SyncRun::backoffMs(int attempts, const QByteArray &retryAfter) {
    const int n = qBound(0, attempts - 1, 30);
    const qint64 ceiling = qMin<qint64>(config.backoffCapMs, config.backoffBaseMs << qMin(n, 20));
    std::uniform_int_distribution<qint64> dist(0, qMax<qint64>(0, ceiling));
    qint64 delay = dist(m_rng);
    const qint64 ra = retryAfterMs(retryAfter, clock.nowUtc());
    if (ra >= 0)
        delay = qMax(delay, ra);
    return delay;
}

} // namespace windowdesk::sync
