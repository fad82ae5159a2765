// The demo hall as a fresh install loads it: through the same importer as the platform's pages, into
// a new database. Every demo record must be accepted (a rejected one is a defect of the build), and
// loading twice must change nothing.
#include <windowdesk/core/clock.h>
#include <windowdesk/core/crypto.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;

namespace {

QJsonObject readSource(const QString &name) {
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

int scalar(const storage::Database &db, const QString &sql) {
    auto q = db.query(sql);
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}

} // namespace

class TestDemoLoad : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<storage::Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};
    int m_fileItems = 0;
    int m_fileBundles = 0;
    int m_fileBundleLinks = 0;
    int m_fileUsers = 0;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = storage::Database::open(m_dir.filePath(u"demo.db"_s));
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
        m_db = std::move(db.value());
        m_fileItems = int(readSource(u"catalog_items.json"_s).value(u"items"_s).toArray().size());
        const QJsonArray bundles = readSource(u"catalog_bundles.json"_s).value(u"bundles"_s).toArray();
        m_fileBundles = int(bundles.size());
        for (const QJsonValue &b : bundles)
            m_fileBundleLinks += int(b.toObject().value(u"item_codes"_s).toArray().size());
        m_fileUsers = int(readSource(u"users.json"_s).value(u"users"_s).toArray().size());
        QVERIFY(m_fileItems >= 60);
    }

    void firstStartLoadsEverything() {
        auto r = storage::DemoHall::loadIfNeeded(*m_db, m_clock);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().code + u": "_s + r.error().message));
        QVERIFY(r->loaded);
        QCOMPARE(r->items, m_fileItems);
        QCOMPARE(r->bundles, m_fileBundles);
        QCOMPARE(r->users, m_fileUsers);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM import_rejections"_s), 0);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM service_items WHERE is_current = 1 AND deleted = 0"_s),
                 m_fileItems);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM bundles WHERE is_current = 1 AND deleted = 0"_s),
                 m_fileBundles);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM bundle_items"_s), m_fileBundleLinks);
        // Every material and form field arrived, not just the item rows.
        QVERIFY(scalar(*m_db, u"SELECT count(*) FROM item_materials"_s) >= 3 * m_fileItems);
        QVERIFY(scalar(*m_db, u"SELECT count(*) FROM item_form_fields"_s) >= 3 * m_fileItems);
    }

    void demoUsersCanLogIn() {
        auto q = m_db->query(
            u"SELECT password_verifier, roles, hall_id, window_no FROM users WHERE username = ?"_s,
            {u"admin"_s});
        QVERIFY(q.ok());
        QVERIFY(q->next());
        QVERIFY(crypto::checkPasswordVerifier(u"Admin@2026"_s, q->value(0).toString().toLatin1()));
        QCOMPARE(q->value(1).toString(),
                 u"clerk,supervisor,trainer,admin"_s); // admin: hall settings (issue 18 #2)
        QCOMPARE(q->value(2).toString(), u"430104-ZWFW"_s);
        QCOMPARE(q->value(3).toString(), u"A07"_s);
    }

    void secondStartLoadsNothing() {
        auto r = storage::DemoHall::loadIfNeeded(*m_db, m_clock);
        QVERIFY(r.ok());
        QVERIFY(!r->loaded);
    }

    void explicitReloadIsIdempotent() {
        auto r = storage::DemoHall::load(*m_db, m_clock);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM service_items"_s), m_fileItems);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM bundles"_s), m_fileBundles);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM users"_s), m_fileUsers);
        QCOMPARE(scalar(*m_db, u"SELECT count(*) FROM import_rejections"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoLoad)
#include "tst_demoload.moc"
