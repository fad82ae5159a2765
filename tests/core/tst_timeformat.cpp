// Every time shown to a user is China Standard Time as yyyy-MM-dd HH:mm, whatever the value's time spec
// and the machine's time zone.
#include <windowdesk/core/timeformat.h>

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestTimeFormat : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { qputenv("TZ", "America/New_York"); } // a machine far from the hall
    void dateTime_data();
    void dateTime();
    void stored_data();
    void stored();
};

void TestTimeFormat::dateTime_data() {
    QTest::addColumn<QDateTime>("t");
    QTest::addColumn<QString>("shown");
    QTest::addRow("utc late evening is next day") << QDateTime(QDate(2026, 3, 2), QTime(23, 49), QTimeZone::utc())
                                                  << u"2026-03-03 07:49"_s;
    QTest::addRow("already cst") << QDateTime(QDate(2026, 3, 3), QTime(7, 49, 59), QTimeZone(8 * 3600))
                                 << u"2026-03-03 07:49"_s;
    QTest::addRow("other offset") << QDateTime(QDate(2026, 12, 31), QTime(11, 0), QTimeZone(-5 * 3600))
                                  << u"2027-01-01 00:00"_s;
    QTest::addRow("local time of the machine")
        << QDateTime(QDate(2026, 3, 2), QTime(23, 49), QTimeZone::utc()).toLocalTime() << u"2026-03-03 07:49"_s;
    QTest::addRow("invalid") << QDateTime() << QString();
}

void TestTimeFormat::dateTime() {
    QFETCH(QDateTime, t);
    QFETCH(QString, shown);
    QCOMPARE(displayTime(t), shown);
}

void TestTimeFormat::stored_data() {
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::addRow("iso Z") << u"2026-03-02T23:49:00Z"_s << u"2026-03-03 07:49"_s;
    QTest::addRow("iso Z ms") << u"2026-03-02T23:49:00.123Z"_s << u"2026-03-03 07:49"_s;
    QTest::addRow("iso offset") << u"2026-03-03T07:49:00+08:00"_s << u"2026-03-03 07:49"_s;
    QTest::addRow("sqlite utc") << u"2026-03-02 23:49:00"_s << u"2026-03-03 07:49"_s;
    QTest::addRow("iso without offset is utc") << u"2026-03-02T23:49:00"_s << u"2026-03-03 07:49"_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("not a time kept") << u"yesterday"_s << u"yesterday"_s;
}

void TestTimeFormat::stored() {
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QCOMPARE(displayTime(stored), shown);
}

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
