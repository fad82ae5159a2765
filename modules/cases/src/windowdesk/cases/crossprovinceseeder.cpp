#include "crossprovinceseeder.h"

#include "crossprovince.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>

#include <QJsonObject>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace windowdesk::cases {

namespace {
struct Target {
    const char16_t *region;
    const char16_t *authority;
    const char16_t *item;
    QList<CrossProvinceMaterial> materials;
};

const QList<Target> &targets() {
    static const QList<Target> t = {
        {u"440305",
         u"深圳市南山区市场监督管理局",
         u"个体工商户设立登记",
         {{u"个体工商户登记（备案）申请书"_s, 1, u"paper"_s, true},
          {u"经营场所使用证明"_s, 1, u"paper"_s, true},
          {u"经营者身份证明"_s, 1, u"electronic"_s, true}}},
        {u"330100",
         u"杭州市人力资源和社会保障局",
         u"基本养老保险关系转移接续",
         {{u"基本养老保险关系转移接续申请表"_s, 2, u"paper"_s, true},
          {u"参保缴费凭证"_s, 1, u"paper"_s, true}}},
        {u"310115",
         u"上海市浦东新区公安分局",
         u"户口迁移（投靠）",
         {{u"户口迁移申请表"_s, 1, u"paper"_s, true},
          {u"亲属关系证明"_s, 1, u"paper"_s, true},
          {u"居民户口簿"_s, 1, u"paper"_s, true}}},
        {u"500103",
         u"重庆市渝中区民政局",
         u"婚姻登记档案查询",
         {{u"查档申请书"_s, 1, u"paper"_s, true}, {u"居民身份证"_s, 1, u"electronic"_s, true}}},
    };
    return t;
}

// A GB 11643-valid demo id (region of the demo hall, a birth date from the seed, a sequence).
QString demoId(QRandomGenerator &rng) {
    const QDate birth = QDate(1960, 1, 1).addDays(rng.bounded(365 * 40));
    const QString first17 =
        u"430104"_s + birth.toString(u"yyyyMMdd"_s) + u"%1"_s.arg(rng.bounded(1000), 3, 10, QLatin1Char('0'));
    return first17 + core::residentIdCheckCharacter(first17);
}

const QStringList kNames = {u"赵磊"_s, u"钱芳"_s, u"孙强"_s, u"李梅"_s,
                            u"周杰"_s, u"吴静"_s, u"郑浩"_s, u"王丽"_s};
} // namespace

Result<CrossProvinceSeedReport> seedCrossProvinceReceipts(storage::Database &db, const Clock &clock,
                                                          const QList<WindowContext> &windows, int days,
                                                          QRandomGenerator &rng) {
    CrossProvinceSeedReport report;
    storage::AuditLog audit(db, clock, nullptr);
    const int span = qBound(2, days, 10);
    // Two a window; the oldest of all is left unforwarded (late), one is handed back.
    for (qsizetype w = 0; w < windows.size(); ++w) {
        for (int k = 0; k < 2; ++k) {
            const int n = int(w) * 2 + k;
            const Target &t = targets().at(n % targets().size());
            // Taken in `ago` days back at a working hour (CST 09:00-16:59).
            const int ago = span - (n % span);
            FixedClock then(clock.nowUtc()
                                .addDays(-ago)
                                .toTimeZone(Clock::chinaStandardTime())
                                .date()
                                .startOfDay(Clock::chinaStandardTime())
                                .addSecs(3600 * (9 + rng.bounded(8))));
            CrossProvinceInput in;
            in.targetRegion = QString::fromUtf16(t.region);
            in.targetAuthority = QString::fromUtf16(t.authority);
            in.itemName = QString::fromUtf16(t.item);
            in.applicant.name = kNames.at(rng.bounded(int(kNames.size())));
            in.applicant.idNumber = demoId(rng);
            in.applicant.phone = u"138%1"_s.arg(rng.bounded(100000000), 8, 10, QLatin1Char('0'));
            in.materials = t.materials;
            in.handoverMethod = n % 3 == 2 ? u"platform"_s : u"post"_s;
            CrossProvinceService svc(db, then, &audit, windows.at(w));
            auto r = svc.receive(in);
            if (!r.ok())
                return r.error();
            ++report.receipts;
            // Seeded: never sent to a platform off this machine (the outbox pusher's gate).
            if (Status s = audit.append({windows.at(w).clerkId, u"case_seeded"_s, r->localId,
                                         QJsonObject{{u"kind"_s, u"cross_province_receipt"_s}}});
                !s.ok())
                return s.error();
            const bool lateOne = n == 0;
            const bool handedBack = n == 3;
            if (lateOne) {
                ++report.late;
                continue;
            }
            if (ago < 1)
                continue; // today's: not yet due
            then.advanceSecs(3600);
            auto moved =
                handedBack
                    ? svc.recordEvent(r->localId, u"returned_to_applicant"_s, {}, u"申请人撤回"_s)
                    : svc.recordEvent(r->localId, u"forwarded"_s,
                                      u"EMS%1"_s.arg(rng.bounded(1000000000), 9, 10, QLatin1Char('0')));
            if (!moved.ok())
                return moved.error();
            report.forwarded += handedBack ? 0 : 1;
        }
    }
    return report;
}

} // namespace windowdesk::cases
