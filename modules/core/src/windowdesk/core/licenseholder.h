#pragma once
// Whether the holder of an e-license is the applicant. Plain values: the visit passes its applicant, the
// license panel the holder as the license shows it (its id number masked: first 3 and last 4 visible).
#include <QString>

namespace windowdesk::core {

// Same name (surrounding white space ignored) and the same id as far as the license shows it: the full id
// equal to the holder's, or both masked alike.
bool licenseHolderMatches(const QString &applicantName, const QString &applicantId, const QString &holderName,
                          const QString &holderId);

} // namespace windowdesk::core
