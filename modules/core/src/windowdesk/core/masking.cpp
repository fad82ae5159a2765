#include "masking.h"

#include "identity.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace windowdesk::core {
namespace {

QString keepEnds(const QString &s, int head, int tail) {
    if (s.size() < head + tail + 1)
        return QString(s.size(), u'*');
    return s.left(head) + QString(s.size() - head - tail, u'*') + s.right(tail);
}

} // namespace

QString mask(PersonalDataKind kind, const QString &value) {
    switch (kind) {
    case PersonalDataKind::IdNumber:
        return keepEnds(normalizeIdentifier(value), 3, 4);
    case PersonalDataKind::Phone:
        return keepEnds(normalizePhone(value), 3, 4);
    case PersonalDataKind::Uscc:
    case PersonalDataKind::Name:
        break;
    }
    return value;
}

QString maskPersonalDataInText(const QString &text) {
    // Longest first: an 18-character id must not be seen as a phone number plus digits.
    static const QRegularExpression re(
        u"(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{15}|1[3-9]\\d{9}|(?:\\+86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4})(?![0-9A-Za-z])"_s);
    QString out;
    qsizetype pos = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        const QString hit = m.captured();
        const QString digits = normalizePhone(hit);
        out += (digits.size() == 11) ? maskPhone(hit) : maskIdNumber(hit);
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    return out;
}

} // namespace windowdesk::core
