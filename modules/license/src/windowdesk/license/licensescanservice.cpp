#include "licensescanservice.h"

namespace windowdesk::license {

void LicenseScanService::verifyScanned(const QString &payload) {
    Q_EMIT received(payload);
    const QByteArray bytes = payload.toUtf8();
    auto r = m_verifier.verify(bytes);
    if (r.ok())
        Q_EMIT verified(r.value());
    else
        Q_EMIT failed(r.error());
}

} // namespace windowdesk::license
