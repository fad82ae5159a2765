// Calendars in the database: shipped official years on a new database, working days, replacing a year.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/calendarrepository.h>
#include <windowdesk/storage/database.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

class TestCalendarRepository : public QObject {
    Q_OBJECT
private slots:
    void newDatabaseHasOfficialYears();
    void workingDaysFollowTheOfficialCalendar_data();
    void workingDaysFollowTheOfficialCalendar();
    void storeReplacesOneYear();
    void shippedCalendarsDoNotOverwritePlatformYears();
};

namespace {
std::unique_ptr<Database> openDb(QTemporaryDir &tmp) {
    auto r = Database::open(tmp.filePath(u"cal.db"_s));
    return r.ok() ? std::move(r).value() : nullptr;
}
} // namespace

void TestCalendarRepository::newDatabaseHasOfficialYears() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    auto years = CalendarRepository(*db).loadAll();
    QVERIFY(years.ok());
    QCOMPARE(years->size(), 3);
    QCOMPARE(years->at(0).year, 2025);
    QVERIFY(!years->at(1).provisional);
    QVERIFY(years->at(2).provisional); // 2027 is provisional
    QVERIFY(years->at(1).holidays.contains(QDate(2026, 10, 1)));
    QVERIFY(years->at(1).workdays.contains(QDate(2026, 10, 10)));
    auto q = db->query(u"SELECT count(*) FROM calendars WHERE source = 'official'"_s);
    QVERIFY(q.ok() && q->next());
    QCOMPARE(q->value(0).toInt(), 3);
}

void TestCalendarRepository::workingDaysFollowTheOfficialCalendar_data() {
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("working");
    QTest::addRow("national day") << QDate(2026, 10, 1) << false;
    QTest::addRow("make-up saturday") << QDate(2026, 10, 10) << true;
    QTest::addRow("plain monday") << QDate(2026, 10, 12) << true;
    QTest::addRow("plain sunday") << QDate(2026, 10, 11) << false;
    QTest::addRow("spring festival 2025") << QDate(2025, 1, 29) << false;
}

void TestCalendarRepository::workingDaysFollowTheOfficialCalendar() {
    QFETCH(QDate, date);
    QFETCH(bool, working);
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    auto cal = CalendarRepository(*db).workingCalendar();
    QVERIFY(cal.ok());
    auto w = cal->isWorkingDay(date);
    QVERIFY(w.ok());
    QCOMPARE(w.value(), working);
    auto missing = cal->isWorkingDay(QDate(2028, 1, 3));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, u"calendar_missing"_s);
}

void TestCalendarRepository::storeReplacesOneYear() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    FixedClock clock(QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
    CalendarRepository repo(*db, clock);
    core::CalendarYear y;
    y.year = 2027;
    y.provisional = false;
    y.holidays = {QDate(2027, 2, 8), QDate(2027, 2, 9)};
    y.workdays = {QDate(2027, 2, 6)};
    QVERIFY(repo.store(y, u"platform"_s).ok());
    auto cal = repo.workingCalendar();
    QVERIFY(cal.ok());
    QVERIFY(!cal->isProvisional(2027));
    QCOMPARE(cal->isWorkingDay(QDate(2027, 2, 8)).value(), false);
    QCOMPARE(cal->isWorkingDay(QDate(2027, 2, 6)).value(), true);
    QCOMPARE(cal->isWorkingDay(QDate(2027, 10, 1)).value(),
             true); // the provisional list was replaced, not merged
    QCOMPARE(cal->isWorkingDay(QDate(2026, 10, 1)).value(), false); // other years untouched
    auto q = db->query(u"SELECT source, updated_at FROM calendars WHERE year = 2027"_s);
    QVERIFY(q.ok() && q->next());
    QCOMPARE(q->value(0).toString(), u"platform"_s);
    QCOMPARE(q->value(1).toString(), u"2026-12-01T00:00:00Z"_s);

    core::CalendarYear bad = y;
    bad.holidays.insert(QDate(2028, 1, 3));
    const Status st = repo.store(bad, u"file"_s);
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, u"calendar_invalid"_s);
    QCOMPARE(repo.workingCalendar()->isWorkingDay(QDate(2027, 2, 8)).value(), false); // unchanged
}

void TestCalendarRepository::shippedCalendarsDoNotOverwritePlatformYears() {
    QTemporaryDir tmp;
    auto db = openDb(tmp);
    QVERIFY(db);
    CalendarRepository repo(*db);
    core::CalendarYear y;
    y.year = 2026;
    y.holidays = {QDate(2026, 3, 2)};
    QVERIFY(repo.store(y, u"platform"_s).ok());
    QVERIFY(repo.loadShippedCalendars().ok());
    auto cal = repo.workingCalendar();
    QCOMPARE(cal->isWorkingDay(QDate(2026, 3, 2)).value(), false);
    QCOMPARE(cal->isWorkingDay(QDate(2026, 10, 1)).value(), true); // the platform's year stands
}

QTEST_GUILESS_MAIN(TestCalendarRepository)
#include "tst_calendarrepository.moc"
