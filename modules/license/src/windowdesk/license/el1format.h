#pragma once
// The EL1 QR payload (elicense-qr.md): reason codes, the syntax steps 1–4 and the strict claims reader.
// Nothing here touches keys, signatures or SQL, so the fuzz target compiles it on its own.
#include <windowdesk/core/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace windowdesk::license {

// Results of verification, in the order the checks run; the first failing step gives the result.
enum class El1Reason {
    Ok,
    Malformed,
    TooLong,
    UnsupportedVersion,
    UnknownKey,
    BadSignature,
    NotYetValid,
    Expired,
    LicenseExpired,
    Replayed,
};

QString reasonCode(El1Reason reason);    // "ok", "malformed", ... as the CLI prints them
QString reasonMessage(El1Reason reason); // Chinese text for the clerk

inline constexpr qsizetype kEl1MaxBytes = 2048;
inline constexpr qint64 kEl1MaxLifetimeSecs = 300;
inline constexpr qint64 kEl1ClockSkewSecs = 60;
inline constexpr qint64 kEl1ReplayKeepSecs = 86400;

// The four parts as scanned (after trimming), plus the exact bytes the signature covers.
struct El1Parts {
    QByteArray kid;
    QByteArray claims;     // base64url text, not decoded
    QByteArray signature;  // base64url text, not decoded
    QByteArray signedText; // "EL1.<kid>.<claims>"
};

struct El1Syntax {
    El1Reason reason = El1Reason::Malformed; // Ok when steps 1–4 (without the key lookup) hold
    El1Parts parts;
};

// Steps 1–4 of the verification order, except "no key with that kid".
El1Syntax parseEl1(QByteArrayView scanned);

// Strict base64url without padding: alphabet [A-Za-z0-9_-], no '=', a length that is not 1 mod 4 and
// unused trailing bits zero (so one byte string has exactly one text). nullopt when it does not decode.
std::optional<QByteArray> decodeBase64Url(QByteArrayView text);
QByteArray encodeBase64Url(QByteArrayView bytes);

// The twelve claims of the table.
struct El1Claims {
    QString lid, typ, tn, no, hn, hid, iss, isd, vu;
    qint64 iat = 0;
    qint64 exp = 0;
    QString nonce;

    QJsonObject toJson() const; // exactly the twelve fields
    bool operator==(const El1Claims &) const = default;
};

// Step 6 forms: decodes the claims JSON (UTF-8) strictly — one object, no duplicate key, every field
// of the table at its type and form, integers without fraction or exponent, 0 < exp - iat <= 300.
// Error code "malformed" with a short English reason (for logs and tests; never personal data).
Result<El1Claims> readEl1Claims(QByteArrayView json);

// Field forms, shared with the signer.
bool isEl1Nonce(QStringView s);  // [A-Za-z0-9_-]{16,64}
bool isEl1Kid(QByteArrayView s); // [A-Za-z0-9_-]{1,64}
bool isRealDate(QStringView s);  // YYYY-MM-DD, a date that exists
inline constexpr char16_t kEl1NoEnd[] = u"长期";

} // namespace windowdesk::license
