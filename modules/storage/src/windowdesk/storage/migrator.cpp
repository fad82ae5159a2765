#include "migrator.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

Result<QList<Migration>> Migrator::list(const QString &dir) {
    QDir d(dir);
    if (!d.exists())
        return Result<QList<Migration>>::failure(u"migration_invalid"_s,
                                                 u"migrations directory %1 not found"_s.arg(dir));
    static const QRegularExpression name(u"^(\\d{4})_[A-Za-z0-9_\\-]+\\.sql$"_s);
    QList<Migration> out;
    const QStringList files = d.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const auto m = name.match(f);
        if (!m.hasMatch())
            return Result<QList<Migration>>::failure(u"migration_invalid"_s,
                                                     u"migration file name %1 is not NNNN_name.sql"_s.arg(f));
        out.append({m.captured(1).toInt(), f, d.filePath(f)});
    }
    std::sort(out.begin(), out.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < out.size(); ++i) {
        if (out[i].version != int(i) + 1)
            return Result<QList<Migration>>::failure(
                u"migration_invalid"_s,
                u"migration %1: expected number %2 (numbers must run 1, 2, 3 … without gaps or duplicates)"_s
                    .arg(out[i].fileName)
                    .arg(i + 1));
    }
    return out;
}

namespace {
bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

QStringList Migrator::splitStatements(const QString &script) {
    QStringList out;
    QString current;
    bool hasCode = false;   // current holds more than white space and comments
    QStringList firstWords; // first three keywords of the statement, upper-cased
    bool isTrigger = false; // CREATE [TEMP|TEMPORARY] TRIGGER
    int depth = 0;          // BEGIN/CASE … END nesting inside a trigger
    const qsizetype n = script.size();
    qsizetype i = 0;

    auto finish = [&] {
        if (hasCode)
            out.append(current.trimmed());
        current.clear();
        hasCode = false;
        firstWords.clear();
        isTrigger = false;
        depth = 0;
    };

    while (i < n) {
        const QChar c = script.at(i);
        // Comments: copied (harmless) but they never count as code.
        if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            const qsizetype end = script.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? n : end;
            current += script.mid(i, stop - i);
            i = stop;
            continue;
        }
        if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            const qsizetype stop = end < 0 ? n : end + 2;
            current += script.mid(i, stop - i);
            i = stop;
            continue;
        }
        // Quoted strings and identifiers: a doubled quote character escapes itself.
        if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            const QChar close = c == u'[' ? u']' : c;
            qsizetype j = i + 1;
            while (j < n) {
                if (script.at(j) == close) {
                    if (close != u']' && j + 1 < n && script.at(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const qsizetype stop = j < n ? j + 1 : n;
            current += script.mid(i, stop - i);
            hasCode = true;
            i = stop;
            continue;
        }
        if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(script.at(j)))
                ++j;
            const QString word = script.mid(i, j - i);
            const QString upper = word.toUpper();
            if (firstWords.size() < 3)
                firstWords.append(upper);
            if (!isTrigger && firstWords.value(0) == u"CREATE" &&
                (firstWords.value(1) == u"TRIGGER" ||
                 ((firstWords.value(1) == u"TEMP" || firstWords.value(1) == u"TEMPORARY") &&
                  firstWords.value(2) == u"TRIGGER")))
                isTrigger = true;
            if (isTrigger) {
                if (upper == u"BEGIN" || upper == u"CASE")
                    ++depth;
                else if (upper == u"END" && depth > 0)
                    --depth;
            }
            current += word;
            hasCode = true;
            i = j;
            continue;
        }
        if (c == u';') {
            if (isTrigger && depth > 0) {
                current += c;
                ++i;
                continue;
            }
            ++i;
            finish();
            continue;
        }
        if (!c.isSpace())
            hasCode = true;
        current += c;
        ++i;
    }
    finish();
    return out;
}

} // namespace windowdesk::storage
