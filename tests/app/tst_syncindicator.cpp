// The status bar's sync indicator against the real simulator process: pending writes and their age are
// visible before a sync, a platform login from the indicator's flow lets the sync run, and afterwards the
// clerk sees online, nothing pending and the time of the last success.
#include "syncindicator.h"
#include "synctestsupport.h"

#include <windowdesk/sync/syncservice.h>

#include <QApplication>
#include <QSignalSpy>
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

        sync::SyncService service(*client.db, SystemClock::instance(), client.config, QString());
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
};

QTEST_MAIN(TestSyncIndicator)
#include "tst_syncindicator.moc"
