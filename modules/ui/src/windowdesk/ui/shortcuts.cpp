#include "shortcuts.h"
#include "dutyshortcuts.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace windowdesk::ui {

namespace {
// The areas a key is active in (ShortcutEntry::area): a key may mean two things in two areas that are never
// active together, never against a window key (tst_shortcuts).
const QString window = u"window"_s, intake = u"intake"_s, cases = u"cases"_s, supervision = u"supervision"_s,
              lists = u"lists"_s, reports = u"reports"_s, training = u"training"_s, bank = u"bank"_s,
              practice = u"practice"_s, blueprint = u"blueprint"_s, competition = u"competition"_s,
              results = u"results"_s, judging = u"judging"_s, scenario = u"scenario"_s;

QList<QKeySequence> one(QKeyCombination key) {
    return {QKeySequence(key)};
}

QList<ShortcutEntry> windowKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(goIntake), window, one(Qt::CTRL | Qt::Key_1),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to the intake page")},
        {QString::fromLatin1(goCatalog), window, one(Qt::CTRL | Qt::Key_2),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to the catalog")},
        {QString::fromLatin1(goCases), window, one(Qt::CTRL | Qt::Key_3),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to My cases")},
        {QString::fromLatin1(goSupervision), window, one(Qt::CTRL | Qt::Key_4),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to supervision")},
        {QString::fromLatin1(goTraining), window, one(Qt::CTRL | Qt::Key_5),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to training")},
        {QString::fromLatin1(goPractice), window, one(Qt::CTRL | Qt::Key_6),
         QT_TRANSLATE_NOOP("Shortcuts", "Go to practice")},
        {QString::fromLatin1(help), window, one(Qt::Key_F1),
         QT_TRANSLATE_NOOP("Shortcuts", "Open this manual")},
        {QString::fromLatin1(settings), window, one(Qt::CTRL | Qt::Key_Comma),
         QT_TRANSLATE_NOOP("Shortcuts", "Settings")},
        {QString::fromLatin1(syncNow), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Sync with the platform now")},
        {QString::fromLatin1(platformLogin), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
         QT_TRANSLATE_NOOP("Shortcuts", "Log in to the platform")},
        {QString::fromLatin1(logout), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
         QT_TRANSLATE_NOOP("Shortcuts", "Log out (switch user)")},
        {QString::fromLatin1(quit), window, one(Qt::CTRL | Qt::Key_Q),
         QT_TRANSLATE_NOOP("Shortcuts", "Log out and quit")},
    };
}

QList<ShortcutEntry> intakeKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(callNext), intake, one(Qt::Key_F2),
         QT_TRANSLATE_NOOP("Shortcuts", "Call the next ticket")},
        {QString::fromLatin1(recall), intake, one(Qt::Key_F3),
         QT_TRANSLATE_NOOP("Shortcuts", "Call the ticket again")},
        {QString::fromLatin1(startServing), intake, one(Qt::Key_F4),
         QT_TRANSLATE_NOOP("Shortcuts", "Start serving the ticket")},
        {QString::fromLatin1(finishTicket), intake, one(Qt::Key_F5),
         QT_TRANSLATE_NOOP("Shortcuts", "Ticket done")},
        {QString::fromLatin1(noShow), intake, one(Qt::Key_F6),
         QT_TRANSLATE_NOOP("Shortcuts", "The citizen did not come (no-show)")},
        {QString::fromLatin1(holdTicket), intake, one(Qt::Key_F7),
         QT_TRANSLATE_NOOP("Shortcuts", "Put the ticket on hold (its draft is kept)")},
        {QString::fromLatin1(resumeHeld), intake, one(Qt::SHIFT | Qt::Key_F7),
         QT_TRANSLATE_NOOP("Shortcuts", "Resume a held ticket")},
        {QString::fromLatin1(transferTicket), intake, one(Qt::Key_F8),
         QT_TRANSLATE_NOOP("Shortcuts", "Transfer the ticket to another category")},
        {QString::fromLatin1(walkIn), intake, one(Qt::Key_F9),
         QT_TRANSLATE_NOOP("Shortcuts", "Serve a walk-in without a ticket")},
        {QString::fromLatin1(applicantKind), intake, one(Qt::CTRL | Qt::Key_T),
         QT_TRANSLATE_NOOP("Shortcuts", "Switch the applicant between natural and legal person")},
        {QString::fromLatin1(findMatter), intake, one(Qt::CTRL | Qt::Key_F),
         QT_TRANSLATE_NOOP("Shortcuts", "Search the matter")},
        {QString::fromLatin1(markPaper), intake, one(Qt::CTRL | Qt::Key_M),
         QT_TRANSLATE_NOOP("Shortcuts", "Mark the unmarked materials as paper")},
        {QString::fromLatin1(pasteLicense), intake, one(Qt::CTRL | Qt::Key_L),
         QT_TRANSLATE_NOOP("Shortcuts", "Paste an e-license code")},
        {QString::fromLatin1(citizenPhone), intake, one(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
         QT_TRANSLATE_NOOP("Shortcuts", "Citizen phone (demo hall)")},
        {QString::fromLatin1(decisionAccept), intake, one(Qt::ALT | Qt::Key_1),
         QT_TRANSLATE_NOOP("Shortcuts", "Decision: accept")},
        {QString::fromLatin1(decisionCorrection), intake, one(Qt::ALT | Qt::Key_2),
         QT_TRANSLATE_NOOP("Shortcuts", "Decision: correction notice")},
        {QString::fromLatin1(decisionRefuse), intake, one(Qt::ALT | Qt::Key_3),
         QT_TRANSLATE_NOOP("Shortcuts", "Decision: refuse")},
        {QString::fromLatin1(confirmDecision),
         intake,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Confirm the decision and save the case")},
        {QString::fromLatin1(printNotice), intake, one(Qt::CTRL | Qt::Key_P),
         QT_TRANSLATE_NOOP("Shortcuts", "Print the notice")},
        {QString::fromLatin1(newVisit), intake, one(Qt::CTRL | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "New visit (the current one stays a draft)")},
    };
}

QList<ShortcutEntry> casesKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(deliverCase), cases, one(Qt::CTRL | Qt::Key_D),
         QT_TRANSLATE_NOOP("Shortcuts", "Record the delivery of the result")},
        {QString::fromLatin1(withdrawCase), cases, one(Qt::CTRL | Qt::Key_W),
         QT_TRANSLATE_NOOP("Shortcuts", "Withdraw the case")},
        {QString::fromLatin1(correctCase), cases, one(Qt::CTRL | Qt::Key_B),
         QT_TRANSLATE_NOOP("Shortcuts", "Correct the case and send it again")},
    };
}

QList<ShortcutEntry> listKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(reloadCases), lists, one(Qt::CTRL | Qt::Key_R),
         QT_TRANSLATE_NOOP("Shortcuts", "Refresh the list")},
    };
}

QList<ShortcutEntry> supervisionKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(supervisionNextTab), supervision, one(Qt::CTRL | Qt::Key_PageDown),
         QT_TRANSLATE_NOOP(
             "Shortcuts",
             "Supervision: the next tab (board, ledger, queue, reports, hall duties, cross-province)")},
        {QString::fromLatin1(supervisionPreviousTab), supervision, one(Qt::CTRL | Qt::Key_PageUp),
         QT_TRANSLATE_NOOP("Shortcuts", "Supervision: the previous tab")},
        {QString::fromLatin1(boardTileOpen), supervision, one(Qt::ALT | Qt::Key_1),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: open cases")},
        {QString::fromLatin1(boardTileWarning), supervision, one(Qt::ALT | Qt::Key_2),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: warnings")},
        {QString::fromLatin1(boardTileYellow), supervision, one(Qt::ALT | Qt::Key_3),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: yellow cards")},
        {QString::fromLatin1(boardTileRed), supervision, one(Qt::ALT | Qt::Key_4),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: red cards")},
        {QString::fromLatin1(boardTileFollowup), supervision, one(Qt::ALT | Qt::Key_5),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: red cards without a follow-up")},
        {QString::fromLatin1(boardTileFalseCommitment), supervision, one(Qt::ALT | Qt::Key_6),
         QT_TRANSLATE_NOOP("Shortcuts",
                           "Board: false commitments found by the post-checks (in Hall duties)")},
        {QString::fromLatin1(boardGrouping), supervision, one(Qt::CTRL | Qt::Key_G),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: by window / by department")},
        {QString::fromLatin1(boardFollowup), supervision, one(Qt::Key_F3),
         QT_TRANSLATE_NOOP("Shortcuts", "Board: follow up the selected red or yellow case")},
        {QString::fromLatin1(boardReveal), supervision, one(Qt::Key_F4),
         QT_TRANSLATE_NOOP("Shortcuts",
                           "Board: show the applicant's full id number and phone (with a reason)")},
        {QString::fromLatin1(ledgerNextAction), supervision, one(Qt::Key_F2),
         QT_TRANSLATE_NOOP("Shortcuts", "Ledger: next action for the task")},
        {QString::fromLatin1(ledgerRecord),
         supervision,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Ledger: record the action")},
        {QString::fromLatin1(ledgerCallback), supervision, one(Qt::Key_F6),
         QT_TRANSLATE_NOOP("Shortcuts", "Ledger: record the callback of the task")},
        {QString::fromLatin1(ledgerAppeal), supervision, one(Qt::Key_F7),
         QT_TRANSLATE_NOOP("Shortcuts", "Ledger: appeal the rating")},
    };
}

QList<ShortcutEntry> reportKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(reportDay), reports, one(Qt::CTRL | Qt::Key_D),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: one day")},
        {QString::fromLatin1(reportWeek), reports, one(Qt::CTRL | Qt::Key_W),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: one week")},
        {QString::fromLatin1(reportMonth), reports, one(Qt::CTRL | Qt::Key_M),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: one month")},
        {QString::fromLatin1(reportCustom), reports, one(Qt::CTRL | Qt::Key_I),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: a range of your own (from, to)")},
        {QString::fromLatin1(reportPrevious), reports, one(Qt::ALT | Qt::Key_Left),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: the period before")},
        {QString::fromLatin1(reportNext), reports, one(Qt::ALT | Qt::Key_Right),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: the period after")},
        {QString::fromLatin1(reportGrouping), reports, one(Qt::CTRL | Qt::Key_G),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: by window / clerk / category / hour")},
        {QString::fromLatin1(reportDataTables), reports, one(Qt::CTRL | Qt::Key_T),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: charts or their data tables")},
        {QString::fromLatin1(reportPrint), reports, one(Qt::CTRL | Qt::Key_P),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: print (preview)")},
        {QString::fromLatin1(reportSave), reports, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Report: save as PDF, or export CSV / XLSX")},
    };
}

QList<ShortcutEntry> trainingKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(trainingNextTab), training, one(Qt::CTRL | Qt::Key_PageDown),
         QT_TRANSLATE_NOOP("Shortcuts", "Training: the next tab (bank, blueprints, competitions, results)")},
        {QString::fromLatin1(trainingPreviousTab), training, one(Qt::CTRL | Qt::Key_PageUp),
         QT_TRANSLATE_NOOP("Shortcuts", "Training: the previous tab")},
        {QString::fromLatin1(trainingSearch), bank, one(Qt::CTRL | Qt::Key_F),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: search the questions")},
        {QString::fromLatin1(trainingNewQuestion), bank, one(Qt::CTRL | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: write a new question")},
        {QString::fromLatin1(trainingEditQuestion), bank, one(Qt::Key_F2),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: revise the selected question")},
        {QString::fromLatin1(trainingRetireQuestion), bank, one(Qt::Key_F8),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: retire the selected question")},
        {QString::fromLatin1(trainingRegenerate), bank, one(Qt::Key_F5),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: regenerate the questions from the catalog")},
        {QString::fromLatin1(trainingImport), bank, one(Qt::CTRL | Qt::Key_O),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: import a JSON or CSV file")},
        {QString::fromLatin1(trainingExport), bank, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Bank: export the questions shown")},
        {QString::fromLatin1(trainingSaveQuestion),
         bank,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Question editor: save")},
        {QString::fromLatin1(practiceSubmit), practice, one(Qt::CTRL | Qt::Key_Return),
         QT_TRANSLATE_NOOP("Shortcuts", "Practice: submit the paper (asks first)")},
        {QString::fromLatin1(practiceMap), practice, one(Qt::CTRL | Qt::Key_G),
         QT_TRANSLATE_NOOP("Shortcuts", "Practice: the question map (Enter goes to the question)")},
        {QString::fromLatin1(practiceFinishDrill), practice, one(Qt::Key_F12),
         QT_TRANSLATE_NOOP("Shortcuts", "Practice: finish the scenario drill and score it")},
        {QString::fromLatin1(trainingNewBlueprint), blueprint, one(Qt::CTRL | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "Blueprints: a new blueprint")},
        {QString::fromLatin1(trainingAddSection), blueprint, one(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
         QT_TRANSLATE_NOOP("Shortcuts", "Blueprints: add the section of the fields")},
        {QString::fromLatin1(trainingRemoveSection), blueprint, one(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
         QT_TRANSLATE_NOOP("Shortcuts", "Blueprints: remove the selected section")},
        {QString::fromLatin1(trainingSaveBlueprint), blueprint, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Blueprints: save the blueprint")},
        {QString::fromLatin1(trainingPreviewPaper), blueprint, one(Qt::CTRL | Qt::Key_P),
         QT_TRANSLATE_NOOP("Shortcuts", "Blueprints: draw a sample paper (not stored)")},
        {QString::fromLatin1(trainingCreateCompetition),
         competition,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Competitions: create the competition")},
        {QString::fromLatin1(trainingRefreshBoard), competition, one(Qt::CTRL | Qt::Key_R),
         QT_TRANSLATE_NOOP("Shortcuts", "Competitions: refresh the leaderboards now")},
        {QString::fromLatin1(trainingExportResults), results, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Results: export the results or the skill levels (CSV, XLSX)")},
        {QString::fromLatin1(trainingRecordMarks), judging, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Judging: record the judge's marks")},
        {QString::fromLatin1(trainingFinalize),
         judging,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Judging: fix the drill's score and report it")},
    };
}

// The 情景 tab: its list and the editor shown in the list's place (never both), so no key means two things.
QList<ShortcutEntry> scenarioKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(scenarioNew), scenario, one(Qt::CTRL | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenarios: a new scenario drill")},
        {QString::fromLatin1(scenarioEdit), scenario, one(Qt::Key_F2),
         QT_TRANSLATE_NOOP("Shortcuts",
                           "Scenarios: edit the selected drill (one with attempts: a new version)")},
        {QString::fromLatin1(scenarioDuplicate), scenario, one(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenarios: duplicate the selected drill into the editor")},
        {QString::fromLatin1(scenarioClose), scenario, one(Qt::Key_F8),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenarios: close (archive) the selected drill")},
        {QString::fromLatin1(scenarioImport), scenario, one(Qt::CTRL | Qt::Key_O),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenarios: import a drill from a JSON file")},
        {QString::fromLatin1(scenarioExport), scenario, one(Qt::CTRL | Qt::Key_S),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenarios: export the selected drill as JSON")},
        {QString::fromLatin1(scenarioSave),
         scenario,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: save")},
        {QString::fromLatin1(scenarioFindItem), scenario, one(Qt::CTRL | Qt::Key_F),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: search the target item")},
        {QString::fromLatin1(scenarioGenerateId), scenario, one(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: generate a test ID number")},
        {QString::fromLatin1(scenarioGeneratePhone), scenario, one(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: generate a test mobile number")},
        {QString::fromLatin1(scenarioAddEvent), scenario, one(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: add the event of the fields")},
        {QString::fromLatin1(scenarioRemoveEvent), scenario, one(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
         QT_TRANSLATE_NOOP("Shortcuts", "Scenario editor: remove the selected event")},
    };
}

// Hall duties (issue 16) that any clerk reaches from any page.
QList<ShortcutEntry> dutyKeys() {
    using namespace shortcut;
    return {
        {QString::fromLatin1(reportUnresolved), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
         QT_TRANSLATE_NOOP("Shortcuts", "Record a matter that could not be done at the window")},
        {QString::fromLatin1(commitmentChecks), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
         QT_TRANSLATE_NOOP("Shortcuts", "Post-checks of commitments: the hall's checks and their outcomes")},
    };
}

// 跨省通办 (issue 16): its own page, never shown with another, so its keys may mean something else elsewhere.
QList<ShortcutEntry> crossProvinceKeys() {
    using namespace shortcut;
    const QString area = u"crossprovince"_s;
    return {
        {QString::fromLatin1(goCrossProvince), window, one(Qt::CTRL | Qt::SHIFT | Qt::Key_K),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: receive a matter for another province")},
        {QString::fromLatin1(crossProvinceRegion), area, one(Qt::CTRL | Qt::Key_G),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: the target region (name, pinyin initials or code)")},
        {QString::fromLatin1(crossProvinceRecent), area, one(Qt::Key_F2),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: pick a recent target and matter (with its materials)")},
        {QString::fromLatin1(crossProvinceAddMaterial), area, one(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: add a material line")},
        {QString::fromLatin1(crossProvinceRemoveMaterial), area, one(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: remove the material line with the focus")},
        {QString::fromLatin1(crossProvinceConfirm),
         area,
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: confirm, print the 接收回执 and the 移交清单")},
        {QString::fromLatin1(crossProvinceNew), area, one(Qt::CTRL | Qt::Key_N),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: a new receipt (clears the form)")},
        {QString::fromLatin1(crossProvinceForward), area, one(Qt::Key_F3),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办 list: record the forwarding of the selected receipt")},
        {QString::fromLatin1(crossProvinceReturn), area, one(Qt::Key_F4),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办 list: return the selected receipt to the applicant")},
        {QString::fromLatin1(crossProvinceNextTab), area, one(Qt::CTRL | Qt::Key_PageDown),
         QT_TRANSLATE_NOOP("Shortcuts", "跨省通办: switch between the receipt form and the list")},
    };
}

QList<ShortcutEntry> buildTable() {
    // Keys chosen so that none is an editing key of a line edit (Ctrl+A/C/E/U/V/X/Y/Z/K, Ctrl+Home …): the
    // clerk types in a field almost all the time, and such a key would edit the text instead.
    QList<ShortcutEntry> table;
    table += windowKeys();
    table += intakeKeys();
    table += casesKeys();
    table += listKeys();
    table += supervisionKeys();
    table += reportKeys();
    table += trainingKeys();
    table += scenarioKeys();
    table += dutyKeys();
    table += crossProvinceKeys();
    return table;
}

const ShortcutEntry *find(const char *id) {
    const QString key = QString::fromLatin1(id);
    for (const ShortcutEntry &e : shortcutTable())
        if (e.id == key)
            return &e;
    Q_ASSERT_X(false, "shortcutKey", id);
    return nullptr;
}
} // namespace

const QList<ShortcutEntry> &shortcutTable() {
    static const QList<ShortcutEntry> table = buildTable();
    return table;
}

QKeySequence shortcutKey(const char *id) {
    const ShortcutEntry *e = find(id);
    return e && !e->keys.isEmpty() ? e->keys.first() : QKeySequence();
}

QList<QKeySequence> shortcutKeys(const char *id) {
    const ShortcutEntry *e = find(id);
    return e ? e->keys : QList<QKeySequence>();
}

QString shortcutDescription(const char *id) {
    const ShortcutEntry *e = find(id);
    return e ? QCoreApplication::translate("Shortcuts", e->description) : QString();
}

QString shortcutAreaTitle(const QString &area) {
    if (area == u"window")
        return QCoreApplication::translate("Shortcuts", "Everywhere in the main window");
    if (area == u"intake")
        return QCoreApplication::translate("Shortcuts", "Intake page");
    if (area == u"cases")
        return QCoreApplication::translate("Shortcuts", "My cases");
    if (area == u"supervision")
        return QCoreApplication::translate("Shortcuts", "Supervision");
    if (area == u"reports")
        return QCoreApplication::translate("Shortcuts", "Supervision: the period report");
    if (area == u"training")
        return QCoreApplication::translate("Shortcuts", "Training");
    if (area == u"bank")
        return QCoreApplication::translate("Shortcuts", "Training: the question bank");
    if (area == u"practice")
        return QCoreApplication::translate("Shortcuts", "Practice");
    if (area == u"crossprovince")
        return QCoreApplication::translate("Shortcuts",
                                           "跨省通办 (intake for another province) and its list");
    if (area == u"blueprint")
        return QCoreApplication::translate("Shortcuts", "Training: the blueprints");
    if (area == u"competition")
        return QCoreApplication::translate("Shortcuts", "Training: the competitions");
    if (area == u"results")
        return QCoreApplication::translate("Shortcuts", "Training: the results");
    if (area == u"judging")
        return QCoreApplication::translate("Shortcuts", "Training: the judges' marks");
    if (area == u"scenario")
        return QCoreApplication::translate("Shortcuts", "Training: the scenario drills and their editor");
    if (area == u"lists")
        return QCoreApplication::translate("Shortcuts", "My cases and the supervision lists");
    return area;
}

QString withShortcut(const QString &text, const char *id) {
    const QKeySequence k = shortcutKey(id);
    return k.isEmpty() ? text : u"%1 (%2)"_s.arg(text, k.toString(QKeySequence::NativeText));
}

} // namespace windowdesk::ui
