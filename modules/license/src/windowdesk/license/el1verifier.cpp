#include "el1verifier.h"

#include "replaystore.h"
#include "sm2.h"

#include <windowdesk/core/clock.h>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLicense, "windowdesk.license")

namespace windowdesk::license {

QJsonObject El1Result::toJson() const {
    QJsonObject o{{u"result"_s, code()}};
    if (!ok())
        o.insert(u"message"_s, message());
    if (claims)
        o.insert(u"claims"_s, claims->toJson());
    return o;
}

El1Verifier::El1Verifier(KeySet keys, ReplayStore &replay, const Clock &clock)
    : m_keys(std::move(keys))
    , m_replay(replay)
    , m_clock(clock) {}

Result<El1Result> El1Verifier::verify(QByteArrayView scanned) {
    El1Result r;
    // Steps 1–4 (syntax).
    const El1Syntax syntax = parseEl1(scanned);
    if (syntax.reason != El1Reason::Ok) {
        r.reason = syntax.reason;
        return r;
    }
    const El1Parts &p = syntax.parts;
    r.kid = QString::fromLatin1(p.kid);
    const LicenseKey *key = m_keys.find(p.kid);
    if (!key) {
        r.reason = El1Reason::UnknownKey;
        return r;
    }

    // 5. Signature over the first three parts as scanned; nothing from the claims is read before it holds.
    const auto signature = decodeBase64Url(p.signature);
    if (!signature || !sm2::verify(key->publicKey.get(), p.signedText, *signature)) {
        r.reason = El1Reason::BadSignature;
        return r;
    }

    // 6. Claims at their types and forms; the key must have been valid when the payload was issued.
    const auto claimsJson = decodeBase64Url(p.claims);
    if (!claimsJson) {
        r.reason = El1Reason::Malformed;
        return r;
    }
    auto claims = readEl1Claims(*claimsJson);
    if (!claims.ok()) {
        qCDebug(lcLicense) << "EL1 claims malformed:" << claims.error().message;
        r.reason = El1Reason::Malformed;
        return r;
    }
    const El1Claims &c = claims.value();
    if (!key->validAt(c.iat)) {
        r.reason = El1Reason::UnknownKey;
        return r;
    }
    // From here on the payload is authentic: the clerk sees the claims with any rejection.
    r.claims = c;

    // 7. Payload lifetime with 60 s of skew either way.
    const qint64 now = m_clock.nowSecs();
    if (__int128(now) < __int128(c.iat) - kEl1ClockSkewSecs) { // 128 bits: claims may hold any int64
        r.reason = El1Reason::NotYetValid;
        return r;
    }
    if (__int128(now) > __int128(c.exp) + kEl1ClockSkewSecs) {
        r.reason = El1Reason::Expired;
        return r;
    }

    // 8. The license itself, judged by the date in China Standard Time.
    if (c.vu != QStringView(kEl1NoEnd)) {
        const QDate validUntil = QDate::fromString(c.vu, u"yyyy-MM-dd"_s);
        const QDate today = QDateTime::fromSecsSinceEpoch(now, Clock::chinaStandardTime()).date();
        if (validUntil < today) {
            r.reason = El1Reason::LicenseExpired;
            return r;
        }
    }

    // 9. One use per (kid, nonce).
    auto fresh = m_replay.recordIfNew(r.kid, c.nonce, c.exp, now);
    if (!fresh.ok()) {
        qCWarning(lcLicense) << "EL1 replay store failed:" << fresh.error().code;
        return fresh.error();
    }
    r.reason = fresh.value() ? El1Reason::Ok : El1Reason::Replayed;
    return r;
}

} // namespace windowdesk::license
