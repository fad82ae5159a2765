// `windowdeskctl license verify` as a process: JSON, exit codes, stdin, --keys/--now/--db (elicense-qr.md).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kKeys = QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/keys.json");

} // namespace

class TestCtlLicense : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QJsonArray m_vectors;
    int m_dbCounter = 0;

    Run ctl(const QStringList &args, const QByteArray &stdinBytes = {}, bool closeStdin = true) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"WINDOWDESK_DB"_s, m_dir.filePath(u"default.db"_s)); // never the user's database
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(WINDOWDESKCTL), args);
        if (!p.waitForStarted())
            return {};
        if (!stdinBytes.isEmpty())
            p.write(stdinBytes);
        if (closeStdin)
            p.closeWriteChannel();
        p.waitForFinished(30000);
        return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
    }
    QString freshDb() { return m_dir.filePath(u"c%1.db"_s.arg(++m_dbCounter)); }
    QJsonObject vector(const QString &name) const {
        for (const QJsonValue &v : m_vectors) {
            if (v.toObject().value(u"name"_s).toString() == name)
                return v.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_vectors =
            QJsonDocument::fromJson(readFile(QStringLiteral(WINDOWDESK_TEST_DATA "/elicense/vectors.json")))
                .object()
                .value(u"vectors"_s)
                .toArray();
        QVERIFY(m_vectors.size() >= 12);
    }

    void vectors_data() {
        QTest::addColumn<QString>("name");
        for (const QJsonValue &v : m_vectors)
            QTest::addRow("%s", qPrintable(v.toObject().value(u"name"_s).toString()))
                << v.toObject().value(u"name"_s).toString();
    }
    void vectors() {
        QFETCH(QString, name);
        const QJsonObject v = vector(name);
        const QString now = QString::number(qint64(v.value(u"now"_s).toDouble()));
        const Run r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, now, u"--db"_s,
                           freshDb(), v.value(u"payload"_s).toString()});
        const QString expect = v.value(u"expect"_s).toString();
        QCOMPARE(r.exitCode, expect == u"ok" ? 0 : 3);
        const QJsonObject j = r.json();
        QCOMPARE(j.value(u"result"_s).toString(), expect);
        QCOMPARE(j.contains(u"message"_s), expect != u"ok");
        if (v.contains(u"claims"_s))
            QCOMPARE(j.value(u"claims"_s).toObject(), v.value(u"claims"_s).toObject());
        const bool signatureHeld = expect == u"ok" || expect == u"not_yet_valid" || expect == u"expired" ||
                                   expect == u"license_expired";
        QCOMPARE(j.contains(u"claims"_s), signatureHeld);
        if (signatureHeld)
            QCOMPARE(j.value(u"claims"_s).toObject().size(), 12);
        QCOMPARE(r.out.count('\n'), 1); // one JSON object on one line
    }

    void stdinBytesAsTheyAre() {
        const QJsonObject v = vector(u"ok_business_license"_s);
        const QByteArray payload = v.value(u"payload"_s).toString().toUtf8();
        // A scanner's CRLF suffix on standard input is trimmed by the verifier, not lost by the reader.
        Run r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758810"_s, u"--db"_s,
                     freshDb()},
                    payload + "\r\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(u"result"_s).toString(), u"ok"_s);
        r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758810"_s, u"--db"_s,
                 freshDb(), u"-"_s},
                payload);
        QCOMPARE(r.exitCode, 0);
        // A byte outside printable ASCII in the middle is malformed, not silently dropped.
        QByteArray bad = payload;
        bad.insert(30, '\0');
        r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758810"_s, u"--db"_s,
                 freshDb()},
                bad);
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.json().value(u"result"_s).toString(), u"malformed"_s);
        // Nothing at all on standard input.
        r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--db"_s, freshDb()});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.json().value(u"result"_s).toString(), u"malformed"_s);
    }

    void sameDbSeesReplay() {
        const QString payload = vector(u"ok_business_license"_s).value(u"payload"_s).toString();
        const QString db = freshDb();
        Run r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758805"_s, u"--db"_s,
                     db, payload});
        QCOMPARE(r.exitCode, 0);
        // The common --db before the command names the same file.
        r = ctl({u"--db"_s, db, u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758806"_s,
                 payload});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject j = r.json();
        QCOMPARE(j.value(u"result"_s).toString(), u"replayed"_s);
        QVERIFY(!j.value(u"message"_s).toString().isEmpty());
        QCOMPARE(j.value(u"claims"_s).toObject().value(u"nonce"_s).toString(), u"n0nce-biz-000000001"_s);
        // Another database has not seen it.
        r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758806"_s, u"--db"_s,
                 freshDb(), payload});
        QCOMPARE(r.exitCode, 0);
    }

    void defaultKeysAreTheCachedOnes() {
        // A new client database caches no key yet: the vector's kid is unknown there.
        const QString payload = vector(u"ok_business_license"_s).value(u"payload"_s).toString();
        const Run r =
            ctl({u"license"_s, u"verify"_s, u"--now"_s, u"1772758810"_s, u"--db"_s, freshDb(), payload});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.json().value(u"result"_s).toString(), u"unknown_key"_s);
    }

    void otherAlgorithmsIgnored() {
        QJsonObject keys = QJsonDocument::fromJson(readFile(kKeys)).object();
        QJsonArray arr = keys.value(u"keys"_s).toArray();
        QJsonObject k = arr.at(0).toObject();
        k.insert(u"alg"_s, u"RSA-SHA256"_s);
        arr.replace(0, k);
        keys.insert(u"keys"_s, arr);
        const QString file = m_dir.filePath(u"rsa.json"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(keys).toJson());
        f.close();
        const QString payload = vector(u"ok_business_license"_s).value(u"payload"_s).toString();
        const Run r = ctl({u"license"_s, u"verify"_s, u"--keys"_s, file, u"--now"_s, u"1772758810"_s,
                           u"--db"_s, freshDb(), payload});
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.json().value(u"result"_s).toString(), u"unknown_key"_s);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("keyFile"); // written to a file and passed as --keys when not empty
        const QString p = u"EL1.a.b.c"_s;
        QTest::addRow("unreadable key file")
            << QStringList{u"--keys"_s, m_dir.filePath(u"missing.json"_s), p} << QByteArray();
        QTest::addRow("key file not JSON") << QStringList{p} << QByteArray("not json");
        QTest::addRow("key file without keys") << QStringList{p} << QByteArray("{\"kid\":\"x\"}");
        QTest::addRow("key file bad PEM")
            << QStringList{p}
            << QByteArray(
                   "{\"keys\":[{\"kid\":\"k\",\"alg\":\"SM2-SM3\",\"public_key_pem\":\"x\","
                   "\"not_before\":\"2026-01-01T00:00:00Z\",\"not_after\":\"2027-01-01T00:00:00Z\"}]}");
        {
            QJsonObject keys = QJsonDocument::fromJson(readFile(kKeys)).object();
            QJsonArray arr = keys.value(u"keys"_s).toArray();
            arr.append(arr.at(0));
            keys.insert(u"keys"_s, arr);
            QTest::addRow("duplicate kid") << QStringList{p} << QJsonDocument(keys).toJson();
        }
        QTest::addRow("bad --now") << QStringList{u"--keys"_s, kKeys, u"--now"_s, u"yesterday"_s, p}
                                   << QByteArray();
        QTest::addRow("--now without value")
            << QStringList{u"--keys"_s, kKeys, p, u"--now"_s} << QByteArray();
        QTest::addRow("unknown option") << QStringList{u"--keys"_s, kKeys, u"--fast"_s, p} << QByteArray();
        QTest::addRow("two payloads") << QStringList{u"--keys"_s, kKeys, p, p} << QByteArray();
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, keyFile);
        QStringList full{u"license"_s, u"verify"_s, u"--db"_s, freshDb()};
        if (!keyFile.isEmpty()) {
            const QString file = m_dir.filePath(u"keys%1.json"_s.arg(m_dbCounter));
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(keyFile);
            f.close();
            full << u"--keys"_s << file;
        }
        const Run r = ctl(full + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
    }

    void demoPayloadVerifiesWithDemoKeys() {
        const Run demo = ctl({u"license"_s, u"demo"_s, u"--index"_s, u"1"_s, u"--now"_s, u"1772758800"_s});
        QCOMPARE(demo.exitCode, 0);
        const QString payload = QString::fromLatin1(demo.out.trimmed());
        QVERIFY(payload.startsWith(u"EL1.demo-hall-2026."));
        const Run r = ctl({u"license"_s, u"verify"_s, u"--keys"_s,
                           QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/license_keys.json"), u"--now"_s,
                           u"1772758900"_s, u"--db"_s, freshDb(), payload});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value(u"claims"_s).toObject().value(u"hn"_s).toString(), u"湖南示例科技有限公司"_s);
        // The same payload against the platform's key set: unknown key.
        const Run other = ctl({u"license"_s, u"verify"_s, u"--keys"_s, kKeys, u"--now"_s, u"1772758900"_s,
                               u"--db"_s, freshDb(), payload});
        QCOMPARE(other.exitCode, 3);
        QCOMPARE(other.json().value(u"result"_s).toString(), u"unknown_key"_s);
    }
};

QTEST_GUILESS_MAIN(TestCtlLicense)
#include "tst_ctl_license.moc"
