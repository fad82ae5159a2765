#pragma once
// What the window knows about a license it verified: the record in licenses_seen, the platform's word on it
// (POST /licenses/resolve) and what each answer means for the material it stands in for. No widgets: the
// license panel shows the outcome, the visit applies it.
#include "el1format.h"

#include <windowdesk/core/result.h>

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <functional>

namespace windowdesk {
class Clock;
}
namespace windowdesk::storage {
class Database;
}

namespace windowdesk::license {

class LicenseConfirmation : public QObject {
    Q_OBJECT
public:
    // The platform's answer to one request as the transport saw it (status 0: no HTTP answer at all).
    struct Answer {
        int status = 0;
        QByteArray body;
        QString errorCode; // the platform's error code, or the transport's ("login_required", …)
    };
    // How the platform is reached (the application adapts its online API; license does not link sync).
    struct Platform {
        std::function<bool()> available;
        std::function<void(const QString &path, const QByteArray &body, std::function<void(const Answer &)>)>
            post;
    };

    enum class Verdict {
        Unreachable, // no answer (network, 5xx, login needed): stays 待联网确认, tried again while it lives
        Valid,       // the platform knows the license and it is valid
        Revoked,     // the license itself was revoked (已吊销)
        Expired,     // the license itself has expired on the platform (已过期)
        CodeReplayed,   // 409: this code was already used in another hall
        CodeExpired,    // 410: the code (not the license) expired before it reached the platform
        BadSignature,   // 422: the platform could not verify the code's signature
        UnknownLicense, // 404: the platform does not know the license
        Refused,        // any other refusal
    };
    struct Outcome {
        Verdict verdict = Verdict::Unreachable;
        // The license can no longer stand in for a material: for every scan of it (`licenseItself`), or only
        // for the scan whose code was refused.
        bool takeOff = false;
        bool licenseItself = false;
        QString errorCode; // the platform's, for the clerk's message
        // Valid: the platform's record, personal id numbers masked (falls back to the scanned claims).
        El1Claims confirmed;
        QString licenseId; // the platform's license id (its document is fetched by it)
    };

    LicenseConfirmation(storage::Database &db, const Clock &clock, QObject *parent = nullptr);
    ~LicenseConfirmation() override;

    void setPlatform(Platform platform) { m_platform = std::move(platform); }
    bool online() const { return m_platform.available && m_platform.available(); }

    // The meaning of one answer to POST /licenses/resolve for the scanned `claims`.
    static Outcome interpret(const Answer &answer, const El1Claims &claims);
    // POST /licenses/resolve's body for a payload (the case has no local id before it is committed).
    static QByteArray resolveBody(const QString &payload);
    // The clerk's warning when the 证照标识 `lid` is malformed or its check character does not match
    // (Chinese, from core::checkLicenseId); empty when it is right. A warning, never a refusal.
    static QString licenseIdWarning(const El1Claims &claims);

    // Records a license verified offline in licenses_seen (masked holder id only: the claims carry no
    // more). Returns its id, 0 when it could not be written.
    qint64 recordSeen(const El1Claims &claims);
    // Asks the platform about the scan `seenId` now (when online) and again every interval while its payload
    // lives; answered() tells the outcome. The payload stays in memory only (a bearer-like code).
    void confirm(qint64 seenId, const QString &payload, const El1Claims &claims);
    // Tries the unconfirmed scans again; the timer calls it.
    void confirmPending();
    void setConfirmIntervalMs(int ms) { m_timer.setInterval(ms); }
    int unconfirmedCount() const { return int(m_unconfirmed.size()); }
    // licenses_seen ids linked to the case `localId` (CaseService links them in its submit).
    QList<qint64> scansOfCase(const QString &localId) const;

Q_SIGNALS:
    void answered(qint64 seenId, const windowdesk::license::El1Claims &claims,
                  const windowdesk::license::LicenseConfirmation::Outcome &outcome);
    // The payload of `seenId` expired before the platform could be asked: it stays 状态未确认.
    void expiredUnconfirmed(qint64 seenId);

private:
    void resolve(qint64 seenId, const QString &payload, const El1Claims &claims);
    void onAnswer(qint64 seenId, const El1Claims &claims, const Answer &answer);

    struct Pending {
        QString payload;
        El1Claims claims;
    };
    storage::Database &m_db;
    const Clock &m_clock;
    Platform m_platform;
    QHash<qint64, Pending> m_unconfirmed; // licenses_seen.id → its payload while it lives
    QTimer m_timer;
};

} // namespace windowdesk::license
