// The GUI's life cycle as a user goes through it: log in → main window, switch the language in the settings
// (the window comes back in Chinese on the same page), log out → the login dialog again, audited.
#include "appcontroller.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/settingsdialog.h>

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void loginLanguageSwitchAndLogout();

private:
    template <typename T> static T *visibleTopLevel() {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
                return t;
        }
        return nullptr;
    }
    int auditCount(const QString &action) const {
        auto q = m_db->query(u"SELECT count(*) FROM audit_log WHERE action = ?"_s, {action});
        return q && q->next() ? q->value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
};

void TstController::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto db = storage::Database::open(m_dir.filePath(u"ctl.db"_s));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
    storage::UserRepository users(*m_db, m_clock, m_audit.get());
    storage::User u{u"u-clerk"_s, u"clerk"_s, u"Clerk One"_s, {u"clerk"_s}, {}, {}, u"5"_s};
    QVERIFY(
        users.upsert(u, QString::fromLatin1(crypto::makePasswordVerifier(u"Clerk@2026"_s, 1000)), u"demo"_s)
            .ok());
    ui::DialogFacade::instance().setInteractive(false);
    ui::installTranslations(u"en"_s);
}

void TstController::loginLanguageSwitchAndLogout() {
    ui::ShellContext ctx;
    ctx.db = m_db.get();
    ctx.clock = &m_clock;
    ctx.audit = m_audit.get();
    app::AppController controller(ctx);
    controller.start();

    auto *login = visibleTopLevel<ui::LoginDialog>();
    QVERIFY(login);
    QCOMPARE(login->findChild<QLabel *>(u"loginContext"_s)->text(), u"No platform configured (demo hall)"_s);
    QTest::keyClicks(login->findChild<QLineEdit *>(u"loginUser"_s), u"clerk"_s);
    auto *password = login->findChild<QLineEdit *>(u"loginPassword"_s);
    QTest::keyClicks(password, u"Clerk@2026"_s);
    QTest::keyClick(password, Qt::Key_Return);

    ui::MainWindow *main = nullptr;
    QTRY_VERIFY((main = visibleTopLevel<ui::MainWindow>()));
    QVERIFY(!visibleTopLevel<ui::LoginDialog>());
    QCOMPARE(main->user().username, u"clerk"_s);
    // Keyboard-first: the focus starts inside the page (not on the sidebar), so the page's keys work at once,
    // and Ctrl+2 takes it into the catalog page.
    auto *pages = main->findChild<QStackedWidget *>(u"pages"_s);
    QVERIFY(pages);
    QTRY_VERIFY(QApplication::focusWidget() &&
                pages->currentWidget()->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(main->currentPageId(), u"catalog"_s);
    QTRY_VERIFY(QApplication::focusWidget() &&
                pages->currentWidget()->isAncestorOf(QApplication::focusWidget()));
    // A click on the sidebar opens the page for work too.
    auto *nav = main->findChild<QListWidget *>(u"navigation"_s);
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(0)).center());
    QCOMPARE(main->currentPageId(), u"intake"_s);
    QTRY_VERIFY(QApplication::focusWidget() &&
                pages->currentWidget()->isAncestorOf(QApplication::focusWidget()));
    QVERIFY(main->showPage(u"cases"_s));

    // Settings → language 中文 → save: the window is rebuilt in Chinese, on the same page.
    main->findChild<QAction *>(u"actionSettings"_s)->trigger();
    ui::SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = main->findChild<ui::SettingsDialog *>()));
    auto *language = settings->findChild<QComboBox *>(u"settingsLanguage"_s);
    language->setCurrentIndex(language->findData(u"zh_CN"_s));
    QTest::mouseClick(settings->findChild<QPushButton *>(u"settingsSave"_s), Qt::LeftButton);
    QTRY_VERIFY(visibleTopLevel<ui::MainWindow>() && visibleTopLevel<ui::MainWindow>() != main);
    main = visibleTopLevel<ui::MainWindow>();
    QCOMPARE(main->currentPageId(), u"cases"_s);
    QCOMPARE(main->findChild<QListWidget *>(u"navigation"_s)->item(0)->text(), u"受理"_s);
    QCOMPARE(auditCount(u"settings_changed"_s), 1);

    // Log out: back to the login dialog with the user name kept; the logout is audited.
    const int logouts = auditCount(u"logout"_s);
    main->findChild<QAction *>(u"actionLogout"_s)->trigger();
    QTRY_VERIFY(visibleTopLevel<ui::LoginDialog>());
    QTRY_VERIFY(!visibleTopLevel<ui::MainWindow>());
    QCOMPARE(visibleTopLevel<ui::LoginDialog>()->findChild<QLineEdit *>(u"loginUser"_s)->text(), u"clerk"_s);
    QCOMPARE(auditCount(u"logout"_s), logouts + 1);
    ui::installTranslations(u"en"_s);
}

QTEST_MAIN(TstController)
#include "tst_controller.moc"
