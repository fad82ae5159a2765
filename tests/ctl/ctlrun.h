#pragma once
// Runs windowdeskctl on a database as a separate process and keeps what it said: exit status, stdout (raw
// and as the JSON object the command prints), stderr. Shared by the ctl tests that need nothing more.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace ctltest {

struct Run {
    int exitCode = -1; // -1: crashed or did not finish
    QByteArray out;
    QJsonObject json;
    QString err;
};

// Collects what a finished (or failed) windowdeskctl process said.
inline Run finished(QProcess &p) {
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.json = QJsonDocument::fromJson(r.out).object();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

inline Run ctl(const QString &db, const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{QStringLiteral("--db"), db} + args);
    p.waitForFinished(60000);
    return finished(p);
}

// As ctl(), with extra environment variables (NAME=value).
inline Run ctlEnv(const QString &db, const QStringList &args, const QStringList &env) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{QStringLiteral("--db"), db} + args);
    p.waitForFinished(120000);
    return finished(p);
}

} // namespace ctltest
