#pragma once
// How a module plugs a page into the main window's navigation.
#include <QKeySequence>
#include <QString>
#include <QStringList>
#include <functional>

class QWidget;

namespace windowdesk::ui {

// The place of each page in the navigation (lower first), whichever module registers it and when.
namespace pageorder {
inline constexpr int intake = 10;
inline constexpr int catalog = 20;
inline constexpr int cases = 30;
inline constexpr int supervision = 40;
inline constexpr int training = 50;
inline constexpr int practice = 60;
inline constexpr int crossProvince = 70;
} // namespace pageorder

// The main window has no pages of its own: each feature module contributes its PageSpecs (intake: 受理,
// 事项, 我的办件, 跨省通办; supervision: 监督; trainingui: 培训, 练习).
struct PageSpec {
    QString id;                        // stable: "intake", "catalog", "cases", "supervision", "training", …
    QString title;                     // translated
    QStringList roles;                 // shown when the user has any of them
    QKeySequence shortcut;             // every navigation target has one
    std::function<QWidget *()> create; // called on first show; the window takes ownership
    int order = 1000;                  // pageorder::…; equal orders keep the registration order
};

} // namespace windowdesk::ui
