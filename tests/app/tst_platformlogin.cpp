// Login at the window with a platform configured, against the simulator process: an online login creates the
// local user (with the offline verifier) and opens the main window with the platform's roles; the platform's
// refusals (wrong password, locked account) are shown and never fall back offline; with the platform gone,
// the same password logs in offline with a visible offline state, and an account never used online here
// cannot.
#include "appcontroller.h"
#include "platformlogin.h"
#include "synctestsupport.h"

#include <windowdesk/sync/tokenholder.h>

#include <windowdesk/storage/auditlog.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/messagebar.h>

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {

template <typename T> T *visibleTopLevel() {
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *t = qobject_cast<T *>(w); t && t->isVisible())
            return t;
    }
    return nullptr;
}

// A client database pointed at the simulator, and the GUI controller on it (no keychain: memory only).
struct Desk {
    Client client;
    std::unique_ptr<storage::AuditLog> audit;
    std::unique_ptr<app::AppController> controller;

    bool open(const Sim &sim) { return client.open(sim) && start(); }
    bool openOn(Client &&other) {
        client.db = std::move(other.db);
        return start();
    }
    bool start() {
        audit = std::make_unique<storage::AuditLog>(*client.db, SystemClock::instance(), nullptr);
        ui::ShellContext ctx;
        ctx.db = client.db.get();
        ctx.clock = &SystemClock::instance();
        ctx.audit = audit.get();
        ctx.keychainAvailable = false;
        controller = std::make_unique<app::AppController>(ctx);
        controller->start();
        return visibleTopLevel<ui::LoginDialog>() != nullptr;
    }
    // Submits the login and waits for its answer; returns the dialog's message ("" once it has closed).
    QString login(const QString &user, const QString &password) {
        QPointer<ui::LoginDialog> dlg = visibleTopLevel<ui::LoginDialog>();
        if (!dlg)
            return u"<no login dialog>"_s;
        dlg->findChild<QLineEdit *>(u"loginUser"_s)->setText(user);
        dlg->findChild<QLineEdit *>(u"loginPassword"_s)->setText(password);
        QTest::mouseClick(dlg->findChild<QPushButton *>(u"loginButton"_s), Qt::LeftButton);
        if (dlg && !dlg->isBusy() && dlg->isVisible())
            return u"<not asynchronous>"_s;
        QElapsedTimer t;
        t.start();
        while (dlg && dlg->isVisible() && dlg->isBusy() && t.elapsed() < 30000)
            QTest::qWait(20);
        if (!dlg || !dlg->isVisible())
            return QString();
        return dlg->messageBar()->text();
    }
    int count(const QString &sql, const QString &bind) const { return client.scalar(sql, {bind}); }
};

} // namespace

class TstPlatformLogin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        // Never the user's keychain: the session's sync finds no D-Bus and keeps going.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/windowdesk-test-bus");
        ui::DialogFacade::instance().setInteractive(false);
        ui::installTranslations(u"en"_s);
        QVERIFY(m_sim.start({}));
    }

    void onlineLoginCreatesLocalUserWithPlatformRoles() {
        Desk desk;
        QVERIFY(desk.open(m_sim));
        QCOMPARE(desk.count(u"SELECT count(*) FROM users WHERE username = ?"_s, u"admin"_s), 0);
        QCOMPARE(desk.login(u"admin"_s, u"Admin@2026"_s), QString());
        auto *w = visibleTopLevel<ui::MainWindow>();
        QVERIFY(w);
        QCOMPARE(w->user().id, u"u-demo-admin"_s);
        QCOMPARE(w->user().roles, (QStringList{u"clerk"_s, u"supervisor"_s, u"trainer"_s}));
        QCOMPARE(w->user().windowNo, u"A07"_s);
        // The local user with the offline verifier, the audit row, no offline state, the memory-only notice.
        QCOMPARE(desk.count(u"SELECT count(*) FROM users WHERE username = ? AND source = 'platform'"_s,
                            u"admin"_s),
                 1);
        QCOMPARE(
            desk.count(u"SELECT count(*) FROM audit_log WHERE action = 'login' AND target = ?"_s, u"admin"_s),
            1);
        QVERIFY(!w->findChild<QLabel *>(u"offlineLoginState"_s));
        auto *notice = w->findChild<QLabel *>(u"tokensInMemoryNotice"_s);
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().contains(u"keychain"_s));
        // The session's sync runs on the tokens of that keychain-less login (handed over in memory): it
        // reaches the platform without asking for another login.
        auto *indicator = w->findChild<QToolButton *>(u"syncIndicator"_s);
        QVERIFY(indicator);
        QTRY_VERIFY_WITH_TIMEOUT(indicator->text().startsWith(u"Online"_s), 20000);
        QVERIFY2(!indicator->text().contains(u"login needed"_s), qPrintable(indicator->text()));
        QCOMPARE(desk.count(u"SELECT count(*) FROM sync_state WHERE key = ?"_s, u"last_success"_s), 1);
    }

    void wrongPasswordShowsThePlatformsRefusal() {
        Desk desk;
        QVERIFY(desk.open(m_sim));
        const QString message = desk.login(u"supervisor"_s, u"wrong-password"_s);
        QVERIFY2(message.contains(u"用户名或密码错误"_s), qPrintable(message));
        QVERIFY(!visibleTopLevel<ui::MainWindow>());
        QVERIFY(visibleTopLevel<ui::LoginDialog>());
        QCOMPARE(desk.count(u"SELECT count(*) FROM users WHERE username = ?"_s, u"supervisor"_s), 0);
    }

    void fiveWrongPasswordsLockTheAccount() {
        Desk desk;
        QVERIFY(desk.open(m_sim));
        for (int i = 0; i < 5; ++i) {
            const QString message = desk.login(u"trainer"_s, u"wrong-%1"_s.arg(i));
            QVERIFY2(message.contains(u"用户名或密码错误"_s), qPrintable(message));
        }
        // Even the right password is refused now, with the platform's words, and nothing falls back offline.
        const QString message = desk.login(u"trainer"_s, u"Train@2026"_s);
        QVERIFY2(message.contains(u"locked"_s) && message.contains(u"账号已锁定"_s), qPrintable(message));
        QVERIFY(!visibleTopLevel<ui::MainWindow>());
    }

    void offlineLoginAfterAnOnlineOne() {
        Sim sim; // stopped during the test
        QVERIFY(sim.start({}));
        ui::installTranslations(u"zh_CN"_s);
        auto restore = qScopeGuard([] { ui::installTranslations(u"en"_s); });
        Client client;
        QVERIFY(client.open(sim));
        {
            // The online login at the window, without its main window.
            storage::AuditLog audit(*client.db, SystemClock::instance(), nullptr);
            sync::TokenHolder tokens{QString()}; // no keychain: memory only
            app::PlatformLogin online(*client.db, SystemClock::instance(), &audit,
                                      sync::loadSyncConfig(*client.db), tokens);
            std::optional<Result<app::PlatformLogin::Success>> got;
            online.login(kUser, kPassword,
                         [&](Result<app::PlatformLogin::Success> r) { got = std::move(r); });
            QVERIFY(!got); // asynchronous
            QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 20000);
            QVERIFY(got->ok());
            QCOMPARE(got->value().mode, app::PlatformLogin::Mode::Online);
            QVERIFY(got->value().tokensInMemoryOnly);
        }
        sim.stop();
        Desk desk;
        QVERIFY(desk.openOn(std::move(client)));

        // Never logged in online here: no offline login.
        QString message = desk.login(u"supervisor"_s, u"Super@2026"_s);
        QVERIFY2(message.contains(u"从未"_s) || message.contains(u"never"_s), qPrintable(message));
        QVERIFY(!visibleTopLevel<ui::MainWindow>());
        // A wrong password offline is refused by the local verifier.
        message = desk.login(kUser, u"wrong-password"_s);
        QVERIFY2(!message.isEmpty(), "a wrong password must not log in offline");
        QVERIFY(!visibleTopLevel<ui::MainWindow>());

        QCOMPARE(desk.login(kUser, kPassword), QString());
        auto *w = visibleTopLevel<ui::MainWindow>();
        QVERIFY(w);
        QCOMPARE(w->user().username, kUser);
        QCOMPARE(w->user().roles, QStringList{u"clerk"_s});
        auto *state = w->findChild<QLabel *>(u"offlineLoginState"_s);
        QVERIFY(state && state->isVisible());
        QCOMPARE(state->text(), u"离线登录：平台不可达，数据将在联网后同步"_s);
        // No keychain kept tokens: once the first sync has run, the state says what sync needs.
        QTRY_COMPARE_WITH_TIMEOUT(state->text(),
                                  u"离线登录：请登录政务服务平台（同步状态菜单，Ctrl+Shift+L）以便同步数据"_s,
                                  20000);
        QVERIFY(state->isVisible());

        // The platform comes back (same address); the clerk logs in to it from the status bar (Ctrl+Shift+L):
        // sync reaches it and the offline state goes away.
        Sim back;
        QVERIFY(back.start({u"--port"_s, QString::number(sim.port)}));
        QCOMPARE(back.port, sim.port);
        auto *loginAction = w->findChild<QAction *>(u"platformLoginAction"_s);
        QVERIFY(loginAction);
        QCOMPARE(loginAction->shortcut(), QKeySequence(u"Ctrl+Shift+L"_s));
        loginAction->trigger();
        QInputDialog *ask = nullptr;
        QTRY_VERIFY((ask = w->findChild<QInputDialog *>()) != nullptr && ask->isVisible());
        ask->setTextValue(kPassword);
        ask->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!state->isVisible(), 30000);
        auto *indicator = w->findChild<QToolButton *>(u"syncIndicator"_s);
        QVERIFY(indicator && indicator->text().startsWith(u"在线"_s));
    }

private:
    Sim m_sim;
};

QTEST_MAIN(TstPlatformLogin)
#include "tst_platformlogin.moc"
