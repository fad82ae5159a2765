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

inline Run ctl(const QString &db, const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(WINDOWDESKCTL), QStringList{QStringLiteral("--db"), db} + args);
    p.waitForFinished(60000);
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.json = QJsonDocument::fromJson(r.out).object();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace ctltest
