#pragma once
// What a resident-ID card (二代证) holds, as the reader helper sends it, and the decoding of the vendors' raw
// forms. Personal data: never logged.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace windowdesk::reader {

struct IdCard {
    QString name;
    QString sex;    // "male" | "female" | "" (unknown code)
    QString nation; // 民族, in words: "汉"
    QString birth;  // YYYY-MM-DD
    QString address;
    QString idNumber;    // 18 characters
    QString issuer;      // 签发机关
    QString validFrom;   // YYYY-MM-DD
    QString validTo;     // YYYY-MM-DD or "长期"
    QByteArray photo;    // encoded image, empty when the vendor library does not decode it
    QString photoFormat; // "bmp", "png", ... (with photo)

    QJsonObject toJson() const;
    static Result<IdCard> fromJson(const QJsonObject &json);
    bool operator==(const IdCard &) const = default;
};

// 民族 from its two-digit code (GB/T 3304): "01" -> "汉"; an unknown code comes back as it is.
QString nationName(const QString &code);

// "20150101" -> "2015-01-01"; "长期" and anything else unchanged (trimmed).
QString cardDate(const QString &raw);

// The 256-byte text block of the SDT family's SDT_ReadBaseMsg: UCS-2 little-endian, fixed-width fields
// (name 15, sex 1, nation 2, birth 8, address 35, id 18, issuer 15, valid from 8, valid to 8 characters).
Result<IdCard> parseSdtText(const QByteArray &ucs2le);

} // namespace windowdesk::reader
