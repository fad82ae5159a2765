// The whole GUI cycle with a real Secret Service (issue 11.2): with the platform configured, a login by keys
// stores the platform tokens in the keychain, the session syncs (pushes cases, pulls, refreshes expiring
// tokens, whose rotated pair must reach the keychain), the clerk logs out and in again — several rounds in
// one process against the simulator. Before the fix the GUI died within seconds of such a login (keychain
// jobs from the sync thread and the main thread through QtKeychain's one unsynchronised job queue:
// SIGSEGV in QObject::disconnect from libqt6keychain, or SIGABRT). At the end the keychain holds the newest
// pair (the simulator refuses a used refresh token) and the audit chain is anchored with the keychain's key.
// Needs a Secret Service: run under `dbus-run-session -- scripts/ctest-with-keyring.sh` (as ./test does).
#include "appcontroller.h"
#include "synctestsupport.h"

#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/sync/tokenholder.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPointer>
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

// The login dialog filled and submitted by keys, as a clerk does.
void loginByKeys(ui::LoginDialog *dlg, const QString &user, const QString &password) {
    auto *userEdit = dlg->findChild<QLineEdit *>(u"loginUser"_s);
    auto *passwordEdit = dlg->findChild<QLineEdit *>(u"loginPassword"_s);
    QVERIFY(userEdit && passwordEdit);
    dlg->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dlg));
    userEdit->setFocus();
    QTest::keyClick(userEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(userEdit, user);
    QTest::keyClick(userEdit, Qt::Key_Return); // moves on to the empty password
    QVERIFY(passwordEdit->hasFocus());
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

} // namespace

class TstKeychainSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a Secret Service: run under dbus-run-session -- scripts/ctest-with-keyring.sh");
        m_service = u"WindowDesk-test-%1"_s.arg(QCoreApplication::applicationPid());
        // The keychain must answer (this test function runs at the top level: the store may wait here).
        storage::KeychainSecretStore probe(m_service);
        const Status st = probe.write(u"probe"_s, "1");
        if (!st.ok())
            QSKIP(qPrintable(u"no working Secret Service: "_s + st.error().message));
        QVERIFY(probe.remove(u"probe"_s).ok());
        ui::DialogFacade::instance().setInteractive(false);
        ui::installTranslations(u"en"_s);
    }

    void loginSyncLogoutLoginRounds() {
        Sim sim; // access tokens expire after 2 s; a used refresh token is refused at once
        QVERIFY(sim.start({u"--faults"_s, u"token-ttl-s=2,refresh-grace-s=0"_s}));
        Client client;
        QVERIFY(client.open(sim));
        QCOMPARE(client.seed(2), 2);

        // As main() sets it up: the store never waits, the anchor key is read in the background.
        storage::KeychainSecretStore secrets(m_service, storage::KeychainSecretStore::Mode::NeverWait);
        storage::AuditLog audit(*client.db, SystemClock::instance(), &secrets);
        bool prefetched = false;
        secrets.prefetch({audit.anchorKeyRef()}, &secrets, [&](bool) { prefetched = true; });
        QTRY_VERIFY_WITH_TIMEOUT(prefetched, 30000);
        ui::ShellContext ctx;
        ctx.db = client.db.get();
        ctx.clock = &SystemClock::instance();
        ctx.audit = &audit;
        ctx.keychainAvailable = true;
        auto controller = std::make_unique<app::AppController>(ctx);
        controller->setSecretService(m_service);
        controller->start();

        constexpr int Rounds = 3;
        for (int round = 0; round < Rounds; ++round) {
            QPointer<ui::LoginDialog> dlg;
            QTRY_VERIFY_WITH_TIMEOUT((dlg = visibleTopLevel<ui::LoginDialog>()) != nullptr, 10000);
            loginByKeys(dlg, kUser, kPassword);
            if (QTest::currentTestFailed())
                return;
            ui::MainWindow *w = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT((w = visibleTopLevel<ui::MainWindow>()) != nullptr, 30000);
            QVERIFY2(!w->findChild<QWidget *>(u"tokensInMemoryNotice"_s),
                     "the login's tokens must be stored in the keychain");
            auto *indicator = w->findChild<QToolButton *>(u"syncIndicator"_s);
            QVERIFY(indicator);
            // The session's first run pushes what is pending and reaches the platform.
            QTRY_VERIFY2_WITH_TIMEOUT(indicator->text().startsWith(u"Online"_s) &&
                                          indicator->text().contains(u"nothing pending"_s),
                                      qPrintable(indicator->text()), 30000);
            QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 2 + round);
            // The access token expires; the next run ("sync now", by keys) refreshes it and the rotated pair
            // goes to the keychain while the clerk works. A new case goes up with it.
            QCOMPARE(client.seed(1), 1);
            QTest::qWait(2200);
            const int refreshes =
                sim.stats().value(u"requests"_s).toObject().value(u"POST /auth/refresh"_s).toInt();
            QTest::keyClick(w, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
            QTRY_VERIFY2_WITH_TIMEOUT(sim.stats().value(u"cases"_s).toInt() == 3 + round,
                                      qPrintable(indicator->text()), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(
                sim.stats().value(u"requests"_s).toObject().value(u"POST /auth/refresh"_s).toInt() >
                    refreshes,
                10000);
            QTRY_VERIFY2_WITH_TIMEOUT(indicator->text().contains(u"nothing pending"_s),
                                      qPrintable(indicator->text()), 30000);
            // Log out (File menu), back to the login dialog with the same database and keychain.
            QAction *logout = nullptr;
            for (QAction *a : w->findChildren<QAction *>())
                if (a->text().startsWith(u"Log &out"_s))
                    logout = a;
            QVERIFY(logout);
            logout->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!visibleTopLevel<ui::MainWindow>(), 10000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel<ui::LoginDialog>() != nullptr, 10000);
        // Let keychain writes started by the last round answer before the program's parts go (and let a
        // second pass, so the simulator sees every used refresh token as used "before now").
        QTest::qWait(1100);
        controller.reset();

        // The keychain holds the newest pair: its refresh token is the one the platform accepts now.
        storage::KeychainSecretStore check(m_service);
        auto stored = check.read(QString::fromLatin1(sync::kTokensSecretKey));
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));
        const sync::Tokens tokens = sync::Tokens::fromJson(stored.value());
        QCOMPARE(tokens.username, kUser);
        const HttpAnswer refreshed =
            sim.http("POST", u"/auth/refresh"_s,
                     QJsonDocument(QJsonObject{{u"refresh_token"_s, tokens.refreshToken}})
                         .toJson(QJsonDocument::Compact));
        QVERIFY2(refreshed.status == 200, refreshed.body.constData());

        // Every login and logout audited, the head anchored under the keychain's key.
        QCOMPARE(client.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'login'"_s), Rounds);
        auto report = storage::AuditLog(*client.db, SystemClock::instance(), &check).verify();
        QVERIFY(report.ok());
        QVERIFY2(report->chainOk, qPrintable(report->message));
        QVERIFY2(report->anchorChecked, qPrintable(report->message));
        (void)check.remove(QString::fromLatin1(sync::kTokensSecretKey));
        (void)check.remove(audit.anchorKeyRef());
    }

private:
    QString m_service;
};

QTEST_MAIN(TstKeychainSession)
#include "tst_keychainsession.moc"
