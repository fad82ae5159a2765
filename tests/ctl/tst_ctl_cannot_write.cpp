// "Cannot be written now" is not damage (issue 18 items 5 and 12, cli.md): a lock held by another program
// beyond the busy wait and a read-only file both exit 6 with a message that says which, never 4; a lock
// released within the wait lets the command finish; a --db name that is not UTF-8 is refused (exit 2) before
// any file is opened or created.
#include "ctlrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::ctlEnv;
using ctltest::Run;

namespace {
// Another program's write lock on the file, held until release() or destruction.
class WriteLock {
public:
    explicit WriteLock(const QString &path)
        : m_name(u"locker-%1"_s.arg(quintptr(this))) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        m_ok = db.open() && QSqlQuery(db).exec(u"BEGIN IMMEDIATE"_s) &&
               QSqlQuery(db).exec(u"INSERT OR REPLACE INTO settings(key, value, updated_at) "
                                  u"VALUES ('test.lock', '1', '2026-01-01T00:00:00Z')"_s);
    }
    ~WriteLock() { release(); }
    bool ok() const { return m_ok; }
    void release() {
        if (m_name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
    }

private:
    QString m_name;
    bool m_ok = false;
};

// Runs windowdeskctl without the capabilities that let root write any file (so a 0444 file is read-only
// for it as for a clerk); as an ordinary user it runs as is.
Run ctlWithoutOverride(const QString &db, const QStringList &args) {
    if (::geteuid() != 0)
        return ctl(db, args);
    QProcess p;
    p.start(u"setpriv"_s,
            QStringList{u"--bounding-set=-dac_override,-dac_read_search,-fowner"_s, u"--inh-caps=-all"_s,
                        u"--"_s, QStringLiteral(WINDOWDESKCTL), u"--db"_s, db} +
                args);
    p.waitForFinished(60000);
    return ctltest::finished(p);
}

const QStringList kShortWait{u"WINDOWDESK_BUSY_TIMEOUT_MS=300"_s};
} // namespace

class TestCtlCannotWrite : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_catalogFile;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"w.db"_s);
        QCOMPARE(ctl(m_db, {u"catalog"_s, u"count"_s}).exitCode, 0);
        // A one-item catalog page to import.
        m_catalogFile = m_dir.filePath(u"page.json"_s);
        QFile src(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/catalog_items.json"));
        QVERIFY(src.open(QIODevice::ReadOnly));
        QFile out(m_catalogFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(src.readAll());
    }

    void lockBeyondTheBusyWaitExits6_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("seed demo-cases") << QStringList{u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s};
        QTest::addRow("catalog import") << QStringList{u"catalog"_s, u"import"_s, m_catalogFile};
        QTest::addRow("audit append") << QStringList{u"audit"_s, u"append"_s, u"--action"_s, u"test.busy"_s};
    }
    void lockBeyondTheBusyWaitExits6() {
        QFETCH(QStringList, args);
        WriteLock lock(m_db);
        QVERIFY(lock.ok());
        const Run r = ctlEnv(m_db, args, kShortWait);
        QVERIFY2(r.exitCode == 6, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(u"locked by another program"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"damaged"_s), qPrintable(r.err));
        lock.release();
        // Nothing was damaged: the same command succeeds once the lock is gone.
        QCOMPARE(ctlEnv(m_db, args, kShortWait).exitCode, 0);
    }

    void lockReleasedWithinTheWaitLetsTheCommandFinish() {
        WriteLock lock(m_db);
        QVERIFY(lock.ok());
        // The default wait (30 s): the lock goes away while the command waits for it.
        QProcess p;
        p.start(QStringLiteral(WINDOWDESKCTL),
                {u"--db"_s, m_db, u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s});
        QVERIFY(p.waitForStarted());
        p.waitForFinished(800); // mostly spent waiting for the lock
        lock.release();
        QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(60000));
        const Run r = ctltest::finished(p);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void readOnlyFileExits6SayingSo_data() {
        QTest::addColumn<QString>("how");
        QTest::addRow("mode 0444") << u"chmod"_s;
        if (::geteuid() == 0)
            QTest::addRow("immutable (chattr +i)") << u"chattr"_s;
    }
    void readOnlyFileExits6SayingSo() {
        QFETCH(QString, how);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"ro.db"_s);
        QCOMPARE(ctl(db, {u"catalog"_s, u"count"_s}).exitCode, 0);
        if (how == u"chmod") {
            QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        } else if (QProcess::execute(u"chattr"_s, {u"+i"_s, db}) != 0) {
            QSKIP("chattr +i is not supported on this file system");
        }
        auto restore = qScopeGuard([&] {
            if (how == u"chattr")
                QProcess::execute(u"chattr"_s, {u"-i"_s, db});
        });
        const Run r = ctlWithoutOverride(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s});
        QVERIFY2(r.exitCode == 6, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(u"read-only"_s), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"damaged"_s), qPrintable(r.err));
        // No copy made for damage that is not there.
        QCOMPARE(QDir(dir.path()).entryList({u"*.damaged-*"_s}).size(), 0);
    }

    void unwritableDirectoryExits6() {
        QTemporaryDir dir;
        const QString sub = dir.filePath(u"ro"_s);
        QVERIFY(QDir().mkpath(sub));
        const QString db = sub + u"/w.db"_s;
        QCOMPARE(ctl(db, {u"catalog"_s, u"count"_s}).exitCode, 0);
        QVERIFY(QFile::setPermissions(sub, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                               QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        auto restore = qScopeGuard(
            [&] { QFile::setPermissions(sub, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); });
        const Run r = ctlWithoutOverride(db, {u"seed"_s, u"demo-cases"_s, u"--count"_s, u"1"_s});
        QVERIFY2(r.exitCode == 6, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(u"read-only"_s), qPrintable(r.err));
    }

    void dbNameNotUtf8IsRefusedAndNothingIsCreated() {
        QTemporaryDir dir;
        // The shell makes the bytes: QProcess would encode a QString as valid UTF-8.
        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.start(u"/bin/sh"_s, {u"-c"_s, uR"sh(exec "$0" --db "$(printf 'bad\377name.db')" db check)sh"_s,
                               QStringLiteral(WINDOWDESKCTL)});
        QVERIFY(p.waitForFinished(60000));
        const Run r = ctltest::finished(p);
        QVERIFY2(r.exitCode == 2, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(u"UTF-8"_s), qPrintable(r.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{});
    }
};

QTEST_GUILESS_MAIN(TestCtlCannotWrite)
#include "tst_ctl_cannot_write.moc"
