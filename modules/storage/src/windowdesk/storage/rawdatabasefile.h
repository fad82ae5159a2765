#pragma once
// Raw bytes of a database file without a descriptor of our own (see the class comment).
#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_file;

namespace windowdesk::storage {

// The bytes of a database file, read through SQLite's own descriptor of it.
//
// POSIX advisory locks belong to the process, not to the descriptor: closing ANY descriptor of the file
// drops every lock the process holds on it, including those of its live SQLite connections (the GUI's, the
// sync worker's). Another process then takes itself for the last connection, checkpoints and unlinks the
// -wal and -shm under the connections still writing into them: committed data is lost and the file is
// corrupted (SQLite's "How To Corrupt" §2.2, issue 11). So this program never opens a descriptor of its own
// on a database file. SQLite knows the locks of every connection of the process to the same inode and defers
// closing a descriptor while any of them holds a lock; a read-only connection that runs no statement takes
// no lock, and its descriptor (SQLITE_FCNTL_FILE_POINTER) reads the raw bytes, damaged or not.
// The -wal file carries no lock (WAL locks live in the -shm), so reading it directly is harmless; the -shm is
// never opened by this program.
class RawDatabaseFile {
public:
    explicit RawDatabaseFile(const QString &path);
    ~RawDatabaseFile();
    RawDatabaseFile(const RawDatabaseFile &) = delete;
    RawDatabaseFile &operator=(const RawDatabaseFile &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    QString errorString() const { return m_error; }
    qint64 size() const; // -1 when unknown
    // Up to `length` bytes from `offset` (fewer at the end of the file); empty on a read error.
    QByteArray read(qint64 offset, qint64 length) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_file *m_file = nullptr;
    QString m_error;
};

} // namespace windowdesk::storage
