#include "ticketeventseeder.h"

#include "ticketevents.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QHash>
#include <QRandomGenerator>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {

struct Category {
    QString name, prefix;
    int weight;
};
// db/demo/queue.json's categories.
const QList<Category> kCategories = {{u"企业开办"_s, u"A"_s, 20},   {u"社保医保"_s, u"B"_s, 30},
                                     {u"不动产登记"_s, u"C"_s, 15}, {u"婚姻户籍"_s, u"D"_s, 15},
                                     {u"工程建设"_s, u"E"_s, 5},    {u"综合受理"_s, u"F"_s, 15}};

struct Desk {
    QString window, clerk;
    QStringList categories;
};
// The hall seeder's windows and clerks (hallseeder.cpp), each serving some categories.
const QList<Desk> kDesks = {
    {u"A01"_s, u"u-hall-a01"_s, {u"企业开办"_s}},
    {u"A02"_s, u"u-hall-a02"_s, {u"企业开办"_s, u"综合受理"_s}},
    {u"A03"_s, u"u-hall-a03"_s, {u"社保医保"_s}},
    {u"A07"_s, u"u-demo-clerk"_s, {u"综合受理"_s, u"企业开办"_s, u"社保医保"_s, u"婚姻户籍"_s}},
    {u"B01"_s, u"u-hall-b01"_s, {u"不动产登记"_s, u"工程建设"_s}},
    {u"B02"_s, u"u-hall-b02"_s, {u"婚姻户籍"_s, u"不动产登记"_s, u"社保医保"_s}},
};

qint64 between(QRandomGenerator &rng, qint64 lo, qint64 hi) {
    return lo + qint64(rng.bounded(quint64(hi - lo + 1)));
}

} // namespace

Result<TicketSeedReport> seedTicketEvents(storage::Database &db, const Clock &clock, int days,
                                          int ticketsPerDay, QRandomGenerator &rng) {
    TicketSeedReport report;
    const qint64 now = clock.nowSecs();
    const QDate today = clock.todayCst();
    int totalWeight = 0;
    for (const Category &c : kCategories)
        totalWeight += c.weight;
    auto pickCategory = [&]() -> const Category & {
        int r = int(rng.bounded(totalWeight));
        for (const Category &c : kCategories) {
            if (r < c.weight)
                return c;
            r -= c.weight;
        }
        return kCategories.constLast();
    };

    QList<TicketEvent> events;
    for (int d = days - 1; d >= 0; --d) {
        const QDate day = today.addDays(-d);
        if (day.dayOfWeek() > 5)
            continue;
        const qint64 open1 = QDateTime(day, QTime(9, 0), Clock::chinaStandardTime()).toSecsSinceEpoch();
        const qint64 open2 = QDateTime(day, QTime(13, 30), Clock::chinaStandardTime()).toSecsSinceEpoch();
        const int n = std::max(1, int(between(rng, ticketsPerDay * 7 / 10, ticketsPerDay * 13 / 10)));
        struct Arrival {
            qint64 at;
            const Category *category;
        };
        QList<Arrival> arrivals;
        for (int i = 0; i < n; ++i) {
            // Morning 09:00-12:00 (10 800 s), afternoon 13:30-17:00 (12 600 s).
            const qint64 off = between(rng, 0, 23399);
            arrivals.append({off < 10800 ? open1 + off : open2 + off - 10800, &pickCategory()});
        }
        std::sort(arrivals.begin(), arrivals.end(),
                  [](const Arrival &a, const Arrival &b) { return a.at < b.at; });
        QHash<QString, int> numbers;
        QList<qint64> freeAt(kDesks.size(), 0);
        for (const Arrival &a : arrivals) {
            if (a.at > now)
                break;
            const QString no =
                a.category->prefix + QString::number(++numbers[a.category->prefix]).rightJustified(3, u'0');
            QList<TicketEvent> t;
            auto add = [&](const QString &type, qint64 at, const QString &category, qsizetype desk,
                           const QString &to = {}) {
                t.append({QString(), no, category, type, desk >= 0 ? kDesks[desk].window : QString(),
                          desk >= 0 ? kDesks[desk].clerk : QString(), to,
                          QDateTime::fromSecsSinceEpoch(at, Qt::UTC)});
            };
            add(u"issued"_s, a.at, a.category->name, -1);
            QString category = a.category->name;
            qint64 readyAt = a.at;
            for (int leg = 0; leg < 2; ++leg) {
                // The window of the category that is free first calls it.
                qsizetype desk = -1;
                for (qsizetype w = 0; w < kDesks.size(); ++w)
                    if (kDesks[w].categories.contains(category) && (desk < 0 || freeAt[w] < freeAt[desk]))
                        desk = w;
                qint64 at = std::max(readyAt + between(rng, 20, 90), freeAt[desk] + between(rng, 5, 40));
                add(u"called"_s, at, category, desk);
                const int r = int(rng.bounded(100));
                if (r < 6) { // not at the window: recalled, then some never come
                    at += between(rng, 60, 120);
                    add(u"recalled"_s, at, category, desk);
                    if (r < 3) {
                        at += between(rng, 60, 180);
                        add(u"no_show"_s, at, category, desk);
                        freeAt[desk] = at;
                        break;
                    }
                } else if (r < 9) {
                    at += between(rng, 90, 180);
                    add(u"no_show"_s, at, category, desk);
                    freeAt[desk] = at;
                    break;
                }
                at += between(rng, 15, 90);
                add(u"started"_s, at, category, desk);
                if (rng.bounded(100) < 8) { // the applicant fetches a paper: held, then resumed
                    at += between(rng, 60, 300);
                    add(u"held"_s, at, category, desk);
                    at += between(rng, 120, 900);
                    add(u"resumed"_s, at, category, desk);
                }
                if (leg == 0 && rng.bounded(100) < 5) { // another category's matter: transferred
                    at += between(rng, 60, 240);
                    QString to = category;
                    while (to == category)
                        to = kCategories.at(int(rng.bounded(kCategories.size()))).name;
                    add(u"transferred"_s, at, category, desk, to);
                    freeAt[desk] = at;
                    category = to;
                    readyAt = at;
                    continue;
                }
                at += between(rng, 180, 1500);
                add(u"done"_s, at, category, desk);
                freeAt[desk] = at;
                break;
            }
            ++report.tickets;
            for (const TicketEvent &e : std::as_const(t))
                if (e.at.toSecsSinceEpoch() <= now) // the rest has not happened yet
                    events.append(e);
        }
    }
    // Appended in time order, as they would have arrived.
    std::stable_sort(events.begin(), events.end(),
                     [](const TicketEvent &a, const TicketEvent &b) { return a.at < b.at; });
    constexpr qsizetype kBatch = 5000;
    for (qsizetype at = 0; at < events.size(); at += kBatch) {
        const Status st = db.write([&]() -> Status {
            for (qsizetype i = at; i < std::min(events.size(), at + kBatch); ++i) {
                auto added = appendTicketEvent(db, events.at(i), u"local"_s);
                if (!added.ok())
                    return added.error();
            }
            return {};
        });
        if (!st.ok())
            return st.error();
    }
    report.events = int(events.size());
    return report;
}

} // namespace windowdesk::cases
