#pragma once
// Private: the generated pinyin-initials table (pinyintable.cpp, made by scripts/gen-pinyin-table.py).

namespace windowdesk::core::pinyin_detail {

constexpr char32_t kFirst = 0x3400;
constexpr char32_t kLast = 0x9FFF;

struct PinyinExtra {
    char16_t cp;
    char letters[4]; // initials of the other readings, not repeating the primary one
};

extern const char kPrimary[];
extern const PinyinExtra kExtras[];
extern const int kExtraCount;

} // namespace windowdesk::core::pinyin_detail
