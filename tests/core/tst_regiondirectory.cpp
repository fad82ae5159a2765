// The GB/T 2260 division codes shipped with the program (db/regions/gb2260.tsv): the list is whole and
// consistent, and a clerk finds the target region of a 跨省通办 receipt by name, pinyin initials or code.
#include <windowdesk/core/regiondirectory.h>

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using windowdesk::core::Region;
using windowdesk::core::RegionDirectory;

class TestRegionDirectory : public QObject {
    Q_OBJECT
private slots:
    void listIsWholeAndConsistent() {
        const RegionDirectory &d = RegionDirectory::embedded();
        QVERIFY2(d.size() >= 34 + 333, qPrintable(QString::number(d.size())));
        QSet<QString> provinces;
        for (const Region &r : d.all())
            if (r.isProvince())
                provinces.insert(r.code.left(2));
        // Every province-level division of the list: 31 mainland, 台湾, 香港, 澳门.
        QCOMPARE(provinces.size(), 34);
        for (const Region &r : d.all()) {
            QVERIFY2(r.code.size() == 6, qPrintable(r.code));
            QVERIFY2(provinces.contains(r.code.left(2)), qPrintable(r.code));
            QVERIFY2(!r.fullName.isEmpty() && r.fullName.endsWith(r.name), qPrintable(r.code));
        }
        // Prefecture-level cities of every mainland province that has them (spot checks across the list).
        for (const QString &code :
             {u"130100"_s, u"210200"_s, u"320500"_s, u"330100"_s, u"370200"_s, u"440300"_s, u"510100"_s,
              u"540100"_s, u"650100"_s, u"659001"_s, u"469002"_s})
            QVERIFY2(d.find(code), qPrintable(code));
        QCOMPARE(d.find(u"440305"_s)->fullName, u"广东省深圳市南山区"_s);
        QCOMPARE(d.find(u"110108"_s)->fullName, u"北京市海淀区"_s);
        QCOMPARE(d.find(u"419001"_s)->fullName, u"河南省济源市"_s);
        QVERIFY(!d.find(u"449999"_s));
    }

    void fromTsvSkipsMalformedLines() {
        const RegionDirectory d =
            RegionDirectory::fromTsv("# "
                                     "comment\n440000\t广东省\n440300\t深圳市\n44030\t短\nabcdef\t字母\n44030"
                                     "0\t重复\n\n440305\t南山区\n");
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.find(u"440300"_s)->name, u"深圳市"_s);
        QCOMPARE(d.find(u"440305"_s)->fullName, u"广东省深圳市南山区"_s);
    }

    void search_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("firstCode");
        QTest::addRow("exact code") << u"440300"_s << u"440300"_s;
        QTest::addRow("code prefix") << u"44030"_s << u"440300"_s;
        QTest::addRow("name") << u"深圳"_s << u"440300"_s;
        QTest::addRow("district name") << u"南山区"_s << u"440305"_s;
        QTest::addRow("pinyin initials") << u"wlmq"_s << u"650100"_s;
        QTest::addRow("pinyin initials, upper case") << u"HZS"_s << u"330100"_s;
        QTest::addRow("full-width digits") << u"３３０１００"_s << u"330100"_s;
    }
    void search() {
        QFETCH(QString, typed);
        QFETCH(QString, firstCode);
        const QList<Region> found = RegionDirectory::embedded().search(typed);
        QVERIFY2(!found.isEmpty(), qPrintable(typed));
        QCOMPARE(found.first().code, firstCode);
    }

    void ambiguousInitialsListEveryMatch() {
        // szs: 宿州市, 随州市, 深圳市, 石嘴山市 … all offered, the clerk picks.
        QStringList codes;
        for (const Region &r : RegionDirectory::embedded().search(u"szs"_s))
            codes.append(r.code);
        for (const QString &c : {u"341300"_s, u"421300"_s, u"440300"_s, u"640200"_s})
            QVERIFY2(codes.contains(c), qPrintable(codes.join(u' ')));
    }

    void searchFindsNothingForNonsense() {
        QVERIFY(RegionDirectory::embedded().search(u"999999"_s).isEmpty());
        QVERIFY(RegionDirectory::embedded().search(u"  "_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRegionDirectory)
#include "tst_regiondirectory.moc"
