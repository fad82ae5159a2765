// CalendarYear parsing (the platform's GET /calendar/{year} format) and the working-day predicate.
#include "testcalendars.h"

#include <windowdesk/core/calendar.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestCalendar : public QObject {
    Q_OBJECT
private slots:
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void roundTrip();
    void workingDays2026_data();
    void workingDays2026();
    void missingYearIsAnError();
    void addReplacesYear();
};

static QJsonObject obj(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

void TestCalendar::parseValid() {
    auto y = CalendarYear::fromJson(obj(
        R"({"year":2026,"provisional":false,"holidays":["2026-01-01","2026-02-21"],"workdays":["2026-02-14"]})"));
    QVERIFY(y.ok());
    QCOMPARE(y->year, 2026);
    QCOMPARE(y->provisional, false);
    QCOMPARE(y->holidays.size(), 2); // a weekend date (Sat 2026-02-21) in holidays is tolerated
    QVERIFY(y->workdays.contains(QDate(2026, 2, 14)));
    auto p = CalendarYear::fromJson(obj(R"({"year":2027,"provisional":true,"holidays":[],"workdays":[]})"));
    QVERIFY(p.ok());
    QVERIFY(p->provisional);
}

void TestCalendar::parseInvalid_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("no year") << R"({"provisional":false,"holidays":[],"workdays":[]})"_ba;
    QTest::addRow("year string") << R"({"year":"2026","provisional":false,"holidays":[],"workdays":[]})"_ba;
    QTest::addRow("year fraction") << R"({"year":2026.5,"provisional":false,"holidays":[],"workdays":[]})"_ba;
    QTest::addRow("no provisional") << R"({"year":2026,"holidays":[],"workdays":[]})"_ba;
    QTest::addRow("provisional string")
        << R"({"year":2026,"provisional":"no","holidays":[],"workdays":[]})"_ba;
    QTest::addRow("no holidays") << R"({"year":2026,"provisional":false,"workdays":[]})"_ba;
    QTest::addRow("no workdays") << R"({"year":2026,"provisional":false,"holidays":[]})"_ba;
    QTest::addRow("holidays not array")
        << R"({"year":2026,"provisional":false,"holidays":"2026-01-01","workdays":[]})"_ba;
    QTest::addRow("number in list")
        << R"({"year":2026,"provisional":false,"holidays":[20260101],"workdays":[]})"_ba;
    QTest::addRow("date does not exist")
        << R"({"year":2026,"provisional":false,"holidays":["2026-02-29"],"workdays":[]})"_ba;
    QTest::addRow("bad date shape")
        << R"({"year":2026,"provisional":false,"holidays":["2026-1-1"],"workdays":[]})"_ba;
    QTest::addRow("date in other year")
        << R"({"year":2026,"provisional":false,"holidays":["2027-01-01"],"workdays":[]})"_ba;
    QTest::addRow("date in both lists")
        << R"({"year":2026,"provisional":false,"holidays":["2026-02-14"],"workdays":["2026-02-14"]})"_ba;
    QTest::addRow("empty object") << "{}"_ba;
}

void TestCalendar::parseInvalid() {
    QFETCH(QByteArray, json);
    auto y = CalendarYear::fromJson(obj(json));
    QVERIFY(!y.ok());
    QCOMPARE(y.error().code, u"calendar_invalid"_s);
    QVERIFY(!y.error().message.isEmpty());
}

void TestCalendar::roundTrip() {
    const CalendarYear y = loadShippedYear(2026);
    auto again = CalendarYear::fromJson(y.toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->year, y.year);
    QCOMPARE(again->provisional, y.provisional);
    QCOMPARE(again->holidays, y.holidays);
    QCOMPARE(again->workdays, y.workdays);
    QCOMPARE(y.toJson().value(u"holidays").toArray().first().toString(), u"2026-01-01"_s); // sorted
}

void TestCalendar::workingDays2026_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("working");
    QTest::addRow("Fri normal") << QDate(2026, 3, 6) << true;
    QTest::addRow("Sat normal") << QDate(2026, 3, 7) << false;
    QTest::addRow("Sun normal") << QDate(2026, 3, 8) << false;
    QTest::addRow("New Year Thu") << QDate(2026, 1, 1) << false;
    QTest::addRow("Sun 01-04 调休") << QDate(2026, 1, 4) << true;
    QTest::addRow("Sat 02-14 调休") << QDate(2026, 2, 14) << true;
    QTest::addRow("Sun 02-15 break") << QDate(2026, 2, 15) << false;
    QTest::addRow("Mon 02-16 Spring Festival") << QDate(2026, 2, 16) << false;
    QTest::addRow("Mon 02-23 Spring Festival") << QDate(2026, 2, 23) << false;
    QTest::addRow("Tue 02-24 back") << QDate(2026, 2, 24) << true;
    QTest::addRow("Sat 02-28 调休") << QDate(2026, 2, 28) << true;
    QTest::addRow("Sun 09-20 调休") << QDate(2026, 9, 20) << true;
    QTest::addRow("Thu 10-01 National Day") << QDate(2026, 10, 1) << false;
    QTest::addRow("Wed 10-07 National Day") << QDate(2026, 10, 7) << false;
    QTest::addRow("Thu 10-08 back") << QDate(2026, 10, 8) << true;
    QTest::addRow("Sat 10-10 调休") << QDate(2026, 10, 10) << true;
    QTest::addRow("Sat 10-03 weekend in break") << QDate(2026, 10, 3) << false;
}

void TestCalendar::workingDays2026() {
    QFETCH(QDate, date);
    QFETCH(bool, working);
    const WorkingCalendar cal = shippedCalendar();
    auto r = cal.isWorkingDay(date);
    QVERIFY(r.ok());
    QCOMPARE(r.value(), working);
}

void TestCalendar::missingYearIsAnError() {
    const WorkingCalendar cal = shippedCalendar({2026});
    QVERIFY(cal.hasYear(2026));
    QVERIFY(!cal.hasYear(2027));
    auto r = cal.isWorkingDay(QDate(2027, 1, 4)); // a Monday: no weekend-only guess
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, u"calendar_missing"_s);
    QVERIFY(r.error().message.contains(u"2027"));
    QCOMPARE(shippedCalendar().isProvisional(2027), true);
    QCOMPARE(shippedCalendar().isProvisional(2026), false);
}

void TestCalendar::addReplacesYear() {
    WorkingCalendar cal = shippedCalendar({2027});
    QVERIFY(!cal.isWorkingDay(QDate(2027, 10, 1)).value());
    CalendarYear official;
    official.year = 2027;
    official.workdays.insert(QDate(2027, 10, 2)); // a Saturday made a working day
    cal.add(official);
    QVERIFY(!cal.isProvisional(2027));
    QVERIFY(cal.isWorkingDay(QDate(2027, 10, 1)).value());
    QVERIFY(cal.isWorkingDay(QDate(2027, 10, 2)).value());
    QCOMPARE(cal.years(), QList<int>{2027});
}

QTEST_GUILESS_MAIN(TestCalendar)
#include "tst_calendar.moc"
