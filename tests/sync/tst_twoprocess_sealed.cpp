// Issue 18 #4 with two processes on one live file: the window's program (this process: the services the
// intake and 跨省通办 pages call — CaseService through the demo seeder, CrossProvinceService — and the sync
// engine the GUI's sync worker runs, with the key from a REAL Secret Service, scripts/ctest-with-keyring.sh)
// and the real `windowdeskctl` binary (QProcess) with the key from the same keychain, on the same database
// file, with the platform simulator PROCESS. While the window takes cases and receipts, windowdeskctl runs
// `export cases`, `outbox --json`, `db check`, `audit verify` and `sync` on the file. Each reads the other's
// rows — unsealed correctly, masked where cli.md says so —; nothing is lost, nothing doubled at the platform,
// the audit chain verifies, and the file holds no full id number or phone. windowdeskctl WITHOUT the key
// (no keychain) says so plainly: `export cases` exits 5 ("no keychain", as `login`, cli.md) without writing
// a file instead of exporting blank ids, `sync` sends nothing it cannot open (exit 5, the rows still
// pending), `db check` warns; and the personal data and the outbox are as they were.
#include "synctestsupport.h"

#include <windowdesk/cases/caserepository.h>
#include <windowdesk/cases/crossprovince.h>
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

// A resident id number with its GB 11643 check digit.
QString idNumber(int n) {
    const QString body = u"43010419880101%1"_s.arg(100 + n, 3, 10, QChar(u'0'));
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += body.at(i).digitValue() * weights[i];
    return body + u"10X98765432"_s.at(sum % 11);
}

struct Held {
    QString localId;
    QString idNumber;
    QString phone;
};

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

class Ctl {
public:
    Ctl(const QString &db, const QStringList &args, bool withKeychain, const QByteArray &input = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!withKeychain)
            env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/windowdesk-test-bus"_s);
        m_p.setProcessEnvironment(env);
        m_p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, db} + args);
        m_p.waitForStarted(10000);
        if (!input.isEmpty())
            m_p.write(input);
        m_p.closeWriteChannel();
    }
    Run wait() {
        m_p.waitForFinished(180000);
        Run r;
        r.exitCode = m_p.exitStatus() == QProcess::NormalExit ? m_p.exitCode() : -1;
        r.out = m_p.readAllStandardOutput();
        r.err = QString::fromUtf8(m_p.readAllStandardError());
        return r;
    }

private:
    QProcess m_p;
};

Run ctl(const QString &db, const QStringList &args, bool withKeychain = true, const QByteArray &input = {}) {
    return Ctl(db, args, withKeychain, input).wait();
}

QByteArray bytesOf(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool keychainWorks() {
    if (!storage::PersonalData::keychainReachable())
        return false;
    storage::KeychainSecretStore keychain;
    // Its own entry: tests running side by side must not remove each other's probe.
    const QString probe = u"personal-data-test/probe-%1"_s.arg(QCoreApplication::applicationPid());
    return keychain.write(probe, "x").ok() && keychain.remove(probe).ok();
}

// The CSV's rows as header name -> cell, quotes and the leading apostrophe of text cells removed.
QList<QHash<QString, QString>> csvRows(const QByteArray &csv) {
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
    QList<QHash<QString, QString>> out;
    if (lines.isEmpty())
        return out;
    const QStringList header = lines.first().split(u',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines.at(i).split(u','); // the demo data has no comma in these columns
        QHash<QString, QString> row;
        for (qsizetype c = 0; c < header.size() && c < cells.size(); ++c) {
            QString v = cells.at(c).trimmed(); // an id cell that looks numeric ends in a tab
            if (v.startsWith(u'"') && v.endsWith(u'"') && v.size() >= 2)
                v = v.mid(1, v.size() - 2);
            row.insert(header.at(c), v);
        }
        out.append(row);
    }
    return out;
}
} // namespace

class TestTwoProcessSealed : public QObject {
    Q_OBJECT
private slots:
    void windowAndCtlShareTheSealedFile();

private:
    // The window takes one case (through CaseService, as the intake page) and one 跨省通办 receipt.
    void takeCaseAndReceipt(Client &c, storage::AuditLog &audit);
    QList<Held> heldCases(Client &c);

    QList<Held> m_receipts;
    int m_next = 0;
};

void TestTwoProcessSealed::takeCaseAndReceipt(Client &c, storage::AuditLog &audit) {
    QCOMPARE(c.seed(1), 1);
    cases::CrossProvinceInput in;
    in.targetRegion = u"440305"_s;
    in.targetAuthority = u"深圳市南山区市场监督管理局"_s;
    in.itemName = u"个体工商户设立登记"_s;
    in.applicant.name = u"张三"_s;
    in.applicant.idNumber = idNumber(++m_next);
    in.applicant.phone = u"1381234%1"_s.arg(m_next, 4, 10, QChar(u'0'));
    in.materials = {{u"个体工商户登记申请书"_s, 1, u"paper"_s, true}};
    in.handoverMethod = u"platform"_s;
    auto r = cases::CrossProvinceService(*c.db, SystemClock::instance(), &audit, kWindow).receive(in);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    m_receipts.append({r->localId, in.applicant.idNumber, in.applicant.phone});
}

QList<Held> TestTwoProcessSealed::heldCases(Client &c) {
    QList<Held> out;
    auto q = c.db->query(u"SELECT local_id FROM cases WHERE origin = 'desk' ORDER BY created_at"_s);
    QStringList ids;
    while (q.ok() && q->next())
        ids.append(q->value(0).toString());
    cases::CaseRepository repo(*c.db);
    for (const QString &id : ids) {
        auto a = repo.heldApplicant(id);
        if (a.ok() && a.value())
            out.append({id, a.value()->idNumber, a.value()->phone});
    }
    return out;
}

void TestTwoProcessSealed::windowAndCtlShareTheSealedFile() {
    if (!keychainWorks())
        QSKIP("needs a Secret Service: run under dbus-run-session -- scripts/ctest-with-keyring.sh");
    QTemporaryDir simDir;
    Sim sim;
    QVERIFY(sim.start({u"--catalog-size"_s, u"20"_s, u"--data"_s, simDir.filePath(u"sim.db"_s)}));
    Client c;
    QVERIFY(c.open(sim));
    QVERIFY(c.run(30, false, true).items > 0); // the catalog, so that the cases validate
    const QString path = c.db->path();
    storage::KeychainSecretStore keychain;
    storage::AuditLog audit(*c.db, SystemClock::instance(), &keychain);
    QCOMPARE(storage::PersonalData::unlock(*c.db, &keychain, &audit).value(u"state"_s).toString(),
             u"encrypted"_s);
    for (int i = 0; i < 3; ++i)
        takeCaseAndReceipt(c, audit);

    // `export cases` while the window takes another case: the rows committed before it started, each id
    // opened with the key from the keychain and masked as the window masks it.
    const QString from = QDate::currentDate().addDays(-40).toString(Qt::ISODate);
    const QString to = QDate::currentDate().addDays(2).toString(Qt::ISODate);
    {
        Ctl exporting(path, {u"export"_s, u"cases"_s, u"--from"_s, from, u"--to"_s, to}, true);
        takeCaseAndReceipt(c, audit);
        const Run r = exporting.wait();
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto rows = csvRows(r.out);
        QVERIFY2(rows.size() >= 3 && rows.size() <= 4, qPrintable(QString::number(rows.size())));
        QHash<QString, Held> byId;
        for (const Held &h : heldCases(c))
            byId.insert(h.localId, h);
        for (const auto &row : rows) {
            const Held h = byId.value(row.value(u"local_id"_s));
            QVERIFY2(!h.idNumber.isEmpty(), qPrintable(row.value(u"local_id"_s)));
            QCOMPARE(row.value(u"applicant_id"_s).remove(u'\''), core::maskIdNumber(h.idNumber));
            QVERIFY(!r.out.contains(h.idNumber.toUtf8()));
        }
    }
    const QList<Held> cases4 = heldCases(c);
    QCOMPARE(cases4.size(), 4);

    // `outbox --json`: every write of the window, masked; `db check` and `audit verify` pass.
    {
        const Run r = ctl(path, {u"outbox"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray entries = r.json().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 8); // four cases, four receipts
        for (const Held &h : cases4 + m_receipts) {
            QVERIFY(!r.out.contains(h.idNumber.toUtf8()));
            QVERIFY(h.phone.isEmpty() || !r.out.contains(h.phone.toUtf8()));
        }
        const Run check = ctl(path, {u"db"_s, u"check"_s});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        const QJsonObject pd = check.json().value(u"personal_data"_s).toObject();
        QCOMPARE(pd.value(u"state"_s).toString(), u"encrypted"_s);
        QCOMPARE(pd.value(u"clear_values"_s).toInt(-1), 0);
        const Run verify = ctl(path, {u"audit"_s, u"verify"_s});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + QString::fromUtf8(verify.out)));
    }

    // windowdeskctl's sync while the window takes more; then the window's own sync sends the rest.
    {
        Ctl syncing(
            path,
            {u"sync"_s, u"--user"_s, synctest::kUser, u"--password-stdin"_s, u"--max-seconds"_s, u"60"_s},
            true, synctest::kPassword.toUtf8() + '\n');
        takeCaseAndReceipt(c, audit);
        const Run r = syncing.wait();
        QVERIFY2(r.exitCode == 0 || r.exitCode == 5, qPrintable(r.err));
        QVERIFY2(r.json().value(u"pushed"_s).toInt() >= 8, qPrintable(QString::fromUtf8(r.out)));
    }
    const auto summary = c.run(60, true, true);
    QVERIFY2(summary.needsAttention == 0, qPrintable(synctest::summaryText(summary)));
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
    const QList<Held> cases5 = heldCases(c);
    QCOMPARE(cases5.size(), 5);
    QCOMPARE(m_receipts.size(), 5);
    // The window reads what windowdeskctl's sync stored: every case and receipt acknowledged.
    QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE origin = 'desk' AND case_no IS NOT NULL"_s), 5);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM cross_province_receipts WHERE receipt_no IS NOT NULL"_s), 5);
    {
        // The platform got each once, in clear.
        QSqlDatabase simDb = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"simdata"_s);
        simDb.setDatabaseName(simDir.filePath(u"sim.db"_s));
        QVERIFY(simDb.open());
        QSqlQuery q(simDb);
        QHash<QString, QString> caseIds, receiptIds;
        QVERIFY(q.exec(u"SELECT local_id, request FROM cases"_s));
        while (q.next()) {
            QVERIFY2(!caseIds.contains(q.value(0).toString()), "a case doubled at the platform");
            caseIds.insert(q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toByteArray())
                                                      .object()
                                                      .value(u"applicant"_s)
                                                      .toObject()
                                                      .value(u"id_number"_s)
                                                      .toString());
        }
        QVERIFY(q.exec(u"SELECT local_id, body FROM cp_receipts"_s));
        while (q.next()) {
            QVERIFY2(!receiptIds.contains(q.value(0).toString()), "a receipt doubled at the platform");
            receiptIds.insert(q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toByteArray())
                                                         .object()
                                                         .value(u"applicant"_s)
                                                         .toObject()
                                                         .value(u"id_number"_s)
                                                         .toString());
        }
        q.finish();
        simDb.close();
        QCOMPARE(caseIds.size(), 5);
        QCOMPARE(receiptIds.size(), 5);
        for (const Held &h : cases5)
            QCOMPARE(caseIds.value(h.localId), h.idNumber);
        for (const Held &h : std::as_const(m_receipts))
            QCOMPARE(receiptIds.value(h.localId), h.idNumber);
    }
    QSqlDatabase::removeDatabase(u"simdata"_s);
    const Run verified = ctl(path, {u"audit"_s, u"verify"_s});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + QString::fromUtf8(verified.out)));
    {
        const QByteArray raw = bytesOf(path) + bytesOf(path + u"-wal"_s);
        for (const Held &h : cases5 + m_receipts) {
            QVERIFY2(!raw.contains(h.idNumber.toUtf8()), qPrintable(u"clear on disk: "_s + h.idNumber));
            QVERIFY2(h.phone.isEmpty() || !raw.contains(h.phone.toUtf8()),
                     qPrintable(u"clear on disk: "_s + h.phone));
        }
    }

    // windowdeskctl without the key (no keychain): said plainly, nothing changed.
    takeCaseAndReceipt(c, audit); // two writes waiting, sealed
    const QString personalSql =
        u"SELECT (SELECT group_concat(local_id || applicant_id_number || coalesce(applicant_phone, ''), '|') "
        u"FROM cases) || (SELECT group_concat(local_id || applicant_id_number || coalesce(applicant_phone, "
        u"''), '|') FROM cross_province_receipts) || (SELECT group_concat(op_id || state || attempts || "
        u"payload, '|') FROM outbox)"_s;
    const QString before = c.text(personalSql);
    QVERIFY(!before.isEmpty());
    const QString exportFile = c.dir.filePath(u"export-nokey.csv"_s);
    {
        const Run r =
            ctl(path, {u"export"_s, u"cases"_s, u"--from"_s, from, u"--to"_s, to, u"--output"_s, exportFile},
                false);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(u"钥匙串"_s) && r.err.contains(u"keychain"_s) &&
                     r.err.contains(u"nothing was exported"_s),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(exportFile));
        const Run toStdout = ctl(path, {u"export"_s, u"cases"_s, u"--from"_s, from, u"--to"_s, to}, false);
        QCOMPARE(toStdout.exitCode, 5);
        QVERIFY(toStdout.out.isEmpty());
    }
    {
        const Run r =
            ctl(path,
                {u"sync"_s, u"--user"_s, synctest::kUser, u"--password-stdin"_s, u"--max-seconds"_s, u"20"_s},
                false, synctest::kPassword.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(u"cannot be read"_s), qPrintable(r.err));
        QCOMPARE(r.json().value(u"pending"_s).toInt(), 2);
        const Run check = ctl(path, {u"db"_s, u"check"_s}, false);
        QCOMPARE(check.json().value(u"personal_data"_s).toObject().value(u"state"_s).toString(),
                 u"locked_no_keychain"_s);
        QVERIFY2(check.err.contains(u"没有系统钥匙串"_s), qPrintable(check.err));
    }
    QCOMPARE(c.text(personalSql), before);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state = 'pending'"_s), 2);
    QCOMPARE(sim.stats().value(u"cross_province_receipts"_s).toInt(), 5);
    // With the key again, the window sends them.
    QVERIFY(c.run(60, true, false).needsAttention == 0);
    QCOMPARE(c.scalar(u"SELECT count(*) FROM outbox WHERE state <> 'done'"_s), 0);
    QCOMPARE(sim.stats().value(u"cross_province_receipts"_s).toInt(), 6);
    storage::PersonalData::forget(*c.db);
}

QTEST_GUILESS_MAIN(TestTwoProcessSealed)
#include "tst_twoprocess_sealed.moc"
