// Aliases of catalog items (issue 11, item 12): an optional "aliases" array in the item record, imported
// and pulled with the item, kept with its version, searched as its name is (exact, prefix, substring, and
// the alias's pinyin initials), gone from the index with the item or with a version without them.
#include "catalogfixtures.h"

#include <windowdesk/core/catalog.h>
#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogrepository.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>
#include <windowdesk/storage/demohall.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;
using catalogfixtures::item;
using catalogfixtures::itemsPage;

namespace {
const QString kCard = u"430104-000301004000-GG-004"_s;
const QString kOther = u"430104-000301005000-GG-005"_s;

QJsonObject withAliases(QJsonObject o, const QStringList &aliases) {
    o.insert(u"aliases"_s, QJsonArray::fromStringList(aliases));
    return o;
}
} // namespace

class TestCatalogAliases : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 0), QTimeZone::utc())};
    std::unique_ptr<Database> m_db;

    // The tier at which `query` finds `code`, 0 when it does not.
    int tierOf(const QString &query, const QString &code) {
        auto hits = CatalogSearch(*m_db).search(query, u"A07"_s, 50);
        if (!hits.ok())
            return -1;
        for (const SearchHit &h : hits.value())
            if (h.code == code)
                return h.tier;
        return 0;
    }
    int scalar(const QString &sql, const QVariantList &binds = {}) {
        auto q = m_db->query(sql, binds);
        return q.ok() && q->next() ? q->value(0).toInt() : -1;
    }

private slots:
    void init() {
        auto db = Database::open(m_dir.filePath(u"aliases%1.db"_s.arg(++m_n)));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
    }
    void cleanup() { m_db.reset(); }

    void parsed_data() {
        QTest::addColumn<QJsonValue>("aliases");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::addRow("absent") << QJsonValue(QJsonValue::Undefined) << QString();
        QTest::addRow("null") << QJsonValue(QJsonValue::Null) << QString();
        QTest::addRow("two") << QJsonValue(QJsonArray{u"社保卡"_s, u"社会保障卡"_s}) << QString();
        QTest::addRow("not an array") << QJsonValue(u"社保卡"_s) << u"aliases: expected array of strings"_s;
        QTest::addRow("not a string") << QJsonValue(QJsonArray{1}) << u"aliases[0]: expected string"_s;
        QTest::addRow("empty string")
            << QJsonValue(QJsonArray{u"社保卡"_s, u"  "_s}) << u"aliases[1]: must not be empty"_s;
        QTest::addRow("too long") << QJsonValue(QJsonArray{QString(51, u'卡')})
                                  << u"aliases[0]: at most 50 characters"_s;
        QJsonArray many;
        for (int i = 0; i < 21; ++i)
            many.append(u"别名%1"_s.arg(i));
        QTest::addRow("too many") << QJsonValue(many) << u"aliases: at most 20 aliases"_s;
    }
    void parsed() {
        QFETCH(QJsonValue, aliases);
        QFETCH(QString, error);
        QJsonObject o = item(kCard, u"社会保障卡申领"_s);
        if (!aliases.isUndefined())
            o.insert(u"aliases"_s, aliases);
        auto it = core::ServiceItem::fromJson(o);
        if (error.isEmpty()) {
            QVERIFY2(it.ok(), qPrintable(it.ok() ? QString() : it.error().message));
            // Round trip: written back as read.
            auto again = core::ServiceItem::fromJson(it->toJson());
            QVERIFY(again.ok());
            QCOMPARE(again->aliases, it->aliases);
        } else {
            QVERIFY(!it.ok());
            QCOMPARE(it.error().message, error);
        }
    }

    void searchedLikeTheName() {
        CatalogImporter importer(*m_db, m_clock);
        auto r = importer.applyItemsPage(
            itemsPage({withAliases(item(kCard, u"社会保障卡申领"_s, u"区人力资源和社会保障局"_s),
                                   {u"社保卡"_s, u"ＳＢＫ 办理"_s}),
                       item(kOther, u"城乡居民基本养老保险参保登记"_s, u"区人力资源和社会保障局"_s)}),
            {u"catalog_items"_s});
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, 2);
        QVERIFY(r->rejected.isEmpty());
        // Kept with the item.
        auto stored = CatalogRepository(*m_db).currentItem(kCard);
        QVERIFY(stored.ok());
        QCOMPARE(stored->aliases, (QStringList{u"社保卡"_s, u"ＳＢＫ 办理"_s}));
        QCOMPARE(tierOf(u"社保卡"_s, kCard), 1);  // exact alias
        QCOMPARE(tierOf(u"社保"_s, kCard), 2);    // prefix of an alias (1-2 characters: grams/initials)
        QCOMPARE(tierOf(u"保卡"_s, kCard), 3);    // inside an alias, two characters
        QCOMPARE(tierOf(u"sbk"_s, kCard), 1);     // the alias's pinyin initials
        QCOMPARE(tierOf(u"sbk办"_s, kCard), 2);   // normalized as queries are: full-width, case, spaces
        QCOMPARE(tierOf(u"k办理"_s, kCard), 3);   // substring of three or more (FTS)
        QCOMPARE(tierOf(u"社保卡"_s, kOther), 0); // another item's alias is not this one's
        QCOMPARE(tierOf(u"社会保障卡申领"_s, kCard), 1); // the name as before

        // A new version without aliases: they no longer find it, and nothing of them stays in the index.
        r = importer.applyItemsPage(
            itemsPage({item(kCard, u"社会保障卡申领"_s, u"区人力资源和社会保障局"_s, 2)}, {}, u"c2"_s),
            {u"catalog_items"_s});
        QVERIFY(r.ok());
        QCOMPARE(tierOf(u"社保卡"_s, kCard), 0);
        QCOMPARE(tierOf(u"sbk"_s, kCard), 0);
        QCOMPARE(tierOf(u"保卡"_s, kCard), 0);
        QVERIFY(CatalogRepository(*m_db).currentItem(kCard)->aliases.isEmpty());

        // With aliases again, then deleted: no gram, key or FTS row of the document is left behind.
        r = importer.applyItemsPage(
            itemsPage({withAliases(item(kCard, u"社会保障卡申领"_s, u"区人力资源和社会保障局"_s, 3),
                                   {u"社保卡"_s})},
                      {}, u"c3"_s),
            {u"catalog_items"_s});
        QVERIFY(r.ok());
        QCOMPARE(tierOf(u"社保卡"_s, kCard), 1);
        const int docId = scalar(u"SELECT id FROM catalog_search WHERE code = ?"_s, {kCard});
        QVERIFY(docId > 0);
        r = importer.applyItemsPage(itemsPage({}, {kCard}, u"c4"_s), {u"catalog_items"_s});
        QVERIFY(r.ok());
        QCOMPARE(r->deleted, 1);
        QCOMPARE(tierOf(u"社保卡"_s, kCard), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM catalog_grams WHERE doc_id = ?"_s, {docId}), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM catalog_initials WHERE doc_id = ?"_s, {docId}), 0);
        QCOMPARE(scalar(u"SELECT count(*) FROM catalog_fts WHERE rowid = ?"_s, {docId}), 0);
    }

    void rebuildKeepsThem() {
        CatalogImporter importer(*m_db, m_clock);
        QVERIFY(importer
                    .applyItemsPage(itemsPage({withAliases(item(kCard, u"社会保障卡申领"_s), {u"社保卡"_s})}),
                                    {u"catalog_items"_s})
                    .ok());
        QVERIFY(m_db->write([&] { return CatalogSearch::rebuild(*m_db); }).ok());
        QCOMPARE(tierOf(u"社保卡"_s, kCard), 1);
        QCOMPARE(tierOf(u"保卡"_s, kCard), 3);
    }

    // The demo hall carries a few: 社保卡 finds 社会保障卡申领 out of the box (and through the simulator,
    // which serves the same file).
    void demoHallHasAliases() {
        QVERIFY(DemoHall::load(*m_db, m_clock).ok());
        QVERIFY(scalar(u"SELECT count(*) FROM service_items WHERE aliases_json <> '[]'"_s) >= 5);
        auto hits = CatalogSearch(*m_db).search(u"社保卡"_s, u"A07"_s, 5);
        QVERIFY(hits.ok() && !hits->isEmpty());
        QCOMPARE(hits->first().name, u"社会保障卡申领"_s);
        QCOMPARE(hits->first().tier, 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogAliases)
#include "tst_catalogaliases.moc"
