// 好差评 levels and the rectification deadline of a 差评.
#include "testcalendars.h"

#include <windowdesk/core/evaluation.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestEvaluation : public QObject {
    Q_OBJECT
private slots:
    void levels_data();
    void levels();
    void reasons_data();
    void reasons();
    void rectificationDeadline_data();
    void rectificationDeadline();
    void rectificationNeedsCalendar();
};

void TestEvaluation::levels_data() {
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("negative");
    QTest::addRow("5") << 5 << u"非常满意"_s << false;
    QTest::addRow("4") << 4 << u"满意"_s << false;
    QTest::addRow("3") << 3 << u"基本满意"_s << false;
    QTest::addRow("2") << 2 << u"不满意"_s << true;
    QTest::addRow("1") << 1 << u"非常不满意"_s << true;
    QTest::addRow("0") << 0 << QString() << false;
    QTest::addRow("6") << 6 << QString() << false;
}

void TestEvaluation::levels() {
    QFETCH(int, level);
    QFETCH(QString, name);
    QFETCH(bool, negative);
    QCOMPARE(evaluationLevelName(level), name);
    QCOMPARE(isNegativeEvaluation(level), negative);
    QCOMPARE(isValidEvaluationLevel(level), !name.isEmpty());
}

void TestEvaluation::reasons_data() {
    QTest::addColumn<int>("level");
    QTest::addColumn<QStringList>("reasons");
    QTest::addColumn<QString>("error");
    QTest::addRow("5 without reason") << 5 << QStringList{} << QString();
    QTest::addRow("3 without reason") << 3 << QStringList{} << QString();
    QTest::addRow("2 without reason") << 2 << QStringList{} << u"reasons_required"_s;
    QTest::addRow("1 without reason") << 1 << QStringList{} << u"reasons_required"_s;
    QTest::addRow("1 blank reason") << 1 << QStringList{u"  "_s} << u"reasons_required"_s;
    QTest::addRow("2 with reason") << 2 << QStringList{u"等候时间长"_s} << QString();
    QTest::addRow("1 with reasons") << 1 << QStringList{u"态度差"_s, u"多次跑"_s} << QString();
    QTest::addRow("0 invalid") << 0 << QStringList{u"x"_s} << u"level_invalid"_s;
    QTest::addRow("6 invalid") << 6 << QStringList{} << u"level_invalid"_s;
}

void TestEvaluation::reasons() {
    QFETCH(int, level);
    QFETCH(QStringList, reasons);
    QFETCH(QString, error);
    const windowdesk::Status s = validateEvaluation(level, reasons);
    QCOMPARE(s.ok(), error.isEmpty());
    if (!s.ok()) {
        QCOMPARE(s.error().code, error);
        QVERIFY(!s.error().message.isEmpty());
    }
}

void TestEvaluation::rectificationDeadline_data() {
    QTest::addColumn<QDate>("evaluated");
    QTest::addColumn<int>("days");
    QTest::addColumn<QDate>("deadline");
    // Default 15 working days: Fri 03-06 → Fri 03-27.
    QTest::addRow("default 15") << QDate(2026, 3, 6) << -1 << QDate(2026, 3, 27);
    // Across National Day 2026: Wed 09-23 + 15 (Fri 09-25 中秋 off, 10-01..07 off, Sat 10-10 works) → Wed
    // 10-21.
    QTest::addRow("across National Day") << QDate(2026, 9, 23) << -1 << QDate(2026, 10, 21);
    QTest::addRow("hall setting 5") << QDate(2026, 3, 6) << 5 << QDate(2026, 3, 13);
}

void TestEvaluation::rectificationDeadline() {
    QFETCH(QDate, evaluated);
    QFETCH(int, days);
    QFETCH(QDate, deadline);
    const WorkingCalendar cal = shippedCalendar();
    const auto r = days < 0 ? windowdesk::core::rectificationDeadline(evaluated, cal)
                            : windowdesk::core::rectificationDeadline(evaluated, cal, days);
    QVERIFY(r.ok());
    QCOMPARE(r->date, deadline);
}

void TestEvaluation::rectificationNeedsCalendar() {
    const auto r = windowdesk::core::rectificationDeadline(QDate(2027, 12, 20), shippedCalendar());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, u"calendar_missing"_s);
}

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
