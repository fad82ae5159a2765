// Issue 18 #4, the hall duties' personal data at rest (migration 0014): a 跨省通办 receipt keeps the
// applicant's full id number and phone, a 办不成事 request the applicant's phone. With the key in a real
// Secret Service (scripts/ctest-with-keyring.sh) none of them is in the SQLite file, its WAL or what the
// `sqlite3` program reads — while the lists still show them masked (the receipt) or give the clerk's model
// the number it masks (the request), and the platform simulator PROCESS receives them in clear (read back
// from its own data file). Rows written in clear (no keychain, or a program of schema 13) are sealed once,
// audited ("hall_duties" in personal_data_sealed), the next time a program holds the key, and `db check`
// counts them while they are clear.
#include "synctestsupport.h"

#include <windowdesk/cases/crossprovince.h>
#include <windowdesk/cases/unresolvedrequests.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/personaldata.h>

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using synctest::Client;
using synctest::Sim;

namespace {
const cases::WindowContext kWindow{u"u-1001"_s, u"李娜"_s, u"A07"_s, u"长沙市岳麓区政务服务中心"_s};
const QString kIdNumber = u"11010519491231002X"_s;
const QString kReceiptPhone = u"13812345678"_s;
const QString kRequestPhone = u"13907312288"_s;

cases::CrossProvinceInput receiptInput() {
    cases::CrossProvinceInput in;
    in.targetRegion = u"440305"_s;
    in.targetAuthority = u"深圳市南山区市场监督管理局"_s;
    in.itemName = u"个体工商户设立登记"_s;
    in.applicant.name = u"张三"_s;
    in.applicant.idNumber = kIdNumber;
    in.applicant.phone = kReceiptPhone;
    in.materials = {{u"个体工商户登记申请书"_s, 1, u"paper"_s, true}};
    in.handoverMethod = u"post"_s;
    return in;
}

cases::UnresolvedInput requestInput() {
    cases::UnresolvedInput in;
    in.category = u"cross_department"_s;
    in.description = u"老人异地就医备案需医保和民政两个部门的证明，窗口无法一次办结"_s;
    in.applicantName = u"刘建国"_s;
    in.applicantPhone = u"139 0731 2288"_s;
    return in;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sqlite3(const QString &path, const QString &sql) {
    QProcess p;
    p.start(u"sqlite3"_s, {u"-readonly"_s, path, sql});
    if (!p.waitForFinished(60000))
        return u"<sqlite3 did not finish>"_s;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// The full values found in the file, its WAL and sqlite3's dump.
QStringList clearOnDisk(const QString &path) {
    const QByteArray raw = bytesOf(path) + bytesOf(path + u"-wal"_s);
    const QString dump = sqlite3(path, u".dump"_s);
    QStringList hits;
    for (const QString &v : {kIdNumber, kReceiptPhone, kRequestPhone}) {
        if (raw.contains(v.toUtf8()))
            hits.append(u"file/WAL bytes: "_s + v);
        if (dump.contains(v))
            hits.append(u"sqlite3: "_s + v);
    }
    return hits;
}

QJsonObject dbCheck(const QString &path, bool withKeychain, int *exitCode, QString *err) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!withKeychain)
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/windowdesk-test-bus"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WINDOWDESKCTL), {u"--db"_s, path, u"db"_s, u"check"_s});
    p.waitForFinished(120000);
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    *err = QString::fromUtf8(p.readAllStandardError());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

bool keychainWorks() {
    if (!storage::PersonalData::keychainReachable())
        return false;
    storage::KeychainSecretStore keychain;
    // Its own entry: tests running side by side must not remove each other's probe.
    const QString probe = u"personal-data-test/probe-%1"_s.arg(QCoreApplication::applicationPid());
    return keychain.write(probe, "x").ok() && keychain.remove(probe).ok();
}

// What the lists give: the receipt's phone and id masked, the request's phone for its model to mask.
void checkLists(storage::Database &db, const QString &receiptId, const QString &requestId) {
    auto receipt = cases::CrossProvinceRepository(db, SystemClock::instance()).find(receiptId);
    QVERIFY(receipt.ok());
    QCOMPARE(receipt->applicantPhoneMasked, core::maskPhone(kReceiptPhone));
    QCOMPARE(receipt->applicantIdMasked, core::maskIdNumber(kIdNumber));
    auto rows = cases::UnresolvedRequestService(db, SystemClock::instance(), nullptr, kWindow)
                    .list(QDateTime::currentDateTimeUtc());
    QVERIFY(rows.ok());
    bool found = false;
    for (const auto &r : rows.value())
        if (r.localId == requestId) {
            found = true;
            QCOMPARE(r.applicantPhone, kRequestPhone);
        }
    QVERIFY(found);
}
} // namespace

class TestHallDutiesAtRest : public QObject {
    Q_OBJECT
private slots:
    void sealedOnDiskMaskedInListsClearToThePlatform();
    void clearRowsSealedOnceWhenTheKeyIsThere();
};

void TestHallDutiesAtRest::sealedOnDiskMaskedInListsClearToThePlatform() {
    if (!keychainWorks())
        QSKIP("needs a Secret Service: run under dbus-run-session -- scripts/ctest-with-keyring.sh");
    QTemporaryDir simDir;
    Sim sim;
    QVERIFY(sim.start({u"--catalog-size"_s, u"5"_s, u"--data"_s, simDir.filePath(u"sim.db"_s)}));
    Client c;
    QVERIFY(c.open(sim));
    const QString path = c.db->path();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*c.db, SystemClock::instance(), &keychain);
    QCOMPARE(storage::PersonalData::unlock(*c.db, &keychain, &audit).value(u"state"_s).toString(),
             u"encrypted"_s);

    auto receipt =
        cases::CrossProvinceService(*c.db, SystemClock::instance(), &audit, kWindow).receive(receiptInput());
    QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().message));
    auto request = cases::UnresolvedRequestService(*c.db, SystemClock::instance(), &audit, kWindow)
                       .record(requestInput());
    QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().message));

    QStringList hits = clearOnDisk(path);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    QCOMPARE(c.scalar(u"SELECT count(*) FROM cross_province_receipts WHERE substr(applicant_id_number, 1, 6) "
                      u"= 'wdpd1:' AND substr(applicant_phone, 1, 6) = 'wdpd1:'"_s),
             1);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM unresolved_requests WHERE substr(applicant_phone, 1, 6) = "
                      u"'wdpd1:'"_s),
             1);
    checkLists(*c.db, receipt->localId, request.value());

    // The platform receives both in clear, once each, and their answers do not bring a clear copy back.
    const auto summary = c.run(60, true, true);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state = 'done'"_s), 2);
    QVERIFY2(summary.needsAttention == 0, qPrintable(synctest::summaryText(summary)));
    {
        QSqlDatabase simDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"simdata"_s);
        simDb.setDatabaseName(simDir.filePath(u"sim.db"_s));
        QVERIFY(simDb.open());
        QSqlQuery q(simDb);
        QVERIFY(q.exec(u"SELECT body FROM cp_receipts"_s));
        QVERIFY(q.next());
        const QJsonObject applicant =
            QJsonDocument::fromJson(q.value(0).toByteArray()).object().value(u"applicant"_s).toObject();
        QCOMPARE(applicant.value(u"id_number"_s).toString(), kIdNumber);
        QCOMPARE(applicant.value(u"phone"_s).toString(), kReceiptPhone);
        QVERIFY(!q.next());
        QVERIFY(q.exec(u"SELECT json FROM unresolved"_s));
        QVERIFY(q.next());
        QCOMPARE(QJsonDocument::fromJson(q.value(0).toByteArray())
                     .object()
                     .value(u"applicant"_s)
                     .toObject()
                     .value(u"phone"_s)
                     .toString(),
                 kRequestPhone);
        QVERIFY(!q.next());
        q.finish();
        simDb.close();
    }
    QSqlDatabase::removeDatabase(u"simdata"_s);
    hits = clearOnDisk(path);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    checkLists(*c.db, receipt->localId, request.value());
    int code = -1;
    QString err;
    const QJsonObject check = dbCheck(path, true, &code, &err);
    QCOMPARE(check.value(u"personal_data"_s).toObject().value(u"state"_s).toString(), u"encrypted"_s);
    QCOMPARE(check.value(u"personal_data"_s).toObject().value(u"clear_values"_s).toInt(-1), 0);
    QVERIFY2(code == 0, qPrintable(err));
    storage::PersonalData::forget(*c.db);
}

void TestHallDutiesAtRest::clearRowsSealedOnceWhenTheKeyIsThere() {
    Sim sim;
    QVERIFY(sim.start({u"--catalog-size"_s, u"5"_s}));
    Client c;
    QVERIFY(c.open(sim));
    const QString path = c.db->path();
    // No keychain (as a program of schema 13 wrote them too): clear, and `db check` counts them.
    QCOMPARE(storage::PersonalData::unlock(*c.db, nullptr, nullptr).value(u"state"_s).toString(),
             u"clear_no_keychain"_s);
    auto receipt =
        cases::CrossProvinceService(*c.db, SystemClock::instance(), nullptr, kWindow).receive(receiptInput());
    QVERIFY(receipt.ok());
    auto request = cases::UnresolvedRequestService(*c.db, SystemClock::instance(), nullptr, kWindow)
                       .record(requestInput());
    QVERIFY(request.ok());
    QVERIFY(!clearOnDisk(path).isEmpty());
    checkLists(*c.db, receipt->localId, request.value());
    int code = -1;
    QString err;
    const QJsonObject before = dbCheck(path, false, &code, &err);
    // Two outbox bodies, the receipt's id number and phone, the request's phone.
    QCOMPARE(before.value(u"personal_data"_s).toObject().value(u"clear_values"_s).toInt(), 5);
    QCOMPARE(code, 0);

    if (!keychainWorks())
        QSKIP("the sealing once a keychain is there needs a Secret Service (scripts/ctest-with-keyring.sh)");
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*c.db, SystemClock::instance(), &keychain);
    QCOMPARE(storage::PersonalData::unlock(*c.db, &keychain, &audit).value(u"state"_s).toString(),
             u"encrypted"_s);
    auto sealedRow =
        c.db->query(u"SELECT details_json FROM audit_log WHERE action = 'personal_data_sealed'"_s);
    QVERIFY(sealedRow.ok() && sealedRow->next());
    const QJsonObject counts = QJsonDocument::fromJson(sealedRow->value(0).toString().toUtf8()).object();
    QCOMPARE(counts.value(u"hall_duties"_s).toInt(), 3);
    QCOMPARE(counts.value(u"outbox"_s).toInt(), 2);
    QVERIFY(!sealedRow->next()); // once
    sealedRow->finish();
    QCOMPARE(storage::PersonalData::sealClearRows(*c.db, &audit).value(), 0);
    const QStringList hits = clearOnDisk(path);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    checkLists(*c.db, receipt->localId, request.value());
    const QJsonObject after = dbCheck(path, true, &code, &err);
    QCOMPARE(after.value(u"personal_data"_s).toObject().value(u"clear_values"_s).toInt(-1), 0);
    QCOMPARE(after.value(u"personal_data"_s).toObject().value(u"sealed_values"_s).toInt(), 5);
    storage::PersonalData::forget(*c.db);
}

QTEST_GUILESS_MAIN(TestHallDutiesAtRest)
#include "tst_hallduties_atrest.moc"
