// windowdeskctl validate / calendar due / card as a process: exact JSON and exit codes of cli.md.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
} // namespace

class TestCtlRules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void validate_data();
    void validate();
    void calendarDue_data();
    void calendarDue();
    void calendarFile_data();
    void calendarFile();
    void card_data();
    void card();

private:
    Run run(const QStringList &args) const;
    QString writeFile(const QString &name, const QByteArray &content) const;
    QTemporaryDir m_dir;
};

Run TestCtlRules::run(const QStringList &args) const {
    QProcess p;
    p.setProgram(QStringLiteral(WINDOWDESKCTL));
    p.setArguments(QStringList{u"--db"_s, m_dir.filePath(u"windowdesk.db"_s)} + args);
    p.start();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1; // a crash is never an answer
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestCtlRules::writeFile(const QString &name, const QByteArray &content) const {
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(name));
    f.write(content);
    return f.fileName();
}

void TestCtlRules::initTestCase() {
    QVERIFY(m_dir.isValid());
}

void TestCtlRules::validate_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("id valid")
        << QStringList{u"id"_s, u"11010519491231002X"_s} << 0
        << R"({"valid":true,"normalized":"11010519491231002X","birth_date":"1949-12-31","sex":"female","region_code":"110105"})"_ba;
    QTest::addRow("id full-width lower x")
        << QStringList{u"id"_s, u"４４０５２４１８８００１０１００１４"_s} << 0
        << R"({"valid":true,"normalized":"440524188001010014","birth_date":"1880-01-01","sex":"male","region_code":"440524"})"_ba;
    QTest::addRow("id legacy")
        << QStringList{u"id"_s, u"110105491231002"_s} << 3
        << R"({"valid":false,"reason":"legacy_15_digit","upgraded":"11010519491231002X"})"_ba;
    QTest::addRow("id length") << QStringList{u"id"_s, u"1101051949123100"_s} << 3
                               << R"({"valid":false,"reason":"length"})"_ba;
    QTest::addRow("id charset") << QStringList{u"id"_s, u"1101051949123100AX"_s} << 3
                                << R"({"valid":false,"reason":"charset"})"_ba;
    QTest::addRow("id region") << QStringList{u"id"_s, u"990105194912310021"_s} << 3
                               << R"({"valid":false,"reason":"region"})"_ba;
    QTest::addRow("id birth 1900-02-29") << QStringList{u"id"_s, u"430102190002291239"_s} << 3
                                         << R"({"valid":false,"reason":"birth_date"})"_ba;
    QTest::addRow("id birth in the future") << QStringList{u"id"_s, u"110105209901010011"_s} << 3
                                            << R"({"valid":false,"reason":"birth_date"})"_ba;
    QTest::addRow("id checksum") << QStringList{u"id"_s, u"110105194912310021"_s} << 3
                                 << R"({"valid":false,"reason":"checksum"})"_ba;
    QTest::addRow("uscc valid") << QStringList{u"uscc"_s, u"91110108MA01G0FB09"_s} << 0
                                << R"({"valid":true,"normalized":"91110108MA01G0FB09"})"_ba;
    QTest::addRow("uscc lower with ideographic space")
        << QStringList{u"uscc"_s, u"91110108\u3000ma01g0fb09"_s} << 0
        << R"({"valid":true,"normalized":"91110108MA01G0FB09"})"_ba;
    QTest::addRow("uscc length") << QStringList{u"uscc"_s, u"91110108MA01G0FB0"_s} << 3
                                 << R"({"valid":false,"reason":"length"})"_ba;
    QTest::addRow("uscc charset") << QStringList{u"uscc"_s, u"91110108MA01G0FI09"_s} << 3
                                  << R"({"valid":false,"reason":"charset"})"_ba;
    QTest::addRow("uscc checksum") << QStringList{u"uscc"_s, u"91110108MA01G0FB08"_s} << 3
                                   << R"({"valid":false,"reason":"checksum"})"_ba;
    QTest::addRow("uscc org code") << QStringList{u"uscc"_s, u"91110108MA01G0FB1C"_s} << 3
                                   << R"({"valid":false,"reason":"org_code_checksum"})"_ba;
    QTest::addRow("phone valid") << QStringList{u"phone"_s, u"+86 138-0013-8000"_s} << 0
                                 << R"({"valid":true,"normalized":"13800138000"})"_ba;
    QTest::addRow("phone length") << QStringList{u"phone"_s, u"1380013800"_s} << 3
                                  << R"({"valid":false,"reason":"length"})"_ba;
    QTest::addRow("phone charset") << QStringList{u"phone"_s, u"1380013800O"_s} << 3
                                   << R"({"valid":false,"reason":"charset"})"_ba;
    QTest::addRow("phone prefix") << QStringList{u"phone"_s, u"12800138000"_s} << 3
                                  << R"({"valid":false,"reason":"prefix"})"_ba;
    QTest::addRow("no number") << QStringList{u"id"_s} << 2 << QByteArray();
    QTest::addRow("unknown kind") << QStringList{u"passport"_s, u"E12345678"_s} << 2 << QByteArray();
}

void TestCtlRules::validate() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, json);
    const Run r = run(QStringList{u"validate"_s} + args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        return;
    }
    const QJsonObject expected = QJsonDocument::fromJson(json).object();
    QJsonObject got = r.json();
    if (!expected.value(u"valid").toBool()) {
        // Every invalid answer has a Chinese message; the rest must match exactly.
        const QString message = got.take(u"message").toString();
        QVERIFY(!message.isEmpty());
        QVERIFY(message.toUtf8().size() > message.size()); // not plain ASCII
    }
    QCOMPARE(got, expected);
}

void TestCtlRules::calendarDue_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("issue example") << QStringList{u"2026-03-06"_s, u"5"_s} << 0
                                   << R"({"due_date":"2026-03-13","provisional":false})"_ba;
    QTest::addRow("Spring Festival") << QStringList{u"2026-02-11"_s, u"20"_s} << 0
                                     << R"({"due_date":"2026-03-17","provisional":false})"_ba;
    QTest::addRow("accepted on Saturday")
        << QStringList{u"2026-03-07"_s, u"1"_s} << 0 << R"({"due_date":"2026-03-09","provisional":false})"_ba;
    QTest::addRow("zero days") << QStringList{u"2026-03-07"_s, u"0"_s} << 0
                               << R"({"due_date":"2026-03-07","provisional":false})"_ba;
    QTest::addRow("into provisional 2027")
        << QStringList{u"2026-12-30"_s, u"5"_s} << 0 << R"({"due_date":"2027-01-07","provisional":true})"_ba;
    QTest::addRow("2028 missing") << QStringList{u"2027-12-28"_s, u"5"_s} << 3
                                  << R"({"error":"calendar_missing","years":[2028]})"_ba;
    QTest::addRow("3650 days needs far years") << QStringList{u"2026-03-06"_s, u"3650"_s} << 3
                                               << R"({"error":"calendar_missing","years":[2028]})"_ba;
    QTest::addRow("date does not exist") << QStringList{u"2026-02-29"_s, u"5"_s} << 2 << QByteArray();
    QTest::addRow("date shape") << QStringList{u"2026/03/06"_s, u"5"_s} << 2 << QByteArray();
    QTest::addRow("negative days") << QStringList{u"2026-03-06"_s, u"-1"_s} << 2 << QByteArray();
    QTest::addRow("absurd days") << QStringList{u"2026-03-06"_s, u"3651"_s} << 2 << QByteArray();
    QTest::addRow("huge days") << QStringList{u"2026-03-06"_s, u"99999999999999"_s} << 2 << QByteArray();
    QTest::addRow("days not a number") << QStringList{u"2026-03-06"_s, u"five"_s} << 2 << QByteArray();
    QTest::addRow("missing days") << QStringList{u"2026-03-06"_s} << 2 << QByteArray();
    QTest::addRow("unknown option") << QStringList{u"2026-03-06"_s, u"5"_s, u"--foo"_s, u"1"_s} << 2
                                    << QByteArray();
}

void TestCtlRules::calendarDue() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, json);
    const Run r = run(QStringList{u"calendar"_s, u"due"_s} + args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        return;
    }
    QCOMPARE(r.json(), QJsonDocument::fromJson(json).object());
}

void TestCtlRules::calendarFile_data() {
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("json");
    const QByteArray y2028 =
        R"({"year":2028,"provisional":false,"holidays":["2028-01-03"],"workdays":["2028-01-08"]})";
    QTest::addRow("one object replaces the database")
        << y2028 << QStringList{u"2027-12-31"_s, u"0"_s} << 0
        << R"({"due_date":"2027-12-31","provisional":false})"_ba;
    // The file replaces the database's calendars: 2027 is not in it.
    QTest::addRow("database years not used") << y2028 << QStringList{u"2027-12-30"_s, u"1"_s} << 3
                                             << R"({"error":"calendar_missing","years":[2027]})"_ba;
    QTest::addRow("holiday and 调休 from the file") << y2028 << QStringList{u"2027-12-31"_s, u"2"_s} << 0
                                                    << R"({"due_date":"2028-01-05","provisional":false})"_ba;
    QTest::addRow("调休 Saturday from the file") << y2028 << QStringList{u"2028-01-07"_s, u"1"_s} << 0
                                                 << R"({"due_date":"2028-01-08","provisional":false})"_ba;
    QTest::addRow("array") << "[" + y2028 +
                                  R"(,{"year":2027,"provisional":true,"holidays":[],"workdays":[]}])"
                           << QStringList{u"2027-12-30"_s, u"2"_s} << 0
                           << R"({"due_date":"2028-01-04","provisional":true})"_ba;
    QTest::addRow("array official only") << "[" + y2028 + "]" << QStringList{u"2028-01-01"_s, u"2"_s} << 0
                                         << R"({"due_date":"2028-01-05","provisional":false})"_ba;
    QTest::addRow("date in both lists")
        << R"({"year":2028,"provisional":false,"holidays":["2028-01-08"],"workdays":["2028-01-08"]})"_ba
        << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("weekend holiday tolerated")
        << R"({"year":2028,"provisional":false,"holidays":["2028-01-01"],"workdays":[]})"_ba
        << QStringList{u"2028-01-01"_s, u"1"_s} << 0 << R"({"due_date":"2028-01-03","provisional":false})"_ba;
    QTest::addRow("not JSON") << "year: 2028"_ba << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("not the platform format")
        << R"({"2028":{"holidays":[]}})"_ba << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("date that does not exist")
        << R"({"year":2028,"provisional":false,"holidays":["2028-02-30"],"workdays":[]})"_ba
        << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("date outside the year")
        << R"({"year":2028,"provisional":false,"holidays":["2029-01-01"],"workdays":[]})"_ba
        << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("array of non-objects")
        << "[2028]"_ba << QStringList{u"2028-01-03"_s, u"1"_s} << 2 << QByteArray();
    QTest::addRow("no such file") << QByteArray() << QStringList{u"2028-01-03"_s, u"1"_s} << 2
                                  << QByteArray();
}

void TestCtlRules::calendarFile() {
    QFETCH(QByteArray, file);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, json);
    const QString path =
        file.isNull()
            ? m_dir.filePath(u"missing.json"_s)
            : writeFile(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + u".json"_s, file);
    const Run r = run(QStringList{u"calendar"_s, u"due"_s} + args + QStringList{u"--calendar"_s, path});
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        return;
    }
    QCOMPARE(r.json(), QJsonDocument::fromJson(json).object());
}

void TestCtlRules::card_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("json");
    const QStringList march{u"--accepted"_s, u"2026-03-06"_s, u"--promised"_s, u"5"_s, u"--legal"_s, u"20"_s};
    const QStringList spring{u"--accepted"_s, u"2026-02-11"_s, u"--promised"_s,
                             u"5"_s,          u"--legal"_s,    u"20"_s};
    auto at = [](const QString &t) {
        return QStringList{u"--at"_s, t};
    };
    const QByteArray marchDates = R"("promised_due":"2026-03-13","legal_due":"2026-04-03")";
    const QByteArray springDates = R"("promised_due":"2026-02-25","legal_due":"2026-03-17")";
    auto obj = [](const QByteArray &colour, const QByteArray &dates, bool suspended = false) {
        return "{\"colour\":\"" + colour + "\"," + dates +
               ",\"suspended\":" + (suspended ? "true" : "false") + ",\"provisional\":false}";
    };
    QTest::addRow("march normal last minute")
        << march + at(u"2026-03-11T23:59"_s) << 0 << obj("normal", marchDates);
    QTest::addRow("march warning first minute")
        << march + at(u"2026-03-12T00:00"_s) << 0 << obj("warning", marchDates);
    QTest::addRow("march warning as UTC")
        << march + at(u"2026-03-11T16:00:00Z"_s) << 0 << obj("warning", marchDates);
    QTest::addRow("march normal as UTC")
        << march + at(u"2026-03-11T15:59:00Z"_s) << 0 << obj("normal", marchDates);
    QTest::addRow("march yellow Saturday")
        << march + at(u"2026-03-14T00:00:00+08:00"_s) << 0 << obj("yellow", marchDates);
    QTest::addRow("march yellow before red")
        << march + at(u"2026-03-22T23:59"_s) << 0 << obj("yellow", marchDates);
    QTest::addRow("march red") << march + at(u"2026-03-23T00:00"_s) << 0 << obj("red", marchDates);
    QTest::addRow("march K=2 red") << march + at(u"2026-03-18T00:00"_s) + QStringList{u"--k"_s, u"2"_s} << 0
                                   << obj("red", marchDates);
    QTest::addRow("march K=2 yellow") << march + at(u"2026-03-17T23:59"_s) + QStringList{u"--k"_s, u"2"_s}
                                      << 0 << obj("yellow", marchDates);
    QTest::addRow("spring warning Sunday")
        << spring + at(u"2026-02-15T00:00"_s) << 0 << obj("warning", springDates);
    QTest::addRow("spring normal Saturday")
        << spring + at(u"2026-02-14T23:59"_s) << 0 << obj("normal", springDates);
    QTest::addRow("spring yellow") << spring + at(u"2026-02-26T00:00"_s) << 0 << obj("yellow", springDates);
    QTest::addRow("spring red") << spring + at(u"2026-03-04T00:00"_s) << 0 << obj("red", springDates);
    QTest::addRow("spring yellow last minute")
        << spring + at(u"2026-03-03T23:59"_s) << 0 << obj("yellow", springDates);
    QTest::addRow("finished none") << march + at(u"2026-05-01T10:00"_s) +
                                          QStringList{u"--status"_s, u"delivered"_s}
                                   << 0 << obj("none", marchDates);
    QTest::addRow("closed suspension")
        << march + at(u"2026-03-11T10:00"_s) + QStringList{u"--suspended"_s, u"2026-03-10..2026-03-12"_s} << 0
        << obj("normal", R"("promised_due":"2026-03-17","legal_due":"2026-04-08")", true);
    QTest::addRow("closed suspension resumed")
        << march + at(u"2026-03-14T00:00"_s) + QStringList{u"--suspended"_s, u"2026-03-10..2026-03-12"_s} << 0
        << obj("warning", R"("promised_due":"2026-03-17","legal_due":"2026-04-08")");
    QTest::addRow("open suspension") << march + at(u"2026-03-20T10:00"_s) +
                                            QStringList{u"--suspended"_s, u"2026-03-10.."_s, u"--status"_s,
                                                        u"suspended"_s}
                                     << 0
                                     << obj("normal",
                                            R"("promised_due":"2026-03-26","legal_due":"2026-04-17")", true);
    QTest::addRow("open suspension after --at")
        << march + at(u"2026-03-12T10:00"_s) + QStringList{u"--suspended"_s, u"2026-03-20.."_s} << 0
        << obj("warning", marchDates);
    QTest::addRow("two ranges") << march + at(u"2026-03-18T10:00"_s) +
                                       QStringList{u"--suspended"_s, u"2026-03-09..2026-03-10"_s,
                                                   u"--suspended"_s, u"2026-03-12..2026-03-17"_s}
                                << 0
                                << obj("warning", R"("promised_due":"2026-03-19","legal_due":"2026-04-10")");
    QTest::addRow("provisional")
        << QStringList{u"--accepted"_s, u"2026-12-10"_s, u"--promised"_s, u"5"_s,
                       u"--legal"_s,    u"20"_s,         u"--at"_s,       u"2026-12-11T10:00"_s}
        << 0
        << R"({"colour":"normal","promised_due":"2026-12-17","legal_due":"2027-01-08","suspended":false,"provisional":true})"_ba;
    QTest::addRow("calendar missing")
        << QStringList{u"--accepted"_s, u"2027-12-20"_s, u"--promised"_s, u"5"_s,
                       u"--legal"_s,    u"20"_s,         u"--at"_s,       u"2027-12-21T10:00"_s}
        << 3 << R"({"error":"calendar_missing","years":[2028]})"_ba;
    QTest::addRow("status suspended without range")
        << march + at(u"2026-03-12T10:00"_s) + QStringList{u"--status"_s, u"suspended"_s} << 2
        << QByteArray();
    QTest::addRow("unknown status") << march + at(u"2026-03-12T10:00"_s) +
                                           QStringList{u"--status"_s, u"lost"_s}
                                    << 2 << QByteArray();
    QTest::addRow("missing --at") << march << 2 << QByteArray();
    QTest::addRow("bad --at") << march + at(u"2026-02-30T10:00"_s) << 2 << QByteArray();
    QTest::addRow("bad --accepted") << QStringList{u"--accepted"_s, u"2026-13-01"_s,      u"--promised"_s,
                                                   u"5"_s,          u"--legal"_s,         u"20"_s,
                                                   u"--at"_s,       u"2026-03-12T10:00"_s}
                                    << 2 << QByteArray();
    QTest::addRow("negative --promised")
        << QStringList{u"--accepted"_s, u"2026-03-06"_s, u"--promised"_s, u"-5"_s,
                       u"--legal"_s,    u"20"_s,         u"--at"_s,       u"2026-03-12T10:00"_s}
        << 2 << QByteArray();
    QTest::addRow("bad range") << march + at(u"2026-03-12T10:00"_s) +
                                      QStringList{u"--suspended"_s, u"2026-03-10"_s}
                               << 2 << QByteArray();
    QTest::addRow("reversed range") << march + at(u"2026-03-12T10:00"_s) +
                                           QStringList{u"--suspended"_s, u"2026-03-10..2026-03-01"_s}
                                    << 2 << QByteArray();
}

void TestCtlRules::card() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, json);
    const Run r = run(QStringList{u"card"_s} + args);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode == 2) {
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        return;
    }
    QCOMPARE(r.json(), QJsonDocument::fromJson(json).object());
}

QTEST_GUILESS_MAIN(TestCtlRules)
#include "tst_ctl_rules.moc"
