#pragma once
// E-license type codes (证照类型代码) the program itself needs to recognise. Whether a license is a resident
// ID is decided here, by its type code, and nowhere else (never by the type name on the license).
#include <QStringView>

namespace windowdesk::license {

inline constexpr char16_t kTypeResidentId[] = u"11100000000013127D001";      // 居民身份证
inline constexpr char16_t kTypeBusinessLicense[] = u"11100000000013338W001"; // 营业执照

inline bool isResidentIdLicense(QStringView typeCode) {
    return typeCode == QStringView(kTypeResidentId);
}

} // namespace windowdesk::license
