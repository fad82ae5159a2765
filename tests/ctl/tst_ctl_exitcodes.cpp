// Issue 18, "Done when": `windowdeskctl --help` and cli.md agree on every exit code. Both are parsed:
// cli.md's "Output and exit status" list (**N** meaning; ...) and every "exit N" its commands name, the
// help's "exit status:" section, and the man page's EXIT STATUS (docs/man/windowdeskctl.1). The same codes
// everywhere, and each of cli.md's words for a code in the help's text for it. cli.md is the contract in the
// shared docs (WINDOWDESK_CLI_MD, set by CMake; the test is skipped where the contract is not checked out).
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QString readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Lower-case words of four letters or more (articles and "or"/"its" carry no meaning here).
QSet<QString> words(const QString &text) {
    QSet<QString> out;
    static const QRegularExpression word(u"[a-z][a-z-]{3,}"_s);
    for (auto it = word.globalMatch(text.toLower()); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

// cli.md's general list: code → meaning.
QMap<int, QString> cliMdCodes(const QString &md) {
    const qsizetype from = md.indexOf(u"## Output and exit status"_s);
    const qsizetype to = md.indexOf(u"\n## "_s, from + 1);
    const QString section = md.mid(from, to - from).simplified();
    QMap<int, QString> out;
    static const QRegularExpression item(u"\\*\\*(\\d)\\*\\*\\s*(.*?)(?=;\\s*\\*\\*\\d\\*\\*|\\.\\s|$)"_s);
    for (auto it = item.globalMatch(section); it.hasNext();) {
        const auto m = it.next();
        out.insert(m.captured(1).toInt(), m.captured(2));
    }
    return out;
}

// The help's "exit status:" section: code → meaning (continuation lines joined).
QMap<int, QString> helpCodes(const QString &help) {
    const qsizetype from = help.indexOf(u"exit status:"_s);
    const qsizetype to = help.indexOf(u"\n\n"_s, from);
    QMap<int, QString> out;
    int current = -1;
    for (const QString &line : help.mid(from, to < 0 ? -1 : to - from).split(u'\n').mid(1)) {
        static const QRegularExpression head(u"^  (\\d)  (.*)$"_s);
        const auto m = head.match(line);
        if (m.hasMatch()) {
            current = m.captured(1).toInt();
            out.insert(current, m.captured(2));
        } else if (current >= 0) {
            out[current] += u' ' + line.trimmed();
        }
    }
    return out;
}

// The man page's EXIT STATUS: code → meaning.
QMap<int, QString> manCodes(const QString &man) {
    const qsizetype from = man.indexOf(u".SH EXIT STATUS"_s);
    const qsizetype to = man.indexOf(u"\n.SH "_s, from + 1);
    QMap<int, QString> out;
    static const QRegularExpression item(u"\\.TP\\n\\.B (\\d)\\n([^.][\\s\\S]*?)(?=\\n\\.TP|$)"_s);
    const QString section = man.mid(from, to - from);
    for (auto it = item.globalMatch(section); it.hasNext();) {
        const auto m = it.next();
        out.insert(m.captured(1).toInt(), m.captured(2).simplified());
    }
    return out;
}
} // namespace

class TestCtlExitCodes : public QObject {
    Q_OBJECT
private slots:
    void helpManAndCliMdAgree() {
        const QString md = readFile(QStringLiteral(WINDOWDESK_CLI_MD));
        if (md.isEmpty())
            QSKIP("cli.md (the shared contract) is not here: " WINDOWDESK_CLI_MD);
        QProcess p;
        p.start(QStringLiteral(WINDOWDESKCTL), {u"--help"_s});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString help = QString::fromUtf8(p.readAllStandardOutput());

        const QMap<int, QString> contract = cliMdCodes(md);
        const QMap<int, QString> told = helpCodes(help);
        const QMap<int, QString> man = manCodes(readFile(QStringLiteral(WINDOWDESK_MAN_PAGE)));
        QCOMPARE(contract.keys(), (QList<int>{0, 2, 3, 4, 5, 6})); // the parser read the whole list
        QCOMPARE(told.keys(), contract.keys());
        QCOMPARE(man.keys(), contract.keys());

        // Every code a command of cli.md names is one of the list's.
        static const QRegularExpression named(u"\\bexit(?: status)? \\**(\\d)\\b"_s);
        for (auto it = named.globalMatch(md); it.hasNext();) {
            const int code = it.next().captured(1).toInt();
            QVERIFY2(contract.contains(code),
                     qPrintable(u"cli.md names exit %1, not in its list"_s.arg(code)));
        }

        // Each code means the same: cli.md's words for it are in the help's text for it.
        for (auto it = contract.cbegin(); it != contract.cend(); ++it) {
            const QSet<QString> helpWords = words(told.value(it.key()));
            for (const QString &w : words(it.value()))
                QVERIFY2(helpWords.contains(w),
                         qPrintable(
                             u"exit %1: cli.md says \"%2\" (\"%3\"), --help says \"%4\""_s.arg(it.key()).arg(
                                 w, it.value(), told.value(it.key()))));
        }
        // cli.md's sentence after the list: a SQLite file that is not ours is refused untouched, exit 2.
        QVERIFY(md.simplified().contains(u"not a WindowDesk database is refused untouched with exit 2"_s));
        QVERIFY(told.value(2).contains(u"not a WindowDesk"_s) &&
                told.value(2).contains(u"refused untouched"_s));
    }
};

QTEST_GUILESS_MAIN(TestCtlExitCodes)
#include "tst_ctl_exitcodes.moc"
