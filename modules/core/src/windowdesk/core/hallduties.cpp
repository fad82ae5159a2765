#include "hallduties.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace windowdesk::core {

namespace {
struct Word {
    QStringView text;
    QStringView label;
};
template <typename E, std::size_t N>
const Word *wordOf(const std::array<std::pair<E, Word>, N> &table, E value) {
    for (const auto &[e, w] : table)
        if (e == value)
            return &w;
    return nullptr;
}
template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, Word>, N> &table, QStringView text) {
    for (const auto &[e, w] : table)
        if (w.text == text)
            return e;
    return std::nullopt;
}
template <typename E, std::size_t N> QString textOf(const std::array<std::pair<E, Word>, N> &table, E value) {
    const Word *w = wordOf(table, value);
    return w ? w->text.toString() : QString();
}
template <typename E, std::size_t N>
QString labelOf(const std::array<std::pair<E, Word>, N> &table, E value) {
    const Word *w = wordOf(table, value);
    return w ? w->label.toString() : QString();
}

constexpr std::array<std::pair<UnresolvedCategory, Word>, 6> kCategories{{
    {UnresolvedCategory::NoMatchingItem, {u"no_matching_item", u"无对应事项"}},
    {UnresolvedCategory::ConditionsUnmet, {u"conditions_unmet", u"不符合办理条件"}},
    {UnresolvedCategory::CrossDepartment, {u"cross_department", u"跨部门难办"}},
    {UnresolvedCategory::SystemFault, {u"system_fault", u"系统故障"}},
    {UnresolvedCategory::PolicyGap, {u"policy_gap", u"政策空白"}},
    {UnresolvedCategory::Other, {u"other", u"其他"}},
}};
constexpr std::array<std::pair<UnresolvedState, Word>, 5> kStates{{
    {UnresolvedState::Open, {u"open", u"待处理"}},
    {UnresolvedState::Routed, {u"routed", u"已转办"}},
    {UnresolvedState::Resolved, {u"resolved", u"已解决"}},
    {UnresolvedState::Explained, {u"explained", u"已解释说明"}},
    {UnresolvedState::Closed, {u"closed", u"已办结"}},
}};
constexpr std::array<std::pair<CheckState, Word>, 4> kCheckStates{{
    {CheckState::Open, {u"open", u"待核查"}},
    {CheckState::Confirmed, {u"confirmed", u"核查属实"}},
    {CheckState::FalseCommitment, {u"false_commitment", u"虚假承诺"}},
    {CheckState::Unable, {u"unable", u"无法核查"}},
}};
constexpr std::array<std::pair<CheckConsequence, Word>, 2> kConsequences{{
    {CheckConsequence::OrderFix, {u"order_fix", u"责令限期整改"}},
    {CheckConsequence::Revoke, {u"revoke", u"撤销决定"}},
}};
} // namespace

bool isInfoDisclosureType(QStringView itemType) {
    return itemType == kInfoDisclosureType;
}

QString itemTypeLabel(const QString &itemType) {
    return isInfoDisclosureType(itemType) ? u"依申请公开"_s : itemType;
}

QString toString(UnresolvedCategory c) {
    return textOf(kCategories, c);
}
QString toString(UnresolvedState s) {
    return textOf(kStates, s);
}
std::optional<UnresolvedCategory> unresolvedCategoryFromString(QStringView text) {
    return valueOf(kCategories, text);
}
std::optional<UnresolvedState> unresolvedStateFromString(QStringView text) {
    return valueOf(kStates, text);
}
QString label(UnresolvedCategory c) {
    return labelOf(kCategories, c);
}
QString label(UnresolvedState s) {
    return labelOf(kStates, s);
}
QList<UnresolvedCategory> unresolvedCategories() {
    QList<UnresolvedCategory> out;
    for (const auto &[c, w] : kCategories)
        out.append(c);
    return out;
}
bool isFinished(UnresolvedState s) {
    return s == UnresolvedState::Resolved || s == UnresolvedState::Explained || s == UnresolvedState::Closed;
}

QString toString(CheckState s) {
    return textOf(kCheckStates, s);
}
QString toString(CheckConsequence c) {
    return textOf(kConsequences, c);
}
std::optional<CheckState> checkStateFromString(QStringView text) {
    return valueOf(kCheckStates, text);
}
std::optional<CheckConsequence> checkConsequenceFromString(QStringView text) {
    return valueOf(kConsequences, text);
}
QString label(CheckState s) {
    return labelOf(kCheckStates, s);
}
QString label(CheckConsequence c) {
    return labelOf(kConsequences, c);
}

} // namespace windowdesk::core
