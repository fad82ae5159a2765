#include "demolicenses.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/core/licenseid.h>

#include <QFile>

using namespace Qt::StringLiterals;

namespace windowdesk::license {

namespace {
QByteArray readResource(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

Result<KeySet> DemoLicenses::keySet() {
    return KeySet::fromJson(readResource(u":/license/license_keys.json"_s), u"demo"_s);
}

Result<El1Signer> DemoLicenses::signer() {
    return El1Signer::fromPrivateKeyPem(readResource(u":/license/demo_license_signer.pem"_s),
                                        QString::fromUtf16(kDemoKid));
}

QChar DemoLicenses::licenseIdCheckChar(QStringView body) {
    return core::licenseIdCheckCharacter(body);
}

QString DemoLicenses::makeLicenseId(const QString &typeCode, const QString &issuerCode, const QString &serial,
                                    int version) {
    const QString v = u"%1"_s.arg(version, 3, 10, QChar(u'0'));
    const QChar check = licenseIdCheckChar(QString(typeCode + issuerCode + serial + v));
    return u"1.2.156.3005.2.%1.%2.%3.%4.%5"_s.arg(typeCode, issuerCode, serial, v, QString(check));
}

QList<DemoLicense> DemoLicenses::licenses() {
    QList<DemoLicense> out;
    {
        // Demo person 张三 (male, born 1990-03-07 in 长沙市芙蓉区); only the masked id travels in a payload.
        El1Claims c;
        c.typ = QString::fromUtf16(kTypeResidentId);
        c.lid = makeLicenseId(c.typ, u"11430100006279213G"_s, u"2020051800012"_s, 1);
        c.tn = u"居民身份证"_s;
        c.no = u"430***********0012"_s;
        c.hn = u"张三"_s;
        c.hid = u"430***********0012"_s;
        c.iss = u"长沙市公安局芙蓉分局"_s;
        c.isd = u"2020-05-18"_s;
        c.vu = u"2040-05-18"_s;
        out.append({u"张三 · 居民身份证（演示）"_s, c});
    }
    {
        El1Claims c;
        c.typ = QString::fromUtf16(kTypeBusinessLicense);
        c.lid = makeLicenseId(c.typ, u"11430100MB1A23456Q"_s, u"2021090600087"_s, 1);
        c.tn = u"营业执照"_s;
        c.no = u"91430100MA4L0T3Q4H"_s;
        c.hn = u"湖南示例科技有限公司"_s;
        c.hid = u"914***********3Q4H"_s;
        c.iss = u"长沙市市场监督管理局"_s;
        c.isd = u"2021-09-06"_s;
        c.vu = QString::fromUtf16(kEl1NoEnd);
        out.append({u"湖南示例科技有限公司 · 营业执照（演示）"_s, c});
    }
    {
        // A license that has run out: shows the license_expired path in the demo.
        El1Claims c;
        c.typ = QString::fromUtf16(kTypeResidentId);
        c.lid = makeLicenseId(c.typ, u"11430100006279213G"_s, u"2005031100077"_s, 1);
        c.tn = u"居民身份证"_s;
        c.no = u"430***********0020"_s;
        c.hn = u"李四"_s;
        c.hid = u"430***********0020"_s;
        c.iss = u"长沙市公安局芙蓉分局"_s;
        c.isd = u"2005-03-11"_s;
        c.vu = u"2025-03-11"_s;
        out.append({u"李四 · 居民身份证（演示，已过有效期）"_s, c});
    }
    return out;
}

Result<QByteArray> DemoLicenses::freshPayload(int index, const Clock &clock, qint64 lifetimeSecs) {
    const QList<DemoLicense> all = licenses();
    if (index < 0 || index >= all.size())
        return Error{u"no_such_demo_license"_s, u"没有这个演示证照"_s};
    auto s = signer();
    if (!s.ok())
        return s.error();
    El1Claims c = all[index].claims;
    c.iat = clock.nowSecs();
    c.exp = c.iat + qBound<qint64>(1, lifetimeSecs, kEl1MaxLifetimeSecs);
    c.nonce = QString::fromLatin1(encodeBase64Url(crypto::randomBytes(18))); // 24 characters
    return s->sign(c);
}

} // namespace windowdesk::license
