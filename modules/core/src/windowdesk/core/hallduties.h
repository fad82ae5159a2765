#pragma once
// The words of the hall duties of platform-api.md 1.1 (issue 16) that are not a case's: the item type of
// 依申请公开, the categories and states of 办不成事 requests, the outcomes of 告知承诺 post-checks — each
// with the one place that turns it to and from the text stored and sent, and its Chinese label.
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace windowdesk::core {

// ---- 依申请公开 ----------------------------------------------------------------------------------------
// Catalog items of this type are applications for government information (政府信息公开条例第三十三条: 20
// working days, extendable once by 20).
inline constexpr QStringView kInfoDisclosureType = u"info_disclosure";
inline constexpr int kDisclosureExtensionDays = 20;
bool isInfoDisclosureType(QStringView itemType);
// The item type as the catalog page shows it: 依申请公开 for info_disclosure, the catalog's own text else.
QString itemTypeLabel(const QString &itemType);

// ---- 办不成事 -------------------------------------------------------------------------------------------
enum class UnresolvedCategory {
    NoMatchingItem,
    ConditionsUnmet,
    CrossDepartment,
    SystemFault,
    PolicyGap,
    Other
};
enum class UnresolvedState { Open, Routed, Resolved, Explained, Closed };
QString toString(UnresolvedCategory c); // no_matching_item | conditions_unmet | cross_department | …
QString toString(UnresolvedState s);    // open | routed | resolved | explained | closed
std::optional<UnresolvedCategory> unresolvedCategoryFromString(QStringView text);
std::optional<UnresolvedState> unresolvedStateFromString(QStringView text);
QString label(UnresolvedCategory c); // 无对应事项 / 不符合办理条件 / 跨部门难办 / 系统故障 / 政策空白 / 其他
QString label(UnresolvedState s); // 待处理 / 已转办 / 已解决 / 已解释说明 / 已办结
QList<UnresolvedCategory> unresolvedCategories();
bool isFinished(UnresolvedState s); // resolved, explained, closed: the reply is in

// ---- 告知承诺 post-checks ------------------------------------------------------------------------------
enum class CheckState { Open, Confirmed, FalseCommitment, Unable };
enum class CheckConsequence { OrderFix, Revoke };
QString toString(CheckState s);       // open | confirmed | false_commitment | unable
QString toString(CheckConsequence c); // order_fix | revoke
std::optional<CheckState> checkStateFromString(QStringView text);
std::optional<CheckConsequence> checkConsequenceFromString(QStringView text);
QString label(CheckState s);       // 待核查 / 核查属实 / 虚假承诺 / 无法核查
QString label(CheckConsequence c); // 责令限期整改 / 撤销决定

} // namespace windowdesk::core
