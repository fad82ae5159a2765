#include "pinyin.h"

#include "pinyintable_p.h"

#include <algorithm>

namespace windowdesk::core {

QString pinyinInitials(char32_t cp) {
    using namespace pinyin_detail;
    if (cp < kFirst || cp > kLast)
        return {};
    const char primary = kPrimary[cp - kFirst];
    if (primary == '.')
        return {};
    QString out{QLatin1Char(primary)};
    const auto *end = kExtras + kExtraCount;
    const auto *it =
        std::lower_bound(kExtras, end, cp, [](const PinyinExtra &e, char32_t c) { return e.cp < c; });
    if (it != end && it->cp == cp)
        out += QLatin1String(it->letters);
    return out;
}

QString normalizeSearchText(const QString &text) {
    // ASCII (item codes, initials queries): NFKC is the identity and case folding is toLower, so the
    // Unicode passes and their allocations are skipped. Same result as the general path.
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii) {
        QString out;
        out.reserve(text.size());
        for (const QChar c : text) {
            if (!c.isSpace())
                out += c.toLower();
        }
        return out;
    }
    const QString folded = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (!c.isSpace())
            out += c;
    }
    return out;
}

QStringList pinyinInitialsCombinations(const QString &text, int cap) {
    return pinyinInitialsCombinationsOfNormalized(normalizeSearchText(text), cap);
}

QStringList pinyinInitialsCombinationsOfNormalized(const QString &norm, int cap) {
    QStringList combos{QString()};
    for (const char32_t cp : norm.toUcs4()) {
        QString options;
        if (cp < 0x80) {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
                options = QString(QLatin1Char(char(cp)));
        } else {
            options = pinyinInitials(cp);
        }
        if (options.isEmpty())
            continue;
        if (options.size() > 1 && combos.size() * options.size() > cap)
            options.truncate(1); // over the cap: customary reading only (see the header)
        if (options.size() == 1) {
            for (QString &c : combos)
                c += options.front();
            continue;
        }
        QStringList next;
        next.reserve(combos.size() * options.size());
        for (const QChar o : options) {
            for (const QString &c : combos)
                next.append(c + o);
        }
        combos = std::move(next);
    }
    return combos;
}

} // namespace windowdesk::core
