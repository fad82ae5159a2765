#pragma once
// Pinyin initials of Chinese text, for search as clerks type it (spjy → 食品经营许可).
#include <QString>
#include <QStringList>

namespace windowdesk::core {

// Initial letters of every reading of a Han character, the most customary first ("xh" for 行);
// empty for a character without a Mandarin reading or outside the table (U+3400–U+9FFF).
QString pinyinInitials(char32_t codePoint);

// Text as search compares it: NFKC (full-width → half-width), case-folded, white space removed.
QString normalizeSearchText(const QString &text);

// The initials strings of a text: Han characters give their initials, ASCII letters and digits
// stand for themselves, everything else (punctuation, brackets) is skipped. A polyphonic character
// multiplies the combinations (银行 → "yx", "yh"); the first entry uses every character's most
// customary reading. Combinations stop multiplying at `cap`: once the next polyphonic character
// would exceed it, the remaining characters contribute only their customary reading, so a name with
// many polyphonic characters stays searchable by its usual reading without blowing up the index.
QStringList pinyinInitialsCombinations(const QString &text, int cap = 16);
// The same for text already normalized by normalizeSearchText (the indexer has it at hand).
QStringList pinyinInitialsCombinationsOfNormalized(const QString &normalized, int cap = 16);

} // namespace windowdesk::core
