#include "rawdatabasefile.h"

#include <QFile>

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

RawDatabaseFile::RawDatabaseFile(const QString &path) {
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        return;
    }
    if (sqlite3_file_control(m_db, "main", SQLITE_FCNTL_FILE_POINTER, &m_file) != SQLITE_OK || !m_file ||
        !m_file->pMethods) {
        m_file = nullptr;
        m_error = u"no file handle"_s;
    }
}

RawDatabaseFile::~RawDatabaseFile() {
    // SQLite closes its descriptor only when no connection of this process holds a lock on the file.
    sqlite3_close_v2(m_db);
}

qint64 RawDatabaseFile::size() const {
    sqlite3_int64 n = -1;
    if (!m_file || m_file->pMethods->xFileSize(m_file, &n) != SQLITE_OK)
        return -1;
    return n;
}

QByteArray RawDatabaseFile::read(qint64 offset, qint64 length) const {
    const qint64 total = size();
    if (total < 0 || offset >= total || length <= 0)
        return {};
    const qint64 n = std::min(length, total - offset);
    QByteArray buf(n, Qt::Uninitialized);
    if (m_file->pMethods->xRead(m_file, buf.data(), int(n), offset) != SQLITE_OK)
        return {};
    return buf;
}

} // namespace windowdesk::storage
