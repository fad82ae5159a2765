// Issue 18 #4, personal data at rest. Cases taken in (through CaseService, as `seed demo-cases` does) and
// their outbox rows leave no full id number or phone in the SQLite file, its WAL, or what the `sqlite3`
// program reads from them — while the program still finds the returning applicant, reveals (audited),
// exports unmasked, masks the notice, and pushes the clear values to the platform simulator PROCESS (read
// back from the simulator's own data file: the request bodies it received). The key lives in a real Secret
// Service (scripts/ctest-with-keyring.sh).
// Without a keychain the values are written in clear and said so (`db check` JSON and standard error); once
// a keychain is there they are sealed once, audited, the audit chain (case digests of #3) still verifies,
// and the file no longer holds them. A database whose key is gone cannot be revealed and says why.
#include "synctestsupport.h"

#include <windowdesk/cases/applicantreveal.h>
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/cases/caseservice.h>
#include <windowdesk/core/masking.h>
#include <windowdesk/reports/exporter.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/demohall.h>
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

struct Held {
    QString localId;
    QString idNumber;
    QString phone;
};

// Every desk case's applicant as the program reads it (CaseRepository, opening what is sealed).
QList<Held> heldApplicants(storage::Database &db) {
    QList<Held> out;
    auto q = db.query(u"SELECT local_id FROM cases WHERE origin = 'desk' ORDER BY created_at"_s);
    QStringList ids;
    while (q.ok() && q->next())
        ids.append(q->value(0).toString());
    cases::CaseRepository repo(db);
    for (const QString &id : ids) {
        auto a = repo.heldApplicant(id);
        if (a.ok() && a.value())
            out.append({id, a.value()->idNumber, a.value()->phone});
    }
    return out;
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What the sqlite3 program prints for `sql` (or `.dump`) over the file.
QString sqlite3(const QString &path, const QString &sql) {
    QProcess p;
    p.start(u"sqlite3"_s, {u"-readonly"_s, path, sql});
    if (!p.waitForFinished(60000))
        return u"<sqlite3 did not finish>"_s;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// The full values found in the database file, its WAL and sqlite3's dump and queries.
QStringList clearOnDisk(const QString &path, const QList<Held> &held) {
    const QByteArray raw = bytesOf(path) + bytesOf(path + u"-wal"_s);
    const QString dump = sqlite3(path, u".dump"_s) +
                         sqlite3(path, u"SELECT applicant_id_number, applicant_phone, form_values_json FROM "
                                       u"cases; SELECT payload FROM outbox;"_s);
    QStringList hits;
    for (const Held &h : held)
        for (const QString &v : {h.idNumber, h.phone}) {
            if (v.isEmpty())
                continue;
            if (raw.contains(v.toUtf8()))
                hits.append(u"file/WAL bytes: "_s + v);
            if (dump.contains(v))
                hits.append(u"sqlite3: "_s + v);
        }
    return hits;
}

struct Run {
    int exitCode = -1;
    QJsonObject json;
    QString err;
};
Run ctl(const QString &db, const QStringList &args, bool withKeychain) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!withKeychain)
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/windowdesk-test-bus"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, db} + args);
    p.waitForFinished(120000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool keychainWorks() {
    if (!storage::PersonalData::keychainReachable())
        return false;
    storage::KeychainSecretStore keychain;
    return keychain.write(u"personal-data-test/probe"_s, "x").ok() &&
           keychain.remove(u"personal-data-test/probe"_s).ok();
}

} // namespace

class TestPersonalData : public QObject {
    Q_OBJECT
private slots:
    void sealedOnDiskClearWhereNeeded();
    void withoutKeychainClearAndSaidSoThenSealedOnce();
};

void TestPersonalData::sealedOnDiskClearWhereNeeded() {
    if (!keychainWorks())
        QSKIP("needs a Secret Service: run under dbus-run-session -- scripts/ctest-with-keyring.sh");
    QTemporaryDir simDir;
    Sim sim;
    QVERIFY(sim.start({u"--catalog-size"_s, u"20"_s, u"--data"_s, simDir.filePath(u"sim.db"_s)}));
    Client c;
    QVERIFY(c.open(sim));
    QVERIFY(c.run(30, false, true).items > 0); // the catalog, so that the cases validate
    const QString path = c.db->path();

    // The program's start: the key from the keychain (made there now), before any case is taken in.
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*c.db, SystemClock::instance(), &keychain);
    const QJsonObject state = storage::PersonalData::unlock(*c.db, &keychain, &audit);
    QCOMPARE(state.value(u"state"_s).toString(), u"encrypted"_s);

    QCOMPARE(c.seed(6), 6); // six cases taken in through CaseService::submit, each with its outbox row
    const QList<Held> held = heldApplicants(*c.db);
    QCOMPARE(held.size(), 6);
    int withPhone = 0;
    for (const Held &h : held) {
        QCOMPARE(h.idNumber.size(), 18); // the program reads them in full
        withPhone += h.phone.size() == 11 ? 1 : 0;
    }
    QVERIFY(withPhone > 0);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s), 6);

    // On disk: no full value in the bytes of the file or the WAL, nor through sqlite3; sealed columns.
    QVERIFY(QFile::exists(path + u"-wal"_s));
    QStringList hits = clearOnDisk(path, held);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE substr(applicant_id_number, 1, 6) = 'wdpd1:'"_s), 6);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE substr(payload, 1, 6) = 'wdpd1:'"_s), 6);

    // The returning applicant is found by its id number (blind index), in full.
    cases::CaseService service(*c.db, SystemClock::instance(), &audit,
                               {u"u-1001"_s, u"测试"_s, u"A07"_s, {}});
    const auto back = service.findReturningApplicant(held.first().idNumber);
    QVERIFY(back.has_value());
    QCOMPARE(back->idNumber, held.first().idNumber);
    QCOMPARE(back->phone, held.first().phone);
    QVERIFY(!service.findReturningApplicant(u"11010519491231002X"_s).has_value());

    // The supervisor's audited reveal.
    auto revealed =
        cases::ApplicantReveal(*c.db, &audit)
            .reveal({u"supervisor"_s}, u"u-supervisor"_s, held.last().localId, u"核对申请人身份"_s);
    QVERIFY2(revealed.ok(), qPrintable(revealed.ok() ? QString() : revealed.error().message));
    QCOMPARE(revealed->idNumber, held.last().idNumber);
    QCOMPARE(revealed->phone, held.last().phone);

    // The notice masks what it opened; the unmasked export carries the full values, the masked one none.
    auto notice = cases::CaseRepository(*c.db).noticeData(held.first().localId, cases::NoticeKind::Acceptance,
                                                          u"大厅"_s, u"测试"_s);
    QVERIFY(notice.ok());
    QCOMPARE(notice->applicantIdMasked, core::maskIdNumber(held.first().idNumber));
    const QDate today = QDate::currentDate();
    reports::Exporter exporter(*c.db, SystemClock::instance());
    auto full = exporter.table(reports::ExportKind::Cases, today.addDays(-40), today.addDays(2), true);
    auto masked = exporter.table(reports::ExportKind::Cases, today.addDays(-40), today.addDays(2), false);
    QVERIFY(full.ok() && masked.ok());
    QCOMPARE(full->rows.size(), 6);
    const int idCol = int(full->columns.indexOf(u"applicant_id"_s));
    const int phoneCol = int(full->columns.indexOf(u"applicant_phone"_s));
    QSet<QString> exportedIds, exportedPhones, maskedIds;
    for (const auto &row : full->rows) {
        exportedIds.insert(row.at(idCol).text);
        exportedPhones.insert(row.at(phoneCol).text);
    }
    for (const auto &row : masked->rows)
        maskedIds.insert(row.at(idCol).text);
    for (const Held &h : held) {
        QVERIFY2(exportedIds.contains(h.idNumber), qPrintable(h.localId));
        QVERIFY(!maskedIds.contains(h.idNumber));
        if (!h.phone.isEmpty())
            QVERIFY(exportedPhones.contains(h.phone));
    }

    // The push: the platform receives the clear values (platform-api.md), each case once.
    const auto summary = c.run(60, true, false);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE kind = 'case' AND state = 'done'"_s), 6);
    QVERIFY2(summary.needsAttention == 0, qPrintable(synctest::summaryText(summary)));
    {
        QSqlDatabase simDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"simdata"_s);
        simDb.setDatabaseName(simDir.filePath(u"sim.db"_s));
        QVERIFY(simDb.open());
        QHash<QString, QJsonObject> received; // local_id -> applicant as the platform received it
        QSqlQuery q(simDb);
        QVERIFY(q.exec(u"SELECT local_id, request FROM cases"_s));
        while (q.next())
            received.insert(
                q.value(0).toString(),
                QJsonDocument::fromJson(q.value(1).toByteArray()).object().value(u"applicant"_s).toObject());
        for (const Held &h : held) {
            QVERIFY2(received.contains(h.localId), qPrintable(h.localId));
            QCOMPARE(received.value(h.localId).value(u"id_number"_s).toString(), h.idNumber);
            QCOMPARE(received.value(h.localId).value(u"phone"_s).toString(QString()), h.phone);
        }
        q.finish();
        simDb.close();
    }
    QSqlDatabase::removeDatabase(u"simdata"_s);

    // After the push (answers stored), still nothing in clear on disk; and `db check` reports the state.
    hits = clearOnDisk(path, held);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    const Run check = ctl(path, {u"db"_s, u"check"_s}, true);
    QCOMPARE(check.json.value(u"personal_data"_s).toObject().value(u"state"_s).toString(), u"encrypted"_s);
    QCOMPARE(check.json.value(u"personal_data"_s).toObject().value(u"clear_values"_s).toInt(-1), 0);
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    storage::PersonalData::forget(*c.db);
}

void TestPersonalData::withoutKeychainClearAndSaidSoThenSealedOnce() {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"windowdesk.db"_s);
    auto opened = storage::Database::open(path);
    QVERIFY(opened.ok());
    storage::Database &db = *opened.value();
    QVERIFY(storage::DemoHall::load(db, SystemClock::instance()).ok());

    // No keychain: clear, and said so — never silently.
    const QJsonObject none = storage::PersonalData::unlock(db, nullptr, nullptr);
    QCOMPARE(none.value(u"state"_s).toString(), u"clear_no_keychain"_s);
    QVERIFY(none.value(u"message"_s).toString().contains(u"in clear"_s));
    cases::SeedOptions o;
    o.count = 4;
    o.days = 3;
    QCOMPARE(cases::DemoCaseSeeder(db, SystemClock::instance()).seed(o).value().cases, 4);
    const QList<Held> held = heldApplicants(db);
    QCOMPARE(held.size(), 4);
    QVERIFY(!clearOnDisk(path, held).isEmpty()); // the clear-text mode really is clear
    // The returning applicant is still found (no blind index without the key: by the clear column).
    cases::CaseService service(db, SystemClock::instance(), nullptr, {u"u-1001"_s, u"测试"_s, u"A07"_s, {}});
    QVERIFY(service.findReturningApplicant(held.first().idNumber).has_value());

    const Run noKeychain = ctl(path, {u"db"_s, u"check"_s}, false);
    const QJsonObject pd = noKeychain.json.value(u"personal_data"_s).toObject();
    QCOMPARE(pd.value(u"state"_s).toString(), u"clear_no_keychain"_s);
    QVERIFY(pd.value(u"clear_values"_s).toInt() >= 8); // 4 id numbers, 4 phones, 4 outbox bodies
    QVERIFY2(noKeychain.err.contains(u"明文"_s) && noKeychain.err.contains(u"in clear"_s),
             qPrintable(noKeychain.err));
    QCOMPARE(noKeychain.exitCode, 0); // a warning, as for the audit anchor of a database without a keychain

    if (!keychainWorks())
        QSKIP("the sealing once a keychain is there needs a Secret Service (scripts/ctest-with-keyring.sh)");
    // A keychain at last: the next start seals every clear value once, audited, and the file keeps none.
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(db, SystemClock::instance(), &keychain);
    QCOMPARE(storage::PersonalData::unlock(db, &keychain, &audit).value(u"state"_s).toString(),
             u"encrypted"_s);
    auto sealedRow = db.query(u"SELECT details_json FROM audit_log WHERE action = 'personal_data_sealed'"_s);
    QVERIFY(sealedRow.ok() && sealedRow->next());
    const QJsonObject counts = QJsonDocument::fromJson(sealedRow->value(0).toString().toUtf8()).object();
    QCOMPARE(counts.value(u"cases"_s).toInt(), 4);
    QCOMPARE(counts.value(u"outbox"_s).toInt(), 4);
    QVERIFY(!sealedRow->next()); // once
    sealedRow->finish();
    QCOMPARE(storage::PersonalData::sealClearRows(db, &audit).value(), 0); // nothing left to seal
    QCOMPARE(heldApplicants(db).first().idNumber, held.first().idNumber);
    QStringList hits = clearOnDisk(path, held);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u"; "_s)));
    QVERIFY(service.findReturningApplicant(held.last().idNumber).has_value()); // now by the blind index
    // The chain still vouches for each case: its digest is of the clear content.
    auto verified = audit.verify();
    QVERIFY(verified.ok());
    QVERIFY2(verified->ok(), qPrintable(verified->recordProblems.join(u"; "_s)));
    QCOMPARE(verified->casesChecked, 4);

    // Sealed, and the keychain gone: nothing can be revealed, and `db check` says why.
    storage::PersonalData::forget(db);
    auto revealed =
        cases::ApplicantReveal(db, &audit)
            .reveal({u"supervisor"_s}, u"u-supervisor"_s, held.first().localId, u"核对申请人身份"_s);
    QVERIFY(!revealed.ok());
    QCOMPARE(revealed.error().code, u"personal_data_locked"_s);
    const Run locked = ctl(path, {u"db"_s, u"check"_s}, false);
    QCOMPARE(locked.json.value(u"personal_data"_s).toObject().value(u"state"_s).toString(),
             u"locked_no_keychain"_s);
    QVERIFY2(locked.err.contains(u"cannot be read"_s), qPrintable(locked.err));
}

QTEST_GUILESS_MAIN(TestPersonalData)
#include "tst_personaldata.moc"
