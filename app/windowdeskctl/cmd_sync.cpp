// `windowdeskctl sync [--user NAME --password-stdin] [--max-seconds N]` (cli.md): one full sync.
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/sync/syncconfig.h>
#include <windowdesk/sync/synclock.h>
#include <windowdesk/sync/syncworker.h>

#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

int failWith(Context &ctx, const QString &key, const QString &code, const QString &message,
             storage::Database *db = nullptr) {
    sync::SyncSummary s;
    if (db) {
        // Nothing was sent: the queue as it stands.
        if (auto st = storage::OutboxRepository(*db, SystemClock::instance()).stats(); st.ok()) {
            s.pending = st->pending;
            s.needsAttention = st->needsAttention;
        }
    }
    s.errors.append(QJsonObject{{u"stream"_s, key}, {u"code"_s, code}, {u"message"_s, message}});
    ctx.printJson(s.toJson());
    return ExitPlatform;
}

int syncCommand(Context &ctx, const QStringList &args) {
    const QString use = u"usage: sync [--user NAME --password-stdin] [--max-seconds N]"_s;
    sync::SyncRunOptions options;
    bool passwordStdin = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--user" && i + 1 < args.size()) {
            options.username = args.at(++i);
        } else if (args.at(i) == u"--password-stdin") {
            passwordStdin = true;
        } else if (args.at(i) == u"--max-seconds" && i + 1 < args.size()) {
            bool ok = false;
            options.maxSeconds = args.at(++i).toInt(&ok);
            if (!ok || options.maxSeconds < 0)
                return ctx.usage(use);
        } else {
            return ctx.usage(use);
        }
    }
    if (!options.username.isEmpty() && !passwordStdin)
        return ctx.usage(u"sync: --user needs --password-stdin"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    auto config = sync::loadSyncConfig(*db, ctx.platformUrl);
    if (!config.ok()) {
        if (config.error().code != u"platform_not_configured"_s) {
            ctx.printError(config.error().message);
            return ExitUsage;
        }
        return failWith(ctx, u"config"_s, config.error().code, config.error().message, db);
    }
    sync::SyncLock lock(db->path());
    if (!lock.tryLock())
        // The queue as it stands (the other sync may be sending some of it): never a made-up 0.
        return failWith(ctx, u"sync"_s, u"sync_in_progress"_s, u"another sync is running on this database"_s,
                        db);
    if (passwordStdin) {
        QTextStream in(stdin);
        options.password = in.readLine();
        while (options.password.endsWith(u'\r'))
            options.password.chop(1);
    }
    const QString service =
        QProcessEnvironment::systemEnvironment().value(u"WINDOWDESK_KEYCHAIN_SERVICE"_s, u"WindowDesk"_s);
    sync::SyncWorker worker(*db, config.value(), SystemClock::instance(),
                            options.username.isEmpty() ? service : QString());
    QObject::connect(&worker, &sync::SyncWorker::progress, &worker, [&ctx](const QString &stream, int n) {
        ctx.printError(u"%1: %2"_s.arg(stream).arg(n));
    });
    // The cause of lost answers at once (they are retried with backoff meanwhile), not only in the summary.
    QObject::connect(&worker, &sync::SyncWorker::problem, &worker,
                     [&ctx](const QString &code, const QString &m) {
                         ctx.printError(u"sync: %1: %2 (retrying)"_s.arg(code, m));
                     });
    ctx.printError(u"sync: pushing the outbox and pulling from the platform…"_s);
    const sync::SyncSummary s = worker.syncAndWait(options);
    if (s.unsupported > 0) // kept locally, not a failure: said plainly (platform-api.md 1.1, "Version")
        ctx.printError(u"sync: "_s + sync::unsupportedNotice(s.unsupported));
    ctx.printJson(s.toJson());
    return s.success() ? ExitOk : ExitPlatform;
}

const CommandRegistrar reg{
    {"sync", "one full sync with the platform (push the outbox, pull changes)", &syncCommand}};

} // namespace
} // namespace windowdesk::cli
