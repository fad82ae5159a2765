#include "rowreader.h"

#include "database.h"

#include <QSqlDriver>

#include <utility>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {

sqlite3 *handleOf(const Database &db) {
    const QVariant v = db.sql().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Error sqliteError(sqlite3 *h, int rc) {
    const int primary = rc & 0xff;
    const QString code = primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? u"db_busy"_s : u"sql"_s;
    return Error{code, h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString::fromUtf8(sqlite3_errstr(rc))};
}

} // namespace

Result<RowReader> RowReader::open(const Database &db, const QString &sql, const QVariantList &binds) {
    sqlite3 *h = handleOf(db);
    if (!h)
        return Error{u"sql"_s, u"not a SQLite connection"_s};
    RowReader r;
    const QByteArray text = sql.toUtf8();
    int rc = sqlite3_prepare_v2(h, text.constData(), int(text.size()), &r.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(h, rc);
    if (!r.m_stmt || !sqlite3_stmt_readonly(r.m_stmt))
        return Error{u"sql"_s, u"RowReader reads only: %1"_s.arg(sql.left(80))};
    if (binds.size() != sqlite3_bind_parameter_count(r.m_stmt))
        return Error{u"sql"_s, u"parameter count mismatch"_s};
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        switch (v.isNull() ? QMetaType::UnknownType : v.typeId()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(r.m_stmt, i + 1);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(r.m_stmt, i + 1, v.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(r.m_stmt, i + 1, v.toDouble());
            break;
        default: {
            const QByteArray s = v.toString().toUtf8();
            rc = sqlite3_bind_text(r.m_stmt, i + 1, s.constData(), int(s.size()), SQLITE_TRANSIENT);
        }
        }
        if (rc != SQLITE_OK)
            return sqliteError(h, rc);
    }
    return Result<RowReader>(std::move(r));
}

RowReader::RowReader(RowReader &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_error(std::move(other.m_error))
    , m_failed(other.m_failed) {}

RowReader &RowReader::operator=(RowReader &&other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_error = std::move(other.m_error);
        m_failed = other.m_failed;
    }
    return *this;
}

RowReader::~RowReader() {
    sqlite3_finalize(m_stmt);
}

bool RowReader::next() {
    if (!m_stmt || m_failed)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_error = sqliteError(sqlite3_db_handle(m_stmt), rc);
    }
    // Done (or failed): the statement lets go of its read transaction now, not when the reader goes.
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    return false;
}

Status RowReader::status() const {
    if (m_failed)
        return m_error;
    return {};
}

bool RowReader::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 RowReader::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QByteArrayView RowReader::utf8(int column) const {
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
}

QString RowReader::text(int column) const {
    const QByteArrayView v = utf8(column);
    return QString::fromUtf8(v.data(), v.size());
}

QDate RowReader::date(int column) const {
    const QByteArrayView v = utf8(column);
    auto digits = [&](int from, int n, int &out) {
        out = 0;
        for (int i = from; i < from + n; ++i) {
            const char ch = v.at(i);
            if (ch < '0' || ch > '9')
                return false;
            out = out * 10 + (ch - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (v.size() == 10 && v.at(4) == '-' && v.at(7) == '-' && digits(0, 4, y) && digits(5, 2, m) &&
        digits(8, 2, d))
        return QDate(y, m, d); // invalid for e.g. 2026-02-30, as fromString
    if (v.isEmpty())
        return {};
    return QDate::fromString(text(column), Qt::ISODate); // anything else exactly as the QVariant path read it
}

QString TextPool::get(QByteArrayView utf8) {
    // Looked up without a copy of the bytes; copied once when new.
    const QByteArray key = QByteArray::fromRawData(utf8.data(), utf8.size());
    auto it = m_pool.constFind(key);
    if (it != m_pool.constEnd())
        return it.value();
    QString s = QString::fromUtf8(utf8.data(), utf8.size());
    m_pool.insert(QByteArray(utf8.data(), utf8.size()), s);
    return s;
}

} // namespace windowdesk::storage
