#include "hallseeder.h"
#include "caserepository.h"
#include "crossprovinceseeder.h"
#include "democaseseeder.h"

#include "ticketeventseeder.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {

struct Clerk {
    QString id, username, name, window;
};

// The demo hall's windows; A07 is the demo clerk's own window (db/demo/users.json).
const QList<Clerk> kClerks = {
    {u"u-hall-a01"_s, u"hall.a01"_s, u"陈静"_s, u"A01"_s},
    {u"u-hall-a02"_s, u"hall.a02"_s, u"刘洋"_s, u"A02"_s},
    {u"u-hall-a03"_s, u"hall.a03"_s, u"周敏"_s, u"A03"_s},
    {u"u-demo-clerk"_s, u"clerk"_s, u"李娜"_s, u"A07"_s},
    {u"u-hall-b01"_s, u"hall.b01"_s, u"黄磊"_s, u"B01"_s},
    {u"u-hall-b02"_s, u"hall.b02"_s, u"吴芳"_s, u"B02"_s},
};

const QStringList kBadReasons = {u"等候时间过长"_s, u"一次性告知不清楚"_s, u"服务态度不好"_s,
                                 u"办理时间超过承诺时限"_s, u"材料要求反复变化"_s};

int pickLevel(QRandomGenerator &rng) {
    const int r = int(rng.bounded(100));
    return r < 55 ? 5 : r < 80 ? 4 : r < 90 ? 3 : r < 96 ? 2 : 1;
}

// A case the windows just took in, as the back office and the citizen's rating see it.
using NewCase = WrittenCase;

// A citizen's rating of the visit on the window's device: the evaluations row and its outbox write.
Status rateVisit(storage::Database &db, const Clock &clock, storage::OutboxRepository &outbox,
                 const WrittenCase &c, const QDateTime &created, QRandomGenerator &rng,
                 HallSeedReport &report) {
    QDateTime ratedAt = created.addSecs(60 + rng.bounded(600));
    if (ratedAt > clock.nowUtc())
        ratedAt = clock.nowUtc();
    const int level = pickLevel(rng);
    QStringList reasons;
    if (level <= 2)
        reasons << kBadReasons.at(int(rng.bounded(kBadReasons.size())));
    const QString localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString atText = ratedAt.toString(Qt::ISODate);
    const QJsonObject body{{u"local_id"_s, localId},
                           {u"case_no"_s, QJsonValue(QJsonValue::Null)},
                           {u"case_local_id"_s, c.localId},
                           {u"ticket_no"_s, QJsonValue(QJsonValue::Null)},
                           {u"window_no"_s, c.windowNo},
                           {u"clerk_id"_s, c.clerkId},
                           {u"level"_s, level},
                           {u"reasons"_s, QJsonArray::fromStringList(reasons)},
                           {u"comment"_s, QString()},
                           {u"channel"_s, u"window_device"_s},
                           {u"at"_s, atText}};
    // Two of three 差评 are given with the citizen's name (实名: a callback is required); counted, not drawn,
    // so the random sequence of the rest of the hall stays as it was.
    const bool realName = level <= 2 && report.badEvaluations % 3 != 2;
    Status s = db.exec(
        u"INSERT INTO evaluations (local_id, case_local_id, window_no, clerk_id, level, "
        u"reasons_json, comment, channel, at, updated_at, real_name) "
        u"VALUES (?,?,?,?,?,?,'','window_device',?,?,?)"_s,
        {localId, c.localId, c.windowNo, c.clerkId, level,
         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(reasons)).toJson(QJsonDocument::Compact)),
         atText, atText, realName ? 1 : 0});
    if (!s.ok())
        return s;
    auto op = outbox.enqueue({u"evaluation"_s, localId, c.localId, u"/evaluations"_s,
                              QJsonDocument(body).toJson(QJsonDocument::Compact)});
    if (!op.ok())
        return op.error();
    ++report.evaluations;
    report.badEvaluations += level <= 2 ? 1 : 0;
    return {};
}

// The hall's clerks (demo users without a password: they cannot log in here).
Status addClerks(storage::Database &db, const Clock &clock) {
    const QString now = clock.nowUtc().toString(Qt::ISODate);
    return db.write([&]() -> Status {
        for (const Clerk &c : kClerks) {
            Status s = db.exec(u"INSERT OR IGNORE INTO users (id, username, name, roles, hall_id, hall_name, "
                               u"window_no, source, created_at, updated_at) VALUES (?, ?, ?, 'clerk', "
                               u"'430104-ZWFW', '长沙市岳麓区政务服务中心', ?, 'demo', ?, ?)"_s,
                               {c.id, c.username, c.name, c.window, now, now});
            if (!s.ok())
                return s;
        }
        return {};
    });
}

} // namespace

Result<HallSeedReport> HallSeeder::seed(const HallSeedOptions &options) {
    HallSeedReport report;
    QRandomGenerator rng =
        options.seed ? QRandomGenerator(quint32(options.seed)) : QRandomGenerator::securelySeeded();
    Status st = addClerks(m_db, m_clock);
    if (!st.ok())
        return st.error();

    CaseRepository cases(m_db);
    auto mark = cases.lastWrittenMark();
    if (!mark.ok())
        return mark.error();

    // 1. The windows take the cases in, as the window does.
    for (qsizetype w = 0; w < kClerks.size(); ++w) {
        SeedOptions o;
        o.count = options.count / int(kClerks.size()) + (w < options.count % kClerks.size() ? 1 : 0);
        if (o.count == 0)
            continue;
        o.days = options.days;
        o.seed = rng.generate64() | 1;
        o.clerkId = kClerks[w].id;
        o.windowNo = kClerks[w].window;
        o.actorId = options.actorId;
        auto r = DemoCaseSeeder(m_db, m_clock, m_audit).seed(o);
        if (!r.ok())
            return r.error();
        report.cases += r->cases;
        report.catalogLoaded = report.catalogLoaded || r->catalogLoaded;
        ++report.windows;
    }

    // 2. The back office moves them on, as the cases feed would bring it (not queued: it is the platform's).
    auto cal = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    if (!cal.ok())
        return cal.error();
    const QDate today = m_clock.todayCst();
    auto written = cases.writtenAfter(mark.value());
    if (!written.ok())
        return written.error();
    const QList<WrittenCase> &made = written.value();
    storage::OutboxRepository outbox(m_db, m_clock);
    constexpr qsizetype kBatch = 500;
    for (qsizetype at = 0; at < made.size(); at += kBatch) {
        st = m_db.write([&]() -> Status {
            for (qsizetype i = at; i < std::min(made.size(), at + kBatch); ++i) {
                const WrittenCase &c = made[i];
                const QDateTime created = QDateTime::fromString(c.createdAt, Qt::ISODate);
                if (c.decision == core::toString(core::Decision::Accepted)) {
                    if (Status s = backOffice(c.localId, created, c.acceptedDate, c.promisedDays, today,
                                              cal.value(), rng, report);
                        !s.ok())
                        return s;
                }
                // About half of the citizens rate the visit on the window's device.
                if (rng.bounded(2) == 0) {
                    if (Status s = rateVisit(m_db, m_clock, outbox, c, created, rng, report); !s.ok())
                        return s;
                }
            }
            return {};
        });
        if (!st.ok())
            return st.error();
    }

    // 3. The queue's month: ticket events of the same days (about 1.5 tickets a case, at least 20 a day).
    const int perDay = options.ticketsPerDay >= 0
                           ? options.ticketsPerDay
                           : std::max(20, options.count * 3 / 2 / std::max(1, options.days * 5 / 7));
    if (perDay > 0) {
        auto tickets = seedTicketEvents(m_db, m_clock, options.days, perDay, rng);
        if (!tickets.ok())
            return tickets.error();
        report.tickets = tickets->tickets;
        report.ticketEvents = tickets->events;
    }

    // 4. 跨省通办 receipts (issue 16): through CrossProvinceService and the outbox, as each window's own.
    QList<WindowContext> windows;
    for (const Clerk &c : kClerks)
        windows.append({c.id, c.name, c.window, u"长沙市岳麓区政务服务中心"_s});
    auto receipts = seedCrossProvinceReceipts(m_db, m_clock, windows, options.days, rng);
    if (!receipts.ok())
        return receipts.error();
    report.crossProvinceReceipts = receipts->receipts;
    report.crossProvinceForwarded = receipts->forwarded;
    return report;
}

Status HallSeeder::backOffice(const QString &localId, const QDateTime &created, const QDate &accepted,
                              int promisedDays, const QDate &today, const core::WorkingCalendar &calendar,
                              QRandomGenerator &rng, HallSeedReport &report) {
    const auto due = core::dueDate(accepted, promisedDays, calendar);
    const bool pastDue = due.ok() && today > due->date;
    const qint64 age = accepted.daysTo(today);
    using core::CaseStatus;
    CaseStatus status = CaseStatus::Accepted;
    QList<QPair<QDate, QDate>> suspensions; // from, to (invalid while open)
    const int r = int(rng.bounded(100));
    if (pastDue) {
        // Most cases past their promised date were finished (in time); the rest are the board's cards.
        status = r < 55   ? CaseStatus::Delivered
                 : r < 85 ? CaseStatus::Completed
                 : r < 95 ? CaseStatus::InProgress
                          : CaseStatus::Suspended;
    } else if (age >= 1) {
        status = r < 70   ? CaseStatus::InProgress
                 : r < 80 ? CaseStatus::Completed
                 : r < 85 ? CaseStatus::Suspended
                          : CaseStatus::Accepted;
    }
    if (status == CaseStatus::Suspended && age >= 1) {
        suspensions.append(
            {std::min(today, accepted.addDays(1 + rng.bounded(std::max<qint64>(1, age)))), QDate()});
    } else if (status == CaseStatus::Suspended) {
        status = CaseStatus::Accepted;
    } else if (age >= 3 && rng.bounded(8) == 0) {
        // A specialist review that is over: 1-7 days within the case's life so far.
        const QDate from = accepted.addDays(1 + rng.bounded(age - 1));
        suspensions.append({from, std::min(today, from.addDays(1 + rng.bounded(7)))});
    }
    if (status == CaseStatus::Accepted && suspensions.isEmpty())
        return {};
    const QDateTime changed =
        std::min(m_clock.nowUtc(), created.addSecs(3600 + rng.bounded(age * 86400 + 1)));
    if (Status s = CaseRepository(m_db).applyBackOfficeStatus(localId, status, suspensions,
                                                              changed.toString(Qt::ISODate));
        !s.ok())
        return s;
    report.inProgress += status == CaseStatus::InProgress ? 1 : 0;
    report.suspended += status == CaseStatus::Suspended ? 1 : 0;
    report.finished += status == CaseStatus::Completed || status == CaseStatus::Delivered ? 1 : 0;
    return {};
}

} // namespace windowdesk::cases
