#pragma once
// The demo hall's e-licenses (DEMO DATA, demo key "demo-hall-2026"): payloads live at most 300 s, so the
// demo signs fresh ones on demand. Trusted only while no platform is configured.
#include "el1format.h"
#include "el1signer.h"
#include "keyset.h"
#include "licensetypes.h"

#include <QList>

namespace windowdesk {
class Clock;
}

namespace windowdesk::license {

inline constexpr char16_t kDemoKid[] = u"demo-hall-2026";

struct DemoLicense {
    QString title;    // shown in the "citizen phone" list
    El1Claims claims; // iat, exp and nonce are filled per payload
};

class DemoLicenses {
public:
    // db/demo/license_keys.json (source "demo") and the matching private key, embedded in the library.
    static Result<KeySet> keySet();
    static Result<El1Signer> signer();

    // 张三's resident ID card, 湖南示例科技有限公司's business license, ...
    static QList<DemoLicense> licenses();
    // A freshly signed payload for licenses()[index]: iat = now, exp = now + lifetime, random nonce.
    static Result<QByteArray> freshPayload(int index, const Clock &clock, qint64 lifetimeSecs = 300);

    // 证照标识 helpers: the check character is ISO 7064 MOD 37,36 over the parts after
    // "1.2.156.3005.2." without the dots (type code, issuer code, serial, version); core computes it.
    static QChar licenseIdCheckChar(QStringView body); // a null QChar for characters outside [0-9A-Za-z]
    static QString makeLicenseId(const QString &typeCode, const QString &issuerCode, const QString &serial,
                                 int version);
};

} // namespace windowdesk::license
