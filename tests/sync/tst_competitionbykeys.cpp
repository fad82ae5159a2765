// Issue 15's "Done when", end to end by keys on the demo hall (real SQLite file, the platform simulator as a
// real PROCESS): the trainer logs in and, on the 培训 page, regenerates the bank from the catalog (F5),
// writes two questions of their own (Ctrl+N … Ctrl+Enter), sets a blueprint (组卷: the fields, Ctrl+Shift+A
// per section, Ctrl+S) and creates a competition for two clerks (竞赛: Space ticks each, Ctrl+Enter). Each
// trainee logs in with their own password in the login dialog, opens 练习 (Ctrl+6), starts the competition
// (Enter) and gets their own paper, answers by keys and submits (Ctrl+Enter, confirmed); the trainer's
// leaderboard follows each result live (its 1 s poll). The two results then reach the simulator exactly once
// while half of the answers are dropped after the platform committed, and Ctrl+R on 竞赛 shows the platform's
// leaderboard with the scores scored here. Cases, drafts, tickets and the cases' outbox rows of the real file
// are as they were, nothing but the two results joined the outbox, and the audit chain verifies.
#include "synctestsupport.h"

#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/outboxrepository.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/sync/onlineapi.h>
#include <windowdesk/training/trainingattempts.h>
#include <windowdesk/trainingui/banktab.h>
#include <windowdesk/trainingui/blueprinttab.h>
#include <windowdesk/trainingui/competitiontab.h>
#include <windowdesk/trainingui/paperview.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/trainingui/questioneditor.h>
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
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
const QString kRoute = u"POST /training/results"_s;

// QTest::keyClicks takes Latin-1 only: Chinese text arrives as key events carrying the text (an input
// method).
void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
        if (c == u'\n') {
            QTest::keyClick(w, Qt::Key_Return);
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

// A spin box's value by keys: select all, type the number.
void typeNumber(QAbstractSpinBox *box, const QString &value) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, value);
}

// A combo box's entry by keys: Home, then Down until it is current.
bool chooseByKeys(QComboBox *box, int index) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(box, Qt::Key_Down);
    return box->currentIndex() == index;
}

bool activate(QWidget *w) {
    w->activateWindow();
    w->raise();
    return QTest::qWaitForWindowActive(w);
}

// What the real file holds that no trainer or trainee action may change.
struct Snapshot {
    QList<int> counts;
    bool operator==(const Snapshot &) const = default;
};
Snapshot snapshot(const Client &c) {
    Snapshot s;
    for (const QString &t : {u"cases"_s, u"case_items"_s, u"case_materials"_s, u"case_events"_s, u"drafts"_s,
                             u"queue_tickets"_s, u"evaluations"_s})
        s.counts.append(c.scalar(u"SELECT count(*) FROM "_s + t));
    s.counts.append(c.scalar(u"SELECT count(*) FROM outbox WHERE kind <> 'training_result'"_s));
    s.counts.append(c.scalar(u"SELECT count(*) FROM audit_log WHERE action LIKE 'case%'"_s));
    return s;
}
} // namespace

class TstCompetitionByKeys : public QObject {
    Q_OBJECT
    Sim sim;
    QTemporaryDir logDir;

    QJsonObject stats() { return sim.stats(); }
    int platformResults() { return stats().value(u"training_results"_s).toInt(); }
    int keysSeen() { return stats().value(u"keys_seen"_s).toObject().value(kRoute).toInt(); }
    int routeRequests() { return stats().value(u"requests"_s).toObject().value(kRoute).toInt(); }

    // The login dialog, by keys.
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

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(logDir.isValid());
        QVERIFY(sim.start({u"--catalog-size"_s, u"10"_s}, logDir.filePath(u"sim.log"_s)));
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        ui::DialogFacade::instance().setInteractive(false);
    }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void trainerRunsACompetitionForTwoTraineesByKeys() {
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
        const Snapshot before = snapshot(c);
        const int trainingOutboxBefore =
            c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s);
        QCOMPARE(trainingOutboxBefore, 0);

        // ── The trainer ──────────────────────────────────────────────────────
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
        trainingui::BankTab *bank = page->bankTab();
        auto *search = bank->findChild<QLineEdit *>(u"bankSearch"_s);
        auto *bankMessage = bank->findChild<ui::MessageBar *>(u"bankMessage"_s);
        QVERIFY(search && bankMessage);

        // 题库: F5 generates the bank from the catalog.
        search->setFocus();
        press(search, ui::shortcut::trainingRegenerate);
        QVERIFY2(bankMessage->text().startsWith(u"已根据事项目录重新生成"_s),
                 qPrintable(bankMessage->text()));
        QVERIFY(c.scalar(u"SELECT count(*) FROM training_questions WHERE source = 'generated'"_s) > 50);

        // Two questions of the trainer's own (single choice, category 窗口礼仪).
        const QList<std::pair<QString, QString>> mine{
            {u"首问负责制要求首位接待的工作人员怎样做？"_s,
             u"推给其他窗口\n问清需求并负责到底\n让群众自己查"_s},
            {u"一次性告知要求窗口人员一次告知哪些内容？"_s, u"只告知材料\n全部材料和办理要求\n不必告知"_s}};
        for (const auto &[stemText, optionText] : mine) {
            search->setFocus();
            press(search, ui::shortcut::trainingNewQuestion);
            QTRY_VERIFY(bank->editor() && bank->editor()->isVisible());
            trainingui::QuestionEditor *editor = bank->editor();
            auto *category = editor->findChild<QComboBox *>(u"editorCategory"_s);
            auto *stem = editor->findChild<QPlainTextEdit *>(u"editorStem"_s);
            auto *options = editor->findChild<QPlainTextEdit *>(u"editorOptions"_s);
            auto *answer = editor->findChild<QLineEdit *>(u"editorAnswer"_s);
            QVERIFY(category && stem && options && answer);
            category->setFocus();
            category->lineEdit()->selectAll();
            typeText(category->lineEdit(), u"窗口礼仪"_s);
            stem->setFocus();
            typeText(stem, stemText);
            options->setFocus();
            typeText(options, optionText);
            answer->setFocus();
            typeText(answer, u"B"_s);
            press(answer, ui::shortcut::trainingSaveQuestion);
            QTRY_VERIFY(!bank->editor());
        }
        QCOMPARE(c.scalar(u"SELECT count(*) FROM training_questions WHERE source = 'trainer' "
                          u"AND category = '窗口礼仪'"_s),
                 2);

        // 组卷: a blueprint — the trainer's two questions at 10 points, four true/false at 5; pass line 30.
        search->setFocus();
        press(search, ui::shortcut::trainingNextTab);
        QCOMPARE(page->currentWidget(), page->blueprintTab());
        trainingui::BlueprintTab *bp = page->blueprintTab();
        auto *bpName = bp->findChild<QLineEdit *>(u"blueprintName"_s);
        auto *pass = bp->findChild<QDoubleSpinBox *>(u"blueprintPass"_s);
        auto *sectionCategory = bp->findChild<QComboBox *>(u"sectionCategory"_s);
        auto *sectionKind = bp->findChild<QComboBox *>(u"sectionKind"_s);
        auto *count = bp->findChild<QSpinBox *>(u"sectionCount"_s);
        auto *points = bp->findChild<QDoubleSpinBox *>(u"sectionPoints"_s);
        auto *bpCheck = bp->findChild<QLabel *>(u"blueprintCheck"_s);
        auto *bpMessage = bp->findChild<ui::MessageBar *>(u"blueprintMessage"_s);
        QVERIFY(bpName && pass && sectionCategory && sectionKind && count && points && bpCheck && bpMessage);
        bpName->setFocus();
        typeText(bpName, u"窗口技能比武"_s);
        typeNumber(pass, u"30"_s);
        QVERIFY(chooseByKeys(sectionCategory, sectionCategory->findData(u"窗口礼仪"_s)));
        typeNumber(count, u"2"_s);
        typeNumber(points, u"10"_s);
        press(points, ui::shortcut::trainingAddSection);
        QVERIFY(chooseByKeys(sectionCategory, 0));                                  // any category …
        QVERIFY(chooseByKeys(sectionKind, sectionKind->findData(u"true_false"_s))); // … true/false
        typeNumber(count, u"4"_s);
        typeNumber(points, u"5"_s);
        press(points, ui::shortcut::trainingAddSection);
        QCOMPARE(bp->current().questionCount(), 6);
        QCOMPARE(bp->current().maxScore(), 40.0);
        QCOMPARE(bpCheck->text(), u"题库足以组成每个部分。"_s);
        press(points, ui::shortcut::trainingSaveBlueprint);
        QVERIFY2(bpMessage->text().contains(u"已保存"_s), qPrintable(bpMessage->text()));

        // 竞赛 (after 情景): the competition for 李娜 (clerk) and 陈静 (admin), starting now.
        trainingui::CompetitionTab *comp = page->competitionTab();
        for (int i = 0; i < page->count() && page->currentWidget() != comp; ++i)
            press(QApplication::focusWidget(), ui::shortcut::trainingNextTab);
        QCOMPARE(page->currentWidget(), comp);
        auto *compName = comp->findChild<QLineEdit *>(u"competitionName"_s);
        auto *compBlueprint = comp->findChild<QComboBox *>(u"competitionBlueprint"_s);
        auto *trainees = comp->findChild<QListWidget *>(u"competitionTrainees"_s);
        QVERIFY(compName && compBlueprint && trainees);
        QCOMPARE(compBlueprint->currentText(), u"窗口技能比武"_s); // offered at once
        QCOMPARE(trainees->count(), 2);
        compName->setFocus();
        typeText(compName, u"十二月技能比武"_s);
        trainees->setFocus();
        trainees->setCurrentRow(0);
        QTest::keyClick(trainees, Qt::Key_Space);
        QTest::keyClick(trainees, Qt::Key_Down);
        QTest::keyClick(trainees, Qt::Key_Space);
        QCOMPARE(trainees->item(0)->checkState(), Qt::Checked);
        QCOMPARE(trainees->item(1)->checkState(), Qt::Checked);
        press(trainees, ui::shortcut::trainingCreateCompetition);
        const QString drillId = comp->selectedDrill();
        QVERIFY(!drillId.isEmpty());
        trainingui::LeaderboardModel *board = comp->leaderboard();
        QCOMPARE(board->rowCount(), 2);
        QVERIFY(!board->rows().at(0).bestScore && !board->rows().at(1).bestScore);

        // ── Two trainees, each with their own login and paper ─────────────────
        struct Taken {
            QString traineeId, paperId;
            double score = 0;
        };
        QList<Taken> taken;
        const QList<std::tuple<QString, QString, int>> logins{
            {u"clerk"_s, u"Clerk@2026"_s, 6}, // answers all six right
            {u"admin"_s, u"Admin@2026"_s, 3}, // the first three right, the rest wrong
        };
        for (const auto &[username, password, right] : logins) {
            const storage::User me = logIn(users, username, password);
            QCOMPARE(me.username, username);
            ui::ShellContext ctx = tctx;
            ctx.user = me;
            ui::MainWindow w(ctx);
            trainingui::registerTrainingPages(w, {c.db.get(), &clock, &audit, me, {}, nullptr});
            w.resize(1100, 800);
            w.show();
            QVERIFY(activate(&w));
            QTest::keyClick(&w, ui::shortcutKey(ui::shortcut::goPractice)[0].key(),
                            ui::shortcutKey(ui::shortcut::goPractice)[0].keyboardModifiers());
            auto *practice = qobject_cast<trainingui::PracticePage *>(w.page(u"practice"_s));
            QVERIFY(practice);
            QTRY_VERIFY(practice->isVisible());
            QListWidget *offers = practice->list();
            QCOMPARE(offers->count(), 1);
            QVERIFY2(offers->item(0)->text().contains(u"十二月技能比武"_s),
                     qPrintable(offers->item(0)->text()));
            offers->setFocus();
            QTest::keyClick(offers, Qt::Key_Return);
            trainingui::PaperView *paper = practice->paperView();
            QTRY_COMPARE(practice->currentWidget(), paper);
            training::TrainingAttempts attempts(*c.db, clock);
            const training::AttemptInfo info = attempts.attempt(paper->attemptId()).value();
            QCOMPARE(info.traineeId, me.id);
            const QList<training::AttemptQuestion> qs = attempts.questions(info.id).value();
            QCOMPARE(qs.size(), 6);
            paper->setFocus();
            for (int i = 0; i < qs.size(); ++i) {
                const QList<int> rightShown = qs.at(i).correctShown();
                int shown = rightShown.first();
                if (i >= right) // a wrong option
                    shown = rightShown.first() == 0 ? 1 : 0;
                QTest::keyClick(paper, Qt::Key(Qt::Key_A + shown));
                QTest::keyClick(paper, Qt::Key_PageDown);
            }
            ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
            press(paper, ui::shortcut::practiceSubmit);
            QTRY_COMPARE(practice->currentWidget()->objectName(), u"practiceResult"_s);
            const training::AttemptInfo done = attempts.attempt(info.id).value();
            QVERIFY(!done.open);
            double expected = 0;
            for (int i = 0; i < right; ++i)
                expected += qs.at(i).paper.points;
            QCOMPARE(done.score, expected);
            taken.append({me.id, info.paperId, done.score});

            // The trainer's leaderboard follows, live.
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (const training::LeaderboardRow &r : board->rows())
                        if (r.traineeId == me.id)
                            return r.bestScore.has_value() && *r.bestScore == done.score;
                    return false;
                }(),
                5000);
        }
        QCOMPARE(taken.size(), 2);
        QVERIFY(taken.at(0).paperId != taken.at(1).paperId); // each their own paper
        QCOMPARE(taken.at(0).score, 40.0);
        QVERIFY(taken.at(1).score < 30); // three right of six: at most 10 + 10 + 5
        QCOMPARE(board->rows().at(0).traineeId, taken.at(0).traineeId);
        QCOMPARE(board->rows().at(0).rank, 1);
        QVERIFY(board->rows().at(0).passed);
        QCOMPARE(board->rows().at(1).rank, 2);
        QVERIFY(!board->rows().at(1).passed);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 2);

        // ── The results reach the simulator exactly once under faults ────────
        const int before0 = platformResults();
        const int keysBefore = keysSeen();
        const int postsBefore = routeRequests();
        // The first result's answer is lost for sure (fail-nth=1), and any answer with half a chance.
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

        // Ctrl+R on 竞赛: the platform's leaderboard, with the scores scored here.
        QVERIFY(activate(&tw));
        comp->findChild<QWidget *>(u"leaderboardTable"_s)->setFocus();
        press(QApplication::focusWidget(), ui::shortcut::trainingRefreshBoard);
        trainingui::LeaderboardModel *platform = comp->platformLeaderboard();
        QTRY_COMPARE_WITH_TIMEOUT(platform->rowCount(), 2, 15000);
        QHash<QString, double> onPlatform;
        for (const training::LeaderboardRow &r : platform->rows())
            onPlatform.insert(r.traineeId, *r.bestScore);
        for (const Taken &t : std::as_const(taken))
            QCOMPARE(onPlatform.value(t.traineeId, -1), t.score);
        QCOMPARE(platform->rows().at(0).traineeId, taken.at(0).traineeId);

        // The real file: no case, draft, ticket, evaluation or case write, no case audit row, no outbox row
        // but the two results; the audit chain (logins, the trainer's audited saves) verifies.
        QCOMPARE(snapshot(c), before);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 2);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'training_blueprint_saved'"_s), 1);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'training_competition_created'"_s),
                 1);
        auto verify = storage::AuditLog(*c.db, clock, nullptr).verify();
        QVERIFY(verify.ok() && verify->chainOk);
    }
};

QTEST_MAIN(TstCompetitionByKeys)
#include "tst_competitionbykeys.moc"
