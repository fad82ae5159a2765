// The platform's training leaderboard (GET /training/leaderboard, platform-api.md 1.1) as the competition
// page reads it: entries that name a trainee with a real score and a whole, non-negative duration are taken
// in the platform's order; a body with any other entry is refused whole (bad_response, the page says the
// platform's answer is malformed) — never a row with "-5 秒" or an empty trainee. Found by fuzz_hall_duties.
#include <windowdesk/sync/trainingleaderboard.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestLeaderboardReader : public QObject {
    Q_OBJECT
private slots:
    void reads_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("entries"); // -1: refused
        QTest::addRow("two entries")
            << QByteArray(R"({"entries":[{"trainee_id":"u-1","name":"李娜","best_score":)"
                          R"(96.5,"best_duration_s":280},{"trainee_id":"u-2","name":"王芳",)"
                          R"("best_score":90,"best_duration_s":301}]})")
            << 2;
        QTest::addRow("no duration") << QByteArray(R"({"entries":[{"trainee_id":"u-1","best_score":80}]})")
                                     << 1;
        QTest::addRow("empty list") << QByteArray(R"({"entries":[]})") << 0;
        QTest::addRow("not an object") << QByteArray("[1,2]") << -1;
        QTest::addRow("no score") << QByteArray(R"({"entries":[{"trainee_id":"u-1"}]})") << -1;
        QTest::addRow("negative duration")
            << QByteArray(R"({"entries":[{"trainee_id":"u-1","best_score":80,"best_duration_s":-5}]})") << -1;
        QTest::addRow("fractional duration")
            << QByteArray(R"({"entries":[{"trainee_id":"u-1","best_score":80,"best_duration_s":2.5}]})")
            << -1;
        QTest::addRow("duration as text")
            << QByteArray(R"({"entries":[{"trainee_id":"u-1","best_score":80,"best_duration_s":"280"}]})")
            << -1;
        QTest::addRow("empty trainee")
            << QByteArray(R"({"entries":[{"trainee_id":"","best_score":80,"best_duration_s":5}]})") << -1;
        QTest::addRow("huge score") << QByteArray(R"({"entries":[{"trainee_id":"u-1","best_score":1e999}]})")
                                    << -1;
    }
    void reads() {
        QFETCH(QByteArray, body);
        QFETCH(int, entries);
        const auto read = sync::parseTrainingLeaderboard(body);
        if (entries < 0) {
            QVERIFY(!read.ok());
            QCOMPARE(read.error().code, u"bad_response"_s);
            return;
        }
        QVERIFY(read.ok());
        QCOMPARE(read->size(), entries);
        if (entries == 2) {
            QCOMPARE(read->at(0).traineeId, u"u-1"_s);
            QCOMPARE(read->at(0).bestDurationS, 280);
            QCOMPARE(read->at(1).bestScore, 90.0);
        }
    }
};

QTEST_GUILESS_MAIN(TestLeaderboardReader)
#include "tst_leaderboardreader.moc"
