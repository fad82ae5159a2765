// Local login: PBKDF2 verifiers, counted-down messages, 5-in-15-minutes lockout, attempts and audit rows.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/userrepository.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

namespace {
// 2026-03-06 09:00 China Standard Time.
const QDateTime T0 = QDateTime(QDate(2026, 3, 6), QTime(1, 0, 0), Qt::UTC);

struct Fixture {
    QTemporaryDir tmp;
    std::unique_ptr<Database> db;
    FixedClock clock{T0};
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<UserRepository> users;
    Fixture() {
        auto r = Database::open(tmp.filePath(u"users.db"_s));
        if (!r.ok())
            return;
        db = std::move(r).value();
        audit = std::make_unique<AuditLog>(*db, clock, nullptr);
        users = std::make_unique<UserRepository>(*db, clock, audit.get());
        User u{u"u-1001"_s, u"clerk"_s, u"王小明"_s, {u"clerk"_s}, u"h-1"_s, u"岳麓区政务服务中心"_s,
               u"07"_s};
        // Few iterations keep the test fast; the format is the production one.
        users->upsert(u, QString::fromLatin1(crypto::makePasswordVerifier(u"Clerk#2026"_s, 1000)), u"demo"_s);
    }
    QStringList auditActions() {
        QStringList out;
        auto q = db->query(u"SELECT action FROM audit_log ORDER BY seq"_s);
        while (q.ok() && q->next())
            out.append(q->value(0).toString());
        return out;
    }
    int attempts(bool success) {
        auto q = db->query(u"SELECT count(*) FROM login_attempts WHERE success = ?"_s, {success ? 1 : 0});
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }
};
} // namespace

class TestUsers : public QObject {
    Q_OBJECT
private slots:
    void rightPasswordLogsIn();
    void wrongPasswordCountsDownThenLocks();
    void lockedRefusesEvenTheRightPasswordUntilItExpires();
    void oldFailuresDoNotCount();
    void successResetsTheCount();
    void unknownUserLooksLikeAWrongPassword();
    void upsertKeepsVerifierWhenNoneGiven();
    void logoutIsAudited();
};

void TestUsers::rightPasswordLogsIn() {
    Fixture f;
    QVERIFY(f.users);
    auto u = f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s);
    QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message));
    QCOMPARE(u->id, u"u-1001"_s);
    QCOMPARE(u->roles, QStringList{u"clerk"_s});
    QVERIFY(u->hasRole(u"clerk"_s));
    QCOMPARE(u->windowNo, u"07"_s);
    QCOMPARE(f.attempts(true), 1);
    QCOMPARE(f.auditActions(), QStringList{u"login"_s});
    // The stored verifier is PBKDF2, never the password.
    auto v = f.db->query(u"SELECT password_verifier FROM users WHERE username = 'clerk'"_s);
    QVERIFY(v.ok() && v->next());
    QVERIFY(v->value(0).toString().startsWith(u"pbkdf2-sha256$"_s));
    QVERIFY(!v->value(0).toString().contains(u"Clerk#2026"_s));
}

void TestUsers::wrongPasswordCountsDownThenLocks() {
    Fixture f;
    QVERIFY(f.users);
    for (int remaining = 4; remaining >= 1; --remaining) {
        f.clock.advanceSecs(30);
        auto r = f.users->authenticate(u"clerk"_s, u"wrong"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"invalid_credentials"_s);
        QCOMPARE(r.error().message, u"用户名或密码错误，还可尝试 %1 次"_s.arg(remaining));
    }
    f.clock.advanceSecs(30); // 5th failure at 01:02:30 UTC = 09:02:30 CST → locked until 09:17
    auto locked = f.users->authenticate(u"clerk"_s, u"wrong"_s);
    QVERIFY(!locked.ok());
    QCOMPARE(locked.error().code, u"account_locked"_s);
    QCOMPARE(locked.error().message, u"账户已锁定，请于 09:17 后重试"_s);
    QCOMPARE(f.attempts(false), 5);
    QCOMPARE(f.auditActions(), (QStringList{u"login_failed"_s, u"login_failed"_s, u"login_failed"_s,
                                            u"login_failed"_s, u"account_locked"_s}));
    QVERIFY(f.audit->verify()->chainOk);
}

void TestUsers::lockedRefusesEvenTheRightPasswordUntilItExpires() {
    Fixture f;
    QVERIFY(f.users);
    for (int i = 0; i < 5; ++i) {
        f.clock.advanceSecs(10);
        QVERIFY(!f.users->authenticate(u"clerk"_s, u"wrong"_s).ok());
    }
    const QDateTime fifth = f.clock.nowUtc();
    f.clock.advanceSecs(14 * 60 + 59);
    auto stillLocked = f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s);
    QVERIFY(!stillLocked.ok());
    QCOMPARE(stillLocked.error().code, u"account_locked"_s);
    QCOMPARE(f.auditActions().last(), u"login_failed"_s); // the refused attempt is audited too
    QCOMPARE(f.attempts(false), 6);

    f.clock.set(fifth.addSecs(15 * 60)); // the lock lasts 15 minutes from the 5th failure
    auto in = f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s);
    QVERIFY2(in.ok(), qPrintable(in.ok() ? QString() : in.error().message));
    QCOMPARE(f.auditActions().last(), u"login"_s);
}

void TestUsers::oldFailuresDoNotCount() {
    Fixture f;
    QVERIFY(f.users);
    for (int i = 0; i < 4; ++i)
        QVERIFY(!f.users->authenticate(u"clerk"_s, u"wrong"_s).ok());
    f.clock.advanceSecs(15 * 60 + 1); // the four failures are now older than 15 minutes
    auto r = f.users->authenticate(u"clerk"_s, u"wrong"_s);
    QCOMPARE(r.error().code, u"invalid_credentials"_s);
    QCOMPARE(r.error().message, u"用户名或密码错误，还可尝试 4 次"_s);
}

void TestUsers::successResetsTheCount() {
    Fixture f;
    QVERIFY(f.users);
    for (int i = 0; i < 4; ++i) {
        f.clock.advanceSecs(5);
        QVERIFY(!f.users->authenticate(u"clerk"_s, u"wrong"_s).ok());
    }
    f.clock.advanceSecs(5);
    QVERIFY(f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s).ok());
    f.clock.advanceSecs(5);
    auto r = f.users->authenticate(u"clerk"_s, u"wrong"_s);
    QCOMPARE(r.error().message, u"用户名或密码错误，还可尝试 4 次"_s);
}

void TestUsers::unknownUserLooksLikeAWrongPassword() {
    Fixture f;
    QVERIFY(f.users);
    auto unknown = f.users->authenticate(u"nobody"_s, u"Clerk#2026"_s);
    auto wrong = f.users->authenticate(u"clerk"_s, u"nope"_s);
    QCOMPARE(unknown.error().code, wrong.error().code);
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(f.attempts(false), 2);
    QCOMPARE(f.auditActions(), (QStringList{u"login_failed"_s, u"login_failed"_s}));
}

void TestUsers::upsertKeepsVerifierWhenNoneGiven() {
    Fixture f;
    QVERIFY(f.users);
    User u = f.users->find(u"clerk"_s).value();
    u.name = u"王小明（改）"_s;
    u.roles = {u"clerk"_s, u"supervisor"_s};
    QVERIFY(f.users->upsert(u, QString(), u"platform"_s).ok());
    auto found = f.users->find(u"clerk"_s);
    QVERIFY(found.ok());
    QCOMPARE(found->name, u"王小明（改）"_s);
    QVERIFY(found->hasRole(u"supervisor"_s));
    QVERIFY(f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s).ok());
    QCOMPARE(f.users->find(u"ghost"_s).error().code, u"not_found"_s);
}

void TestUsers::logoutIsAudited() {
    Fixture f;
    QVERIFY(f.users);
    auto u = f.users->authenticate(u"clerk"_s, u"Clerk#2026"_s);
    QVERIFY(u.ok());
    QVERIFY(f.users->logout(u.value()).ok());
    QCOMPARE(f.auditActions(), (QStringList{u"login"_s, u"logout"_s}));
    auto q = f.db->query(u"SELECT user_id FROM audit_log WHERE action = 'logout'"_s);
    QVERIFY(q.ok() && q->next());
    QCOMPARE(q->value(0).toString(), u"u-1001"_s);
}

QTEST_GUILESS_MAIN(TestUsers)
#include "tst_users.moc"
