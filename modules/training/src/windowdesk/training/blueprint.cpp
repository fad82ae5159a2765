#include "blueprint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <cmath>

using namespace Qt::StringLiterals;

namespace windowdesk::training {

QString policyName(MultiplePolicy p) {
    switch (p) {
    case MultiplePolicy::AllOrNothing:
        return u"all_or_nothing"_s;
    case MultiplePolicy::Proportional:
        return u"proportional"_s;
    case MultiplePolicy::HalfForMissed:
        return u"half_for_missed"_s;
    }
    return {};
}

std::optional<MultiplePolicy> policyFromName(const QString &name) {
    if (name == u"all_or_nothing")
        return MultiplePolicy::AllOrNothing;
    if (name == u"proportional")
        return MultiplePolicy::Proportional;
    if (name == u"half_for_missed")
        return MultiplePolicy::HalfForMissed;
    return std::nullopt;
}

int Blueprint::questionCount() const {
    int n = 0;
    for (const auto &s : sections)
        n += s.count;
    return n;
}

double Blueprint::maxScore() const {
    double m = 0;
    for (const auto &s : sections)
        m += s.count * s.points;
    return m;
}

namespace {
Error invalid(const QString &field, const QString &what) {
    return Error{u"invalid_blueprint"_s, field + u": "_s + what};
}

// A JSON number that is a whole number in [min, max].
std::optional<int> wholeNumber(const QJsonValue &v, int min, int max) {
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < min || d > max)
        return std::nullopt;
    return int(d);
}
} // namespace

Result<Blueprint> Blueprint::fromJson(const QByteArray &json) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{u"invalid_blueprint"_s,
                     u"not JSON: %1 at offset %2"_s.arg(pe.errorString()).arg(pe.offset)};
    if (!doc.isObject())
        return Error{u"invalid_blueprint"_s, u"a blueprint is one JSON object"_s};
    return fromJsonObject(doc.object());
}

Result<Blueprint> Blueprint::fromJsonObject(const QJsonObject &o) {
    Blueprint b;
    const QJsonValue name = o.value(u"name");
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return invalid(u"name"_s, u"expected a non-empty string"_s);
    b.name = name.toString();

    const QJsonValue pass = o.value(u"pass_score");
    if (!pass.isDouble() || !std::isfinite(pass.toDouble()) || pass.toDouble() < 0)
        return invalid(u"pass_score"_s, u"expected a number ≥ 0"_s);
    b.passScore = pass.toDouble();

    const QJsonValue policy = o.value(u"multiple_policy");
    const auto p = policy.isString() ? policyFromName(policy.toString()) : std::nullopt;
    if (!p)
        return invalid(u"multiple_policy"_s,
                       u"expected \"all_or_nothing\", \"proportional\" or \"half_for_missed\""_s);
    b.multiplePolicy = *p;

    const auto limit = wholeNumber(o.value(u"time_limit_s"), 1, 7 * 24 * 3600);
    if (!limit)
        return invalid(u"time_limit_s"_s, u"expected a whole number of seconds from 1 to 604800"_s);
    b.timeLimitS = *limit;

    const QJsonValue sections = o.value(u"sections");
    if (!sections.isArray() || sections.toArray().isEmpty())
        return invalid(u"sections"_s, u"expected a non-empty array of sections"_s);
    const QJsonArray arr = sections.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QString at = u"sections[%1]"_s.arg(i);
        if (!arr.at(i).isObject())
            return invalid(at, u"expected an object"_s);
        const QJsonObject s = arr.at(i).toObject();
        BlueprintSection sec;
        const QJsonValue cat = s.value(u"category");
        if (cat.isString()) {
            if (cat.toString().trimmed().isEmpty())
                return invalid(at + u".category"_s, u"expected a non-empty string or null (any)"_s);
            sec.category = cat.toString();
        } else if (!cat.isNull() && !cat.isUndefined()) {
            return invalid(at + u".category"_s, u"expected a string or null (any)"_s);
        }
        const QJsonValue kind = s.value(u"kind");
        if (kind.isString()) {
            sec.kind = kindFromName(kind.toString());
            if (!sec.kind)
                return invalid(at + u".kind"_s,
                               u"expected \"single\", \"multiple\", \"true_false\" or null (any)"_s);
        } else if (!kind.isNull() && !kind.isUndefined()) {
            return invalid(at + u".kind"_s,
                           u"expected \"single\", \"multiple\", \"true_false\" or null (any)"_s);
        }
        const auto count = wholeNumber(s.value(u"count"), 1, 100000);
        if (!count)
            return invalid(at + u".count"_s, u"expected a whole number from 1 to 100000"_s);
        sec.count = *count;
        const QJsonValue points = s.value(u"points");
        if (!points.isDouble() || !std::isfinite(points.toDouble()) || points.toDouble() < 0)
            return invalid(at + u".points"_s, u"expected a number ≥ 0 (points per question)"_s);
        sec.points = points.toDouble();
        b.sections.append(sec);
    }
    return b;
}

QJsonObject Blueprint::toJson() const {
    QJsonArray secs;
    for (const auto &s : sections)
        secs.append(QJsonObject{{u"category"_s, s.category ? QJsonValue(*s.category) : QJsonValue()},
                                {u"kind"_s, s.kind ? QJsonValue(kindName(*s.kind)) : QJsonValue()},
                                {u"count"_s, s.count},
                                {u"points"_s, s.points}});
    return QJsonObject{{u"name"_s, name},
                       {u"pass_score"_s, passScore},
                       {u"multiple_policy"_s, policyName(multiplePolicy)},
                       {u"time_limit_s"_s, timeLimitS},
                       {u"sections"_s, secs}};
}

} // namespace windowdesk::training
