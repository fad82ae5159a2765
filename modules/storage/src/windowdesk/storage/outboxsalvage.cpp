#include "outboxsalvage.h"

#include "rawdatabasefile.h"

#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QtEndian>

#include <optional>

using namespace Qt::StringLiterals;

namespace windowdesk::storage {

namespace {

// SQLite's variable-length integer (fileformat.html §1.6): 1 to 9 bytes, big-endian, 7 bits a byte.
std::optional<qint64> varint(const QByteArray &b, qsizetype &at) {
    quint64 v = 0;
    for (int i = 0; i < 9; ++i) {
        if (at >= b.size())
            return std::nullopt;
        const quint8 c = quint8(b.at(at++));
        if (i == 8)
            return qint64((v << 8) | c);
        v = (v << 7) | (c & 0x7f);
        if (!(c & 0x80))
            return qint64(v);
    }
    return std::nullopt;
}

struct Value {
    bool isNull = true;
    bool isText = false;
    qint64 integer = 0;
    QByteArray bytes;
};

// The columns of one record (fileformat.html §2.1); nullopt when it does not parse.
std::optional<QList<Value>> record(const QByteArray &payload) {
    qsizetype at = 0;
    const auto headerSize = varint(payload, at);
    if (!headerSize || *headerSize < 1 || *headerSize > payload.size())
        return std::nullopt;
    QList<qint64> types;
    while (at < *headerSize) {
        const auto t = varint(payload, at);
        if (!t || *t < 0 || *t == 10 || *t == 11)
            return std::nullopt;
        types.append(*t);
    }
    qsizetype body = *headerSize;
    QList<Value> values;
    for (const qint64 t : types) {
        Value v;
        qsizetype len = 0;
        if (t >= 1 && t <= 6)
            len = QList<int>{1, 2, 3, 4, 6, 8}.at(int(t - 1));
        else if (t == 7)
            len = 8;
        else if (t >= 12)
            len = (t - 12) / 2;
        if (body + len > payload.size())
            return std::nullopt;
        if (t >= 1 && t <= 6) {
            qint64 n = qint8(payload.at(body)); // sign from the first byte
            for (qsizetype i = 1; i < len; ++i)
                n = (n << 8) | quint8(payload.at(body + i));
            v.isNull = false;
            v.integer = n;
        } else if (t == 8 || t == 9) {
            v.isNull = false;
            v.integer = t - 8;
        } else if (t >= 12) {
            v.isNull = false;
            v.isText = (t % 2) == 1;
            v.bytes = payload.mid(body, len);
        } else if (t == 7) {
            v.isNull = false;
        }
        body += len;
        values.append(v);
    }
    return values;
}

const QSet<QString> kStates{u"pending"_s,    u"in_flight"_s,       u"done"_s,
                            u"retry_wait"_s, u"needs_attention"_s, u"unsupported"_s};

bool isKindLike(const Value &v) {
    if (!v.isText || v.bytes.isEmpty() || v.bytes.size() > 40)
        return false;
    for (const char c : v.bytes) {
        if (!((c >= 'a' && c <= 'z') || c == '_'))
            return false;
    }
    return true;
}

QString text(const Value &v) {
    return v.isText ? QString::fromUtf8(v.bytes) : QString();
}

// The database's pages as its last commit left them: the file's, overlaid with the -wal's frames.
struct Pages {
    RawDatabaseFile &raw;
    QMap<quint32, QByteArray> wal; // page number → its newest bytes in the -wal
    quint32 pageSize = 4096;
    qint64 usable = 4096;
    quint32 filePages = 0;

    QByteArray page(quint32 n) const {
        if (n == 0)
            return {};
        if (auto it = wal.constFind(n); it != wal.constEnd())
            return *it;
        if (n > filePages)
            return {};
        return raw.read(qint64(n - 1) * pageSize, pageSize);
    }
    quint32 lastPage() const { return wal.isEmpty() ? filePages : std::max(filePages, wal.lastKey()); }
};

bool validPageSize(quint32 n) {
    return n >= 512 && n <= 65536 && (n & (n - 1)) == 0;
}

Pages readPages(RawDatabaseFile &raw, const QString &path, qint64 fileSize) {
    Pages pages{raw, {}, 0, 0, 0};
    // The -wal: its header names the page size; its committed-looking frames (same salts as its header) hold
    // newer versions of pages. No lock lives on the -wal (see RawDatabaseFile), so it is read directly.
    QByteArray wal;
    {
        QFile f(path + u"-wal"_s);
        if (f.open(QIODevice::ReadOnly))
            wal = f.readAll();
    }
    const QByteArray header = raw.read(0, 100);
    quint32 pageSize = 0;
    if (header.size() == 100 && header.startsWith(QByteArray("SQLite format 3\0", 16))) {
        pageSize = qFromBigEndian<quint16>(header.constData() + 16);
        if (pageSize == 1)
            pageSize = 65536;
    }
    if (!validPageSize(pageSize) && wal.size() >= 32)
        pageSize = qFromBigEndian<quint32>(wal.constData() + 8);
    if (!validPageSize(pageSize))
        pageSize = 4096;
    quint32 reserved = header.size() == 100 ? quint8(header.at(20)) : 0;
    if (reserved >= pageSize / 2)
        reserved = 0;
    pages.pageSize = pageSize;
    pages.usable = qint64(pageSize) - reserved;
    if (wal.size() >= 32 && qFromBigEndian<quint32>(wal.constData() + 8) == pageSize) {
        const QByteArray salts = wal.mid(16, 8);
        for (qsizetype at = 32; at + 24 + pageSize <= wal.size(); at += 24 + pageSize) {
            if (wal.mid(at + 8, 8) != salts)
                break; // a frame of an earlier generation of the -wal: not this one's
            pages.wal.insert(qFromBigEndian<quint32>(wal.constData() + at), wal.mid(at + 24, pageSize));
        }
    }
    pages.filePages = quint32(std::max<qint64>(0, fileSize) / pageSize);
    return pages;
}

// The rowid and the whole payload of the cell at `at` of the table leaf `p` (overflow pages followed);
// nullopt when it does not parse.
std::optional<std::pair<qint64, QByteArray>> cellAt(const Pages &pages, const QByteArray &p, qsizetype at) {
    const qint64 maxLocal = pages.usable - 35;
    const qint64 minLocal = ((pages.usable - 12) * 32 / 255) - 23;
    const auto payloadSize = varint(p, at);
    const auto rowid = varint(p, at);
    if (!payloadSize || !rowid || *payloadSize <= 0 || *payloadSize > (64 << 20))
        return std::nullopt;
    qint64 local = *payloadSize;
    if (*payloadSize > maxLocal) {
        const qint64 k = minLocal + ((*payloadSize - minLocal) % (pages.usable - 4));
        local = k <= maxLocal ? k : minLocal;
    }
    if (at + local > p.size())
        return std::nullopt;
    QByteArray payload = p.mid(at, local);
    if (local < *payloadSize) {
        // The rest on the overflow chain: 4 bytes of next page number, then data.
        if (at + local + 4 > p.size())
            return std::nullopt;
        quint32 next = qFromBigEndian<quint32>(p.constData() + at + local);
        int hops = 0;
        while (next != 0 && payload.size() < *payloadSize && hops++ < 20000) {
            const QByteArray o = pages.page(next);
            if (o.size() != qsizetype(pages.pageSize))
                break;
            payload += o.mid(4, std::min<qint64>(pages.usable - 4, *payloadSize - payload.size()));
            next = qFromBigEndian<quint32>(o.constData());
        }
        if (payload.size() < *payloadSize)
            return std::nullopt;
    }
    return std::make_pair(*rowid, payload);
}

// An outbox row from a record: seq (the rowid, stored as NULL), op_id, kind, local_id, parent_local_id,
// method, path, payload, payload_sha256, state, attempts, created_at, next_attempt_at, last_attempt_at,
// last_status, last_error, … (db/migrations/0001_init.sql); nullopt when the record is not one.
std::optional<OutboxEntry> outboxEntry(const QList<Value> &v, qint64 rowid) {
    if (v.size() < 19 || !v.at(0).isNull || !v.at(1).isText || !isKindLike(v.at(2)) || !v.at(3).isText ||
        !kStates.contains(text(v.at(9))) || !v.at(11).isText)
        return std::nullopt;
    OutboxEntry e;
    e.seq = rowid;
    e.opId = text(v.at(1));
    e.kind = text(v.at(2));
    e.localId = text(v.at(3));
    e.parentLocalId = text(v.at(4));
    e.method = text(v.at(5));
    e.path = text(v.at(6));
    e.payload = v.at(7).bytes;
    e.payloadSha256 = text(v.at(8));
    e.state = text(v.at(9));
    e.attempts = int(v.at(10).integer);
    e.createdAt = text(v.at(11));
    e.nextAttemptAt = text(v.at(12));
    e.lastAttemptAt = text(v.at(13));
    e.lastStatus = int(v.at(14).integer);
    e.lastError = text(v.at(15));
    return e;
}

} // namespace

OutboxSalvage salvageOutboxFromPages(const QString &path) {
    OutboxSalvage out;
    RawDatabaseFile raw(path);
    if (!raw.isOpen())
        return out;
    const qint64 fileSize = raw.size();
    out.pagesRead = fileSize >= 0;
    const Pages pages = readPages(raw, path, fileSize);

    QMap<qint64, OutboxEntry> bySeq;
    for (quint32 n = 1; n <= pages.lastPage(); ++n) {
        const QByteArray p = pages.page(n);
        if (p.size() != qsizetype(pages.pageSize))
            continue;
        const qsizetype hdr = n == 1 ? 100 : 0;
        if (quint8(p.at(hdr)) != 0x0d) // a table b-tree leaf
            continue;
        const int cells = qFromBigEndian<quint16>(p.constData() + hdr + 3);
        for (int c = 0; c < cells; ++c) {
            const qsizetype ptrAt = hdr + 8 + 2 * c;
            if (ptrAt + 2 > p.size())
                break;
            const auto cell = cellAt(pages, p, qFromBigEndian<quint16>(p.constData() + ptrAt));
            if (!cell)
                continue;
            const auto values = record(cell->second);
            if (!values)
                continue;
            if (auto e = outboxEntry(*values, cell->first))
                bySeq.insert(e->seq, *e); // pages are visited once, in page order; a row lives on one page
        }
    }
    for (const OutboxEntry &e : std::as_const(bySeq)) {
        if (e.state != u"done"_s)
            out.rows.append(e);
    }
    return out;
}

} // namespace windowdesk::storage
