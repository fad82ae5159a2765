// CaseRepository: every statement the board, My cases and the board's triggers run is an index search (no
// scan of cases, whose table reaches a million rows in a big hall; the board reads board_cases), and the
// suspensions a case's card uses: the platform's list plus ranges from the case's own suspended/resumed
// events that the list does not hold yet.
#include <windowdesk/cases/caserepository.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/database.h>

#include <QRegularExpression>
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
        const QString all = plans->join(u'\n');
        QVERIFY(plans->size() >= 11);
        for (const QString &line : plans.value()) {
            const QString name = line.section(u": "_s, 0, 0);
            const QString detail = line.section(u": "_s, 1);
            // Nothing is read whole but the few red follow-ups (only red cases get one) and a trigger's
            // one constant row: not cases, not the board's table, not items, suspensions or events.
            if (detail.startsWith(u"SCAN "_s))
                QVERIFY2((name == u"followups"_s && detail.startsWith(u"SCAN card_followups"_s)) ||
                             detail == u"SCAN CONSTANT ROW"_s,
                         qPrintable(line));
            // The board (hall, window, refresh) reads board_cases, never cases.
            if (name.startsWith(u"hall "_s) || name.startsWith(u"window "_s) ||
                name.startsWith(u"refresh "_s))
                QVERIFY2(!detail.contains(QRegularExpression(u"(SEARCH|SCAN) c |\\bcases_"_s)),
                         qPrintable(line));
        }
        // The hall's board is one range of board_cases (stored oldest decision first), one window's through
        // its index, a refresh through local_id; the department through service_items' key.
        QVERIFY2(plans->contains(u"hall cases: SEARCH f USING PRIMARY KEY (created_at<?)"_s),
                 qPrintable(all));
        QVERIFY2(
            plans->contains(
                u"hall cases: SEARCH s USING INDEX sqlite_autoindex_service_items_1 (code=? AND version=?) "
                u"LEFT-JOIN"_s),
            qPrintable(all));
        QVERIFY2(
            plans->contains(
                u"window cases: SEARCH f USING INDEX board_cases_window (window_no=? AND created_at<?)"_s),
            qPrintable(all));
        QVERIFY2(
            plans->filter(u"refresh cases: SEARCH f USING INDEX sqlite_autoindex_board_cases_1 (local_id=?"_s)
                    .size() == 1,
            qPrintable(all));
        // Suspensions only of the cases flagged as having any, each through its case's index entries.
        for (const QString &what : {u"suspensions"_s, u"events"_s})
            QVERIFY2(plans->contains(u"hall %1: SEARCH f USING COVERING INDEX board_cases_suspended "
                                     u"(has_suspensions=? AND created_at<?)"_s.arg(what)),
                     qPrintable(all));
        QVERIFY2(
            plans->contains(
                u"hall suspensions: SEARCH s USING COVERING INDEX case_suspensions_case (case_local_id=?)"_s),
            qPrintable(all));
        QVERIFY2(
            plans->contains(u"hall events: SEARCH e USING INDEX case_events_suspension (case_local_id=?)"_s),
            qPrintable(all));
        // My cases' facts (a clerk's few cases, by id) from the base tables, by primary key.
        QVERIFY2(
            plans->contains(u"facts cases: SEARCH c USING INDEX sqlite_autoindex_cases_1 (local_id=?)"_s),
            qPrintable(all));
        // Every statement of every trigger that keeps board_cases is explained, and each one finds its rows
        // by key: they run on each write of a case, an item, a suspension or a suspension event.
        for (const QString &trigger :
             {u"board_cases_case_insert"_s, u"board_cases_case_update"_s, u"board_cases_case_move"_s,
              u"board_cases_case_delete"_s, u"board_cases_item_insert"_s, u"board_cases_item_update"_s,
              u"board_cases_item_delete"_s, u"board_cases_suspension_insert"_s,
              u"board_cases_suspension_update"_s, u"board_cases_suspension_delete"_s,
              u"board_cases_event_insert"_s, u"board_cases_event_update"_s, u"board_cases_event_delete"_s}) {
            const QStringList lines = plans->filter(u"trigger %1 #"_s.arg(trigger));
            QVERIFY2(!lines.isEmpty(), qPrintable(trigger));
            QVERIFY2(!lines.filter(u"SEARCH board_cases USING"_s).isEmpty(), qPrintable(lines.join(u'\n')));
        }
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
