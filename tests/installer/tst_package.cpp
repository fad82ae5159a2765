// The .deb hall IT installs (debian layout), as built by `cmake --build <dir> --target package`: what it
// holds and what it must not, names and versions that agree everywhere, and the verdicts of the
// distribution's own checkers (lintian, desktop-file-validate, appstreamcli).
#include "debpackage.h"

#include <QDomDocument>
#include <QVersionNumber>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace installertest;

namespace {
const QString appId = u"cn.windowdesk.WindowDesk"_s;
const QString desktopPath = u"/usr/share/applications/"_s + appId + u".desktop"_s;
const QString metainfoPath = u"/usr/share/metainfo/"_s + appId + u".metainfo.xml"_s;
const QList<int> pngSizes = {16, 22, 24, 32, 48, 64, 128, 256};

// Key=value lines of the [Desktop Entry] group.
QMap<QString, QString> desktopEntry(const QByteArray &file) {
    QMap<QString, QString> keys;
    bool inEntry = false;
    for (const QString &line : QString::fromUtf8(file).split(u'\n')) {
        if (line.startsWith(u'['))
            inEntry = line == u"[Desktop Entry]";
        else if (inEntry && line.contains(u'='))
            keys.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
    }
    return keys;
}

QByteArray gunzip(const QString &path) {
    return run(u"gzip"_s, {u"-dc"_s, path}).out;
}
} // namespace

class TstPackage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void namedByItsVersion();
    void holdsWhatHallItNeeds_data();
    void holdsWhatHallItNeeds();
    void holdsNothingElse();
    void namesAgree();
    void pngIconsHaveTheirSize();
    void versionsAgree();
    void dependenciesComputedAndDeclared();
    void noMaintainerScripts();
    void copyrightIsMachineReadable();
    void manPageListsEveryCommand();
    void lintianClean();
    void everyLintianOverrideIsExplained();
    void desktopFileValid();
    void appstreamValid();

private:
    std::unique_ptr<DebPackage> m_deb;
    QStringList m_contents;
    QString m_root;
};

void TstPackage::initTestCase() {
    m_deb = std::make_unique<DebPackage>(QStringLiteral(WINDOWDESK_DEB));
    QVERIFY2(m_deb->exists(),
             qPrintable(u"no package at "_s + m_deb->path() + u" (the installer_build_deb test makes it)"_s));
    m_contents = m_deb->contents();
    QVERIFY(!m_contents.isEmpty());
    m_root = m_deb->unpacked();
    QVERIFY(!m_root.isEmpty());
}

void TstPackage::namedByItsVersion() {
    QCOMPARE(QFileInfo(m_deb->path()).fileName(),
             u"windowdesk_%1_%2.deb"_s.arg(QStringLiteral(WINDOWDESK_EXPECTED_VERSION),
                                           m_deb->field(u"Architecture"_s)));
    QCOMPARE(m_deb->field(u"Package"_s), u"windowdesk"_s);
}

void TstPackage::holdsWhatHallItNeeds_data() {
    QTest::addColumn<QString>("path");
    QTest::addRow("GUI") << u"/usr/bin/windowdesk"_s;
    QTest::addRow("CLI") << u"/usr/bin/windowdeskctl"_s;
    QTest::addRow("card reader helper") << u"/usr/libexec/windowdesk/windowdesk-reader"_s;
    QTest::addRow("desktop file") << desktopPath;
    QTest::addRow("metainfo") << metainfoPath;
    QTest::addRow("scalable icon") << u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId);
    for (int size : pngSizes)
        QTest::addRow("icon %dx%d", size, size)
            << u"/usr/share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId);
    QTest::addRow("man windowdesk") << u"/usr/share/man/man1/windowdesk.1.gz"_s;
    QTest::addRow("man windowdeskctl") << u"/usr/share/man/man1/windowdeskctl.1.gz"_s;
    QTest::addRow("copyright") << u"/usr/share/doc/windowdesk/copyright"_s;
    QTest::addRow("changelog") << u"/usr/share/doc/windowdesk/changelog.gz"_s;
}

void TstPackage::holdsWhatHallItNeeds() {
    QFETCH(QString, path);
    QVERIFY2(m_contents.contains(path), qPrintable(path));
    QVERIFY2(QFileInfo(m_root + path).size() > 0, qPrintable(path + u" is empty"_s));
}

void TstPackage::holdsNothingElse() {
    for (const QString &p : m_contents) {
        QVERIFY2(p.startsWith(u"/usr/"), qPrintable(p + u": outside /usr"_s));
        QVERIFY2(!p.startsWith(u"/usr/local"), qPrintable(p));
        // The simulator is a test tool (GPL Qt HttpServer); the tests and benchmarks stay in the build tree.
        QVERIFY2(!p.contains(u"platform-sim") && !p.contains(u"tst_") && !p.contains(u"bench"),
                 qPrintable(p));
        if (p.startsWith(u"/usr/bin/"))
            QVERIFY2(p == u"/usr/bin/" || p == u"/usr/bin/windowdesk" || p == u"/usr/bin/windowdeskctl",
                     qPrintable(p));
        // Headers and static libraries of the modules are build artefacts.
        QVERIFY2(!p.startsWith(u"/usr/include") && !p.endsWith(u".a"), qPrintable(p));
    }
    // No program links a GPL-only Qt module (architecture.md, Licences).
    for (const QString &program : {u"/usr/bin/windowdesk"_s, u"/usr/bin/windowdeskctl"_s,
                                   u"/usr/libexec/windowdesk/windowdesk-reader"_s}) {
        const Run needed = run(u"objdump"_s, {u"-p"_s, m_root + program});
        QCOMPARE(needed.exitCode, 0);
        QVERIFY2(!needed.out.contains("HttpServer") && !needed.out.contains("Charts"),
                 needed.out.constData());
    }
}

void TstPackage::namesAgree() {
    // The AppStream id, its file's name, the desktop file's name (the launchable) and the icon's name are
    // one.
    QDomDocument meta;
    QVERIFY(meta.setContent(m_deb->fileContent(metainfoPath)));
    const QDomElement component = meta.documentElement();
    QCOMPARE(component.firstChildElement(u"id"_s).text(), appId);
    QCOMPARE(component.firstChildElement(u"launchable"_s).text(), appId + u".desktop"_s);
    QCOMPARE(component.firstChildElement(u"icon"_s).text(), appId);

    const auto entry = desktopEntry(m_deb->fileContent(desktopPath));
    QCOMPARE(entry.value(u"Icon"_s), appId);
    QCOMPARE(entry.value(u"Exec"_s), u"windowdesk"_s);
    QVERIFY(m_contents.contains(u"/usr/bin/"_s + entry.value(u"Exec"_s)));

    // The running GUI names the same desktop file (Wayland app id, startup notification).
    QVERIFY(holdsStringLiteral(m_deb->fileContent(u"/usr/bin/windowdesk"_s), appId));
    // The package itself keeps the short name users type (apt install windowdesk); the metainfo's
    // <provides> names both programs it installs.
    QStringList binaries;
    for (auto b = component.firstChildElement(u"provides"_s).firstChildElement(u"binary"_s); !b.isNull();
         b = b.nextSiblingElement(u"binary"_s))
        binaries.append(b.text());
    QCOMPARE(binaries, (QStringList{u"windowdesk"_s, u"windowdeskctl"_s}));
}

void TstPackage::pngIconsHaveTheirSize() {
    for (int size : pngSizes) {
        const QString path = u"/usr/share/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(appId);
        QCOMPARE(pngSize(m_deb->fileContent(path)), QSize(size, size));
    }
    QVERIFY(
        m_deb->fileContent(u"/usr/share/icons/hicolor/scalable/apps/%1.svg"_s.arg(appId)).contains("<svg"));
}

void TstPackage::versionsAgree() {
    const QString version = QStringLiteral(WINDOWDESK_EXPECTED_VERSION); // project(VERSION) in CMakeLists.txt
    QCOMPARE(m_deb->field(u"Version"_s), version);

    // The packaged (stripped) programs say the same.
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const Run gui = run(m_root + u"/usr/bin/windowdesk"_s, {u"--version"_s}, env);
    QCOMPARE(gui.exitCode, 0);
    QCOMPARE(QString::fromUtf8(gui.out).trimmed(), u"WindowDesk "_s + version);
    const Run ctl = run(m_root + u"/usr/bin/windowdeskctl"_s, {u"version"_s}, env);
    QCOMPARE(ctl.exitCode, 0);
    QCOMPARE(QString::fromUtf8(ctl.out).section(u'\n', 0, 0), u"windowdeskctl "_s + version);
    const Run reader = run(m_root + u"/usr/libexec/windowdesk/windowdesk-reader"_s, {u"--version"_s}, env);
    QCOMPARE(reader.exitCode, 0);
    QCOMPARE(QString::fromUtf8(reader.out).trimmed(), u"windowdesk-reader "_s + version);

    // The newest AppStream release and the newest changelog entry are this version.
    QDomDocument meta;
    QVERIFY(meta.setContent(m_deb->fileContent(metainfoPath)));
    QDomElement newest;
    for (auto r = meta.documentElement().firstChildElement(u"releases"_s).firstChildElement(u"release"_s);
         !r.isNull(); r = r.nextSiblingElement(u"release"_s)) {
        if (newest.isNull() || QVersionNumber::fromString(r.attribute(u"version"_s)) >
                                   QVersionNumber::fromString(newest.attribute(u"version"_s)))
            newest = r;
    }
    QCOMPARE(newest.attribute(u"version"_s), version);
    const QString changelog = QString::fromUtf8(gunzip(m_root + u"/usr/share/doc/windowdesk/changelog.gz"_s));
    QCOMPARE(changelog.section(u'\n', 0, 0).section(u' ', 1, 1), u"(%1)"_s.arg(version));
}

void TstPackage::dependenciesComputedAndDeclared() {
    const QString depends = m_deb->field(u"Depends"_s);
    // dpkg-shlibdeps wrote the libraries the programs link, with their minimum versions.
    for (const QString &lib : {u"libc6 (>= "_s, u"libqt6core6 (>= "_s, u"libqt6widgets6 (>= "_s,
                               u"libqt6network6 (>= "_s, u"libqt6sql6 (>= "_s, u"libqt6keychain1 (>= "_s,
                               u"libzint2.11 (>= "_s, u"libssl3 (>= "_s, u"libxlsxwriter4 (>= "_s})
        QVERIFY2(depends.contains(lib), qPrintable(lib + u" not in Depends: "_s + depends));
    // What is loaded at run time is declared by hand: the SQLite driver and SVG plug-ins, the Secret Service
    // library, Qt's translations and a CJK font.
    for (const QString &pkg : {u"libqt6sql6-sqlite"_s, u"libqt6svg6"_s, u"libsecret-1-0"_s,
                               u"qt6-translations-l10n"_s, u"fonts-noto-cjk"_s})
        QVERIFY2(depends.contains(pkg), qPrintable(pkg + u" not in Depends: "_s + depends));
    QVERIFY2(!depends.contains(u"httpserver"), qPrintable(depends));
}

void TstPackage::noMaintainerScripts() {
    // Icon caches and the desktop database are refreshed by dpkg triggers of their own packages.
    QCOMPARE(m_deb->maintainerScripts(), QStringList());
}

void TstPackage::copyrightIsMachineReadable() {
    const QString text = QString::fromUtf8(m_deb->fileContent(u"/usr/share/doc/windowdesk/copyright"_s));
    QVERIFY(text.startsWith(u"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
    QVERIFY(text.contains(u"\nFiles: *\n"));
    QVERIFY(text.contains(u"\nLicense: Apache-2.0\n"));
    // Every license a Files stanza names has its own stand-alone License paragraph.
    const QRegularExpression named(u"^License: (\\S+)(?: and (\\S+))?$"_s,
                                   QRegularExpression::MultilineOption);
    for (auto it = named.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (int i = 1; i <= 2; ++i)
            if (!m.captured(i).isEmpty())
                QVERIFY2(text.contains(u"\n\nLicense: "_s + m.captured(i) + u"\n "_s),
                         qPrintable(m.captured(i)));
    }
}

void TstPackage::manPageListsEveryCommand() {
    const QString page = QString::fromUtf8(gunzip(m_root + u"/usr/share/man/man1/windowdeskctl.1.gz"_s));
    const QString commandsSection = page.section(u".SH COMMANDS"_s, 1).section(u".SH "_s, 0, 0);
    QVERIFY(!commandsSection.isEmpty());
    const Run help = run(m_root + u"/usr/bin/windowdeskctl"_s, {u"help"_s});
    QCOMPARE(help.exitCode, 0);
    // The command list ends where the exit-status section of --help begins.
    const QString listing =
        QString::fromUtf8(help.out).section(u"commands:\n"_s, 1).section(u"\nexit status:"_s, 0, 0);
    QStringList commands;
    for (const QString &line : listing.split(u'\n', Qt::SkipEmptyParts))
        commands.append(line.trimmed().section(u' ', 0, 0));
    QVERIFY(commands.size() >= 10);
    for (const QString &c : commands) {
        const QRegularExpression entry(u"^\\.BI? \"?%1\\b"_s.arg(QRegularExpression::escape(c)),
                                       QRegularExpression::MultilineOption);
        QVERIFY2(entry.match(commandsSection).hasMatch(),
                 qPrintable(u"windowdeskctl(1) does not describe the command "_s + c));
    }
    const QString gui = QString::fromUtf8(gunzip(m_root + u"/usr/share/man/man1/windowdesk.1.gz"_s));
    for (const QString &option : {u"db"_s, u"lang"_s, u"screenshots"_s, u"version"_s})
        QVERIFY2(gui.contains(u"\\-\\-"_s + option), qPrintable(option));
}

void TstPackage::lintianClean() {
    // --fail-on error,warning: any error, or a warning not overridden in installer/lintian-overrides, fails.
    const Run lintian = run(u"lintian"_s,
                            {u"--fail-on"_s, u"error,warning"_s, u"--tag-display-limit"_s, u"0"_s,
                             u"--display-level"_s, u">=warning"_s, m_deb->path()},
                            {}, 600000);
    if (lintian.exitCode != 0)
        qWarning().noquote() << lintian.text();
    QCOMPARE(lintian.exitCode, 0);
    QVERIFY2(!lintian.out.contains("E: ") && !lintian.out.contains("W: "), lintian.out.constData());
}

void TstPackage::everyLintianOverrideIsExplained() {
    // Each override says why on the comment line(s) just above it, and the package ships exactly that file.
    QFile f(QStringLiteral(WINDOWDESK_SOURCE_DIR) + u"/installer/lintian-overrides"_s);
    const QString shipped = u"/usr/share/lintian/overrides/windowdesk"_s;
    if (!f.exists()) {
        QVERIFY(!m_contents.contains(shipped));
        return;
    }
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    bool commented = false;
    for (const QString &line : QString::fromUtf8(text).split(u'\n')) {
        if (line.startsWith(u'#'))
            commented = true;
        else if (line.trimmed().isEmpty())
            commented = false;
        else
            QVERIFY2(commented, qPrintable(u"override without a comment above it: "_s + line));
    }
    QCOMPARE(m_deb->fileContent(shipped), text);
}

void TstPackage::desktopFileValid() {
    const Run v = run(u"desktop-file-validate"_s, {m_root + desktopPath});
    QVERIFY2(v.exitCode == 0 && v.out.isEmpty() && v.err.isEmpty(), qPrintable(v.text()));
}

void TstPackage::appstreamValid() {
    const Run v =
        run(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, u"--explain"_s, m_root + metainfoPath});
    QVERIFY2(v.exitCode == 0, qPrintable(v.text()));
    // No warnings either (infos and pedantic hints are allowed).
    QVERIFY2(!v.out.contains("\nW: ") && !v.out.startsWith("W: "), qPrintable(v.text()));
}

QTEST_GUILESS_MAIN(TstPackage)
#include "tst_package.moc"
