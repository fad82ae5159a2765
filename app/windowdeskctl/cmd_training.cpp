// `windowdeskctl training generate [--json]` and `training paper --blueprint FILE --trainee NAME [--seed N]
// [--json]` (cli.md, "Training blueprints"): the question bank generated from the cached catalog, and one
// paper drawn as the competition page draws it — both through training::QuestionBank, the pages' own code.
#include "cli.h"
#include "rules_common.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/training/questionbank.h>

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

const QString kGenerateUsage = u"usage: training generate [--json]"_s;
const QString kPaperUsage = u"usage: training paper --blueprint FILE --trainee NAME [--seed N] [--json]"_s;

// A failed statement: locked or read-only → 6 (by finish()), else the database is damaged (4).
int dbFailure(Context &ctx, const QString &what, const Error &e) {
    ctx.printError(u"training %1: %2"_s.arg(what, e.message));
    return ctx.finish(ExitDamaged);
}

int generate(Context &ctx, const QStringList &args) {
    QStringList rest = args;
    const bool json = rest.removeAll(u"--json"_s) > 0;
    if (!rest.isEmpty())
        return ctx.usage(u"training generate: unexpected argument %1\n"_s.arg(rest.first()) + kGenerateUsage);
    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    training::QuestionBank bank(*db, SystemClock::instance());
    const auto r = bank.generateFromCatalog();
    if (!r)
        return dbFailure(ctx, u"generate"_s, r.error());
    if (json) {
        ctx.printJson(QJsonObject{{u"questions"_s, r->questions},
                                  {u"new"_s, r->added},
                                  {u"retired"_s, r->retired},
                                  {u"by_kind"_s, QJsonObject{{u"single"_s, r->single},
                                                             {u"multiple"_s, r->multiple},
                                                             {u"true_false"_s, r->trueFalse}}}});
    } else {
        ctx.printText(
            u"questions %1 (single %2, multiple %3, true/false %4): %5 new, %6 retired"_s.arg(r->questions)
                .arg(r->single)
                .arg(r->multiple)
                .arg(r->trueFalse)
                .arg(r->added)
                .arg(r->retired));
    }
    return ExitOk;
}

// A whole number 0 … 2^53 − 1 (what JSON carries exactly), decimal digits only.
std::optional<quint64> parseSeed(const QString &s) {
    if (s.isEmpty() || s.size() > 16)
        return std::nullopt;
    for (QChar c : s)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    bool ok = false;
    const quint64 v = s.toULongLong(&ok);
    if (!ok || v > training::kMaxSeed)
        return std::nullopt;
    return v;
}

int paper(Context &ctx, const QStringList &args) {
    QStringList rest = args;
    const bool json = rest.removeAll(u"--json"_s) > 0;
    rules::ParsedArgs a;
    if (!rules::parseArgs(ctx, rest, {u"--blueprint"_s, u"--trainee"_s, u"--seed"_s}, {}, a))
        return ExitUsage;
    if (!a.positional.isEmpty())
        return ctx.usage(u"training paper: unexpected argument %1\n"_s.arg(a.positional.first()) +
                         kPaperUsage);
    if (!a.options.contains(u"--blueprint"_s) || !a.options.contains(u"--trainee"_s))
        return ctx.usage(u"training paper: --blueprint and --trainee are required\n"_s + kPaperUsage);
    const QString trainee = a.options.value(u"--trainee"_s).trimmed();
    if (trainee.isEmpty())
        return ctx.usage(u"training paper: --trainee must name the trainee"_s);
    quint64 seed = 0;
    if (a.options.contains(u"--seed"_s)) {
        const auto s = parseSeed(a.options.value(u"--seed"_s));
        if (!s)
            return ctx.usage(u"training paper: --seed must be a whole number from 0 to 9007199254740991"_s);
        seed = *s;
    } else {
        seed = QRandomGenerator::system()->generate64() & training::kMaxSeed;
    }

    const QString file = a.options.value(u"--blueprint"_s);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return ctx.usage(u"training paper: cannot read blueprint file %1: %2"_s.arg(file, f.errorString()));
    const auto blueprint = training::Blueprint::fromJson(f.readAll());
    if (!blueprint)
        return ctx.usage(
            u"training paper: blueprint file %1 is invalid: %2"_s.arg(file, blueprint.error().message));

    storage::Database *db = ctx.database();
    if (!db)
        return ctx.databaseExitCode();
    training::QuestionBank bank(*db, SystemClock::instance());
    const auto r = bank.drawPaper(blueprint.value(), trainee, seed);
    if (!r)
        return dbFailure(ctx, u"paper"_s, r.error());
    if (const auto *small = std::get_if<training::BankTooSmall>(&r.value())) {
        ctx.printError(u"题库题目不足：第 %1 部分需要 %2 题，可用 %3 题；未抽取试卷"_s.arg(small->section + 1)
                           .arg(blueprint->sections.at(small->section).count)
                           .arg(small->available));
        ctx.printJson(QJsonObject{{u"error"_s, u"bank_too_small"_s},
                                  {u"section"_s, small->section},
                                  {u"available"_s, small->available}});
        return ExitCheckFailed;
    }
    const auto &stored = std::get<training::StoredPaper>(r.value());
    if (json) {
        QJsonArray questions;
        for (const auto &q : stored.paper.questions) {
            QJsonArray order;
            for (int i : q.optionsOrder)
                order.append(i);
            questions.append(QJsonObject{{u"id"_s, q.id},
                                         {u"version"_s, q.version},
                                         {u"section"_s, q.section},
                                         {u"category"_s, q.category},
                                         {u"kind"_s, training::kindName(q.kind)},
                                         {u"points"_s, q.points},
                                         {u"options_order"_s, order}});
        }
        ctx.printJson(QJsonObject{{u"seed"_s, qint64(stored.paper.seed)},
                                  {u"paper_id"_s, stored.paperId},
                                  {u"trainee"_s, stored.trainee},
                                  {u"questions"_s, questions}});
    } else {
        QStringList lines{u"paper %1 for %2, seed %3, %4 questions"_s.arg(stored.paperId, stored.trainee)
                              .arg(stored.paper.seed)
                              .arg(stored.paper.questions.size())};
        for (qsizetype i = 0; i < stored.paper.questions.size(); ++i) {
            const auto &q = stored.paper.questions.at(i);
            lines.append(u"%1. %2 v%3 %4 %5 %6 points"_s.arg(i + 1)
                             .arg(q.id)
                             .arg(q.version)
                             .arg(q.category, training::kindName(q.kind))
                             .arg(q.points));
        }
        ctx.printText(lines.join(u'\n'));
    }
    return ExitOk;
}

int run(Context &ctx, const QStringList &args) {
    const QString sub = args.value(0);
    if (sub == u"generate")
        return generate(ctx, args.mid(1));
    if (sub == u"paper")
        return paper(ctx, args.mid(1));
    return ctx.usage(kGenerateUsage + u"\n"_s + kPaperUsage);
}

const CommandRegistrar reg{
    {"training",
     "question bank and papers: training generate [--json] (the catalog's questions into the bank) | "
     "training "
     "paper --blueprint FILE --trainee NAME [--seed N] [--json] (draw and record one paper)",
     &run}};
} // namespace
} // namespace windowdesk::cli
