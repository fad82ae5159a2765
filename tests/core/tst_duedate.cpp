// Due dates in working days on the shipped 2025-2027 calendars: holidays, 调休 days, suspensions, year ends.
#include "testcalendars.h"

#include <windowdesk/core/duedate.h>
#include <windowdesk/core/evaluation.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

using SuspensionList = QList<Suspension>;
Q_DECLARE_METATYPE(SuspensionList)

class TestDueDate : public QObject {
    Q_OBJECT
private slots:
    void dueDates_data();
    void dueDates();
    void provisionalYear();
    void missingYear_data();
    void missingYear();
    void badArguments();
    void openSuspensionIsReported();
    void bundleLimitsRule();
    void caseDueDatesAndCstDate();

private:
    const WorkingCalendar m_cal = shippedCalendar();
};

void TestDueDate::dueDates_data() {
    QTest::addColumn<QDate>("accepted");
    QTest::addColumn<int>("days");
    QTest::addColumn<SuspensionList>("suspensions");
    QTest::addColumn<QDate>("due");
    const SuspensionList none;
    QTest::addRow("Fri + 5 = next Fri") << QDate(2026, 3, 6) << 5 << none << QDate(2026, 3, 13);
    QTest::addRow("Mon + 1 = Tue") << QDate(2026, 3, 9) << 1 << none << QDate(2026, 3, 10);
    QTest::addRow("Fri + 1 = Mon") << QDate(2026, 3, 6) << 1 << none << QDate(2026, 3, 9);
    QTest::addRow("即办件 N=0 on a working day") << QDate(2026, 3, 6) << 0 << none << QDate(2026, 3, 6);
    QTest::addRow("即办件 N=0 on a Saturday") << QDate(2026, 3, 7) << 0 << none << QDate(2026, 3, 7);
    QTest::addRow("accepted Sat, D does not count") << QDate(2026, 3, 7) << 1 << none << QDate(2026, 3, 9);
    QTest::addRow("accepted Sun") << QDate(2026, 3, 8) << 1 << none << QDate(2026, 3, 9);
    QTest::addRow("accepted on a holiday (Mon 02-16)")
        << QDate(2026, 2, 16) << 1 << none << QDate(2026, 2, 24);
    QTest::addRow("Fri before 调休 Sat 02-14") << QDate(2026, 2, 13) << 1 << none << QDate(2026, 2, 14);
    QTest::addRow("across Spring Festival 2026") << QDate(2026, 2, 13) << 2 << none << QDate(2026, 2, 24);
    QTest::addRow("issue example Spring Festival p=5")
        << QDate(2026, 2, 11) << 5 << none << QDate(2026, 2, 25);
    QTest::addRow("issue example Spring Festival l=20")
        << QDate(2026, 2, 11) << 20 << none << QDate(2026, 3, 17);
    QTest::addRow("Spring Festival 2025 with 调休 Sun 01-26")
        << QDate(2025, 1, 24) << 3 << none << QDate(2025, 2, 5);
    QTest::addRow("调休 Sun 09-20 before National Day")
        << QDate(2026, 9, 18) << 2 << none << QDate(2026, 9, 21);
    QTest::addRow("across National Day 2026") << QDate(2026, 9, 30) << 1 << none << QDate(2026, 10, 8);
    QTest::addRow("National Day to 调休 Sat 10-10") << QDate(2026, 9, 30) << 3 << none << QDate(2026, 10, 10);
    QTest::addRow("accepted on National Day") << QDate(2026, 10, 1) << 1 << none << QDate(2026, 10, 8);
    QTest::addRow("New Year 2026 and 调休 Sun 01-04")
        << QDate(2025, 12, 31) << 1 << none << QDate(2026, 1, 4);
    QTest::addRow("New Year 2026, 2 days") << QDate(2025, 12, 31) << 2 << none << QDate(2026, 1, 5);
    QTest::addRow("60 days through 2025 Spring Festival")
        << QDate(2025, 1, 2) << 60 << none << QDate(2025, 4, 2);
    QTest::addRow("suspension spanning the Spring Festival")
        << QDate(2026, 2, 11) << 5 << SuspensionList{{QDate(2026, 2, 13), QDate(2026, 2, 26)}}
        << QDate(2026, 3, 2);
    QTest::addRow("suspension after the due date changes nothing")
        << QDate(2026, 3, 6) << 5 << SuspensionList{{QDate(2026, 3, 16), QDate(2026, 3, 20)}}
        << QDate(2026, 3, 13);
    QTest::addRow("suspension on the due day")
        << QDate(2026, 3, 6) << 5 << SuspensionList{{QDate(2026, 3, 13), QDate(2026, 3, 14)}}
        << QDate(2026, 3, 16);
    QTest::addRow("two suspensions") << QDate(2026, 3, 6) << 5
                                     << SuspensionList{{QDate(2026, 3, 9), QDate(2026, 3, 10)},
                                                       {QDate(2026, 3, 12), QDate(2026, 3, 17)}}
                                     << QDate(2026, 3, 19);
    QTest::addRow("resumption date is exclusive (resumes Mon)")
        << QDate(2026, 3, 6) << 1 << SuspensionList{{QDate(2026, 3, 7), QDate(2026, 3, 9)}}
        << QDate(2026, 3, 9);
    QTest::addRow("suspended from the acceptance day")
        << QDate(2026, 3, 6) << 1 << SuspensionList{{QDate(2026, 3, 6), QDate(2026, 3, 10)}}
        << QDate(2026, 3, 10);
    QTest::addRow("empty suspension")
        << QDate(2026, 3, 6) << 1 << SuspensionList{{QDate(2026, 3, 9), QDate(2026, 3, 9)}}
        << QDate(2026, 3, 9);
}

void TestDueDate::dueDates() {
    QFETCH(QDate, accepted);
    QFETCH(int, days);
    QFETCH(SuspensionList, suspensions);
    QFETCH(QDate, due);
    const auto r = dueDate(accepted, days, suspensions, m_cal);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->date, due);
    QCOMPARE(r->provisional, false);
    // The due date itself is a working day outside every suspension (unless N = 0).
    if (days > 0) {
        QVERIFY(m_cal.isWorkingDay(due).value());
        for (const Suspension &s : suspensions)
            QVERIFY(!s.contains(due));
    }
}

void TestDueDate::provisionalYear() {
    // Accepted 2026-12-30, 5 working days reach into the provisional 2027: 12-31, (01-01 off), 01-04..01-07.
    auto r = dueDate(QDate(2026, 12, 30), 5, m_cal);
    QVERIFY(r.ok());
    QCOMPARE(r->date, QDate(2027, 1, 7));
    QVERIFY(r->provisional);
    auto inside2026 = dueDate(QDate(2026, 12, 29), 2, m_cal);
    QVERIFY(inside2026.ok());
    QCOMPARE(inside2026->date, QDate(2026, 12, 31));
    QVERIFY(!inside2026->provisional);
    // N = 0 on the last day of a year needs no calendar at all.
    auto zero = dueDate(QDate(2027, 12, 31), 0, m_cal);
    QVERIFY(zero.ok());
    QCOMPARE(zero->date, QDate(2027, 12, 31));
    QVERIFY(!zero->provisional);
}

void TestDueDate::missingYear_data() {
    QTest::addColumn<QList<int>>("years");
    QTest::addColumn<QDate>("accepted");
    QTest::addColumn<int>("days");
    QTest::addColumn<int>("missing");
    QTest::addRow("2028 beyond the shipped years")
        << QList<int>{2025, 2026, 2027} << QDate(2027, 12, 28) << 5 << 2028;
    QTest::addRow("first missing year reached") << QList<int>{2026} << QDate(2026, 12, 30) << 600 << 2027;
    QTest::addRow("gap year in the middle") << QList<int>{2025, 2027} << QDate(2025, 12, 30) << 400 << 2026;
    QTest::addRow("acceptance year missing, next day in it")
        << QList<int>{2027} << QDate(2026, 3, 6) << 1 << 2026;
    QTest::addRow("weekend-only guess refused") << QList<int>{2026} << QDate(2026, 12, 31) << 1 << 2027;
}

void TestDueDate::missingYear() {
    QFETCH(QList<int>, years);
    QFETCH(QDate, accepted);
    QFETCH(int, days);
    QFETCH(int, missing);
    const auto r = dueDate(accepted, days, shippedCalendar(years));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, u"calendar_missing"_s);
    QCOMPARE(missingCalendarYear(r.error()), std::optional<int>(missing));
    QVERIFY(r.error().message.contains(QString::number(missing)));
}

void TestDueDate::badArguments() {
    QCOMPARE(dueDate(QDate(), 1, m_cal).error().code, u"invalid_argument"_s);
    QCOMPARE(dueDate(QDate(2026, 3, 6), -1, m_cal).error().code, u"invalid_argument"_s);
    QVERIFY(!missingCalendarYear(windowdesk::Error{u"invalid_argument"_s, u"2026"_s}).has_value());
}

void TestDueDate::openSuspensionIsReported() {
    const auto r = dueDate(QDate(2026, 3, 6), 5, {{QDate(2026, 3, 10), QDate()}}, m_cal);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, u"suspension_open"_s);
    // An open suspension that starts after the due date is never reached.
    const auto later = dueDate(QDate(2026, 3, 6), 5, {{QDate(2026, 3, 20), QDate()}}, m_cal);
    QVERIFY(later.ok());
    QCOMPARE(later->date, QDate(2026, 3, 13));
}

void TestDueDate::bundleLimitsRule() {
    const BundleLimits b = bundleLimits(7, {20, 30, 15});
    QCOMPARE(b.promisedDays, 7);
    QCOMPARE(b.legalDays, 30);
    QCOMPARE(bundleLimits(3, {}).legalDays, 3);
}

void TestDueDate::caseDueDatesAndCstDate() {
    // A decision at 2026-02-10 16:30 UTC is Wed 02-11 00:30 in China: D = 02-11 (the Spring Festival
    // case).
    const QDate d = cstDate(QDateTime(QDate(2026, 2, 10), QTime(16, 30), Qt::UTC));
    QCOMPARE(d, QDate(2026, 2, 11));
    QCOMPARE(cstDate(QDateTime(QDate(2026, 2, 10), QTime(15, 59), Qt::UTC)), QDate(2026, 2, 10));
    const auto r = caseDueDates(d, 5, 20, m_cal);
    QVERIFY(r.ok());
    QCOMPARE(r->promised, QDate(2026, 2, 25));
    QCOMPARE(r->legal, QDate(2026, 3, 17));
    QVERIFY(!r->provisional);
    const auto late = caseDueDates(QDate(2026, 12, 10), 5, 20, m_cal); // legal due in provisional 2027
    QVERIFY(late.ok());
    QCOMPARE(late->promised, QDate(2026, 12, 17));
    QVERIFY(late->provisional);
    const auto missing = caseDueDates(QDate(2027, 12, 1), 5, 30, m_cal);
    QVERIFY(!missing.ok());
    QCOMPARE(missingCalendarYear(missing.error()), std::optional<int>(2028));
}

QTEST_GUILESS_MAIN(TestDueDate)
#include "tst_duedate.moc"
