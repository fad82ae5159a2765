// The trainee's 练习 page (issue 15), driven by keys offscreen on a real SQLite file: the policy and the time
// limit shown before starting; a paper taken by keys (letters and digits choose, PgDn moves, Ctrl+Return
// submits after the confirmation) with the result, the right answers and the explanations; auto-submit at
// zero; an attempt resumed at its first unanswered question with the time the stored start leaves; a scenario
// drill on the real intake page in 练习模式 (title and banner) over a sandbox with its injected events,
// scored by the rubric — the real database's cases, drafts, tickets, audit chain and case outbox untouched.
#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/cases/intakevisit.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/trainingui/drillview.h>
#include <windowdesk/trainingui/paperview.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;
using trainingui::PracticePage;

namespace {

const QDateTime kStart = QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc());
const QString kItem =
    u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1 身份证, m2 解除劳动关系证明, m3 社保卡

qint64 scalar(storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
}
QString text(storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toString() : QString();
}

bool fillBank(storage::Database &db, const Clock &clock) {
    QuestionBank bank(db, clock);
    for (int i = 0; i < 4; ++i) {
        Question q;
        q.kind = QuestionKind::Single;
        q.category = u"law"_s;
        q.stem = u"单选题 %1：办理失业登记需要的材料是？"_s.arg(i);
        q.options = {u"甲%1"_s.arg(i), u"乙%1"_s.arg(i), u"丙%1"_s.arg(i), u"丁%1"_s.arg(i)};
        q.correct = {i % 4};
        q.explanation = u"依据事项目录 %1"_s.arg(i);
        if (!bank.addTrainerQuestion(q, u"trainer"_s))
            return false;
    }
    Question m;
    m.kind = QuestionKind::Multiple;
    m.category = u"law"_s;
    m.stem = u"失业保险金申领需要哪些材料？"_s;
    m.options = {u"申请人居民身份证"_s, u"营业执照"_s, u"终止或者解除劳动关系证明"_s, u"社会保障卡"_s};
    m.correct = {0, 2, 3};
    m.explanation = u"见事项 JF-002 的材料清单"_s;
    return bank.addTrainerQuestion(m, u"trainer"_s).ok();
}

bool addDrill(storage::Database &db, int limitS) {
    const QJsonObject bp{
        {u"name"_s, u"政策法规练习"_s},
        {u"pass_score"_s, 6},
        {u"multiple_policy"_s, u"half_for_missed"_s},
        {u"time_limit_s"_s, limitS},
        {u"sections"_s,
         QJsonArray{
             QJsonObject{
                 {u"category"_s, u"law"_s}, {u"kind"_s, u"single"_s}, {u"count"_s, 3}, {u"points"_s, 2}},
             QJsonObject{
                 {u"category"_s, u"law"_s}, {u"kind"_s, u"multiple"_s}, {u"count"_s, 1}, {u"points"_s, 4}}}}};
    return db
        .exec(uR"(INSERT INTO training_drills (id, kind, title, definition_json, time_limit_s, created_by,
              created_at) VALUES ('d-1', 'paper', '政策法规练习', ?, ?, 'trainer', '2026-12-01T00:00:00Z'))"_s,
              {QString::fromUtf8(QJsonDocument(bp).toJson(QJsonDocument::Compact)), limitS})
        .ok();
}

Scenario demoScenario() {
    Scenario s;
    s.title = u"失业保险金申领（证明未盖章）"_s;
    s.brief = u"我被单位解除合同了，想领失业金。"_s;
    s.applicantName = u"李训练"_s;
    const QString first17 = u"43010419900307123"_s;
    s.idNumber = first17 + core::residentIdCheckCharacter(first17);
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, ScenarioDocument::State::Wrong},
                   {u"m3"_s, u"社会保障卡"_s, ScenarioDocument::State::Good}};
    s.events = {{ScenarioEvent::Kind::ScannerFails, 60, u"扫码枪没有反应"_s},
                {ScenarioEvent::Kind::QueueOffline, 90, u"叫号系统掉线"_s},
                {ScenarioEvent::Kind::ApplicantChangesMind, 120, u"我还想顺便问问社保卡的事。"_s}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = u"correction_required"_s;
    return s;
}

struct Snapshot {
    QList<qint64> counts;
    QString auditHead;
    bool operator==(const Snapshot &) const = default;
};
Snapshot snapshot(storage::Database &db) {
    Snapshot s;
    for (const QString &t : {u"cases"_s, u"case_items"_s, u"case_materials"_s, u"drafts"_s,
                             u"queue_tickets"_s, u"audit_log"_s, u"evaluations"_s, u"licenses_seen"_s})
        s.counts.append(scalar(db, u"SELECT count(*) FROM "_s + t));
    s.counts.append(scalar(db, u"SELECT count(*) FROM outbox WHERE kind <> 'training_result'"_s));
    s.auditHead = text(db, u"SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
    return s;
}

void press(QWidget *w, Qt::Key key, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QTest::keyClick(w, key, mods);
}
void pressShortcut(const char *id) {
    const QKeyCombination k = ui::shortcutKey(id)[0];
    QTest::keyClick(QApplication::focusWidget(), k.key(), k.keyboardModifiers());
}

} // namespace

class TstPracticePage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FixedClock m_clock{kStart};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;
    storage::User m_user;
    int m_n = 0;

    trainingui::TrainingContext context() { return {m_db.get(), &m_clock, m_audit.get(), m_user, {}}; }

private slots:
    void initTestCase() { QVERIFY(ui::installTranslations(u"zh_CN"_s)); }

    void init() {
        m_clock.set(kStart);
        auto db = storage::Database::open(m_dir.filePath(u"hall-%1.db"_s.arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(fillBank(*m_db, m_clock));
        QVERIFY(addDrill(*m_db, 600));
        m_user.id = u"u-clerk"_s;
        m_user.username = u"clerk"_s;
        m_user.name = u"王五"_s;
        m_user.roles = {u"clerk"_s};
        m_user.hallName = u"示范大厅"_s;
        ui::DialogFacade::instance().reset();
    }
    void cleanup() {
        m_audit.reset();
        m_db.reset();
    }

    void paperTakenByKeys() {
        PracticePage page(context());
        page.resize(900, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QListWidget *list = page.list();
        QCOMPARE(list->count(), 1);
        auto *details = page.findChild<QLabel *>(u"practiceDetails"_s);
        // The policy and the time limit, before starting.
        QVERIFY2(details->text().contains(u"漏选"_s), qPrintable(details->text()));
        QVERIFY2(details->text().contains(u"10 分钟"_s), qPrintable(details->text()));
        list->setFocus();
        press(list, Qt::Key_Return);
        QCOMPARE(page.currentWidget(), page.paperView());
        trainingui::PaperView *paper = page.paperView();
        QTRY_VERIFY(paper->hasFocus());
        QCOMPARE(paper->findChild<QLabel *>(u"practiceCountdown"_s)->text(), u"剩余 10:00"_s);
        auto qs = TrainingAttempts(*m_db, m_clock).questions(paper->attemptId());
        QVERIFY(qs.ok());
        QCOMPARE(qs->size(), 4);
        for (int i = 0; i < qs->size(); ++i) {
            QCOMPARE(paper->currentQuestion(), i);
            const QList<int> right = qs->at(i).correctShown();
            if (i == 0) {
                press(paper, Qt::Key(Qt::Key_1 + right.first())); // a digit …
            } else if (qs->at(i).question.kind == QuestionKind::Multiple) {
                for (int pos : right) { // … the cursor and Space …
                    while (paper->findChild<QListWidget *>(u"practiceOptions"_s)->currentRow() < pos)
                        press(paper, Qt::Key_Down);
                    press(paper, Qt::Key_Space);
                }
            } else {
                press(paper, Qt::Key(Qt::Key_A + right.first())); // … or a letter
            }
            press(paper, Qt::Key_PageDown);
        }
        // Each answer was saved as given.
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM training_attempt_answers"_s), 4);
        // The map goes back to a question; Ctrl+Return asks first — "no" keeps the paper open.
        ui::DialogFacade::instance().preAnswer(QMessageBox::No);
        pressShortcut(ui::shortcut::practiceSubmit);
        QCOMPARE(page.currentWidget(), page.paperView());
        QCOMPARE(ui::DialogFacade::instance().shown().size(), 1);
        QVERIFY(ui::DialogFacade::instance().shown().first().text.contains(u"4"_s));
        m_clock.advanceSecs(95);
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        pressShortcut(ui::shortcut::practiceSubmit);
        QCOMPARE(page.currentWidget()->objectName(), u"practiceResult"_s);
        const QString score = page.findChild<QLabel *>(u"practiceScore"_s)->text();
        QVERIFY2(score.contains(u"10 of 10"_s) || score.contains(u"10 分（满分 10"_s), qPrintable(score));
        QVERIFY2(score.contains(u"及格"_s), qPrintable(score));
        const QString review = page.findChild<QTextBrowser *>(u"practiceReview"_s)->toPlainText();
        QVERIFY(review.contains(u"见事项 JF-002 的材料清单"_s)); // the explanation, after submitting
        QVERIFY(review.contains(u"依据事项目录"_s));
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM training_results"_s), 1);
        QCOMPARE(scalar(*m_db, u"SELECT duration_s FROM training_results"_s), 95);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 1);
        // Esc: back to the list, which now says it was taken.
        press(page.findChild<QTextBrowser *>(u"practiceReview"_s), Qt::Key_Escape);
        QCOMPARE(page.currentIndex(), 0);
        QVERIFY(list->item(0)->text().contains(u"10"_s));
    }

    void autoSubmittedAtZero() {
        PracticePage page(context());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.startSelected();
        trainingui::PaperView *paper = page.paperView();
        QCOMPARE(page.currentWidget(), paper);
        auto qs = TrainingAttempts(*m_db, m_clock).questions(paper->attemptId());
        paper->setFocus();
        press(paper, Qt::Key(Qt::Key_A + qs->at(0).correctShown().first()));
        m_clock.advanceSecs(599);
        QTRY_COMPARE(paper->findChild<QLabel *>(u"practiceCountdown"_s)->text(), u"剩余 00:01"_s);
        QCOMPARE(page.currentWidget(), paper);
        m_clock.advanceSecs(1); // zero: the countdown submits as it stands, without asking
        QTRY_COMPARE(page.currentWidget()->objectName(), u"practiceResult"_s);
        QVERIFY(ui::DialogFacade::instance().shown().isEmpty());
        QVERIFY(page.findChild<QLabel *>(u"practiceScore"_s)->text().contains(u"时间到"_s));
        QCOMPARE(text(*m_db, u"SELECT finish_reason FROM training_attempts"_s), u"time_up"_s);
        QCOMPARE(scalar(*m_db, u"SELECT score FROM training_attempts"_s), 2);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 1);
    }

    void resumedWhereItStood() {
        QString attempt;
        {
            PracticePage page(context());
            page.show();
            page.startSelected();
            trainingui::PaperView *paper = page.paperView();
            attempt = paper->attemptId();
            paper->setFocus();
            press(paper, Qt::Key_A);
            press(paper, Qt::Key_PageDown);
            press(paper, Qt::Key_B);
        } // the program goes away
        m_clock.advanceSecs(130);
        PracticePage page(context());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.currentWidget(), page.paperView());
        QCOMPARE(page.paperView()->attemptId(), attempt);
        QCOMPARE(page.paperView()->currentQuestion(), 2); // the first unanswered
        QCOMPARE(page.paperView()->findChild<QLabel *>(u"practiceCountdown"_s)->text(), u"剩余 07:50"_s);
        // And a second start is refused while it is open.
        auto again = TrainingAttempts(*m_db, m_clock).startDrill(u"d-1"_s, m_user.id, 1);
        QCOMPARE(again.error().code, u"attempt_open"_s);
    }

    // A drill left open (the program closed) comes back with the visit the trainee had begun, not as a draft
    // to restore by hand.
    void scenarioDrillResumesWithTheVisitAsItStood() {
        QVERIFY(ScenarioDrills(*m_db, m_clock).addDrill(demoScenario(), u"trainer"_s).ok());
        {
            PracticePage page(context());
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.list()->setCurrentRow(page.list()->count() - 1);
            page.startSelected();
            intake::IntakePage *intake = page.drillView()->intakePage();
            QVERIFY(intake);
            QVERIFY(intake->startMatter(kItem, false));
            intake->visit().setApplicantValue(cases::ApplicantField::Name, u"李训练"_s);
            intake->saveDraftNow();
        } // the program goes away
        m_clock.advanceSecs(60);
        PracticePage page(context());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.currentWidget(), page.drillView());
        intake::IntakePage *intake = page.drillView()->intakePage();
        QVERIFY(intake);
        QCOMPARE(intake->matter().itemCode, kItem);
        QCOMPARE(intake->currentDraft().applicant.name, u"李训练"_s);
        page.drillView()->finishNow(FinishReason::Trainee);
    }

    void scenarioDrillInPracticeModeLeavesTheRealDatabaseAlone() {
        cases::SeedOptions o;
        o.count = 3;
        QVERIFY(cases::DemoCaseSeeder(*m_db, m_clock).seed(o).ok());
        QVERIFY(m_audit->append({m_user.id, u"login"_s, QString(), {}}).ok());
        QVERIFY(ScenarioDrills(*m_db, m_clock).addDrill(demoScenario(), u"trainer"_s).ok());
        const Snapshot before = snapshot(*m_db);

        QWidget window;
        window.setWindowTitle(u"综窗工作台 — 王五"_s);
        auto *layout = new QVBoxLayout(&window);
        auto *page = new PracticePage(context(), &window);
        layout->addWidget(page);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *list = page->list();
        QCOMPARE(list->count(), 2);
        list->setFocus();
        press(list, Qt::Key_Down);
        QVERIFY(page->findChild<QLabel *>(u"practiceDetails"_s)->text().contains(u"练习模式"_s));
        press(list, Qt::Key_Return);
        trainingui::DrillView *drill = page->drillView();
        QCOMPARE(page->currentWidget(), drill);
        QVERIFY(window.windowTitle().endsWith(u"练习模式"_s));
        QVERIFY(drill->findChild<QLabel *>(u"practiceBanner"_s)->text().startsWith(u"练习模式"_s));
        QVERIFY(drill->sandbox() && drill->sandbox()->path() != m_db->path());
        intake::IntakePage *intake = drill->intakePage();
        QVERIFY(intake);
        QVERIFY(drill->findChild<QLabel *>(u"practiceApplicant"_s)->text().contains(u"李训练"_s));
        // The documents handed over, the unacceptable one among them (its flaw for the trainee to see).
        QVERIFY(drill->findChild<QLabel *>(u"practiceApplicant"_s)->text().contains(u"未盖章"_s));

        // The injected events arrive at their times through the page's own seams.
        QVERIFY(drill->queue()->isOnline());
        m_clock.advanceSecs(95);
        drill->tick();
        QVERIFY(!drill->queue()->isOnline());
        m_clock.advanceSecs(30);
        drill->tick();
        QVERIFY(drill->applicantSays().contains(u"社保卡"_s));

        // The trainee takes the case in on the real intake page (over the sandbox).
        QVERIFY(intake->startMatter(kItem, false));
        cases::IntakeVisit &v = intake->visit();
        v.setApplicantValue(cases::ApplicantField::Name, u"李训练"_s);
        v.setApplicantValue(cases::ApplicantField::IdNumber, demoScenario().idNumber);
        v.setApplicantValue(cases::ApplicantField::Phone, u"13800138000"_s);
        v.setMaterialStatus(u"m1"_s, u"paper"_s);
        v.setMaterialStatus(u"m2"_s, u"missing"_s);
        v.setMaterialReason(u"m2"_s, u"证明未盖章"_s);
        v.setMaterialStatus(u"m3"_s, u"paper"_s);
        v.setDecision(u"correction_required"_s);
        v.setDecisionReason(u"解除劳动关系证明未盖章，需补正"_s);
        intake->decide();
        QVERIFY2(!intake->lastCaseLocalId().isEmpty(), qPrintable(intake->messageBar()->text()));
        QCOMPARE(scalar(*drill->sandbox(), u"SELECT count(*) FROM cases"_s), 1);
        QCOMPARE(snapshot(*m_db), before); // nothing reached the real file

        // F12 finishes (after asking) and shows the rubric.
        const QString sandboxPath = drill->sandbox()->path();
        QVERIFY(QFile::exists(sandboxPath));
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        intake->setFocus();
        pressShortcut(ui::shortcut::practiceFinishDrill);
        QTRY_COMPARE(page->currentWidget()->objectName(), u"practiceResult"_s);
        QVERIFY(!window.windowTitle().contains(u"练习模式"_s));
        const QString rubric = page->findChild<QTextBrowser *>(u"practiceReview"_s)->toPlainText();
        QVERIFY2(rubric.contains(u"材料全部标记正确"_s), qPrintable(rubric));
        QCOMPARE(scalar(*m_db, u"SELECT score FROM training_attempts WHERE kind = 'scenario'"_s), 100);
        QCOMPARE(snapshot(*m_db), before);
        // The drill's practice database (and its companions) is gone once the drill is scored.
        QVERIFY(!QFile::exists(sandboxPath));
        QVERIFY(!QFile::exists(sandboxPath + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(sandboxPath + u".notices"_s));
        auto verify = storage::AuditLog(*m_db, m_clock, nullptr).verify();
        QVERIFY(verify.ok() && verify->chainOk);
    }
};

QTEST_MAIN(TstPracticePage)
#include "tst_practicepage.moc"
