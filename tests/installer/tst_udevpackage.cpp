// windowdesk-udev, the card reader's udev rule as a package of its own (the WindowDesk package changes
// nothing outside its files): what it installs and nothing more, a rule udev can use that gives each listed
// reader to the seat's user, the same readers in the rule and the AppStream modaliases, and the verdicts of
// lintian and appstreamcli.
#include "debpackage.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace installertest;

namespace {
const QString rulePath = u"/lib/udev/rules.d/70-windowdesk-reader.rules"_s;
const QString metainfoPath = u"/usr/share/metainfo/cn.windowdesk.WindowDesk.udev.metainfo.xml"_s;

// The rule's non-comment lines, continuation-free (udev rules are one per line).
QStringList ruleLines(const QByteArray &file) {
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file).split(u'\n')) {
        const QString t = line.trimmed();
        if (!t.isEmpty() && !t.startsWith(u'#'))
            lines.append(t);
    }
    return lines;
}

// "vvvv:pppp" of each line that tags a USB device for the seat's user.
QStringList taggedUsbIds(const QStringList &lines) {
    static const QRegularExpression device(
        uR"re(^ATTR\{idVendor\}=="([0-9a-f]{4})", ATTR\{idProduct\}=="([0-9a-f]{4})", TAG\+="uaccess"$)re"_s);
    QStringList ids;
    for (const QString &l : lines)
        if (const auto m = device.match(l); m.hasMatch())
            ids.append(m.captured(1) + u':' + m.captured(2));
    return ids;
}
} // namespace

class TstUdevPackage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void namedAndVersioned();
    void holdsTheRuleAndItsDocumentsOnly();
    void ruleIsWellFormed();
    void everyReaderGoesToTheSeat();
    void ruleSaysWhereEachIdComesFrom();
    void metainfoNamesTheSameReaders();
    void noMaintainerScripts();
    void lintianClean();
    void appstreamValid();

private:
    std::unique_ptr<DebPackage> m_deb;
    QStringList m_contents;
    QStringList m_rule;
    QByteArray m_ruleFile;
};

void TstUdevPackage::initTestCase() {
    m_deb = std::make_unique<DebPackage>(QStringLiteral(WINDOWDESK_UDEV_DEB));
    QVERIFY2(m_deb->exists(), qPrintable(u"no package at "_s + m_deb->path() +
                                         u" (the installer_build_udev_deb test makes it)re"_s));
    m_contents = m_deb->contents();
    QVERIFY(!m_deb->unpacked().isEmpty());
    m_ruleFile = m_deb->fileContent(rulePath);
    m_rule = ruleLines(m_ruleFile);
    QVERIFY(!m_rule.isEmpty());
}

void TstUdevPackage::namedAndVersioned() {
    QCOMPARE(QFileInfo(m_deb->path()).fileName(),
             u"windowdesk-udev_%1_all.deb"_s.arg(QStringLiteral(WINDOWDESK_EXPECTED_VERSION)));
    QCOMPARE(m_deb->field(u"Package"_s), u"windowdesk-udev"_s);
    QCOMPARE(m_deb->field(u"Version"_s), QStringLiteral(WINDOWDESK_EXPECTED_VERSION));
    // A text file: one package for every architecture.
    QCOMPARE(m_deb->field(u"Architecture"_s), u"all"_s);
    // Installable on its own: it needs nothing, and the main package does not need it.
    QCOMPARE(m_deb->field(u"Depends"_s), QString());
    QCOMPARE(m_deb->field(u"Enhances"_s), u"windowdesk"_s);
}

void TstUdevPackage::holdsTheRuleAndItsDocumentsOnly() {
    QStringList files;
    for (const QString &p : m_contents)
        if (!p.endsWith(u'/'))
            files.append(p);
    files.sort();
    QStringList expected{rulePath, metainfoPath, u"/usr/share/doc/windowdesk-udev/changelog.gz"_s,
                         u"/usr/share/doc/windowdesk-udev/copyright"_s};
    expected.sort();
    QCOMPARE(files, expected);
}

void TstUdevPackage::ruleIsWellFormed() {
    // Every line is a match-and-assign of udev's syntax or a label; the device lines only run between the
    // guards that skip removals and anything but a whole USB device, and the jump target exists.
    static const QRegularExpression pair(uR"re(^[A-Z]+(\{[A-Za-z_]+\})?(==|!=|\+=|=)"[^"]*"$)re"_s);
    for (const QString &line : m_rule)
        for (const QString &part : line.split(u", "_s))
            QVERIFY2(pair.match(part).hasMatch(), qPrintable(u"not udev syntax: "_s + part));
    QCOMPARE(m_rule.first(), uR"re(ACTION=="remove", GOTO="windowdesk_reader_end")re"_s);
    QVERIFY(m_rule.contains(uR"re(SUBSYSTEM!="usb", GOTO="windowdesk_reader_end")re"_s));
    QVERIFY(m_rule.contains(uR"re(ENV{DEVTYPE}!="usb_device", GOTO="windowdesk_reader_end")re"_s));
    QCOMPARE(m_rule.last(), uR"re(LABEL="windowdesk_reader_end")re"_s);
    // Ordered before 73-seat-late.rules, which turns the uaccess tag into the seat user's ACL.
    QVERIFY(QFileInfo(rulePath).fileName().left(2).toInt() < 73);
    // It gives nothing to everyone and no group: only the seat's user.
    QVERIFY(!m_ruleFile.contains("MODE") && !m_ruleFile.contains("GROUP=") && !m_ruleFile.contains("OWNER"));
}

void TstUdevPackage::everyReaderGoesToTheSeat() {
    // Every line between the guards and the label is a reader given to the seat's user.
    const QStringList ids = taggedUsbIds(m_rule);
    QCOMPARE(ids.size(), m_rule.size() - 4);
    QVERIFY(ids.contains(u"0400:c35a"_s));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
}

void TstUdevPackage::ruleSaysWhereEachIdComesFrom() {
    // No id without its source in the comments (we list only ids we can name a source for).
    const QString text = QString::fromUtf8(m_ruleFile);
    for (const QString &id : taggedUsbIds(m_rule))
        QVERIFY2(text.contains(u"#   "_s + id + u"  "_s), qPrintable(id + u" has no source comment"_s));
    // Serial readers: dialout, and no USB-serial bridge tagged.
    QVERIFY(text.contains(u"dialout"_s));
    for (const QString &bridge : {u"10c4"_s, u"1a86"_s, u"067b"_s, u"0403"_s})
        QVERIFY2(!text.contains(u"\"%1\""_s.arg(bridge)), qPrintable(bridge));
}

void TstUdevPackage::metainfoNamesTheSameReaders() {
    const QString meta = QString::fromUtf8(m_deb->fileContent(metainfoPath));
    static const QRegularExpression alias(u"<modalias>usb:v([0-9A-F]{4})p([0-9A-F]{4})d\\*</modalias>"_s);
    QStringList aliases;
    for (auto it = alias.globalMatch(meta); it.hasNext();) {
        const auto m = it.next();
        aliases.append((m.captured(1) + u':' + m.captured(2)).toLower());
    }
    QStringList ids = taggedUsbIds(m_rule);
    ids.sort();
    aliases.sort();
    QCOMPARE(aliases, ids);
}

void TstUdevPackage::noMaintainerScripts() {
    // udev reads new rules by itself; a reader already plugged in takes the rule when replugged (README).
    QCOMPARE(m_deb->maintainerScripts(), QStringList());
}

void TstUdevPackage::lintianClean() {
    const Run lintian = run(u"lintian"_s,
                            {u"--fail-on"_s, u"error,warning"_s, u"--tag-display-limit"_s, u"0"_s,
                             u"--display-level"_s, u">=warning"_s, m_deb->path()},
                            {}, 600000);
    if (lintian.exitCode != 0)
        qWarning().noquote() << lintian.text();
    QCOMPARE(lintian.exitCode, 0);
    QVERIFY2(!lintian.out.contains("E: ") && !lintian.out.contains("W: "), lintian.out.constData());
}

void TstUdevPackage::appstreamValid() {
    const Run v = run(u"appstreamcli"_s,
                      {u"validate"_s, u"--no-net"_s, u"--explain"_s, m_deb->unpacked() + metainfoPath});
    QVERIFY2(v.exitCode == 0, qPrintable(v.text()));
    QVERIFY2(!v.out.contains("\nW: ") && !v.out.startsWith("W: "), qPrintable(v.text()));
}

QTEST_GUILESS_MAIN(TstUdevPackage)
#include "tst_udevpackage.moc"
