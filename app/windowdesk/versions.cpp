#include "versions.h"

#include <windowdesk/storage/database.h>

#include <openssl/crypto.h>
#include <zint.h>

using namespace Qt::StringLiterals;

namespace windowdesk::app {

QList<std::pair<QString, QString>> componentVersions(const storage::Database *db) {
    QString sqlite;
    if (db) {
        if (auto q = db->query(u"SELECT sqlite_version()"_s); q && q->next())
            sqlite = q->value(0).toString();
    }
    const int z = ZBarcode_Version(); // e.g. 21101 = 2.11.1
    const QString zint = u"%1.%2.%3"_s.arg(z / 10000).arg((z / 100) % 100).arg(z % 100);
    return {
        {u"WindowDesk"_s, QStringLiteral(WINDOWDESK_VERSION)},
        {u"Qt"_s, QString::fromLatin1(qVersion())},
        {u"SQLite"_s, sqlite},
        {u"zint"_s, zint},
        {u"OpenSSL"_s, QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION))},
    };
}

} // namespace windowdesk::app
