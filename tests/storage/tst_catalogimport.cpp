// CatalogImporter: strict pages, one transaction per page, versioning, deletion, rejections, full pulls.
#include "catalogfixtures.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;
using namespace catalogfixtures;

class TestCatalogImport : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};
    int m_n = 0;

    ImportOptions itemsStream() {
        ImportOptions o;
        o.stream = u"catalog_items"_s;
        return o;
    }
    int scalar(const QString &sql, const QVariantList &binds = {}) {
        auto r = m_db->query(sql, binds);
        if (!r || !r->next())
            return -1;
        return r->value(0).toInt();
    }
    QString cursor(const QString &stream = u"catalog_items"_s) {
        auto r = m_db->query(u"SELECT cursor FROM sync_cursors WHERE stream = ?"_s, {stream});
        return r && r->next() ? r->value(0).toString() : QString();
    }
    QStringList searchCodes(const QString &q) {
        auto r = CatalogSearch(*m_db).search(q, u"A07"_s, 50);
        QStringList out;
        for (const auto &h : r.value())
            out.append(h.code);
        return out;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_db.reset();
        auto db = Database::open(m_dir.filePath(u"t%1.db"_s.arg(++m_n)));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(db).value();
    }
    void cleanup() { m_db.reset(); }

    void appliesValidPage() {
        CatalogImporter imp(*m_db, m_clock);
        auto r = imp.applyItemsPage(
            itemsPage({item(u"C-1"_s, u"食品经营许可"_s), item(u"C-2"_s, u"税务登记"_s)}, {}, u"cur-1"_s),
            itemsStream());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->upserted, 2);
        QCOMPARE(r->nextCursor, u"cur-1"_s);
        QCOMPARE(cursor(), u"cur-1"_s);
        auto it = CatalogRepository(*m_db).currentItem(u"C-1"_s);
        QVERIFY(it.ok());
        QCOMPARE(it->materials.size(), 2);
        QCOMPARE(it->materials[0].licenseType, u"11100000000013127D001"_s);
        QCOMPARE(it->form.size(), 1);
        QCOMPARE(it->process.size(), 3);
        QCOMPARE(CatalogRepository(*m_db).counts()->items, 2);
        QCOMPARE(searchCodes(u"食品"_s), QStringList{u"C-1"_s});
    }

    void malformedPageChangesNothing_data() {
        QTest::addColumn<QByteArray>("body");
        const QByteArray good = itemsPage({item(u"N-1"_s, u"新事项"_s)}, {QJsonValue(u"C-1"_s)}, u"cur-2"_s);
        QTest::addRow("truncated") << good.left(good.size() / 2);
        QTest::addRow("invalid JSON") << QByteArray("{\"items\": [}");
        QTest::addRow("empty body") << QByteArray();
        QTest::addRow("array") << QByteArray("[]");
        QTest::addRow("no next_cursor") << QByteArray(good).replace("\"next_cursor\"", "\"cursor\"");
        QTest::addRow("empty next_cursor") << QByteArray(good).replace("\"cur-2\"", "\"\"");
        QTest::addRow("no has_more") << QByteArray(good).replace("\"has_more\"", "\"more\"");
        QTest::addRow("has_more string")
            << QByteArray(good).replace("\"has_more\":false", "\"has_more\":\"no\"");
        QTest::addRow("items not array")
            << QByteArray(R"({"items":{},"deleted":[],"next_cursor":"x","has_more":false})");
        QTest::addRow("deleted not array")
            << QByteArray(R"({"items":[],"deleted":"C-1","next_cursor":"x","has_more":false})");
    }
    void malformedPageChangesNothing() {
        QFETCH(QByteArray, body);
        CatalogImporter imp(*m_db, m_clock);
        QVERIFY(
            imp.applyItemsPage(itemsPage({item(u"C-1"_s, u"食品经营许可"_s)}, {}, u"cur-1"_s), itemsStream())
                .ok());
        const int rejections = scalar(u"SELECT count(*) FROM import_rejections"_s);
        auto r = imp.applyItemsPage(body, itemsStream());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"bad_page"_s);
        QCOMPARE(cursor(), u"cur-1"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items"_s), 1);
        QCOMPARE(scalar(u"SELECT deleted FROM service_items WHERE code = 'C-1'"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM import_rejections"_s), rejections);
        QCOMPARE(searchCodes(u"食品"_s), QStringList{u"C-1"_s});
    }

    void malformedRecordsRejectedRestApplied() {
        CatalogImporter imp(*m_db, m_clock);
        QJsonObject bad = item(u"BAD-1"_s, u"坏记录"_s);
        QJsonArray mats = bad[u"materials"_s].toArray();
        mats.append(QJsonObject{{u"id"_s, u"m3"_s}, {u"name"_s, u"x"_s}, {u"required"_s, u"yes"_s}});
        bad.insert(u"materials"_s, mats);
        QJsonObject noCode = item(u"x"_s, u"无编码"_s);
        noCode.remove(u"code"_s);
        auto r = imp.applyItemsPage(itemsPage({item(u"OK-1"_s, u"好记录"_s), bad, noCode, QJsonValue(7)},
                                              {QJsonValue(5)}, u"cur-9"_s),
                                    itemsStream());
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, 1);
        QCOMPARE(r->rejected.size(), 4);
        QCOMPARE(r->rejected[0].recordKey, u"BAD-1"_s);
        QCOMPARE(r->rejected[0].field, u"materials[2].required"_s);
        QCOMPARE(r->rejected[0].message, u"expected boolean"_s);
        QCOMPARE(r->rejected[1].recordKey, u"#2"_s);
        QCOMPARE(r->rejected[1].field, u"code"_s);
        QCOMPARE(r->rejected[2].recordKey, u"#3"_s);
        QCOMPARE(r->rejected[3].field, u"deleted[0]"_s);
        // Recorded for hall IT, never half-written, cursor still stored.
        auto stored = CatalogRepository(*m_db).rejections();
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 4);
        QCOMPARE(stored->last().stream, u"catalog_items"_s);
        QCOMPARE(stored->last().field, u"materials[2].required"_s);
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'BAD-1'"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM item_materials WHERE item_code = 'BAD-1'"_s), 0);
        QCOMPARE(cursor(), u"cur-9"_s);
        QVERIFY(CatalogRepository(*m_db).currentItem(u"OK-1"_s).ok());
    }

    void versioning() {
        CatalogImporter imp(*m_db, m_clock);
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"V-1"_s, u"旧名称"_s, u"区税务局"_s, 3)}), itemsStream())
                    .ok());
        // A case accepted under version 3 keeps it.
        QVERIFY(
            m_db->exec(
                    uR"(INSERT INTO cases(local_id, applicant_kind, applicant_name, decision, status, clerk_id,
            window_no, created_at, accepted_date, updated_at) VALUES ('L1', 'person', '张三', 'accepted', 'accepted',
            'u-1', 'A07', '2026-03-06T01:02:03Z', '2026-03-06', '2026-03-06T01:02:03Z'))"_s)
                .ok());
        QVERIFY(
            m_db->exec(
                    u"INSERT INTO case_items(case_local_id, ord, item_code, item_version) VALUES ('L1', 0, 'V-1', 3)"_s)
                .ok());
        auto r =
            imp.applyItemsPage(itemsPage({item(u"V-1"_s, u"新名称"_s, u"区税务局"_s, 4)}), itemsStream());
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, 1);
        QCOMPARE(CatalogRepository(*m_db).currentItem(u"V-1"_s)->name, u"新名称"_s);
        QCOMPARE(CatalogRepository(*m_db).item(u"V-1"_s, 3)->name, u"旧名称"_s);
        QCOMPARE(CatalogRepository(*m_db).item(u"V-1"_s, 3)->materials.size(), 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'V-1' AND is_current = 1"_s), 1);
        QCOMPARE(searchCodes(u"新名称"_s), QStringList{u"V-1"_s});
        QVERIFY(searchCodes(u"旧名称"_s).isEmpty());

        // Version 5 replaces 4; 4 was never used by a case, so it goes.
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"V-1"_s, u"第五版"_s, u"区税务局"_s, 5)}), itemsStream())
                    .ok());
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'V-1' AND version = 4"_s), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'V-1' AND version = 3"_s), 1);

        // A lower version is ignored.
        r = imp.applyItemsPage(itemsPage({item(u"V-1"_s, u"过时"_s, u"区税务局"_s, 4)}), itemsStream());
        QVERIFY(r.ok());
        QCOMPARE(r->ignored, 1);
        QCOMPARE(r->upserted, 0);
        QCOMPARE(CatalogRepository(*m_db).currentItem(u"V-1"_s)->name, u"第五版"_s);
        QCOMPARE(CatalogRepository(*m_db).currentItem(u"V-1"_s)->version, 5);
    }

    void deletionHidesButKeepsCaseVersion() {
        CatalogImporter imp(*m_db, m_clock);
        QVERIFY(imp.applyItemsPage(
                       itemsPage({item(u"D-1"_s, u"食品经营许可"_s), item(u"D-2"_s, u"食品生产许可"_s)}),
                       itemsStream())
                    .ok());
        QVERIFY(
            m_db->exec(
                    uR"(INSERT INTO cases(local_id, applicant_kind, applicant_name, decision, status, clerk_id,
            window_no, created_at, accepted_date, updated_at) VALUES ('L2', 'person', '张三', 'accepted', 'accepted',
            'u-1', 'A07', '2026-03-06T01:02:03Z', '2026-03-06', '2026-03-06T01:02:03Z'))"_s)
                .ok());
        QVERIFY(
            m_db->exec(
                    u"INSERT INTO case_items(case_local_id, ord, item_code, item_version) VALUES ('L2', 0, 'D-1', 1)"_s)
                .ok());
        auto r = imp.applyItemsPage(
            itemsPage({}, {QJsonValue(u"D-1"_s), QJsonValue(u"UNKNOWN"_s)}, u"cur-d"_s), itemsStream());
        QVERIFY(r.ok());
        QCOMPARE(r->deleted, 1);
        QCOMPARE(searchCodes(u"食品"_s), QStringList{u"D-2"_s});
        QCOMPARE(searchCodes(u"spjy"_s), QStringList());
        QVERIFY(!CatalogRepository(*m_db).currentItem(u"D-1"_s).ok()); // not offered for new cases
        auto kept = CatalogRepository(*m_db).item(u"D-1"_s, 1);        // the case's version stays
        QVERIFY(kept.ok());
        QCOMPARE(kept->materials.size(), 2);
        QCOMPARE(CatalogRepository(*m_db).counts()->items, 1);
        // Re-published later with a higher version: back in search.
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"D-1"_s, u"食品经营许可"_s, u"区市场监督管理局"_s, 2)}),
                                   itemsStream())
                    .ok());
        QCOMPARE(searchCodes(u"spjy"_s), QStringList{u"D-1"_s});
    }

    void bundlesPage() {
        CatalogImporter imp(*m_db, m_clock);
        const QJsonObject b{{u"code"_s, u"YJS-1"_s},
                            {u"name"_s, u"婚姻一件事"_s},
                            {u"theme"_s, u"婚姻"_s},
                            {u"item_codes"_s, QJsonArray{u"A"_s, u"B"_s}},
                            {u"promised_time_limit_days"_s, 3},
                            {u"version"_s, 2}};
        QJsonObject bad = b;
        bad.insert(u"code"_s, u"YJS-2"_s);
        bad.insert(u"promised_time_limit_days"_s, u"3"_s);
        ImportOptions o;
        o.stream = u"catalog_bundles"_s;
        auto r = imp.applyBundlesPage(page(u"bundles"_s, {b, bad}, {}, u"b-1"_s), o);
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, 1);
        QCOMPARE(r->rejected.size(), 1);
        QCOMPARE(r->rejected[0].field, u"promised_time_limit_days"_s);
        QCOMPARE(cursor(u"catalog_bundles"_s), u"b-1"_s);
        auto stored = CatalogRepository(*m_db).currentBundle(u"YJS-1"_s);
        QVERIFY(stored.ok());
        QCOMPARE(stored->itemCodes, (QStringList{u"A"_s, u"B"_s}));
        QVERIFY(!imp.applyBundlesPage(page(u"items"_s, {b}), o).ok()); // an items page is not a bundles page
    }

    void fullPullReplacesCache() {
        CatalogImporter imp(*m_db, m_clock);
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"F-1"_s, u"甲事项"_s), item(u"F-2"_s, u"乙事项"_s),
                                              item(u"F-3"_s, u"丙事项"_s)}),
                                   itemsStream())
                    .ok());
        QVERIFY(imp.beginFullPull(u"catalog_items"_s).ok());
        QVERIFY(cursor().isEmpty());
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"F-1"_s, u"甲事项"_s)}, {}, u"p1"_s, true), itemsStream())
                    .ok());
        QVERIFY(
            imp.applyItemsPage(itemsPage({item(u"F-3"_s, u"丙事项"_s)}, {}, u"p2"_s, false), itemsStream())
                .ok());
        auto removed = imp.completeFullPull(u"catalog_items"_s);
        QVERIFY(removed.ok());
        QCOMPARE(removed.value(), 1);
        QCOMPARE(searchCodes(u"事项"_s), (QStringList{u"F-1"_s, u"F-3"_s}));
        QCOMPARE(scalar(u"SELECT full_pull FROM sync_cursors WHERE stream = 'catalog_items'"_s), 0);
        QVERIFY(!imp.completeFullPull(u"catalog_items"_s).ok()); // none under way any more
    }

    void removeDemoCatalog() {
        CatalogImporter imp(*m_db, m_clock);
        ImportOptions demo;
        demo.source = u"demo"_s;
        QVERIFY(imp.applyItemsPage(
                       itemsPage({item(u"X-1"_s, u"演示事项"_s), item(u"X-2"_s, u"演示事项二"_s)}), demo)
                    .ok());
        QVERIFY(
            m_db->exec(
                    uR"(INSERT INTO cases(local_id, applicant_kind, applicant_name, decision, status, clerk_id,
            window_no, created_at, accepted_date, updated_at) VALUES ('L3', 'person', '张三', 'accepted', 'accepted',
            'u-1', 'A07', '2026-03-06T01:02:03Z', '2026-03-06', '2026-03-06T01:02:03Z'))"_s)
                .ok());
        QVERIFY(
            m_db->exec(
                    u"INSERT INTO case_items(case_local_id, ord, item_code, item_version) VALUES ('L3', 0, 'X-1', 1)"_s)
                .ok());
        QVERIFY(cursor().isEmpty()); // demo files store no cursor
        auto r = imp.removeDemoCatalog();
        QVERIFY(r.ok());
        QCOMPARE(r.value(), 2);
        QCOMPARE(CatalogRepository(*m_db).counts()->items, 0);
        QVERIFY(searchCodes(u"演示"_s).isEmpty());
        QVERIFY(CatalogRepository(*m_db).item(u"X-1"_s, 1).ok());  // kept for case L3
        QVERIFY(!CatalogRepository(*m_db).item(u"X-2"_s, 1).ok()); // gone
        // With the option, the first platform page removes the demo rows in its own transaction.
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"X-3"_s, u"又一个演示事项"_s)}), demo).ok());
        ImportOptions first = itemsStream();
        first.removeDemoCatalog = true;
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"P-1"_s, u"平台新事项"_s)}), first).ok());
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'X-3'"_s), 0);
        QCOMPARE(CatalogRepository(*m_db).counts()->items, 1);
        // A bad first page changes nothing: the demo rows stay until a page applies.
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"X-4"_s, u"演示事项四"_s)}), demo).ok());
        QVERIFY(!imp.applyItemsPage("{", first).ok());
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE code = 'X-4' AND deleted = 0"_s), 1);
        // The platform's version 1 of the same code takes over.
        QVERIFY(imp.applyItemsPage(itemsPage({item(u"X-1"_s, u"平台事项"_s)}), itemsStream()).ok());
        QCOMPARE(CatalogRepository(*m_db).currentItem(u"X-1"_s)->name, u"平台事项"_s);
    }

    void fileImport() {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"items.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(QJsonArray{item(u"FI-1"_s, u"文件事项"_s)}).toJson());
        f.close();
        auto r = CatalogImporter(*m_db, m_clock).importFile(path);
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM service_items WHERE source = 'file'"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogImport)
#include "tst_catalogimport.moc"
