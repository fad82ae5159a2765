// `windowdeskctl catalog count | search QUERY [--limit N] | import FILE` (cli.md).
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

// Like the GUI's first start: without a platform, an empty database holds the embedded demo hall.
storage::Database *openCatalog(Context &ctx, int &exitCode) {
    storage::Database *db = ctx.database();
    if (!db) {
        exitCode = ctx.databaseExitCode();
        return nullptr;
    }
    if (auto r = storage::DemoHall::loadIfNeeded(*db, SystemClock::instance()); !r) {
        ctx.printError(u"demo hall: %1"_s.arg(r.error().message));
        exitCode = ExitDamaged;
        return nullptr;
    }
    return db;
}

int count(Context &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usage(u"usage: catalog count"_s);
    int exitCode = ExitOk;
    storage::Database *db = openCatalog(ctx, exitCode);
    if (!db)
        return exitCode;
    const auto c = storage::CatalogRepository(*db).counts();
    if (!c) {
        ctx.printError(c.error().message);
        return ExitDamaged;
    }
    ctx.printJson(QJsonObject{{u"items"_s, c->items}, {u"bundles"_s, c->bundles}});
    return ExitOk;
}

int search(Context &ctx, const QStringList &args) {
    QString query;
    bool haveQuery = false;
    int limit = storage::CatalogSearch::kDefaultLimit;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--limit") {
            bool ok = false;
            limit = i + 1 < args.size() ? args.at(i + 1).toInt(&ok) : 0;
            if (!ok || limit < 1 || limit > 1000)
                return ctx.usage(u"catalog search: --limit takes a whole number from 1 to 1000"_s);
            ++i;
        } else if (!haveQuery) {
            query = args.at(i);
            haveQuery = true;
        } else {
            return ctx.usage(u"usage: catalog search QUERY [--limit N]"_s);
        }
    }
    if (!haveQuery)
        return ctx.usage(u"usage: catalog search QUERY [--limit N]"_s);
    int exitCode = ExitOk;
    storage::Database *db = openCatalog(ctx, exitCode);
    if (!db)
        return exitCode;
    auto setting = storage::SettingsRepository(*db, SystemClock::instance())
                       .value(QString::fromLatin1(storage::settingkey::windowNo));
    const QString windowNo = setting.ok() ? setting.value() : QString();
    storage::CatalogSearch searcher(*db);
    QElapsedTimer timer;
    timer.start();
    const auto hits = searcher.search(query, windowNo, limit);
    const double elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    if (!hits) {
        ctx.printError(hits.error().message);
        return ExitDamaged;
    }
    QJsonArray results;
    for (const auto &h : hits.value())
        results.append(
            QJsonObject{{u"code"_s, h.code}, {u"name"_s, h.name}, {u"department"_s, h.department}});
    ctx.printJson(
        QJsonObject{{u"results"_s, results}, {u"elapsed_ms"_s, std::round(elapsedMs * 1000) / 1000}});
    return ExitOk;
}

int import(Context &ctx, const QStringList &args) {
    if (args.size() != 1)
        return ctx.usage(u"usage: catalog import FILE"_s);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    storage::CatalogImporter importer(*db, SystemClock::instance());
    const auto r = importer.importFile(args.first());
    if (!r) {
        ctx.printError(u"catalog import: %1"_s.arg(r.error().message));
        // A statement that failed (sql) is judged by finish(): locked or read-only → 6, else damage (4).
        return r.error().code == u"sql" || !db->lockProblem().isEmpty() ? ExitDamaged : ExitUsage;
    }
    QJsonArray rejected;
    for (const auto &x : r->rejected)
        rejected.append(
            QJsonObject{{u"record"_s, x.recordKey}, {u"field"_s, x.field}, {u"message"_s, x.message}});
    ctx.printJson(QJsonObject{{u"upserted"_s, r->upserted},
                              {u"ignored"_s, r->ignored},
                              {u"deleted"_s, r->deleted},
                              {u"rejected"_s, rejected}});
    return r->rejected.isEmpty() ? ExitOk : ExitCheckFailed;
}

int run(Context &ctx, const QStringList &args) {
    const QString sub = args.value(0);
    if (sub == u"count")
        return count(ctx, args.mid(1));
    if (sub == u"search")
        return search(ctx, args.mid(1));
    if (sub == u"import")
        return import(ctx, args.mid(1));
    return ctx.usage(u"usage: catalog count | catalog search QUERY [--limit N] | catalog import FILE"_s);
}

const CommandRegistrar reg{
    {"catalog",
     "service catalog: catalog count | catalog search QUERY [--limit N] | catalog import FILE (a file in the "
     "GET /catalog/items page format: items, and bundles if present; all or nothing)",
     &run}};
} // namespace
} // namespace windowdesk::cli
