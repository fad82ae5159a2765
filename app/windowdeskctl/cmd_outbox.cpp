// `windowdeskctl outbox [--json]` (cli.md): the writes not yet acknowledged, oldest first, masked.
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

int outbox(Context &ctx, const QStringList &args) {
    bool json = false;
    for (const QString &a : args) {
        if (a == u"--json")
            json = true;
        else
            return ctx.usage(u"usage: outbox [--json]"_s);
    }
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    auto rows = storage::OutboxRepository(*db, SystemClock::instance()).unacknowledged();
    if (!rows.ok()) {
        ctx.printError(rows.error().message);
        return ExitDamaged;
    }
    QJsonArray entries;
    QString text;
    for (const auto &e : rows.value()) {
        // Error texts may quote the server's field messages: masked like every other output.
        const QString lastError = core::maskPersonalDataInText(e.lastError);
        entries.append(QJsonObject{
            {u"op_id"_s, e.opId},
            {u"kind"_s, e.kind},
            {u"local_id"_s, e.localId},
            {u"state"_s, e.state},
            {u"attempts"_s, e.attempts},
            {u"created_at"_s, e.createdAt},
            {u"next_attempt_at"_s,
             e.nextAttemptAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.nextAttemptAt)},
            {u"last_error"_s, lastError.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(lastError)}});
        text += u"%1  %2  %3  %4  attempts=%5  %6\n"_s.arg(e.createdAt, e.kind, e.opId, e.state)
                    .arg(e.attempts)
                    .arg(lastError);
    }
    if (json)
        ctx.printJson(QJsonObject{{u"entries"_s, entries}});
    else
        ctx.printText(entries.isEmpty() ? u"outbox empty: every write is acknowledged"_s : text.trimmed());
    return ExitOk;
}

const CommandRegistrar reg{{"outbox", "the writes not yet acknowledged by the platform", &outbox}};

} // namespace
} // namespace windowdesk::cli
