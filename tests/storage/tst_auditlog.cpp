// Audit chain: exact hash construction, tamper detection (edit, delete, swap, cut tail, rewrite), anchor,
// keychain.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/core/secretstore.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/keychainsecretstore.h>

#include <QHash>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

namespace {
// An in-memory keychain, and one that is never there: the anchor logic is tested apart from D-Bus.
class MemorySecretStore final : public SecretStore {
public:
    Result<QByteArray> read(const QString &key) override {
        if (!m.contains(key))
            return Result<QByteArray>::failure(u"not_found"_s, key);
        return m.value(key);
    }
    Status write(const QString &key, const QByteArray &s) override {
        m.insert(key, s);
        return {};
    }
    Status remove(const QString &key) override {
        m.remove(key);
        return {};
    }
    QHash<QString, QByteArray> m;
};

class NoKeychain final : public SecretStore {
public:
    Result<QByteArray> read(const QString &) override {
        return Result<QByteArray>::failure(u"keychain_unavailable"_s, u"none"_s);
    }
    Status write(const QString &, const QByteArray &) override {
        return Status::failure(u"keychain_unavailable"_s, u"none"_s);
    }
    Status remove(const QString &) override { return Status::failure(u"keychain_unavailable"_s, u"none"_s); }
};

const QDateTime T0 = QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC);

struct Fixture {
    QTemporaryDir tmp;
    std::unique_ptr<Database> db;
    FixedClock clock{T0};
    Fixture() {
        auto r = Database::open(tmp.filePath(u"audit.db"_s));
        if (r.ok())
            db = std::move(r).value();
    }
    // Appends n rows (seq 1..n), one second apart.
    bool fill(AuditLog &log, int n) {
        for (int i = 1; i <= n; ++i) {
            clock.advanceSecs(1);
            if (!log.append({u"u-%1"_s.arg(i % 3), u"case_changed"_s, u"case-%1"_s.arg(i), {{u"n"_s, i}}})
                     .ok())
                return false;
        }
        return true;
    }
    bool sql(const QString &s, const QVariantList &binds = {}) { return db->exec(s, binds).ok(); }
    // What an attacker with write access to the file does after editing rows: recompute every hash (SM3 needs
    // no secret), so the bare chain is consistent again.
    bool rechain() {
        QByteArray prev = AuditLog::genesisHash();
        auto q =
            db->query(u"SELECT seq, at, user_id, action, target, details_json FROM audit_log ORDER BY seq"_s);
        if (!q.ok())
            return false;
        QList<QPair<qint64, QString>> rewritten;
        while (q->next()) {
            prev = crypto::sm3(prev + AuditLog::canonical(q->value(0).toLongLong(), q->value(1).toString(),
                                                          q->value(2).toString(), q->value(3).toString(),
                                                          q->value(4).toString(),
                                                          q->value(5).toString().toUtf8()));
            rewritten.append({q->value(0).toLongLong(), QString::fromLatin1(prev.toHex())});
        }
        q->finish();
        for (const auto &[seq, hash] : rewritten) {
            if (!sql(u"UPDATE audit_log SET hash = ? WHERE seq = ?"_s, {hash, seq}))
                return false;
        }
        return true;
    }
};
} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private slots:
    void canonicalJsonSortsAndEscapes();
    void hashChainMatchesSpecification();
    void intactChainVerifies();
    void tamperIsNamed_data();
    void tamperIsNamed();
    void rewrittenChainCaughtByAnchor();
    void anchorRowDeletedIsReported();
    void withoutKeychainTheTailCannotBeChecked();
    void appendJoinsCallersTransaction();
    void anchorKeyRefInTheDatabaseIsIgnored();
    void anchorRowDeletedAfterRewriteIsReported();
    void anchoredDatabaseNeverVerifiesWithoutItsKey();
    void neverAnchoredWithoutKeychainKeeps10Behaviour();
    void appendDoesNotReanchorATamperedChain_data();
    void appendDoesNotReanchorATamperedChain();
    void realKeychainRoundTripOrUnavailable();
};

void TestAuditLog::canonicalJsonSortsAndEscapes() {
    const QJsonObject o{{u"b"_s, 1},
                        {u"a"_s, QJsonObject{{u"z"_s, true}, {u"y"_s, QJsonValue()}}},
                        {u"名"_s, u"值\"\n\\"_s},
                        {u"arr"_s, QJsonArray{2.5, u"x"_s}}};
    QCOMPARE(AuditLog::canonicalJson(o),
             QByteArray(R"({"a":{"y":null,"z":true},"arr":[2.5,"x"],"b":1,"名":"值\"\n\\"})"));
    QCOMPARE(AuditLog::canonicalJson(QJsonObject{{u"c"_s, u"\u0001"_s}}), QByteArray(R"({"c":"\u0001"})"));
    QCOMPARE(AuditLog::canonicalJson(QJsonObject{{u"e"_s, u"😀"_s}}),
             QByteArray("{\"e\":\"\xF0\x9F\x98\x80\"}"));
}

void TestAuditLog::hashChainMatchesSpecification() {
    Fixture f;
    QVERIFY(f.db);
    AuditLog log(*f.db, f.clock, nullptr);
    QVERIFY(log.append({u"u-1"_s, u"login"_s, u"clerk"_s, {{u"mode"_s, u"local"_s}, {u"b"_s, 2}}}).ok());
    f.clock.advanceSecs(60);
    QVERIFY(log.append({QString(), u"settings_changed"_s, u"window.no"_s, {}}).ok());

    // Recomputed here from the issue's definition, independently of the library's serializer.
    const QByteArray h0 = crypto::sm3("WindowDesk audit v1");
    const QByteArray c1 = R"({"action":"login","at":"2026-03-06T01:02:03Z","details":{"b":2,"mode":"local"},)"
                          R"("seq":1,"target":"clerk","user_id":"u-1"})";
    const QByteArray h1 = crypto::sm3(h0 + c1);
    const QByteArray c2 = R"({"action":"settings_changed","at":"2026-03-06T01:03:03Z","details":{},"seq":2,)"
                          R"("target":"window.no","user_id":""})";
    const QByteArray h2 = crypto::sm3(h1 + c2);
    auto q = f.db->query(u"SELECT seq, hash FROM audit_log ORDER BY seq"_s);
    QVERIFY(q.ok());
    QVERIFY(q->next());
    QCOMPARE(q->value(1).toString().toLatin1(), h1.toHex());
    QVERIFY(q->next());
    QCOMPARE(q->value(1).toString().toLatin1(), h2.toHex());
}

void TestAuditLog::intactChainVerifies() {
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    auto empty = log.verify();
    QVERIFY(empty.ok());
    QVERIFY(empty->chainOk);
    QCOMPARE(empty->rows, 0);
    QVERIFY(empty->anchorChecked); // a reachable keychain and nothing written: nothing unchecked
    QVERIFY(f.fill(log, 12));
    auto r = log.verify();
    QVERIFY(r.ok());
    QVERIFY2(r->chainOk, qPrintable(r->message));
    QCOMPARE(r->rows, 12);
    QVERIFY(r->anchorChecked);
    QCOMPARE(r->firstBadSeq, 0);
    // The anchor key lives in the keychain under the documented name, and the row points at it.
    QCOMPARE(keys.m.size(), 1);
    QVERIFY(keys.m.contains(log.anchorKeyRef()));
    QVERIFY(log.anchorKeyRef().startsWith(u"audit-anchor-key/"_s));
    auto anchor = f.db->query(u"SELECT head_seq, key_ref FROM audit_anchor"_s);
    QVERIFY(anchor.ok() && anchor->next());
    QCOMPARE(anchor->value(0).toInt(), 12);
    QCOMPARE(anchor->value(1).toString(), log.anchorKeyRef());
}

void TestAuditLog::tamperIsNamed_data() {
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<qint64>("firstBad");
    QTest::addRow("details edited")
        << QStringList{u"UPDATE audit_log SET details_json = '{\"n\":700}' WHERE seq = 7"_s} << qint64(7);
    QTest::addRow("user edited") << QStringList{u"UPDATE audit_log SET user_id = 'u-9' WHERE seq = 2"_s}
                                 << qint64(2);
    QTest::addRow("middle row deleted") << QStringList{u"DELETE FROM audit_log WHERE seq = 4"_s} << qint64(4);
    QTest::addRow("first row deleted") << QStringList{u"DELETE FROM audit_log WHERE seq = 1"_s} << qint64(1);
    QTest::addRow("rows swapped") << QStringList{u"UPDATE audit_log SET seq = -3 WHERE seq = 3"_s,
                                                 u"UPDATE audit_log SET seq = 3 WHERE seq = 5"_s,
                                                 u"UPDATE audit_log SET seq = 5 WHERE seq = -3"_s}
                                  << qint64(3);
    QTest::addRow("tail cut") << QStringList{u"DELETE FROM audit_log WHERE seq >= 11"_s} << qint64(11);
    QTest::addRow("last row cut") << QStringList{u"DELETE FROM audit_log WHERE seq = 12"_s} << qint64(12);
    QTest::addRow("anchor forged") << QStringList{u"UPDATE audit_anchor SET head_hmac = ?"_s} << qint64(12);
}

void TestAuditLog::tamperIsNamed() {
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBad);
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 12));
    for (const QString &s : statements) {
        const QVariantList binds = s.contains(u'?')
                                       ? QVariantList{QString::fromLatin1(QByteArray(32, '\x11').toHex())}
                                       : QVariantList{};
        QVERIFY2(f.sql(s, binds), qPrintable(s));
    }
    auto r = log.verify();
    QVERIFY(r.ok());
    QVERIFY(!r->chainOk);
    QCOMPARE(r->firstBadSeq, firstBad);
    QVERIFY2(r->message.contains(QString::number(firstBad)), qPrintable(r->message));
}

void TestAuditLog::rewrittenChainCaughtByAnchor() {
    // An attacker who edits a row and recomputes every later hash (SM3 needs no secret) keeps the chain
    // consistent; only the keyed anchor shows it.
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 5));
    QVERIFY(f.sql(u"UPDATE audit_log SET details_json = '{\"n\":33}' WHERE seq = 3"_s));
    QByteArray prev = AuditLog::genesisHash();
    auto q =
        f.db->query(u"SELECT seq, at, user_id, action, target, details_json FROM audit_log ORDER BY seq"_s);
    QVERIFY(q.ok());
    QList<QPair<qint64, QString>> rewritten;
    while (q->next()) {
        prev =
            crypto::sm3(prev + AuditLog::canonical(q->value(0).toLongLong(), q->value(1).toString(),
                                                   q->value(2).toString(), q->value(3).toString(),
                                                   q->value(4).toString(), q->value(5).toString().toUtf8()));
        rewritten.append({q->value(0).toLongLong(), QString::fromLatin1(prev.toHex())});
    }
    for (const auto &[seq, hash] : rewritten)
        QVERIFY(f.sql(u"UPDATE audit_log SET hash = ? WHERE seq = ?"_s, {hash, seq}));

    AuditLog noKeys(*f.db, f.clock, nullptr);
    // The bare chain cannot tell: the rows hold together, and without the keychain the anchor is what
    // cannot be checked (a database with an anchor never passes without it).
    auto bare = noKeys.verify();
    QCOMPARE(bare->anchor, AnchorStatus::Unverifiable);
    QCOMPARE(bare->firstBadSeq, 5);
    auto r = log.verify();
    QVERIFY(!r->chainOk);
    QCOMPARE(r->firstBadSeq, 5);
}

void TestAuditLog::anchorRowDeletedIsReported() {
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 6));
    QVERIFY(f.sql(u"DELETE FROM audit_log WHERE seq = 6"_s));
    QVERIFY(f.sql(u"DELETE FROM audit_anchor"_s));
    auto r = log.verify();
    QVERIFY(!r->chainOk);
    QCOMPARE(r->firstBadSeq, 6);
}

void TestAuditLog::withoutKeychainTheTailCannotBeChecked() {
    Fixture f;
    QVERIFY(f.db);
    NoKeychain none;
    AuditLog log(*f.db, f.clock, &none);
    QVERIFY(f.fill(log, 5)); // appends still work without a keychain
    auto ok = log.verify();
    QVERIFY(ok->chainOk);
    QVERIFY(!ok->anchorChecked);
    QVERIFY(ok->message.contains(u"钥匙串不可用"_s));
    // Later, with a keychain: the rows written without one were never anchored, and the report says so.
    MemorySecretStore keys;
    auto later = AuditLog(*f.db, f.clock, &keys).verify();
    QVERIFY(later->chainOk);
    QVERIFY(!later->anchorChecked);
    QVERIFY2(later->message.contains(u"尚未锚定"_s), qPrintable(later->message));
    // An edit is still caught; a cut tail is not (and the report says the tail was not checked).
    QVERIFY(f.sql(u"DELETE FROM audit_log WHERE seq = 5"_s));
    auto cut = log.verify();
    QVERIFY(cut->chainOk);
    QVERIFY(!cut->anchorChecked);
    QVERIFY(f.sql(u"UPDATE audit_log SET action = 'login' WHERE seq = 2"_s));
    auto edited = log.verify();
    QVERIFY(!edited->chainOk);
    QCOMPARE(edited->firstBadSeq, 2);
}

void TestAuditLog::appendJoinsCallersTransaction() {
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    const Status st = f.db->write([&]() -> Status {
        if (auto a = log.append({u"u-1"_s, u"case_created"_s, u"case-1"_s, {}}); !a.ok())
            return a;
        return Status::failure(u"test"_s, u"the business write failed"_s);
    });
    QVERIFY(!st.ok());
    QCOMPARE(f.db->query(u"SELECT count(*) FROM audit_log"_s)->next(), true);
    auto count =
        f.db->query(u"SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_anchor)"_s);
    QVERIFY(count->next());
    QCOMPARE(count->value(0).toInt(), 0); // audit row and anchor rolled back with the business write
    QVERIFY(f.db->write([&] { return log.append({u"u-1"_s, u"case_created"_s, u"case-1"_s, {}}); }).ok());
    QCOMPARE(log.verify()->rows, 1);
}

void TestAuditLog::anchorKeyRefInTheDatabaseIsIgnored() {
    // Issue 18 #1: edit a row, recompute the chain, point key_ref at a keychain entry that does not exist.
    // The check used to look the key up under key_ref, find nothing and pass with a warning.
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 5));
    QVERIFY(f.sql(u"UPDATE audit_log SET details_json = '{\"n\":33}' WHERE seq = 3"_s));
    QVERIFY(f.rechain());
    QVERIFY(
        f.sql(u"UPDATE audit_anchor SET key_ref = 'audit-anchor-key/00000000000000000000000000000000'"_s));
    auto r = log.verify();
    QVERIFY(r.ok());
    QVERIFY(!r->chainOk);
    QVERIFY(r->anchorChecked);
    QCOMPARE(r->anchor, AnchorStatus::Mismatch);
    QCOMPARE(r->firstBadSeq, 5);
    QVERIFY2(r->message.contains(u"audit_anchor"_s), qPrintable(r->message));
    // The same with the tail cut as well: the anchor (still at seq 5) names the cut.
    QVERIFY(f.sql(u"DELETE FROM audit_log WHERE seq >= 4"_s));
    auto cut = log.verify();
    QVERIFY(!cut->chainOk);
    QCOMPARE(cut->firstBadSeq, 4);
}

void TestAuditLog::anchorRowDeletedAfterRewriteIsReported() {
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 4));
    QVERIFY(f.sql(u"UPDATE audit_log SET user_id = 'u-9' WHERE seq = 2"_s));
    QVERIFY(f.rechain());
    QVERIFY(f.sql(u"DELETE FROM audit_anchor"_s));
    auto r = log.verify();
    QVERIFY(!r->chainOk);
    QCOMPARE(r->anchor, AnchorStatus::Removed);
    QCOMPARE(r->firstBadSeq, 5);
    QVERIFY2(r->message.contains(u"audit_anchor"_s), qPrintable(r->message));
}

void TestAuditLog::anchoredDatabaseNeverVerifiesWithoutItsKey() {
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 3));
    QVERIFY(log.verify()->chainOk);

    // No keychain reachable now: the anchor cannot be checked, and a database that has one never passes
    // without it; the message says it is the keychain, not the database.
    NoKeychain none;
    auto noKeychain = AuditLog(*f.db, f.clock, &none).verify();
    QVERIFY(!noKeychain->chainOk);
    QVERIFY(!noKeychain->anchorChecked);
    QCOMPARE(noKeychain->anchor, AnchorStatus::Unverifiable);
    QCOMPARE(noKeychain->firstBadSeq, 3);
    QVERIFY2(noKeychain->message.contains(u"audit_anchor"_s), qPrintable(noKeychain->message));
    QVERIFY2(noKeychain->message.contains(u"钥匙串不可用"_s), qPrintable(noKeychain->message));

    // The keychain answers but holds no key for this file: told apart from "no keychain".
    MemorySecretStore empty;
    auto missing = AuditLog(*f.db, f.clock, &empty).verify();
    QVERIFY(!missing->chainOk);
    QCOMPARE(missing->anchor, AnchorStatus::KeyMissing);
    QVERIFY2(missing->message.contains(u"钥匙串中没有"_s), qPrintable(missing->message));
    QVERIFY(missing->message != noKeychain->message);

    // And appending there does not mint a new key to cover the old anchor.
    AuditLog other(*f.db, f.clock, &empty);
    QVERIFY(other.append({u"u-1"_s, u"login"_s, u"clerk"_s, {}}).ok());
    QVERIFY(empty.m.isEmpty());
    QCOMPARE(other.verify()->anchor, AnchorStatus::KeyMissing);
}

void TestAuditLog::neverAnchoredWithoutKeychainKeeps10Behaviour() {
    Fixture f;
    QVERIFY(f.db);
    NoKeychain none;
    AuditLog log(*f.db, f.clock, &none);
    QVERIFY(f.fill(log, 3));
    auto r = log.verify();
    QVERIFY(r->chainOk); // exit 0, as 1.0 did …
    QVERIFY(!r->anchorChecked);
    QCOMPARE(r->anchor, AnchorStatus::NoKeychain);
    QVERIFY2(r->message.contains(u"从未锚定"_s), qPrintable(r->message)); // … loudly
    QCOMPARE(anchorStatusCode(r->anchor), u"no_keychain"_s);
}

void TestAuditLog::appendDoesNotReanchorATamperedChain_data() {
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<qint64>("firstBad");
    QTest::addRow("row rewritten") << u"UPDATE audit_log SET target = 'case-x' WHERE seq = 2"_s << qint64(4);
    QTest::addRow("tail cut") << u"DELETE FROM audit_log WHERE seq = 4"_s << qint64(4);
    QTest::addRow("anchor deleted") << u"DELETE FROM audit_anchor"_s << qint64(6);
    QTest::addRow("anchor pointed elsewhere")
        << u"UPDATE audit_anchor SET key_ref = 'nowhere'"_s << qint64(0);
}

void TestAuditLog::appendDoesNotReanchorATamperedChain() {
    // After the tampering the program keeps working and appends: it must not vouch for the forged chain by
    // moving the anchor onto it.
    QFETCH(QString, tamper);
    QFETCH(qint64, firstBad);
    Fixture f;
    QVERIFY(f.db);
    MemorySecretStore keys;
    AuditLog log(*f.db, f.clock, &keys);
    QVERIFY(f.fill(log, 4));
    QVERIFY(f.sql(tamper));
    QVERIFY(f.rechain());
    QVERIFY(log.append({u"u-1"_s, u"login"_s, u"clerk"_s, {}}).ok());
    auto r = log.verify();
    if (firstBad == 0) { // key_ref is not evidence of anything: the intact chain goes on being anchored
        QVERIFY(r->chainOk);
        QVERIFY(r->anchorChecked);
        return;
    }
    QVERIFY2(!r->chainOk, qPrintable(r->message));
    QCOMPARE(r->firstBadSeq, firstBad);
}

void TestAuditLog::realKeychainRoundTripOrUnavailable() {
    KeychainSecretStore store(u"WindowDesk-test"_s);
    const QString key = u"tst_auditlog/%1"_s.arg(QCoreApplication::applicationPid());
    const QByteArray secret = crypto::randomBytes(32);
    const Status w = store.write(key, secret);
    if (!w.ok()) {
        // No Secret Service reachable: a clear code, and no fallback anywhere.
        QCOMPARE(w.error().code, u"keychain_unavailable"_s);
        auto r = store.read(key);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"keychain_unavailable"_s);
        qInfo("no Secret Service: checked the keychain_unavailable behaviour");
        return;
    }
    // A fresh store (no cache) reads the entry back from the Secret Service.
    KeychainSecretStore fresh(u"WindowDesk-test"_s);
    auto r = fresh.read(key);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value(), secret);
    QVERIFY(fresh.remove(key).ok());
    KeychainSecretStore after(u"WindowDesk-test"_s);
    auto gone = after.read(key);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, u"not_found"_s);

    // And the audit anchor works end to end with it.
    Fixture f;
    QVERIFY(f.db);
    KeychainSecretStore keychain(u"WindowDesk-test"_s);
    AuditLog log(*f.db, f.clock, &keychain);
    QVERIFY(f.fill(log, 3));
    QVERIFY(f.sql(u"DELETE FROM audit_log WHERE seq = 3"_s));
    KeychainSecretStore verifier(u"WindowDesk-test"_s);
    AuditLog check(*f.db, f.clock, &verifier);
    auto rep = check.verify();
    QVERIFY(rep->anchorChecked);
    QVERIFY(!rep->chainOk);
    QCOMPARE(rep->firstBadSeq, 3);
    QVERIFY(verifier.remove(log.anchorKeyRef()).ok());
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
