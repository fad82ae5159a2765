// `windowdeskctl validate id|uscc|phone NUMBER`: the intake checks of the window (cli.md).
#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>

using namespace Qt::StringLiterals;

namespace windowdesk::cli {
namespace {

QJsonObject invalidJson(const core::ValidationResult &r) {
    return QJsonObject{{u"valid"_s, false}, {u"reason"_s, r.reason}, {u"message"_s, r.message}};
}

int run(Context &ctx, const QStringList &args) {
    if (args.size() < 2)
        return ctx.usage(u"usage: validate id|uscc|phone NUMBER"_s);
    const QString kind = args.first();
    // A number typed with spaces may arrive as several arguments; white space is not significant.
    const QString number = args.mid(1).join(u' ');
    if (kind == u"id") {
        // "Not in the future" is judged on today's date in China Standard Time.
        const core::ResidentIdResult r = core::validateResidentId(number, SystemClock::instance().todayCst());
        if (!r.valid) {
            QJsonObject o = invalidJson(r);
            if (!r.upgraded.isEmpty())
                o.insert(u"upgraded"_s, r.upgraded);
            ctx.printJson(o);
            return ExitCheckFailed;
        }
        ctx.printJson(QJsonObject{{u"valid"_s, true},
                                  {u"normalized"_s, r.normalized},
                                  {u"birth_date"_s, r.birthDate.toString(Qt::ISODate)},
                                  {u"sex"_s, core::sexName(r.sex)},
                                  {u"region_code"_s, r.regionCode}});
        return ExitOk;
    }
    core::ValidationResult r;
    if (kind == u"uscc")
        r = core::validateUscc(number);
    else if (kind == u"phone")
        r = core::validatePhone(number);
    else
        return ctx.usage(u"validate: unknown kind %1 (id, uscc or phone)"_s.arg(kind));
    if (!r.valid) {
        ctx.printJson(invalidJson(r));
        return ExitCheckFailed;
    }
    ctx.printJson(QJsonObject{{u"valid"_s, true}, {u"normalized"_s, r.normalized}});
    return ExitOk;
}

const CommandRegistrar reg{{"validate", "check a resident ID number, USCC or mobile number (JSON)", &run}};
} // namespace
} // namespace windowdesk::cli
