// `windowdeskctl audit verify`: walks the audit chain; exit 4 naming the lowest bad sequence number.
// `audit re-anchor`: hall IT anchors a database moved to this machine (or keychain) again, after verifying
// it. `audit append --action A [--user ID] [--target T] [--details JSON]` appends one row (scripts and
// tests).
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

int verify(Context &ctx) {
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    const auto report = audit.verify();
    if (!report.ok()) {
        ctx.printJson(
            {{u"ok"_s, false}, {u"error"_s, report.error().code}, {u"message"_s, report.error().message}});
        ctx.printError(report.error().message);
        return ExitDamaged;
    }
    QJsonObject out{{u"ok"_s, report->ok()},
                    {u"rows"_s, report->rows},
                    {u"anchor_checked"_s, report->anchorChecked},
                    {u"anchor"_s, storage::anchorStatusCode(report->anchor)},
                    {u"first_bad_seq"_s, report->chainOk ? QJsonValue() : QJsonValue(report->firstBadSeq)},
                    {u"records"_s, report->recordsJson()}};
    if (!report->message.isEmpty())
        out.insert(u"message"_s, report->message);
    ctx.printJson(out);
    if (!report->ok()) {
        ctx.printError(report->message);
        for (const QString &p : report->recordProblems)
            if (p != report->message)
                ctx.printError(p);
        return ExitDamaged;
    }
    if (!report->anchorChecked)
        ctx.printError(u"警告 / warning: "_s + report->message);
    return ExitOk;
}

// An admin's action on the machine (like `settings set`): verifies the whole chain and the records it vouches
// for, refuses on any tampering (exit 4) or without a keychain (exit 5, as `login`), then anchors the chain
// under this keychain's new key, recording the old and the new anchor in an audit_reanchored row.
int reanchor(Context &ctx) {
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    const QString who = qEnvironmentVariable("USER");
    const auto r = audit.reanchor(u"windowdeskctl:"_s + (who.isEmpty() ? u"unknown"_s : who));
    if (!r.ok()) {
        ctx.printJson(
            {{u"reanchored"_s, false}, {u"error"_s, r.error().code}, {u"message"_s, r.error().message}});
        ctx.printError(r.error().message);
        if (!db->lockProblem().isEmpty())
            return ExitCannotWrite;
        return r.error().code == u"keychain_unavailable"_s ? ExitPlatform : ExitDamaged;
    }
    ctx.printJson({{u"reanchored"_s, r->reanchored},
                   {u"previous"_s, storage::anchorStatusCode(r->before)},
                   {u"rows"_s, r->rows},
                   {u"head_seq"_s, r->reanchored ? QJsonValue(r->headSeq) : QJsonValue()},
                   {u"old_anchor"_s, r->oldAnchor.isEmpty() ? QJsonValue() : QJsonValue(r->oldAnchor)},
                   {u"key_ref"_s, r->keyRef}});
    if (!r->reanchored)
        ctx.printError(
            u"审计锚点已由本机钥匙串校验，无需重新锚定 / the audit anchor already checks under this "
            u"keychain; nothing changed"_s);
    return ExitOk;
}

int append(Context &ctx, QStringList args) {
    storage::AuditEntry e;
    while (!args.isEmpty()) {
        const QString opt = args.takeFirst();
        if (args.isEmpty())
            return ctx.usage(u"%1 needs a value"_s.arg(opt));
        const QString value = args.takeFirst();
        if (opt == u"--action") {
            e.action = value;
        } else if (opt == u"--user") {
            e.userId = value;
        } else if (opt == u"--target") {
            e.target = value;
        } else if (opt == u"--details") {
            const QJsonDocument d = QJsonDocument::fromJson(value.toUtf8());
            if (!d.isObject())
                return ctx.usage(u"--details must be a JSON object"_s);
            e.details = d.object();
        } else {
            return ctx.usage(u"unknown option %1"_s.arg(opt));
        }
    }
    if (e.action.isEmpty())
        return ctx.usage(u"audit append needs --action"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*db, SystemClock::instance(), &keychain);
    if (auto st = audit.append(e); !st.ok()) {
        ctx.printError(st.error().message);
        return ExitDamaged;
    }
    return ExitOk;
}

int run(Context &ctx, const QStringList &args) {
    QStringList rest = args;
    rest.removeAll(u"--json"_s);
    if (rest.value(0) == u"verify" && rest.size() == 1)
        return verify(ctx);
    if (rest.value(0) == u"re-anchor" && rest.size() == 1)
        return reanchor(ctx);
    if (rest.value(0) == u"append")
        return append(ctx, rest.mid(1));
    return ctx.usage(u"usage: windowdeskctl audit verify | audit re-anchor"_s);
}

const CommandRegistrar reg{
    {"audit",
     "audit verify: walk the audit chain (JSON; exit 4 naming the first bad row); audit re-anchor: anchor a "
     "database moved to this machine or keychain again after verifying it all (audited; exit 4 on tampering, "
     "5 "
     "without a keychain)",
     &run}};
} // namespace
} // namespace windowdesk::cli
