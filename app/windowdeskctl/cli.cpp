#include "cli.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace windowdesk::cli {

namespace {
QList<Command> &registry() {
    static QList<Command> r;
    return r;
}
} // namespace

CommandRegistrar::CommandRegistrar(const Command &c) {
    registry().append(c);
}
const QList<Command> &commands() {
    return registry();
}

storage::Database *Context::database(const storage::OpenOptions &options) {
    if (m_db)
        return m_db.get();
    auto r = storage::Database::open(dbPath, options);
    if (!r.ok()) {
        printError(r.error().message);
        // Damaged, unreadable, newer than this build or a failed migration: the database cannot be used (4).
        m_dbExit = ExitDamaged;
        return nullptr;
    }
    m_db = std::move(r).value();
    return m_db.get();
}

void Context::printJson(const QJsonObject &o) const {
    const QByteArray b = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void Context::printText(const QString &text) const {
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void Context::printError(const QString &text) const {
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

int Context::usage(const QString &text) const {
    printError(QStringLiteral("windowdeskctl: ") + text);
    return ExitUsage;
}

} // namespace windowdesk::cli
