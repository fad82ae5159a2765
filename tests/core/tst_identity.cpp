// Resident ID (GB 11643), USCC (GB 32100 + GB 11714), mobile numbers and the 证照标识 check character.
#include <windowdesk/core/identity.h>
#include <windowdesk/core/licenseid.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace windowdesk::core;

class TestIdentity : public QObject {
    Q_OBJECT
private slots:
    void normalization_data();
    void normalization();
    void residentId_data();
    void residentId();
    void residentIdEveryCheckCharacter();
    void uscc_data();
    void uscc();
    void phone_data();
    void phone();
    void licenseId_data();
    void licenseId();
    void licenseIdCheckCharacterValidates();
    void everyReasonHasChineseMessage();
};

void TestIdentity::normalization_data() {
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::addRow("plain") << u"11010519491231002X"_s << u"11010519491231002X"_s;
    QTest::addRow("lower x") << u"11010519491231002x"_s << u"11010519491231002X"_s;
    QTest::addRow("spaces and tabs") << u" 110105 19491231\t002X \n"_s << u"11010519491231002X"_s;
    QTest::addRow("ideographic space") << u"110105\u300019491231002X\u3000"_s << u"11010519491231002X"_s;
    QTest::addRow("full-width digits and x")
        << u"\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15\uFF11\uFF19\uFF14\uFF19\uFF11\uFF12\uFF13\uFF11\uFF10\uFF10\uFF12\uFF58"_s
        << u"11010519491231002X"_s;
    QTest::addRow("full-width letters uscc")
        << u"\uFF19\uFF11110108\uFF2D\uFF41\uFF10\uFF11G0FB09"_s << u"91110108MA01G0FB09"_s;
    QTest::addRow("eszett not expanded") << u"ß"_s << u"ß"_s;
}

void TestIdentity::normalization() {
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QCOMPARE(normalizeIdentifier(raw), normalized);
}

void TestIdentity::residentId_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("sex");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("upgraded");
    const QDate today(2026, 11, 27);
    // The standard's own examples.
    QTest::addRow("GB 11643 example female X")
        << u"11010519491231002X"_s << today << true << QString() << u"11010519491231002X"_s
        << QDate(1949, 12, 31) << u"female"_s << u"110105"_s << QString();
    QTest::addRow("GB 11643 example male 1880")
        << u"440524188001010014"_s << today << true << QString() << u"440524188001010014"_s
        << QDate(1880, 1, 1) << u"male"_s << u"440524"_s << QString();
    QTest::addRow("lower-case x, spaces")
        << u" 110105 1949 1231 002x "_s << today << true << QString() << u"11010519491231002X"_s
        << QDate(1949, 12, 31) << u"female"_s << u"110105"_s << QString();
    QTest::addRow("full-width input")
        << u"\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15\uFF11\uFF19\uFF14\uFF19\uFF11\uFF12\uFF13\uFF11\uFF10\uFF10\uFF12\uFF38"_s
        << today << true << QString() << u"11010519491231002X"_s << QDate(1949, 12, 31) << u"female"_s
        << u"110105"_s << QString();
    QTest::addRow("leap day 2000-02-29")
        << u"430102200002291230"_s << today << true << QString() << u"430102200002291230"_s
        << QDate(2000, 2, 29) << u"male"_s << u"430102"_s << QString();
    QTest::addRow("Macao 82") << u"820000199901010016"_s << today << true << QString()
                              << u"820000199901010016"_s << QDate(1999, 1, 1) << u"male"_s << u"820000"_s
                              << QString();
    QTest::addRow("born today") << u"110105202601010019"_s << QDate(2026, 1, 1) << true << QString()
                                << u"110105202601010019"_s << QDate(2026, 1, 1) << u"male"_s << u"110105"_s
                                << QString();
    // Failures, one per reason, and the order when several fail.
    QTest::addRow("legacy 15 digits")
        << u"110105491231002"_s << today << false << u"legacy_15_digit"_s << u"110105491231002"_s << QDate()
        << QString() << QString() << u"11010519491231002X"_s;
    QTest::addRow("legacy 15 with spaces")
        << u"440524 800101 001"_s << today << false << u"legacy_15_digit"_s << u"440524800101001"_s << QDate()
        << QString() << QString() << u"440524198001010013"_s;
    QTest::addRow("length 17") << u"11010519491231002"_s << today << false << u"length"_s
                               << u"11010519491231002"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("length 19") << u"11010519491231002X1"_s << today << false << u"length"_s
                               << u"11010519491231002X1"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("length empty") << u"  "_s << today << false << u"length"_s << QString() << QDate()
                                  << QString() << QString() << QString();
    QTest::addRow("15 chars with letter is length")
        << u"11010549123100X"_s << today << false << u"length"_s << u"11010549123100X"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("charset letter inside")
        << u"1101051949123A002X"_s << today << false << u"charset"_s << u"1101051949123A002X"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("charset bad check char")
        << u"11010519491231002Y"_s << today << false << u"charset"_s << u"11010519491231002Y"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("charset before region")
        << u"99010519491231002Y"_s << today << false << u"charset"_s << u"99010519491231002Y"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("region 99") << u"990105199001011234"_s << today << false << u"region"_s
                               << u"990105199001011234"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("region 16") << u"160105199001011234"_s << today << false << u"region"_s
                               << u"160105199001011234"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("region before birth date")
        << u"000105199002301234"_s << today << false << u"region"_s << u"000105199002301234"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("birth 1900-02-29 not a date")
        << u"430102190002291239"_s << today << false << u"birth_date"_s << u"430102190002291239"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("birth month 13") << u"110105199013011234"_s << today << false << u"birth_date"_s
                                    << u"110105199013011234"_s << QDate() << QString() << QString()
                                    << QString();
    QTest::addRow("birth before 1800")
        << u"110105179912311234"_s << today << false << u"birth_date"_s << u"110105179912311234"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("birth in the future")
        << u"110105202601010019"_s << QDate(2025, 12, 31) << false << u"birth_date"_s
        << u"110105202601010019"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("birth date before checksum")
        << u"430102190002291230"_s << today << false << u"birth_date"_s << u"430102190002291230"_s << QDate()
        << QString() << QString() << QString();
    QTest::addRow("checksum") << u"110105194912310021"_s << today << false << u"checksum"_s
                              << u"110105194912310021"_s << QDate() << QString() << QString() << QString();
    QTest::addRow("checksum 1900-02-28 wrong")
        << u"430102190002281230"_s << today << false << u"checksum"_s << u"430102190002281230"_s << QDate()
        << QString() << QString() << QString();
}

void TestIdentity::residentId() {
    QFETCH(QString, input);
    QFETCH(QDate, today);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    QFETCH(QDate, birth);
    QFETCH(QString, sex);
    QFETCH(QString, region);
    QFETCH(QString, upgraded);
    const ResidentIdResult r = validateResidentId(input, today);
    QCOMPARE(r.valid, valid);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.normalized, normalized);
    QCOMPARE(r.upgraded, upgraded);
    if (valid) {
        QVERIFY(r.message.isEmpty());
        QCOMPARE(r.birthDate, birth);
        QCOMPARE(sexName(r.sex), sex);
        QCOMPARE(r.regionCode, region);
    } else {
        QVERIFY(!r.message.isEmpty());
    }
    if (!upgraded.isEmpty()) // the suggested 18-digit form is itself a valid number
        QVERIFY(validateResidentId(upgraded, today).valid);
}

// Every wrong check character of a valid number is refused with `checksum`, the right one is accepted.
void TestIdentity::residentIdEveryCheckCharacter() {
    const QString body = u"43010220000229123"_s;
    const QString all = u"0123456789X"_s;
    int accepted = 0;
    for (QChar c : all) {
        const auto r = validateResidentId(body + c, QDate(2026, 1, 1));
        if (r.valid)
            ++accepted;
        else
            QCOMPARE(r.reason, u"checksum"_s);
    }
    QCOMPARE(accepted, 1);
    QCOMPARE(residentIdCheckCharacter(body), u'0');
    QVERIFY(residentIdCheckCharacter(u"4301022000022912").isNull());
    QVERIFY(residentIdCheckCharacter(u"4301022000022912A").isNull());
}

void TestIdentity::uscc_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");
    QTest::addRow("issue example, org code with letters")
        << u"91110108MA01G0FB09"_s << true << QString() << u"91110108MA01G0FB09"_s;
    QTest::addRow("lower case and spaces")
        << u" 91110108 ma01g0fb09 "_s << true << QString() << u"91110108MA01G0FB09"_s;
    QTest::addRow("full-width, ideographic space")
        << u"\uFF19\uFF11110108\u3000\uFF2D\uFF21\uFF10\uFF11G0FB09"_s << true << QString()
        << u"91110108MA01G0FB09"_s;
    QTest::addRow("org check char 6")
        << u"91430102MA4L12346A"_s << true << QString() << u"91430102MA4L12346A"_s;
    QTest::addRow("public institution 12")
        << u"12100000400012342E"_s << true << QString() << u"12100000400012342E"_s;
    QTest::addRow("org check 11 -> 0")
        << u"911100001000123405"_s << true << QString() << u"911100001000123405"_s;
    QTest::addRow("length 17") << u"91110108MA01G0FB0"_s << false << u"length"_s << u"91110108MA01G0FB0"_s;
    QTest::addRow("length 19") << u"91110108MA01G0FB099"_s << false << u"length"_s
                               << u"91110108MA01G0FB099"_s;
    QTest::addRow("charset I") << u"91110108MA01G0FI09"_s << false << u"charset"_s << u"91110108MA01G0FI09"_s;
    QTest::addRow("charset O") << u"91110108MO01G0FB09"_s << false << u"charset"_s << u"91110108MO01G0FB09"_s;
    QTest::addRow("charset Z") << u"91110108MA01G0FB0Z"_s << false << u"charset"_s << u"91110108MA01G0FB0Z"_s;
    QTest::addRow("charset S V") << u"91110108SV01G0FB09"_s << false << u"charset"_s
                                 << u"91110108SV01G0FB09"_s;
    QTest::addRow("charset punctuation")
        << u"91110108MA01G0FB0#"_s << false << u"charset"_s << u"91110108MA01G0FB0#"_s;
    QTest::addRow("checksum") << u"91110108MA01G0FB08"_s << false << u"checksum"_s << u"91110108MA01G0FB08"_s;
    // Check character right for the USCC alphabet, organisation code check wrong (guarded in the test).
    QTest::addRow("org code checksum")
        << u"91110108MA01G0FB1C"_s << false << u"org_code_checksum"_s << u"91110108MA01G0FB1C"_s;
}

void TestIdentity::uscc() {
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    if (qstrcmp(QTest::currentDataTag(), "org code checksum") == 0) // guard the test data itself
        QCOMPARE(usccCheckCharacter(u"91110108MA01G0FB1"), u'C');
    const ValidationResult r = validateUscc(input);
    QCOMPARE(r.valid, valid);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.normalized, normalized);
    QCOMPARE(r.message.isEmpty(), valid);
}

void TestIdentity::phone_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("normalized");
    QTest::addRow("plain") << u"13800138000"_s << true << QString() << u"13800138000"_s;
    QTest::addRow("+86 dashes spaces") << u"+86 138-0013-8000"_s << true << QString() << u"13800138000"_s;
    QTest::addRow("full-width") << u"\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10"_s
                                << true << QString() << u"13800138000"_s;
    QTest::addRow("199") << u"19912345678"_s << true << QString() << u"19912345678"_s;
    QTest::addRow("length 10") << u"1380013800"_s << false << u"length"_s << u"1380013800"_s;
    QTest::addRow("length 86 without plus")
        << u"8613800138000"_s << false << u"length"_s << u"8613800138000"_s;
    QTest::addRow("length before charset") << u"138001380a"_s << false << u"length"_s << u"138001380A"_s;
    QTest::addRow("charset") << u"1380013800a"_s << false << u"charset"_s << u"1380013800A"_s;
    QTest::addRow("charset before prefix") << u"2380013800a"_s << false << u"charset"_s << u"2380013800A"_s;
    QTest::addRow("prefix 12") << u"12800138000"_s << false << u"prefix"_s << u"12800138000"_s;
    QTest::addRow("prefix 2") << u"23800138000"_s << false << u"prefix"_s << u"23800138000"_s;
    // "0731-8888888" loses its dash: 11 digits that fail on the prefix.
    QTest::addRow("landline with area code") << u"0731-8888888"_s << false << u"prefix"_s << u"07318888888"_s;
}

void TestIdentity::phone() {
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    QFETCH(QString, normalized);
    const ValidationResult r = validatePhone(input);
    QCOMPARE(r.valid, valid);
    QCOMPARE(r.reason, reason);
    QCOMPARE(r.normalized, normalized);
    QCOMPARE(r.message.isEmpty(), valid);
}

void TestIdentity::licenseId_data() {
    QTest::addColumn<QString>("lid");
    QTest::addColumn<bool>("wellFormed");
    QTest::addColumn<bool>("checkOk");
    QTest::addRow("split parts right") << u"1.2.156.3005.2.A1B2.C3.X9.001.{R}"_s << true << true;
    QTest::addRow("wrong check") << u"1.2.156.3005.2.A1B2.C3.X9.001.{W}"_s << true << false;
    QTest::addRow("lower-case check accepted") << u"1.2.156.3005.2.a1b2.c3.x9.001.{r}"_s << true << true;
    QTest::addRow("version not 3 digits") << u"1.2.156.3005.2.A1B2.C3.X9.01.0"_s << false << false;
    QTest::addRow("bad prefix") << u"1.2.156.3006.2.A1B2.C3.X9.001.0"_s << false << false;
    QTest::addRow("too few parts") << u"1.2.156.3005.2.A1B2.C3.001.0"_s << false << false;
    QTest::addRow("bad character") << u"1.2.156.3005.2.A1-B2.C3.X9.001.0"_s << false << false;
}

void TestIdentity::licenseId() {
    QFETCH(QString, lid);
    QFETCH(bool, wellFormed);
    QFETCH(bool, checkOk);
    const QChar right = licenseIdCheckCharacter(u"A1B2C3X9001");
    QVERIFY(!right.isNull());
    QChar wrong = right == u'0' ? u'1' : u'0';
    lid.replace(u"{R}"_s, QString(right))
        .replace(u"{W}"_s, QString(wrong))
        .replace(u"{r}"_s, QString(right.toLower()));
    const LicenseIdCheck r = checkLicenseId(lid);
    QCOMPARE(r.wellFormed, wellFormed);
    QCOMPARE(r.checkOk, checkOk);
    QCOMPARE(r.warning.isEmpty(), wellFormed && checkOk);
    if (wellFormed)
        QCOMPARE(r.expected, right);
}

// The ISO 7064 hybrid property: running the recurrence over body + check character ends with S = 1.
void TestIdentity::licenseIdCheckCharacterValidates() {
    const QStringList bodies{u"11100000000013338W001"_s, u"A1B2C3001"_s, u"0001"_s, u"ZZZZZZ999"_s, u""_s};
    for (const QString &body : bodies) {
        const QChar c = licenseIdCheckCharacter(body);
        QVERIFY(!c.isNull());
        int p = 36, s = 0;
        for (QChar ch : body + c) {
            const int v = ch.isDigit() ? ch.unicode() - u'0' : ch.unicode() - u'A' + 10;
            s = (p + v) % 36;
            if (s == 0)
                s = 36;
            p = (2 * s) % 37;
        }
        QCOMPARE(s, 1);
    }
    // The ISO 7064 MOD 37,36 example of the GRid standard: A1-2425G-ABC1234002-M.
    QCOMPARE(licenseIdCheckCharacter(u"A12425GABC1234002"), u'M');
    // Independently computed vectors (Python reference of the same recurrence).
    QCOMPARE(licenseIdCheckCharacter(u"11100000000013338W001"), u'0');
    QCOMPARE(licenseIdCheckCharacter(u"A1B2C3001"), u'M');
    QCOMPARE(licenseIdCheckCharacter(u"0001"), u'E');
    QVERIFY(licenseIdCheckCharacter(u"A-1").isNull());
}

void TestIdentity::everyReasonHasChineseMessage() {
    const QDate today(2026, 11, 27);
    const QList<ValidationResult> failures{validateResidentId(u"110105491231002", today),
                                           validateResidentId(u"1101", today),
                                           validateResidentId(u"1101051949123A002X", today),
                                           validateResidentId(u"990105199001011234", today),
                                           validateResidentId(u"110105199013011234", today),
                                           validateResidentId(u"110105194912310021", today),
                                           validateUscc(u"1"),
                                           validateUscc(u"91110108MA01G0FI09"),
                                           validateUscc(u"91110108MA01G0FB08"),
                                           validateUscc(u"91110108MA01G0FB1C"),
                                           validatePhone(u"1"),
                                           validatePhone(u"1380013800a"),
                                           validatePhone(u"12800138000")};
    QSet<QString> messages;
    for (const ValidationResult &r : failures) {
        QVERIFY(!r.valid);
        bool han = false;
        for (QChar c : r.message)
            han = han || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
        QVERIFY2(han, qPrintable(r.reason));
        messages.insert(r.message);
    }
    QCOMPARE(messages.size(), failures.size()); // each reason says something of its own
}

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
