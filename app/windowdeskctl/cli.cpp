#include "cli.h"

#include <windowdesk/core/clock.h>
#include <windowdesk/storage/auditlog.h>
#include <windowdesk/storage/keychainsecretstore.h>
#include <windowdesk/storage/personaldata.h>

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

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
    storage::OpenOptions withWait = options;
    withWait.busyTimeoutMs = busyTimeoutMs;
    auto r = storage::Database::open(dbPath, withWait);
    if (!r.ok()) {
        printError(r.error().message);
        // Damaged, unreadable, newer than this build or a failed migration: the database cannot be used (4);
        // locked or read-only: it cannot be written now (6); not ours: refused (2).
        m_dbExit = exitCodeForOpenError(r.error().code);
        m_dbError = r.error().code;
        return nullptr;
    }
    m_db = std::move(r).value();
    // A command that judges damage itself (skipQuickCheck) may read sealed values but writes nothing here.
    unlockPersonalData(!options.skipQuickCheck);
    return m_db.get();
}

// Every command that opens the database seals and opens personal data with its key from the keychain
// (made there on first use, and clear rows written without a keychain sealed then, audited). Without a
// keychain the values stay clear: said on stderr, never silently (issue 18 #4).
void Context::unlockPersonalData(bool mayWrite) {
    storage::KeychainSecretStore keychain;
    const bool reachable = storage::PersonalData::keychainReachable();
    storage::AuditLog audit(*m_db, SystemClock::instance(), reachable ? &keychain : nullptr);
    m_personalData = storage::PersonalData::unlock(*m_db, reachable ? &keychain : nullptr, &audit, mayWrite);
    if (const QString message = m_personalData.value(u"message"_s).toString(); !message.isEmpty())
        printError(u"警告 / warning: "_s + message);
}

int Context::exitCodeForOpenError(const QString &code) {
    if (code == u"db_busy" || code == u"db_readonly")
        return ExitCannotWrite;
    if (code == u"db_foreign")
        return ExitUsage;
    return ExitDamaged;
}

int Context::finish(int status) {
    if (status != ExitDamaged)
        return status;
    QString problem = m_db ? m_db->lockProblem() : QString();
    if (problem.isEmpty())
        problem = m_lockSeen;
    if (problem.isEmpty())
        return status;
    if (!m_lockTold)
        printError(problem == u"db_busy" ? storage::Database::busyMessage(dbPath, busyTimeoutMs)
                                         : storage::Database::readOnlyMessage(dbPath));
    return ExitCannotWrite;
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
    // SQLite's own words for a lock held elsewhere and for a file it may not write, as they reach a command
    // that reports a failed statement without looking at its cause.
    if (text.contains(u"database is locked", Qt::CaseInsensitive) ||
        text.contains(u"database table is locked", Qt::CaseInsensitive))
        m_lockSeen = QStringLiteral("db_busy");
    else if (text.contains(u"readonly database", Qt::CaseInsensitive))
        m_lockSeen = QStringLiteral("db_readonly");
    // Database's own messages for both (busyMessage, readOnlyMessage): said once is enough.
    if (text.contains(u"locked by another program beyond the busy wait") ||
        text.contains(u"is read-only (the file or its directory"))
        m_lockTold = true;
    const QByteArray b = text.toUtf8() + '\n';
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

int Context::usage(const QString &text) const {
    printError(QStringLiteral("windowdeskctl: ") + text);
    return ExitUsage;
}

} // namespace windowdesk::cli
