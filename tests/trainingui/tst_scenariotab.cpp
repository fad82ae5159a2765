// The trainer's 情景 tab (issue 15, 情景演练编辑) in the real main window, on a real SQLite file, in Chinese,
// driven by keys: the tab is reached by Ctrl+PgDown, Ctrl+N opens the editor with the keyboard in the title,
// the fields are typed, the target item is picked by typing its name and Enter (its materials fill the
// documents), one document is marked 缺件, an event is added; saving with an invalid ID number and an event
// past the time limit shows both Chinese messages and stores nothing; with a generated ID and the event moved
// it is stored (audited), the editor closes with the keyboard back in the list, and a trainee's 练习 page
// offers it. A drill stored before the catalog check with a material of another item is refused on saving.
// The JSON export re-imports as an identical drill, a bad file imports nothing and lists each error, and
// closing (F8) archives the drill: it cannot be edited (F2 says so) and trainees no longer see it.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/training/scenariostore.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/trainingui/scenarioeditor.h>
#include <windowdesk/trainingui/scenariotab.h>
#include <windowdesk/trainingui/trainerpage.h>
#include <windowdesk/trainingui/trainingpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using windowdesk::trainingui::ScenarioEditor;
using windowdesk::trainingui::ScenarioTab;

namespace {
const QString kItemName = u"失业保险金申领"_s;
const QString kItem = u"430104-000301002000-JF-002"_s;

// QTest::keyClicks takes Latin-1 only: Chinese text arrives as key events carrying the text, as from an input
// method.
void typeText(QWidget *w, const QString &text) {
    for (const QChar c : text) {
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
} // namespace

class TstScenarioTab : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        ui::DialogFacade::instance().setInteractive(false);
    }

    void init() {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        auto db = storage::Database::open(m_dir.filePath(u"hall-%1.db"_s.arg(++n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        ui::ShellContext ctx;
        ctx.db = m_db.get();
        ctx.clock = &m_clock;
        ctx.audit = m_audit.get();
        ctx.user = storage::UserRepository(*m_db, m_clock, nullptr).find(u"trainer"_s).value();
        m_window = std::make_unique<ui::MainWindow>(ctx);
        trainingui::registerTrainingPages(*m_window, {m_db.get(), &m_clock, m_audit.get(), ctx.user, {}});
        m_window->resize(1280, 860);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(m_window->showPage(u"training"_s));
        m_page = qobject_cast<trainingui::TrainerPage *>(m_window->page(u"training"_s));
        QVERIFY(m_page);
        QCOMPARE(m_page->tabText(2), u"情景"_s);
        // Ctrl+PgDown twice from the bank: 题库 → 组卷 → 情景.
        m_page->currentWidget()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget() && m_page->isAncestorOf(QApplication::focusWidget()));
        press(QApplication::focusWidget(), ui::shortcut::trainingNextTab);
        press(QApplication::focusWidget(), ui::shortcut::trainingNextTab);
        QTRY_COMPARE(m_page->currentWidget(), static_cast<QWidget *>(m_page->scenarioTab()));
        m_tab = m_page->scenarioTab();
        m_table = m_tab->findChild<QTableView *>(u"scenarioTable"_s);
        QVERIFY(m_table);
        QTRY_VERIFY(m_table->hasFocus());
    }

    void cleanup() {
        ui::DialogFacade::instance().reset();
        ui::DialogFacade::instance().setInteractive(false);
        m_window.reset();
        m_audit.reset();
        m_db.reset();
    }

    void writtenByKeysCheckedThenSavedAndOfferedToTrainees() {
        QAbstractItemModelTester tester(m_tab->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_tab->model()->rowCount(), 0);
        press(m_table, ui::shortcut::scenarioNew);
        ScenarioEditor *editor = nullptr;
        QTRY_VERIFY((editor = m_tab->editor()) && editor->isVisible());
        auto *title = editor->findChild<QLineEdit *>(u"scenarioTitle"_s);
        QTRY_VERIFY(title->hasFocus()); // the keyboard lands in the first field
        typeText(title, u"失业金：社保卡没带"_s);
        QTest::keyClick(title, Qt::Key_Tab);
        auto *brief = editor->findChild<QPlainTextEdit *>(u"scenarioBrief"_s);
        QTRY_VERIFY(brief->hasFocus());
        typeText(brief, u"我想领失业金，社保卡落在家里了。"_s);
        QTest::keyClick(brief, Qt::Key_Tab);
        auto *name = editor->findChild<QLineEdit *>(u"scenarioApplicantName"_s);
        QTRY_VERIFY(name->hasFocus());
        typeText(name, u"王测试"_s);
        QTest::keyClick(name, Qt::Key_Tab);
        auto *id = editor->findChild<QLineEdit *>(u"scenarioIdNumber"_s);
        QTRY_VERIFY(id->hasFocus());
        QTest::keyClicks(id, u"430104199003152340"_s); // the check digit should be 4
        auto *phone = editor->findChild<QLineEdit *>(u"scenarioPhone"_s);
        QTest::keyClicks(phone, u"13912345678"_s);

        // The target item by typing its name, Enter takes it; its three materials fill the documents.
        press(phone, ui::shortcut::scenarioFindItem);
        auto *search = editor->findChild<QLineEdit *>(u"scenarioItemSearch"_s);
        QTRY_VERIFY(search->hasFocus());
        typeText(search, kItemName);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(editor->findChild<QLabel *>(u"scenarioItem"_s)->text().contains(kItemName));
        QComboBox *state0 = nullptr;
        QTRY_VERIFY((state0 = editor->findChild<QComboBox *>(u"scenarioDocState_0"_s)) && state0->hasFocus());
        QVERIFY(editor->findChild<QComboBox *>(u"scenarioDocState_2"_s));
        QVERIFY(!editor->findChild<QComboBox *>(u"scenarioDocState_3"_s));
        QCOMPARE(editor->findChild<QLineEdit *>(u"scenarioDocName_2"_s)->text(), u"社会保障卡"_s);
        // Tab through the first two rows to the 社会保障卡's state; ↓ makes it 缺件.
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *state2 = editor->findChild<QComboBox *>(u"scenarioDocState_2"_s);
        QTRY_VERIFY(state2->hasFocus());
        QTest::keyClick(state2, Qt::Key_Down);
        QCOMPARE(state2->currentText(), u"缺件"_s);
        QTest::keyClick(state2, Qt::Key_Tab);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        auto *decision = editor->findChild<QComboBox *>(u"scenarioDecision"_s);
        QTRY_VERIFY(decision->hasFocus());
        QTest::keyClick(decision, Qt::Key_Down);
        QTest::keyClick(decision, Qt::Key_Down);
        QCOMPARE(decision->currentData().toString(), u"correction_required"_s);

        // An event past the 420-second limit.
        auto *kind = editor->findChild<QComboBox *>(u"scenarioEventKind"_s);
        auto *at = editor->findChild<QSpinBox *>(u"scenarioEventAt"_s);
        auto *words = editor->findChild<QLineEdit *>(u"scenarioEventText"_s);
        QTest::keyClick(kind, Qt::Key_End); // 申请人说话
        at->setFocus();
        QTest::keyClick(at, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(at, u"500"_s);
        typeText(words, u"能不能快一点，我还要去上班。"_s);
        press(words, ui::shortcut::scenarioAddEvent);
        auto *events = editor->findChild<QTableWidget *>(u"scenarioEvents"_s);
        QTRY_COMPARE(events->rowCount(), 1);
        QCOMPARE(events->item(0, 0)->text(), u"500"_s);

        // Save: both problems in Chinese, nothing stored.
        press(words, ui::shortcut::scenarioSave);
        QTRY_VERIFY(editor->problemsText().contains(u"模拟申请人的身份证号无效"_s));
        QVERIFY2(editor->problemsText().contains(u"事件时间 500 秒超出时限"_s),
                 qPrintable(editor->problemsText()));
        QVERIFY(editor->isVisible());
        QCOMPARE(count(u"SELECT count(*) FROM training_drills"_s), 0);

        // A generated test ID; the event moved to 300 s.
        press(id, ui::shortcut::scenarioGenerateId);
        QTRY_VERIFY(core::validateResidentId(id->text(), m_clock.todayCst()).valid);
        const QString generatedId = id->text();
        events->setFocus();
        events->selectRow(0);
        press(events, ui::shortcut::scenarioRemoveEvent);
        QTRY_COMPARE(events->rowCount(), 0);
        QTest::keyClick(kind, Qt::Key_End);
        at->setFocus();
        QTest::keyClick(at, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(at, u"300"_s);
        typeText(words, u"能不能快一点，我还要去上班。"_s);
        press(words, ui::shortcut::scenarioAddEvent);
        QTRY_COMPARE(events->rowCount(), 1);
        // The judges' criteria by their Chinese names, never the stored keys.
        QCOMPARE(m_tab->editor()->findChild<QLineEdit *>(u"scenarioJudged"_s)->text(),
                 u"服务态度 10; 解释说明 10"_s);
        press(words, ui::shortcut::scenarioSave);

        // Stored, the editor gone, the keyboard back in the list on the new row.
        QTRY_VERIFY(!m_tab->editor());
        QTRY_VERIFY(m_table->hasFocus());
        QCOMPARE(m_tab->model()->rowCount(), 1);
        QCOMPARE(m_tab->model()->index(0, 0).data().toString(), u"失业金：社保卡没带"_s);
        QCOMPARE(m_tab->model()->index(0, 1).data().toString(), kItemName);
        QCOMPARE(m_tab->model()->index(0, 2).data().toString(), u"一次性告知补正"_s);
        QCOMPARE(m_tab->model()->index(0, 3).data().toInt(), 3);
        QCOMPARE(m_tab->model()->index(0, 4).data().toInt(), 1);
        auto stored = training::ScenarioStore(*m_db, m_clock, nullptr).list().value();
        QCOMPARE(stored.size(), 1);
        const training::Scenario s = stored.first().scenario;
        QCOMPARE(s.idNumber, generatedId);
        QCOMPARE(s.phone, u"13912345678"_s);
        QCOMPARE(s.targetItemCode, kItem);
        QCOMPARE(s.documents.at(2).state, training::ScenarioDocument::State::Missing);
        QCOMPARE(s.documents.at(0).state, training::ScenarioDocument::State::Good);
        QCOMPARE(s.events.size(), 1);
        QCOMPARE(s.events.first().atS, 300);
        QCOMPARE(s.events.first().kind, training::ScenarioEvent::Kind::Say);
        const QList<QPair<QString, double>> judged{{u"attitude"_s, 10.0}, {u"explanation"_s, 10.0}};
        QCOMPARE(s.judgedCriteria, judged); // stored by key: the judges' tab and the results name them
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'training_scenario_saved'"_s), 1);
        QVERIFY(m_tab->findChild<QTextBrowser *>(u"scenarioListPreview"_s)
                    ->toPlainText()
                    .contains(u"社保卡落在家里"_s));

        // A trainee's 练习 page offers it.
        trainingui::TrainingContext trainee{
            m_db.get(),
            &m_clock,
            m_audit.get(),
            storage::UserRepository(*m_db, m_clock, nullptr).find(u"clerk"_s).value(),
            {}};
        trainingui::PracticePage practice(trainee);
        practice.show();
        QTRY_VERIFY(!practice.list()->findItems(u"失业金：社保卡没带"_s, Qt::MatchContains).isEmpty());
    }

    void aDrillWithAForeignMaterialIsRefusedOnSaving() {
        // Stored by code before the catalog check (as the older screens did): m9 is no material of the item.
        training::Scenario old = training::ScenarioStore::demoScenario();
        old.documents.append({u"m9"_s, u"户口簿"_s, training::ScenarioDocument::State::Good});
        QVERIFY(training::ScenarioDrills(*m_db, m_clock).addDrill(old, u"u-trainer"_s).ok());
        const QString before = text(u"SELECT definition_json FROM training_drills"_s);
        m_tab->refresh();
        QTRY_COMPARE(m_tab->model()->rowCount(), 1);
        m_table->setFocus();
        press(m_table, ui::shortcut::scenarioEdit);
        ScenarioEditor *editor = nullptr;
        QTRY_VERIFY((editor = m_tab->editor()) && editor->isVisible());
        QTRY_VERIFY(editor->findChild<QLineEdit *>(u"scenarioTitle"_s)->hasFocus());
        press(QApplication::focusWidget(), ui::shortcut::scenarioSave);
        QTRY_VERIFY2(editor->problemsText().contains(u"材料 m9 不属于目标事项“失业保险金申领”"_s),
                     qPrintable(editor->problemsText()));
        QCOMPARE(text(u"SELECT definition_json FROM training_drills"_s), before);
        QCOMPARE(count(u"SELECT count(*) FROM training_drills"_s), 1);
        // Esc leaves the editor; the keyboard is back in the list.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!m_tab->editor());
        QTRY_VERIFY(m_table->hasFocus());
    }

    void jsonRoundTripThroughTheImportAndClosing() {
        training::ScenarioStore store(*m_db, m_clock, m_audit.get());
        QVERIFY(store.save(QString(), training::ScenarioStore::demoScenario(), u"u-trainer"_s).ok());
        m_tab->refresh();
        QTRY_COMPARE(m_tab->model()->rowCount(), 1);
        m_table->setFocus();
        const QString file = m_dir.filePath(u"shared.json"_s);
        ui::DialogFacade::instance().preAnswerPath(file);
        press(m_table, ui::shortcut::scenarioExport);
        QTRY_VERIFY(QFileInfo::exists(file));

        ui::DialogFacade::instance().preAnswerPath(file);
        press(m_table, ui::shortcut::scenarioImport);
        QTRY_COMPARE(m_tab->model()->rowCount(), 2);
        const auto all = store.list().value();
        QCOMPARE(all.at(0).scenario.toJson(), all.at(1).scenario.toJson());
        QVERIFY(all.at(0).id != all.at(1).id);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'training_scenario_saved'"_s), 2);

        // A file with errors: nothing imported, each error listed.
        training::Scenario bad = training::ScenarioStore::demoScenario();
        bad.idNumber = u"430104199003152340"_s;
        bad.documents.append({u"m7"_s, u"营业执照"_s, training::ScenarioDocument::State::Good});
        const QString badFile = m_dir.filePath(u"bad.json"_s);
        QFile f(badFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(training::ScenarioStore::exportJson(bad));
        f.close();
        ui::DialogFacade::instance().preAnswerPath(badFile);
        press(m_table, ui::shortcut::scenarioImport);
        auto *details = m_tab->findChild<QListWidget *>(u"scenarioDetails"_s);
        QTRY_COMPARE(details->count(), 2);
        QVERIFY(details->item(0)->text().contains(u"身份证号无效"_s));
        QVERIFY(details->item(1)->text().contains(u"m7 不属于"_s));
        QVERIFY(m_tab->findChild<QWidget *>(u"scenarioMessage"_s)->isVisible());
        QCOMPARE(m_tab->model()->rowCount(), 2);
        QCOMPARE(count(u"SELECT count(*) FROM training_drills"_s), 2);

        // F8 closes the selected drill (after asking): kept, listed as closed, not offered, not editable.
        m_table->setFocus();
        m_table->setCurrentIndex(m_tab->model()->index(0, 0));
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        press(m_table, ui::shortcut::scenarioClose);
        QTRY_COMPARE(count(u"SELECT count(*) FROM audit_log WHERE action = 'training_scenario_closed'"_s), 1);
        QCOMPARE(training::ScenarioDrills(*m_db, m_clock).openScenarios().value().size(), 1);
        QCOMPARE(count(u"SELECT count(*) FROM training_drills"_s), 2);
        const int closedRow = 1; // closed drills are listed after the open ones
        QCOMPARE(m_tab->model()->index(closedRow, 5).data().toString(), u"已关闭"_s);
        m_table->setCurrentIndex(m_tab->model()->index(closedRow, 0));
        press(m_table, ui::shortcut::scenarioEdit);
        QTRY_VERIFY(m_tab->findChild<QWidget *>(u"scenarioMessage"_s)->isVisible());
        QVERIFY(!m_tab->editor());
    }

private:
    qint64 count(const QString &sql) {
        auto q = m_db->query(sql);
        return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
    }
    QString text(const QString &sql) {
        auto q = m_db->query(sql);
        return q.ok() && q->next() ? q->value(0).toString() : QString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 5), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<ui::MainWindow> m_window;
    trainingui::TrainerPage *m_page = nullptr;
    ScenarioTab *m_tab = nullptr;
    QTableView *m_table = nullptr;
};

QTEST_MAIN(TstScenarioTab)
#include "tst_scenariotab.moc"
