// The UOS app-store package (-DWINDOWDESK_LAYOUT=uos, built by the installer_build_uos test in a second small
// tree): everything under /opt/apps/<appid>/, the lowercase appid equal to the package and desktop-file
// names, an `info` file the store can read, and no maintainer script that could change the system.
#include "debpackage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace installertest;

namespace {
const QString appId = u"cn.windowdesk.windowdesk"_s;
const QString prefix = u"/opt/apps/"_s + appId;
} // namespace

class TstUosPackage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void namedByTheAppId();
    void everythingUnderOptApps();
    void holdsEntriesAndFiles_data();
    void holdsEntriesAndFiles();
    void infoDescribesThePackage();
    void desktopFileLaunchesTheInstalledProgram();
    void noMaintainerScripts();

private:
    std::unique_ptr<DebPackage> m_deb;
    QStringList m_contents;
};

void TstUosPackage::initTestCase() {
    m_deb = std::make_unique<DebPackage>(QStringLiteral(WINDOWDESK_UOS_DEB));
    QVERIFY2(m_deb->exists(),
             qPrintable(u"no package at "_s + m_deb->path() + u" (the installer_build_uos test makes it)"_s));
    m_contents = m_deb->contents();
    QVERIFY(!m_deb->unpacked().isEmpty());
}

void TstUosPackage::namedByTheAppId() {
    QCOMPARE(m_deb->field(u"Package"_s), appId);
    QCOMPARE(appId, appId.toLower());
    QCOMPARE(QFileInfo(m_deb->path()).fileName(),
             u"%1_%2_%3.deb"_s.arg(appId, m_deb->field(u"Version"_s), m_deb->field(u"Architecture"_s)));
}

void TstUosPackage::everythingUnderOptApps() {
    for (const QString &p : m_contents)
        QVERIFY2(p == u"/opt/" || p == u"/opt/apps/" || p.startsWith(prefix + u'/'), qPrintable(p));
    QVERIFY(!m_contents.filter(u"platform-sim"_s).size());
}

void TstUosPackage::holdsEntriesAndFiles_data() {
    QTest::addColumn<QString>("path");
    QTest::addRow("info") << prefix + u"/info"_s;
    QTest::addRow("GUI") << prefix + u"/files/bin/windowdesk"_s;
    QTest::addRow("CLI") << prefix + u"/files/bin/windowdeskctl"_s;
    QTest::addRow("card reader helper") << prefix + u"/files/libexec/windowdesk/windowdesk-reader"_s;
    QTest::addRow("desktop file") << prefix + u"/entries/applications/"_s + appId + u".desktop"_s;
    QTest::addRow("scalable icon") << prefix + u"/entries/icons/hicolor/scalable/apps/"_s + appId + u".svg"_s;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        QTest::addRow("icon %d", size)
            << prefix + u"/entries/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId);
    QTest::addRow("copyright") << prefix + u"/files/doc/copyright"_s;
}

void TstUosPackage::holdsEntriesAndFiles() {
    QFETCH(QString, path);
    QVERIFY2(m_contents.contains(path), qPrintable(path));
    QVERIFY(!m_deb->fileContent(path).isEmpty());
}

void TstUosPackage::infoDescribesThePackage() {
    QJsonParseError error;
    const QJsonObject info =
        QJsonDocument::fromJson(m_deb->fileContent(prefix + u"/info"_s), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(info.value(u"appid"_s).toString(), appId);
    QVERIFY(!info.value(u"name"_s).toString().isEmpty());

    // A 4-part version, the package's own, starting with the project's.
    const QString version = info.value(u"version"_s).toString();
    QVERIFY2(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+\\.\\d+$"_s).match(version).hasMatch(),
             qPrintable(version));
    QCOMPARE(version, m_deb->field(u"Version"_s));
    QVERIFY(version.startsWith(QStringLiteral(WINDOWDESK_EXPECTED_VERSION) + u'.'));

    QCOMPARE(info.value(u"arch"_s).toArray(), QJsonArray{m_deb->field(u"Architecture"_s)});
    const QJsonObject permissions = info.value(u"permissions"_s).toObject();
    QVERIFY(!permissions.isEmpty());
    for (auto it = permissions.begin(); it != permissions.end(); ++it)
        QVERIFY2(it.value().isBool(), qPrintable(it.key()));
    QCOMPARE(permissions.value(u"autostart"_s), QJsonValue(false));

    // The GUI runs and says the project's version.
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const Run gui = run(m_deb->unpacked() + prefix + u"/files/bin/windowdesk"_s, {u"--version"_s}, env);
    QCOMPARE(QString::fromUtf8(gui.out).trimmed(),
             u"WindowDesk "_s + QStringLiteral(WINDOWDESK_EXPECTED_VERSION));
}

void TstUosPackage::desktopFileLaunchesTheInstalledProgram() {
    const QString desktop = m_deb->unpacked() + prefix + u"/entries/applications/"_s + appId + u".desktop"_s;
    QFile f(desktop);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(u"\nExec="_s + prefix + u"/files/bin/windowdesk\n"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nIcon="_s + appId + u'\n'), qPrintable(text));
    const Run v = run(u"desktop-file-validate"_s, {desktop});
    QVERIFY2(v.exitCode == 0 && v.out.isEmpty() && v.err.isEmpty(), qPrintable(v.text()));
    // The running GUI names this desktop file.
    QVERIFY(holdsStringLiteral(m_deb->fileContent(prefix + u"/files/bin/windowdesk"_s), appId));
}

void TstUosPackage::noMaintainerScripts() {
    // A store package may not change the system: no postinst, preinst, prerm, postrm, triggers or conffiles.
    QCOMPARE(m_deb->maintainerScripts(), QStringList());
}

QTEST_GUILESS_MAIN(TstUosPackage)
#include "tst_uospackage.moc"
