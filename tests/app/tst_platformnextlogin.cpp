// Settings: a new platform address is used from the next login on — this session's sync and online calls
// were set up at login with the address stored then — and the window says so, in Chinese (issue 11 item
// 10). Before, the status bar showed the new address at once as if the session talked to it.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/mainwindow.h>
#include <windowdesk/ui/settingsdialog.h>

#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstPlatformNextLogin : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void newPlatformAddressAppliesAtTheNextLogin();
    void otherSettingsSayNothingAboutTheNextLogin();

private:
    ui::ShellContext context() const;
    // Opens Settings with Ctrl+, types `text` into the field `field` (replacing it) and saves with Enter.
    void saveWithKeys(ui::MainWindow &w, const QString &field, const QString &text);

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::Database> m_db;
    std::unique_ptr<storage::AuditLog> m_audit;
};

void TstPlatformNextLogin::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto db = storage::Database::open(m_dir.filePath(u"nextlogin.db"_s));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
    ui::DialogFacade::instance().setInteractive(false);
    QVERIFY(ui::installTranslations(u"zh_CN"_s)); // what the hall sees
}

ui::ShellContext TstPlatformNextLogin::context() const {
    ui::ShellContext ctx;
    ctx.db = m_db.get();
    ctx.clock = &m_clock;
    ctx.audit = m_audit.get();
    ctx.user.id = u"u-admin"_s;
    ctx.user.username = u"admin"_s;
    ctx.user.name = u"管理员"_s;
    ctx.user.roles = {u"admin"_s, u"clerk"_s};
    return ctx;
}

void TstPlatformNextLogin::saveWithKeys(ui::MainWindow &w, const QString &field, const QString &text) {
    QTest::keyClick(&w, Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(w.findChild<ui::SettingsDialog *>() && w.findChild<ui::SettingsDialog *>()->isVisible());
    auto *dlg = w.findChild<ui::SettingsDialog *>();
    auto *edit = dlg->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_VERIFY(!dlg->isVisible());
}

void TstPlatformNextLogin::newPlatformAddressAppliesAtTheNextLogin() {
    ui::MainWindow w(context());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *state = w.findChild<QLabel *>(u"syncState"_s);
    QVERIFY(state);
    QCOMPARE(state->text(), u"未配置平台（演示大厅）"_s);

    saveWithKeys(w, u"settingsPlatformUrl"_s, u"http://127.0.0.1:9"_s);
    QCOMPARE(ui::SettingsStore(*m_db, m_clock, nullptr, {}).value(u"platform.url"_s).value(),
             u"http://127.0.0.1:9"_s);
    QCOMPARE(state->text(), u"新的平台地址将在下次登录时生效（http://127.0.0.1:9）"_s);
    QCOMPARE(state->accessibleName(), state->text());

    // The next login's window works with it and says nothing more.
    w.close();
    ui::MainWindow next(context());
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QCOMPARE(next.findChild<QLabel *>(u"syncState"_s)->text(), u"平台 http://127.0.0.1:9"_s);

    // Back to the demo hall: that too from the next login on.
    saveWithKeys(next, u"settingsPlatformUrl"_s, QString());
    QCOMPARE(next.findChild<QLabel *>(u"syncState"_s)->text(),
             u"新的平台地址将在下次登录时生效（无：演示大厅）"_s);
}

void TstPlatformNextLogin::otherSettingsSayNothingAboutTheNextLogin() {
    ui::MainWindow w(context());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString before = w.findChild<QLabel *>(u"syncState"_s)->text();
    saveWithKeys(w, u"settingsWindowNo"_s, u"B12"_s);
    QCOMPARE(w.findChild<QLabel *>(u"syncState"_s)->text(), before);
    QVERIFY(!before.contains(u"下次登录"_s));
}

QTEST_MAIN(TstPlatformNextLogin)
#include "tst_platformnextlogin.moc"
