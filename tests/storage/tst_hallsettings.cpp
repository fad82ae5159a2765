// Hall settings and local accounts (issue 18 #2): who may change what, the same validation for the dialog and
// windowdeskctl, and the demo/local accounts closed for good once a platform is configured.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/settingsrepository.h>
#include <windowdesk/storage/userrepository.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

namespace {
const QDateTime T0 = QDateTime(QDate(2026, 3, 6), QTime(1, 0, 0), Qt::UTC);

struct Fixture {
    QTemporaryDir tmp;
    std::unique_ptr<Database> db;
    FixedClock clock{T0};
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<UserRepository> users;
    Fixture() {
        auto r = Database::open(tmp.filePath(u"hall.db"_s));
        if (!r.ok())
            return;
        db = std::move(r).value();
        audit = std::make_unique<AuditLog>(*db, clock, nullptr);
        users = std::make_unique<UserRepository>(*db, clock, audit.get());
        // The demo hall's users, with the README's passwords.
        if (!DemoHall::load(*db, clock).ok())
            db.reset();
    }
    QString setting(const QString &key) {
        auto q = db->query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
        return q.ok() && q->next() ? q->value(0).toString() : u"<unset>"_s;
    }
    QList<QJsonObject> auditRows(const QString &action) {
        QList<QJsonObject> out;
        auto q = db->query(
            u"SELECT user_id, target, details_json FROM audit_log WHERE action = ? ORDER BY seq"_s, {action});
        while (q.ok() && q->next()) {
            QJsonObject o = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
            o.insert(u"_user"_s, q->value(0).toString());
            o.insert(u"_target"_s, q->value(1).toString());
            out.append(o);
        }
        return out;
    }
    bool logsIn(const QString &user, const QString &password) {
        return users->authenticate(user, password).ok();
    }
};

const SettingsActor Admin{u"u-it"_s, true};
const SettingsActor Clerk{u"u-clerk"_s, false};
} // namespace

class TestHallSettings : public QObject {
    Q_OBJECT
private slots:
    void clerkChangesOnlyPreferences();
    void invalidValuesChangeNothing_data();
    void invalidValuesChangeNothing();
    void configuringAPlatformClosesTheDemoAccounts();
    void clearingThePlatformDoesNotReopenLocalLogin();
    void platformSetBeforeThisVersionAlsoClosesLocalLogin();
    void reopeningIsAnAuditedAdminAction();
};

void TestHallSettings::clerkChangesOnlyPreferences() {
    Fixture f;
    QVERIFY(f.db);
    SettingsRepository s(*f.db, f.clock, f.audit.get());
    for (const auto &[key, value] :
         QList<QPair<QString, QString>>{{u"platform.url"_s, u"https://zwfw.example.cn"_s},
                                        {u"platform.ca_cert"_s, u""_s},
                                        {u"window.no"_s, u"B01"_s},
                                        {u"queue.service_level_s"_s, u"600"_s},
                                        // The printers and paper of the notices are the hall's (#17, #18).
                                        {u"print.acceptance.printer"_s, u"HP-LaserJet-B01"_s},
                                        {u"print.rejection.paper"_s, u"A5"_s},
                                        {u"print.direct_confirmed"_s, u"on"_s}}) {
        const QString before = f.setting(key);
        const Status st = s.apply(Clerk, {{key, value}});
        if (before == value || (before == u"<unset>"_s && value.isEmpty()))
            continue; // no change: nothing to refuse
        QVERIFY2(!st.ok(), qPrintable(key));
        QCOMPARE(st.error().code, u"admin_required"_s);
        QCOMPARE(f.setting(key), before);
    }
    QVERIFY(f.auditRows(u"settings_changed"_s).isEmpty());
    // A refused hall key in a batch refuses the whole batch.
    QVERIFY(!s.apply(Clerk, {{u"scanner.max_gap_ms"_s, u"40"_s}, {u"window.no"_s, u"B02"_s}}).ok());
    QCOMPARE(f.setting(u"scanner.max_gap_ms"_s), u"<unset>"_s);
    // Preferences are the clerk's own.
    QVERIFY(s.apply(Clerk, {{u"scanner.max_gap_ms"_s, u"40"_s}, {u"ui.language"_s, u"en"_s}}).ok());
    QCOMPARE(f.setting(u"scanner.max_gap_ms"_s), u"40"_s);
    QCOMPARE(f.auditRows(u"settings_changed"_s).size(), 2);
    QCOMPARE(f.auditRows(u"settings_changed"_s).first().value(u"_user"_s).toString(), u"u-clerk"_s);
    // The citizen's screen follows the desk's cabling: the clerk's to choose, on the record like any change.
    QVERIFY(s.apply(Clerk, {{u"evaluation.screen"_s, u"HDMI-2"_s}}).ok());
    QCOMPARE(f.setting(u"evaluation.screen"_s), u"HDMI-2"_s);
    QCOMPARE(f.auditRows(u"settings_changed"_s).size(), 3);
    // An admin sets the printers of the hall.
    QVERIFY(s.apply(Admin, {{u"print.acceptance.printer"_s, u"HP-LaserJet-B01"_s},
                            {u"print.acceptance.paper"_s, u"A5"_s},
                            {u"print.direct_confirmed"_s, u"on"_s}})
                .ok());
    QCOMPARE(f.setting(u"print.acceptance.paper"_s), u"A5"_s);
    QCOMPARE(f.auditRows(u"settings_changed"_s).size(), 6);
}

void TestHallSettings::invalidValuesChangeNothing_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::addRow("plain http") << u"platform.url"_s << u"http://zwfw.example.cn"_s << u"insecure_url"_s;
    QTest::addRow("no url") << u"platform.url"_s << u"zwfw"_s << u"invalid_url"_s;
    QTest::addRow("no ca file") << u"platform.ca_cert"_s << u"/nonexistent/ca.pem"_s << u"ca_unreadable"_s;
    QTest::addRow("ca not pem") << u"platform.ca_cert"_s << QStringLiteral(WINDOWDESK_SOURCE_DIR "/README.md")
                                << u"ca_not_certificate"_s;
    QTest::addRow("service level") << u"queue.service_level_s"_s << u"-5"_s << u"invalid_value"_s;
    QTest::addRow("timeout text") << u"sync.timeout_ms"_s << u"soon"_s << u"invalid_value"_s;
    QTest::addRow("suffix") << u"scanner.suffix"_s << u"ESC"_s << u"invalid_value"_s;
    QTest::addRow("unknown") << u"printer.colour"_s << u"red"_s << u"unknown_setting"_s;
    QTest::addRow("paper") << u"print.acceptance.paper"_s << u"A6"_s << u"invalid_value"_s;
    QTest::addRow("printer name") << u"print.delivery.printer"_s << u"HP\nLaserJet"_s << u"invalid_value"_s;
    QTest::addRow("no such notice") << u"print.invoice.paper"_s << u"A4"_s << u"unknown_setting"_s;
    QTest::addRow("direct") << u"print.direct_confirmed"_s << u"yes"_s << u"invalid_value"_s;
}

void TestHallSettings::invalidValuesChangeNothing() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, code);
    Fixture f;
    QVERIFY(f.db);
    const QString before = f.setting(key);
    const Status st = SettingsRepository(*f.db, f.clock, f.audit.get()).apply(Admin, {{key, value}});
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, code);
    QVERIFY(!st.error().message.isEmpty());
    QCOMPARE(f.setting(key), before);
    QVERIFY(f.auditRows(u"settings_changed"_s).isEmpty());
}

void TestHallSettings::configuringAPlatformClosesTheDemoAccounts() {
    Fixture f;
    QVERIFY(f.db);
    QVERIFY(f.logsIn(u"admin"_s, u"Admin@2026"_s)); // the demo hall, as shipped
    // The simulator on this machine is no real platform: the demo hall goes on.
    QVERIFY(SettingsRepository(*f.db, f.clock, f.audit.get())
                .apply(Admin, {{u"platform.url"_s, u"http://127.0.0.1:8080"_s}})
                .ok());
    QVERIFY(f.logsIn(u"admin"_s, u"Admin@2026"_s));
    QVERIFY(f.auditRows(u"local_accounts_closed"_s).isEmpty());
    QVERIFY(SettingsRepository(*f.db, f.clock, f.audit.get())
                .apply(Admin, {{u"platform.url"_s, u"https://zwfw.example.cn/windowdesk"_s}})
                .ok());
    for (const auto &[user, password] : QList<QPair<QString, QString>>{{u"clerk"_s, u"Clerk@2026"_s},
                                                                       {u"supervisor"_s, u"Super@2026"_s},
                                                                       {u"trainer"_s, u"Train@2026"_s},
                                                                       {u"admin"_s, u"Admin@2026"_s}})
        QVERIFY2(!f.logsIn(user, password), qPrintable(user));
    auto q = f.db->query(u"SELECT count(*) FROM users WHERE source = 'demo' AND active = 1"_s);
    QVERIFY(q.ok() && q->next());
    QCOMPARE(q->value(0).toInt(), 0);
    const auto closed = f.auditRows(u"local_accounts_closed"_s);
    QCOMPARE(closed.size(), 1);
    QCOMPARE(closed.first().value(u"_user"_s).toString(), u"u-it"_s);
    QCOMPARE(closed.first().value(u"demo_users_disabled"_s).toArray().size(), 4);
    const auto changed = f.auditRows(u"settings_changed"_s);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().value(u"old"_s).toString(), u"http://127.0.0.1:8080"_s);
    QCOMPARE(changed.last().value(u"new"_s).toString(), u"https://zwfw.example.cn/windowdesk"_s);
    // Loading the demo hall again (seed demo-cases does) does not bring them back.
    QVERIFY(DemoHall::load(*f.db, f.clock).ok());
    QVERIFY(!f.logsIn(u"admin"_s, u"Admin@2026"_s));
}

void TestHallSettings::clearingThePlatformDoesNotReopenLocalLogin() {
    Fixture f;
    QVERIFY(f.db);
    SettingsRepository s(*f.db, f.clock, f.audit.get());
    QVERIFY(s.apply(Admin, {{u"platform.url"_s, u"https://zwfw.example.cn"_s}}).ok());
    // An account that logged in online here (its offline verifier stored by the platform login).
    User online{u"u-1001"_s, u"lina"_s, u"李娜"_s, {u"clerk"_s}, u"h"_s, u"厅"_s, u"A07"_s};
    QVERIFY(f.users
                ->upsert(online, QString::fromLatin1(crypto::makePasswordVerifier(u"Lina#2026"_s, 1000)),
                         u"platform"_s)
                .ok());
    // A local-only account (never online).
    User local{u"u-local"_s, u"local"_s, u"本地"_s, {u"clerk"_s, u"admin"_s}, u"h"_s, u"厅"_s, u"A07"_s};
    QVERIFY(f.users
                ->upsert(local, QString::fromLatin1(crypto::makePasswordVerifier(u"Local#2026"_s, 1000)),
                         u"local"_s)
                .ok());
    // The clerk cannot clear it; the admin can, on the record.
    QCOMPARE(s.apply(Clerk, {{u"platform.url"_s, u""_s}}).error().code, u"admin_required"_s);
    QVERIFY(s.apply(Admin, {{u"platform.url"_s, u""_s}}).ok());
    QCOMPARE(f.auditRows(u"platform_cleared"_s).size(), 1);
    QVERIFY(f.logsIn(u"lina"_s, u"Lina#2026"_s));
    QVERIFY(!f.logsIn(u"local"_s, u"Local#2026"_s));
    QVERIFY(!f.logsIn(u"admin"_s, u"Admin@2026"_s));
    QCOMPARE(f.users->localLoginOpen().value(), false);
}

void TestHallSettings::platformSetBeforeThisVersionAlsoClosesLocalLogin() {
    // A database where the URL was configured by an older version (no accounts.local_login, demo users still
    // active): the demo passwords from the README must not open it.
    Fixture f;
    QVERIFY(f.db);
    QVERIFY(f.db->exec(u"INSERT INTO settings(key, value, updated_at) VALUES ('platform.url', "
                       u"'https://zwfw.example.cn', '2026-01-01T00:00:00Z')"_s)
                .ok());
    QVERIFY(!f.logsIn(u"admin"_s, u"Admin@2026"_s));
    QVERIFY(!f.users->find(u"clerk"_s).ok());
    QVERIFY(f.db->exec(u"UPDATE settings SET value = '' WHERE key = 'platform.url'"_s).ok());
    QVERIFY(f.logsIn(u"admin"_s, u"Admin@2026"_s)); // no platform ever recorded: the demo hall as before
    QVERIFY(
        f.db->exec(u"UPDATE settings SET value = 'http://localhost:8080' WHERE key = 'platform.url'"_s).ok());
    QVERIFY(f.logsIn(u"admin"_s, u"Admin@2026"_s)); // the simulator: still the demo hall
}

void TestHallSettings::reopeningIsAnAuditedAdminAction() {
    Fixture f;
    QVERIFY(f.db);
    QVERIFY(SettingsRepository(*f.db, f.clock, f.audit.get())
                .apply(Admin, {{u"platform.url"_s, u"https://zwfw.example.cn"_s}})
                .ok());
    QVERIFY(!f.logsIn(u"trainer"_s, u"Train@2026"_s));
    auto r = f.users->reopenLocalAccounts(u"windowdeskctl:it"_s);
    QVERIFY(r.ok());
    QCOMPARE(r.value(), (QStringList{u"admin"_s, u"clerk"_s, u"supervisor"_s, u"trainer"_s}));
    QVERIFY(f.logsIn(u"trainer"_s, u"Train@2026"_s));
    const auto rows = f.auditRows(u"local_accounts_reopened"_s);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().value(u"_user"_s).toString(), u"windowdeskctl:it"_s);
}

QTEST_GUILESS_MAIN(TestHallSettings)
#include "tst_hallsettings.moc"
