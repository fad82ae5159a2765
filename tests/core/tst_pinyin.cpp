// Pinyin initials from the generated Unihan table, and the combinations search indexes.
#include <windowdesk/core/pinyin.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestPinyin : public QObject {
    Q_OBJECT
private slots:
    void initials_data() {
        QTest::addColumn<QString>("ch");
        QTest::addColumn<QString>("expected");
        QTest::addRow("食 shí (also sì, yì)") << u"食"_s << u"sy"_s;
        QTest::addRow("品") << u"品"_s << u"p"_s;
        QTest::addRow("行 xíng/háng") << u"行"_s << u"xh"_s;
        QTest::addRow("重 zhòng/chóng") << u"重"_s << u"zc"_s;
        QTest::addRow("税") << u"税"_s << u"s"_s; // archaic kHanyuPinyin readings (tuō…) left out
        QTest::addRow("Latin letter") << u"A"_s << QString();
    }
    void initials() {
        QFETCH(QString, ch);
        QFETCH(QString, expected);
        QCOMPARE(pinyinInitials(ch.toUcs4().front()), expected);
    }

    void combinations() {
        QCOMPARE(pinyinInitialsCombinations(u"税务登记"_s), QStringList{u"swdj"_s});
        const QStringList bank = pinyinInitialsCombinations(u"银行"_s);
        QCOMPARE(bank.first(), u"yx"_s); // customary reading first
        QVERIFY(bank.contains(u"yh"_s));
        const QStringList cq = pinyinInitialsCombinations(u"重庆"_s);
        QVERIFY(cq.contains(u"cq"_s));
        QVERIFY(cq.contains(u"zq"_s));
        // Brackets skipped, ASCII kept (lower-cased), full-width folded.
        QCOMPARE(pinyinInitialsCombinations(u"ICP许可（新办）"_s).first(), u"icpxkxb"_s);
    }

    void combinationsCapped() {
        // Many polyphonic characters: never more than the cap, first is still the customary reading.
        const QString name = u"行行行行行行行行行行"_s;
        const QStringList c = pinyinInitialsCombinations(name, 16);
        QVERIFY(c.size() <= 16);
        QCOMPARE(c.first(), u"xxxxxxxxxx"_s);
        QVERIFY(c.contains(u"hhhhxxxxxx"_s));
    }

    void normalize() {
        QCOMPARE(normalizeSearchText(u" ＳＰ Ｊy\u3000"_s), u"spjy"_s);
        QCOMPARE(normalizeSearchText(u"食品（新办）"_s), u"食品(新办)"_s);
    }

    void normalizeAsciiSameAsGeneral() {
        // ASCII-only text takes a shortcut; appending a Han character forces the general path, which
        // must give the same result for the ASCII part (every ASCII character, white space included).
        QString ascii;
        for (char16_t c = 0; c < 0x80; ++c)
            ascii += QChar(c);
        const QString general = normalizeSearchText(ascii + u"许"_s);
        QCOMPARE(normalizeSearchText(ascii), general.chopped(1));
        QCOMPARE(normalizeSearchText(u"430104-0001 XK"_s), u"430104-0001xk"_s);
    }

    void combinationsOfNormalized() {
        for (const QString &text : {u"ＩＣＰ 银行（新办）"_s, u"重庆"_s, u"行行行行行行行行"_s, QString()})
            QCOMPARE(pinyinInitialsCombinationsOfNormalized(normalizeSearchText(text)),
                     pinyinInitialsCombinations(text));
    }
};

QTEST_GUILESS_MAIN(TestPinyin)
#include "tst_pinyin.moc"
