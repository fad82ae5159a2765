// The windowdesk program as a process: it refuses a database it cannot trust (says what happened, exits
// non-zero, leaves the file as it was), and its screenshot mode renders the main screens headless.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstStartup : public QObject {
    Q_OBJECT

private slots:
    void init();
    void garbageFileIsRefused();
    void newerSchemaIsRefused();
    void damagedFileIsRefusedAndCopiedAside();
    void badLanguageIsAUsageError();
    void languageFollowsTheLocaleChineseByDefault_data();
    void languageFollowsTheLocaleChineseByDefault();
    void screenshotModeRendersTheMainScreens();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, const QHash<QString, QString> &env = {});
    static QByteArray digest(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstStartup::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TstStartup::Run TstStartup::run(const QStringList &args, const QHash<QString, QString> &extraEnv) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    // Nothing of the user's own data: default paths point into the temporary directory.
    env.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"xdg"_s));
    env.remove(u"WINDOWDESK_DB"_s);
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        it.value().isNull() ? env.remove(it.key()) : env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(WINDOWDESK_GUI), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QByteArray TstStartup::digest(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void TstStartup::garbageFileIsRefused() {
    const QString db = m_dir->filePath(u"garbage.db"_s);
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    const QByteArray before = digest(db);
    const Run r = run({u"--db"_s, db, u"--lang"_s, u"en"_s});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"WindowDesk cannot start"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(db), qPrintable(r.err)); // says which file
    QCOMPARE(digest(db), before);                    // and never "repairs" it
}

void TstStartup::newerSchemaIsRefused() {
    const QString db = m_dir->filePath(u"newer.db"_s);
    {
        QSqlDatabase s = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        s.setDatabaseName(db);
        QVERIFY(s.open());
        QSqlQuery q(s);
        QVERIFY(q.exec(u"CREATE TABLE future(x)"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 9999"_s));
        s.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray before = digest(db);
    const Run r = run({u"--db"_s, db, u"--lang"_s, u"en"_s});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"newer version of WindowDesk"_s), qPrintable(r.err));
    QCOMPARE(digest(db), before);
}

void TstStartup::damagedFileIsRefusedAndCopiedAside() {
    const QString db = m_dir->filePath(u"damaged.db"_s);
    {
        QSqlDatabase s = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damaged"_s);
        s.setDatabaseName(db);
        QVERIFY(s.open());
        QSqlQuery q(s);
        // Ours (WindowDesk's application id 'WDK1', storage::Database::ApplicationId): a foreign SQLite file
        // is refused as not a WindowDesk database, not as a damaged one.
        QVERIFY(q.exec(u"PRAGMA application_id = 1464093489"_s));
        QVERIFY(q.exec(u"CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"_s));
        QVERIFY(q.exec(u"CREATE INDEX t_v ON t(v)"_s));
        QVERIFY(q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                       u"INSERT INTO t(v) SELECT printf('row %08d', i) FROM n"_s));
        s.close();
    }
    QSqlDatabase::removeDatabase(u"damaged"_s);
    {
        // Overwrite the middle of several b-tree pages (the header page stays intact, so SQLite opens it).
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 4096 * 12);
        for (qint64 page = 3; page < 12; ++page) {
            f.seek(page * 4096 + 200);
            f.write(QByteArray(500, '\xff'));
        }
    }
    const QByteArray before = digest(db);
    const Run r = run({u"--db"_s, db, u"--lang"_s, u"en"_s});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(u"The database is damaged"_s), qPrintable(r.err));
    QCOMPARE(digest(db), before); // left in place, untouched
    // A copy was made beside it, and the message says where.
    const QStringList copies = QDir(m_dir->path()).entryList({u"damaged.db?*"_s}, QDir::Files);
    const QStringList aside = copies.filter(u"damaged.db."_s);
    QVERIFY2(!aside.isEmpty(), qPrintable(copies.join(u", "_s)));
    QVERIFY2(r.err.contains(aside.first()), qPrintable(r.err));
}

void TstStartup::badLanguageIsAUsageError() {
    const Run r = run({u"--db"_s, m_dir->filePath(u"x.db"_s), u"--lang"_s, u"fr"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFile::exists(m_dir->filePath(u"x.db"_s)));
}

void TstStartup::languageFollowsTheLocaleChineseByDefault_data() {
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expected");
    const QString zh = u"综窗工作台无法启动"_s, en = u"WindowDesk cannot start"_s;
    QTest::addRow("C.UTF-8: Chinese") << u"C.UTF-8"_s << QStringList() << zh;
    QTest::addRow("POSIX: Chinese") << u"POSIX"_s << QStringList() << zh;
    QTest::addRow("unsupported de_DE: Chinese") << u"de_DE.UTF-8"_s << QStringList() << zh;
    QTest::addRow("zh_CN: Chinese") << u"zh_CN.UTF-8"_s << QStringList() << zh;
    QTest::addRow("en_US asks for English") << u"en_US.UTF-8"_s << QStringList() << en;
    QTest::addRow("--lang en on C") << u"C.UTF-8"_s << QStringList{u"--lang"_s, u"en"_s} << en;
}

// The hall's language is Chinese: a bare C/POSIX locale (a service account, a kiosk session) or one without a
// translation shows Chinese; English only when the locale or --lang asks for it. Seen in the start-up refusal
// of a database path that is a directory (the first text the program shows).
void TstStartup::languageFollowsTheLocaleChineseByDefault() {
    QFETCH(QString, locale);
    QFETCH(QStringList, options);
    QFETCH(QString, expected);
    const QString dir = m_dir->filePath(u"a-directory"_s);
    QVERIFY(QDir().mkpath(dir));
    const Run r = run(QStringList{u"--db"_s, dir} + options, {{u"LANG"_s, locale},
                                                              {u"LC_ALL"_s, locale},
                                                              {u"LC_MESSAGES"_s, QString()},
                                                              {u"LANGUAGE"_s, QString()}});
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
}

void TstStartup::screenshotModeRendersTheMainScreens() {
    const QString shots = m_dir->filePath(u"shots"_s);
    const Run r =
        run({u"--db"_s, m_dir->filePath(u"demo.db"_s), u"--lang"_s, u"zh_CN"_s, u"--screenshots"_s, shots});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList paths = r.out.split(u'\n', Qt::SkipEmptyParts);
    // Login, the five pages of the all-roles demo admin and each further tab of a page of tabs (监督: the
    // 差评 ledger, the report, the queue board), settings, about, the F1 manual — numbered in that order.
    QVERIFY(paths.first().endsWith(u"01-login.png"_s));
    for (const QString &page : {u"intake"_s, u"catalog"_s, u"cases"_s, u"supervision"_s, u"training"_s})
        QVERIFY2(paths.filter(u"-main-%1.png"_s.arg(page)).size() == 1, qPrintable(page));
    QVERIFY(paths.filter(u"-main-supervision-"_s).size() >= 3);
    const int n = int(paths.size());
    QVERIFY(n >= 12);
    // Numbered in the order they were taken; settings, about and the F1 manual one after the other (the
    // hall-duty dialogs of issue 16 come after them).
    for (int i = 0; i < n; ++i)
        QVERIFY2(QFileInfo(paths.at(i)).fileName().startsWith(u"%1-"_s.arg(i + 1, 2, 10, QLatin1Char('0'))),
                 qPrintable(paths.at(i)));
    const auto at = [&paths](const QString &name) {
        for (int i = 0; i < paths.size(); ++i)
            if (paths.at(i).endsWith(u"-"_s + name + u".png"_s))
                return i;
        return -1;
    };
    QVERIFY(at(u"settings"_s) > 0);
    QCOMPARE(at(u"about"_s), at(u"settings"_s) + 1);
    QCOMPARE(at(u"help"_s), at(u"about"_s) + 1);
    // The trainer's 评分 tab once the screenshot mode's scenario drill is finished: it waits for the judges.
    QVERIFY(at(u"practice-drill"_s) > 0);
    QCOMPARE(at(u"main-training-judging-drill"_s), at(u"practice-drill"_s) + 1);
    for (const QString &p : paths) {
        QVERIFY2(p.startsWith(shots), qPrintable(p));
        const QImage img(p);
        QVERIFY2(!img.isNull(), qPrintable(p));
        QVERIFY(img.width() >= 300 && img.height() >= 200);
    }
    QVERIFY(paths.filter(u"-main-supervision.png"_s).size() == 1);
}

QTEST_GUILESS_MAIN(TstStartup)
#include "tst_startup.moc"
