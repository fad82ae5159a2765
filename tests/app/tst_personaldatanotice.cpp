// Issue 18 #4, "without a keychain, say so at login": the clerk logs in (the real login dialog, by keys) and
// the main window's status bar tells, from the first moment, that id numbers and phones are stored in clear —
// for want of a keychain, or because the keychain lacks this database's key — in Chinese and in English; with
// the database's key known (storage::PersonalData), nothing is said.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/personaldata.h>
#include <windowdesk/storage/userrepository.h>
#include <windowdesk/ui/appearance.h>
#include <windowdesk/ui/dialogfacade.h>
#include <windowdesk/ui/logindialog.h>
#include <windowdesk/ui/mainwindow.h>

#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TstPersonalDataNotice : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void noKeychainIsToldAtLogin();
    void keychainWithoutTheKeyIsToldAtLogin();
    void keyKnownSaysNothing();

private:
    // Logs in through the login dialog by keys; the main window of that user, shown.
    std::unique_ptr<ui::MainWindow> logIn(bool keychainAvailable);
    QString notice(ui::MainWindow &w) const {
        auto *label = w.findChild<QLabel *>(u"keychainState"_s);
        return label && label->isVisibleTo(&w) ? label->text() : QString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 30), Qt::UTC)};
    std::unique_ptr<storage::AuditLog> m_audit;
    std::unique_ptr<storage::UserRepository> m_users;
    const QByteArray m_secret = crypto::randomBytes(32);
};

void TstPersonalDataNotice::initTestCase() {
    QVERIFY(m_dir.isValid());
    auto db = storage::Database::open(m_dir.filePath(u"notice.db"_s));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_audit = std::make_unique<storage::AuditLog>(*m_db, m_clock, nullptr);
    m_users = std::make_unique<storage::UserRepository>(*m_db, m_clock, m_audit.get());
    storage::User u;
    u.id = u"u-clerk"_s;
    u.username = u"clerk"_s;
    u.name = u"Clerk"_s;
    u.roles = {u"clerk"_s};
    u.hallId = u"hall-demo"_s;
    u.hallName = u"演示大厅"_s;
    u.windowNo = u"3"_s;
    QVERIFY(
        m_users
            ->upsert(u, QString::fromLatin1(crypto::makePasswordVerifier(u"Clerk@2026"_s, 1000)), u"demo"_s)
            .ok());
    ui::DialogFacade::instance().setInteractive(false);
}

void TstPersonalDataNotice::cleanupTestCase() {
    storage::PersonalData::forget(*m_db);
    m_users.reset();
    m_audit.reset();
    m_db.reset();
}

std::unique_ptr<ui::MainWindow> TstPersonalDataNotice::logIn(bool keychainAvailable) {
    ui::LoginDialog dlg([this](const QString &u, const QString &p) { return m_users->authenticate(u, p); });
    dlg.show();
    auto *user = dlg.findChild<QLineEdit *>(u"loginUser"_s);
    auto *pass = dlg.findChild<QLineEdit *>(u"loginPassword"_s);
    if (!user || !pass)
        return {};
    QTest::keyClicks(user, u"clerk"_s);
    QTest::keyClicks(pass, u"Clerk@2026"_s);
    QTest::keyClick(pass, Qt::Key_Return);
    if (dlg.result() != QDialog::Accepted)
        return {};
    ui::ShellContext ctx;
    ctx.db = m_db.get();
    ctx.clock = &m_clock;
    ctx.audit = m_audit.get();
    ctx.user = dlg.user();
    ctx.keychainAvailable = keychainAvailable;
    ctx.versions = {{u"WindowDesk"_s, u"0.1.0"_s}};
    auto w = std::make_unique<ui::MainWindow>(ctx);
    w->show();
    return w;
}

void TstPersonalDataNotice::noKeychainIsToldAtLogin() {
    QVERIFY(ui::installTranslations(u"zh_CN"_s));
    {
        auto w = logIn(false);
        QVERIFY(w);
        QVERIFY2(notice(*w).contains(u"身份证号和电话以明文保存"_s), qPrintable(notice(*w)));
    }
    QVERIFY(ui::installTranslations(u"en"_s));
    auto w = logIn(false);
    QVERIFY(w);
    QVERIFY2(notice(*w).contains(u"id numbers and phones are stored in clear"_s), qPrintable(notice(*w)));
    QVERIFY(notice(*w).contains(u"audit log cannot be anchored"_s)); // the anchor's notice stays
}

void TstPersonalDataNotice::keychainWithoutTheKeyIsToldAtLogin() {
    QVERIFY(ui::installTranslations(u"en"_s));
    {
        // A keychain and no key yet: the program is making it (main.cpp), nothing to warn about.
        auto fresh = logIn(true);
        QVERIFY(fresh);
        QCOMPARE(notice(*fresh), QString());
    }
    // The database has its key, and this keychain does not hold it (moved, or the entry deleted).
    QVERIFY(storage::PersonalData::install(*m_db, u"test-key"_s, m_secret).ok());
    storage::PersonalData::forget(*m_db);
    auto w = logIn(true);
    QVERIFY(w);
    QVERIFY2(notice(*w).contains(u"does not hold this database's personal data key"_s),
             qPrintable(notice(*w)));
    QVERIFY(notice(*w).contains(u"stored in clear"_s));
}

void TstPersonalDataNotice::keyKnownSaysNothing() {
    QVERIFY(storage::PersonalData::install(*m_db, u"test-key"_s, m_secret).ok());
    auto w = logIn(true);
    QVERIFY(w);
    QCOMPARE(notice(*w), QString());
}

QTEST_MAIN(TstPersonalDataNotice)
#include "tst_personaldatanotice.moc"
