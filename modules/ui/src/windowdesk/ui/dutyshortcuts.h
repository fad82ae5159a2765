#pragma once
// The ids of the hall duties' window keys (issue 16), entries of the one shortcut table (shortcuts.cpp) kept
// in a header of their own so that the pages that use them include it alone.
namespace windowdesk::ui::shortcut {
inline constexpr char reportUnresolved[] = "window.unresolved"; // 办不成事 反映窗口, from any page
inline constexpr char commitmentChecks[] = "window.checks";     // 告知承诺 post-checks, from any page
} // namespace windowdesk::ui::shortcut
