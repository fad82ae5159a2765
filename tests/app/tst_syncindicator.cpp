// The status bar's sync indicator against the real simulator process: pending writes and their age are
// visible before a sync, a platform login from the indicator's flow lets the sync run, and afterwards the
// clerk sees online, nothing pending and the time of the last success.
#include "syncindicator.h"
#include "synctestsupport.h"

#include <windowdesk/sync/syncservice.h>

#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/outboxrepository.h>

#include <QApplication>
#include <QDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

class TestSyncIndicator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsPendingThenSyncedAfterLogin() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        QCOMPARE(client.seed(3), 3);

        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000); // only the runs this test asks for
        app::SyncIndicator indicator(service, kUser);
        QVERIFY(service.status()->refresh().ok());
        QVERIFY2(indicator.stateText().contains(u"3 write(s) pending"_s), qPrintable(indicator.stateText()));

        QSignalSpy loggedIn(&service, &sync::SyncService::loginFinished);
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.login(kUser, kPassword);
        QVERIFY(loggedIn.wait(30000));
        const auto outcome = loggedIn.first().first().value<sync::LoginOutcome>();
        QVERIFY2(outcome.status.ok(),
                 qPrintable(outcome.status.ok() ? QString() : outcome.status.error().message));
        // The indicator starts a sync after a successful login.
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 1, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(indicator.stateText().contains(u"nothing pending"_s), 10000);
        QVERIFY2(indicator.stateText().startsWith(u"Online"_s), qPrintable(indicator.stateText()));
        QVERIFY2(indicator.stateText().contains(u"last sync"_s), qPrintable(indicator.stateText()));
        QCOMPARE(client.scalar(u"SELECT COUNT(*) FROM outbox WHERE state <> 'done'"_s), 0);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 3);
    }

    void longPullShowsAProgressBar() {
        Sim sim;
        QVERIFY(sim.start({u"--catalog-size"_s, u"6000"_s, u"--faults"_s, u"delay-ms=150"_s}));
        Client client;
        QVERIFY(client.open(sim));
        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000);
        QWidget bar;
        app::SyncIndicator indicator(service, kUser, &bar);
        bar.show();
        QProgressBar *progress = indicator.progressBar();
        QVERIFY(progress && progress->isHidden());
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.login(kUser, kPassword); // a sync with the whole catalog follows
        QTRY_VERIFY_WITH_TIMEOUT(!progress->isHidden(), 30000);
        QVERIFY2(progress->format().contains(u"catalog_items"_s) ||
                     progress->format().contains(u"bundles"_s) || progress->format().contains(u"changes"_s),
                 qPrintable(progress->format()));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QVERIFY(progress->isHidden());
        QVERIFY(client.scalar(u"SELECT count(*) FROM service_items WHERE is_current = 1"_s) >= 6000);
    }

    void attentionListShowsTheServersMessageAndRetries() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        QCOMPARE(client.seed(1), 1);
        // A second case the platform refuses (an item it does not know): 422 with its field message.
        const QString good = client.text(u"SELECT local_id FROM cases LIMIT 1"_s);
        QJsonObject body =
            QJsonDocument::fromJson(
                client.text(u"SELECT payload FROM outbox WHERE local_id = ?"_s, {good}).toUtf8())
                .object();
        const QString bad = QUuid::createUuid().toString(QUuid::WithoutBraces);
        body.insert(u"local_id"_s, bad);
        body.insert(u"item_codes"_s, QJsonArray{u"NO-SUCH-ITEM"_s});
        QVERIFY(
            client.db
                ->write([&]() -> Status {
                    if (Status s = client.db->exec(
                            uR"(INSERT INTO cases (local_id, applicant_kind, applicant_name, decision, status,
                                clerk_id, window_no, created_at, accepted_date, updated_at)
                                SELECT ?, applicant_kind, applicant_name, decision, status, clerk_id, window_no,
                                created_at, accepted_date, updated_at FROM cases WHERE local_id = ?)"_s,
                            {bad, good});
                        !s.ok())
                        return s;
                    auto r = storage::OutboxRepository(*client.db, SystemClock::instance())
                                 .enqueue({u"case"_s, bad, QString(), u"/cases"_s,
                                           QJsonDocument(body).toJson(QJsonDocument::Compact)});
                    return r.ok() ? Status() : Status(r.error());
                })
                .ok());

        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000);
        QWidget window;
        app::SyncIndicator indicator(service, kUser, &window);
        window.show();
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.login(kUser, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(indicator.stateText().contains(u"1 need(s) attention"_s), 10000);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 1); // the good one

        indicator.showAttentionList();
        QDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = window.findChild<QDialog *>(u"attentionDialog"_s)) != nullptr);
        auto *list = dlg->findChild<QListWidget *>(u"attentionList"_s);
        QVERIFY(list);
        QCOMPARE(list->count(), 1);
        const QString row = list->item(0)->text();
        QVERIFY2(row.contains(u"HTTP 422"_s) && row.contains(u"item_codes"_s), qPrintable(row));
        QVERIFY2(!row.contains(body.value(u"applicant"_s).toObject().value(u"id_number"_s).toString()) ||
                     body.value(u"applicant"_s).toObject().value(u"id_number"_s).toString().isEmpty(),
                 "no id number in the list");

        // Retry: the row goes back to the queue and a sync sends it again (the platform refuses it again).
        const int postsBefore = sim.stats().value(u"requests"_s).toObject().value(u"POST /cases"_s).toInt();
        finished.clear();
        list->setCurrentRow(0);
        auto *retry = dlg->findChild<QPushButton *>(u"attentionRetry"_s);
        QVERIFY(retry);
        QVERIFY(retry->isEnabled());
        // A 422 is corrected at the window or retried, never acknowledged away.
        QVERIFY(!dlg->findChild<QPushButton *>(u"attentionAcknowledge"_s)->isEnabled());
        retry->click();
        QCOMPARE(list->count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QCOMPARE(sim.stats().value(u"requests"_s).toObject().value(u"POST /cases"_s).toInt(),
                 postsBefore + 1);
        QCOMPARE(client.text(u"SELECT state FROM outbox WHERE local_id = ?"_s, {bad}), u"needs_attention"_s);
        QCOMPARE(sim.stats().value(u"cases"_s).toInt(), 1);
    }

    // A 409 state_conflict is the platform's final answer (sync-rules.md rule 4: take the server's case,
    // never overwrite): retrying gets the same answer, so the row would wait in the list for ever. The clerk
    // acknowledges it from the list by keys: archived as done (kept), audited, never sent again; a 422 cannot
    // be acknowledged this way.
    void finalAnswerIsAcknowledgedByKeysAndAudited() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        QCOMPARE(client.seed(4), 4);
        const QString caseId = client.text(
            u"SELECT local_id FROM cases WHERE decision = 'accepted' ORDER BY created_at DESC LIMIT 1"_s);
        QVERIFY(!caseId.isEmpty());
        auto enqueueEvent = [&](const QString &type) {
            QString op;
            (void)client.db->write([&]() -> Status {
                const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                Status s = client.db->exec(
                    u"INSERT INTO case_events (event_id, case_local_id, type, at, by_user) VALUES "
                    u"(?, ?, ?, '2026-03-06T02:00:00Z', 'u-1001')"_s,
                    {id, caseId, type});
                if (!s.ok())
                    return s;
                auto r = storage::OutboxRepository(*client.db, SystemClock::instance())
                             .enqueue({u"case_event"_s, id, caseId, u"/cases/{case_no}/events"_s,
                                       QJsonDocument(QJsonObject{{u"type"_s, type},
                                                                 {u"reason"_s, u"申请人撤回"_s},
                                                                 {u"at"_s, u"2026-03-06T02:00:00Z"_s}})
                                           .toJson(QJsonDocument::Compact)});
                op = r.ok() ? r.value() : QString();
                return {};
            });
            return op;
        };
        QVERIFY(!enqueueEvent(u"withdrawn"_s).isEmpty());
        const QString deliver = enqueueEvent(u"delivered"_s); // forbidden once withdrawn: 409 state_conflict
        QVERIFY(!deliver.isEmpty());

        storage::AuditLog audit(*client.db, SystemClock::instance(), nullptr);
        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000);
        QWidget window;
        app::SyncIndicator indicator(service, kUser, &window);
        indicator.setAuditor(&audit, u"u-1001"_s);
        window.show();
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.login(kUser, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(indicator.stateText().contains(u"1 need(s) attention"_s), 10000);
        QCOMPARE(client.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {deliver}), 409);
        const auto eventPosts = [&] {
            const QJsonObject requests = sim.stats().value(u"requests"_s).toObject();
            int n = 0;
            for (auto it = requests.begin(); it != requests.end(); ++it)
                if (it.key().startsWith(u"POST /cases/"_s) && it.key().endsWith(u"/events"_s))
                    n += it.value().toInt();
            return n;
        };
        const int postsBefore = eventPosts();
        QVERIFY(postsBefore >= 2);

        indicator.showAttentionList();
        QDialog *dlg = nullptr;
        QTRY_VERIFY((dlg = window.findChild<QDialog *>(u"attentionDialog"_s)) != nullptr && dlg->isVisible());
        auto *list = dlg->findChild<QListWidget *>(u"attentionList"_s);
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(u"HTTP 409"_s), qPrintable(list->item(0)->text()));
        QTRY_COMPARE(QApplication::focusWidget(), list); // the keys are on the list at once
        QCOMPARE(list->currentRow(), 0);
        // Retrying a final answer is pointless: only the acknowledgement is offered.
        QVERIFY(!dlg->findChild<QPushButton *>(u"attentionRetry"_s)->isEnabled());
        QVERIFY(dlg->findChild<QPushButton *>(u"attentionAcknowledge"_s)->isEnabled());
        finished.clear();
        QTest::keyClick(list, Qt::Key_A, Qt::AltModifier); // 以平台为准 / Accept the platform's answer
        QTRY_COMPARE(list->count(), 0);
        QVERIFY2(dlg->findChild<QLabel *>(u"attentionMessage"_s)->text().startsWith(u"Acknowledged"_s),
                 qPrintable(dlg->findChild<QLabel *>(u"attentionMessage"_s)->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 60000); // the run it asked for
        QTRY_VERIFY_WITH_TIMEOUT(!indicator.stateText().contains(u"attention"_s), 10000);

        // Archived, not deleted; recorded in the chain; never sent again.
        QCOMPARE(client.text(u"SELECT state FROM outbox WHERE op_id = ?"_s, {deliver}), u"done"_s);
        QCOMPARE(client.scalar(u"SELECT last_status FROM outbox WHERE op_id = ?"_s, {deliver}), 409);
        QCOMPARE(client.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'outbox_acknowledged' AND "
                               u"target = ? AND user_id = 'u-1001'"_s,
                               {deliver}),
                 1);
        auto verified = audit.verify();
        QVERIFY(verified.ok());
        QVERIFY2(verified->ok(), QJsonDocument(verified->recordsJson()).toJson().constData());
        QCOMPARE(eventPosts(), postsBefore);
        // The local data stays the server's (withdrawn) with both events kept.
        QCOMPARE(client.text(u"SELECT status FROM cases WHERE local_id = ?"_s, {caseId}), u"withdrawn"_s);
        // Acknowledging it again, or a row that is not a final answer, is refused and changes nothing.
        storage::OutboxRepository outbox(*client.db, SystemClock::instance());
        QCOMPARE(outbox.acknowledgeFinal(deliver, audit, u"u-1001"_s).error().code, u"not_final"_s);
        QCOMPARE(client.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'outbox_acknowledged'"_s), 1);
    }

    // Issue 11.10: once the platform stops, the next probe says offline (the GUI's runs stop at the first
    // answer that never arrives), and the state is not left saying online.
    void saysOfflineWithinTheProbeIntervalAfterThePlatformStops() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        constexpr int ProbeMs = 2000;
        service.setInterval(ProbeMs);
        service.setOfflineInterval(ProbeMs);
        app::SyncIndicator indicator(service, kUser);
        QSignalSpy finished(&service, &sync::SyncService::finished);
        service.login(kUser, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(indicator.stateText().startsWith(u"Online"_s), 30000);
        service.start(); // the probe timer, as the session starts it
        sim.stop();
        // One probe interval, plus the run itself (a refused connection ends it at once).
        QTRY_VERIFY2_WITH_TIMEOUT(indicator.stateText().startsWith(u"Offline"_s),
                                  qPrintable(indicator.stateText()), ProbeMs + 5000);
        QVERIFY2(indicator.toolTip().contains(u"connection_refused"_s) ||
                     indicator.toolTip().contains(u"拒绝连接"_s),
                 qPrintable(indicator.toolTip()));
    }

    // A write saved while offline is counted at once, not at the next sync run.
    void countsAWriteSavedOfflineAtOnce() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000); // no run but the first one during this test
        service.setOfflineInterval(3600 * 1000);
        app::SyncIndicator indicator(service, kUser);
        QSignalSpy finished(&service, &sync::SyncService::finished);
        sim.stop();
        service.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(indicator.stateText().contains(u"nothing pending"_s),
                                  qPrintable(indicator.stateText()), 5000);
        QCOMPARE(client.seed(1), 1); // the clerk saves a case while the platform is away
        QTRY_VERIFY2_WITH_TIMEOUT(indicator.stateText().contains(u"1 write(s) pending"_s),
                                  qPrintable(indicator.stateText()), 5000);
        QCOMPARE(finished.size(), 1); // counted without another run
    }

    // In a crowded status bar the state word stays whole: the rest of the line is cut at its end.
    void offlineIsNeverCutOff() {
        Sim sim;
        QVERIFY(sim.start({}));
        Client client;
        QVERIFY(client.open(sim));
        QCOMPARE(client.seed(3), 3);
        sync::SyncService service(*client.db, SystemClock::instance(), client.config);
        service.setInterval(3600 * 1000);
        QMainWindow window;
        window.resize(700, 400);
        auto *indicator = new app::SyncIndicator(service, kUser, &window);
        window.statusBar()->addWidget(indicator, 1);
        auto *notice =
            new QLabel(u"Offline login: the platform cannot be reached; data will sync once the link "
                       u"is back"_s,
                       &window);
        window.statusBar()->addPermanentWidget(notice);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(service.status()->refresh().ok());
        QTRY_VERIFY(indicator->stateText().contains(u"3 write(s) pending"_s));
        QVERIFY2(indicator->text().startsWith(u"Offline"_s), qPrintable(indicator->text()));
        QVERIFY2(indicator->fontMetrics().horizontalAdvance(indicator->text()) <=
                     indicator->contentsRect().width(),
                 qPrintable(u"%1 px of text in %2 px: %3"_s
                                .arg(indicator->fontMetrics().horizontalAdvance(indicator->text()))
                                .arg(indicator->contentsRect().width())
                                .arg(indicator->text())));
        // Narrower still: the state word stays.
        window.resize(420, 400);
        QTRY_VERIFY(indicator->width() < 300);
        QVERIFY2(indicator->text().startsWith(u"Offline"_s), qPrintable(indicator->text()));
        QVERIFY(indicator->fontMetrics().horizontalAdvance(indicator->text()) <=
                indicator->contentsRect().width());
    }
};

QTEST_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
