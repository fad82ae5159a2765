// `windowdeskctl export` read back: the CSV bytes of a small fixture exactly (BOM, CRLF, cli.md's columns and
// order, CST times, half-open period edges, masking, ids Excel would turn into numbers kept as text, the '
// before formula-like cells, RFC 4180 quoting), the XLSX through python3-openpyxl (a formula-looking cell
// stays a string, ids are text cells, times are date-time cells in CST, the header row frozen), unmasked only
// for a supervisor whose password checks (audited), and bad input refused with exit 2 and nothing written.
#include "ctlrun.h"

#include <windowdesk/cases/ticketevents.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/userrepository.h>

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

QDateTime cst(const QString &text) {
    QDateTime t = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm:ss"_s);
    t.setTimeZone(QTimeZone(8 * 3600));
    return t.toUTC();
}

ctltest::Run ctlStdin(const QString &db, const QStringList &args, const QByteArray &input) {
    QProcess p;
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, db} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return ctltest::finished(p);
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestExportCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void csvBytesExactly();
    void unmaskedOnlyForASupervisor();
    void xlsxReadBack();
    void badInputWritesNothing();

private:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_item1, m_item2;
    QStringList exportArgs(const QString &kind) const {
        return {u"export"_s, kind, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-17"_s};
    }
};

void TestExportCli::initTestCase() {
    m_db = m_dir.filePath(u"export.db"_s);
    auto db = storage::Database::open(m_db);
    QVERIFY(db.ok());
    storage::Database &d = *db.value();
    FixedClock clock(cst(u"2026-03-16 08:00:00"_s));
    QVERIFY(storage::DemoHall::load(d, clock).ok()); // its catalog: the cases' items
    QSqlQuery q(d.sql());
    QVERIFY(q.exec(u"SELECT code FROM service_items WHERE is_current = 1 ORDER BY code LIMIT 2"_s));
    QVERIFY(q.next());
    m_item1 = q.value(0).toString();
    QVERIFY(q.next());
    m_item2 = q.value(0).toString();
    q.finish();
    storage::UserRepository users(d, clock, nullptr);
    const QString verifier = QString::fromLatin1(crypto::makePasswordVerifier(u"sup-pass-1"_s, 1000));
    QVERIFY(
        users.upsert({u"u-sup"_s, u"sup"_s, u"监察员"_s, {u"supervisor"_s}, {}, {}, {}}, verifier, u"local"_s)
            .ok());
    QVERIFY(users
                .upsert({u"u-clk"_s, u"clk"_s, u"窗口"_s, {u"clerk"_s}, {}, {}, {}},
                        QString::fromLatin1(crypto::makePasswordVerifier(u"clk-pass-1"_s, 1000)), u"local"_s)
                .ok());
    const QString insertCase =
        u"INSERT INTO cases (local_id, case_no, applicant_kind, applicant_name, applicant_id_number, "
        u"applicant_phone, decision, status, clerk_id, window_no, created_at, accepted_date, promised_due, "
        u"legal_due, updated_at) VALUES (?, ?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    const QList<QVariantList> rows = {
        // The period's first second (CST), a formula-like name.
        {u"c-1"_s, u"HN2026031600001"_s, u"=cmd|' /C calc'!A0"_s, u"11010519491231002X"_s, u"13800138000"_s,
         u"accepted"_s, u"completed"_s, u"u-1001"_s, u"A07"_s, u"2026-03-15T16:00:00Z"_s, u"2026-03-16"_s,
         u"2026-03-20"_s, u"2026-04-10"_s, u"2026-03-15T16:00:00Z"_s},
        // Its last second; a numeric case number, a name to quote, a clerk id starting with '+'.
        {u"c-2"_s, u"20260316000123"_s, u"李四, \"小李\""_s, u"110105194912310021"_s, u"13912345678"_s,
         u"rejected"_s, u"rejected"_s, u"+u-2"_s, u"A07"_s, u"2026-03-16T15:59:59Z"_s, u"2026-03-16"_s,
         QVariant(), QVariant(), u"2026-03-16T15:59:59Z"_s},
        // Outside: the seconds just before and at the period's end.
        {u"c-0"_s, QVariant(), u"王五"_s, u"11010519491231002X"_s, u"13800138000"_s, u"accepted"_s,
         u"completed"_s, u"u-1001"_s, u"A07"_s, u"2026-03-15T15:59:59Z"_s, u"2026-03-15"_s, QVariant(),
         QVariant(), u"2026-03-15T15:59:59Z"_s},
        {u"c-3"_s, QVariant(), u"赵六"_s, u"11010519491231002X"_s, u"13800138000"_s, u"accepted"_s,
         u"completed"_s, u"u-1001"_s, u"A07"_s, u"2026-03-16T16:00:00Z"_s, u"2026-03-17"_s, QVariant(),
         QVariant(), u"2026-03-16T16:00:00Z"_s},
    };
    for (const QVariantList &r : rows)
        QVERIFY(d.exec(insertCase, r).ok());
    QVERIFY(
        d.exec(u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) SELECT 'c-1', 1, code, "
               u"version FROM service_items WHERE code = ? AND is_current = 1"_s,
               {m_item2})
            .ok());
    QVERIFY(
        d.exec(u"INSERT INTO case_items (case_local_id, ord, item_code, item_version) SELECT 'c-1', 0, code, "
               u"version FROM service_items WHERE code = ? AND is_current = 1"_s,
               {m_item1})
            .ok());
    QVERIFY(
        d.exec(
             u"INSERT INTO evaluations (local_id, evaluation_id, case_local_id, window_no, clerk_id, level, "
             u"reasons_json, at, rectification_due, state, updated_at) VALUES ('ev-1', '900000000000000001', "
             u"'c-1', 'A07', 'u-1001', 1, '[\"@等候时间过长\",\"x\"]', '2026-03-16T02:00:00Z', '2026-03-20', "
             u"'open', '2026-03-16T02:00:00Z'), ('ev-2', NULL, NULL, 'A07', 'u-1001', 5, '[]', "
             u"'2026-03-16T16:00:00Z', NULL, NULL, '2026-03-16T16:00:00Z')"_s)
            .ok());
    QVERIFY(
        d.exec(
             u"INSERT INTO rectification_actions (action_id, evaluation_local_id, action, note, at, by_user) "
             u"VALUES ('ra-1', 'ev-1', 'callback', '', '2026-03-16T03:00:00Z', 'u-sup')"_s)
            .ok());
    auto ev = [&](const QString &no, const QString &category, const QString &type, const QString &at,
                  const QString &window = {}, const QString &clerk = {}, const QString &to = {}) {
        return cases::appendTicketEvent(d, {QString(), no, category, type, window, clerk, to, cst(at)},
                                        u"local"_s)
            .ok();
    };
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"issued"_s, u"2026-03-16 09:00:00"_s));
    QVERIFY(ev(u"A002"_s, u"企业开办"_s, u"issued"_s, u"2026-03-16 09:05:00"_s));
    QVERIFY(ev(u"B001"_s, u"社保医保"_s, u"issued"_s, u"2026-03-16 09:06:00"_s));
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"called"_s, u"2026-03-16 09:10:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"started"_s, u"2026-03-16 09:11:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"B001"_s, u"社保医保"_s, u"called"_s, u"2026-03-16 09:12:00"_s, u"A03"_s, u"u-2"_s));
    QVERIFY(ev(u"B001"_s, u"社保医保"_s, u"transferred"_s, u"2026-03-16 09:14:00"_s, u"A03"_s, u"u-2"_s,
               u"企业开办"_s));
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"held"_s, u"2026-03-16 09:15:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"resumed"_s, u"2026-03-16 09:20:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A001"_s, u"企业开办"_s, u"done"_s, u"2026-03-16 09:30:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A002"_s, u"企业开办"_s, u"called"_s, u"2026-03-16 09:40:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A002"_s, u"企业开办"_s, u"no_show"_s, u"2026-03-16 09:45:00"_s, u"A07"_s, u"u-1001"_s));
    QVERIFY(ev(u"A003"_s, u"企业开办"_s, u"issued"_s, u"2026-03-17 00:00:00"_s)); // the next period's
}

void TestExportCli::csvBytesExactly() {
    const QByteArray cases = "\xEF\xBB\xBF"
                             "case_no,local_id,created_at,window_no,clerk_id,applicant_name,applicant_id,"
                             "applicant_phone,item_codes,"
                             "bundle_code,decision,status,due_date,legal_due_date,card\r\n"
                             "HN2026031600001,c-1,2026-03-16 00:00:00,A07,u-1001,'=cmd|' /C "
                             "calc'!A0,110***********002X,138****8000," +
                             (m_item1 + u";"_s + m_item2).toUtf8() +
                             ",,accepted,completed,2026-03-20,2026-04-10,none\r\n"
                             "20260316000123\t,c-2,2026-03-16 23:59:59,A07,'+u-2,\"李四, "
                             "\"\"小李\"\"\",110***********0021,139****5678,,,"
                             "rejected,rejected,,,none\r\n";
    const ctltest::Run out = ctltest::ctl(m_db, exportArgs(u"cases"_s));
    QCOMPARE(out.exitCode, 0);
    QCOMPARE(out.out, cases);
    // The same bytes to a file, which only its owner may read.
    const QString file = m_dir.filePath(u"cases.csv"_s);
    QCOMPARE(ctltest::ctl(m_db, exportArgs(u"cases"_s) + QStringList{u"--output"_s, file}).exitCode, 0);
    QCOMPARE(readFile(file), cases);
    QCOMPARE(QFile::permissions(file) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    const QByteArray queue =
        "\xEF\xBB\xBF"
        "ticket_no,category,issued_at,first_called_at,started_at,done_at,window_no,clerk_id,outcome,wait_s,"
        "service_s\r\n"
        "A001,企业开办,2026-03-16 09:00:00,2026-03-16 09:10:00,2026-03-16 09:11:00,2026-03-16 "
        "09:30:00,A07,u-1001,"
        "served,600,840\r\n"
        "A002,企业开办,2026-03-16 09:05:00,2026-03-16 09:40:00,,,A07,u-1001,no_show,2100,\r\n"
        "B001,企业开办,2026-03-16 09:06:00,2026-03-16 09:12:00,,,A03,u-2,transferred,360,\r\n";
    const ctltest::Run q = ctltest::ctl(m_db, exportArgs(u"queue"_s) + QStringList{u"--format"_s, u"csv"_s});
    QCOMPARE(q.exitCode, 0);
    QCOMPARE(q.out, queue);

    const QByteArray evaluations =
        "\xEF\xBB\xBF"
        "evaluation_id,local_id,at,window_no,clerk_id,case_no,level,reasons,real_name,state,rectification_"
        "due,"
        "overdue,callbacks\r\n"
        "900000000000000001\t,ev-1,2026-03-16 10:00:00,A07,u-1001,HN2026031600001,1,'@等候时间过长;x,,open,"
        "2026-03-20,true,1\r\n";
    const ctltest::Run e = ctltest::ctl(m_db, exportArgs(u"evaluations"_s));
    QCOMPARE(e.exitCode, 0);
    QCOMPARE(e.out, evaluations);
}

void TestExportCli::unmaskedOnlyForASupervisor() {
    auto audited = [&] {
        auto db = storage::Database::open(m_db);
        QSqlQuery q(db.value()->sql());
        q.exec(u"SELECT COUNT(*) FROM audit_log WHERE action = 'export_unmasked'"_s);
        return q.next() ? q.value(0).toInt() : -1;
    };
    const QStringList unmasked = exportArgs(u"cases"_s) + QStringList{u"--unmasked"_s, u"--password-stdin"_s};
    // A clerk, a wrong password: refused (a check said no), nothing printed, nothing audited as exported.
    const ctltest::Run clerk = ctlStdin(m_db, unmasked + QStringList{u"--user"_s, u"clk"_s}, "clk-pass-1\n");
    QCOMPARE(clerk.exitCode, 3);
    QVERIFY(clerk.out.isEmpty());
    QVERIFY(clerk.err.contains(u"supervisor"_s));
    const ctltest::Run wrong = ctlStdin(m_db, unmasked + QStringList{u"--user"_s, u"sup"_s}, "nope\n");
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY(wrong.out.isEmpty());
    QCOMPARE(audited(), 0);
    // Without the password: a usage error.
    QCOMPARE(ctltest::ctl(m_db, exportArgs(u"cases"_s) + QStringList{u"--unmasked"_s}).exitCode, 2);

    const ctltest::Run sup = ctlStdin(m_db, unmasked + QStringList{u"--user"_s, u"sup"_s}, "sup-pass-1\n");
    QCOMPARE(sup.exitCode, 0);
    const QList<QByteArray> lines = sup.out.split('\n');
    QVERIFY(lines.size() >= 3);
    QVERIFY(lines.at(1).contains(",11010519491231002X,13800138000\t,"));
    QVERIFY(lines.at(2).contains(",110105194912310021\t,13912345678\t,"));
    QCOMPARE(audited(), 1);
    auto db = storage::Database::open(m_db);
    QSqlQuery q(db.value()->sql());
    QVERIFY(
        q.exec(u"SELECT user_id, target, details_json FROM audit_log WHERE action = 'export_unmasked'"_s));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"u-sup"_s);
    QCOMPARE(q.value(1).toString(), u"cases"_s);
    QVERIFY(q.value(2).toString().contains(u"\"rows\":2"_s));
    QVERIFY(!q.value(2).toString().contains(u"11010519491231002X"_s));
}

void TestExportCli::xlsxReadBack() {
    const QString file = m_dir.filePath(u"cases.xlsx"_s);
    QCOMPARE(ctltest::ctl(m_db,
                          exportArgs(u"cases"_s) + QStringList{u"--format"_s, u"xlsx"_s, u"--output"_s, file})
                 .exitCode,
             0);
    QProcess p;
    p.start(QStringLiteral(PYTHON3), {QStringLiteral(REPORTS_TEST_DIR "/xlsx_dump.py"), file});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray dump = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject o = QJsonDocument::fromJson(dump).object();
    QCOMPARE(o.value(u"sheets"_s).toArray().first().toString(), u"cases"_s);
    QCOMPARE(o.value(u"freeze"_s).toString(), u"A2"_s); // the header row stays in view
    const QJsonArray rows = o.value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 3);
    auto cell = [&](int row, int col) {
        return rows.at(row).toArray().at(col).toArray();
    };
    QCOMPARE(cell(0, 0).at(1).toString(), u"case_no"_s);
    QCOMPARE(cell(0, 14).at(1).toString(), u"card"_s);
    // A formula-looking name is a string cell, exactly as typed (no formula, no prefix).
    QCOMPARE(cell(1, 5).at(0).toString(), u"s"_s);
    QCOMPARE(cell(1, 5).at(1).toString(), u"=cmd|' /C calc'!A0"_s);
    // Ids are text cells, never numbers: the numeric case number too.
    QCOMPARE(cell(2, 0).at(0).toString(), u"s"_s);
    QCOMPARE(cell(2, 0).at(1).toString(), u"20260316000123"_s);
    QCOMPARE(cell(2, 0).at(2).toString(), u"@"_s);
    QCOMPARE(cell(1, 6).at(1).toString(), u"110***********002X"_s);
    // Times are date-time cells in CST.
    QCOMPARE(cell(1, 2).at(0).toString(), u"d"_s);
    QCOMPARE(cell(1, 2).at(1).toString(), u"2026-03-16 00:00:00"_s);
    QCOMPARE(cell(2, 2).at(1).toString(), u"2026-03-16 23:59:59"_s);
    QCOMPARE(cell(1, 12).at(0).toString(), u"d"_s);
    QCOMPARE(cell(1, 12).at(1).toString(), u"2026-03-20 00:00:00"_s);

    // The queue: numbers are numbers.
    const QString qfile = m_dir.filePath(u"queue.xlsx"_s);
    QCOMPARE(ctltest::ctl(m_db, exportArgs(u"queue"_s) +
                                    QStringList{u"--format"_s, u"xlsx"_s, u"--output"_s, qfile})
                 .exitCode,
             0);
    QProcess p2;
    p2.start(QStringLiteral(PYTHON3), {QStringLiteral(REPORTS_TEST_DIR "/xlsx_dump.py"), qfile});
    QVERIFY(p2.waitForFinished(60000));
    const QJsonArray qrows =
        QJsonDocument::fromJson(p2.readAllStandardOutput()).object().value(u"rows"_s).toArray();
    QCOMPARE(qrows.size(), 4);
    QCOMPARE(qrows.at(1).toArray().at(9).toArray().at(0).toString(), u"n"_s);
    QCOMPARE(qrows.at(1).toArray().at(10).toArray().at(1).toInt(), 840);
    QCOMPARE(qrows.at(1).toArray().at(5).toArray().at(1).toString(), u"2026-03-16 09:30:00"_s);
}

void TestExportCli::badInputWritesNothing() {
    const QString file = m_dir.filePath(u"never.csv"_s);
    const QString kept = m_dir.filePath(u"kept.csv"_s);
    {
        QFile f(kept);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("before");
    }
    const QList<QStringList> bad = {
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-32"_s, u"--to"_s, u"2026-04-01"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-17"_s, u"--to"_s, u"2026-03-16"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-16"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-16"_s},
        {u"export"_s, u"tickets"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-17"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-17"_s, u"--format"_s,
         u"ods"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-17"_s, u"--user"_s,
         u"sup"_s},
        {u"export"_s, u"cases"_s, u"--from"_s, u"2026-03-16"_s, u"--to"_s, u"2026-03-17"_s, u"--output"_s,
         m_dir.filePath(u"no/such/dir.csv"_s)},
    };
    for (const QStringList &args : bad) {
        for (const QString &target : {file, kept}) {
            QStringList a = args;
            if (!a.contains(u"--output"_s))
                a << u"--output"_s << target;
            const ctltest::Run run = ctltest::ctl(m_db, a);
            QVERIFY2(run.exitCode == 2, qPrintable(a.join(u' ') + u" → %1"_s.arg(run.exitCode)));
            QVERIFY(run.out.isEmpty());
            QVERIFY(!run.err.isEmpty());
        }
    }
    QVERIFY(!QFile::exists(file));
    QCOMPARE(readFile(kept), QByteArray("before"));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
