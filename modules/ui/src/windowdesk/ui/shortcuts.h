#pragma once
// The one table of WindowDesk's keyboard shortcuts. Every window and page takes its keys from here (by id),
// the F1 manual lists them from here, and tests/app/tst_shortcuts checks the real windows against it: no key
// means two things in one window, and no key is one that a focused line edit keeps for itself (on the Linux
// desktops Ctrl+E, Ctrl+U, Ctrl+A … edit the text and never reach a shortcut).
#include <QKeySequence>
#include <QList>
#include <QString>

namespace windowdesk::ui {

// The ids. A typo is a compile error, not a silently missing key.
namespace shortcut {
// The main window, wherever the focus is.
inline constexpr char goIntake[] = "go.intake";
inline constexpr char goCatalog[] = "go.catalog";
inline constexpr char goCases[] = "go.cases";
inline constexpr char goSupervision[] = "go.supervision";
inline constexpr char goTraining[] = "go.training";
inline constexpr char goPractice[] = "go.practice";
inline constexpr char settings[] = "window.settings";
inline constexpr char logout[] = "window.logout";
inline constexpr char quit[] = "window.quit";
inline constexpr char help[] = "window.help";
inline constexpr char syncNow[] = "sync.now";
inline constexpr char platformLogin[] = "sync.login";
// The intake page.
inline constexpr char callNext[] = "intake.callNext";
inline constexpr char recall[] = "intake.recall";
inline constexpr char startServing[] = "intake.start";
inline constexpr char finishTicket[] = "intake.done";
inline constexpr char noShow[] = "intake.noShow";
inline constexpr char holdTicket[] = "intake.hold";
inline constexpr char resumeHeld[] = "intake.resume";
inline constexpr char transferTicket[] = "intake.transfer";
inline constexpr char walkIn[] = "intake.walkIn";
inline constexpr char applicantKind[] = "intake.applicantKind";
inline constexpr char findMatter[] = "intake.findMatter";
inline constexpr char markPaper[] = "intake.markPaper";
inline constexpr char decisionAccept[] = "intake.decisionAccept";
inline constexpr char decisionCorrection[] = "intake.decisionCorrection";
inline constexpr char decisionRefuse[] = "intake.decisionRefuse";
inline constexpr char confirmDecision[] = "intake.confirm";
inline constexpr char printNotice[] = "notice.print"; // the intake page and My cases: the same meaning
inline constexpr char newVisit[] = "intake.newVisit";
inline constexpr char pasteLicense[] = "license.paste";
inline constexpr char citizenPhone[] = "license.citizenPhone";
// My cases.
inline constexpr char deliverCase[] = "cases.deliver";
inline constexpr char withdrawCase[] = "cases.withdraw";
inline constexpr char correctCase[] = "cases.correct";
inline constexpr char reloadCases[] = "cases.reload"; // My cases, the board and the ledger: the same meaning
// The supervision page (the overdue board and, on its second tab, the bad-rating ledger).
inline constexpr char supervisionNextTab[] = "supervision.nextTab";
inline constexpr char supervisionPreviousTab[] = "supervision.previousTab";
inline constexpr char boardTileOpen[] = "board.tileOpen";
inline constexpr char boardTileWarning[] = "board.tileWarning";
inline constexpr char boardTileYellow[] = "board.tileYellow";
inline constexpr char boardTileRed[] = "board.tileRed";
inline constexpr char boardTileFollowup[] = "board.tileFollowup";
inline constexpr char boardTileFalseCommitment[] = "board.tileFalseCommitment"; // opens them in 办事难点
inline constexpr char boardGrouping[] = "board.grouping";
inline constexpr char boardFollowup[] = "board.followup";
inline constexpr char boardReveal[] = "board.reveal";
inline constexpr char ledgerNextAction[] = "ledger.nextAction";
inline constexpr char ledgerRecord[] = "ledger.record";
inline constexpr char ledgerCallback[] = "ledger.callback";
inline constexpr char ledgerAppeal[] = "ledger.appeal";
// The supervision page's 报表 tab (the period report).
inline constexpr char reportDay[] = "report.day";
inline constexpr char reportWeek[] = "report.week";
inline constexpr char reportMonth[] = "report.month";
inline constexpr char reportCustom[] = "report.custom";
inline constexpr char reportPrevious[] = "report.previous";
inline constexpr char reportNext[] = "report.next";
inline constexpr char reportGrouping[] = "report.grouping";
inline constexpr char reportDataTables[] = "report.dataTables";
inline constexpr char reportPrint[] = "report.print";
inline constexpr char reportSave[] = "report.save";
// The trainer's 培训 page (题库, 组卷, 竞赛, 成绩).
inline constexpr char trainingNextTab[] = "training.nextTab";
inline constexpr char trainingPreviousTab[] = "training.previousTab";
// Its 题库 tab and the question editor.
inline constexpr char trainingSearch[] = "bank.search";
inline constexpr char trainingNewQuestion[] = "bank.new";
inline constexpr char trainingEditQuestion[] = "bank.edit";
inline constexpr char trainingRetireQuestion[] = "bank.retire";
inline constexpr char trainingRegenerate[] = "bank.regenerate";
inline constexpr char trainingImport[] = "bank.import";
inline constexpr char trainingExport[] = "bank.export";
inline constexpr char trainingSaveQuestion[] = "bank.saveQuestion";
// The trainee's 练习 page (a paper: the answer keys 1–9 / A–D, Space, ←/→, PgUp/PgDn are the question's own,
// listed on the page; a scenario drill over the sandboxed intake page).
inline constexpr char practiceSubmit[] = "practice.submit";
inline constexpr char practiceMap[] = "practice.map";
inline constexpr char practiceFinishDrill[] = "practice.finishDrill";
// 跨省通办 (issue 16): the intake page's mode for matters of another province, and its list.
inline constexpr char goCrossProvince[] = "go.crossProvince";
inline constexpr char crossProvinceConfirm[] = "crossProvince.confirm";
inline constexpr char crossProvinceAddMaterial[] = "crossProvince.addMaterial";
inline constexpr char crossProvinceRemoveMaterial[] = "crossProvince.removeMaterial";
inline constexpr char crossProvinceRecent[] = "crossProvince.recent";
inline constexpr char crossProvinceRegion[] = "crossProvince.region";
inline constexpr char crossProvinceNew[] = "crossProvince.new";
inline constexpr char crossProvinceForward[] = "crossProvince.forward";
inline constexpr char crossProvinceReturn[] = "crossProvince.return";
inline constexpr char crossProvinceNextTab[] = "crossProvince.nextTab";
// Its 组卷 tab.
inline constexpr char trainingNewBlueprint[] = "blueprint.new";
inline constexpr char trainingAddSection[] = "blueprint.addSection";
inline constexpr char trainingRemoveSection[] = "blueprint.removeSection";
inline constexpr char trainingSaveBlueprint[] = "blueprint.save";
inline constexpr char trainingPreviewPaper[] = "blueprint.preview";
// Its 竞赛 and 成绩 tabs.
inline constexpr char trainingCreateCompetition[] = "competition.create";
inline constexpr char trainingRefreshBoard[] = "competition.refresh";
inline constexpr char trainingExportResults[] = "results.export";
// Its 评分 tab (the judges' criteria of scenario drills).
inline constexpr char trainingRecordMarks[] = "judging.record";
inline constexpr char trainingFinalize[] = "judging.finalize";
// Its 情景 tab (the scenario drills) and the scenario editor shown in its place.
inline constexpr char scenarioNew[] = "scenario.new";
inline constexpr char scenarioEdit[] = "scenario.edit";
inline constexpr char scenarioDuplicate[] = "scenario.duplicate";
inline constexpr char scenarioClose[] = "scenario.close";
inline constexpr char scenarioImport[] = "scenario.import";
inline constexpr char scenarioExport[] = "scenario.export";
inline constexpr char scenarioSave[] = "scenario.save";
inline constexpr char scenarioFindItem[] = "scenario.findItem";
inline constexpr char scenarioGenerateId[] = "scenario.generateId";
inline constexpr char scenarioGeneratePhone[] = "scenario.generatePhone";
inline constexpr char scenarioAddEvent[] = "scenario.addEvent";
inline constexpr char scenarioRemoveEvent[] = "scenario.removeEvent";
} // namespace shortcut

struct ShortcutEntry {
    QString id;
    QString area; // "window" (everywhere), or the page where the key works: "intake", "cases", "supervision",
                  // "lists" (My cases and both supervision lists), "reports" (the 报表 tab),
                  // "training" (the trainer's 培训 page), "bank", "blueprint", "competition", "results",
                  // "judging" (its 题库, 组卷, 竞赛, 成绩 and 评分 tabs), "scenario" (its 情景 tab and
                  // editor), "practice" (the trainee's 练习 page), "crossprovince" (the 跨省通办 page). Pages
                  // are never shown together, so two pages may give one key each its own meaning; a window
                  // key means one thing everywhere.
    QList<QKeySequence> keys; // the first is the one shown; more are alternatives (Ctrl+Enter on the keypad)
    const char *description;  // English source text, translated in the "Shortcuts" context
};

// The whole table, in the order the manual lists it.
const QList<ShortcutEntry> &shortcutTable();
// The key of `id` (its first one); empty for an unknown id (a programming error, asserted in debug builds).
QKeySequence shortcutKey(const char *id);
// All keys of `id`.
QList<QKeySequence> shortcutKeys(const char *id);
// The translated description of `id`.
QString shortcutDescription(const char *id);
// The translated title of an area ("Everywhere", "Intake page", "My cases").
QString shortcutAreaTitle(const QString &area);
// `text (key)` as buttons and labels show it, e.g. "Applicant kind (Ctrl+T)".
QString withShortcut(const QString &text, const char *id);

} // namespace windowdesk::ui
