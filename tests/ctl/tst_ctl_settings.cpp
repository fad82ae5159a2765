// `windowdeskctl settings get/set` and `users reopen-local` as processes (cli.md; issue 18 #2): the same
// validation and audit row as the Settings dialog, a platform closes the demo accounts, exit codes.
#include "ctlrun.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
using ctltest::ctl;
using ctltest::Run;

QVariant scalar(const QString &path, const QString &sql) {
    QVariant v;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        raw.setDatabaseName(path);
        if (raw.open()) {
            QSqlQuery q(raw);
            if (q.exec(sql) && q.next())
                v = q.value(0);
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    return v;
}
} // namespace

class TestCtlSettings : public QObject {
    Q_OBJECT
private slots:
    void setValidatesAndAudits();
    void getPrintsOneOrAll();
    void platformClosesDemoAccountsUntilReopened();
    void usageErrors();
};

void TestCtlSettings::setValidatesAndAudits() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"s.db"_s);
    // Refused as the dialog refuses it: exit 3, the reason, nothing written or audited.
    const Run bad = ctl(db, {u"settings"_s, u"set"_s, u"platform.url"_s, u"http://zwfw.example.cn"_s});
    QCOMPARE(bad.exitCode, 3);
    QCOMPARE(bad.json.value(u"error"_s).toString(), u"insecure_url"_s);
    QVERIFY2(bad.err.contains(u"https://"_s), qPrintable(bad.err));
    QCOMPARE(scalar(db, u"SELECT count(*) FROM settings WHERE key = 'platform.url'"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'settings_changed'"_s).toInt(), 0);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"queue.service_level_s"_s, u"ten"_s}).exitCode, 3);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"platform.ca_cert"_s, tmp.filePath(u"none.pem"_s)}).exitCode,
             3);

    const Run ok = ctl(db, {u"settings"_s, u"set"_s, u"queue.service_level_s"_s, u"600"_s});
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.json.value(u"changed"_s).toBool(), true);
    QCOMPARE(scalar(db, u"SELECT value FROM settings WHERE key = 'queue.service_level_s'"_s).toString(),
             u"600"_s);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'settings_changed' AND target = "
                        u"'queue.service_level_s' AND user_id LIKE 'windowdeskctl:%' AND details_json LIKE "
                        u"'%\"new\":\"600\"%'"_s)
                 .toInt(),
             1);
    // The same value again: nothing changes, nothing is audited.
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"queue.service_level_s"_s, u"600"_s})
                 .json.value(u"changed"_s)
                 .toBool(),
             false);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'settings_changed'"_s).toInt(), 1);
    QCOMPARE(ctl(db, {u"audit"_s, u"verify"_s}).exitCode, 0);
}

void TestCtlSettings::getPrintsOneOrAll() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"g.db"_s);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"window.no"_s, u"B03"_s}).exitCode, 0);
    const Run one = ctl(db, {u"settings"_s, u"get"_s, u"window.no"_s});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(one.json.value(u"value"_s).toString(), u"B03"_s);
    const Run unset = ctl(db, {u"settings"_s, u"get"_s, u"platform.url"_s});
    QCOMPARE(unset.exitCode, 0);
    QVERIFY(unset.json.value(u"value"_s).isNull());
    const Run all = ctl(db, {u"settings"_s, u"get"_s});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.json.value(u"settings"_s).toObject().value(u"window.no"_s).toString(), u"B03"_s);
}

void TestCtlSettings::platformClosesDemoAccountsUntilReopened() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"p.db"_s);
    // seed demo-cases loads the demo hall (its users) into the database.
    QCOMPARE(ctl(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s}).exitCode, 0);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM users WHERE source = 'demo' AND active = 1"_s).toInt(), 4);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"platform.url"_s, u"https://zwfw.example.cn"_s}).exitCode, 0);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM users WHERE source = 'demo' AND active = 1"_s).toInt(), 0);
    QCOMPARE(scalar(db, u"SELECT value FROM settings WHERE key = 'accounts.local_login'"_s).toString(),
             u"off"_s);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'local_accounts_closed'"_s).toInt(),
             1);
    // Clearing the URL is audited and keeps them closed.
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"platform.url"_s, u""_s}).exitCode, 0);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'platform_cleared'"_s).toInt(), 1);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM users WHERE source = 'demo' AND active = 1"_s).toInt(), 0);
    // The explicit admin action.
    const Run reopen = ctl(db, {u"users"_s, u"reopen-local"_s});
    QCOMPARE(reopen.exitCode, 0);
    QCOMPARE(reopen.json.value(u"demo_users_enabled"_s).toArray().size(), 4);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM users WHERE source = 'demo' AND active = 1"_s).toInt(), 4);
    QCOMPARE(scalar(db, u"SELECT count(*) FROM audit_log WHERE action = 'local_accounts_reopened'"_s).toInt(),
             1);
}

void TestCtlSettings::usageErrors() {
    QTemporaryDir tmp;
    const QString db = tmp.filePath(u"u.db"_s);
    QCOMPARE(ctl(db, {u"settings"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"platform.url"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"printer.colour"_s, u"red"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"settings"_s, u"set"_s, u"accounts.local_login"_s, u"on"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"settings"_s, u"get"_s, u"a"_s, u"b"_s}).exitCode, 2);
    QCOMPARE(ctl(db, {u"users"_s, u"enable"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCtlSettings)
#include "tst_ctl_settings.moc"
