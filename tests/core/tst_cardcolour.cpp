// Card colours (预警/黄牌/红牌) at a moment in China Standard Time: the last minute before and the first
// minute of each colour, across weekends, holidays, 调休 days and suspensions; the two worked examples of the
// issue.
#include "testcalendars.h"

#include <windowdesk/core/cardcolour.h>
#include <windowdesk/core/clock.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::core;

using SuspensionList = QList<Suspension>;
Q_DECLARE_METATYPE(SuspensionList)

namespace {

struct Scenario {
    QDate accepted;
    int p = 5;
    int l = 20;
    int k = 5;
    SuspensionList suspensions;
    QString status = u"accepted"_s;
};

QDateTime cst(const QDate &d, int h, int m) {
    return QDateTime(d, QTime(h, m), Clock::chinaStandardTime());
}

} // namespace

class TestCardColour : public QObject {
    Q_OBJECT
private slots:
    void boundaries_data();
    void boundaries();
    void workedExampleMarch();
    void workedExampleSpringFestival();
    void utcMomentsAreJudgedInCst();
    void finishedStatusesHaveNoCard_data();
    void finishedStatusesHaveNoCard();
    void openSuspensionKeepsDatesMoving();
    void openSuspensionAfterMomentIgnored();
    void missingCalendar();
    void provisionalFlag();
    void platformDatesReplaceComputed();
    void names();

private:
    void addBoundary(const char *name, const Scenario &s, const QDate &firstDay, const QString &before,
                     const QString &after);
    const WorkingCalendar m_cal = shippedCalendar();
};

void TestCardColour::addBoundary(const char *name, const Scenario &s, const QDate &firstDay,
                                 const QString &before, const QString &after) {
    QTest::addRow("%s: last minute %s", name, qPrintable(before))
        << s.accepted << s.p << s.l << s.k << s.suspensions << s.status << cst(firstDay.addDays(-1), 23, 59)
        << before;
    QTest::addRow("%s: first minute %s", name, qPrintable(after))
        << s.accepted << s.p << s.l << s.k << s.suspensions << s.status << cst(firstDay, 0, 0) << after;
}

void TestCardColour::boundaries_data() {
    QTest::addColumn<QDate>("accepted");
    QTest::addColumn<int>("p");
    QTest::addColumn<int>("l");
    QTest::addColumn<int>("k");
    QTest::addColumn<SuspensionList>("suspensions");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("colour");

    // Issue example 1: Fri 03-06, p = 5 → P = Fri 03-13; yellow over the weekend; red on the 6th working day.
    Scenario march{QDate(2026, 3, 6)};
    addBoundary("march warning", march, QDate(2026, 3, 12), u"normal"_s, u"warning"_s);
    addBoundary("march yellow on Saturday", march, QDate(2026, 3, 14), u"warning"_s, u"yellow"_s);
    addBoundary("march red", march, QDate(2026, 3, 23), u"yellow"_s, u"red"_s);

    // Issue example 2 across the Spring Festival: warning from Sun 02-15, yellow 02-26, red 03-04 (Sat 02-28
    // counts).
    Scenario spring{QDate(2026, 2, 11)};
    addBoundary("spring warning during the break", spring, QDate(2026, 2, 15), u"normal"_s, u"warning"_s);
    addBoundary("spring yellow", spring, QDate(2026, 2, 26), u"warning"_s, u"yellow"_s);
    addBoundary("spring red", spring, QDate(2026, 3, 4), u"yellow"_s, u"red"_s);

    // The legal due date comes before K+1 working days of yellow: red from the day after L (Tue 03-17).
    Scenario legalFirst{QDate(2026, 3, 6), 5, 6};
    addBoundary("legal first red", legalFirst, QDate(2026, 3, 17), u"yellow"_s, u"red"_s);

    // K per hall.
    Scenario k0{QDate(2026, 3, 6), 5, 20, 0};
    addBoundary("K=0 red on first working day after P", k0, QDate(2026, 3, 16), u"yellow"_s, u"red"_s);
    Scenario k2{QDate(2026, 3, 6), 5, 20, 2};
    addBoundary("K=2 red", k2, QDate(2026, 3, 18), u"yellow"_s, u"red"_s);

    // 即办件 p = 0: no warning day; with l = 0 red the day after D.
    Scenario instant{QDate(2026, 3, 6), 0, 0};
    addBoundary("p=0 l=0 red next day", instant, QDate(2026, 3, 7), u"normal"_s, u"red"_s);
    Scenario instantL3{QDate(2026, 3, 6), 0, 3};
    addBoundary("p=0 yellow next day", instantL3, QDate(2026, 3, 7), u"normal"_s, u"yellow"_s);
    addBoundary("p=0 red after L", instantL3, QDate(2026, 3, 12), u"yellow"_s, u"red"_s);

    // p = 1: ⌈1/3⌉ = 1, so the warning starts right after the last working day before P (here on Saturday).
    Scenario one{QDate(2026, 3, 6), 1, 10};
    addBoundary("p=1 warning from Saturday", one, QDate(2026, 3, 7), u"normal"_s, u"warning"_s);
    addBoundary("p=1 yellow", one, QDate(2026, 3, 10), u"warning"_s, u"yellow"_s);
    // p = 3: ⌈3/3⌉ = 1: only P itself is a warning day.
    Scenario three{QDate(2026, 3, 6), 3, 10};
    addBoundary("p=3 warning on P only", three, QDate(2026, 3, 11), u"normal"_s, u"warning"_s);
    addBoundary("p=3 yellow", three, QDate(2026, 3, 12), u"warning"_s, u"yellow"_s);

    // National Day 2026: accepted Thu 09-24, p = 10 → P = Thu 10-15 (10-10 调休 Sat counts); left(Sun 10-11)
    // = 4.
    Scenario national{QDate(2026, 9, 24), 10, 20};
    addBoundary("National Day warning on Sunday", national, QDate(2026, 10, 11), u"normal"_s, u"warning"_s);
    addBoundary("National Day yellow", national, QDate(2026, 10, 16), u"warning"_s, u"yellow"_s);
    addBoundary("National Day red", national, QDate(2026, 10, 23), u"yellow"_s, u"red"_s);

    // A closed suspension before P moves P to Tue 03-17 and the warning to Sat 03-14 (left = Mon, Tue).
    Scenario suspendedEarly{QDate(2026, 3, 6), 5, 20, 5, {{QDate(2026, 3, 10), QDate(2026, 3, 12)}}};
    addBoundary("suspension before P warning", suspendedEarly, QDate(2026, 3, 14), u"normal"_s, u"warning"_s);
    addBoundary("suspension before P yellow", suspendedEarly, QDate(2026, 3, 18), u"warning"_s, u"yellow"_s);
    addBoundary("suspension before P red", suspendedEarly, QDate(2026, 3, 25), u"yellow"_s, u"red"_s);

    // A suspension while yellow: its working days do not count towards K; red moves from 03-23 to Thu 03-26.
    Scenario suspendedYellow{QDate(2026, 3, 6), 5, 20, 5, {{QDate(2026, 3, 16), QDate(2026, 3, 19)}}};
    addBoundary("suspension in yellow still yellow", suspendedYellow, QDate(2026, 3, 14), u"warning"_s,
                u"yellow"_s);
    addBoundary("suspension in yellow red later", suspendedYellow, QDate(2026, 3, 26), u"yellow"_s, u"red"_s);

    // A suspension spanning the Spring Festival: accepted Wed 02-11, suspended [02-13, 02-26) → P = Mon
    // 03-02.
    Scenario springSuspended{QDate(2026, 2, 11), 5, 20, 5, {{QDate(2026, 2, 13), QDate(2026, 2, 26)}}};
    addBoundary("suspension over Spring Festival warning", springSuspended, QDate(2026, 2, 28), u"normal"_s,
                u"warning"_s);
    addBoundary("suspension over Spring Festival yellow", springSuspended, QDate(2026, 3, 3), u"warning"_s,
                u"yellow"_s);
}

void TestCardColour::boundaries() {
    QFETCH(QDate, accepted);
    QFETCH(int, p);
    QFETCH(int, l);
    QFETCH(int, k);
    QFETCH(SuspensionList, suspensions);
    QFETCH(QString, status);
    QFETCH(QDateTime, at);
    QFETCH(QString, colour);
    CardInput in;
    in.acceptedDate = accepted;
    in.promisedDays = p;
    in.legalDays = l;
    in.status = status;
    in.suspensions = suspensions;
    const auto card = evaluateCard(in, at, m_cal, CardSettings{k});
    QVERIFY2(card.ok(), card.ok() ? "" : qPrintable(card.error().message));
    QCOMPARE(cardColourName(card->colour), colour);
    QCOMPARE(card->provisional, false);
    bool inSuspension = false;
    for (const Suspension &s : suspensions)
        inSuspension = inSuspension || s.contains(at.date());
    QCOMPARE(card->suspended, inSuspension);
}

void TestCardColour::workedExampleMarch() {
    CardInput in{QDate(2026, 3, 6), 5, 20};
    const auto card = evaluateCard(in, cst(QDate(2026, 3, 11), 12, 0), m_cal);
    QVERIFY(card.ok());
    QCOMPARE(card->promisedDue, QDate(2026, 3, 13));
    QCOMPARE(card->legalDue, QDate(2026, 4, 3));
    QCOMPARE(card->redFrom, QDate(2026, 3, 23));
    QCOMPARE(card->colour, CardColour::Normal); // left(Wed 11) = 3 > 2
}

void TestCardColour::workedExampleSpringFestival() {
    CardInput in{QDate(2026, 2, 11), 5, 20};
    const auto card = evaluateCard(in, cst(QDate(2026, 2, 15), 9, 0), m_cal);
    QVERIFY(card.ok());
    QCOMPARE(card->promisedDue, QDate(2026, 2, 25));
    QCOMPARE(card->legalDue, QDate(2026, 3, 17));
    QCOMPARE(card->redFrom, QDate(2026, 3, 4));
    QCOMPARE(card->colour, CardColour::Warning);
}

void TestCardColour::utcMomentsAreJudgedInCst() {
    CardInput in{QDate(2026, 3, 6), 5, 20};
    // 2026-03-11 15:59 UTC is 23:59 CST on Wed 11 (normal); 16:00 UTC is Thu 12 00:00 CST (warning).
    const auto before = evaluateCard(in, QDateTime(QDate(2026, 3, 11), QTime(15, 59), Qt::UTC), m_cal);
    const auto after = evaluateCard(in, QDateTime(QDate(2026, 3, 11), QTime(16, 0), Qt::UTC), m_cal);
    QVERIFY(before.ok() && after.ok());
    QCOMPARE(before->colour, CardColour::Normal);
    QCOMPARE(after->colour, CardColour::Warning);
}

void TestCardColour::finishedStatusesHaveNoCard_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("colour");
    for (const QString &s :
         {u"completed"_s, u"delivered"_s, u"rejected"_s, u"withdrawn"_s, u"correction_required"_s})
        QTest::addRow("%s", qPrintable(s)) << s << u"none"_s;
    QTest::addRow("accepted") << u"accepted"_s << u"red"_s;
    QTest::addRow("in_progress") << u"in_progress"_s << u"red"_s;
}

void TestCardColour::finishedStatusesHaveNoCard() {
    QFETCH(QString, status);
    QFETCH(QString, colour);
    CardInput in{QDate(2026, 3, 6), 5, 20, status};
    const auto card = evaluateCard(in, cst(QDate(2026, 5, 1), 10, 0), m_cal);
    QVERIFY(card.ok());
    QCOMPARE(cardColourName(card->colour), colour);
    QCOMPARE(card->promisedDue, QDate(2026, 3, 13)); // due dates are given in every case
    QCOMPARE(card->legalDue, QDate(2026, 4, 3));
}

void TestCardColour::openSuspensionKeepsDatesMoving() {
    // Accepted Fri 03-06, p = 5, suspended since Tue 03-10 and still open.
    CardInput in{QDate(2026, 3, 6), 5, 20, u"suspended"_s, {{QDate(2026, 3, 10), QDate()}}};
    const auto wed = evaluateCard(in, cst(QDate(2026, 3, 11), 10, 0), m_cal);
    const auto fri = evaluateCard(in, cst(QDate(2026, 3, 20), 10, 0), m_cal);
    QVERIFY(wed.ok() && fri.ok());
    // Counts as ending the day after t: on Wed 11, P = Mon 09 + Thu 12, Fri 13, Mon 16, Tue 17.
    QCOMPARE(wed->promisedDue, QDate(2026, 3, 17));
    QCOMPARE(fri->promisedDue, QDate(2026, 3, 26));
    QVERIFY(wed->suspended && fri->suspended);
    // Still four working days left after the suspension: the colour never moves on while it lasts.
    QCOMPARE(wed->colour, CardColour::Normal);
    QCOMPARE(fri->colour, CardColour::Normal);
    // A case suspended while yellow stays yellow: suspended working days do not count towards K.
    CardInput yellow{QDate(2026, 3, 6), 5, 20, u"suspended"_s, {{QDate(2026, 3, 16), QDate()}}};
    const auto late = evaluateCard(yellow, cst(QDate(2026, 4, 30), 10, 0), m_cal);
    QVERIFY(late.ok());
    QCOMPARE(late->colour, CardColour::Yellow);
    QCOMPARE(late->promisedDue, QDate(2026, 3, 13));
    QVERIFY(late->suspended);
    // The legal due date moves too, so L does not turn it red either.
    QVERIFY(late->legalDue > QDate(2026, 4, 30));
}

void TestCardColour::openSuspensionAfterMomentIgnored() {
    CardInput in{QDate(2026, 3, 6), 5, 20, u"accepted"_s, {{QDate(2026, 3, 20), QDate()}}};
    const auto card = evaluateCard(in, cst(QDate(2026, 3, 12), 10, 0), m_cal);
    QVERIFY(card.ok());
    QVERIFY(!card->suspended);
    QCOMPARE(card->colour, CardColour::Warning);
    QCOMPARE(card->promisedDue, QDate(2026, 3, 13));
}

void TestCardColour::missingCalendar() {
    // 2027-12-20 + 20 working days needs 2028.
    CardInput in{QDate(2027, 12, 20), 5, 20};
    const auto card = evaluateCard(in, cst(QDate(2027, 12, 21), 10, 0), m_cal);
    QVERIFY(!card.ok());
    QCOMPARE(card.error().code, u"calendar_missing"_s);
    QCOMPARE(missingCalendarYear(card.error()), std::optional<int>(2028));
    // The red count after P needs the calendar too: P and L in 2027, the K+1 days after P in 2028.
    CardInput small{QDate(2027, 12, 20), 5, 5};
    const auto card2 = evaluateCard(small, cst(QDate(2027, 12, 21), 10, 0), m_cal);
    QVERIFY(!card2.ok());
    QCOMPARE(missingCalendarYear(card2.error()), std::optional<int>(2028));
    // An open suspension needs the calendars through the date of t.
    CardInput open{QDate(2027, 12, 1), 1, 1, u"suspended"_s, {{QDate(2027, 12, 10), QDate()}}};
    const auto card3 = evaluateCard(open, cst(QDate(2028, 1, 3), 10, 0), m_cal);
    QVERIFY(!card3.ok());
    QCOMPARE(missingCalendarYear(card3.error()), std::optional<int>(2028));
}

void TestCardColour::provisionalFlag() {
    CardInput in{QDate(2026, 12, 10), 5, 20}; // legal due in January 2027 (provisional)
    const auto card = evaluateCard(in, cst(QDate(2026, 12, 11), 10, 0), m_cal);
    QVERIFY(card.ok());
    QVERIFY(card->provisional);
    CardInput inside{QDate(2026, 11, 2), 5, 10}; // everything inside 2026, red count included
    const auto card2 = evaluateCard(inside, cst(QDate(2026, 11, 3), 10, 0), m_cal);
    QVERIFY(card2.ok());
    QVERIFY(!card2->provisional);
}

void TestCardColour::platformDatesReplaceComputed() {
    CardInput in{QDate(2026, 3, 6), 5, 20};
    in.platformPromisedDue = QDate(2026, 3, 20);
    in.platformLegalDue = QDate(2026, 3, 27);
    const auto card = evaluateCard(in, cst(QDate(2026, 3, 21), 10, 0), m_cal);
    QVERIFY(card.ok());
    QCOMPARE(card->promisedDue, QDate(2026, 3, 20));
    QCOMPARE(card->legalDue, QDate(2026, 3, 27));
    QCOMPARE(card->colour, CardColour::Yellow);
    const auto red = evaluateCard(in, cst(QDate(2026, 3, 28), 0, 0), m_cal);
    QCOMPARE(red->colour, CardColour::Red);
}

void TestCardColour::names() {
    QCOMPARE(cardColourLabel(CardColour::Warning), u"预警"_s);
    QCOMPARE(cardColourLabel(CardColour::Yellow), u"黄牌"_s);
    QCOMPARE(cardColourLabel(CardColour::Red), u"红牌"_s);
    for (CardColour c :
         {CardColour::None, CardColour::Normal, CardColour::Warning, CardColour::Yellow, CardColour::Red})
        QCOMPARE(cardColourFromName(cardColourName(c)), std::optional<CardColour>(c));
    QVERIFY(!cardColourFromName(u"green").has_value());
}

QTEST_GUILESS_MAIN(TestCardColour)
#include "tst_cardcolour.moc"
