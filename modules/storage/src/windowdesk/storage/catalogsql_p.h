#pragma once
// Private: prepared statements reused across the many rows of one import (preparing a statement per row
// would dominate the import time of a 10,000-item catalog). Valid for one connection and one transaction.
#include <windowdesk/core/result.h>

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>
#include <map>
#include <memory>

namespace windowdesk::storage::detail {

class Statements {
public:
    explicit Statements(QSqlDatabase db)
        : m_db(std::move(db)) {}

    // Runs `sql` with positional binds; the returned query is valid until the next run() of the same SQL.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &binds = {}) {
        auto it = m_cache.find(sql);
        if (it == m_cache.end()) {
            auto q = std::make_unique<QSqlQuery>(m_db);
            q->setForwardOnly(true);
            if (!q->prepare(sql))
                return Error{QStringLiteral("sql"), q->lastError().text()};
            it = m_cache.emplace(sql, std::move(q)).first;
        }
        QSqlQuery &q = *it->second;
        q.finish();
        for (qsizetype i = 0; i < binds.size(); ++i)
            q.bindValue(int(i), binds.at(i));
        if (!q.exec())
            return Error{QStringLiteral("sql"), q.lastError().text()};
        return &q;
    }

private:
    QSqlDatabase m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_cache;
};

// Appends `s` as a JSON string literal, escaped as QJsonDocument does. Rows bound as one JSON text and
// expanded by json_each cost one statement per page instead of one per row (QJsonDocument would cost
// more than the inserts).
inline void appendJsonString(QString &out, QStringView s) {
    out += u'"';
    qsizetype plain = 0; // start of the run of characters copied as they are
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out += s.sliced(plain, i - plain);
        plain = i + 1;
        switch (c) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\b':
            out += QStringLiteral("\\b");
            break;
        case u'\f':
            out += QStringLiteral("\\f");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QChar(u'0'));
        }
    }
    out += s.sliced(plain);
    out += u'"';
}

} // namespace windowdesk::storage::detail
