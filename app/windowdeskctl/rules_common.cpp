#include "rules_common.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/duedate.h>
#include <windowdesk/storage/calendarrepository.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace windowdesk::cli::rules {

QDate parseDate(const QString &s) {
    static const QRegularExpression re(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (!re.match(s).hasMatch())
        return {};
    return QDate::fromString(s, u"yyyy-MM-dd"_s);
}

std::optional<int> parseCount(const QString &s, int min, int max) {
    static const QRegularExpression re(u"^-?\\d{1,9}$"_s);
    if (!re.match(s).hasMatch())
        return std::nullopt;
    const int v = s.toInt();
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

QDateTime parseMoment(const QString &s) {
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = parseDate(s);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Clock::chinaStandardTime());
        return t;
    }
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), Clock::chinaStandardTime());
    return t;
}

std::optional<core::WorkingCalendar> loadCalendars(Context &ctx, const QString &file, int &exitCode) {
    if (file.isEmpty()) {
        storage::Database *db = ctx.database();
        if (!db) {
            exitCode = ctx.databaseExitCode();
            return std::nullopt;
        }
        auto cal = storage::CalendarRepository(*db).workingCalendar();
        if (!cal) {
            ctx.printError(u"windowdeskctl: cannot read the calendars from the database: "_s +
                           cal.error().message);
            exitCode = ExitDamaged;
            return std::nullopt;
        }
        return cal.value();
    }
    exitCode = ExitUsage;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        ctx.usage(u"cannot read calendar file %1: %2"_s.arg(file, f.errorString()));
        return std::nullopt;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        ctx.usage(u"calendar file %1 is not JSON: %2"_s.arg(file, pe.errorString()));
        return std::nullopt;
    }
    QList<QJsonObject> objects;
    if (doc.isObject()) {
        objects.append(doc.object());
    } else if (doc.isArray()) {
        for (const QJsonValue &v : doc.array()) {
            if (!v.isObject()) {
                ctx.usage(u"calendar file %1: every array element must be a calendar object"_s.arg(file));
                return std::nullopt;
            }
            objects.append(v.toObject());
        }
    } else {
        ctx.usage(u"calendar file %1 is not a calendar object or an array of them"_s.arg(file));
        return std::nullopt;
    }
    core::WorkingCalendar cal;
    for (const QJsonObject &o : std::as_const(objects)) {
        auto y = core::CalendarYear::fromJson(o);
        if (!y) {
            ctx.usage(u"calendar file %1 is invalid: %2"_s.arg(file, y.error().message));
            return std::nullopt;
        }
        if (cal.hasYear(y->year)) {
            ctx.usage(u"calendar file %1 lists the year %2 twice"_s.arg(file).arg(y->year));
            return std::nullopt;
        }
        cal.add(y.value());
    }
    exitCode = ExitOk;
    return cal;
}

int reportCalendarMissing(Context &ctx, const Error &e) {
    const auto year = core::missingCalendarYear(e);
    if (!year)
        return -1;
    ctx.printError(e.message);
    ctx.printJson(QJsonObject{{u"error"_s, u"calendar_missing"_s}, {u"years"_s, QJsonArray{*year}}});
    return ExitCheckFailed;
}

bool parseArgs(Context &ctx, const QStringList &args, const QStringList &known, const QStringList &repeatable,
               ParsedArgs &out) {
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(u"--") || a.size() == 2) {
            out.positional.append(a);
            continue;
        }
        QString name = a;
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = a.indexOf(u'='); eq > 0) {
            name = a.left(eq);
            value = a.mid(eq + 1);
            hasValue = true;
        }
        if (!known.contains(name)) {
            ctx.usage(u"unknown option %1"_s.arg(name));
            return false;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                ctx.usage(u"%1 needs a value"_s.arg(name));
                return false;
            }
            value = args.at(++i);
        }
        if (out.options.contains(name) && !repeatable.contains(name)) {
            ctx.usage(u"%1 given more than once"_s.arg(name));
            return false;
        }
        out.options.insert(name, value);
    }
    return true;
}

} // namespace windowdesk::cli::rules
