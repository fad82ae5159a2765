// A competition over a SCENARIO SET (issue 15: "one blueprint or scenario set"), end to end by keys on the
// demo hall (real SQLite file, the platform simulator as a real PROCESS): the trainer creates it on 竞赛 —
// name, no blueprint (End in the blueprint box), the hall's scenario drill and two clerks ticked with Space,
// Ctrl+Enter. Each trainee logs in with their own password, opens 练习 (Ctrl+6), picks the competition's
// scenario and takes the case in on the REAL intake page in 练习模式 by keys (the applicant, Ctrl+F for the
// matter, each material's status, Alt+2 / Alt+3 for the decision, Ctrl+Enter), then F12: one with the right
// decision (补正), one with a wrong one (不予受理). The trainer's leaderboard says both wait for the judges
// (no zero); a judge marks both on 评分 (Ctrl+S, Ctrl+Enter) and the board ranks them, score then time. The
// two competition results reach the simulator exactly once while answers are lost after the platform
// committed (the parts' own scores stay local), and Ctrl+R on 竞赛 shows the platform's leaderboard. The real
// file's cases, drafts, tickets, evaluations and case audit rows are as they were, no outbox row but the two
// results was added, the drills' sandboxes are gone, and the audit chain verifies.
#include "synctestsupport.h"

#include <windowdesk/core/identity.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/sync/onlineapi.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/trainingui/competitiontab.h>
#include <windowdesk/trainingui/drillview.h>
#include <windowdesk/trainingui/judgingtab.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/trainingui/trainerpage.h>
#include <windowdesk/trainingui/trainingpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
const QString kRoute = u"POST /training/results"_s;
const QString kItem =
    u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1 身份证, m2 解除劳动关系证明, m3 社保卡

// QTest::keyClicks takes Latin-1 only: Chinese text arrives as key events carrying the text (an input
// method).
void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(w, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
    }
}

void press(QWidget *w, const char *id) {
    const QKeyCombination k = ui::shortcutKey(id)[0];
    QTest::keyClick(w, k.key(), k.keyboardModifiers());
}

// Keys to whatever has the focus in `window` (the window itself when nothing has).
void key(QWidget *window, Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget();
    if (!w || w->window() != window->window())
        w = window;
    QTest::keyClick(w, k, m);
}

void typeNumber(QAbstractSpinBox *box, const QString &value) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, value);
}

// A combo box's entry by keys: Home, then Down until the entry with `data` is current.
bool chooseByKeys(QComboBox *box, const QString &data) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < box->count() && box->currentData().toString() != data; ++i)
        QTest::keyClick(box, Qt::Key_Down);
    return box->currentData().toString() == data;
}

// A list's row by keys: Home, then Down until the row whose text contains `text` is current.
bool rowByKeys(QListWidget *list, const QString &text) {
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Home);
    for (int i = 0; i < list->count() && !list->currentItem()->text().contains(text); ++i)
        QTest::keyClick(list, Qt::Key_Down);
    return list->currentItem() && list->currentItem()->text().contains(text);
}

bool activate(QWidget *w) {
    w->activateWindow();
    w->raise();
    return QTest::qWaitForWindowActive(w);
}

training::Scenario scenario() {
    training::Scenario s;
    s.title = u"失业保险金申领（证明未盖章）"_s;
    s.brief = u"我被单位解除合同了，想领失业金。"_s;
    s.applicantName = u"李训练"_s;
    const QString first17 = u"43010419900307123"_s;
    s.idNumber = first17 + core::residentIdCheckCharacter(first17);
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, training::ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, training::ScenarioDocument::State::Wrong},
                   {u"m3"_s, u"社会保障卡"_s, training::ScenarioDocument::State::Good}};
    s.events = {{training::ScenarioEvent::Kind::Say, 1, u"我还想顺便问问社保卡的事。"_s}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = u"correction_required"_s;
    return s; // automatic 100 (item 30, materials 30, decision 20, data 10, time 10) + judged 20
}

// What the real file holds that no drill may change.
struct Snapshot {
    QList<int> counts;
    bool operator==(const Snapshot &) const = default;
};
Snapshot snapshot(const Client &c) {
    Snapshot s;
    for (const QString &t : {u"cases"_s, u"case_items"_s, u"case_materials"_s, u"case_events"_s, u"drafts"_s,
                             u"queue_tickets"_s, u"evaluations"_s, u"licenses_seen"_s})
        s.counts.append(c.scalar(u"SELECT count(*) FROM "_s + t));
    s.counts.append(c.scalar(u"SELECT count(*) FROM outbox WHERE kind <> 'training_result'"_s));
    s.counts.append(c.scalar(u"SELECT count(*) FROM audit_log WHERE action LIKE 'case%'"_s));
    return s;
}
} // namespace

class TstScenarioCompetitionByKeys : public QObject {
    Q_OBJECT
    Sim sim;
    QTemporaryDir logDir;

    QJsonObject stats() { return sim.stats(); }
    int platformResults() { return stats().value(u"training_results"_s).toInt(); }
    int keysSeen() { return stats().value(u"keys_seen"_s).toObject().value(kRoute).toInt(); }
    int routeRequests() { return stats().value(u"requests"_s).toObject().value(kRoute).toInt(); }

    static storage::User logIn(storage::UserRepository &users, const QString &username,
                               const QString &password) {
        ui::LoginDialog dlg(
            [&users](const QString &u, const QString &p) { return users.authenticate(u, p); });
        dlg.show();
        QTest::keyClicks(dlg.findChild<QLineEdit *>(u"loginUser"_s), username);
        auto *pass = dlg.findChild<QLineEdit *>(u"loginPassword"_s);
        QTest::keyClicks(pass, password);
        QTest::keyClick(pass, Qt::Key_Return);
        return dlg.result() == QDialog::Accepted ? dlg.user() : storage::User{};
    }

    sync::Tokens platformTokens() const {
        const QJsonObject o = sim.http("POST", u"/auth/login"_s,
                                       QJsonDocument(QJsonObject{{u"username"_s, kUser},
                                                                 {u"password"_s, kPassword},
                                                                 {u"device_id"_s, u"trainer-pc"_s}})
                                           .toJson(QJsonDocument::Compact))
                                  .json();
        return {o.value(u"access_token"_s).toString(), o.value(u"refresh_token"_s).toString(), kUser};
    }

    // The trainer page's tabs by keys (Ctrl+Tab) until `tab` is current.
    static bool tabByKeys(trainingui::TrainerPage *page, QWidget *tab) {
        for (int i = 0; i < page->count() && page->currentWidget() != tab; ++i) {
            if (!page->isAncestorOf(QApplication::focusWidget()))
                page->currentWidget()->setFocus();
            press(QApplication::focusWidget(), ui::shortcut::trainingNextTab);
        }
        return page->currentWidget() == tab;
    }

    // The case taken in on the drill's intake page, by keys: the applicant as they give themselves, the
    // matter, m1 and m3 on paper, m2 missing (its certificate has no seal), then the decision.
    static QString takeInByKeys(intake::IntakePage *intake, bool rightDecision) {
        auto *name = intake->findChild<QLineEdit *>(u"applicantName"_s);
        if (!name)
            return u"no applicant field"_s;
        const training::Scenario s = scenario();
        typeText(name, s.applicantName);
        typeText(intake->findChild<QLineEdit *>(u"applicantIdNumber"_s), s.idNumber);
        typeText(intake->findChild<QLineEdit *>(u"applicantPhone"_s), s.phone);
        name->setFocus();
        key(intake, Qt::Key_F, Qt::ControlModifier);
        auto *search = intake->findChild<QLineEdit *>(u"matterSearch"_s);
        if (QApplication::focusWidget() != search)
            return u"Ctrl+F did not reach the matter search"_s;
        typeText(search, u"失业保险金申领"_s);
        QTest::keyClick(search, Qt::Key_Return);
        if (intake->matter().itemCode != kItem)
            return u"wrong matter: "_s + intake->matter().itemCode;
        for (const auto &[material, status] :
             {std::pair{u"m1"_s, u"paper"_s}, std::pair{u"m2"_s, u"missing"_s},
              std::pair{u"m3"_s, u"paper"_s}}) {
            auto *box = intake->findChild<QComboBox *>(u"material_"_s + material);
            if (!box || !chooseByKeys(box, status))
                return u"material "_s + material;
        }
        typeText(intake->findChild<QLineEdit *>(u"reason_m2"_s), u"解除劳动关系证明未盖章"_s);
        intake->findChild<QLineEdit *>(u"reason_m2"_s)->setFocus();
        key(intake, rightDecision ? Qt::Key_2 : Qt::Key_3, Qt::AltModifier);
        // A refusal gives its reason and legal basis (the page asks for them only then).
        for (const auto &[field, text] : {std::pair{u"decisionReason"_s, u"解除劳动关系证明未盖章"_s},
                                          std::pair{u"decisionBasis"_s, u"《失业保险条例》第十四条"_s}})
            if (auto *edit = intake->findChild<QLineEdit *>(field); edit && edit->isVisible()) {
                edit->setFocus();
                typeText(edit, text);
            }
        key(intake, Qt::Key_Return, Qt::ControlModifier);
        if (intake->lastCaseLocalId().isEmpty()) {
            auto *problems = intake->findChild<QLabel *>(u"decisionProblems"_s);
            return u"not taken in: "_s + (problems ? problems->text() : QString());
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(logDir.isValid());
        QVERIFY(sim.start({u"--catalog-size"_s, u"10"_s}, logDir.filePath(u"sim.log"_s)));
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        ui::DialogFacade::instance().setInteractive(false);
    }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void scenarioCompetitionForTwoTraineesByKeys() {
        Client c;
        QVERIFY(c.open(sim));
        const Clock &clock = SystemClock::instance();
        QVERIFY(storage::DemoHall::load(*c.db, clock).ok());
        QVERIFY(c.seed(4) > 0); // the hall's real cases, with their outbox rows
        storage::AuditLog audit(*c.db, clock, nullptr);
        storage::UserRepository users(*c.db, clock, &audit);
        LoggedInEngine e;
        QVERIFY(e.login(c));
        (void)e.run(20); // the seeded cases' own rows reach the platform first, without faults
        QCOMPARE(storage::OutboxRepository(*c.db, clock).unacknowledgedCount().value(), 0);
        // The hall's scenario drill (written by a trainer before; its editor is not this test's subject).
        QVERIFY(training::ScenarioDrills(*c.db, clock).addDrill(scenario(), u"u-demo-trainer"_s).ok());
        const Snapshot before = snapshot(c);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 0);

        // ── The trainer sets the competition up on 竞赛 ─────────────────────
        const storage::User trainer = logIn(users, u"trainer"_s, u"Train@2026"_s);
        QCOMPARE(trainer.username, u"trainer"_s);
        sync::OnlineApi online(c.config);
        online.setTokens(platformTokens());
        ui::ShellContext tctx;
        tctx.db = c.db.get();
        tctx.clock = &clock;
        tctx.audit = &audit;
        tctx.user = trainer;
        ui::MainWindow tw(tctx);
        trainingui::registerTrainingPages(tw, {c.db.get(), &clock, &audit, trainer, {}, &online});
        tw.resize(1400, 900);
        tw.show();
        QVERIFY(activate(&tw));
        QTest::keyClick(&tw, ui::shortcutKey(ui::shortcut::goTraining)[0].key(),
                        ui::shortcutKey(ui::shortcut::goTraining)[0].keyboardModifiers());
        auto *page = qobject_cast<trainingui::TrainerPage *>(tw.page(u"training"_s));
        QVERIFY(page);
        QTRY_VERIFY(page->isVisible());
        trainingui::CompetitionTab *comp = page->competitionTab();
        QVERIFY(tabByKeys(page, comp));
        auto *compName = comp->findChild<QLineEdit *>(u"competitionName"_s);
        auto *compBlueprint = comp->findChild<QComboBox *>(u"competitionBlueprint"_s);
        auto *scenarios = comp->findChild<QListWidget *>(u"competitionScenarios"_s);
        auto *trainees = comp->findChild<QListWidget *>(u"competitionTrainees"_s);
        auto *compMessage = comp->findChild<ui::MessageBar *>(u"competitionMessage"_s);
        QVERIFY(compName && compBlueprint && trainees && compMessage);
        QVERIFY(scenarios);
        QCOMPARE(scenarios->count(), 1);
        compName->setFocus();
        typeText(compName, u"十二月情景比武"_s);
        // Nothing chosen but the trainees: refused, in Chinese.
        QVERIFY(rowByKeys(trainees, u"clerk"_s));
        QTest::keyClick(trainees, Qt::Key_Space);
        QVERIFY(rowByKeys(trainees, u"admin"_s));
        QTest::keyClick(trainees, Qt::Key_Space);
        compBlueprint->setFocus();
        QTest::keyClick(compBlueprint, Qt::Key_End); // (不用组卷方案：仅情景演练)
        QVERIFY(compBlueprint->currentData().toString().isEmpty());
        press(compBlueprint, ui::shortcut::trainingCreateCompetition);
        QCOMPARE(compMessage->text(), u"请选择组卷方案或情景演练"_s);
        QVERIFY(comp->selectedDrill().isEmpty());
        QVERIFY(rowByKeys(scenarios, u"证明未盖章"_s));
        QTest::keyClick(scenarios, Qt::Key_Space);
        QCOMPARE(scenarios->item(0)->checkState(), Qt::Checked);
        press(scenarios, ui::shortcut::trainingCreateCompetition);
        const QString drillId = comp->selectedDrill();
        QVERIFY2(!drillId.isEmpty(), qPrintable(compMessage->text()));
        trainingui::LeaderboardModel *board = comp->leaderboard();
        QCOMPARE(board->rowCount(), 2);
        for (int r = 0; r < 2; ++r)
            QCOMPARE(board->index(r, trainingui::LeaderboardModel::Score).data().toString(), u"未交卷"_s);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'training_competition_created'"_s),
                 1);

        // ── Two trainees, each on the intake page in 练习模式 ─────────────────
        const QList<std::tuple<QString, QString, bool>> logins{
            {u"clerk"_s, u"Clerk@2026"_s, true},  // 补正: the target decision
            {u"admin"_s, u"Admin@2026"_s, false}, // 不予受理: a wrong decision
        };
        QStringList traineeIds;
        QList<double> automatic;
        for (const auto &[username, password, right] : logins) {
            const storage::User me = logIn(users, username, password);
            QCOMPARE(me.username, username);
            ui::ShellContext ctx = tctx;
            ctx.user = me;
            ui::MainWindow w(ctx);
            trainingui::registerTrainingPages(w, {c.db.get(), &clock, &audit, me, {}, nullptr});
            w.resize(1400, 1000);
            w.show();
            QVERIFY(activate(&w));
            QTest::keyClick(&w, ui::shortcutKey(ui::shortcut::goPractice)[0].key(),
                            ui::shortcutKey(ui::shortcut::goPractice)[0].keyboardModifiers());
            auto *practice = qobject_cast<trainingui::PracticePage *>(w.page(u"practice"_s));
            QVERIFY(practice);
            QTRY_VERIFY(practice->isVisible());
            QListWidget *offers = practice->list();
            QVERIFY(rowByKeys(offers, u"十二月情景比武"_s));
            QVERIFY2(offers->currentItem()->text().startsWith(u"[竞赛]"_s),
                     qPrintable(offers->currentItem()->text()));
            QTest::keyClick(offers, Qt::Key_Return);
            trainingui::DrillView *drill = practice->drillView();
            QTRY_COMPARE(practice->currentWidget(), drill);
            QVERIFY(w.windowTitle().endsWith(u"练习模式"_s));
            QVERIFY(drill->findChild<QLabel *>(u"practiceBanner"_s)->text().startsWith(u"练习模式"_s));
            QVERIFY(drill->sandbox() && drill->sandbox()->path() != c.db->path());
            const QString sandboxPath = drill->sandbox()->path();
            intake::IntakePage *intake = drill->intakePage();
            QVERIFY(intake);
            QTRY_VERIFY(intake->isVisible());
            const QString problem = takeInByKeys(intake, right);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QCOMPARE(c.scalar(u"SELECT count(*) FROM cases"_s), before.counts.at(0)); // not in the real file
            auto sandboxCases = drill->sandbox()->query(u"SELECT count(*) FROM cases"_s);
            QVERIFY(sandboxCases.ok() && sandboxCases->next());
            QCOMPARE(sandboxCases->value(0).toInt(), 1);
            // F12 finishes (after asking) and shows the rubric.
            ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
            if (!drill->isAncestorOf(QApplication::focusWidget()))
                intake->setFocus();
            press(QApplication::focusWidget(), ui::shortcut::practiceFinishDrill);
            QTRY_COMPARE(practice->currentWidget()->objectName(), u"practiceResult"_s);
            QVERIFY(!w.windowTitle().contains(u"练习模式"_s));
            QVERIFY(!QFile::exists(sandboxPath));
            const auto a = c.scalar(u"SELECT score FROM training_attempts WHERE kind = 'scenario' AND "
                                    u"trainee_id = ?"_s,
                                    {me.id});
            automatic.append(a);
            traineeIds.append(me.id);
            // Taken, not judged: the board says the trainee waits for the judges — not a zero.
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int r = 0; r < board->rowCount(); ++r)
                        if (board->rows().at(r).traineeId == me.id)
                            return board->rows().at(r).awaitingJudges &&
                                   board->index(r, trainingui::LeaderboardModel::Score).data().toString() ==
                                       u"等待评委评分"_s;
                    return false;
                }(),
                10000);
        }
        QCOMPARE(automatic.at(0), 100.0);
        QCOMPARE(automatic.at(1), 80.0); // the decision's 20 points lost
        // The parts' scores are not sent: nothing yet.
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 0);
        QVERIFY(QDir(trainingui::practiceDirFor(*c.db)).entryList({u"drill-*"_s}).isEmpty());

        // ── A judge marks both on 评分 ─────────────────────────────────────────
        QVERIFY(activate(&tw));
        trainingui::JudgingTab *judging = page->judgingTab();
        QVERIFY(tabByKeys(page, judging));
        auto *waiting = judging->findChild<QListWidget *>(u"judgingList"_s);
        auto *judge = judging->findChild<QLineEdit *>(u"judgingJudge"_s);
        auto *judgingMessage = judging->findChild<ui::MessageBar *>(u"judgingMessage"_s);
        QVERIFY(waiting && judge && judgingMessage);
        QCOMPARE(waiting->count(), 2);
        const QList<std::pair<QString, QString>> marks{{u"8"_s, u"9"_s}, {u"6"_s, u"7"_s}};
        for (int i = 0; i < 2; ++i) {
            QVERIFY(rowByKeys(waiting, i == 0 ? u"李娜"_s : u"陈静"_s));
            judge->setFocus();
            QTest::keyClick(judge, Qt::Key_A, Qt::ControlModifier);
            typeText(judge, u"评委甲"_s);
            auto *attitude = judging->findChild<QDoubleSpinBox *>(u"judgingMark_attitude"_s);
            auto *explanation = judging->findChild<QDoubleSpinBox *>(u"judgingMark_explanation"_s);
            QVERIFY(attitude && explanation);
            typeNumber(attitude, marks.at(i).first);
            typeNumber(explanation, marks.at(i).second);
            press(explanation, ui::shortcut::trainingRecordMarks);
            QVERIFY2(judgingMessage->text().contains(u"评委甲"_s), qPrintable(judgingMessage->text()));
            press(QApplication::focusWidget(), ui::shortcut::trainingFinalize);
            QVERIFY2(judgingMessage->text().contains(u"已定分"_s), qPrintable(judgingMessage->text()));
        }
        QCOMPARE(waiting->count(), 0);

        // The leaderboard ranks them: score, then time.
        QVERIFY(tabByKeys(page, comp));
        QTRY_VERIFY_WITH_TIMEOUT(board->rowCount() == 2 && board->rows().at(0).bestScore.has_value() &&
                                     board->rows().at(1).bestScore.has_value(),
                                 10000);
        QCOMPARE(board->rows().at(0).traineeId, traineeIds.at(0));
        QCOMPARE(*board->rows().at(0).bestScore, 100 + 17.0);
        QCOMPARE(board->rows().at(0).rank, 1);
        QCOMPARE(board->rows().at(1).traineeId, traineeIds.at(1));
        QCOMPARE(*board->rows().at(1).bestScore, 80 + 13.0);
        QCOMPARE(board->rows().at(1).rank, 2);
        QCOMPARE(board->rows().at(0).maxScore, 120.0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 2);

        // ── The results reach the simulator exactly once under faults ────────
        const int before0 = platformResults();
        const int keysBefore = keysSeen();
        const int postsBefore = routeRequests();
        QVERIFY(sim.setFaults(u"fail-nth=1,drop-after-commit=0.5"_s));
        (void)e.run(8);
        const auto summary = e.run(30);
        QVERIFY(sim.setFaults(QString()));
        QVERIFY2(summary.pending == 0 && summary.needsAttention == 0, qPrintable(summaryText(summary)));
        QVERIFY(routeRequests() - postsBefore > 2); // answers were lost and re-sent …
        QCOMPARE(keysSeen() - keysBefore, 2);       // … under each result's one key …
        QCOMPARE(platformResults() - before0, 2);   // … and each result is there once
        QCOMPARE(storage::OutboxRepository(*c.db, clock).unacknowledgedCount().value(), 0);
        const int posts = routeRequests();
        (void)e.run(10);
        QCOMPARE(routeRequests(), posts); // a second run sends nothing

        // Ctrl+R on 竞赛: the platform's leaderboard of the competition, with the totals scored here.
        comp->findChild<QWidget *>(u"leaderboardTable"_s)->setFocus();
        press(QApplication::focusWidget(), ui::shortcut::trainingRefreshBoard);
        trainingui::LeaderboardModel *platform = comp->platformLeaderboard();
        QTRY_COMPARE_WITH_TIMEOUT(platform->rowCount(), 2, 15000);
        QCOMPARE(platform->rows().at(0).traineeId, traineeIds.at(0));
        QCOMPARE(*platform->rows().at(0).bestScore, 117.0);
        QCOMPARE(*platform->rows().at(1).bestScore, 93.0);

        // The real file: no case, draft, ticket, evaluation, license or case write, no case audit row, no
        // outbox row but the two results; the judges' marks are audited; the audit chain verifies.
        QCOMPARE(snapshot(c), before);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'training_judgement'"_s), 4);
        auto verify = storage::AuditLog(*c.db, clock, nullptr).verify();
        QVERIFY(verify.ok() && verify->chainOk);
    }
};

QTEST_MAIN(TstScenarioCompetitionByKeys)
#include "tst_scenariocompetitionbykeys.moc"
