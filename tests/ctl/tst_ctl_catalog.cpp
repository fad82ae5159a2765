// `windowdeskctl catalog count` and `catalog search` as processes: JSON shapes and exit codes of cli.md.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCtlCatalog : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    struct Run {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    Run run(const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_dir.path());
        env.remove(u"WINDOWDESK_PLATFORM"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(WINDOWDESKCTL), QStringList{u"--db"_s, m_dir.filePath(u"ctl.db"_s)} + args);
        if (!p.waitForFinished(30000))
            return {};
        Run r;
        r.code = p.exitCode();
        r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void count() {
        // A fresh database without a platform holds the demo hall, as the window does on first start.
        const Run r = run({u"catalog"_s, u"count"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.json.value(u"items"_s).toInt() >= 60);
        QVERIFY(r.json.value(u"bundles"_s).toInt() >= 10);
        QCOMPARE(r.json.keys(), (QStringList{u"bundles"_s, u"items"_s}));
    }

    void search() {
        const Run r = run({u"catalog"_s, u"search"_s, u"食品"_s});
        QCOMPARE(r.code, 0);
        const QJsonArray results = r.json.value(u"results"_s).toArray();
        QVERIFY(!results.isEmpty());
        QVERIFY(results.size() <= 20);
        for (const auto &v : results) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), (QStringList{u"code"_s, u"department"_s, u"name"_s}));
            QVERIFY(o.value(u"name"_s).toString().contains(u"食品"_s));
        }
        QVERIFY(r.json.value(u"elapsed_ms"_s).isDouble());
        QVERIFY(r.json.value(u"elapsed_ms"_s).toDouble() >= 0);
    }

    void searchByInitialsAndLimit() {
        const Run all = run({u"catalog"_s, u"search"_s, u"dj"_s, u"--limit"_s, u"100"_s});
        QCOMPARE(all.code, 0);
        const int n = int(all.json.value(u"results"_s).toArray().size());
        QVERIFY(n > 2);
        const Run two = run({u"catalog"_s, u"search"_s, u"dj"_s, u"--limit"_s, u"2"_s});
        QCOMPARE(two.json.value(u"results"_s).toArray().size(), 2);
        QCOMPARE(two.json.value(u"results"_s).toArray().at(0), all.json.value(u"results"_s).toArray().at(0));
    }

    void syntaxCharactersNeverFail() {
        for (const QString &q : {u"\""_s, u"*"_s, u"'"_s, u"OR"_s, u"NEAR("_s, u"-"_s, u""_s}) {
            const Run r = run({u"catalog"_s, u"search"_s, q});
            QCOMPARE(r.code, 0);
            QVERIFY(r.json.contains(u"results"_s));
        }
    }

    void usage() {
        QCOMPARE(run({u"catalog"_s, u"search"_s}).code, 2);
        QCOMPARE(run({u"catalog"_s, u"search"_s, u"x"_s, u"--limit"_s, u"zero"_s}).code, 2);
        QCOMPARE(run({u"catalog"_s, u"frobnicate"_s}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlCatalog)
#include "tst_ctl_catalog.moc"
