// windowdeskctl login / sync / outbox / seed demo-cases as cli.md says (JSON, exit codes), the sync lock,
// the keychain (real Secret Service when the test runs under dbus-run-session + gnome-keyring) and what must
// never be on disk or in logs.
#include "synctestsupport.h"

#include <windowdesk/sync/synclock.h>

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QLockFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace synctest;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out, err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};
} // namespace

class TstSyncCli : public QObject {
    Q_OBJECT
private:
    Sim sim;
    QTemporaryDir simDir;
    QString service = u"WindowDeskTest-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);

    Run ctl(const QString &db, const QStringList &args, const QByteArray &stdinData = {},
            const QMap<QString, QString> &env = {}) {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"WINDOWDESK_KEYCHAIN_SERVICE"_s, service);
        e.insert(u"QT_LOGGING_RULES"_s, u"windowdesk.*.debug=true"_s);
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, db} + args);
        p.waitForStarted();
        p.write(stdinData);
        p.closeWriteChannel();
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    QStringList simTokens() {
        QStringList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"simtokens"_s);
            db.setDatabaseName(simDir.filePath(u"sim.db"_s));
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(u"SELECT token FROM tokens"_s);
                while (q.next())
                    out.append(q.value(0).toString());
            }
        }
        QSqlDatabase::removeDatabase(u"simtokens"_s);
        return out;
    }
    // Every file of the data directory, read raw (database, WAL, lock files, anything).
    QByteArray everythingOnDisk(const QString &dir) {
        QByteArray all;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
    static bool hasPersonalData(const QByteArray &text) {
        static const QRegularExpression id(u"(?<![\\dA-Za-z])\\d{17}[\\dX](?![\\dA-Za-z])"_s),
            phone(u"(?<![\\dA-Za-z])1[3-9]\\d{9}(?![\\dA-Za-z])"_s);
        const QString t = QString::fromUtf8(text);
        return id.match(t).hasMatch() || phone.match(t).hasMatch();
    }
    bool keychainWorks() { return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(sim.start({u"--catalog-size"_s, u"30"_s, u"--data"_s, simDir.filePath(u"sim.db"_s)}));
    }

    void seedOutboxSyncThroughTheCli() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        const QStringList platform{u"--platform"_s, sim.base()};
        Run r = ctl(db, platform + QStringList{u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                    kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        QVERIFY(r.json().value(u"pulled"_s).toObject().value(u"items"_s).toInt() > 0);
        r = ctl(db, platform +
                        QStringList{u"seed"_s, u"demo-cases"_s, u"--count"_s, u"6"_s, u"--days"_s, u"3"_s});
        QVERIFY2(r.exitCode == 0, r.err);
        QCOMPARE(r.json().value(u"created"_s).toInt(), 6);
        r = ctl(db, {u"outbox"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray entries = r.json().value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 6);
        QString previous;
        for (const auto &v : entries) {
            const QJsonObject e = v.toObject();
            QCOMPARE(e.value(u"kind"_s).toString(), u"case"_s);
            QCOMPARE(e.value(u"state"_s).toString(), u"pending"_s);
            QVERIFY(e.value(u"created_at"_s).toString() >= previous); // oldest first
            previous = e.value(u"created_at"_s).toString();
            for (const auto &k :
                 {u"op_id"_s, u"local_id"_s, u"attempts"_s, u"next_attempt_at"_s, u"last_error"_s})
                QVERIFY2(e.contains(k), qPrintable(k));
        }
        QVERIFY(!hasPersonalData(r.out));
        r = ctl(db,
                platform + QStringList{u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s,
                                       u"--max-seconds"_s, u"60"_s},
                kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        const QJsonObject s = r.json();
        QCOMPARE(s.value(u"pushed"_s).toInt(), 6);
        QCOMPARE(s.value(u"pending"_s).toInt(), 0);
        QCOMPARE(s.value(u"needs_attention"_s).toInt(), 0);
        QVERIFY(s.value(u"errors"_s).toArray().isEmpty());
        for (const auto &k : {u"items"_s, u"bundles"_s, u"case_changes"_s, u"evaluation_changes"_s})
            QVERIFY(s.value(u"pulled"_s).toObject().contains(k));
        // Debug logging on: still no id number or phone anywhere in the diagnostics.
        QVERIFY2(!hasPersonalData(r.err), r.err);
        r = ctl(db, {u"outbox"_s, u"--json"_s});
        QVERIFY(r.json().value(u"entries"_s).toArray().isEmpty());
    }

    void refusals() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        Run r = ctl(db, {u"--platform"_s, u"https://gov.example/hall-api"_s, u"seed"_s, u"demo-cases"_s,
                         u"--count"_s, u"1"_s});
        QCOMPARE(r.exitCode, 2);
        r = ctl(db, {u"--platform"_s, u"http://gov.example/hall-api"_s, u"sync"_s});
        QCOMPARE(r.exitCode, 2);
        r = ctl(db, {u"sync"_s});
        QCOMPARE(r.exitCode, 5); // no platform configured
        r = ctl(db, {u"--platform"_s, sim.base(), u"sync"_s}, {},
                {{u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s}});
        QCOMPARE(r.exitCode, 5); // not logged in
        QVERIFY(!r.json().value(u"errors"_s).toArray().isEmpty());
        r = ctl(db, {u"--platform"_s, sim.base(), u"login"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                "wrong\n");
        QCOMPARE(r.exitCode, 5);
        QVERIFY(r.err.contains("invalid_credentials"));
    }

    void secondSyncExitsAtOnce() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        QVERIFY(ctl(db, {u"outbox"_s}).exitCode == 0); // creates the database
        QLockFile held(db + u".sync.lock"_s);
        QVERIFY(held.tryLock(0));
        QElapsedTimer t;
        t.start();
        const Run r =
            ctl(db, {u"--platform"_s, sim.base(), u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                kPassword.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString(),
                 u"sync_in_progress"_s);
        QVERIFY(t.elapsed() < 10000);
        held.unlock();
    }

    // Issue 18 item 9: the GUI (this process, through the same SyncLock) syncs the database; windowdeskctl
    // reaches the same file through a hard link (another directory, another name) and must not sync too.
    void aHardLinkFindsTheRunningSync() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        QVERIFY(QDir(dir.path()).mkdir(u"elsewhere"_s));
        const QString link = dir.filePath(u"elsewhere/hall.db"_s);
        QVERIFY(ctl(db, {u"outbox"_s}).exitCode == 0); // creates the database
        QCOMPARE(::link(QFile::encodeName(db).constData(), QFile::encodeName(link).constData()), 0);
        sync::SyncLock held(db);
        QVERIFY(held.tryLock());
        const Run r =
            ctl(link, {u"--platform"_s, sim.base(), u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                kPassword.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 5);
        QCOMPARE(r.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s).toString(),
                 u"sync_in_progress"_s);
        held.unlock();
        // Once the GUI's sync is over, the hard link syncs like any name of the file.
        const Run after =
            ctl(link, {u"--platform"_s, sim.base(), u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                kPassword.toUtf8() + '\n');
        QVERIFY2(after.json().value(u"errors"_s).toArray().isEmpty() ||
                     after.json().value(u"errors"_s).toArray().first().toObject().value(u"code"_s) !=
                         u"sync_in_progress"_s,
                 after.out);
    }

    void loginKeepsTokensInTheKeychainOnly() {
        if (!keychainWorks())
            QSKIP("no D-Bus session: run under dbus-run-session with gnome-keyring (see ./test)");
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        Run r = ctl(db, {u"--platform"_s, sim.base(), u"login"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                    kPassword.toUtf8() + '\n');
        if (r.exitCode == 5 && r.err.contains("keychain"))
            QSKIP("the Secret Service did not answer");
        QVERIFY2(r.exitCode == 0, r.err);
        // The platform URL given at login is remembered; the tokens come from the keychain.
        r = ctl(db, {u"sync"_s});
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        {
            auto d = storage::Database::open(db);
            QVERIFY(d.ok());
            auto q = d.value()->query(u"SELECT password_verifier, source FROM users WHERE username = ?"_s,
                                      {kUser});
            QVERIFY(q.ok() && q->next());
            QVERIFY(q->value(0).toString().startsWith(u"pbkdf2"_s)); // offline login possible
            QCOMPARE(q->value(1).toString(), u"platform"_s);
        }
        const QByteArray disk = everythingOnDisk(dir.path());
        const QStringList tokens = simTokens();
        QVERIFY(!tokens.isEmpty());
        for (const QString &t : tokens)
            QVERIFY2(!disk.contains(t.toLatin1()), "a token is on disk");
        QVERIFY(!disk.contains(kPassword.toUtf8()));
    }

    void keychainUnavailableKeepsTokensInMemoryOnly() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"w.db"_s);
        const QMap<QString, QString> noKeychain{
            {u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s}};
        Run r = ctl(db, {u"--platform"_s, sim.base(), u"login"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                    kPassword.toUtf8() + '\n', noKeychain);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("keychain"), r.err); // a clear notice
        r = ctl(db, {u"--platform"_s, sim.base(), u"sync"_s, u"--user"_s, kUser, u"--password-stdin"_s},
                kPassword.toUtf8() + '\n', noKeychain);
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        const QByteArray disk = everythingOnDisk(dir.path());
        const QStringList tokens = simTokens();
        QVERIFY(tokens.size() >= 2);
        for (const QString &t : tokens)
            QVERIFY2(!disk.contains(t.toLatin1()), "a token is on disk");
        QVERIFY(!disk.contains(kPassword.toUtf8()));
    }

    void cleanupTestCase() { sim.stop(); }
};

QTEST_GUILESS_MAIN(TstSyncCli)
#include "tst_synccli.moc"
