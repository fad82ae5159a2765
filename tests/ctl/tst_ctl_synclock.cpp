// The sync lock belongs to the database file, not to the name it was reached by (issue 18 item 9), and a
// sync refused because another one runs reports the outbox as it stands (item 10): `pending` is the number of
// writes still waiting, never a made-up 0.
#include "ctlrun.h"

#include <QFile>
#include <QJsonArray>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::Run;

class TestCtlSyncLock : public QObject {
    Q_OBJECT

private slots:
    void aSymlinkFindsTheSameLockAndTheRefusalCountsThePending() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"real.db"_s);
        const QString link = dir.filePath(u"link.db"_s);
        // Three cases waiting in the outbox.
        const Run seeded = ctl(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"3"_s});
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const Run outbox = ctl(db, {u"outbox"_s, u"--json"_s});
        QCOMPARE(outbox.exitCode, 0);
        const qsizetype waiting = outbox.json.value(u"entries"_s).toArray().size();
        QVERIFY(waiting >= 3);
        QVERIFY(QFile::link(db, link));

        // A sync of the real file runs (its lock taken as the sync command takes it).
        QLockFile running(db + u".sync.lock"_s);
        QVERIFY(running.tryLock(0));

        // Through the symlink, and through another spelling of the same path.
        for (const QString &name : {link, dir.path() + u"/./real.db"_s}) {
            // A loopback platform that answers nothing: the refusal must come before any request.
            const Run r =
                ctl(name, {u"--platform"_s, u"http://127.0.0.1:9"_s, u"sync"_s, u"--max-seconds"_s, u"5"_s});
            QCOMPARE(r.exitCode, 5);
            const QJsonArray errors = r.json.value(u"errors"_s).toArray();
            QVERIFY2(!errors.isEmpty(), r.out.constData());
            QCOMPARE(errors.first().toObject().value(u"code"_s).toString(), u"sync_in_progress"_s);
            QCOMPARE(r.json.value(u"pending"_s).toInt(), int(waiting));
        }
        running.unlock();
    }
};

QTEST_GUILESS_MAIN(TestCtlSyncLock)
#include "tst_ctl_synclock.moc"
