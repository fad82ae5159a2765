#pragma once
// Identity numbers of applicants: resident ID (GB 11643-1999), unified social credit code (GB 32100-2015 with
// the embedded GB 11714 organisation code) and mobile phone numbers. Pure functions over value types.
#include <QDate>
#include <QString>

namespace windowdesk::core {

// All white space (U+3000 too) removed, full-width ASCII forms (U+FF01..U+FF5E) made half-width, a-z
// upper-cased.
QString normalizeIdentifier(QStringView raw);
// normalizeIdentifier, then every '-' and a leading "+86" removed.
QString normalizePhone(QStringView raw);

// Outcome of one check. When invalid, `reason` is the machine code of cli.md and `message` Chinese text for
// the clerk.
struct ValidationResult {
    bool valid = false;
    QString normalized;
    QString reason;
    QString message;
};

enum class Sex { Unknown, Male, Female };

struct ResidentIdResult : ValidationResult {
    QDate birthDate; // valid only
    Sex sex = Sex::Unknown;
    QString regionCode; // first six digits; valid only
    QString upgraded;   // legacy_15_digit only: the 18-digit form
};

// GB 11643. Reasons in order: legacy_15_digit, length, charset, region, birth_date, checksum.
// `today` (China Standard Time date, from a Clock) bounds the birth date.
ResidentIdResult validateResidentId(QStringView raw, const QDate &today);
// Check character (0-9 or X) for 17 digits; a null QChar if `first17` is not 17 ASCII digits.
QChar residentIdCheckCharacter(QStringView first17);
// Province-level codes 11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81, 82, 83.
bool isProvinceCode(int twoDigits);
QString sexName(Sex s); // "male" / "female" / ""

// GB 32100. Reasons in order: length, charset, checksum, org_code_checksum.
ValidationResult validateUscc(QStringView raw);
QChar usccCheckCharacter(QStringView first17); // null QChar when a character is outside the alphabet
QChar organizationCodeCheckCharacter(
    QStringView first8); // GB 11714 (A=10..Z=35); null QChar when not [0-9A-Z]{8}

// Mobile number: 11 digits starting 1[3-9]. Reasons in order: length, charset, prefix.
ValidationResult validatePhone(QStringView raw);

} // namespace windowdesk::core
