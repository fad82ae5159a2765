#pragma once
// Masking of personal data: the one function every list, log line, export and notice uses.
#include <QString>

namespace windowdesk::core {

enum class PersonalDataKind {
    IdNumber, // resident ID and other personal id numbers: first 3 and last 4 visible, 110***********002X
    Phone,    // first 3 and last 4 visible, 138****8000
    Uscc,     // public register data: unmasked
    Name,     // not masked
};

// Masks one value. Id numbers and phones are normalised first (white space, full-width, "+86", '-'); a value
// too short to keep 7 characters visible is masked completely.
QString mask(PersonalDataKind kind, const QString &value);
inline QString maskIdNumber(const QString &v) {
    return mask(PersonalDataKind::IdNumber, v);
}
inline QString maskPhone(const QString &v) {
    return mask(PersonalDataKind::Phone, v);
}

// Masks every id-number-like (15 or 18 characters) and mobile-number-like run in free text, e.g. a log line
// or an error message from elsewhere. Errs on the side of masking.
QString maskPersonalDataInText(const QString &text);

} // namespace windowdesk::core
