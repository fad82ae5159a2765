// Decoding what the readers return: the SDT text block, nation codes, card dates, the protocol's JSON.
#include <windowdesk/reader/cardreader.h>
#include <windowdesk/reader/idcard.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::reader;

namespace {
QByteArray ucs2Field(const QString &text, int chars) {
    QByteArray out;
    const QString padded = text.leftJustified(chars, u' ', true);
    for (QChar c : padded) {
        out.append(char(c.unicode() & 0xff));
        out.append(char(c.unicode() >> 8));
    }
    return out;
}
} // namespace

class TstIdCard : public QObject {
    Q_OBJECT
private slots:
    void sdtTextBlock() {
        QByteArray block = ucs2Field(u"欧阳娜娜"_s, 15) + ucs2Field(u"2"_s, 1) + ucs2Field(u"05"_s, 2) +
                           ucs2Field(u"20000229"_s, 8) + ucs2Field(u"新疆乌鲁木齐市天山区解放北路1号"_s, 35) +
                           ucs2Field(u"650102200002290028"_s, 18) + ucs2Field(u"乌鲁木齐市公安局"_s, 15) +
                           ucs2Field(u"20180301"_s, 8) + ucs2Field(u"长期"_s, 8);
        block.append(QByteArray(36, '\0'));
        QCOMPARE(block.size(), 256);
        auto card = parseSdtText(block);
        QVERIFY(card);
        QCOMPARE(card->name, u"欧阳娜娜"_s);
        QCOMPARE(card->sex, u"female"_s);
        QCOMPARE(card->nation, u"维吾尔"_s);
        QCOMPARE(card->birth, u"2000-02-29"_s);
        QCOMPARE(card->address, u"新疆乌鲁木齐市天山区解放北路1号"_s);
        QCOMPARE(card->idNumber, u"650102200002290028"_s);
        QCOMPARE(card->issuer, u"乌鲁木齐市公安局"_s);
        QCOMPARE(card->validFrom, u"2018-03-01"_s);
        QCOMPARE(card->validTo, u"长期"_s);
    }
    void sdtTextBlockTooShortOrEmpty() {
        QCOMPARE(parseSdtText(QByteArray(100, '\0')).error().code, u"read_failed"_s);
        QCOMPARE(parseSdtText(QByteArray(256, '\0')).error().code, u"read_failed"_s);
    }
    void nationCodes() {
        QCOMPARE(nationName(u"01"_s), u"汉"_s);
        QCOMPARE(nationName(u"56"_s), u"基诺"_s);
        QCOMPARE(nationName(u"97"_s), u"其他"_s);
        QCOMPARE(nationName(u"蒙古"_s), u"蒙古"_s); // already in words (CVR family)
    }
    void jsonRoundTripKeepsThePhoto() {
        const IdCard card = SimulatedReader::demoCard();
        QVERIFY(card.photo.startsWith("BM"));
        auto back = IdCard::fromJson(card.toJson());
        QVERIFY(back);
        QCOMPARE(*back, card);
    }
    void jsonWithoutNameOrBadSexRefused() {
        QJsonObject o = SimulatedReader::demoCard().toJson();
        o.remove(u"name"_s);
        QCOMPARE(IdCard::fromJson(o).error().code, u"bad_card"_s);
        o = SimulatedReader::demoCard().toJson();
        o.insert(u"sex"_s, u"x"_s);
        QCOMPARE(IdCard::fromJson(o).error().code, u"bad_card"_s);
    }
};

QTEST_GUILESS_MAIN(TstIdCard)
#include "tst_idcard.moc"
