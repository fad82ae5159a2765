// `windowdeskctl version`: versions of WindowDesk and the libraries it runs on.
#include "cli.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <openssl/crypto.h>
#include <zint.h>

namespace windowdesk::cli {
namespace {

QString sqliteVersion() {
    QString v;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version-probe"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
                v = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("version-probe"));
    return v;
}

QString zintVersion() {
    const int v = ZBarcode_Version(); // e.g. 21101 = 2.11.1
    return QStringLiteral("%1.%2.%3").arg(v / 10000).arg((v / 100) % 100).arg(v % 100);
}

int run(Context &ctx, const QStringList &args) {
    const bool json = args.contains(u"--json");
    const QJsonObject o{
        {QStringLiteral("windowdesk"), QStringLiteral(WINDOWDESK_VERSION)},
        {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("sqlite"), sqliteVersion()},
        {QStringLiteral("zint"), zintVersion()},
        {QStringLiteral("openssl"), QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION))},
    };
    if (json) {
        ctx.printJson(o);
    } else {
        ctx.printText(QStringLiteral("windowdeskctl %1\nQt %2\nSQLite %3\nzint %4\n%5")
                          .arg(o[u"windowdesk"].toString(), o[u"qt"].toString(), o[u"sqlite"].toString(),
                               o[u"zint"].toString(), o[u"openssl"].toString()));
    }
    return ExitOk;
}

const CommandRegistrar reg{{"version", "versions of WindowDesk, Qt, SQLite, zint and OpenSSL", &run}};
} // namespace
} // namespace windowdesk::cli
