#pragma once
// Deterministic generation of a realistic service catalog (事项目录) and its bundles (一件事).
#include <QJsonObject>
#include <QList>

namespace windowdesk::sim {

inline constexpr char kBusinessLicenseType[] = "11100000000013338W001"; // 营业执照
inline constexpr char kResidentIdType[] = "11100000000013127D001";      // 居民身份证

// Item 0 is always the contract's example 430100-000201001000-XK-001 食品经营许可（新办）.
// The same n gives the same items (codes, names, forms), so tests and demos can rely on them.
QList<QJsonObject> generateItems(int n);
// Bundles over the generated items (codes YJS-G<theme>-NNN; at least one when n >= 4).
QList<QJsonObject> generateBundles(const QList<QJsonObject> &items);

} // namespace windowdesk::sim
