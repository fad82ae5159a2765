// Scoring policies of a paper's multiple-choice questions (issue 15): all_or_nothing, proportional (±1/n,
// floor 0), half_for_missed (漏选得一半); single and true/false always all or nothing.
#include <windowdesk/training/scoring.h>

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::training;

class TestScoring : public QObject {
    Q_OBJECT
private slots:
    void multiple_data() {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QList<int>>("chosen");
        QTest::addColumn<double>("expected");
        // Right options {0, 2, 3} of five, worth 6 points.
        const QList<int> exact{3, 0, 2};
        QTest::addRow("all exact") << u"all_or_nothing"_s << exact << 6.0;
        QTest::addRow("all missed one") << u"all_or_nothing"_s << QList<int>{0, 2} << 0.0;
        QTest::addRow("all one wrong extra") << u"all_or_nothing"_s << QList<int>{0, 1, 2, 3} << 0.0;
        QTest::addRow("all nothing") << u"all_or_nothing"_s << QList<int>{} << 0.0;
        QTest::addRow("prop exact") << u"proportional"_s << exact << 6.0;
        QTest::addRow("prop two of three") << u"proportional"_s << QList<int>{0, 3} << 4.0;
        QTest::addRow("prop three right one wrong") << u"proportional"_s << QList<int>{0, 1, 2, 3} << 4.0;
        QTest::addRow("prop one right one wrong") << u"proportional"_s << QList<int>{2, 4} << 0.0;
        QTest::addRow("prop floor at zero") << u"proportional"_s << QList<int>{0, 1, 4} << 0.0;
        QTest::addRow("prop repeats count once") << u"proportional"_s << QList<int>{0, 0, 0} << 2.0;
        QTest::addRow("half exact") << u"half_for_missed"_s << exact << 6.0;
        QTest::addRow("half missed one") << u"half_for_missed"_s << QList<int>{0, 2} << 3.0;
        QTest::addRow("half missed two") << u"half_for_missed"_s << QList<int>{3} << 3.0;
        QTest::addRow("half with a wrong one") << u"half_for_missed"_s << QList<int>{0, 2, 4} << 0.0;
        QTest::addRow("half nothing") << u"half_for_missed"_s << QList<int>{} << 0.0;
    }
    void multiple() {
        QFETCH(QString, policy);
        QFETCH(QList<int>, chosen);
        QFETCH(double, expected);
        const auto p = policyFromName(policy);
        QVERIFY(p);
        QCOMPARE(scoreAnswer(QuestionKind::Multiple, *p, {0, 2, 3}, chosen, 6.0), expected);
    }

    void singleAndTrueFalseIgnoreThePolicy() {
        for (const auto p :
             {MultiplePolicy::AllOrNothing, MultiplePolicy::Proportional, MultiplePolicy::HalfForMissed}) {
            QCOMPARE(scoreAnswer(QuestionKind::Single, p, {2}, {2}, 1.5), 1.5);
            QCOMPARE(scoreAnswer(QuestionKind::Single, p, {2}, {1}, 1.5), 0.0);
            QCOMPARE(scoreAnswer(QuestionKind::Single, p, {2}, {1, 2}, 1.5), 0.0);
            QCOMPARE(scoreAnswer(QuestionKind::TrueFalse, p, {1}, {1}, 2.0), 2.0);
            QCOMPARE(scoreAnswer(QuestionKind::TrueFalse, p, {1}, {0}, 2.0), 0.0);
        }
    }

    void shownPositionsMapThroughTheOptionsOrder() {
        // Shown order [2, 0, 1, 3]: the trainee's first and third shown options are stored 2 and 1.
        QCOMPARE(shownToStored({2, 0, 1, 3}, {0, 2}), (QList<int>{1, 2}));
        QCOMPARE(shownToStored({2, 0, 1, 3}, {7, -1}), QList<int>{});
    }

    void attemptHashShowsAnEdit() {
        const QJsonArray answers{QJsonArray{0, 2}, QJsonArray{1}};
        const QString h =
            attemptHash(u"p-1"_s, u"张三"_s, answers, 87.5, 100, 312, u"2026-03-01T02:00:00Z"_s);
        QCOMPARE(h.size(), 64);
        QCOMPARE(attemptHash(u"p-1"_s, u"张三"_s, answers, 87.5, 100, 312, u"2026-03-01T02:00:00Z"_s), h);
        QVERIFY(attemptHash(u"p-1"_s, u"张三"_s, answers, 97.5, 100, 312, u"2026-03-01T02:00:00Z"_s) != h);
        QVERIFY(attemptHash(u"p-1"_s, u"张三"_s, QJsonArray{QJsonArray{0, 2}, QJsonArray{0}}, 87.5, 100, 312,
                            u"2026-03-01T02:00:00Z"_s) != h);
        QVERIFY(attemptHash(u"p-1"_s, u"李四"_s, answers, 87.5, 100, 312, u"2026-03-01T02:00:00Z"_s) != h);
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
