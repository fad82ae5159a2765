#include "dutyseeder.h"
#include "dutyappliers.h"
#include "unresolvedrequests.h"

#include <windowdesk/core/calendar.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>

#include <QJsonArray>
#include <QJsonObject>

#include <windowdesk/core/clock.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
struct DemoRequest {
    int daysAgo;
    const char16_t *category;
    const char16_t *description;
    const char16_t *name;
    const char16_t *phone;
    const char16_t *routedTo; // empty: the hall decides
    const char16_t *window;
};
// What citizens in a district hall typically could not get done (invented people, realistic matters).
constexpr DemoRequest kRequests[] = {
    {1, u"no_matching_item", u"想办理个体户“歇业”备案，事项目录里找不到对应事项", u"陈立军", u"13874011203",
     u"区市场监督管理局", u"A01"},
    {3, u"cross_department", u"异地就医备案需民政出具的低保证明，两个部门要求互为前置", u"黄秀兰",
     u"15973122041", u"区医疗保障局", u"A07"},
    {6, u"conditions_unmet", u"灵活就业人员社保补贴申请，因缴费记录差一个月被拒，群众认为系统记录有误",
     u"罗志强", u"18607314456", u"区人力资源和社会保障局", u"A02"},
    {9, u"system_fault", u"不动产登记系统连续两天无法打印证明，群众已跑两次", u"谭美华", u"13755102289",
     u"区自然资源局", u"B01"},
    {12, u"policy_gap", u"新业态（无人零售柜）经营许可无明确政策依据", u"周海涛", u"17775800317", u"",
     u"A07"},
    {15, u"other", u"外籍配偶子女入学材料清单与学校要求不一致", u"易晓燕", u"13907318824", u"区教育局",
     u"A01"},
};
} // namespace

Result<DutySeedReport> DutySeeder::seed(int days) {
    DutySeedReport report;
    const QDateTime now = m_clock.nowUtc();
    for (const DemoRequest &r : kRequests) {
        if (r.daysAgo > std::max(days, 1))
            continue;
        // Recorded at that day's 10:30 CST by that window's clerk, through the window's own service.
        const QDate day = now.toTimeZone(Clock::chinaStandardTime()).date().addDays(-r.daysAgo);
        const FixedClock at(QDateTime(day, QTime(10, 30), Clock::chinaStandardTime()));
        const QString window = QString::fromUtf16(r.window);
        UnresolvedRequestService service(m_db, at, m_audit,
                                         {u"u-demo-"_s + window.toLower(), QString(), window, QString()});
        UnresolvedInput in;
        in.category = QString::fromUtf16(r.category);
        in.description = QString::fromUtf16(r.description);
        in.applicantName = QString::fromUtf16(r.name);
        in.applicantPhone = QString::fromUtf16(r.phone);
        in.routedTo = QString::fromUtf16(r.routedTo);
        // A department the catalog does not have (another hall's catalog): the hall decides.
        if (!in.routedTo.isEmpty() && service.problems(in).contains(u"routed_to"_s))
            in.routedTo.clear();
        // Linked to a seeded case, of that window when it has one (the visit it came from), whose write it
        // waits for: seeded data never leaves for a real platform (the sync engine holds seeded cases and
        // their children).
        auto visit =
            m_db.query(u"SELECT local_id FROM cases WHERE origin = 'desk' ORDER BY window_no = ? DESC, "
                       u"created_at DESC LIMIT 1"_s,
                       {window});
        if (!visit.ok())
            return visit.error();
        in.caseLocalId = visit->next() ? visit->value(0).toString() : QString();
        auto recorded = service.record(in, in.caseLocalId);
        if (!recorded.ok())
            return recorded.error();
        ++report.unresolvedRequests;
    }
    auto checks = seedChecks();
    if (!checks.ok())
        return checks.error();
    report.commitmentChecks = checks.value();
    return report;
}

Result<int> DutySeeder::seedChecks() {
    auto q = m_db.query(
        u"SELECT COALESCE(c.case_no, c.local_id), m.item_code, m.material_id, m.name, c.accepted_date FROM "
        u"cases c "
        u"JOIN case_items i ON i.case_local_id = c.local_id JOIN item_materials m ON m.item_code = "
        u"i.item_code "
        u"AND m.item_version = i.item_version WHERE c.decision = 'accepted' AND c.origin = 'desk' AND "
        u"m.commitment_allowed = 1 ORDER BY c.created_at DESC LIMIT 4"_s);
    if (!q.ok())
        return q.error();
    auto calendar = storage::CalendarRepository(m_db, m_clock).workingCalendar();
    if (!calendar.ok())
        return calendar.error();
    static const char16_t *const kStates[] = {u"open", u"open", u"confirmed", u"false_commitment"};
    const QDate today = m_clock.todayCst();
    QJsonArray page;
    int n = 0;
    while (q->next()) {
        const QString state = QString::fromUtf16(kStates[n]);
        // The second open one is already past its due date; the others are due in 10 working days.
        auto due = core::dueDate(n == 1 ? today.addDays(-20) : today, 10, calendar.value());
        if (!due.ok())
            return due.error();
        QJsonObject check{
            {u"check_id"_s, u"DEMO-CK-%1"_s.arg(n + 1, 3, 10, QChar(u'0'))},
            {u"case_no"_s, q->value(0).toString()},
            {u"item_code"_s, q->value(1).toString()},
            {u"material_id"_s, q->value(2).toString()},
            {u"material_name"_s, q->value(3).toString()},
            {u"due_date"_s, due->date.toString(Qt::ISODate)},
            {u"state"_s, state},
            {u"outcome_note"_s, state == u"confirmed"_s          ? u"现场核验原件，承诺属实"_s
                                : state == u"false_commitment"_s ? u"经营场所与承诺不符"_s
                                                                 : QString()},
            {u"consequence"_s, state == u"false_commitment"_s ? QJsonValue(u"order_fix"_s) : QJsonValue()},
            {u"version"_s, 1},
            {u"updated_at"_s, m_clock.nowUtc().toString(Qt::ISODate)}};
        page.append(check);
        ++n;
    }
    if (page.isEmpty())
        return 0;
    CommitmentCheckStreamApplier applier(m_db, m_clock);
    Result<storage::AppliedPage> applied = storage::AppliedPage{};
    const Status st = m_db.write([&]() -> Status {
        applied = applier.applyPage(page);
        return applied.ok() ? Status() : Status(applied.error());
    });
    if (!st.ok())
        return st.error();
    return applied->applied;
}

} // namespace windowdesk::cases
