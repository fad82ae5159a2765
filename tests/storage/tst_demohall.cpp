// The embedded demo hall: loaded through the importer on a fresh database, idempotent, skipped when a
// platform is configured or a catalog exists.
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;

class TestDemoHall : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};

    std::unique_ptr<Database> open() {
        auto db = Database::open(m_dir.filePath(u"demo%1.db"_s.arg(++m_n)));
        if (!db)
            qWarning() << db.error().message;
        return db ? std::move(db).value() : nullptr;
    }
    static int scalar(Database &db, const QString &sql) {
        auto r = db.query(sql);
        return r && r->next() ? r->value(0).toInt() : -1;
    }
    static QString setting(Database &db, const QString &key) {
        auto r = db.query(u"SELECT value FROM settings WHERE key = ?"_s, {key});
        return r && r->next() ? r->value(0).toString() : QString();
    }
    static int fileCount(const QString &name, const QString &key) {
        QFile f(u":/db/demo/"_s + name);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        return int(QJsonDocument::fromJson(f.readAll()).object().value(key).toArray().size());
    }

private slots:
    void loadsEverything() {
        auto db = open();
        QVERIFY(db);
        auto r = DemoHall::loadIfNeeded(*db, m_clock);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(r->loaded);
        const int items = fileCount(u"catalog_items.json"_s, u"items"_s);
        const int bundles = fileCount(u"catalog_bundles.json"_s, u"bundles"_s);
        QVERIFY(items >= 60);
        QCOMPARE(r->items, items);
        QCOMPARE(r->bundles, bundles);
        QCOMPARE(CatalogRepository(*db).counts()->items, items);
        QCOMPARE(CatalogRepository(*db).counts()->bundles, bundles);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM service_items WHERE source <> 'demo'"_s), 0);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM import_rejections"_s), 0);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM sync_cursors"_s), 0); // the platform pull starts afresh
        QCOMPARE(r->users, fileCount(u"users.json"_s, u"users"_s));
        QCOMPARE(
            scalar(
                *db,
                u"SELECT count(*) FROM users WHERE source = 'demo' AND password_verifier LIKE 'pbkdf2-%'"_s),
            r->users);
        QVERIFY(!setting(*db, u"hall.id"_s).isEmpty());
        QVERIFY(!setting(*db, u"hall.name"_s).isEmpty());
        QVERIFY(!setting(*db, u"window.no"_s).isEmpty());
        if (QFile::exists(u":/db/demo/license_keys.json"_s)) {
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM license_keys WHERE source = 'demo'"_s),
                     fileCount(u"license_keys.json"_s, u"keys"_s));
        }
        // Every demo item is searchable by its own name, and every bundle merges over present items.
        auto names = db->query(u"SELECT code, name FROM service_items"_s);
        QVERIFY(names.ok());
        while (names->next()) {
            auto hits = CatalogSearch(*db).search(names->value(1).toString(), u"A07"_s, 5);
            QVERIFY(hits.ok());
            QVERIFY(!hits->isEmpty());
            QCOMPARE(hits->first().code, names->value(0).toString());
        }
        const auto bundleList = CatalogRepository(*db).currentBundles();
        QVERIFY(bundleList.ok());
        for (const auto &b : bundleList.value()) {
            auto merged = CatalogRepository(*db).mergedBundle(b.code);
            QVERIFY2(merged.ok(), qPrintable(merged.ok() ? QString() : merged.error().message));
            QVERIFY2(merged->missingItems.isEmpty(), qPrintable(b.code));
        }
    }

    void idempotent() {
        auto db = open();
        QVERIFY(db);
        QVERIFY(DemoHall::load(*db, m_clock).ok());
        QVERIFY(db->exec(u"UPDATE settings SET value = 'B02' WHERE key = 'window.no'"_s).ok());
        const int items = scalar(*db, u"SELECT count(*) FROM service_items"_s);
        const int materials = scalar(*db, u"SELECT count(*) FROM item_materials"_s);
        const int grams = scalar(*db, u"SELECT count(*) FROM catalog_grams"_s);
        auto again = DemoHall::load(*db, m_clock);
        QVERIFY(again.ok());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM service_items"_s), items);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM item_materials"_s), materials);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM catalog_grams"_s), grams);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM users WHERE source = 'demo'"_s), again->users);
        QCOMPARE(setting(*db, u"window.no"_s), u"B02"_s); // the hall's own setting stays
        // loadIfNeeded does nothing once a catalog exists.
        auto skipped = DemoHall::loadIfNeeded(*db, m_clock);
        QVERIFY(skipped.ok());
        QVERIFY(!skipped->loaded);
    }

    void skippedWithPlatform() {
        auto db = open();
        QVERIFY(db);
        QVERIFY(
            db->exec(
                  u"INSERT INTO settings(key, value, updated_at) VALUES ('platform.url', 'https://gov.example/hall-api', '2026-03-06T00:00:00Z')"_s)
                .ok());
        auto r = DemoHall::loadIfNeeded(*db, m_clock);
        QVERIFY(r.ok());
        QVERIFY(!r->loaded);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM service_items"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoHall)
#include "tst_demohall.moc"
