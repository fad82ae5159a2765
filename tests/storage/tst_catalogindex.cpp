// A catalog page is written in batches (CatalogImporter writes the page's new codes, their materials
// and form fields in one statement per table; CatalogSearchIndexer every index table at flush()). The
// result must be exactly what applying the records one page each gives: same rows in the item tables
// and in every index table, FTS5 consistent, same search results. Checked on the demo catalog and on
// a generated one with updates, deletions and the same code twice in one page.
#include "catalogfixtures.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/catalogimporter.h>
#include <windowdesk/storage/catalogsearch.h>
#include <windowdesk/storage/database.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk;
using namespace windowdesk::storage;
using namespace catalogfixtures;

namespace {

// One import step: records and deleted codes applied as one page (batched) or one page each (reference).
struct Step {
    QJsonArray records;
    QJsonArray deleted;
};

QJsonArray demoItems() {
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR "/db/demo/catalog_items.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(u"items"_s).toArray();
}

// Names with what the index has to get right: polyphonic characters (several initials strings, some
// equal), JSON and FTS syntax characters, a backslash, full-width and Latin letters, white space, a
// character outside the BMP, a name without any initials.
QJsonArray generatedItems(int count, int version = 1, const QString &suffix = {}) {
    const QStringList stems{u"食品经营许可"_s,
                            u"银行开户许可"_s,
                            u"重庆籍人员证明"_s,
                            u"行行行行行行行"_s,
                            u"A-B类\"引号\"*许可'"_s,
                            u"路径\\反斜杠登记"_s,
                            u"ＩＣＰ 备案（新办）"_s,
                            u"𠀀字事项"_s,
                            u"（）"_s,
                            u"税务登记 NEAR(x)"_s};
    const QStringList departments{u"区市场监督管理局"_s, u"区税务局"_s, u"区人民银行"_s, u"区 公安分局"_s};
    // Materials and form fields with every kind of value: absent and present optionals, a select's
    // options, numbers with fractions, quotes and a backslash and a new line in text.
    const QJsonArray materials{QJsonObject{{u"id"_s, u"m1"_s},
                                           {u"name"_s, u"居民身份证"_s},
                                           {u"required"_s, true},
                                           {u"license_type"_s, u"11100000000013127D001"_s},
                                           {u"commitment_allowed"_s, true}},
                               QJsonObject{{u"id"_s, u"m2"_s},
                                           {u"name"_s, u"申请书\"签字\"\\盖章"_s},
                                           {u"required"_s, false},
                                           {u"copies"_s, 2},
                                           {u"notes"_s, u"原件\n复印件"_s}}};
    const QJsonArray form{QJsonObject{{u"key"_s, u"name"_s},
                                      {u"label"_s, u"姓名"_s},
                                      {u"type"_s, u"text"_s},
                                      {u"required"_s, true},
                                      {u"max_length"_s, 40}},
                          QJsonObject{{u"key"_s, u"area"_s},
                                      {u"label"_s, u"面积"_s},
                                      {u"type"_s, u"number"_s},
                                      {u"min"_s, 0.5},
                                      {u"max"_s, 10000}},
                          QJsonObject{{u"key"_s, u"kind"_s},
                                      {u"label"_s, u"类别"_s},
                                      {u"type"_s, u"select"_s},
                                      {u"options"_s, QJsonArray{u"甲"_s, u"乙\"丙"_s}}}};
    QJsonArray out;
    for (int i = 0; i < count; ++i) {
        const QString code = u"G-%1"_s.arg(i, 4, 10, QChar(u'0'));
        QJsonObject o = item(code, stems.at(i % stems.size()) + QString::number(i / stems.size()) + suffix,
                             departments.at((i / 3) % departments.size()), version);
        if (i % 2) {
            o[u"materials"_s] = materials;
            o[u"form"_s] = form;
            o[u"process"_s] = QJsonArray{u"申请"_s, u"审查\"决定\""_s};
            o[u"updated_at"_s] = u"2026-03-01T08:00:00Z"_s;
            o[u"fee"_s] = u"不收费"_s;
        }
        out.append(o);
    }
    return out;
}

// A later round on top of `base`: renamed items moving department, one code twice in the page (the
// second version wins), deletions (of an item renamed in the same page, of an untouched one, of a
// code never seen), and a new code both added and deleted in the page.
Step updateStep(const QJsonArray &base) {
    Step s;
    for (qsizetype i = 0; i < base.size(); i += 7) {
        QJsonObject o = base.at(i).toObject();
        o[u"name"_s] = u"变更后"_s + o.value(u"name"_s).toString();
        o[u"department"_s] = u"区行政审批局"_s;
        o[u"version"_s] = 2;
        s.records.append(o);
        if (i % 21 == 0) {
            o[u"name"_s] = u"再变更"_s + o.value(u"name"_s).toString();
            o[u"version"_s] = 3;
            s.records.append(o);
        }
    }
    s.records.append(item(u"NEW-1"_s, u"新增又删除的事项"_s, u"区临时局"_s));
    s.deleted = QJsonArray{base.at(0).toObject().value(u"code"_s), base.at(1).toObject().value(u"code"_s),
                           u"NEVER-SEEN"_s, u"NEW-1"_s};
    return s;
}

} // namespace

class TestCatalogIndex : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2026, 3, 6), QTime(1, 2, 3), Qt::UTC)};
    int m_n = 0;

    std::unique_ptr<Database> open() {
        auto db = Database::open(m_dir.filePath(u"i%1.db"_s.arg(++m_n)));
        if (!db) {
            qWarning() << db.error().message;
            return nullptr;
        }
        return std::move(db).value();
    }

    static bool apply(Database &db, const Clock &clock, const QJsonArray &records,
                      const QJsonArray &deleted) {
        auto r = CatalogImporter(db, clock).applyItemsPage(itemsPage(records, deleted), ImportOptions{});
        if (!r || !r->rejected.isEmpty()) {
            qWarning() << (r ? r->rejected.first().field + r->rejected.first().message : r.error().message);
            return false;
        }
        return true;
    }

    // Every row of every index table, named by item code instead of document id (ids are internal).
    static QStringList snapshot(Database &db) {
        const QStringList queries{
            u"SELECT 'item', * FROM service_items"_s,
            u"SELECT 'material', * FROM item_materials"_s,
            u"SELECT 'field', * FROM item_form_fields"_s,
            u"SELECT 's', code, code_norm, name, name_norm, name_len, department FROM catalog_search"_s,
            uR"(SELECT 'g', g.gram, COALESCE(s.code, 'orphan ' || g.doc_id) FROM catalog_grams g
                LEFT JOIN catalog_search s ON s.id = g.doc_id)"_s,
            uR"(SELECT 'i', i.initials, COALESCE(s.code, 'orphan ' || i.doc_id) FROM catalog_initials i
                LEFT JOIN catalog_search s ON s.id = i.doc_id)"_s,
            uR"(SELECT 'f', COALESCE(s.code, 'orphan ' || f.rowid), f.name_norm, f.initials FROM catalog_fts f
                LEFT JOIN catalog_search s ON s.id = f.rowid)"_s,
            u"SELECT 'd', name, name_norm, items FROM catalog_departments"_s,
        };
        QStringList rows;
        for (const QString &sql : queries) {
            auto q = db.query(sql);
            if (!q)
                return {u"error: "_s + q.error().message};
            while (q->next()) {
                QStringList cols;
                for (int c = 0; c < q->record().count(); ++c) {
                    const QVariant v = q->value(c);
                    // Type too: 10 and 10.0 or '1' and 1 must not pass for each other.
                    cols.append(v.isNull() ? u"NULL"_s
                                           : v.toString() + u':' + QString::fromLatin1(v.typeName()));
                }
                rows.append(cols.join(u'|'));
            }
        }
        rows.sort();
        return rows;
    }

    static QStringList searchAll(Database &db, const QStringList &queries) {
        QStringList out;
        CatalogSearch search(db);
        for (const QString &q : queries) {
            auto hits = search.search(q, u"A07"_s, 50);
            QStringList codes;
            for (const auto &h : hits.value())
                codes.append(u"%1:%2"_s.arg(h.code).arg(h.tier));
            out.append(q + u" → "_s + codes.join(u','));
        }
        return out;
    }

    static bool ftsConsistent(Database &db) {
        return db
            .write(
                [&] { return db.exec(u"INSERT INTO catalog_fts(catalog_fts) VALUES('integrity-check')"_s); })
            .ok();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void batchedEqualsItemByItem_data() {
        QTest::addColumn<QJsonArray>("items");
        const QJsonArray demo = demoItems();
        QVERIFY(demo.size() > 50);
        QTest::addRow("demo catalog") << demo;
        QTest::addRow("generated") << generatedItems(240);
    }
    void batchedEqualsItemByItem() {
        QFETCH(QJsonArray, items);
        // The first page also holds a new code twice (the later version wins) and then a lower one
        // (ignored).
        QJsonArray first = items;
        QJsonObject again = items.at(3).toObject();
        again[u"name"_s] = u"同页新版本"_s;
        again[u"version"_s] = 2;
        first.append(again);
        again[u"version"_s] = 1;
        first.append(again);
        const QList<Step> steps{Step{first, {}}, updateStep(items)};
        auto batched = open(), single = open();
        QVERIFY(batched && single);
        for (const Step &s : steps) {
            QVERIFY(apply(*batched, m_clock, s.records, s.deleted));
            for (const QJsonValue &r : s.records)
                QVERIFY(apply(*single, m_clock, QJsonArray{r}, {}));
            for (const QJsonValue &d : s.deleted)
                QVERIFY(apply(*single, m_clock, {}, QJsonArray{d}));
        }
        const QStringList expected = snapshot(*single);
        QVERIFY(expected.size() > items.size() * 10); // grams, initials, FTS rows for every item
        QVERIFY(expected.join(u'\n').contains(u"material:"_s));
        QVERIFY(!expected.join(u'\n').contains(u"orphan"_s));
        QCOMPARE(snapshot(*batched), expected);
        QVERIFY(ftsConsistent(*batched));
        QVERIFY(ftsConsistent(*single));

        const QStringList queries{u"食"_s,   u"食品"_s, u"经营许可"_s, u"spjy"_s,     u"yh"_s,    u"yx"_s,
                                  u"cq"_s,   u"zq"_s,   u"\""_s,       u"\\"_s,       u"near("_s, u"icp"_s,
                                  u"𠀀"_s,   u"变更"_s, u"bgh"_s,      u"行政审批"_s, u"登记"_s,  u"G-00"_s,
                                  u"新增"_s, u"许可"_s, u"hhh"_s,      u"xxx"_s};
        QCOMPARE(searchAll(*batched, queries), searchAll(*single, queries));

        // A rebuild (one batch over every current item) gives the same index again.
        QVERIFY(batched->write([&] { return CatalogSearch::rebuild(*batched); }).ok());
        QCOMPARE(snapshot(*batched), expected);
        QVERIFY(ftsConsistent(*batched));
    }

    void valuesSurviveTheJsonRows() {
        // The page's rows reach SQLite as JSON text written by the importer: every kind of value as sent.
        auto db = open();
        QVERIFY(db);
        const QJsonObject rich = generatedItems(2).at(1).toObject(); // materials, form, process, quotes
        QVERIFY(apply(*db, m_clock, {rich}, {}));
        const QString code = rich.value(u"code"_s).toString();
        auto q = db->query(u"SELECT name, process_json, updated_at, fee FROM service_items WHERE code = ?"_s,
                           {code});
        QVERIFY(q.ok() && q->next());
        QCOMPARE(q->value(0).toString(), rich.value(u"name"_s).toString());
        QCOMPARE(QJsonDocument::fromJson(q->value(1).toString().toUtf8()).array(),
                 rich.value(u"process"_s).toArray());
        QCOMPARE(q->value(2).toString(), u"2026-03-01T08:00:00Z"_s);
        QCOMPARE(q->value(3).toString(), u"不收费"_s);
        auto m =
            db->query(uR"(SELECT material_id, ord, name, required, copies, license_type, commitment_allowed,
            notes FROM item_materials WHERE item_code = ? ORDER BY ord)"_s,
                      {code});
        QVERIFY(m.ok() && m->next());
        QCOMPARE(m->value(0).toString(), u"m1"_s);
        QCOMPARE(m->value(5).toString(), u"11100000000013127D001"_s);
        QCOMPARE(m->value(6).toInt(), 1);
        QVERIFY(m->next());
        QCOMPARE(m->value(1).toInt(), 1);
        QCOMPARE(m->value(2).toString(), u"申请书\"签字\"\\盖章"_s);
        QCOMPARE(m->value(3).toInt(), 0);
        QCOMPARE(m->value(4).toInt(), 2);
        QVERIFY(m->value(5).isNull());
        QCOMPARE(m->value(7).toString(), u"原件\n复印件"_s);
        auto f = db->query(uR"(SELECT field_key, required, max_length, min_value, max_value, options_json
            FROM item_form_fields WHERE item_code = ? ORDER BY ord)"_s,
                           {code});
        QVERIFY(f.ok() && f->next());
        QCOMPARE(f->value(1).toInt(), 1);
        QCOMPARE(f->value(2).toInt(), 40);
        QVERIFY(f->value(3).isNull() && f->value(5).isNull());
        QVERIFY(f->next());
        QCOMPARE(f->value(3).toDouble(), 0.5);
        QCOMPARE(f->value(4).toDouble(), 10000.0);
        QVERIFY(f->value(2).isNull());
        QVERIFY(f->next());
        QCOMPARE(f->value(0).toString(), u"kind"_s);
        QCOMPARE(QJsonDocument::fromJson(f->value(5).toString().toUtf8()).array(),
                 (QJsonArray{u"甲"_s, u"乙\"丙"_s}));
        QVERIFY(!f->next());
    }

    void sameCodeIndexedTwiceBeforeFlush() {
        // The second version of a code replaces the first one's pending document: no trace of the first
        // name, the department counted once.
        auto db = open();
        QVERIFY(db);
        QVERIFY(apply(*db, m_clock,
                      {item(u"T-1"_s, u"银行开户许可"_s, u"区甲局"_s, 1),
                       item(u"T-1"_s, u"食品经营许可"_s, u"区乙局"_s, 2)},
                      {}));
        const QString rows = snapshot(*db).join(u'\n');
        QVERIFY2(!rows.contains(u"银行"_s) && !rows.contains(u"yhkhxk"_s) && !rows.contains(u"区甲局"_s),
                 qPrintable(rows));
        QVERIFY(rows.contains(u"d:QString|区乙局:QString|区乙局:QString|1:qlonglong"_s));
        QVERIFY(rows.contains(u"i:QString|spjyxk:QString|T-1:QString"_s));
        QCOMPARE(searchAll(*db, {u"yhkh"_s, u"spjy"_s}), (QStringList{u"yhkh → "_s, u"spjy → T-1:2"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCatalogIndex)
#include "tst_catalogindex.moc"
