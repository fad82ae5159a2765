// A trainee's scenario drill as the trainee does it (issue 15), by keys only, in the real program's parts:
// the login dialog (the demo clerk's own password), the main window with the session's real pages, Ctrl+6 to
// 练习, ↓ to the scenario drill, Enter. The window title and the banner say 练习模式; the keyboard is on the
// applicant's name of the real intake page (over the sandbox). The trainee types the name, the ID and the
// phone, finds the item by typing (Ctrl+F), marks the unacceptable proof as missing with its reason, the rest
// as paper (Ctrl+M), chooses 一次性告知补正 (Alt+2) with its reason and decides (Ctrl+Return); the notice is
// written (the trainee does not print it), the simulated applicant rates on the evaluation panel and the
// keyboard is the trainee's again. The injected events arrive at their times while the trainee types — the
// scanner fails (said on the drill's bar and on the license panel), the queue goes offline — and the
// keyboard stays where the trainee is. F12 finishes (after asking): the result shows the rubric's lines in
// Chinese, full marks on the automatic criteria. The real database's cases, drafts, tickets, evaluations,
// outbox and audit chain are as they were, and the sandbox file is gone.
#include "appcontroller.h"

#include <windowdesk/cases/democaseseeder.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/identity.h>
#include <windowdesk/intake/evaluationdialog.h>
#include <windowdesk/intake/intakepage.h>
#include <windowdesk/license/demolicenses.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/training/scenariodrill.h>
#include <windowdesk/trainingui/drillview.h>
#include <windowdesk/trainingui/practicepage.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>
#include <windowdesk/ui/shortcuts.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {
const QString kItem =
    u"430104-000301002000-JF-002"_s; // 失业保险金申领: m1 身份证, m2 解除劳动关系证明, m3 社保卡
const QString kPhone = u"13800138000"_s;

QString idNumber() {
    const QString first17 = u"43010419900307123"_s;
    return first17 + core::residentIdCheckCharacter(first17);
}

training::Scenario scenario() {
    training::Scenario s;
    s.title = u"失业保险金申领（证明未盖章）"_s;
    s.brief = u"我被单位解除合同了，想领失业金。"_s;
    s.applicantName = u"李训练"_s;
    s.idNumber = idNumber();
    s.phone = kPhone;
    s.documents = {{u"m1"_s, u"居民身份证"_s, training::ScenarioDocument::State::Good},
                   {u"m2"_s, u"解除劳动关系证明（未盖章）"_s, training::ScenarioDocument::State::Wrong},
                   {u"m3"_s, u"社会保障卡"_s, training::ScenarioDocument::State::Good}};
    s.events = {{training::ScenarioEvent::Kind::ScannerFails, 30, u"扫码枪没有反应"_s},
                {training::ScenarioEvent::Kind::QueueOffline, 60, u"叫号系统掉线"_s}};
    s.timeLimitS = 420;
    s.targetItemCode = kItem;
    s.targetDecision = u"correction_required"_s;
    return s;
}

template <typename T> T *visibleTopLevel() {
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    return nullptr;
}

QString focusName() {
    QWidget *w = QApplication::focusWidget();
    return w ? w->objectName() : u"<nothing>"_s;
}

// A key to the widget that has the focus, as the keyboard sends it.
void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QWidget *w = QApplication::focusWidget();
    QVERIFY2(w, "nothing has the focus");
    QTest::keyClick(w, Qt::Key(k), mods);
}
void shortcut(const char *id) {
    const QKeyCombination c = ui::shortcutKey(id)[0];
    key(c.key(), c.keyboardModifiers());
}

// Typed text to the widget that has the focus (Chinese as an input method commits it: one character each).
// The session's scanner filter holds a fast burst of keys until it is over (it may be an e-license scan) and
// then hands them on: the text is waited for in the field, as the trainee sees it appear.
void type(const QString &text) {
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "nothing has the focus");
    for (const QChar c : text) {
        QWidget *w = QApplication::focusWidget();
        if (c.unicode() < 0x80) {
            QTest::keyClick(w, char(c.unicode()));
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
    }
    if (auto *edit = qobject_cast<QLineEdit *>(target))
        QTRY_VERIFY2(edit->text().endsWith(text), qPrintable(target->objectName() + u": "_s + edit->text()));
    else if (auto *plain = qobject_cast<QPlainTextEdit *>(target))
        QTRY_VERIFY2(plain->toPlainText().endsWith(text), qPrintable(target->objectName()));
}

// Tab until the focus is on `name` (as the trainee tabs down the form), at most `most` presses.
bool tabTo(const QString &name, int most = 40) {
    for (int i = 0; i < most && focusName() != name; ++i) {
        QWidget *w = QApplication::focusWidget();
        if (!w)
            return false;
        QTest::keyClick(w, Qt::Key_Tab);
    }
    return focusName() == name;
}

struct Snapshot {
    QList<qint64> counts;
    QString auditHead;
    bool operator==(const Snapshot &) const = default;
};
} // namespace

class TstTraineeDrill : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    // Friday 2026-03-06, 09:02 China Standard Time: the hall is open.
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), QTimeZone::utc())};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;

    qint64 scalar(const QString &sql) const {
        auto q = m_db->query(sql);
        return q.ok() && q->next() ? q->value(0).toLongLong() : -1;
    }
    Snapshot snapshot() const {
        Snapshot s;
        for (const QString &t : {u"cases"_s, u"case_items"_s, u"case_materials"_s, u"drafts"_s,
                                 u"queue_tickets"_s, u"audit_log"_s, u"evaluations"_s, u"licenses_seen"_s})
            s.counts.append(scalar(u"SELECT count(*) FROM "_s + t));
        // The case outbox: a drill's own result goes out as a training result, nothing else.
        s.counts.append(scalar(u"SELECT count(*) FROM outbox WHERE kind <> 'training_result'"_s));
        auto q = m_db->query(u"SELECT seq || ':' || hash FROM audit_log ORDER BY seq DESC LIMIT 1"_s);
        s.auditHead = q.ok() && q->next() ? q->value(0).toString() : QString();
        return s;
    }

    // The program started on the hall's database; the clerk logs in through the real login dialog by keys
    // (name, Tab, password, Enter). `controller` and `main` (shown and active) are set once that worked.
    void startAndLogInAsClerk(std::unique_ptr<app::AppController> &controller, ui::MainWindow *&main) {
        ui::ShellContext ctx;
        ctx.db = m_db.get();
        ctx.clock = &m_clock;
        ctx.audit = m_audit.get();
        ctx.keychainAvailable = false;
        controller = std::make_unique<app::AppController>(ctx);
        controller->start();
        QPointer<ui::LoginDialog> login;
        QTRY_VERIFY((login = visibleTopLevel<ui::LoginDialog>()) != nullptr);
        login->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(login));
        QTRY_COMPARE(focusName(), u"loginUser"_s);
        type(u"clerk"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), u"loginPassword"_s);
        type(u"Clerk@2026"_s);
        key(Qt::Key_Return);
        ui::MainWindow *shown = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((shown = visibleTopLevel<ui::MainWindow>()) != nullptr, 15000);
        QVERIFY(QTest::qWaitForWindowActive(shown));
        main = shown;
    }

private slots:
    void initTestCase() {
        // Tokens in memory (no keychain): never the user's Secret Service.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/windowdesk-test-bus");
        ui::DialogFacade::instance().setInteractive(false);
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        // The hall has worked: cases, their outbox rows and audit entries the drill must leave alone.
        cases::SeedOptions o;
        o.count = 3;
        QVERIFY(cases::DemoCaseSeeder(*m_db, m_clock).seed(o).ok());
        QVERIFY(training::ScenarioDrills(*m_db, m_clock).addDrill(scenario(), u"u-demo-trainer"_s).ok());
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void traineeDoesTheDrillByKeys() {
        // The login dialog: the clerk's name and password, Enter.
        std::unique_ptr<app::AppController> controller;
        ui::MainWindow *main = nullptr;
        startAndLogInAsClerk(controller, main);
        QVERIFY(controller && main);
        QCOMPARE(main->user().username, u"clerk"_s);
        QTRY_VERIFY(QApplication::focusWidget() && main->isAncestorOf(QApplication::focusWidget()));
        const QString title = main->windowTitle();
        QVERIFY2(!title.contains(u"练习模式"_s), qPrintable(title));
        const Snapshot before = snapshot();

        // Ctrl+6: 练习, the keyboard on its list.
        shortcut(ui::shortcut::goPractice);
        QCOMPARE(main->currentPageId(), u"practice"_s);
        auto *page = qobject_cast<trainingui::PracticePage *>(main->page(u"practice"_s));
        QVERIFY(page);
        QTRY_COMPARE(focusName(), u"practiceList"_s);
        QListWidget *list = page->list();
        for (int i = 0; i < list->count() && !list->currentItem()->text().contains(u"失业保险金申领"_s); ++i)
            key(Qt::Key_Down);
        QVERIFY2(list->currentItem()->text().contains(u"情景演练"_s),
                 qPrintable(list->currentItem()->text()));
        QVERIFY(page->findChild<QLabel *>(u"practiceDetails"_s)->text().contains(u"练习模式"_s));
        key(Qt::Key_Return);

        // 练习模式: the title and the banner; the keyboard on the applicant's name of the real intake page.
        trainingui::DrillView *drill = page->drillView();
        QTRY_COMPARE(page->currentWidget(), static_cast<QWidget *>(drill));
        QVERIFY2(main->windowTitle().endsWith(u"练习模式"_s), qPrintable(main->windowTitle()));
        QVERIFY(drill->findChild<QLabel *>(u"practiceBanner"_s)->text().startsWith(u"练习模式"_s));
        QVERIFY(drill->findChild<QLabel *>(u"practiceApplicant"_s)->text().contains(u"未盖章"_s));
        const QString sandboxPath = drill->sandbox()->path();
        QVERIFY(QFileInfo::exists(sandboxPath) && sandboxPath != m_db->path());
        intake::IntakePage *intake = drill->intakePage();
        QVERIFY(intake && drill->isAncestorOf(intake));
        QTRY_COMPARE(focusName(), u"applicantName"_s);
        QVERIFY(intake->isAncestorOf(QApplication::focusWidget()));
        // Tab goes round the window's visible fields only (never into the list hidden behind the drill) and
        // comes back to the name.
        QStringList walked;
        for (int i = 0; i < 60; ++i) {
            key(Qt::Key_Tab);
            QWidget *f = QApplication::focusWidget();
            walked << focusName();
            QVERIFY2(f && f->isVisible(), qPrintable(walked.join(u" → "_s)));
            if (walked.last() == u"applicantName"_s)
                break;
        }
        QCOMPARE(focusName(), u"applicantName"_s);

        type(u"李训练"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), u"applicantIdNumber"_s);
        // 30 s in: the scanner fails while the trainee types; the keyboard stays in the field.
        m_clock.advanceSecs(31);
        auto *drillMessage = drill->findChild<ui::MessageBar *>(u"practiceDrillMessage"_s);
        QTRY_VERIFY2(drillMessage->text().contains(u"扫码枪"_s), qPrintable(drillMessage->text()));
        QCOMPARE(focusName(), u"applicantIdNumber"_s);
        type(idNumber());
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), u"applicantPhone"_s);
        type(kPhone);

        // The item by typing.
        shortcut(ui::shortcut::findMatter);
        QCOMPARE(focusName(), u"matterSearch"_s);
        type(u"失业保险金"_s);
        key(Qt::Key_Return);
        QTRY_COMPARE(intake->matter().itemCode, kItem);
        QVERIFY2(intake->isAncestorOf(QApplication::focusWidget()), qPrintable(focusName()));

        // 60 s in: the queue goes offline; the trainee serves the applicant as a walk-in, the keyboard stays.
        const QString beforeQueue = focusName();
        m_clock.advanceSecs(30);
        QTRY_VERIFY2(drillMessage->text().contains(u"叫号"_s), qPrintable(drillMessage->text()));
        QVERIFY(!drill->queue()->isOnline());
        QCOMPARE(focusName(), beforeQueue);

        // The unacceptable proof: missing, with what is wrong; the rest seen on paper.
        QVERIFY2(tabTo(u"material_m2"_s), qPrintable(focusName()));
        auto *m2 = intake->findChild<QComboBox *>(u"material_m2"_s);
        key(Qt::Key_End); // the last status of the list: 缺失
        QCOMPARE(m2->currentData().toString(), u"missing"_s);
        key(Qt::Key_Tab);
        QCOMPARE(focusName(), u"reason_m2"_s);
        type(u"解除劳动关系证明未盖章"_s);
        shortcut(ui::shortcut::markPaper);
        QCOMPARE(intake->findChild<QComboBox *>(u"material_m1"_s)->currentData().toString(), u"paper"_s);
        QCOMPARE(intake->findChild<QComboBox *>(u"material_m3"_s)->currentData().toString(), u"paper"_s);
        QCOMPARE(m2->currentData().toString(), u"missing"_s);

        // 一次性告知补正 (Alt+2), from where the trainee is.
        shortcut(ui::shortcut::decisionCorrection);
        QCOMPARE(intake->findChild<QComboBox *>(u"decision"_s)->currentData().toString(),
                 u"correction_required"_s);
        // The reason for the correction is in the materials' lines (the notice lists them): Ctrl+Return.
        shortcut(ui::shortcut::confirmDecision);
        QTRY_VERIFY2(!intake->lastCaseLocalId().isEmpty(),
                     qPrintable(intake->findChild<QLabel *>(u"decisionProblems"_s)->text()));
        // The notice is written into the drill's own folder (the trainee does not print it).
        QVERIFY(!intake->lastNoticePaths().isEmpty());
        for (const QString &p : intake->lastNoticePaths())
            QVERIFY2(p.startsWith(sandboxPath), qPrintable(p));
        // The simulated applicant rates on the evaluation panel; then the keyboard is the trainee's again.
        QTRY_VERIFY(intake->evaluationDialog() &&
                    QApplication::activeWindow() == static_cast<QWidget *>(intake->evaluationDialog()));
        key(Qt::Key_5);
        QTRY_COMPARE(focusName(), u"applicantName"_s);
        QTRY_VERIFY(QApplication::activeWindow() == main);
        {
            auto inSandbox = drill->sandbox()->query(u"SELECT count(*) FROM cases"_s);
            QVERIFY(inSandbox.ok() && inSandbox->next());
            QCOMPARE(inSandbox->value(0).toInt(), 1);
        }

        // F12 finishes after asking; the rubric's lines, in Chinese.
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        shortcut(ui::shortcut::practiceFinishDrill);
        QTRY_COMPARE(page->currentWidget()->objectName(), u"practiceResult"_s);
        QCOMPARE(ui::DialogFacade::instance().shown().size(), 1);
        QVERIFY2(!main->windowTitle().contains(u"练习模式"_s), qPrintable(main->windowTitle()));
        const QString score = page->findChild<QLabel *>(u"practiceScore"_s)->text();
        QVERIFY2(score.contains(u"100"_s), qPrintable(score));
        const QString rubric = page->findChild<QTextBrowser *>(u"practiceReview"_s)->toPlainText();
        for (const QString &line : {u"事项"_s, u"材料"_s, u"决定"_s, u"申请人信息"_s, u"用时"_s})
            QVERIFY2(rubric.contains(line), qPrintable(rubric));
        for (const QString &english : {u"materials"_s, u"decision"_s, u"correction_required"_s})
            QVERIFY2(!rubric.contains(english), qPrintable(rubric));
        QVERIFY2(rubric.contains(u"材料全部标记正确"_s), qPrintable(rubric));
        QCOMPARE(scalar(u"SELECT score FROM training_attempts WHERE kind = 'scenario'"_s), 100);
        QTRY_COMPARE(focusName(), u"practiceReview"_s);
        key(Qt::Key_Escape);
        QTRY_COMPARE(focusName(), u"practiceList"_s);

        // Nothing of the drill in the real database; the sandbox and its companions gone.
        QCOMPARE(snapshot(), before);
        QVERIFY(!QFileInfo::exists(sandboxPath));
        QVERIFY(!QFileInfo::exists(sandboxPath + u"-wal"_s));
        QVERIFY(!QFileInfo::exists(sandboxPath + u".notices"_s));
        auto verify = storage::AuditLog(*m_db, m_clock, nullptr).verify();
        QVERIFY(verify.ok() && verify->chainOk);
        controller.reset();
    }

    // The hall's devices during a drill: an e-license scanned (the session's wedge-scanner filter) verifies
    // in the drill's sandbox and shows on the drill's license panel — never on the real visit's, never in the
    // real database; once the drill ends the scanner feeds the real visit again.
    void aScanDuringTheDrillBelongsToTheDrill() {
        // The login dialog: the clerk's name and password, Enter.
        std::unique_ptr<app::AppController> controller;
        ui::MainWindow *main = nullptr;
        startAndLogInAsClerk(controller, main);
        QVERIFY(controller && main);
        auto *realIntake = qobject_cast<intake::IntakePage *>(main->page(u"intake"_s));
        QVERIFY(realIntake);
        auto *realState = realIntake->findChild<QLabel *>(u"licenseState"_s);
        QVERIFY(realState);
        const QString realStateBefore = realState->text();
        const Snapshot before = snapshot();

        shortcut(ui::shortcut::goPractice);
        auto *page = qobject_cast<trainingui::PracticePage *>(main->page(u"practice"_s));
        QVERIFY(page);
        QTRY_COMPARE(focusName(), u"practiceList"_s);
        QListWidget *list = page->list();
        for (int i = 0; i < list->count() && !list->currentItem()->text().contains(u"失业保险金申领"_s); ++i)
            key(Qt::Key_Down);
        key(Qt::Key_Return);
        trainingui::DrillView *drill = page->drillView();
        QTRY_COMPARE(page->currentWidget(), static_cast<QWidget *>(drill));
        intake::IntakePage *drillIntake = drill->intakePage();
        QVERIFY(drillIntake);
        QTRY_COMPARE(focusName(), u"applicantName"_s);

        // The scanner types the payload and its Enter in one burst.
        auto scan = [](const QByteArray &payload) {
            QWidget *w = QApplication::focusWidget();
            QVERIFY(w);
            for (const char c : payload)
                QTest::keyClick(QApplication::focusWidget(), c);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        };
        auto payload = license::DemoLicenses::freshPayload(0, m_clock);
        QVERIFY(payload.ok());
        scan(payload.value());
        auto *drillState = drillIntake->findChild<QLabel *>(u"licenseState"_s);
        auto *drillHolder = drillIntake->findChild<QLabel *>(u"licenseHolder"_s);
        QTRY_VERIFY2(!drillHolder->text().isEmpty(), qPrintable(drillState->text()));
        QCOMPARE(drillHolder->text(), license::DemoLicenses::licenses().at(0).claims.hn);
        {
            auto seen = drill->sandbox()->query(u"SELECT count(*) FROM licenses_seen"_s);
            QVERIFY(seen.ok() && seen->next());
            QCOMPARE(seen->value(0).toInt(), 1);
        }
        // Not a character of it in the trainee's field, nothing on the real visit.
        QVERIFY2(!drillIntake->findChild<QLineEdit *>(u"applicantName"_s)->text().contains(u"EL1"_s),
                 qPrintable(drillIntake->findChild<QLineEdit *>(u"applicantName"_s)->text()));
        QCOMPARE(realState->text(), realStateBefore);
        QVERIFY(realIntake->findChild<QLabel *>(u"licenseHolder"_s)->text().isEmpty());
        QCOMPARE(snapshot(), before);

        // F12 ends the drill; the next scan is the real visit's again.
        ui::DialogFacade::instance().preAnswer(QMessageBox::Yes);
        shortcut(ui::shortcut::practiceFinishDrill);
        QTRY_COMPARE(page->currentWidget()->objectName(), u"practiceResult"_s);
        key(Qt::Key_Escape);
        QTRY_COMPARE(focusName(), u"practiceList"_s);
        auto again = license::DemoLicenses::freshPayload(0, m_clock);
        QVERIFY(again.ok());
        scan(again.value());
        QTRY_COMPARE(realIntake->findChild<QLabel *>(u"licenseHolder"_s)->text(),
                     license::DemoLicenses::licenses().at(0).claims.hn);
        controller.reset();
    }
};

QTEST_MAIN(TstTraineeDrill)
#include "tst_traineedrill.moc"
