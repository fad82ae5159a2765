// The trainer's 培训 page in the real main window (issue 15): the trainer (and only a user with the role)
// gets the page in place of the placeholder, in Chinese, as six tabs — 题库, 组卷, 情景, 竞赛, 成绩, 评分 —
// and moves between them by Ctrl+PgDown / Ctrl+PgUp (wrapping) from wherever the focus is on the page.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/trainingui/trainerpage.h>
#include <windowdesk/trainingui/trainingpages.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/shortcuts.h>

#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstTrainerPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"hall.db"_s));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        QVERIFY(storage::DemoHall::load(*m_db, m_clock).ok());
        m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
        QVERIFY(ui::installTranslations(u"zh_CN"_s));
    }
    void cleanupTestCase() {
        m_audit.reset();
        m_db.reset();
    }

    void trainerGetsTheTabbedPageAndSwitchesTabsByKeys() {
        ui::ShellContext ctx = context(u"trainer"_s);
        ui::MainWindow w(ctx);
        // The trainer's first page is another one (事项 in the program), where the keyboard is when Ctrl+5
        // comes.
        w.registerPage({u"other"_s,
                        u"其他"_s,
                        {u"trainer"_s},
                        QKeySequence(Qt::CTRL | Qt::Key_9),
                        [] {
                            auto *edit = new QLineEdit;
                            edit->setObjectName(u"otherField"_s);
                            return edit;
                        },
                        0});
        trainingui::registerTrainingPages(w, {m_db.get(), &m_clock, m_audit.get(), ctx.user, {}});
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.showPage(u"other"_s));
        QTRY_COMPARE(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(),
                     u"otherField"_s);
        QVERIFY(w.pageIds().contains(u"training"_s));
        const QKeyCombination goTraining = ui::shortcutKey(ui::shortcut::goTraining)[0];
        QTest::keyClick(QApplication::focusWidget(), goTraining.key(), goTraining.keyboardModifiers());
        QCOMPARE(w.currentPageId(), u"training"_s);
        auto *page = qobject_cast<trainingui::TrainerPage *>(w.page(u"training"_s));
        QVERIFY2(page, "the placeholder was not replaced");
        QCOMPARE(page->count(), 6);
        QCOMPARE(page->tabText(0), u"题库"_s);
        QCOMPARE(page->tabText(1), u"组卷"_s);
        QCOMPARE(page->tabText(2), u"情景"_s);
        QCOMPARE(page->tabText(3), u"竞赛"_s);
        QCOMPARE(page->tabText(4), u"成绩"_s);
        QCOMPARE(page->tabText(5), u"评分"_s);
        QCOMPARE(page->currentIndex(), 0);
        // The keyboard in the bank's search field, not on the tab bar the stack would hand it to when the
        // page that had it is hidden (the page's focus proxy is followed).
        QTRY_COMPARE(QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString(),
                     u"bankSearch"_s);
        // The three tabs are the real ones (no "not built yet" notice any more).
        const QStringList built{u"blueprintsPage"_s, u"scenariosPage"_s, u"competitionsPage"_s,
                                u"resultsPage"_s, u"judgingPage"_s};
        for (int i = 1; i < 6; ++i) {
            QCOMPARE(page->widget(i)->objectName(), built.at(i - 1));
            QVERIFY2(!page->widget(i)->findChild<QLabel *>(u"placeholderNotice"_s),
                     qPrintable(page->tabText(i)));
        }
        QVERIFY(page->widget(1)->findChild<QWidget *>(u"blueprintSections"_s));
        QVERIFY(page->widget(2)->findChild<QWidget *>(u"scenarioTable"_s));
        QVERIFY(page->widget(3)->findChild<QWidget *>(u"leaderboardTable"_s));
        QVERIFY(page->widget(4)->findChild<QWidget *>(u"resultsExport"_s));

        auto press = [&](const char *id) {
            const QKeyCombination k = ui::shortcutKey(id)[0];
            QWidget *focus = QApplication::focusWidget();
            QVERIFY(focus && page->isAncestorOf(focus));
            QTest::keyClick(focus, k.key(), k.keyboardModifiers());
        };
        page->currentWidget()->setFocus();
        QTRY_VERIFY(QApplication::focusWidget() && page->isAncestorOf(QApplication::focusWidget()));
        press(ui::shortcut::trainingNextTab);
        QCOMPARE(page->currentIndex(), 1);
        press(ui::shortcut::trainingNextTab);
        QCOMPARE(page->currentIndex(), 2);
        press(ui::shortcut::trainingPreviousTab);
        press(ui::shortcut::trainingPreviousTab);
        QCOMPARE(page->currentIndex(), 0);
        press(ui::shortcut::trainingPreviousTab); // wraps to 评分
        QCOMPARE(page->currentIndex(), 5);
        press(ui::shortcut::trainingNextTab); // and back to 题库
        QCOMPARE(page->currentIndex(), 0);

        // 组卷 opens on a new blueprint with no error before the trainer has done anything; the check speaks
        // once the trainer acts (a name typed, no section yet).
        press(ui::shortcut::trainingNextTab);
        QCOMPARE(page->currentIndex(), 1);
        auto *check = page->widget(1)->findChild<QLabel *>(u"blueprintCheck"_s);
        QVERIFY(check);
        QVERIFY2(check->text().isEmpty(), qPrintable(check->text()));
        auto *name = page->widget(1)->findChild<QLineEdit *>(u"blueprintName"_s);
        QVERIFY(name);
        // No blueprint saved yet: the keyboard is on the new one's name (not on the empty list).
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(name));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
        QCOMPARE(name->text(), u"a"_s);
        QTRY_VERIFY(!check->text().isEmpty());
    }

    void clerkHasNoTrainerPage() {
        ui::ShellContext ctx = context(u"clerk"_s);
        ui::MainWindow w(ctx);
        trainingui::registerTrainingPages(w, {m_db.get(), &m_clock, m_audit.get(), ctx.user, {}});
        QVERIFY(!qobject_cast<trainingui::TrainerPage *>(w.page(u"training"_s)));
    }

private:
    ui::ShellContext context(const QString &username) const {
        ui::ShellContext ctx;
        ctx.db = m_db.get();
        ctx.clock = &m_clock;
        ctx.audit = m_audit.get();
        ctx.user = storage::UserRepository(*m_db, m_clock, nullptr).find(username).value();
        return ctx;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

QTEST_MAIN(TstTrainerPage)
#include "tst_trainerpage.moc"
