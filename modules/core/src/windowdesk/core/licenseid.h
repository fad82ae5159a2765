#pragma once
// 证照标识 (license identifier) check character: ISO 7064 hybrid MOD 37,36 over type code + issuer code +
// serial + version. A mismatch is a warning for the clerk, never a refusal.
#include <QString>

namespace windowdesk::core {

// Check character (0-9, A-Z) over `body` ([0-9A-Za-z]*); a null QChar when another character occurs.
QChar licenseIdCheckCharacter(QStringView body);

struct LicenseIdCheck {
    bool wellFormed = false; // `1.2.156.3005.2.<type>.<issuer>.<serial>.<version: 3 digits>.<check>`
    bool checkOk = false;    // the check character matches
    QChar expected;          // the computed check character when well formed
    QString warning;         // Chinese text for the clerk when !wellFormed or !checkOk; empty otherwise
};

// Checks a full 证照标识 as it appears in an EL1 payload (`lid`).
LicenseIdCheck checkLicenseId(const QString &lid);

} // namespace windowdesk::core
