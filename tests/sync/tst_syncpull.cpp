// Pulls against the simulator process: every stream, cursors stored with their pages, demo data replaced,
// truncated or invalid answers change nothing, 410 restarts the stream, case changes update local cases.
#include "synctestsupport.h"

#include <windowdesk/storage/demohall.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

class TstSyncPull : public QObject {
    Q_OBJECT
private:
    Sim sim;
    QTemporaryDir logDir;
    int currentItems(Client &c) {
        return c.scalar(u"SELECT count(*) FROM service_items WHERE is_current = 1 AND deleted = 0"_s);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(sim.start({u"--catalog-size"_s, u"60"_s}, logDir.filePath(u"sim.log"_s))); }
    void cleanup() { QVERIFY(sim.setFaults(QString())); }

    void pullsEveryStreamAndReplacesTheDemoHall() {
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(storage::SettingsRepository(*c.db, SystemClock::instance())
                    .setValue(QString::fromLatin1(storage::settingkey::syncPageLimit), u"25"_s)
                    .ok());
        auto cfg = sync::loadSyncConfig(*c.db);
        QVERIFY(cfg.ok());
        c.config = cfg.value();
        QCOMPARE(c.config.pageLimit, 25);
        QVERIFY(storage::DemoHall::load(*c.db, SystemClock::instance()).ok());
        QVERIFY(c.scalar(u"SELECT count(*) FROM service_items WHERE source = 'demo'"_s) > 0);
        QVERIFY(c.scalar(u"SELECT count(*) FROM license_keys WHERE source = 'demo'"_s) > 0);
        const auto s = c.run(60, false, true);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        const QJsonObject st = sim.stats();
        QCOMPARE(s.items, st.value(u"catalog_items"_s).toInt());
        QCOMPARE(s.bundles, st.value(u"catalog_bundles"_s).toInt());
        // The demo hall's catalog and key are gone from the catalog; the platform's are there.
        QCOMPARE(
            c.scalar(
                u"SELECT count(*) FROM service_items WHERE source = 'demo' AND is_current = 1 AND deleted "
                u"= 0"_s),
            0);
        QCOMPARE(currentItems(c), st.value(u"catalog_items"_s).toInt());
        QCOMPARE(c.scalar(u"SELECT count(*) FROM license_keys WHERE source = 'demo'"_s), 0);
        QCOMPARE(c.text(u"SELECT kid FROM license_keys WHERE source = 'platform'"_s),
                 st.value(u"kid"_s).toString());
        const int year = SystemClock::instance().todayCst().year();
        QVERIFY(c.scalar(u"SELECT count(*) FROM calendars WHERE year = ?"_s, {year}) == 1);
        for (const QString &stream :
             {u"catalog_items"_s, u"catalog_bundles"_s, u"case_changes"_s, u"evaluation_changes"_s})
            QVERIFY2(!c.text(u"SELECT cursor FROM sync_cursors WHERE stream = ?"_s, {stream}).isEmpty(),
                     qPrintable(stream));
        // Incremental: a second pull brings only what changed.
        QVERIFY(sim.http("POST", u"/sim/catalog/update"_s, R"({"add": 3})").status == 200);
        const auto s2 = c.run(30, false, true);
        QVERIFY2(s2.success(), qPrintable(summaryText(s2)));
        QCOMPARE(s2.items, 3);
        QCOMPARE(currentItems(c), st.value(u"catalog_items"_s).toInt() + 3);
    }

    void truncatedOrInvalidAnswersChangeNothing_data() {
        QTest::addColumn<QString>("faults");
        QTest::addRow("truncated") << u"truncate=1"_s;
        QTest::addRow("dropped") << u"drop-after-commit=1"_s;
        QTest::addRow("unavailable") << u"http-503=1"_s;
    }
    void truncatedOrInvalidAnswersChangeNothing() {
        QFETCH(QString, faults);
        Client c;
        QVERIFY(c.open(sim));
        const auto first = c.run(30, false, true);
        QVERIFY(first.success());
        const QString cursor = c.text(u"SELECT cursor FROM sync_cursors WHERE stream = 'catalog_items'"_s);
        const int items = currentItems(c);
        QVERIFY(sim.http("POST", u"/sim/catalog/update"_s, R"({"add": 2})").status == 200);
        QVERIFY(
            sim.http("POST", u"/sim/catalog/delete"_s,
                     QJsonDocument(
                         QJsonObject{{u"codes"_s, QJsonArray{c.text(
                                                      u"SELECT code FROM service_items WHERE is_current = 1 "
                                                      u"ORDER BY code LIMIT 1"_s)}}})
                         .toJson(QJsonDocument::Compact))
                .status == 200);
        LoggedInEngine e;
        QVERIFY(e.login(c));
        QVERIFY(sim.setFaults(faults));
        const auto s = e.run(2, false, true);
        QVERIFY(!s.success());
        QCOMPARE(s.items, 0);
        QCOMPARE(c.text(u"SELECT cursor FROM sync_cursors WHERE stream = 'catalog_items'"_s), cursor);
        QCOMPARE(currentItems(c), items); // nothing added, nothing deleted
        QVERIFY(sim.setFaults(QString()));
        const auto s2 = e.run(30, false, true);
        QVERIFY2(s2.success(), qPrintable(summaryText(s2)));
        QCOMPARE(currentItems(c), items + 2 - 1);
    }

    void expiredCursorRestartsTheStreamAndReplacesTheCache() {
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(c.run(30, false, true).success());
        const int items = currentItems(c);
        // The platform forgets every cursor and, meanwhile, drops an item without telling us incrementally.
        const QString gone =
            c.text(u"SELECT code FROM service_items WHERE is_current = 1 AND deleted = 0 ORDER BY code "
                   u"DESC LIMIT 1"_s);
        QVERIFY(sim.http("POST", u"/sim/cursors/expire"_s).status == 200);
        // Simulate a record that vanished from the platform: our cache has an extra item the full pull won't
        // bring.
        (void)c.db->write([&] {
            return c.db->exec(
                u"INSERT INTO service_items (code, version, name, type, department, basis, service_object, "
                u"legal_time_limit_days, promised_time_limit_days, source) VALUES ('GONE-1', 1, '旧事项', "
                u"'行政许可', '某局', '某法', 'both', 1, 1, 'platform')"_s);
        });
        QCOMPARE(currentItems(c), items + 1);
        const auto s = c.run(60, false, true);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(s.items, items); // the whole stream again
        QCOMPARE(currentItems(c), items);
        QCOMPARE(c.scalar(u"SELECT deleted FROM service_items WHERE code = 'GONE-1'"_s), 1);
        QCOMPARE(c.scalar(u"SELECT deleted FROM service_items WHERE code = ? AND is_current = 1"_s, {gone}),
                 0);
    }

    void caseChangesUpdateLocalCases() {
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(c.run(30, false, true).success());
        QCOMPARE(c.seed(4), 4);
        QVERIFY(c.run(30).success());
        const int accepted = c.scalar(u"SELECT count(*) FROM cases WHERE status = 'accepted'"_s);
        QVERIFY(sim.http("POST", u"/sim/backoffice/step"_s).status == 200);
        const auto s = c.run(30, false, true);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QVERIFY(s.caseChanges >= accepted);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE status = 'accepted'"_s), 0);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases WHERE status IN ('in_progress','suspended')"_s),
                 accepted);
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases"_s), 4); // nothing deleted
        QVERIFY(c.scalar(u"SELECT min(remote_version) FROM cases WHERE status <> 'correction_required'"_s) >=
                1);
        // An expired case cursor restarts the stream but deletes nothing local.
        QVERIFY(sim.http("POST", u"/sim/cursors/expire"_s).status == 200);
        const auto s2 = c.run(30, false, true);
        QVERIFY2(s2.success(), qPrintable(summaryText(s2)));
        QCOMPARE(c.scalar(u"SELECT count(*) FROM cases"_s), 4);
    }

    void evaluationRectificationAndItsChanges() {
        Client c;
        QVERIFY(c.open(sim));
        QVERIFY(c.run(30, false, true).success());
        QCOMPARE(c.seed(1), 1);
        const QString caseId = c.text(u"SELECT local_id FROM cases LIMIT 1"_s);
        const QString evalId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        storage::OutboxRepository outbox(*c.db, SystemClock::instance());
        QVERIFY(c.db->write([&]() -> Status {
                        if (auto s = c.db->exec(
                                u"INSERT INTO evaluations (local_id, case_local_id, window_no, clerk_id, "
                                u"level, at, updated_at) VALUES (?, ?, 'A07', 'u-1001', 1, ?, ?)"_s,
                                {evalId, caseId, at, at});
                            !s.ok())
                            return s;
                        const QByteArray body =
                            QJsonDocument(QJsonObject{{u"local_id"_s, evalId},
                                                      {u"case_no"_s, QJsonValue(QJsonValue::Null)},
                                                      {u"case_local_id"_s, caseId},
                                                      {u"ticket_no"_s, QJsonValue(QJsonValue::Null)},
                                                      {u"window_no"_s, u"A07"_s},
                                                      {u"clerk_id"_s, u"u-1001"_s},
                                                      {u"level"_s, 1},
                                                      {u"reasons"_s, QJsonArray{u"态度差"_s}},
                                                      {u"comment"_s, u""_s},
                                                      {u"channel"_s, u"window_device"_s},
                                                      {u"at"_s, at}})
                                .toJson(QJsonDocument::Compact);
                        auto r = outbox.enqueue({u"evaluation"_s, evalId, caseId, u"/evaluations"_s, body});
                        if (!r.ok())
                            return r.error();
                        // The rectification waits for the evaluation's platform id.
                        if (auto s = c.db->exec(
                                u"INSERT INTO rectification_actions (action_id, evaluation_local_id, "
                                u"action, note, at, by_user) VALUES (?, ?, 'verified', '已核实', ?, "
                                u"'u-1002')"_s,
                                {QUuid::createUuid().toString(QUuid::WithoutBraces), evalId, at});
                            !s.ok())
                            return s;
                        auto r2 = outbox.enqueue({u"rectification"_s,
                                                  QUuid::createUuid().toString(QUuid::WithoutBraces), evalId,
                                                  u"/evaluations/{evaluation_id}/rectification"_s,
                                                  QJsonDocument(QJsonObject{{u"action"_s, u"verified"_s},
                                                                            {u"note"_s, u"已核实"_s},
                                                                            {u"at"_s, at}})
                                                      .toJson(QJsonDocument::Compact)});
                        return r2.ok() ? Status() : Status(r2.error());
                    })
                    .ok());
        const auto s = c.run(30);
        QVERIFY2(s.success(), qPrintable(summaryText(s)));
        QCOMPARE(s.pushed, 3); // case, evaluation, rectification (in that order)
        QVERIFY(!c.text(u"SELECT evaluation_id FROM evaluations WHERE local_id = ?"_s, {evalId}).isEmpty());
        QVERIFY(
            !c.text(u"SELECT rectification_due FROM evaluations WHERE local_id = ?"_s, {evalId}).isEmpty());
        // The platform's state and actions come back through the evaluation changes stream (a second pull: in
        // the first run the stream may have been read before the rectification was acknowledged).
        const auto p = c.run(30, false, true);
        QVERIFY2(p.success(), qPrintable(summaryText(p)));
        QVERIFY(s.evaluationChanges + p.evaluationChanges >= 1);
        QCOMPARE(c.text(u"SELECT state FROM evaluations WHERE local_id = ?"_s, {evalId}), u"verified"_s);
        QCOMPARE(
            c.scalar(u"SELECT count(*) FROM rectification_actions WHERE evaluation_local_id = ? AND source = "
                     u"'platform'"_s,
                     {evalId}),
            1);
        QVERIFY(c.scalar(u"SELECT remote_version FROM evaluations WHERE local_id = ?"_s, {evalId}) >= 2);
    }

    void cleanupTestCase() { sim.stop(); }
};

QTEST_GUILESS_MAIN(TstSyncPull)
#include "tst_syncpull.moc"
