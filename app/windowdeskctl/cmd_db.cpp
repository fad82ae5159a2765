// `windowdeskctl db check`: integrity_check, schema version and audit-chain verification, as one JSON object.
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/personaldata.h>

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

int check(Context &ctx) {
    // No quick_check at open: this command reports damage itself (with the full integrity_check).
    storage::OpenOptions options;
    options.skipQuickCheck = true;
    options.busyTimeoutMs = ctx.busyTimeoutMs;
    auto opened = storage::Database::open(ctx.dbPath, options);
    if (!opened.ok()) {
        ctx.printJson(
            {{u"ok"_s, false}, {u"error"_s, opened.error().code}, {u"message"_s, opened.error().message}});
        ctx.printError(opened.error().message);
        return Context::exitCodeForOpenError(opened.error().code);
    }
    storage::Database &db = *opened.value();

    QStringList problems;
    {
        QSqlQuery q(db.sql());
        if (!q.exec(u"PRAGMA integrity_check"_s)) {
            problems.append(q.lastError().text());
        } else {
            // integrity_check packs several findings into one row, one per line: one array item each.
            while (q.next())
                problems.append(q.value(0).toString().split(u'\n', Qt::SkipEmptyParts));
        }
    }
    const bool integrityOk = problems == QStringList{u"ok"_s};

    storage::KeychainSecretStore keychain;
    const bool reachable = storage::PersonalData::keychainReachable();
    storage::AuditLog audit(db, SystemClock::instance(), &keychain);
    // Personal data at rest (issue 18 #4): sealed under this keychain's key, or clear for want of one
    // (a warning), or sealed under a key this keychain lacks (cannot be read: exit 4). The check only looks:
    // it makes no key and seals nothing (every other command and the GUI do, audited).
    const QJsonObject personalData =
        storage::PersonalData::unlock(db, reachable ? &keychain : nullptr, nullptr, false);
    const QString pdState = personalData.value(u"state"_s).toString();
    const bool personalDataOk = pdState != u"key_missing" && pdState != u"key_mismatch";
    const auto report = audit.verify();
    QJsonObject auditJson;
    bool auditOk = false;
    if (report.ok()) {
        auditOk = report->ok();
        auditJson = {{u"ok"_s, report->ok()},
                     {u"rows"_s, report->rows},
                     {u"anchor_checked"_s, report->anchorChecked},
                     {u"anchor"_s, storage::anchorStatusCode(report->anchor)},
                     {u"records"_s, report->recordsJson()}};
        if (!report->chainOk)
            auditJson.insert(u"first_bad_seq"_s, report->firstBadSeq);
        if (!report->message.isEmpty())
            auditJson.insert(u"message"_s, report->message);
    } else {
        auditJson = {
            {u"ok"_s, false}, {u"error"_s, report.error().code}, {u"message"_s, report.error().message}};
    }

    // sync-rules.md rule 9: a damaged file is copied aside for the record and for recovery, never deleted.
    QString copy;
    if (!integrityOk) {
        auto copied = storage::Database::copyAside(ctx.dbPath);
        if (copied.ok())
            copy = copied.value();
        else
            ctx.printError(copied.error().message);
    }
    QJsonObject out{{u"ok"_s, integrityOk && auditOk && personalDataOk},
                    {u"integrity"_s,
                     integrityOk ? QJsonValue(u"ok"_s) : QJsonValue(QJsonArray::fromStringList(problems))},
                    {u"schema_version"_s, db.schemaVersion()},
                    {u"code_schema_version"_s, storage::Database::codeSchemaVersion()},
                    {u"audit"_s, auditJson},
                    {u"personal_data"_s, personalData}};
    if (!copy.isEmpty())
        out.insert(u"copied_to"_s, copy);
    ctx.printJson(out);
    if (!integrityOk)
        ctx.printError(
            u"数据库完整性检查失败 / integrity_check failed: %1"_s.arg(problems.mid(0, 4).join(u"; "_s)));
    if (!copy.isEmpty())
        ctx.printError(
            u"已将损坏的数据库复制到 %1，原文件未删除；windowdeskctl outbox --json 仍可导出未确认的写入。"
            u" / The damaged database was copied to %1 (the original is kept); `outbox --json` "
            u"still exports the unacknowledged writes."_s.arg(copy));
    if (report.ok() && !report->ok()) {
        ctx.printError(report->message);
        for (const QString &p : report->recordProblems)
            if (p != report->message)
                ctx.printError(p);
    } else if (!report.ok())
        ctx.printError(report.error().message);
    if (report.ok() && report->ok() && !report->anchorChecked)
        ctx.printError(u"警告 / warning: "_s + report->message);
    if (const QString m = personalData.value(u"message"_s).toString(); !m.isEmpty())
        ctx.printError((personalDataOk ? u"警告 / warning: "_s : QString()) + m);
    return integrityOk && auditOk && personalDataOk ? ExitOk : ExitDamaged;
}

int run(Context &ctx, const QStringList &args) {
    const QStringList rest = QStringList(args).filter(QRegularExpression(u"^(?!--json$)"_s));
    if (rest.value(0) == u"check" && rest.size() == 1)
        return check(ctx);
    return ctx.usage(u"usage: windowdeskctl db check"_s);
}

const CommandRegistrar reg{
    {"db", "db check: integrity, schema version and audit chain (JSON; exit 4 on damage)", &run}};
} // namespace
} // namespace windowdesk::cli
