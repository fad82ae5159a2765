#pragma once
// A built .deb as the tests see it: its control fields, the paths it installs, its maintainer scripts, and
// its files unpacked into a temporary directory — all read with dpkg-deb, as an installer would.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QStringList>
#include <QTemporaryDir>

namespace installertest {

struct Run {
    int exitCode = -1; // -1: did not start, crashed or did not finish
    QByteArray out;
    QByteArray err;
    QString text() const { return QString::fromUtf8(out + err); }
};

inline Run run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
               int timeoutMs = 300000) {
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = "cannot start " + program.toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        p.kill(), p.waitForFinished(5000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

class DebPackage {
public:
    explicit DebPackage(const QString &path)
        : m_path(path) {}

    QString path() const { return m_path; }
    bool exists() const { return QFileInfo(m_path).isFile(); }

    QString field(const QString &name) const {
        return QString::fromUtf8(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_path, name}).out)
            .trimmed();
    }

    // Every path the package installs, absolute ("/usr/bin/windowdesk"); directories end in '/'.
    QStringList contents() const {
        QStringList paths;
        const auto listing =
            QString::fromUtf8(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_path}).out);
        for (const QString &line : listing.split(u'\n', Qt::SkipEmptyParts)) {
            // drwxr-xr-x root/root 0 2026-12-05 01:00 ./usr/bin/  (a link adds " -> target")
            QString p = line.section(QRegularExpression(QStringLiteral("\\s+")), 5);
            p = p.section(QStringLiteral(" -> "), 0, 0);
            if (p.startsWith(u"./"))
                p = p.mid(1);
            if (p != u"/")
                paths.append(p);
        }
        return paths;
    }

    // The control archive's members besides control and md5sums: postinst, prerm, triggers, ...
    QStringList maintainerScripts() const {
        QTemporaryDir dir;
        run(QStringLiteral("dpkg-deb"),
            {QStringLiteral("-e"), m_path, dir.path() + QStringLiteral("/DEBIAN")});
        QStringList names = QDir(dir.path() + QStringLiteral("/DEBIAN")).entryList(QDir::Files);
        names.removeAll(QStringLiteral("control"));
        names.removeAll(QStringLiteral("md5sums"));
        return names;
    }

    // Unpacks the package's files once; returns the root they were unpacked under ("" on failure).
    QString unpacked() {
        if (!m_root) {
            m_root = std::make_unique<QTemporaryDir>();
            if (run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_path, m_root->path()}).exitCode != 0)
                return {};
        }
        return m_root->path();
    }

    QByteArray fileContent(const QString &absolutePath) {
        QFile f(unpacked() + absolutePath);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_root;
};

// Width and height from a PNG's IHDR chunk ({-1, -1} if it is no PNG).
inline QSize pngSize(const QByteArray &png) {
    if (png.size() < 24 || !png.startsWith("\x89PNG\r\n\x1a\n") || png.mid(12, 4) != "IHDR")
        return {-1, -1};
    auto be32 = [&](int at) {
        return (quint32(quint8(png[at])) << 24) | (quint32(quint8(png[at + 1])) << 16) |
               (quint32(quint8(png[at + 2])) << 8) | quint32(quint8(png[at + 3]));
    };
    return {int(be32(16)), int(be32(20))};
}

// Whether a program's binary holds a Qt string literal (stored as UTF-16).
inline bool holdsStringLiteral(const QByteArray &binary, const QString &text) {
    return binary.contains(QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
}

} // namespace installertest
