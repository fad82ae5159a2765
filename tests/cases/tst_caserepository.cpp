// CaseRepository: every statement over cases is an index search (no scan of cases, whose table reaches a
// million rows in a big hall), and the suspensions a case's card uses: the platform's list plus ranges from
// the case's own suspended/resumed events that the list does not hold yet.
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

class TestCaseRepository : public QObject {
    Q_OBJECT
private slots:
    void noScanOfCases() {
        QTemporaryDir dir;
        auto db = storage::Database::open(dir.filePath(u"wd.db"_s));
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(u"ANALYZE"_s).ok());
        auto plans = cases::CaseRepository(*db.value()).explainPlans();
        QVERIFY2(plans.ok(), qPrintable(plans.ok() ? QString() : plans.error().message));
        QVERIFY(plans->size() >= 11);
        for (const QString &line : plans.value()) {
            const QString detail = line.section(u": "_s, 1);
            QVERIFY2(!detail.startsWith(u"SCAN c "_s) && detail != u"SCAN c"_s && !detail.startsWith(u"SCAN cases"_s),
                     qPrintable(line));
        }
        // The red follow-ups are read whole (only red cases get one), never joined over the cases.
        QVERIFY(plans->contains(u"followups: SCAN card_followups USING INDEX card_followups_case"_s) ||
                plans->contains(u"followups: SCAN card_followups"_s));
        // The hall's open cases come through the partial index of unfinished cases (about 2 % of a big
        // hall's history), one window's through its window variant, a refresh through the primary key.
        // (On this empty file the planner may prefer the status index for the hall; on a big hall's file
        // bench_board prints the partial index.)
        QVERIFY2(plans->contains(u"hall cases: SEARCH c USING INDEX cases_open_created (created_at<?)"_s) ||
                     plans->contains(u"hall cases: SEARCH c USING INDEX cases_status_due (status=?)"_s),
                 qPrintable(plans->join(u'\n')));
        // Suspension events through their own partial index, not the index of every event.
        QVERIFY2(plans->contains(
                     u"hall events: SEARCH e USING INDEX case_events_suspension (case_local_id=?)"_s),
                 qPrintable(plans->join(u'\n')));
        QVERIFY2(plans->contains(
                     u"window cases: SEARCH c USING INDEX cases_open_window (window_no=? AND created_at<?)"_s),
                 qPrintable(plans->join(u'\n')));
        QVERIFY2(plans->contains(u"refresh cases: SEARCH c USING INDEX sqlite_autoindex_cases_1 (local_id=?)"_s),
                 qPrintable(plans->join(u'\n')));
    }

    void mergeSuspensions_data() {
        QTest::addColumn<QList<core::Suspension>>("platform");
        QTest::addColumn<QStringList>("events"); // "type@at"
        QTest::addColumn<QList<core::Suspension>>("expected");
        const QDate d9(2026, 3, 9), d12(2026, 3, 12), d16(2026, 3, 16), d18(2026, 3, 18);
        QTest::addRow("platform only")
            << QList<core::Suspension>{{d9, d16}} << QStringList{} << QList<core::Suspension>{{d9, d16}};
        // 2026-03-11T17:00Z is 03-12 01:00 CST: the CST date counts.
        QTest::addRow("event, still open")
            << QList<core::Suspension>{} << QStringList{u"suspended@2026-03-11T17:00:00Z"_s}
            << QList<core::Suspension>{{d12, QDate()}};
        QTest::addRow("event, resumed")
            << QList<core::Suspension>{}
            << QStringList{u"suspended@2026-03-12T02:00:00Z"_s, u"resumed@2026-03-18T02:00:00Z"_s}
            << QList<core::Suspension>{{d12, d18}};
        QTest::addRow("event already in the platform's list")
            << QList<core::Suspension>{{d12, d16}}
            << QStringList{u"suspended@2026-03-12T02:00:00Z"_s, u"resumed@2026-03-18T02:00:00Z"_s}
            << QList<core::Suspension>{{d12, d16}};
        QTest::addRow("resumed without suspended, suspended twice")
            << QList<core::Suspension>{}
            << QStringList{u"resumed@2026-03-09T02:00:00Z"_s, u"suspended@2026-03-12T02:00:00Z"_s,
                           u"suspended@2026-03-16T02:00:00Z"_s, u"resumed@2026-03-18T02:00:00Z"_s}
            << QList<core::Suspension>{{d12, d18}};
    }

    void mergeSuspensions() {
        QFETCH(QList<core::Suspension>, platform);
        QFETCH(QStringList, events);
        QFETCH(QList<core::Suspension>, expected);
        QList<cases::SuspensionEvent> ev;
        for (const QString &e : events)
            ev.append({e.section(u'@', 0, 0), QDateTime::fromString(e.section(u'@', 1), Qt::ISODate)});
        const auto got = cases::mergeSuspensions(platform, ev);
        QCOMPARE(got.size(), expected.size());
        for (qsizetype i = 0; i < got.size(); ++i) {
            QCOMPARE(got[i].from, expected[i].from);
            QCOMPARE(got[i].to, expected[i].to);
        }
    }
};

QTEST_GUILESS_MAIN(TestCaseRepository)
#include "tst_caserepository.moc"
