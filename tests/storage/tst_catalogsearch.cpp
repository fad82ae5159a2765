// Catalog search: tiers, use counts, pinyin initials (polyphonic too), code prefix, department,
// 1-2 character queries, syntax characters as text, empty query, 100-character cut, index-only plans.
#include "catalogfixtures.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;
using namespace catalogfixtures;

namespace {
const QString kLongName = QString(100, QChar(0x8BB8)); // 许 × 100
}

class TestCatalogSearch : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};

    QStringList codes(const QString &q, const QString &window = u"A07"_s, int limit = 50) {
        auto r = CatalogSearch(*m_db).search(q, window, limit);
        if (!r) {
            qWarning() << r.error().message;
            return {u"<error>"_s};
        }
        QStringList out;
        for (const auto &h : r.value())
            out.append(h.code);
        return out;
    }
    void use(const QString &code, int times, const QString &window = u"A07"_s) {
        for (int i = 0; i < times; ++i)
            QVERIFY(CatalogSearch(*m_db).recordUse(window, code, m_clock).ok());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto db = Database::open(m_dir.filePath(u"search.db"_s));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = std::move(db).value();
        const QJsonArray items{
            item(u"430104-000101001000-XK-001"_s, u"税务登记"_s, u"区税务局"_s),
            item(u"430104-000101002000-XK-002"_s, u"税务登记证补办"_s, u"区税务局"_s),
            item(u"430104-000101003000-XK-003"_s, u"临时税务登记"_s, u"区税务局"_s),
            item(u"430104-000101004000-XK-004"_s, u"跨区域涉税事项报告税务登记"_s, u"区税务局"_s),
            item(u"430104-000201005000-XK-005"_s, u"食品经营许可（新办）"_s, u"区市场监督管理局"_s),
            item(u"430104-000201006000-XK-006"_s, u"食品生产许可"_s, u"区市场监督管理局"_s),
            item(u"430104-000301001000-GG-001"_s, u"银行开户许可"_s, u"区人民银行"_s),
            item(u"430104-000401001000-QT-001"_s, u"重庆籍人员证明"_s, u"区公安分局"_s),
            item(u"430104-000501001000-QT-001"_s, u"测试NEAR(项目"_s, u"区测试局"_s),
            item(u"430104-000501002000-QT-002"_s, u"A-B类\"引号\"*许可'"_s, u"区测试局"_s),
            item(u"430104-000501003000-QT-003"_s, kLongName, u"区测试局"_s),
        };
        auto r = CatalogImporter(*m_db, m_clock).applyItemsPage(itemsPage(items), ImportOptions{});
        QVERIFY(r.ok());
        QCOMPARE(r->upserted, int(items.size()));
    }
    void cleanupTestCase() { m_db.reset(); }

    void tiersByName() {
        // 1 exact, 2 prefix, 3 substring (shorter name first within the tier).
        QCOMPARE(codes(u"税务登记"_s),
                 (QStringList{u"430104-000101001000-XK-001"_s, u"430104-000101002000-XK-002"_s,
                              u"430104-000101003000-XK-003"_s, u"430104-000101004000-XK-004"_s}));
    }

    void eachItemOnceWithItsBestTier() {
        // 税务登记 is found as exact name, by its initials' prefix and as a substring: listed once, tier 1.
        auto r = CatalogSearch(*m_db).search(u"税务登记"_s, u"Z98"_s, 50);
        QVERIFY(r.ok());
        QList<int> tiers;
        QStringList codes;
        for (const auto &h : r.value()) {
            tiers.append(h.tier);
            codes.append(h.code);
        }
        QCOMPARE(tiers, (QList<int>{1, 2, 3, 3}));
        QCOMPARE(QSet<QString>(codes.cbegin(), codes.cend()).size(), codes.size());
    }

    void tiersByInitials() {
        QCOMPARE(codes(u"swdj"_s),
                 (QStringList{u"430104-000101001000-XK-001"_s, u"430104-000101002000-XK-002"_s,
                              u"430104-000101003000-XK-003"_s, u"430104-000101004000-XK-004"_s}));
        QCOMPARE(codes(u"spjy"_s), QStringList{u"430104-000201005000-XK-005"_s});
        QCOMPARE(codes(u"SPJY"_s), QStringList{u"430104-000201005000-XK-005"_s}); // case and width folded
        QCOMPARE(codes(u"ｓｐｊｙ"_s), QStringList{u"430104-000201005000-XK-005"_s});
    }

    void useCountRanksWithinTierOnly() {
        use(u"430104-000101004000-XK-004"_s, 5);
        use(u"430104-000101003000-XK-003"_s, 1, u"B01"_s); // another window's use does not count here
        // Tier 3: the used item now comes first; tiers 1 and 2 stay above it.
        QCOMPARE(codes(u"税务登记"_s),
                 (QStringList{u"430104-000101001000-XK-001"_s, u"430104-000101002000-XK-002"_s,
                              u"430104-000101004000-XK-004"_s, u"430104-000101003000-XK-003"_s}));
        QCOMPARE(codes(u"税务登记"_s, u"B01"_s).at(2), u"430104-000101003000-XK-003"_s);
    }

    void polyphonic_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::addRow("银行 yh") << u"yhkhxk"_s << u"430104-000301001000-GG-001"_s;
        QTest::addRow("银行 yx") << u"yxkhxk"_s << u"430104-000301001000-GG-001"_s;
        QTest::addRow("重庆 cq") << u"cqjr"_s << u"430104-000401001000-QT-001"_s;
        QTest::addRow("重庆 zq") << u"zqjr"_s << u"430104-000401001000-QT-001"_s;
        QTest::addRow("2 letters cq") << u"cq"_s << u"430104-000401001000-QT-001"_s;
    }
    void polyphonic() {
        QFETCH(QString, query);
        QFETCH(QString, code);
        QVERIFY2(codes(query).contains(code), qPrintable(codes(query).join(u',')));
    }

    void codePrefix() {
        QCOMPARE(codes(u"430104-0001"_s).size(), 4);
        QCOMPARE(codes(u"430104-000201005000-xk"_s), QStringList{u"430104-000201005000-XK-005"_s});
        QCOMPARE(codes(u"430104-000201005000-XK-005"_s), QStringList{u"430104-000201005000-XK-005"_s});
        QVERIFY(codes(u"0001"_s).isEmpty()); // a code matches by prefix only
    }

    void department() {
        const QStringList hits = codes(u"人民银行"_s);
        QCOMPARE(hits, QStringList{u"430104-000301001000-GG-001"_s});
        QCOMPARE(codes(u"市场监督"_s).size(), 2);
    }

    void shortChineseQueries() {
        // One character: every name containing it; two characters likewise (FTS5 trigram cannot).
        QCOMPARE(codes(u"税"_s).size(), 4);
        QCOMPARE(codes(u"许"_s).size(), 5); // 食品经营许可, 食品生产许可, 银行开户许可, A-B类…许可, 许…许
        QCOMPARE(codes(u"食品"_s),
                 (QStringList{u"430104-000201006000-XK-006"_s, u"430104-000201005000-XK-005"_s}));
        // All four are substrings (tier 3): the one this window used most comes first, then the shortest.
        QCOMPARE(codes(u"登记"_s).mid(0, 2),
                 (QStringList{u"430104-000101004000-XK-004"_s, u"430104-000101001000-XK-001"_s}));
        QCOMPARE(codes(u"经营"_s), QStringList{u"430104-000201005000-XK-005"_s});
    }

    void syntaxCharactersAreText_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected"); // a code that must be among the hits, or empty for none
        QTest::addRow("quote") << u"\""_s << u"430104-000501002000-QT-002"_s;
        QTest::addRow("star") << u"*"_s << u"430104-000501002000-QT-002"_s;
        QTest::addRow("apostrophe") << u"'"_s << u"430104-000501002000-QT-002"_s;
        QTest::addRow("minus") << u"-"_s << u"430104-000501002000-QT-002"_s;
        QTest::addRow("quoted phrase") << u"\"引号\"*"_s << u"430104-000501002000-QT-002"_s;
        QTest::addRow("NEAR(") << u"NEAR("_s << u"430104-000501001000-QT-001"_s;
        QTest::addRow("OR") << u"OR"_s << QString();
        QTest::addRow("FTS expression") << u"食品\" OR \"税务"_s << QString();
        QTest::addRow("SQL") << u"'; DROP TABLE service_items; --"_s << QString();
        QTest::addRow("column filter") << u"name_norm:食品"_s << QString();
        QTest::addRow("caret") << u"^食品"_s << QString();
    }
    void syntaxCharactersAreText() {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        const QStringList hits = codes(query);
        QVERIFY(!hits.contains(u"<error>"_s));
        if (expected.isEmpty())
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u',')));
        else
            QVERIFY2(hits.contains(expected), qPrintable(hits.join(u',')));
        QCOMPARE(codes(u"食品"_s).size(), 2); // nothing was dropped
    }

    void emptyQueryGivesFrequentItems() {
        use(u"430104-000201006000-XK-006"_s, 9);
        for (const QString &q : {QString(), u"   "_s, u"\u3000"_s}) {
            const QStringList hits = codes(q, u"A07"_s, 3);
            QCOMPARE(hits.size(), 3);
            QCOMPARE(hits.at(0), u"430104-000201006000-XK-006"_s); // used 9 times
            QCOMPARE(hits.at(1), u"430104-000101004000-XK-004"_s); // used 5 times
        }
        // A window without history still gets items.
        QCOMPARE(codes(QString(), u"Z99"_s, 5).size(), 5);
    }

    void longInputCutAt100() {
        QCOMPARE(CatalogSearch::prepareQuery(kLongName + u"多余的文字"_s), kLongName);
        QCOMPARE(CatalogSearch::prepareQuery(QString(500, u'a')).size(), 100);
        QCOMPARE(codes(kLongName + u"多余的文字"_s).first(), u"430104-000501003000-QT-003"_s);
    }

    void deletedItemsLeaveSearch() {
        // (import tests cover versions; here only that the index follows a deletion)
        auto r = CatalogImporter(*m_db, m_clock)
                     .applyItemsPage(itemsPage({}, {QJsonValue(u"430104-000101003000-XK-003"_s)}),
                                     ImportOptions{});
        QVERIFY(r.ok());
        QVERIFY(!codes(u"lsswdj"_s).contains(u"430104-000101003000-XK-003"_s));
        QVERIFY(!codes(u"临时"_s).contains(u"430104-000101003000-XK-003"_s));
        // No index row is left behind for a removed document.
        auto orphans = m_db->query(uR"(SELECT (SELECT count(*) FROM catalog_grams WHERE doc_id NOT IN
            (SELECT id FROM catalog_search)) + (SELECT count(*) FROM catalog_initials WHERE doc_id NOT IN
            (SELECT id FROM catalog_search)) + (SELECT count(*) FROM catalog_fts WHERE rowid NOT IN
            (SELECT id FROM catalog_search)))"_s);
        QVERIFY(orphans.ok() && orphans->next());
        QCOMPARE(orphans->value(0).toInt(), 0);
    }

    void broadQueryKeepsUsedItemsFirst() {
        // More matches than an index branch takes: the used item sorts last by code and by name, yet leads.
        QJsonArray many;
        const int n = CatalogSearch::kBranchCap + 100;
        for (int i = 0; i < n; ++i)
            many.append(item(u"ZZ-%1"_s.arg(i, 4, 10, QChar(u'0')),
                             u"批量事项%1"_s.arg(i, 4, 10, QChar(u'0')), u"区批量局"_s));
        QVERIFY(CatalogImporter(*m_db, m_clock).applyItemsPage(itemsPage(many), ImportOptions{}).ok());
        const QString last = u"ZZ-%1"_s.arg(n - 1, 4, 10, QChar(u'0'));
        use(last, 2);
        // A limit above the branch cap still gets every match.
        QCOMPARE(codes(u"批量"_s, u"A07"_s, n + 50).size(), n);
        for (const QString &q : {u"批量"_s, u"批量事项"_s, u"plsx"_s, u"ZZ-"_s, u"批"_s}) {
            const QStringList hits = codes(q, u"A07"_s, 10);
            QCOMPARE(hits.size(), 10);
            QCOMPARE(hits.first(), last);
        }
    }

    void noFullScan_data() {
        QTest::addColumn<QString>("query");
        QTest::addRow("1 char") << u"税"_s;
        QTest::addRow("2 chars") << u"食品"_s;
        QTest::addRow("3+ chars") << u"食品经营"_s;
        QTest::addRow("initials") << u"spjy"_s;
        QTest::addRow("code") << u"430104-0002"_s;
        QTest::addRow("department") << u"市场监督"_s;
    }
    void noFullScan() {
        QFETCH(QString, query);
        QVariantList binds;
        const QString sql =
            CatalogSearch::searchSql(CatalogSearch::prepareQuery(query), u"A07"_s, 20, &binds);
        auto plan = m_db->query(u"EXPLAIN QUERY PLAN "_s + sql, binds);
        QVERIFY(plan.ok());
        QStringList lines;
        while (plan->next())
            lines.append(plan->value(3).toString());
        QVERIFY(!lines.isEmpty());
        for (const QString &line : std::as_const(lines)) {
            // Scanning the candidate list or the handful of departments is fine; the item tables never.
            const bool itemTableScan =
                line.startsWith(u"SCAN "_s) &&
                (line.contains(u"catalog_search"_s) || line.contains(u"catalog_grams"_s) ||
                 line.contains(u"catalog_initials"_s) || line.contains(u"service_items"_s) ||
                 line == u"SCAN s"_s);
            QVERIFY2(!itemTableScan, qPrintable(lines.join(u" | ")));
        }
        // Nor any temporary B-tree (materialized subquery, IN list, ORDER BY … LIMIT): each brings a page
        // cache of its own, allocated and freed on every keystroke.
        auto program = m_db->query(u"EXPLAIN "_s + sql, binds);
        QVERIFY(program.ok());
        QStringList ephemeral;
        while (program->next()) {
            if (program->value(1).toString() == u"OpenEphemeral")
                ephemeral.append(program->value(0).toString());
        }
        QVERIFY2(ephemeral.isEmpty(), qPrintable(u"OpenEphemeral at "_s + ephemeral.join(u',')));
    }

    void limitAndRankOrder() {
        // search() reads `limit` rows of the ranked candidates: the first rows of a larger limit.
        const QStringList all = codes(u"许可"_s, u"A07"_s, 50);
        QVERIFY(all.size() >= 4);
        for (int limit = 1; limit < all.size(); ++limit)
            QCOMPARE(codes(u"许可"_s, u"A07"_s, limit), all.mid(0, limit));
    }
};

QTEST_GUILESS_MAIN(TestCatalogSearch)
#include "tst_catalogsearch.moc"
