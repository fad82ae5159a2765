// `windowdeskctl --help` tells every exit status of cli.md and documents `catalog import`; a catalog file
// holding both `items` and `bundles` imports both, in one transaction (issue 18 item 13).
#include "ctlrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ctltest::ctl;
using ctltest::Run;

namespace {
QJsonArray demoArray(const QString &file, const QString &key) {
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/") + file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    return doc.isArray() ? doc.array() : doc.object().value(key).toArray();
}
} // namespace

class TestCtlHelpImport : public QObject {
    Q_OBJECT

private slots:
    void helpListsEveryExitStatusOfCliMd() {
        QProcess p;
        p.start(QStringLiteral(WINDOWDESKCTL), {u"--help"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());
        // cli.md, "Output and exit status": each code with what it means.
        const QList<std::pair<QString, QStringList>> codes = {
            {u"0"_s, {u"success"_s}},
            {u"2"_s, {u"usage error"_s, u"not a WindowDesk"_s}},
            {u"3"_s, {u"check said no"_s}},
            {u"4"_s, {u"damaged"_s, u"audit chain"_s}},
            {u"5"_s, {u"platform"_s, u"work remains"_s}},
            {u"6"_s, {u"locked by another program"_s, u"busy wait (30 s)"_s, u"read-only"_s}},
        };
        const qsizetype section = help.indexOf(u"exit status:"_s);
        QVERIFY2(section >= 0, qPrintable(help));
        const QString exits = help.mid(section);
        for (const auto &[code, words] : codes) {
            const qsizetype at = exits.indexOf(u"\n  "_s + code + u"  "_s);
            QVERIFY2(at >= 0, qPrintable(u"exit %1 missing from --help"_s.arg(code)));
            const qsizetype end = exits.indexOf(QRegularExpression(u"\n  \\d  "_s), at + 1);
            const QString text = exits.mid(at, end < 0 ? -1 : end - at).simplified();
            for (const QString &w : words)
                QVERIFY2(text.contains(w), qPrintable(u"exit %1: \"%2\" not in \"%3\""_s.arg(code, w, text)));
        }
        QVERIFY(help.contains(u"catalog import FILE"_s));
        QVERIFY(help.contains(u"WINDOWDESK_BUSY_TIMEOUT_MS"_s));
    }

    void importOfItemsAndBundlesTogetherImportsBoth() {
        const QJsonArray items = demoArray(u"catalog_items.json"_s, u"items"_s);
        const QJsonArray bundles = demoArray(u"catalog_bundles.json"_s, u"bundles"_s);
        QVERIFY(!items.isEmpty() && !bundles.isEmpty());
        QTemporaryDir dir;
        const QString file = dir.filePath(u"both.json"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{u"items"_s, items}, {u"bundles"_s, bundles}}).toJson());
        }
        const QString db = dir.filePath(u"w.db"_s);
        const Run r = ctl(db, {u"catalog"_s, u"import"_s, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"upserted"_s).toInt(), int(items.size() + bundles.size()));
        const Run count = ctl(db, {u"catalog"_s, u"count"_s});
        QCOMPARE(count.json.value(u"items"_s).toInt(), int(items.size()));
        QCOMPARE(count.json.value(u"bundles"_s).toInt(), int(bundles.size()));
    }

    void importOfItemsAndBundlesIsAllOrNothing() {
        const QJsonArray items = demoArray(u"catalog_items.json"_s, u"items"_s);
        QVERIFY(!items.isEmpty());
        // `bundles` that is not a list: the file is invalid, and the items before it stay out too.
        const QJsonValue bundles = u"not a list"_s;
        QTemporaryDir dir;
        const QString file = dir.filePath(u"bad.json"_s);
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{u"items"_s, items}, {u"bundles"_s, bundles}}).toJson());
        }
        const QString db = dir.filePath(u"w.db"_s);
        const Run r = ctl(db, {u"catalog"_s, u"import"_s, file});
        QVERIFY2(r.exitCode == 2, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
        int rows = -1;
        {
            QSqlDatabase sql = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"look"_s);
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(
                q.exec(u"SELECT (SELECT count(*) FROM service_items) + (SELECT count(*) FROM bundles)"_s) &&
                q.next());
            rows = q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase(u"look"_s);
        QCOMPARE(rows, 0);
    }
};

QTEST_GUILESS_MAIN(TestCtlHelpImport)
#include "tst_ctl_help_import.moc"
