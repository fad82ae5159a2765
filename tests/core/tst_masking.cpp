// Masking of id numbers and phones; USCC and names stay as they are.
#include <windowdesk/core/masking.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestMasking : public QObject {
    Q_OBJECT
private slots:
    void mask_data();
    void mask();
    void inText_data();
    void inText();
};

void TestMasking::mask_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    const int id = int(PersonalDataKind::IdNumber), phone = int(PersonalDataKind::Phone);
    QTest::addRow("id 18") << id << u"11010519491231002X"_s << u"110***********002X"_s;
    QTest::addRow("id lower x and spaces") << id << u"110105 19491231002x"_s << u"110***********002X"_s;
    QTest::addRow("id 15") << id << u"110105491231002"_s << u"110********1002"_s;
    QTest::addRow("id short masked fully") << id << u"1234567"_s << u"*******"_s;
    QTest::addRow("id empty") << id << QString() << QString();
    QTest::addRow("phone") << phone << u"13800138000"_s << u"138****8000"_s;
    QTest::addRow("phone +86 dashes") << phone << u"+86 138-0013-8000"_s << u"138****8000"_s;
    QTest::addRow("uscc unmasked") << int(PersonalDataKind::Uscc) << u"91110108MA01G0FB09"_s
                                   << u"91110108MA01G0FB09"_s;
    QTest::addRow("name unmasked") << int(PersonalDataKind::Name) << u"张三"_s << u"张三"_s;
}

void TestMasking::mask() {
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(windowdesk::core::mask(PersonalDataKind(kind), value), masked);
    if (PersonalDataKind(kind) == PersonalDataKind::IdNumber)
        QCOMPARE(maskIdNumber(value), masked);
    if (PersonalDataKind(kind) == PersonalDataKind::Phone)
        QCOMPARE(maskPhone(value), masked);
}

void TestMasking::inText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::addRow("id in sentence") << u"申请人 11010519491231002X 已受理"_s
                                    << u"申请人 110***********002X 已受理"_s;
    QTest::addRow("phone after colon") << u"tel:13800138000."_s << u"tel:138****8000."_s;
    QTest::addRow("both") << u"id=440524188001010014 phone=+86 138-0013-8000"_s
                          << u"id=440***********0014 phone=138****8000"_s;
    QTest::addRow("uscc untouched") << u"统一社会信用代码 91110108MA01G0FB09"_s
                                    << u"统一社会信用代码 91110108MA01G0FB09"_s;
    QTest::addRow("case number untouched") << u"case WD-2026-000123"_s << u"case WD-2026-000123"_s;
    QTest::addRow("short number untouched") << u"ticket B023 window A07"_s << u"ticket B023 window A07"_s;
}

void TestMasking::inText() {
    QFETCH(QString, text);
    QFETCH(QString, masked);
    QCOMPARE(maskPersonalDataInText(text), masked);
}

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
