#include "idcard.h"

#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace windowdesk::reader {

QJsonObject IdCard::toJson() const {
    QJsonObject o{{u"name"_s, name},       {u"sex"_s, sex},
                  {u"nation"_s, nation},   {u"birth"_s, birth},
                  {u"address"_s, address}, {u"id_number"_s, idNumber},
                  {u"issuer"_s, issuer},   {u"valid_from"_s, validFrom},
                  {u"valid_to"_s, validTo}};
    if (!photo.isEmpty()) {
        o.insert(u"photo"_s, QString::fromLatin1(photo.toBase64()));
        o.insert(u"photo_format"_s, photoFormat);
    }
    return o;
}

Result<IdCard> IdCard::fromJson(const QJsonObject &json) {
    IdCard c;
    c.name = json.value(u"name"_s).toString();
    c.sex = json.value(u"sex"_s).toString();
    c.nation = json.value(u"nation"_s).toString();
    c.birth = json.value(u"birth"_s).toString();
    c.address = json.value(u"address"_s).toString();
    c.idNumber = json.value(u"id_number"_s).toString();
    c.issuer = json.value(u"issuer"_s).toString();
    c.validFrom = json.value(u"valid_from"_s).toString();
    c.validTo = json.value(u"valid_to"_s).toString();
    if (json.contains(u"photo"_s)) {
        const auto decoded = QByteArray::fromBase64Encoding(json.value(u"photo"_s).toString().toLatin1(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Result<IdCard>::failure(u"bad_card"_s, u"照片数据无法解码"_s);
        c.photo = *decoded;
        c.photoFormat = json.value(u"photo_format"_s).toString();
    }
    if (c.name.isEmpty() || c.idNumber.isEmpty())
        return Result<IdCard>::failure(u"bad_card"_s, u"读卡结果缺少姓名或身份证号码"_s);
    if (c.sex != u"male" && c.sex != u"female" && !c.sex.isEmpty())
        return Result<IdCard>::failure(u"bad_card"_s, u"读卡结果的性别无法识别"_s);
    return c;
}

QString nationName(const QString &code) {
    static const char16_t *const names[] = {
        u"汉",     u"蒙古",   u"回",       u"藏",     u"维吾尔",   u"苗",   u"彝",     u"壮",
        u"布依",   u"朝鲜",   u"满",       u"侗",     u"瑶",       u"白",   u"土家",   u"哈尼",
        u"哈萨克", u"傣",     u"黎",       u"傈僳",   u"佤",       u"畲",   u"高山",   u"拉祜",
        u"水",     u"东乡",   u"纳西",     u"景颇",   u"柯尔克孜", u"土",   u"达斡尔", u"仫佬",
        u"羌",     u"布朗",   u"撒拉",     u"毛南",   u"仡佬",     u"锡伯", u"阿昌",   u"普米",
        u"塔吉克", u"怒",     u"乌孜别克", u"俄罗斯", u"鄂温克",   u"德昂", u"保安",   u"裕固",
        u"京",     u"塔塔尔", u"独龙",     u"鄂伦春", u"赫哲",     u"门巴", u"珞巴",   u"基诺"};
    bool ok = false;
    const int n = code.trimmed().toInt(&ok);
    if (ok && n >= 1 && n <= int(std::size(names)))
        return QString::fromUtf16(names[n - 1]);
    if (ok && n == 97)
        return u"其他"_s;
    if (ok && n == 98)
        return u"外国血统中国籍人士"_s;
    return code.trimmed();
}

QString cardDate(const QString &raw) {
    const QString t = raw.trimmed();
    static const QRegularExpression eight(u"^(\\d{4})(\\d{2})(\\d{2})$"_s);
    const auto m = eight.match(t);
    return m.hasMatch() ? u"%1-%2-%3"_s.arg(m.captured(1), m.captured(2), m.captured(3)) : t;
}

Result<IdCard> parseSdtText(const QByteArray &ucs2le) {
    if (ucs2le.size() < 220)
        return Result<IdCard>::failure(u"read_failed"_s, u"读卡器返回的文字信息长度不对"_s);
    int at = 0;
    auto take = [&](int chars) {
        QString s(chars, Qt::Uninitialized);
        for (int i = 0; i < chars; ++i)
            s[i] = QChar(char16_t(quint8(ucs2le[at + 2 * i]) | (quint8(ucs2le[at + 2 * i + 1]) << 8)));
        at += 2 * chars;
        return s.remove(QChar(0)).trimmed();
    };
    IdCard c;
    c.name = take(15);
    const QString sex = take(1);
    c.sex = sex == u"1" ? u"male"_s : sex == u"2" ? u"female"_s : QString();
    c.nation = nationName(take(2));
    c.birth = cardDate(take(8));
    c.address = take(35);
    c.idNumber = take(18);
    c.issuer = take(15);
    c.validFrom = cardDate(take(8));
    c.validTo = cardDate(take(8));
    if (c.name.isEmpty() || c.idNumber.size() != 18)
        return Result<IdCard>::failure(u"read_failed"_s, u"读卡器返回的文字信息不完整"_s);
    return c;
}

} // namespace windowdesk::reader
