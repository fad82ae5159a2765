// Identity number checks. Never log the numbers themselves: they are personal data.
#include "identity.h"

#include <array>

using namespace Qt::StringLiterals;

namespace windowdesk::core {
namespace {

constexpr std::array<int, 17> kIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kIdCheck[] = "10X98765432";
constexpr std::array<int, 17> kUsccWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr char kUsccAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // no I, O, S, V, Z
constexpr std::array<int, 8> kOrgWeights{3, 7, 9, 10, 5, 8, 4, 2};

bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}
bool allDigits(QStringView s) {
    for (QChar c : s)
        if (!isAsciiDigit(c))
            return false;
    return true;
}

ValidationResult invalidResult(const QString &normalized, const QString &reason, const QString &message) {
    ValidationResult r;
    r.normalized = normalized;
    r.reason = reason;
    r.message = message;
    return r;
}

int usccValue(QChar c) {
    for (int i = 0; kUsccAlphabet[i]; ++i)
        if (c == QLatin1Char(kUsccAlphabet[i]))
            return i;
    return -1;
}

} // namespace

QString normalizeIdentifier(QStringView raw) {
    QString out;
    out.reserve(raw.size());
    for (QChar c : raw) {
        if (c.isSpace()) // includes U+3000 IDEOGRAPHIC SPACE and NBSP
            continue;
        char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E) // full-width ASCII forms
            u = static_cast<char16_t>(u - 0xFEE0);
        if (u >= u'a' && u <= u'z') // ASCII only: QString::toUpper would turn ß into SS
            u = static_cast<char16_t>(u - 0x20);
        out.append(QChar(u));
    }
    return out;
}

QString normalizePhone(QStringView raw) {
    QString s = normalizeIdentifier(raw);
    s.remove(u'-');
    if (s.startsWith(u"+86"))
        s.remove(0, 3);
    return s;
}

bool isProvinceCode(int p) {
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
           (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82 || p == 83;
}

QString sexName(Sex s) {
    switch (s) {
    case Sex::Male:
        return u"male"_s;
    case Sex::Female:
        return u"female"_s;
    case Sex::Unknown:
        break;
    }
    return {};
}

QChar residentIdCheckCharacter(QStringView first17) {
    if (first17.size() != 17 || !allDigits(first17))
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[i].unicode() - u'0') * kIdWeights[i];
    return QLatin1Char(kIdCheck[sum % 11]);
}

ResidentIdResult validateResidentId(QStringView raw, const QDate &today) {
    ResidentIdResult r;
    const QString s = normalizeIdentifier(raw);
    r.normalized = s;
    auto fail = [&r](const QString &reason, const QString &message) {
        r.valid = false;
        r.reason = reason;
        r.message = message;
        return r;
    };
    if (s.size() == 15 && allDigits(s)) {
        const QString body = s.left(6) + u"19"_s + s.mid(6);
        r.upgraded = body + residentIdCheckCharacter(body);
        return fail(u"legacy_15_digit"_s,
                    u"这是15位旧身份证号码，新办件请使用18位号码：%1"_s.arg(r.upgraded));
    }
    if (s.size() != 18)
        return fail(u"length"_s, u"身份证号码应为18位，当前为%1位"_s.arg(s.size()));
    const QChar last = s.at(17);
    if (!allDigits(QStringView(s).left(17)) || !(isAsciiDigit(last) || last == u'X'))
        return fail(u"charset"_s, u"身份证号码前17位须为数字，最后一位须为数字或X"_s);
    if (!isProvinceCode(QStringView(s).left(2).toInt()))
        return fail(u"region"_s, u"身份证号码的地区码无效（前两位不是有效的省级代码）"_s);
    const QDate birth = QDate::fromString(s.mid(6, 8), u"yyyyMMdd"_s);
    if (!birth.isValid())
        return fail(u"birth_date"_s, u"身份证号码中的出生日期不存在"_s);
    if (birth < QDate(1800, 1, 1) || (today.isValid() && birth > today))
        return fail(u"birth_date"_s, u"身份证号码中的出生日期超出有效范围（早于1800年或晚于今天）"_s);
    if (residentIdCheckCharacter(QStringView(s).left(17)) != last)
        return fail(u"checksum"_s, u"身份证号码校验位错误，请核对号码是否录入有误"_s);
    r.valid = true;
    r.birthDate = birth;
    r.sex = ((s.at(16).unicode() - u'0') % 2) ? Sex::Male : Sex::Female;
    r.regionCode = s.left(6);
    return r;
}

QChar usccCheckCharacter(QStringView first17) {
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = usccValue(first17[i]);
        if (v < 0)
            return {};
        sum += v * kUsccWeights[i];
    }
    return QLatin1Char(kUsccAlphabet[(31 - sum % 31) % 31]);
}

QChar organizationCodeCheckCharacter(QStringView first8) {
    if (first8.size() != 8)
        return {};
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const QChar c = first8[i];
        int v;
        if (isAsciiDigit(c))
            v = c.unicode() - u'0';
        else if (c >= u'A' && c <= u'Z')
            v = c.unicode() - u'A' + 10; // GB 11714 values, not the USCC alphabet positions
        else
            return {};
        sum += v * kOrgWeights[i];
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return u'X';
    if (check == 11)
        return u'0';
    return QLatin1Char(static_cast<char>('0' + check));
}

ValidationResult validateUscc(QStringView raw) {
    const QString s = normalizeIdentifier(raw);
    if (s.size() != 18)
        return invalidResult(s, u"length"_s, u"统一社会信用代码应为18位，当前为%1位"_s.arg(s.size()));
    for (QChar c : s)
        if (usccValue(c) < 0)
            return invalidResult(
                s, u"charset"_s,
                u"统一社会信用代码含有无效字符（只能是数字和除I、O、S、V、Z以外的大写字母）"_s);
    if (usccCheckCharacter(QStringView(s).left(17)) != s.at(17))
        return invalidResult(s, u"checksum"_s, u"统一社会信用代码校验位错误，请核对代码是否录入有误"_s);
    if (organizationCodeCheckCharacter(QStringView(s).mid(8, 8)) != s.at(16))
        return invalidResult(s, u"org_code_checksum"_s,
                             u"统一社会信用代码中的组织机构代码（第9至17位）校验错误"_s);
    ValidationResult r;
    r.valid = true;
    r.normalized = s;
    return r;
}

ValidationResult validatePhone(QStringView raw) {
    const QString s = normalizePhone(raw);
    if (s.size() != 11)
        return invalidResult(s, u"length"_s, u"手机号码应为11位，当前为%1位"_s.arg(s.size()));
    if (!allDigits(s))
        return invalidResult(s, u"charset"_s, u"手机号码只能包含数字"_s);
    if (s.at(0) != u'1' || s.at(1) < u'3' || s.at(1) > u'9')
        return invalidResult(s, u"prefix"_s, u"手机号码应以13至19开头"_s);
    ValidationResult r;
    r.valid = true;
    r.normalized = s;
    return r;
}

} // namespace windowdesk::core
