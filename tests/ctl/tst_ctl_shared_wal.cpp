// One database file shared by several processes (issue 11 item 1): a GUI-like process keeps writing through
// two connections while windowdeskctl opens and closes the same file again and again. No process may make
// another one lose its locks: the writer's write-ahead log must never be unlinked under it, and every row it
// committed must be in the file for a third process after the writer dies without a clean shutdown.
#include "ctlrun.h"

#include <windowdesk/storage/database.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using windowdesk::storage::Database;

class TestCtlSharedWal : public QObject {
    Q_OBJECT

    // The writer's output so far: the highest row number it reported committed.
    static qint64 lastCommitted(QProcess &writer, QByteArray &buffer) {
        buffer += writer.readAllStandardOutput();
        const QList<QByteArray> lines = buffer.split('\n');
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            bool ok = false;
            const qint64 n = lines.at(i).trimmed().toLongLong(&ok);
            if (ok)
                return n;
        }
        return 0;
    }

    // Waits until the writer reports at least `n` committed rows (it is still alive and writing).
    static bool waitForRows(QProcess &writer, QByteArray &buffer, qint64 n) {
        while (lastCommitted(writer, buffer) < n) {
            if (writer.state() != QProcess::Running || !writer.waitForReadyRead(30000))
                return lastCommitted(writer, buffer) >= n;
        }
        return true;
    }

    // The files of `pid` that are open but no longer have a name (`/proc/PID/fd/N -> … (deleted)`).
    static QStringList deletedOpenFiles(qint64 pid) {
        QStringList out;
        const QDir fds(u"/proc/%1/fd"_s.arg(pid));
        for (const QFileInfo &fd : fds.entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            // readlink itself: QFileInfo would resolve the link and drop the " (deleted)" mark.
            QByteArray raw(4096, '\0');
            const ssize_t len =
                ::readlink(QFile::encodeName(fd.filePath()).constData(), raw.data(), raw.size());
            const QString link = len > 0 ? QString::fromLocal8Bit(raw.left(len)) : QString();
            if (link.endsWith(u" (deleted)"_s))
                out.append(link);
        }
        return out;
    }

private slots:
    void ctlBesideALiveWriterKeepsItsWriteAheadLog_data() {
        QTest::addColumn<QStringList>("writerArgs");
        // The GUI's second connection (the sync worker's) opened beside the first.
        QTest::addRow("two connections") << QStringList{};
        // And the file copied aside by the process that has it open (damage found by the sync worker).
        QTest::addRow("copy aside while open") << QStringList{u"--copy-aside"_s};
    }
    void ctlBesideALiveWriterKeepsItsWriteAheadLog() {
        QFETCH(QStringList, writerArgs);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"shared.db"_s);
        // Created and migrated before the writer starts (the writer is the "GUI" that was already running).
        QCOMPARE(ctl(db, {u"catalog"_s, u"count"_s}).exitCode, 0);

        QProcess writer;
        writer.start(QStringLiteral(WALWRITER), QStringList{db} + writerArgs);
        QVERIFY(writer.waitForStarted());
        auto killWriter = qScopeGuard([&] {
            ::kill(pid_t(writer.processId()), SIGKILL);
            writer.waitForFinished(30000);
        });
        QByteArray buffer;
        QVERIFY2(waitForRows(writer, buffer, 20),
                 qPrintable(QString::fromUtf8(writer.readAllStandardError())));

        // Several commands, each opening and closing the file, while the writer keeps committing.
        const QList<QStringList> commands = {
            {u"catalog"_s, u"count"_s}, {u"outbox"_s, u"--json"_s}, {u"catalog"_s, u"search"_s, u"社保"_s},
            {u"db"_s, u"check"_s},      {u"catalog"_s, u"count"_s}, {u"outbox"_s, u"--json"_s},
        };
        for (const QStringList &args : commands) {
            const auto r = ctl(db, args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(u' ') + u": "_s + r.err));
            const qint64 before = lastCommitted(writer, buffer);
            QVERIFY2(waitForRows(writer, buffer, before + 10),
                     qPrintable(QString::fromUtf8(writer.readAllStandardError())));
            // The database's own files only: the writer also inherits descriptors of the test runner (ctest's
            // LastTest.log.tmp, which ctest itself replaces while the suite runs).
            const QStringList deleted =
                deletedOpenFiles(writer.processId()).filter(QFileInfo(dir.path()).canonicalFilePath() + u'/');
            QVERIFY2(deleted.isEmpty(), qPrintable(u"after `%1` the writer holds unlinked files: %2"_s.arg(
                                            args.join(u' '), deleted.join(u", "_s))));
            QVERIFY(QFileInfo::exists(db + u"-wal"_s));
        }

        // A crash: no clean shutdown writes anything back.
        const qint64 committed = lastCommitted(writer, buffer);
        killWriter.dismiss();
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(30000));
        QVERIFY(committed >= 80);

        // A third process sees every row the writer reported committed, in a sound file.
        auto reader = Database::open(db);
        QVERIFY2(reader.ok(), qPrintable(reader.ok() ? QString() : reader.error().message));
        auto n = reader.value()->query(
            u"SELECT count(*) FROM settings WHERE key LIKE 'walprobe.%' AND CAST(value AS INTEGER) <= ?"_s,
            {committed});
        QVERIFY(n.ok() && n->next());
        QCOMPARE(n->value(0).toLongLong(), committed);
        auto check = reader.value()->query(u"PRAGMA integrity_check"_s);
        QVERIFY(check.ok() && check->next());
        QCOMPARE(check->value(0).toString(), u"ok"_s);
    }
};

QTEST_GUILESS_MAIN(TestCtlSharedWal)
#include "tst_ctl_shared_wal.moc"
