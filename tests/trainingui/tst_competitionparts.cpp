// The trainee's 练习 page for a combined competition (issue 15: the theory paper, then a scenario), by keys
// on a real database: before its start time nothing is offered; then only its FIRST part — the paper, whose
// details name the part, the questions and the one attempt — and never the competition or its paper as a free
// paper; Enter opens the paper view, the answers are given by letter, Ctrl+Return (confirmed) submits: the
// paper's score is kept locally (no outbox row yet) and the list offers the second part, the scenario, which
// Enter opens on the intake page in 练习模式.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/competitions.h>
#include <windowdesk/training/questionbank.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/trainingui/drillview.h>
#include <windowdesk/trainingui/paperview.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::training;

namespace {
const QString kItem = u"430104-000301002000-JF-002"_s; // 失业保险金申领

Scenario scenario() {
    Scenario s;
    s.title = u"失业保险金申领（证明未盖章）"_s;
    s.applicantName = u"李训练"_s;
    const QString first17 = u"43010419900307123"_s;
    s.idNumber = first17 + core::residentIdCheckCharacter(first17);
    s.phone = u"13800138000"_s;
    s.documents = {{u"m1"_s, u"居民身份证"_s, ScenarioDocument::State::Good}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = u"correction_required"_s;
    return s;
}

int scalar(storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    return q.ok() && q->next() ? q->value(0).toInt() : -1;
}
} // namespace

class TstCompetitionParts : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 5), QTime(2, 0), QTimeZone::utc())};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;

private slots:
    void initTestCase() { QVERIFY(ui::installTranslations(u"zh_CN"_s)); }

    void combinedCompetitionOnThePracticePage() {
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(QuestionBank(*m_db, m_clock).generateFromCatalog().ok());
        const QString s1 = ScenarioDrills(*m_db, m_clock).addDrill(scenario(), u"u-demo-trainer"_s).value();
        Competition c;
        c.name = u"理论加情景比武"_s;
        c.blueprint.name = u"综窗业务基础"_s;
        c.blueprint.passScore = 6;
        c.blueprint.timeLimitS = 600;
        c.blueprint.sections = {{std::nullopt, QuestionKind::TrueFalse, 2, 5}};
        c.scenarioIds = {s1};
        c.traineeIds = {u"u-demo-clerk"_s};
        c.startsAt = m_clock.nowUtc().addSecs(300);
        QVERIFY(CompetitionService(*m_db, m_clock, m_audit.get()).create(c, u"u-demo-trainer"_s).ok());

        storage::User me;
        me.id = u"u-demo-clerk"_s;
        me.username = u"clerk"_s;
        me.name = u"李娜"_s;
        me.roles = {u"clerk"_s};
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *page = new trainingui::PracticePage({m_db.get(), &m_clock, m_audit.get(), me, {}}, &window);
        layout->addWidget(page);
        window.resize(1200, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *list = page->list();
        auto contains = [list](const QString &text) {
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->text().contains(text))
                    return i;
            return -1;
        };
        // Not before the start; the source scenario is a free drill all along.
        QCOMPARE(contains(u"理论加情景比武"_s), -1);
        QVERIFY(contains(u"[情景演练]"_s) >= 0);
        m_clock.advanceSecs(300);
        page->refresh();
        const int paperRow = contains(u"理论加情景比武"_s);
        QVERIFY(paperRow >= 0);
        QCOMPARE(list->item(paperRow)->text(),
                 u"[竞赛] 理论加情景比武 · 第 1/2 场：理论考试（综窗业务基础）"_s);
        QCOMPARE(contains(u"[试卷]"_s), -1); // neither the competition nor its paper is a free paper
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Home);
        while (list->currentRow() < paperRow)
            QTest::keyClick(list, Qt::Key_Down);
        const QString details = page->findChild<QLabel *>(u"practiceDetails"_s)->text();
        QVERIFY2(details.contains(u"共 2 题，10 分"_s) && details.contains(u"只能参加一次"_s),
                 qPrintable(details));
        QTest::keyClick(list, Qt::Key_Return);
        trainingui::PaperView *paper = page->paperView();
        QTRY_COMPARE(page->currentWidget(), paper);
        QTRY_VERIFY(paper->hasFocus());
        const QList<AttemptQuestion> qs =
            TrainingAttempts(*m_db, m_clock).questions(paper->attemptId()).value();
        QCOMPARE(qs.size(), 2);
        for (const AttemptQuestion &q : qs) {
            QTest::keyClick(paper, Qt::Key(Qt::Key_A + q.correctShown().first()));
            QTest::keyClick(paper, Qt::Key_PageDown);
        }
        m_clock.advanceSecs(60);
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        const QKeyCombination submit = ui::shortcutKey(ui::shortcut::practiceSubmit)[0];
        QTest::keyClick(QApplication::focusWidget(), submit.key(), submit.keyboardModifiers());
        QTRY_COMPARE(page->currentWidget()->objectName(), u"practiceResult"_s);
        // Kept here: the competition's result waits for its scenario.
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM training_results WHERE score = 10"_s), 1);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM outbox WHERE kind = 'training_result'"_s), 0);

        // Back to the list: the second part, the scenario, on the intake page in 练习模式.
        page->backToList();
        const int scenarioRow = contains(u"第 2/2 场情景演练"_s);
        QVERIFY2(scenarioRow >= 0, qPrintable(list->item(0)->text()));
        QCOMPARE(contains(u"第 1/2 场"_s), -1);
        QTest::keyClick(list, Qt::Key_Home);
        while (list->currentRow() < scenarioRow)
            QTest::keyClick(list, Qt::Key_Down);
        QTest::keyClick(list, Qt::Key_Return);
        QTRY_COMPARE(page->currentWidget(), page->drillView());
        QVERIFY(page->drillView()->intakePage());
        QVERIFY(window.windowTitle().endsWith(u"练习模式"_s));
        page->drillView()->finishNow(FinishReason::Trainee);
        QTRY_COMPARE(page->currentWidget()->objectName(), u"practiceResult"_s);
    }
};

QTEST_MAIN(TstCompetitionParts)
#include "tst_competitionparts.moc"
