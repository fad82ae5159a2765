// Settings: values with fallbacks, audited changes (old and new value), no audit row when nothing changed;
// setValue is a change like the dialog's (a real platform closes the local accounts, audited too).
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/settingsrepository.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void setGetRemoveAudited();
};

void TestSettings::setGetRemoveAudited() {
    QTemporaryDir tmp;
    auto db = Database::open(tmp.filePath(u"s.db"_s));
    QVERIFY(db.ok());
    FixedClock clock(QDateTime(QDate(2026, 3, 6), QTime(1, 0), Qt::UTC));
    AuditLog audit(*db.value(), clock, nullptr);
    SettingsRepository settings(*db.value(), clock, &audit);

    QCOMPARE(settings.value(u"window.no"_s, u"01"_s).value(), u"01"_s);
    QVERIFY(settings.setValue(u"window.no"_s, u"07"_s, u"u-1"_s).ok());
    QVERIFY(settings.setValue(u"window.no"_s, u"07"_s, u"u-1"_s).ok()); // unchanged: not audited again
    QVERIFY(settings.setValue(u"platform.url"_s, u"https://hall.example"_s, u"u-1"_s).ok());
    QCOMPARE(settings.value(u"window.no"_s).value(), u"07"_s);
    QCOMPARE(settings.all()->size(), 3); // with accounts.local_login = off
    QVERIFY(settings.remove(u"platform.url"_s, u"u-2"_s).ok());
    QVERIFY(settings.remove(u"platform.url"_s, u"u-2"_s).ok()); // already gone: nothing to audit
    QCOMPARE(settings.value(u"platform.url"_s, u"none"_s).value(), u"none"_s);
    QVERIFY(!settings.setValue(QString(), u"x"_s).ok());

    auto q = db.value()->query(u"SELECT user_id, action, target, details_json FROM audit_log ORDER BY seq"_s);
    QVERIFY(q.ok());
    QStringList rows;
    while (q->next())
        rows.append(QStringList{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(),
                                q->value(3).toString()}
                        .join(u'|'));
    QCOMPARE(rows, (QStringList{
                       u"u-1|settings_changed|window.no|{\"new\":\"07\",\"old\":\"\"}"_s,
                       u"u-1|settings_changed|platform.url|{\"new\":\"https://hall.example\",\"old\":\"\"}"_s,
                       u"u-1|local_accounts_closed|accounts.local_login|{\"demo_users_disabled\":[],"
                       u"\"platform_url\":\"https://hall.example\"}"_s,
                       u"u-2|settings_changed|platform.url|{\"removed\":true}"_s}));
    QVERIFY(audit.verify()->chainOk);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
