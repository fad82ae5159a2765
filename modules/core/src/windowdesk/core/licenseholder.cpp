#include "licenseholder.h"

#include "identity.h"
#include "masking.h"

namespace windowdesk::core {

bool licenseHolderMatches(const QString &applicantName, const QString &applicantId, const QString &holderName,
                          const QString &holderId) {
    if (applicantName.trimmed() != holderName.trimmed())
        return false;
    const QString maskedId = maskIdNumber(applicantId);
    return normalizeIdentifier(applicantId) == holderId || maskedId == holderId ||
           maskIdNumber(holderId) == maskedId;
}

} // namespace windowdesk::core
