// `windowdeskctl outbox [--json]` (cli.md): the writes not yet acknowledged, oldest first, masked.
// On a damaged database (sync-rules.md rule 9) the file is copied aside, a warning names the copy, every
// outbox row that can still be read is listed all the same, and the exit status is 4.
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/outboxsalvage.h>

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

// quick_check's findings (its first lines), empty when the file is sound.
QString quickCheck(storage::Database &db) {
    QSqlQuery q(db.sql());
    if (!q.exec(u"PRAGMA quick_check"_s))
        return q.lastError().databaseText().isEmpty() ? q.lastError().text() : q.lastError().databaseText();
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (q.lastError().isValid())
        problems.append(q.lastError().databaseText());
    if (problems == QStringList{u"ok"_s})
        return {};
    const QStringList lines = problems.join(u'\n').split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(0, 3).join(u"; "_s);
}

storage::OutboxEntry readRow(const QSqlQuery &q) {
    storage::OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.opId = q.value(1).toString();
    e.kind = q.value(2).toString();
    e.localId = q.value(3).toString();
    e.state = q.value(4).toString();
    e.attempts = q.value(5).toInt();
    e.createdAt = q.value(6).toString();
    e.nextAttemptAt = q.value(7).toString();
    e.lastError = q.value(8).toString();
    return e;
}

const QString kRowColumns =
    u"seq, op_id, kind, local_id, state, attempts, created_at, next_attempt_at, last_error"_s;

// The unacknowledged rows of a damaged file, as many as can be read: one scan, and if the scan breaks off
// on a bad page, each row looked up alone by its seq (rows on sound pages still come back). `unreadable`
// counts the rows that could not be read.
QList<storage::OutboxEntry> salvage(storage::Database &db, int *unreadable) {
    *unreadable = 0;
    QList<storage::OutboxEntry> out;
    {
        QSqlQuery q(db.sql());
        if (q.exec(u"SELECT "_s + kRowColumns + u" FROM outbox WHERE state <> 'done' ORDER BY seq"_s)) {
            while (q.next())
                out.append(readRow(q));
            if (!q.lastError().isValid())
                return out;
        }
    }
    out.clear();
    // The highest seq: AUTOINCREMENT keeps it in sqlite_sequence (another b-tree); else the table's own.
    qint64 maxSeq = 0;
    for (const QString &sql :
         {u"SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"_s, u"SELECT max(seq) FROM outbox"_s}) {
        QSqlQuery q(db.sql());
        if (q.exec(sql) && q.next())
            maxSeq = qMax(maxSeq, q.value(0).toLongLong());
    }
    QSqlQuery q(db.sql());
    q.prepare(u"SELECT "_s + kRowColumns + u" FROM outbox WHERE seq = ?"_s);
    for (qint64 seq = 1; seq <= maxSeq; ++seq) {
        q.bindValue(0, seq);
        if (!q.exec()) {
            ++*unreadable;
            continue;
        }
        if (q.next()) {
            if (q.value(4).toString() != u"done"_s)
                out.append(readRow(q));
        } else if (q.lastError().isValid()) {
            ++*unreadable;
        }
        q.finish();
    }
    return out;
}

int outbox(Context &ctx, const QStringList &args) {
    bool json = false;
    for (const QString &a : args) {
        if (a == u"--json")
            json = true;
        else
            return ctx.usage(u"usage: outbox [--json]"_s);
    }
    // Rule 9: a damaged file must still show what it owes the platform, so the check is made here, after
    // the open, instead of the open refusing the file.
    storage::OpenOptions options;
    options.skipQuickCheck = true;
    storage::Database *db = ctx.database(options);
    QString damage;
    QList<storage::OutboxEntry> rows;
    if (!db) {
        if (ctx.databaseErrorCode() != u"db_damaged"_s)
            return ctx.databaseExitCode();
        // SQLite cannot open it at all (header or schema page damaged; the open copied it aside and said
        // so): the rows are read from the pages themselves.
        const auto fromPages = storage::salvageOutboxFromPages(ctx.dbPath);
        if (!fromPages.pagesRead)
            return ctx.databaseExitCode();
        ctx.printError(u"以下列出仍可从页面读取的待上报记录 / the outbox rows still readable from the file's "
                       u"pages follow"_s);
        rows = fromPages.rows;
        damage = u"unopenable"_s;
    } else {
        damage = quickCheck(*db);
    }
    if (db && !damage.isEmpty()) {
        const auto copy = storage::Database::copyAside(db->path());
        if (copy.ok())
            ctx.printError(
                u"警告：数据库文件已损坏（%1）。已将其复制到 %2，原文件未删除；以下列出仍可读取的待上报记录。"
                u" / warning: the database %3 is damaged (%1); a copy was saved as %2 and the "
                u"original was kept. The outbox rows that can still be read follow."_s.arg(
                    damage, copy.value(), db->path()));
        else
            ctx.printError(
                u"警告：数据库文件已损坏（%1），且无法复制备份：%2 / warning: the database is damaged "
                u"(%1) and could not be copied aside: %2"_s.arg(damage, copy.error().message));
        int unreadable = 0;
        rows = salvage(*db, &unreadable);
        if (unreadable > 0)
            ctx.printError(u"%1 条待上报记录无法读取 / %1 outbox rows could not be read"_s.arg(unreadable));
    } else if (db) {
        auto all = storage::OutboxRepository(*db, SystemClock::instance()).unacknowledged();
        if (!all.ok()) {
            ctx.printError(all.error().message);
            return ExitDamaged;
        }
        rows = std::move(all).value();
    }
    QJsonArray entries;
    QString text;
    for (const auto &e : rows) {
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
    return damage.isEmpty() ? ExitOk : ExitDamaged;
}

const CommandRegistrar reg{{"outbox", "the writes not yet acknowledged by the platform", &outbox}};

} // namespace
} // namespace windowdesk::cli
