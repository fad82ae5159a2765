#include "licenseid.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace windowdesk::core {
namespace {

int value36(QChar c) {
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'A' && c <= u'Z')
        return c.unicode() - u'A' + 10;
    if (c >= u'a' && c <= u'z')
        return c.unicode() - u'a' + 10;
    return -1;
}

QChar char36(int v) {
    return v < 10 ? QChar(u'0' + v) : QChar(u'A' + (v - 10));
}

bool isAlnum(QStringView s) {
    if (s.isEmpty())
        return false;
    for (QChar c : s)
        if (value36(c) < 0)
            return false;
    return true;
}

} // namespace

QChar licenseIdCheckCharacter(QStringView body) {
    int p = 36;
    for (QChar c : body) {
        const int v = value36(c);
        if (v < 0)
            return {};
        int s = (p + v) % 36;
        if (s == 0)
            s = 36;
        p = (2 * s) % 37;
    }
    return char36((37 - p) % 36);
}

LicenseIdCheck checkLicenseId(const QString &lid) {
    LicenseIdCheck r;
    static const QString prefix = u"1.2.156.3005.2."_s;
    const QStringList parts = lid.startsWith(prefix) ? lid.mid(prefix.size()).split(u'.') : QStringList{};
    if (parts.size() != 5 || !isAlnum(parts[0]) || !isAlnum(parts[1]) || !isAlnum(parts[2]) ||
        parts[3].size() != 3 || !isAlnum(parts[3]) || parts[4].size() != 1 || value36(parts[4].at(0)) < 0) {
        r.warning = u"证照标识格式不符合规范，请核对证照信息"_s;
        return r;
    }
    for (QChar c : parts[3])
        if (c < u'0' || c > u'9') {
            r.warning = u"证照标识的版本号应为3位数字，请核对证照信息"_s;
            return r;
        }
    r.wellFormed = true;
    r.expected = licenseIdCheckCharacter(QString(parts[0] + parts[1] + parts[2] + parts[3]));
    r.checkOk = parts[4].at(0).toUpper() == r.expected;
    if (!r.checkOk)
        r.warning = u"证照标识校验位不符（应为 %1），请核对证照信息"_s.arg(r.expected);
    return r;
}

} // namespace windowdesk::core
