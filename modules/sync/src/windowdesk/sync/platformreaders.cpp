#include "platformreaders.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace windowdesk::sync {

Result<ChangePage> readChangePage(const QByteArray &body, const QString &listKey, const QString &stream) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    const QJsonObject o = d.object();
    if (pe.error != QJsonParseError::NoError || !d.isObject() || !o.value(listKey).isArray() ||
        !o.value(u"next_cursor"_s).isString() || o.value(u"next_cursor"_s).toString().isEmpty() ||
        !o.value(u"has_more"_s).isBool())
        return Error{u"bad_page"_s, u"%1: not a change page"_s.arg(stream)};
    return ChangePage{o.value(listKey).toArray(), o.value(u"next_cursor"_s).toString(),
                      o.value(u"has_more"_s).toBool()};
}

Result<KeyList> readKeyList(const QByteArray &body) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !d.isObject() || !d.object().value(u"keys"_s).isArray())
        return Error{u"bad_page"_s, u"keys: not a key list"_s};
    KeyList out;
    int i = 0;
    for (const auto &v : d.object().value(u"keys"_s).toArray()) {
        const QJsonObject k = v.toObject();
        QString bad;
        for (const auto &f : {u"kid"_s, u"alg"_s, u"public_key_pem"_s, u"not_before"_s, u"not_after"_s})
            if (!k.value(f).isString() || k.value(f).toString().isEmpty())
                bad = f;
        if (!bad.isEmpty())
            out.rejected.append({u"#%1"_s.arg(i), bad});
        else
            out.keys.append({k.value(u"kid"_s).toString(), k.value(u"alg"_s).toString(),
                             k.value(u"public_key_pem"_s).toString(), k.value(u"not_before"_s).toString(),
                             k.value(u"not_after"_s).toString()});
        ++i;
    }
    return out;
}

Result<core::CalendarYear> readCalendarYear(const QByteArray &body) {
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !d.isObject())
        return Error{u"bad_page"_s, u"calendar: not a JSON object"_s};
    return core::CalendarYear::fromJson(d.object());
}

ErrorBody readErrorBody(const QByteArray &body, int status) {
    const QJsonObject e = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    ErrorBody out{e.value(u"code"_s).toString(), e.value(u"message"_s).toString(),
                  e.value(u"details"_s).toObject()};
    if (out.code.isEmpty())
        out.code = u"http_%1"_s.arg(status);
    return out;
}

} // namespace windowdesk::sync
